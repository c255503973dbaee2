"""The health check answers a load balancer's probe whatever it sends."""

import pytest
from django.db import DatabaseError
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_probe_by_ip_address_gets_an_answer_not_a_bad_host(client):
    response = Client().get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"


def test_a_probe_with_a_broken_session_cookie_still_gets_an_answer():
    probe = Client()
    probe.cookies["sessionid"] = "not-a-session"
    assert probe.get("/healthz", HTTP_HOST="203.0.113.9").status_code == 200


def test_the_health_check_is_never_cached_and_sets_no_cookie():
    response = Client().get("/healthz", HTTP_HOST="10.0.0.7")
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_an_unreachable_database_is_a_503_even_for_an_unknown_host(monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("gone")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    response = Client().get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


def test_other_pages_still_refuse_an_unknown_host():
    assert Client().get("/help/", HTTP_HOST="10.0.0.7").status_code == 400


def test_the_worker_is_reported_apart_from_the_database():
    from datetime import timedelta

    from django.utils import timezone

    from selftrust.upkeep.models import ScheduledRun

    assert Client().get("/healthz").json()["worker"]["status"] == "not seen yet"
    ScheduledRun.objects.create(job="reminders", slot=timezone.now())
    worker = Client().get("/healthz").json()["worker"]
    assert worker["status"] == "ok"
    assert worker["queue_age_seconds"] == 0
    ScheduledRun.objects.update(created_at=timezone.now() - timedelta(minutes=10))
    late = Client().get("/healthz")
    assert late.status_code == 200  # a late worker delays reminders; the pages still work
    assert late.json()["worker"]["status"] == "late"


def test_the_queue_age_is_the_oldest_task_waiting(settings):
    from selftrust.upkeep.tasks import hourly_upkeep

    hourly_upkeep.enqueue()
    assert Client().get("/healthz").json()["worker"]["queue_age_seconds"] >= 0
