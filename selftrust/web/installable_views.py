"""The manifest, the service worker and the pages it keeps on a device (see installable.py)."""

from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from selftrust.safety.resources import resources_for
from selftrust.web import installable


@require_GET
def manifest(request):
    return JsonResponse(
        installable.manifest(),
        content_type="application/manifest+json",
        json_dumps_params={"indent": 2},
    )


@require_GET
def service_worker(request):
    """Served from the root, not /static/, so that it may look after every page (scope /)."""
    script = render_to_string(
        installable.SERVICE_WORKER_TEMPLATE,
        {"settings_json": installable.service_worker_settings_json()},
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker on each visit; never answer that from a cache.
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def offline(request):
    """The calm page the service worker shows for a page that can't be reached.

    Rendered for nobody (no request, so no user, messages or session): the copy kept on a
    device is the same for everyone.
    """
    return HttpResponse(render_to_string("web/offline.html"))


@require_GET
def offline_help(request):
    """Get help now as kept on the device: the crisis lines for the person's country only.

    The request decides the country (their setting, their cookie or our guess) and nothing
    else: the page is rendered without it, so it can't show their plan, their trusted people
    or a message, nor take the support offered after saving words that suggest crisis.
    """
    page = render_to_string("web/offline_help.html", {"shown": resources_for(request)})
    return HttpResponse(page)
