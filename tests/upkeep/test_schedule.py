from datetime import UTC, datetime, timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from selftrust.upkeep.models import ScheduledRun
from selftrust.upkeep.schedule import enqueue_due_jobs, forget_old_runs, slot_of

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 6, 10, 12, 0, 0, tzinfo=UTC)


def queued() -> list[str]:
    return sorted(DBTaskResult.objects.values_list("task_path", flat=True))


def test_a_slot_is_the_start_of_its_minute_or_hour():
    moment = datetime(2026, 6, 10, 12, 34, 56, tzinfo=UTC)
    assert slot_of(moment, timedelta(minutes=1)) == datetime(2026, 6, 10, 12, 34, tzinfo=UTC)
    assert slot_of(moment, timedelta(hours=1)) == datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


def test_due_reminders_every_minute_and_upkeep_every_hour_are_enqueued():
    assert enqueue_due_jobs(NOON) == ["send-due-reminders", "hourly-upkeep"]
    assert queued() == [
        "selftrust.reminders.tasks.send_due_reminders",
        "selftrust.upkeep.tasks.hourly_upkeep",
    ]


def test_a_slot_is_enqueued_once_however_many_workers_ask():
    enqueue_due_jobs(NOON)
    assert enqueue_due_jobs(NOON + timedelta(seconds=30)) == []
    assert len(queued()) == 2


def test_the_next_minute_brings_reminders_again_but_not_upkeep():
    enqueue_due_jobs(NOON)
    assert enqueue_due_jobs(NOON + timedelta(minutes=1)) == ["send-due-reminders"]
    assert enqueue_due_jobs(NOON + timedelta(hours=1)) == ["send-due-reminders", "hourly-upkeep"]


def test_old_slots_are_forgotten():
    enqueue_due_jobs(NOON)
    enqueue_due_jobs(NOON + timedelta(days=2))
    assert forget_old_runs(NOON + timedelta(days=2)) == 2
    assert ScheduledRun.objects.count() == 2
