"""A practice entry has one shape, whatever its kind: the API gives it, the export writes it,
a therapist's API reads it where the person shares that practice."""

import json

import pytest

from selftrust.accounts.export import export_for
from selftrust.care import categories
from selftrust.practices import shapes
from tests.api.conftest import ApiClient
from tests.care.conftest import link_between, make_therapist, with_second_factor
from tests.factories import DecisionFactory, EntryFactory, ThoughtRecordFactory, api_token_for

pytestmark = pytest.mark.django_db

MOMENTS = ("created_at", "updated_at")


def to_the_millisecond(shaped: dict) -> dict:
    """The API writes moments to the millisecond, in UTC ("…T08:00:00.123Z")."""
    return {k: v[:23] if k in MOMENTS else v for k, v in shaped.items()}


def test_a_worksheet_entry_is_its_answers_by_field_name(user):
    entry = EntryFactory(user=user, practice="win", data={"win": "Called Mum", "honoured": "Rest"})
    assert shapes.entry(entry) == {
        "id": entry.pk,
        "practice": "win",
        "title": entry.title,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "answers": {"win": "Called Mum", "honoured": "Rest"},
    }


def test_a_thought_record_and_a_decision_give_their_own_fields(user):
    thought = ThoughtRecordFactory(entry__user=user).entry
    decision = DecisionFactory(entry__user=user).entry
    assert shapes.entry(thought)["answers"]["automatic_thought"] == "They are tired of me"
    assert shapes.entry(decision)["answers"]["gut_says"] == "Go for an hour"


def test_the_api_the_export_and_the_therapist_give_the_same_shape(client, user):
    entry = EntryFactory(user=user, practice="win")
    shaped = shapes.entry(entry)
    own = ApiClient(client, api_token_for(user))
    [given] = own.get("/practices/win/entries").json()
    assert to_the_millisecond(given) == to_the_millisecond(shaped)
    [exported] = json.loads(json.dumps(export_for(user)))["practice_entries"]
    assert exported == shaped
    therapist = make_therapist()
    with_second_factor(therapist)
    link_between(user, therapist, shared=[categories.practice_category("win")])
    theirs = ApiClient(client, api_token_for(therapist))
    [shared] = theirs.get(f"/care/people/{user.pk}/practice-win").json()["entries"]
    assert shared.pop("reads_as_crisis") is False
    assert to_the_millisecond(shared) == to_the_millisecond(shaped)
