"""Hourly upkeep: things that must happen whether or not anyone opens a page."""

import io
import logging
from datetime import timedelta

from django.core.management import call_command, get_commands
from django.utils import timezone

from selftrust.reminders.sending import forget_old_log
from selftrust.upkeep.schedule import forget_old_runs

try:  # Django 6 has the task framework built in; before it, the django-tasks package.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

logger = logging.getLogger(__name__)

# Finished task results are only for looking into a problem soon after it happened.
KEEP_TASK_RESULTS = timedelta(days=2)


def _command(name: str, *args) -> str:
    """Run a management command, its output kept for the log; a failure is logged, not raised,
    so one broken step does not stop the rest."""
    if name not in get_commands():
        return "not installed"
    output = io.StringIO()
    try:
        call_command(name, *args, stdout=output, stderr=output)
    except Exception:
        logger.exception("Upkeep: `%s` failed", name)
        return "failed"
    return output.getvalue().strip() or "done"


def forget_finished_tasks(now=None) -> int:
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    deleted, _by_model = (
        DBTaskResult.objects.finished().filter(finished_at__lt=now - KEEP_TASK_RESULTS).delete()
    )
    return deleted


@task()
def hourly_upkeep() -> dict:
    return {
        # Written by the drafts and practices apps: deleted entries past undo, old drafts.
        "purge": _command("purge"),
        "clearsessions": _command("clearsessions"),
        "task_results_removed": forget_finished_tasks(),
        "scheduled_runs_removed": forget_old_runs(),
        "reminder_log_removed": forget_old_log(),
    }
