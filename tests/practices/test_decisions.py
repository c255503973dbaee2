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


def test_calibration_page_shows_brier_score_chart_and_table(owner_client, user):
    for confidence, served in [(60, "yes"), (90, "yes"), (80, "no")]:
        decide(owner_client, user, confidence=str(confidence))
        entry = Entry.objects.order_by("-pk").first()
        owner_client.post(reverse("practices:review", args=[entry.pk]), {"instinct_served": served})
    page = owner_client.get(reverse("practices:decisions")).content.decode()
    assert "Across 3 decisions" in page
    assert "served you 67% of the time" in page
    # ((0.6-1)^2 + (0.9-1)^2 + (0.8-0)^2) / 3 = 0.27
    assert "Brier score is 0.27" in page
    assert '<svg class="chart"' in page and "<table>" in page


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
