"""What trust experiments add up to: how often the feared outcome came true, and who proved
reliable. The function the progress page calls, and the page of its own."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.practices import trust_experiments
from selftrust.practices.trust_experiments import TrustSummary, look_back_on, summary
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db
SUMMARY = reverse("practices:trust_experiments")


def experiment(user, *, days_ago=1, deleted=False, **answers):
    data = {"step": f"A small step ({answers.get('who', 'nobody')})", "prediction": "No", **answers}
    return EntryFactory(
        user=user,
        practice="trust-experiment",
        data=data,
        created_at=timezone.now() - timedelta(days=days_ago),
        deleted_at=timezone.now() - timedelta(days=1) if deleted else None,
    )


def looked_back(user, fear, reliable="yes", **answers):
    return experiment(user, fear_came_true=fear, reliable=reliable, **answers)


def page(client) -> str:
    return client.get(SUMMARY).content.decode().replace("&#x27;", "'")


# --- when a step is ready to look back on ----------------------------------------------------


def test_the_look_back_day_is_counted_from_the_persons_own_day():
    # 23:30 in UTC is already the next day in Berlin.
    written = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    berlin = timezone.get_fixed_timezone(60)
    assert look_back_on(written, {"look_back_in": "3"}, berlin) == date(2026, 11, 30)
    assert look_back_on(written, {"look_back_in": "3"}, UTC) == date(2026, 11, 29)


def test_without_a_choice_the_look_back_is_a_week_later():
    written = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert look_back_on(written, {}, UTC) == date(2026, 12, 3)
    assert look_back_on(written, {"look_back_in": "soon"}, UTC) == date(2026, 12, 3)


def test_only_steps_not_looked_back_on_whose_day_has_come_are_due(user):
    ready = experiment(user, days_ago=8)
    experiment(user, days_ago=1)  # a week to go
    looked_back(user, "no")
    experiment(user, days_ago=30, deleted=True)
    assert [e.entry_id for e in trust_experiments.due(user)] == [ready.pk]


# --- the summary the progress page calls ----------------------------------------------------


def test_the_summary_counts_how_often_the_fear_came_true(user, other_user):
    for fear in ("yes", "partly", "no", "no"):
        looked_back(user, fear)
    experiment(user)  # not looked back on yet
    looked_back(user, "yes", deleted=True)
    looked_back(other_user, "yes")
    found = summary(user)
    assert isinstance(found, TrustSummary)
    assert (found.steps, found.looked_back) == (5, 4)
    assert (found.fear_came_true, found.partly, found.did_not) == (1, 1, 2)
    assert (found.fear_came_true_percent, found.did_not_percent) == (25, 50)


def test_the_summary_shows_who_proved_reliable_whatever_the_spelling(user):
    looked_back(user, "no", "yes", who="Sam")
    looked_back(user, "no", "partly", who="sam ")
    looked_back(user, "yes", "no", who="SAM")
    looked_back(user, "partly", "unsafe", who="Alex")
    experiment(user, who="Alex")
    looked_back(user, "no", "too-early", who="  Ana  ")
    looked_back(user, "no", "yes")  # nobody named
    people = {p.name.casefold(): p for p in summary(user).per_person}
    assert set(people) == {"sam", "alex", "ana"}
    sam = people["sam"]
    assert (sam.steps, sam.looked_back, sam.reliable, sam.partly, sam.not_reliable) == (
        3,
        3,
        1,
        1,
        1,
    )
    alex = people["alex"]
    assert (alex.steps, alex.looked_back, alex.not_reliable, alex.felt_unsafe) == (2, 1, 1, 1)
    assert (people["ana"].too_early, people["ana"].answered) == (1, 0)
    assert [p.name for p in summary(user).per_person][0].casefold() == "sam"


def test_the_summary_averages_how_likely_the_fear_seemed_over_the_look_backs(user):
    looked_back(user, "no", fear_likely=8)
    looked_back(user, "yes", fear_likely=5)
    looked_back(user, "no")
    experiment(user, fear_likely=0)  # not looked back on: not counted
    found = summary(user)
    assert (found.mean_fear_likely, found.fear_rated) == (6.5, 2)


def test_an_empty_summary_has_nothing_to_share(user):
    found = summary(user)
    assert (found.steps, found.looked_back, found.per_person) == (0, 0, ())
    assert found.fear_came_true_percent is None and found.mean_fear_likely is None
    assert not found.ready and found.still_needed == 3


# --- the page --------------------------------------------------------------------------------


def test_before_any_look_back_the_page_says_what_will_gather_there(owner_client, user):
    experiment(user)
    shown = page(owner_client)
    assert "Once you've looked back on a step or two, they gather here." in shown
    assert "Plan a small step of trust" in shown
    assert "<svg" not in shown


def test_with_fewer_than_three_look_backs_only_counts_are_shown(owner_client, user):
    looked_back(user, "yes", who="Sam")
    shown = page(owner_client)
    assert "You've looked back on 1 step so far. After 2 more" in shown
    assert "(100%)" not in shown and "<svg" not in shown
    assert "Who proved reliable" in shown and "Sam" in shown


def test_from_three_look_backs_the_page_shows_shares_a_chart_and_a_table(owner_client, user):
    looked_back(user, "yes", fear_likely=9)
    looked_back(user, "no", fear_likely=6)
    looked_back(user, "no")
    shown = page(owner_client)
    assert (
        "Across 3 steps you looked back on, what you feared came true 1 time (33%), partly 0 "
        "times (0%), and didn't come true 2 times (67%)." in shown
    )
    assert "you rated how likely your fear was at 7.5 out of 10, on average" in shown
    assert 'role="img"' in shown and "<title" in shown
    assert '<caption id="fears-caption"' in shown
    assert "what you see here is an observation, not a verdict" in shown.lower()


def test_a_fear_that_came_true_is_named_as_information_not_failure(owner_client, user):
    for fear in ("yes", "no", "no"):
        looked_back(user, fear)
    assert "A fear that came true is information, not a failure." in page(owner_client)


def test_when_no_fear_came_true_no_consolation_is_needed(owner_client, user):
    for _ in range(3):
        looked_back(user, "no")
    assert "A fear that came true is information" not in page(owner_client)


def test_feeling_unsafe_with_someone_is_said_first_and_kindly(owner_client, user):
    looked_back(user, "partly", "unsafe", who="Alex")
    shown = page(owner_client)
    assert 'You felt unsafe with <span dir="auto">Alex</span> at least once.' in shown
    assert "you don't owe anyone another step of trust" in shown
    assert f'href="{reverse("safety:help")}"' in shown


def test_steps_ready_to_look_back_on_and_still_to_come_are_listed(owner_client, user):
    ready = experiment(user, days_ago=10, step="Tell Ana about the interview")
    experiment(user, days_ago=0, step="Let Sam choose the film", look_back_in="14")
    shown = page(owner_client)
    assert "Ready to look back" in shown
    assert f'href="{reverse("practices:review", args=[ready.pk])}"' in shown
    assert "Still to come" in shown and "Let Sam choose the film" in shown


def test_the_page_shows_only_my_own_steps(owner_client, user, other_user):
    looked_back(other_user, "yes", who="Their friend", step="Their step")
    shown = page(owner_client)
    assert "Their friend" not in shown and "Their step" not in shown
    assert "Who proved reliable" not in shown


# --- ten years of steps ----------------------------------------------------------------------


def many_experiments(user, count: int) -> None:
    from selftrust.practices.models import Entry

    now = timezone.now()
    Entry.objects.bulk_create(
        EntryFactory.build(
            user=user,
            practice="trust-experiment",
            data={
                "who": ("Sam", "Ana", "Alex", "")[n % 4],
                "step": f"Step {n}",
                "prediction": "They won't",
                "fear_likely": n % 11,
                "look_back_in": "7",
                **(
                    {}
                    if n % 5 == 0
                    else {
                        "fear_came_true": ("yes", "partly", "no")[n % 3],
                        "reliable": ("yes", "partly", "no", "too-early")[n % 4],
                    }
                ),
            },
            title=f"Step {n}",
            created_at=now - timedelta(days=n * 3),
        )
        for n in range(count)
    )


# Signed in: the session and the user; then one query for every trust experiment.
SUMMARY_PAGE_QUERIES = 3


@pytest.mark.parametrize("count", [5, 1200])
def test_the_page_asks_the_same_few_questions_for_five_steps_or_ten_years(
    owner_client, user, django_assert_num_queries, count
):
    many_experiments(user, count)
    with django_assert_num_queries(SUMMARY_PAGE_QUERIES):
        shown = page(owner_client)
    assert 'id="trust-summary"' in shown


@pytest.mark.parametrize("count", [5, 1200])
def test_the_summary_is_one_query_however_many_steps(user, django_assert_num_queries, count):
    many_experiments(user, count)
    with django_assert_num_queries(1):
        found = summary(user)
    assert found.steps == count


def test_today_lists_steps_ready_to_look_back_on_beside_decisions(owner_client, user, other_user):
    ready = experiment(user, days_ago=8, step="Ask Sam to feed the cat")
    experiment(user, days_ago=1, step="Not yet ready")
    looked_back(user, "no", step="Already looked back on")
    experiment(other_user, days_ago=8, step="Someone else's step")
    html = owner_client.get(reverse("promises:today")).content.decode()
    assert "Ready to look back" in html
    assert "Ask Sam to feed the cat" in html
    assert reverse("practices:review", args=[ready.pk]) in html
    for absent in ("Not yet ready", "Already looked back on", "Someone else's step"):
        assert absent not in html
