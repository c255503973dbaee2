"""Today asks the database the same few questions however much a person has recorded.

On PostgreSQL every query is a round trip, and Today is the page people open most, so its
count is pinned here: with one promise or twenty, a little history or a lot, the count is the
same (an N+1 would make it grow). The promises part of the page is cached under the person's
record_version (promises/services.py, this_week), so the tests also prove that a change shows
at once.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.promises.models import CheckIn, Outcome
from tests.conftest import forget_kept_pages
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    DecisionFactory,
    PromiseFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("promises:today")

# Signed in: the session and the user (whose record_version keys the cache). Then what Today
# shows besides the promises: questionnaires to take again, decisions ready to look back on,
# the day's mood and energy check (insights), and homework from a therapist (care; one query
# with or without any, whether each practice was done included), links a therapist or the
# clinic ended lately (care; one query), and steps of trust ready to look back on (only
# those not looked back on yet are read). And the notes typed on Today and kept as drafts: one
# query for every promise's check-in notes, one for the daily check's note.
TODAY_QUERIES = 10
# The first view after a change also reads the active promises and this week's answers.
TODAY_QUERIES_AFTER_A_CHANGE = TODAY_QUERIES + 2
OUTCOMES = [Outcome.KEPT, Outcome.PARTLY, Outcome.NOT_THIS_TIME, Outcome.LET_GO]


def person_with(promises: int, days: int = 60):
    """Someone with `promises` daily promises answered for `days` days, as many decisions
    waiting for a look back, and two questionnaires last taken a month ago."""
    user = UserFactory()
    today = user.local_today()
    made = [
        PromiseFactory(user=user, starts_on=today - timedelta(days=days)) for _ in range(promises)
    ]
    CheckIn.objects.bulk_create(
        CheckInFactory.build(
            promise=promise,
            day=today - timedelta(days=offset),
            outcome=OUTCOMES[offset % len(OUTCOMES)],
            note="A small note" if offset % 5 == 0 else "",
        )
        for promise in made
        for offset in range(1, days)
    )
    for _ in range(promises):
        DecisionFactory(entry__user=user, review_on=today - timedelta(days=1))
    month_ago = timezone.now() - timedelta(days=30)
    for slug in ("gad-7", "phq-9"):
        AssessmentResponseFactory(user=user, instrument_slug=slug, completed_at=month_ago)
    return user, made


@pytest.mark.parametrize("promises", [1, 20])
def test_today_asks_the_same_few_questions_with_one_promise_or_twenty(
    client, django_assert_num_queries, promises
):
    user, made = person_with(promises)
    client.force_login(user)
    with django_assert_num_queries(TODAY_QUERIES_AFTER_A_CHANGE):
        first = client.get(URL)
    forget_kept_pages()  # made afresh, from what the record keeps
    with django_assert_num_queries(TODAY_QUERIES):
        again = client.get(URL)
    for response in (first, again):
        page = response.content.decode()
        assert all(promise.text in page for promise in made)
        assert "Ready to look back" in page and "GAD-7" in page


@pytest.mark.parametrize("promises", [1, 20])
def test_the_earlier_days_load_with_two_questions_once_today_was_seen(
    client, django_assert_num_queries, promises
):
    user, made = person_with(promises)
    client.force_login(user)
    client.get(URL)
    with django_assert_num_queries(2):  # the session and the user
        response = client.get(URL, {"earlier": "1"}, headers={"HX-Request": "true"})
    assert response.content.decode().count(made[0].text) == 6


def test_today_with_nothing_due_this_week_asks_no_more(client, django_assert_num_queries):
    user, made = person_with(1)
    made[0].status = "paused"
    made[0].save()
    client.force_login(user)
    with django_assert_num_queries(TODAY_QUERIES_AFTER_A_CHANGE):  # no active promises: any?
        client.get(URL)
    forget_kept_pages()  # made afresh, from what the record keeps
    with django_assert_num_queries(TODAY_QUERIES):
        page = client.get(URL).content.decode()
    assert "Nothing is asked of you today" in page


def test_an_answer_shows_on_today_at_once_though_today_is_cached(owner_client, user):
    promise = PromiseFactory(user=user, text="Step outside")
    assert 'aria-pressed="true"' not in owner_client.get(URL).content.decode()
    owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"day": user.local_today().isoformat(), "outcome": Outcome.PARTLY},
    )
    page = owner_client.get(URL).content.decode()
    assert 'value="partly" class="outcome"' in page
    assert "You answered: partly." in page


def test_a_paused_promise_leaves_today_at_once_though_today_is_cached(owner_client, user):
    promise = PromiseFactory(user=user, text="Step outside")
    assert "Step outside" in owner_client.get(URL).content.decode()
    owner_client.post(reverse("promises:status", args=[promise.pk]), {"action": "pause"})
    page = owner_client.get(URL).content.decode()
    assert 'class="promise-text"' not in page and "Nothing is asked of you today" in page


def test_a_new_promise_shows_on_today_at_once_though_today_is_cached(owner_client, user):
    assert "You haven't made a promise yet" in owner_client.get(URL).content.decode()
    owner_client.post(
        reverse("promises:create"),
        {"text": "Drink a glass of water", "schedule": "daily", "due_date": ""},
    )
    assert "Drink a glass of water" in owner_client.get(URL).content.decode()


def test_promises_not_due_today_are_folded_without_another_question(
    client, django_assert_num_queries
):
    user, made = person_with(1)
    today = user.local_today()
    for offset in range(1, 6):
        weekday = (today + timedelta(days=offset)).weekday()
        PromiseFactory(user=user, schedule="weekdays", weekdays=[weekday], text=f"Later {offset}")
    client.force_login(user)
    with django_assert_num_queries(TODAY_QUERIES_AFTER_A_CHANGE):
        client.get(URL)
    forget_kept_pages()  # made afresh, from what the record keeps
    with django_assert_num_queries(TODAY_QUERIES):
        page = client.get(URL).content.decode()
    assert "Not due today (5)" in page and "next: tomorrow" in page
