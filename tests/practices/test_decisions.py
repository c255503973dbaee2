from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.practices.models import Decision, Entry

pytestmark = pytest.mark.django_db
NEW = reverse("practices:new", args=["decision"])


def decide(client, user, **overrides):
    data = {
        "decision": "Go to the party or stay in",
        "options": "Go, stay in",
        "gut_says": "Stay in and rest",
        "confidence": "70",
        "chosen": "Stayed in",
        "reassurance_from": "",
        "review_on": user.local_today().isoformat(),
        **overrides,
    }
    return client.post(NEW, data)


def test_a_decision_is_recorded_with_its_confidence(owner_client, user):
    response = decide(owner_client, user, sought_reassurance="on", reassurance_from="My sister")
    assert response.status_code == 302
    decision = Decision.objects.get(entry__user=user)
    assert (decision.confidence, decision.sought_reassurance, decision.reassurance_from) == (
        70,
        True,
        "My sister",
    )
    assert decision.entry.title == "Go to the party or stay in"


def test_review_date_defaults_to_a_week_ahead(owner_client, user):
    page = owner_client.get(NEW).content.decode()
    assert (user.local_today() + timedelta(days=7)).isoformat() in page


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"confidence": "40"}, "from 50 to 100"),
        ({"confidence": "101"}, "from 50 to 100"),
        ({"decision": ""}, "Name the decision"),
        ({"review_on": "2001-01-01"}, "today or a day ahead"),
        ({"review_on": "2999-01-01"}, "within the next year"),
        ({"gut_says": "x" * 5000}, "4000 characters"),
    ],
)
def test_bad_decisions_are_explained_and_nothing_is_saved(owner_client, user, overrides, message):
    response = decide(owner_client, user, **overrides)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Entry.objects.exists()


def test_a_due_decision_appears_on_today_and_can_be_reviewed(owner_client, user):
    decide(owner_client, user)
    entry = Entry.objects.get()
    today_page = owner_client.get(reverse("promises:today")).content.decode()
    assert (
        "Ready to look back" in today_page
        and reverse("practices:review", args=[entry.pk]) in today_page
    )
    response = owner_client.post(
        reverse("practices:review", args=[entry.pk]),
        {"what_happened": "I slept well", "instinct_served": "yes", "learned": "Rest helps"},
    )
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.is_reviewed and decision.instinct_served == "yes"
    assert "Ready to look back" not in owner_client.get(reverse("promises:today")).content.decode()


def test_a_review_needs_an_answer_to_the_instinct_question(owner_client, user):
    decide(owner_client, user)
    entry = Entry.objects.get()
    response = owner_client.post(
        reverse("practices:review", args=[entry.pk]), {"what_happened": "Fine"}
    )
    assert response.status_code == 400
    assert "each one is useful" in response.content.decode()
    assert not Decision.objects.get().is_reviewed


def look_back_on(client, user, reviews):
    """Record and review one decision per (confidence, instinct_served) pair."""
    for confidence, served in reviews:
        decide(client, user, confidence=str(confidence))
        entry = Entry.objects.order_by("-pk").first()
        client.post(reverse("practices:review", args=[entry.pk]), {"instinct_served": served})


def test_a_cant_tell_look_back_counts_as_a_look_back_and_waits_out_of_the_figures(
    owner_client, user
):
    look_back_on(owner_client, user, [(60, "yes"), (90, "cant_tell"), (80, "no")])
    page = owner_client.get(reverse("practices:decisions")).content.decode().replace("&#x27;", "'")
    assert "You've looked back on 3 decisions so far, 2 of them with a clear answer" in page
    assert "After 8 more with a clear answer" in page


def test_calibration_figures_wait_for_ten_looked_back_decisions(owner_client, user):
    look_back_on(owner_client, user, [(60, "yes"), (90, "yes"), (80, "no")])
    page = owner_client.get(reverse("practices:decisions")).content.decode()
    assert "You've looked back on 3 decisions so far. After 7 more" in page
    assert "served you 67%" not in page
    assert '<svg class="chart"' not in page and "<table>" not in page


def test_from_ten_decisions_the_page_shows_figures_chart_and_table(owner_client, user):
    look_back_on(owner_client, user, [(60, "yes"), (90, "yes"), (80, "no")] * 3 + [(70, "yes")])
    page = owner_client.get(reverse("practices:decisions")).content.decode()
    assert "Across 10 decisions" in page
    assert "served you 70% of the time" in page
    assert '<svg class="chart"' in page and "<table>" in page
    assert "lower than you might have hoped" not in page


def test_the_page_never_names_the_brier_score(owner_client, user):
    # The number stays in the API and the docs; on the page it would only be jargon.
    for reviews in ([], [(80, "yes")], [(80, "yes")] * 9):
        look_back_on(owner_client, user, reviews)
        page = owner_client.get(reverse("practices:decisions")).content.decode()
        assert "brier" not in page.lower()


def test_low_figures_come_with_a_kind_word(owner_client, user):
    look_back_on(owner_client, user, [(90, "no")] * 7 + [(60, "yes")] * 3)
    page = owner_client.get(reverse("practices:decisions")).content.decode()
    assert "served you 30% of the time" in page
    assert "That is information, not a verdict on you." in page


LUCK = "Outcomes also depend on luck and on other people's choices, which your gut can't control."


@pytest.mark.parametrize(
    "reviews",
    [[], [(80, "yes")], [(60, "yes")] * 10, [(90, "no")] * 7 + [(60, "yes")] * 3],
    ids=["none yet", "too few for figures", "high figures", "low figures"],
)
def test_the_page_always_says_outcomes_depend_on_luck_and_other_people(owner_client, user, reviews):
    look_back_on(owner_client, user, reviews)
    page = owner_client.get(reverse("practices:decisions")).content.decode()
    assert page.replace("&#x27;", "'").count(LUCK) == 1


def test_looking_back_asks_whether_it_was_a_reasonable_call_given_what_was_known(
    owner_client, user
):
    decide(owner_client, user)
    entry = Entry.objects.get()
    url = reverse("practices:review", args=[entry.pk])
    form = owner_client.get(url).content.decode()
    assert "Given what you knew then, was it a reasonable call?" in form
    assert "not by how it turned out" in form
    owner_client.post(url, {"reasonable_call": "yes", "instinct_served": "no"})
    assert Decision.objects.get().reasonable_call == "yes"
    page = owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    assert "a reasonable call?</dt><dd>Yes" in page


def test_the_decision_pages_offer_then_or_now(owner_client):
    then_or_now = reverse("practices:new", args=["then-or-now"])
    assert then_or_now in owner_client.get(NEW).content.decode()
    assert then_or_now in owner_client.get(reverse("practices:decisions")).content.decode()


def test_another_persons_decision_cannot_be_reviewed(owner_client, other_user):
    from django.test import Client

    theirs = Client()
    theirs.force_login(other_user)
    decide(theirs, other_user)
    entry = Entry.objects.get()
    assert owner_client.get(reverse("practices:review", args=[entry.pk])).status_code == 404
    owner_client.post(reverse("practices:review", args=[entry.pk]), {"instinct_served": "no"})
    assert not Decision.objects.get().is_reviewed
    assert (
        "Go to the party" not in owner_client.get(reverse("practices:decisions")).content.decode()
    )
