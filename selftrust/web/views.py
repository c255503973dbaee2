from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from selftrust.web.health import health_response


def home(request):
    if request.user.is_authenticated:
        return redirect("promises:today")
    return render(request, "web/home.html")


def privacy(request):
    return render(request, "web/privacy.html")


@require_GET
def healthz(request):
    """Normally answered by HealthCheckMiddleware before reaching here; kept for reverse()."""
    return health_response()


def hello(request):
    """The benchmark's baseline: the same server and middleware, no work."""
    return HttpResponse("Hello, world", content_type="text/plain")


def not_found(request, exception=None):
    return render(request, "web/404.html", status=404)


def server_error(request):
    return render(request, "web/500.html", status=500)
