from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def home(request):
    if request.user.is_authenticated:
        return redirect("promises:today")
    return render(request, "web/home.html")


def privacy(request):
    return render(request, "web/privacy.html")


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


def hello(request):
    """The benchmark's baseline: the same server and middleware, no work."""
    return HttpResponse("Hello, world", content_type="text/plain")


def not_found(request, exception=None):
    return render(request, "web/404.html", status=404)


def server_error(request):
    return render(request, "web/500.html", status=500)
