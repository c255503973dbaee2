"""`purge` removes what is past its time on a schedule, whether or not anyone opens a page."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from selftrust.drafts import store
from selftrust.drafts.models import Draft
from selftrust.practices import services
from selftrust.practices.models import Decision, Entry
from tests.drafts.factories import DraftFactory
from tests.factories import DecisionFactory, EntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """Moves time forward for everything that asks django.utils.timezone.now()."""
    real_now = timezone.now
    moved = timedelta()

    class Clock:
        def forward(self, delta: timedelta) -> None:
            nonlocal moved
            moved += delta

    monkeypatch.setattr(timezone, "now", lambda: real_now() + moved)
    return Clock()


def purge(*args) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def deleted(user, ago: timedelta, **kwargs) -> Entry:
    return EntryFactory(user=user, deleted_at=timezone.now() - ago, **kwargs)


def test_an_entry_deleted_minutes_ago_stays_and_one_deleted_days_ago_goes(user, other_user):
    recent = deleted(user, timedelta(minutes=2))
    old = deleted(other_user, timedelta(days=2))
    kept = EntryFactory(user=user)
    output = purge()
    assert set(Entry.objects.values_list("pk", flat=True)) == {recent.pk, kept.pk}
    assert not Entry.objects.filter(pk=old.pk).exists()
    assert "Removed 1 deleted entry past its 10-minute undo window." in output


def test_the_clock_moving_on_is_enough_no_page_needs_opening(user, clock):
    """Nobody lists entries or signs in: the command alone removes them."""
    entry = EntryFactory(user=user)
    services.delete_entry(entry)
    purge()
    assert Entry.objects.filter(pk=entry.pk).exists()  # still within the undo window
    clock.forward(services.UNDO_WINDOW + timedelta(seconds=1))
    purge()
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_a_purged_decision_takes_its_record_and_its_unsaved_changes_with_it(user):
    decision = DecisionFactory(
        entry__user=user, entry__deleted_at=timezone.now() - timedelta(days=2)
    )
    entry = decision.entry
    store.save(user, services.draft_key(entry.definition, entry), {"decision": ["Half"]})
    store.save(user, services.draft_key(entry.definition, entry, review=True), {"learned": ["x"]})
    store.save(user, "practice:decision:new", {"decision": ["A new one"]})
    purge()
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert not Decision.objects.exists()
    assert list(Draft.objects.values_list("key", flat=True)) == ["practice:decision:new"]


def test_drafts_untouched_for_longer_than_the_stale_window_go(user, clock):
    DraftFactory(user=user, key="practice:win:new")
    clock.forward(store.STALE_AFTER - timedelta(days=1))
    DraftFactory(user=user, key="safety-plan")  # written a day before the first one is due
    purge()
    assert Draft.objects.count() == 2
    clock.forward(timedelta(days=1, seconds=1))
    output = purge()
    assert list(Draft.objects.values_list("key", flat=True)) == ["safety-plan"]
    assert f"Removed 1 draft untouched for more than {store.STALE_AFTER.days} days." in output


def test_touching_a_draft_keeps_it_longer(user, clock):
    DraftFactory(user=user, key="safety-plan")
    clock.forward(store.STALE_AFTER - timedelta(days=1))
    store.save(user, "safety-plan", {"warning_signs": ["Still writing"]})
    clock.forward(timedelta(days=2))
    purge()
    assert store.get(user, "safety-plan") == {"warning_signs": ["Still writing"]}


def test_the_stale_window_is_long(user):
    # A painful entry left for another day must outlast a hard few weeks away.
    assert timedelta(days=30) <= store.STALE_AFTER


def test_expired_sessions_go_and_live_ones_stay(user, clock):
    live = SessionStore()
    live["note"] = "signed in"
    live.set_expiry(3600)
    live.create()
    gone = SessionStore()
    gone.set_expiry(60)
    gone.create()
    clock.forward(timedelta(minutes=5))
    output = purge()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
    assert "Removed 1 expired sign-in session." in output


def test_a_dry_run_counts_in_plain_words_and_removes_nothing(user, clock):
    deleted(user, timedelta(days=2))
    deleted(user, timedelta(days=3))
    DraftFactory(user=user)
    session = SessionStore()
    session.set_expiry(60)
    session.create()
    clock.forward(store.STALE_AFTER + timedelta(days=1))
    output = purge("--dry-run")
    assert output.splitlines() == [
        "Would remove 2 deleted entries past their 10-minute undo window.",
        f"Would remove 1 draft untouched for more than {store.STALE_AFTER.days} days.",
        "Would remove 1 expired sign-in session.",
        "Nothing was removed: this was a dry run.",
    ]
    assert Entry.objects.count() == 2
    assert Draft.objects.count() == 1
    assert Session.objects.count() == 1


def test_with_nothing_to_remove_it_says_so(db):
    assert purge().splitlines() == [
        "Removed 0 deleted entries past their 10-minute undo window.",
        f"Removed 0 drafts untouched for more than {store.STALE_AFTER.days} days.",
        "Removed 0 expired sign-in sessions.",
    ]
