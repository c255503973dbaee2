"""The timeline and the decision journal ask the database the same few questions however
much a person has written: ten entries or five hundred, the count is the same (an N+1 would
make it grow). On PostgreSQL every query is a round trip, so the counts are pinned here.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.practices import services
from selftrust.practices.models import Decision, Entry
from tests.factories import DecisionFactory, EntryFactory

pytestmark = pytest.mark.django_db
TIMELINE = reverse("practices:timeline")
DECISIONS = reverse("practices:decisions")

# Signed in: the session and the user. Then one query for the page of entries, which also
# carries how many there are and whether anything is deleted (practices/services.py,
# timeline_page).
TIMELINE_QUERIES = 3
# After a delete: whether anything is past the undo window, and the entry to offer Undo for.
TIMELINE_QUERIES_WITH_UNDO = TIMELINE_QUERIES + 2
# The session, the user; the decisions looked back on (for the calibration), and in one
# query the decisions ready to look back on with the ten newest.
DECISIONS_QUERIES = 4


def entries_for(user, count: int) -> list[Entry]:
    now = timezone.now()
    return Entry.objects.bulk_create(
        EntryFactory.build(user=user, created_at=now - timedelta(hours=hours))
        for hours in range(count)
    )


def decisions_for(user, count: int) -> None:
    """`count` decisions over the past months: most looked back on, the rest waiting."""
    now = timezone.now()
    entries = Entry.objects.bulk_create(
        EntryFactory.build(
            user=user,
            practice="decision",
            data={},
            title="A decision",
            created_at=now - timedelta(days=n),
        )
        for n in range(count)
    )
    today = user.local_today()
    Decision.objects.bulk_create(
        DecisionFactory.build(
            entry=entry,
            confidence=50 + n % 51,
            review_on=today - timedelta(days=1),
            instinct_served="" if n % 4 == 0 else ("yes", "partly", "no")[n % 3],
            reviewed_at=None if n % 4 == 0 else now,
        )
        for n, entry in enumerate(entries)
    )


@pytest.mark.parametrize("count", [10, 500])
def test_the_timeline_asks_the_same_few_questions_for_ten_entries_or_five_hundred(
    owner_client, user, django_assert_num_queries, count
):
    entries_for(user, count)
    with django_assert_num_queries(TIMELINE_QUERIES):
        page = owner_client.get(TIMELINE).content.decode()
    assert f"{count} entries" in page
    assert page.count('class="title"') == min(count, 20)


@pytest.mark.parametrize("count", [10, 500])
def test_a_search_or_a_later_page_asks_no_more(
    owner_client, user, django_assert_num_queries, count
):
    entries_for(user, count)
    with django_assert_num_queries(TIMELINE_QUERIES):
        page = owner_client.get(TIMELINE, {"q": "words", "page": "1"}).content.decode()
    assert f"{count} entries found" in page
    with django_assert_num_queries(TIMELINE_QUERIES):
        owner_client.get(TIMELINE, {"page": "1" if count <= 20 else "2"})


@pytest.mark.parametrize("count", [10, 500])
def test_after_a_delete_the_timeline_asks_two_more_questions_for_its_undo(
    owner_client, user, django_assert_num_queries, count
):
    entries = entries_for(user, count)
    owner_client.post(reverse("practices:delete", args=[entries[0].pk]))
    with django_assert_num_queries(TIMELINE_QUERIES_WITH_UNDO):
        page = owner_client.get(TIMELINE).content.decode()
    assert "was deleted" in page and f"{count - 1} entries" in page


def test_a_page_past_the_end_still_shows_the_last_page(owner_client, user):
    entries_for(user, 25)
    page = owner_client.get(TIMELINE, {"page": "9"}).content.decode()
    assert "Page 2 of 2" in page and page.count('class="title"') == 5


def test_an_empty_timeline_still_removes_what_is_past_the_undo_window(owner_client, user):
    [entry] = entries_for(user, 1)
    services.delete_entry(entry)
    Entry.objects.filter(pk=entry.pk).update(
        deleted_at=timezone.now() - services.UNDO_WINDOW - timedelta(seconds=1)
    )
    assert "Nothing here yet" in owner_client.get(TIMELINE).content.decode()
    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("count", [10, 500])
def test_the_decision_journal_asks_the_same_few_questions_for_ten_decisions_or_five_hundred(
    owner_client, user, django_assert_num_queries, count
):
    decisions_for(user, count)
    with django_assert_num_queries(DECISIONS_QUERIES):
        page = owner_client.get(DECISIONS).content.decode()
    waiting = Decision.objects.filter(reviewed_at__isnull=True).count()
    assert page.count('/review/"') == waiting and "Recent decisions" in page


def test_the_decision_journal_lists_the_ten_newest_and_every_one_waiting(owner_client, user):
    decisions_for(user, 30)
    page = owner_client.get(DECISIONS).content.decode()
    waiting = Decision.objects.filter(entry__user=user, reviewed_at__isnull=True)
    newest = Decision.objects.filter(entry__user=user).order_by("-entry__created_at")[:10]
    for decision in waiting:
        assert reverse("practices:review", args=[decision.entry_id]) in page
    for decision in newest:
        assert reverse("practices:entry", args=[decision.entry_id]) in page
    older = Decision.objects.filter(entry__user=user).order_by("-entry__created_at")[10]
    assert reverse("practices:entry", args=[older.entry_id]) not in page
