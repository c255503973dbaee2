"""The worker command and the hourly upkeep it schedules."""

import signal
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from selftrust.reminders.models import SentReminder
from selftrust.upkeep import tasks as upkeep
from selftrust.upkeep.management.commands import worker
from tests.reminders.factories import person_with_email, reminded_promise

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _email_available(settings):
    settings.REMINDER_EMAIL_ENABLED = True


def a_zone_where_it_is_midday() -> str:
    """A fixed-offset zone where it is between 11:00 and 13:00 now, so 'a minute ago' is
    today there, whenever the test runs."""
    offset = 12 - timezone.now().hour
    if offset == 0:
        return "Etc/UTC"
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


# The worker closes and reopens connections between tasks, as in production: that needs
# real commits, not the test's enclosing transaction.
@pytest.mark.django_db(transaction=True)
def test_the_worker_enqueues_due_reminders_and_runs_them():
    zone = a_zone_where_it_is_midday()
    person = person_with_email(zone)
    local_now = timezone.now().astimezone(ZoneInfo(zone))
    reminded_promise(person, at=(local_now - timedelta(minutes=1)).time())

    call_command("worker", "--once", verbosity=0)

    assert len(mail.outbox) == 1
    assert SentReminder.objects.get().status == "sent"
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


# The worker closes and reopens connections between tasks, as in production: that needs
# real commits, not the test's enclosing transaction.
@pytest.mark.django_db(transaction=True)
def test_running_the_worker_again_in_the_same_minute_sends_nothing_twice():
    zone = a_zone_where_it_is_midday()
    person = person_with_email(zone)
    local_now = timezone.now().astimezone(ZoneInfo(zone))
    reminded_promise(person, at=(local_now - timedelta(minutes=1)).time())
    call_command("worker", "--once", verbosity=0)
    call_command("worker", "--once", verbosity=0)
    assert len(mail.outbox) == 1


def test_the_worker_needs_the_database_task_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with pytest.raises(CommandError, match="django_tasks_db.DatabaseBackend"):
        call_command("worker", "--once", verbosity=0)


def test_a_worker_started_by_the_server_stops_when_the_server_has_gone(monkeypatch):
    parents = iter([100, 100, 1])
    signals = []
    monkeypatch.setattr(worker.os, "getppid", lambda: next(parents))
    monkeypatch.setattr(worker.os, "kill", lambda pid, sent: signals.append(sent))
    monkeypatch.setattr(worker.time, "sleep", lambda seconds: None)
    worker._stop_when_parent_goes(100)
    assert signals == [signal.SIGTERM]


# --- hourly upkeep --------------------------------------------------------------------------


def test_upkeep_runs_purge_when_it_is_installed(monkeypatch):
    ran = []
    monkeypatch.setattr(upkeep, "get_commands", lambda: {"purge": "x", "clearsessions": "y"})
    monkeypatch.setattr(upkeep, "call_command", lambda name, *a, **k: ran.append(name))
    result = upkeep.hourly_upkeep.call()
    assert ran == ["purge", "clearsessions"]
    assert result["purge"] == "done"


def test_upkeep_skips_purge_when_it_is_not_installed(monkeypatch):
    monkeypatch.setattr(upkeep, "get_commands", lambda: {"clearsessions": "django.contrib"})
    assert upkeep.hourly_upkeep.call()["purge"] == "not installed"


def test_a_failing_step_does_not_stop_the_others(monkeypatch, caplog):
    real = upkeep.call_command

    def purge_breaks(name, *args, **kwargs):
        if name == "purge":
            raise RuntimeError("disk full")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(upkeep, "get_commands", lambda: {"purge": "x", "clearsessions": "y"})
    monkeypatch.setattr(upkeep, "call_command", purge_breaks)
    Session.objects.create(
        session_key="old", session_data="", expire_date=timezone.now() - timedelta(days=1)
    )
    result = upkeep.hourly_upkeep.call()
    assert result["purge"] == "failed"
    assert "`purge` failed" in caplog.text
    assert not Session.objects.exists()


def test_upkeep_forgets_old_task_results_and_old_reminder_logs():
    now = timezone.now()
    person = person_with_email("UTC")
    SentReminder.objects.create(
        user=person,
        kind="promise",
        item_id=1,
        local_date=(now - timedelta(days=40)).date(),
        channel="email",
        created_at=now - timedelta(days=40),
    )
    recent = SentReminder.objects.create(
        user=person, kind="promise", item_id=1, local_date=now.date(), channel="email"
    )
    old_task = upkeep.hourly_upkeep.enqueue()
    DBTaskResult.objects.filter(id=old_task.id).update(
        status="SUCCESSFUL", finished_at=now - timedelta(days=3)
    )
    waiting_task = upkeep.hourly_upkeep.enqueue()

    result = upkeep.hourly_upkeep.call()

    assert result["reminder_log_removed"] == 1
    assert list(SentReminder.objects.all()) == [recent]
    assert result["task_results_removed"] == 1
    assert list(DBTaskResult.objects.values_list("id", flat=True)) == [
        DBTaskResult.objects.get(id=waiting_task.id).id
    ]
