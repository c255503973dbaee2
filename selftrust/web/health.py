"""The health check a load balancer asks, answered before anything about the request is
trusted: any Host header, any cookie, plain HTTP. It reveals nothing but up or down."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

HEALTH_PATH = "/healthz"


def database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def health_response() -> JsonResponse:
    if database_reachable():
        response = JsonResponse({"status": "ok", "database": "ok"})
    else:
        response = JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    """First in the chain, so a probe by IP address is not refused as a bad Host (400), a
    stale session cookie cannot turn it into a 500, and no session is read or written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
