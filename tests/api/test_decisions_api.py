from datetime import timedelta

import pytest
from django.utils import timezone

from selftrust.practices.models import Decision, Entry

pytestmark = pytest.mark.django_db


def decision_body(user, **overrides):
    return {
        "decision": "Go to the party or stay in",
        "options": "Go, stay in",
        "gut_says": "Stay in and rest",
        "confidence": 70,
        "chosen": "Stayed in",
        "sought_reassurance": True,
        "reassurance_from": "My sister",
        "review_on": user.local_today().isoformat(),
        **overrides,
    }


def decide(api, user, **overrides) -> dict:
    response = api.post("/practices/decision/entries", decision_body(user, **overrides))
    assert response.status_code == 201, response.json()
    return response.json()


def review(api, entry_id, **body):
    return api.post(f"/practices/decision/entries/{entry_id}/review", body)


def test_a_decision_is_recorded_with_its_confidence(api, user):
    body = decide(api, user)
    decision = Decision.objects.get(entry__user=user)
    assert (decision.confidence, decision.sought_reassurance, decision.reassurance_from) == (
        70,
        True,
        "My sister",
    )
    assert body["title"] == "Go to the party or stay in"
    assert body["answers"] == {
        **decision_body(user),
        "what_happened": "",
        "reasonable_call": "",
        "instinct_served": "",
        "learned": "",
        "reviewed_at": None,
    }


def test_not_asking_anyone_is_recorded_as_false(api, user):
    body = decide(api, user, sought_reassurance=False, reassurance_from="")
    assert body["answers"]["sought_reassurance"] is False
    assert Decision.objects.get().sought_reassurance is False


def test_a_decision_can_be_changed_in_part(api, user):
    created = decide(api, user)
    later = (user.local_today() + timedelta(days=3)).isoformat()
    response = api.patch(
        f"/practices/decision/entries/{created['id']}", {"confidence": 90, "review_on": later}
    )
    assert response.status_code == 200
    decision = Decision.objects.get()
    assert (decision.confidence, decision.review_on.isoformat(), decision.chosen) == (
        90,
        later,
        "Stayed in",
    )
    assert decision.sought_reassurance is True


def test_a_refused_decision_change_saves_nothing(api, user):
    created = decide(api, user)
    response = api.patch(
        f"/practices/decision/entries/{created['id']}", {"chosen": "Went", "confidence": 40}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"confidence": ["Please choose a number from 50 to 100."]}
    assert (Decision.objects.get().chosen, Decision.objects.get().confidence) == ("Stayed in", 70)


def test_a_decision_is_reviewed_and_the_review_shows_in_the_entry(api, user):
    created = decide(api, user)
    response = review(
        api, created["id"], what_happened="I slept well", instinct_served="yes", learned="Rest"
    )
    assert response.status_code == 200
    answers = response.json()["answers"]
    assert (answers["what_happened"], answers["instinct_served"], answers["learned"]) == (
        "I slept well",
        "yes",
        "Rest",
    )
    assert answers["reviewed_at"] is not None
    assert Decision.objects.get().is_reviewed
    saved = {k: v for k, v in response.json().items() if k != "support"}
    assert api.get(f"/practices/decision/entries/{created['id']}").json() == saved


@pytest.mark.parametrize(
    "body, field",
    [
        ({"what_happened": "Fine"}, "instinct_served"),
        ({"instinct_served": "maybe"}, "instinct_served"),
        ({"instinct_served": "yes", "learned": "x" * 10_000}, "learned"),
        ({"instinct_served": "yes", "what_happened": "<script>x</script>"}, "what_happened"),
        ({"instinct_served": ["yes"]}, "instinct_served"),
    ],
)
def test_a_refused_review_saves_nothing(api, user, body, field):
    created = decide(api, user)
    response = review(api, created["id"], **body)
    assert response.status_code == 422
    assert response.json()["detail"]
    assert field in response.json()["errors"]
    decision = Decision.objects.get()
    assert (decision.reviewed_at, decision.what_happened, decision.learned) == (None, "", "")


def test_only_a_decision_can_be_reviewed(api):
    win = api.post("/practices/win/entries", {"answers": {"win": "Walked"}}).json()
    assert review(api, win["id"], instinct_served="yes").status_code == 404


def test_another_persons_decision_cannot_be_reviewed(api, other_api, user):
    created = decide(api, user)
    assert review(other_api, created["id"], instinct_served="no").status_code == 404
    assert Decision.objects.get().reviewed_at is None


def test_calibration_scores_only_my_reviewed_decisions(api, other_api, user, other_user):
    # (confidence, instinct served): "can't tell" is left out of the score.
    for confidence, served in [(60, "yes"), (80, "partly"), (90, "no"), (70, "cant_tell")]:
        created = decide(api, user, confidence=confidence)
        assert review(api, created["id"], instinct_served=served).status_code == 200
    decide(api, user, confidence=55)  # not reviewed yet
    deleted = decide(api, user, confidence=100)
    review(api, deleted["id"], instinct_served="no")
    api.delete(f"/practices/decision/entries/{deleted['id']}")
    theirs = decide(other_api, other_user, confidence=100)
    review(other_api, theirs["id"], instinct_served="no")

    figures = api.get("/practices/decision/calibration").json()
    # Brier: ((0.6 − 1)² + (0.8 − 0.5)² + (0.9 − 0)²) / 3 = (0.16 + 0.09 + 0.81) / 3
    assert figures["scored"] == 3
    assert figures["brier"] == pytest.approx(1.06 / 3, abs=1e-4)
    assert figures["served"] == pytest.approx(0.5)
    bands = {(b["low"], b["high"]): b for b in figures["bands"]}
    assert list(bands) == [(50, 59), (60, 69), (70, 79), (80, 89), (90, 100)]
    assert bands[(60, 69)] == {
        "low": 60,
        "high": 69,
        "decisions": 1,
        "served": 1.0,
        "mean_confidence": 0.6,
    }
    assert (bands[(80, 89)]["served"], bands[(90, 100)]["served"]) == (0.5, 0.0)
    assert (bands[(50, 59)]["decisions"], bands[(50, 59)]["served"]) == (0, None)


def test_calibration_without_reviews_has_no_score(api):
    figures = api.get("/practices/decision/calibration").json()
    assert (figures["scored"], figures["brier"], figures["served"]) == (0, None, None)


def test_a_decision_due_for_review_long_ago_can_still_be_changed(api, user):
    created = decide(api, user)
    past = (user.local_today() - timedelta(days=20)).isoformat()
    Decision.objects.update(review_on=past)
    Entry.objects.update(created_at=timezone.now() - timedelta(days=30))
    response = api.patch(f"/practices/decision/entries/{created['id']}", {"chosen": "Went"})
    assert response.status_code == 200
    assert response.json()["answers"]["review_on"] == past


def test_listing_decisions_takes_the_same_queries_for_two_or_twelve(api, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_to_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get("/practices/decision/entries").status_code == 200
        return len(captured)

    for _ in range(2):
        decide(api, user)
    few = queries_to_list()
    for _ in range(10):
        decide(api, user)
    assert queries_to_list() == few
    assert len(api.get("/practices/decision/entries").json()) == 12


def test_an_answer_not_offered_is_refused_in_the_apps_own_words(api, user):
    created = decide(api, user)
    response = review(api, created["id"], instinct_served="maybe")
    assert response.json()["errors"]["instinct_served"] == [
        "Choose yes, partly, no or can't tell; each one is useful."
    ]
