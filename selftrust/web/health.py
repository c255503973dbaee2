"""The health check a load balancer asks, answered before anything about the request is
trusted: any Host header, any cookie, plain HTTP. It reveals nothing but up or down."""

from datetime import timedelta

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
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


# The worker's scheduler writes a row every minute; after this long without one it is late.
WORKER_LATE_AFTER = timedelta(minutes=3)


def worker_state() -> dict:
    """How the background worker is doing: when its scheduler last ran, and how long the
    oldest task waiting in the queue has waited. Reported, never a reason to answer 503:
    a late worker delays reminders, and the pages still work."""
    from django_tasks_db.models import DBTaskResult

    from selftrust.upkeep.models import ScheduledRun

    now = timezone.now()
    last_run = ScheduledRun.objects.order_by("-created_at").values_list("created_at", flat=True)
    last_run = last_run.first()
    oldest = (
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True)
    )
    oldest = oldest.first()
    if last_run is None:
        status = "not seen yet"
    else:
        status = "ok" if now - last_run <= WORKER_LATE_AFTER else "late"
    return {
        "status": status,
        "last_seen_seconds_ago": None
        if last_run is None
        else int((now - last_run).total_seconds()),
        "queue_age_seconds": 0 if oldest is None else int((now - oldest).total_seconds()),
    }


def health_response() -> JsonResponse:
    if not database_reachable():
        response = JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    else:
        try:
            worker = worker_state()
        except DatabaseError:
            worker = {"status": "unknown"}
        response = JsonResponse({"status": "ok", "database": "ok", "worker": worker})
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
