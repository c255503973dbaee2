"""`selftrust purge`: remove for good what is past its time, whether or not anyone opens a page.

- entries deleted longer ago than the undo window (ten minutes), with any unsaved change to them;
- drafts nobody has touched for three months (selftrust/drafts/store.py says why so long);
- sign-in sessions that have expired (Django's own `clearsessions`).

Meant to run on a schedule (every few minutes is cheap: each step is one indexed delete).
`--dry-run` counts what would go and removes nothing.
"""

import contextlib
from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from selftrust.drafts import store as drafts
from selftrust.practices import services as practices


def remove_expired_sessions(*, dry_run: bool = False) -> int | None:
    """Django's `clearsessions`, counted; None where the session store cannot count (sessions
    kept in a cache or in signed cookies expire by themselves)."""
    session_store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(session_store, "get_model_class"):
        if not dry_run:
            with contextlib.suppress(NotImplementedError):
                session_store.clear_expired()
        return None
    expired = session_store.get_model_class().objects.filter(expire_date__lt=timezone.now())
    count = expired.count()
    if not dry_run and count:
        session_store.clear_expired()
    return count


def _counted(count: int | None, one: str, many: str) -> str:
    if count is None:
        return f"{many} (their store removes them by itself)"
    return f"{count} {one if count == 1 else many}"


class Command(BaseCommand):
    help = (
        "Remove deleted entries past their undo window, drafts untouched for "
        f"{drafts.STALE_AFTER.days} days and expired sign-in sessions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be removed."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        undo_minutes = practices.UNDO_WINDOW.seconds // 60
        removed = [
            _counted(
                practices.purge_deleted(dry_run=dry_run),
                f"deleted entry past its {undo_minutes}-minute undo window",
                f"deleted entries past their {undo_minutes}-minute undo window",
            ),
            _counted(
                drafts.remove_stale(dry_run=dry_run),
                f"draft untouched for more than {drafts.STALE_AFTER.days} days",
                f"drafts untouched for more than {drafts.STALE_AFTER.days} days",
            ),
            _counted(
                remove_expired_sessions(dry_run=dry_run),
                "expired sign-in session",
                "expired sign-in sessions",
            ),
        ]
        verb = "Would remove" if dry_run else "Removed"
        for line in removed:
            self.stdout.write(f"{verb} {line}.")
        if dry_run:
            self.stdout.write("Nothing was removed: this was a dry run.")
