import pytest

from selftrust.practices.models import Entry, ThoughtRecord

pytestmark = pytest.mark.django_db

VALID = {
    "situation": "My friend didn't reply",
    "automatic_thought": "She's angry with me",
    "belief_before": 9,
    "emotions": [
        {"emotion": "anxious", "before": 8, "after": 3},
        {"emotion": "sad", "before": 4, "after": None},
    ],
    "thinking_traps": ["mind-reading", "catastrophising"],
    "evidence_for": "She usually replies fast",
    "evidence_against": "She told me she's busy this week",
    "balanced_thought": "She's probably busy; I can ask",
    "belief_after": 3,
}


def record(api, **overrides):
    return api.post("/practices/thought-record/entries", {**VALID, **overrides})


def test_a_thought_record_is_saved_with_its_feelings(api, user):
    response = record(api)
    assert response.status_code == 201
    saved = ThoughtRecord.objects.get(entry__user=user)
    assert saved.emotions == VALID["emotions"]
    assert saved.thinking_traps == ["mind-reading", "catastrophising"]
    assert (saved.belief_before, saved.belief_after) == (9, 3)
    body = response.json()
    assert body["title"] == "She's angry with me"
    assert body["answers"] == VALID


def test_feelings_can_be_named_with_only_a_before_rating(api):
    body = record(
        api, emotions=[{"emotion": "ashamed", "before": 6}], thinking_traps=[], belief_after=None
    ).json()
    assert body["answers"]["emotions"] == [{"emotion": "ashamed", "before": 6, "after": None}]
    assert (body["answers"]["thinking_traps"], body["answers"]["belief_after"]) == ([], None)


def test_a_thought_record_can_be_changed_in_part(api):
    created = record(api).json()
    path = f"/practices/thought-record/entries/{created['id']}"
    response = api.patch(
        path, {"belief_after": 2, "emotions": [{"emotion": "calm", "before": 10, "after": 5}]}
    )
    assert response.status_code == 200
    saved = ThoughtRecord.objects.get()
    assert saved.emotions == [{"emotion": "calm", "before": 10, "after": 5}]
    assert (saved.belief_after, saved.situation) == (2, VALID["situation"])
    assert saved.thinking_traps == VALID["thinking_traps"]
    assert api.get(path).json()["answers"]["belief_after"] == 2


def test_a_refused_thought_record_change_saves_nothing(api):
    created = record(api).json()
    response = api.patch(
        f"/practices/thought-record/entries/{created['id']}",
        {"balanced_thought": "Changed", "emotions": [{"emotion": "calm", "before": 101}]},
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "Please choose a number from 0 to 10."
    assert list(response.json()["errors"]) == ["emotions[0].before"]
    saved = ThoughtRecord.objects.get()
    assert (saved.balanced_thought, saved.emotions) == (
        VALID["balanced_thought"],
        VALID["emotions"],
    )


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"emotions": []}, "emotions", "Name at least one feeling"),
        ({"emotions": [{"emotion": "anxious"}]}, "emotions[0].before", "How strong was it"),
        ({"emotions": [{"emotion": "ecstatic-ish", "before": 50}]}, "emotions[0].emotion", "list"),
        ({"emotions": [{"emotion": "sad", "before": 50}] * 4}, "emotions", "up to 3 feelings"),
        ({"emotions": [{"emotion": "sad", "befor": 50}]}, "emotions", "not “befor”"),
        ({"emotions": {"emotion": "sad", "before": 50}}, "emotions", "as a list"),
        ({"emotions": ["sad"]}, "emotions", "as a list"),
        ({"emotions": {}}, "emotions", "as a list"),
        ({"emotions": [{"emotion": "sad", "before": "lots"}]}, "emotions[0].before", "0 to 10."),
        ({"emotions": [{"emotion": "sad", "before": [50]}]}, "emotions[0].before", "whole number"),
        ({"belief_before": 120}, "belief_before", "from 0 to 10."),
        ({"belief_before": None}, "belief_before", "0 to 10"),
        ({"situation": ""}, "situation", "what was happening"),
        ({"automatic_thought": "x" * 10_000}, "automatic_thought", "4000 characters"),
        ({"evidence_for": "<img src=x onerror=alert(1)>"}, "evidence_for", "tags"),
        ({"thinking_traps": ["not-a-trap"]}, "thinking_traps", "traps listed"),
        ({"thinking_traps": "mind-reading"}, "thinking_traps", "a list of names"),
        ({"belief_after": True}, "belief_after", "whole number"),
    ],
)
def test_bad_thought_records_are_explained_and_nothing_is_saved(api, overrides, field, message):
    response = record(api, **overrides)
    assert response.status_code == 422
    body = response.json()
    assert message in body["errors"][field][0]
    assert body["detail"] == next(iter(body["errors"].values()))[0]
    assert not Entry.objects.exists()
