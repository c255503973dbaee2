"""Input the web forms refuse is refused by the API too, in the same words, and nothing is saved."""

import pytest

from selftrust.practices.models import Entry

pytestmark = pytest.mark.django_db

VALID = {
    "body-check-in": {"where": "Shoulders", "sensation": "Tight", "intensity": 6},
    "grounding": {"before": 7, "exercise": "breathing", "after": 4},
    "emotion": {"emotion": "anxious", "intensity": 7},
}


@pytest.mark.parametrize(
    "practice, answers, field, message",
    [
        ("body-check-in", {"where": ""}, "where", "A few words are enough"),
        ("body-check-in", {"where": None}, "where", "A few words are enough"),
        ("body-check-in", {"where": "x" * 10_000}, "where", "200 characters"),
        ("body-check-in", {"message": "x" * 10_000}, "message", "4000 characters"),
        ("body-check-in", {"sensation": "<b>tight</b>"}, "sensation", "tags like"),
        ("body-check-in", {"sensation": "tight\x00"}, "sensation", "control characters"),
        ("body-check-in", {"intensity": 11}, "intensity", "from 0 to 10"),
        ("body-check-in", {"intensity": -1}, "intensity", "from 0 to 10"),
        ("body-check-in", {"intensity": "strong"}, "intensity", "from 0 to 10"),
        ("body-check-in", {"intensity": 6.5}, "intensity", "whole number"),
        ("body-check-in", {"intensity": True}, "intensity", "whole number"),
        ("body-check-in", {"where": ["Shoulders"]}, "where", "plain text"),
        ("body-check-in", {"where": {"text": "Shoulders"}}, "where", "plain text"),
        ("body-check-in", {"mood": "fine"}, "mood", "no question called"),
        ("grounding", {"before": 101}, "before", "from 0 to 10."),
        ("grounding", {"before": 70}, "before", "Ratings are now 0 to 10; 70 would be 7."),
        ("grounding", {"exercise": "yoga"}, "exercise", "one of the answers shown"),
        ("grounding", {"exercise": None}, "exercise", "Please choose one"),
        ("emotion", {"emotion": "Fear"}, "emotion", "one of the answers shown"),
        ("emotion", {"emotion": "ANXIOUS"}, "emotion", "one of the answers shown"),
    ],
)
def test_bad_worksheet_answers_are_explained_and_nothing_is_saved(
    api, practice, answers, field, message
):
    response = api.post(
        f"/practices/{practice}/entries", {"answers": {**VALID[practice], **answers}}
    )
    assert response.status_code == 422
    body = response.json()
    assert message in body["errors"][field][0]
    assert body["detail"] == body["errors"][field][0]
    assert not Entry.objects.exists()


def test_every_missing_required_answer_is_named(api):
    response = api.post("/practices/signs-check/entries", {})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {
        "second-guessing",
        "reassurance",
        "intuition",
        "doubting-self",
        "alone-with-thoughts",
        "over-analysing",
    }
    assert not Entry.objects.exists()


def decision(user, **overrides):
    return {
        "decision": "Go or stay in",
        "confidence": 70,
        "review_on": user.local_today().isoformat(),
        **overrides,
    }


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"confidence": 40}, "confidence", "from 50 to 100"),
        ({"confidence": 101}, "confidence", "from 50 to 100"),
        ({"confidence": "sure"}, "confidence", "from 50 to 100"),
        ({"confidence": None}, "confidence", "from 50 to 100"),
        ({"decision": ""}, "decision", "Name the decision"),
        ({"decision": "x" * 10_000}, "decision", "200 characters"),
        ({"gut_says": "x" * 10_000}, "gut_says", "4000 characters"),
        ({"chosen": "<script>alert(1)</script>"}, "chosen", "tags like"),
        ({"review_on": "2001-01-01"}, "review_on", "today or a day ahead"),
        ({"review_on": "2999-01-01"}, "review_on", "within the next year"),
        ({"review_on": "next week"}, "review_on", "doesn't look right"),
        ({"review_on": None}, "review_on", "Pick a day"),
        ({"sought_reassurance": "yes"}, "sought_reassurance", "true or false"),
        ({"options": ["Go", "Stay"]}, "options", "plain text"),
    ],
)
def test_bad_decisions_are_explained_and_nothing_is_saved(api, user, overrides, field, message):
    response = api.post("/practices/decision/entries", decision(user, **overrides))
    assert response.status_code == 422
    assert message in response.json()["errors"][field][0]
    assert not Entry.objects.exists()


@pytest.mark.parametrize("practice", ["win", "decision", "thought-record"])
@pytest.mark.parametrize(
    "raw",
    ['{"answers": ', "not json at all", "[]", '"win"', '{"answers": "walked"}', '{"answers": []}'],
)
def test_malformed_bodies_get_a_4xx_json_error(api, practice, raw):
    response = api.post(f"/practices/{practice}/entries", raw)
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]
    assert not Entry.objects.exists()


def test_answers_that_are_not_an_object_are_explained(api):
    response = api.post("/practices/win/entries", {"answers": ["I walked"]})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "answers": ['Please send answers as an object, like {"where": "chest", "intensity": 4}.']
    }
