"""The periodic jobs, and putting each on the task queue once per time slot.

The database task backend runs what is enqueued; nothing enqueues by itself, so each worker
runs `run_schedule` beside its task loop. With several workers (one per app server), each
tries every minute; the unique `ScheduledRun` row lets exactly one of them enqueue a slot.
"""

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import IntegrityError, connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from selftrust.upkeep.models import ScheduledRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    task: str  # the dotted path of a django-tasks Task


JOBS = (
    # Idempotent: the reminder log makes a second run in the same minute send nothing.
    Job("send-due-reminders", timedelta(minutes=1), "selftrust.reminders.tasks.send_due_reminders"),
    # `purge` (if installed), expired sessions, finished task results, old logs.
    Job("hourly-upkeep", timedelta(hours=1), "selftrust.upkeep.tasks.hourly_upkeep"),
)
# Scheduled-run rows are only needed while their slot could still be enqueued twice.
KEEP_RUNS = timedelta(days=1)


def slot_of(now: datetime, every: timedelta) -> datetime:
    """The start of the slot `now` is in: the minute, or the hour (in UTC)."""
    seconds = int(every.total_seconds())
    stamp = int(now.timestamp())
    return datetime.fromtimestamp(stamp - stamp % seconds, tz=UTC)


def enqueue_due_jobs(now: datetime | None = None, jobs=JOBS) -> list[str]:
    """Enqueue every job whose current slot nobody has enqueued yet; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs:
        try:
            # The row and the queued task are written together, or neither is.
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, slot=slot_of(now, job.every))
                import_string(job.task).enqueue()
        except IntegrityError:
            continue  # another worker has this slot
        enqueued.append(job.name)
    return enqueued


def forget_old_runs(now: datetime | None = None) -> int:
    now = now or timezone.now()
    deleted, _by_model = ScheduledRun.objects.filter(slot__lt=now - KEEP_RUNS).delete()
    return deleted


def run_schedule(stop: threading.Event, tick: timedelta = timedelta(minutes=1)) -> None:
    """Enqueue due jobs at the start of every minute until `stop` is set (a worker's thread)."""
    while not stop.is_set():
        try:
            enqueue_due_jobs()
        except Exception:  # the database may be restarting: try again next minute
            logger.exception("Could not enqueue the scheduled jobs; trying again in a minute")
        finally:
            connections.close_all()  # this thread's connections; the next tick opens anew
        seconds = tick.total_seconds()
        stop.wait(seconds - (timezone.now().timestamp() % seconds) + 1)
