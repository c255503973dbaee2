"""The API rates distress, belief and feelings 0 to 10, as the pages do: a number on the old
0-100 scale is refused with a 422 that says what it would be now, and the schema says so."""

import pytest

from selftrust.api.api import api as the_api
from selftrust.practices.models import Entry, ThoughtRecord

pytestmark = pytest.mark.django_db

THOUGHT = {
    "situation": "My friend didn't reply",
    "automatic_thought": "She's angry with me",
    "belief_before": 8,
    "emotions": [{"emotion": "anxious", "before": 7, "after": 3}],
    "belief_after": 2,
}


def test_a_thought_record_is_rated_0_to_10(api, user):
    response = api.post("/practices/thought-record/entries", THOUGHT)
    assert response.status_code == 201
    record = ThoughtRecord.objects.get(entry__user=user)
    assert (record.belief_before, record.belief_after) == (8, 2)
    assert response.json()["answers"]["emotions"] == THOUGHT["emotions"]


def test_both_ends_of_the_scale_are_taken(api):
    body = {**THOUGHT, "belief_before": 0, "belief_after": 10}
    assert api.post("/practices/thought-record/entries", body).status_code == 201


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"belief_before": 70}, "belief_before", "Ratings are now 0 to 10; 70 would be 7."),
        ({"belief_after": 45}, "belief_after", "Ratings are now 0 to 10; 45 would be 5."),
        (
            {"belief_before": 11},
            "belief_before",
            "Please choose a number from 0 to 10. If you meant the old 0 to 100 scale, 11 would "
            "be 1.",
        ),
        (
            {"emotions": [{"emotion": "sad", "before": 80, "after": 55}]},
            "emotions[0].before",
            "Ratings are now 0 to 10; 80 would be 8.",
        ),
        (
            {"emotions": [{"emotion": "sad", "before": 8, "after": 55}]},
            "emotions[0].after",
            "Ratings are now 0 to 10; 55 would be 6.",
        ),
        ({"belief_before": 101}, "belief_before", "Please choose a number from 0 to 10."),
    ],
)
def test_a_rating_above_10_is_refused_saying_the_scale_changed(api, change, field, message):
    response = api.post("/practices/thought-record/entries", {**THOUGHT, **change})
    assert response.status_code == 422
    assert response.json()["errors"][field] == [message]
    assert not Entry.objects.exists()


def test_grounding_distress_above_10_is_refused_and_nothing_is_saved(api):
    response = api.post(
        "/practices/grounding/entries",
        {"answers": {"before": 70, "exercise": "breathing", "after": 40}},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "before": ["Ratings are now 0 to 10; 70 would be 7."],
        "after": ["Ratings are now 0 to 10; 40 would be 4."],
    }
    assert not Entry.objects.exists()


def test_a_change_on_the_old_scale_leaves_the_entry_as_it_was(api, user):
    created = api.post(
        "/practices/grounding/entries", {"answers": {"before": 8, "exercise": "breathing"}}
    ).json()
    response = api.patch(
        f"/practices/grounding/entries/{created['id']}", {"answers": {"after": 30}}
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "Ratings are now 0 to 10; 30 would be 3."
    assert Entry.objects.get(user=user).data == {"before": 8, "exercise": "breathing"}


def test_the_practice_list_describes_every_rating_as_0_to_10(api):
    practices = {p["slug"]: p for p in api.get("/practices").json()}
    grounding = {f["name"]: f for f in practices["grounding"]["fields"]}
    assert (grounding["before"]["low"], grounding["before"]["high"]) == (0, 10)
    thought = {f["name"]: f for f in practices["thought-record"]["fields"]}
    assert (thought["belief_before"]["low"], thought["belief_before"]["high"]) == (0, 10)
    assert (thought["emotions"]["low"], thought["emotions"]["high"]) == (0, 10)
    assert "0–10" in thought["emotions"]["help"]


def test_the_schema_says_0_to_10_and_that_the_scale_changed():
    spec = the_api.get_openapi_schema(path_prefix="/api/v1/")
    body = spec["paths"]["/api/v1/practices/{practice}/entries"]["post"]["requestBody"]
    shapes = body["content"]["application/json"]["schema"]["anyOf"]
    thought = next(s for s in shapes if s.get("title") == "ThoughtRecordIn")["properties"]
    assert (thought["belief_before"]["minimum"], thought["belief_before"]["maximum"]) == (0, 10)
    assert "0 to 100 before" in thought["belief_before"]["description"]
    assert "70 → 7" in thought["emotions"]["description"]
    feeling = thought["emotions"]["items"]["properties"]["before"]
    assert (feeling["minimum"], feeling["maximum"]) == (0, 10)
    grounding = next(s for s in shapes if s.get("title") == "Grounding (worksheet)")
    before = grounding["properties"]["answers"]["properties"]["before"]["anyOf"][0]
    assert (before["minimum"], before["maximum"]) == (0, 10)
