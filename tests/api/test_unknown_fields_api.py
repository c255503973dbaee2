"""A field the API doesn't know is refused by name, on every write, and nothing is saved.

Silently dropping it would let a script believe it set something (a start date, a title) that
was never kept.
"""

import pytest

from selftrust.assessments.models import AssessmentResponse
from selftrust.practices.models import Decision, Entry
from selftrust.promises.models import CheckIn, Promise
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.factories import (
    DecisionFactory,
    EntryFactory,
    PromiseFactory,
    ThoughtRecordFactory,
    TrustedPersonFactory,
)

pytestmark = pytest.mark.django_db


def assert_refused_by_name(response, field):
    assert response.status_code == 422, response.content
    body = response.json()
    assert field in body["errors"]
    assert field in body["detail"]


def test_making_a_promise_with_a_start_date_is_refused_by_name(api):
    response = api.post("/promises", {"text": "Rest for ten minutes", "starts_on": "2026-01-01"})
    assert_refused_by_name(response, "starts_on")
    assert not Promise.objects.exists()


def test_changing_a_promise_with_an_unknown_field_changes_nothing(api, user):
    promise = PromiseFactory(user=user, text="Rest")
    response = api.patch(f"/promises/{promise.pk}", {"text": "Walk", "starts_on": "2026-01-01"})
    assert_refused_by_name(response, "starts_on")
    promise.refresh_from_db()
    assert promise.text == "Rest"


def test_a_check_in_with_an_unknown_field_is_not_recorded(api, user):
    promise = PromiseFactory(user=user)
    today = user.local_today().isoformat()
    response = api.post(
        f"/promises/{promise.pk}/check-ins", {"date": today, "outcome": "kept", "mood": "good"}
    )
    assert_refused_by_name(response, "mood")
    assert not CheckIn.objects.exists()


def test_questionnaire_answers_with_an_unknown_field_are_not_stored(api):
    response = api.post("/assessments/gad-7/responses", {"answers": [0] * 7, "notes": "ok"})
    assert_refused_by_name(response, "notes")
    assert not AssessmentResponse.objects.exists()


@pytest.mark.parametrize(
    "practice, body",
    [
        ("win", {"answers": {"win": "Walked"}, "title": "A good day"}),
        (
            "decision",
            {"decision": "Go out", "confidence": 70, "review_on": "2999-01-01", "mood": "ok"},
        ),
        ("thought-record", {"situation": "A late reply", "mood": "ok"}),
    ],
)
def test_an_entry_with_an_unknown_field_is_not_written(api, practice, body):
    response = api.post(f"/practices/{practice}/entries", body)
    assert_refused_by_name(response, list(body)[-1])
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    "make, change",
    [
        (lambda user: EntryFactory(user=user, practice="win"), {"title": "Renamed"}),
        (lambda user: DecisionFactory(entry__user=user).entry, {"mood": "ok"}),
        (lambda user: ThoughtRecordFactory(entry__user=user).entry, {"mood": "ok"}),
    ],
)
def test_changing_an_entry_with_an_unknown_field_changes_nothing(api, user, make, change):
    entry = make(user)
    before = api.get(f"/practices/{entry.practice}/entries/{entry.pk}").json()
    response = api.patch(f"/practices/{entry.practice}/entries/{entry.pk}", change)
    assert_refused_by_name(response, next(iter(change)))
    assert api.get(f"/practices/{entry.practice}/entries/{entry.pk}").json() == before


def test_a_look_back_with_an_unknown_field_is_not_kept(api, user):
    entry = DecisionFactory(entry__user=user).entry
    response = api.post(
        f"/practices/decision/entries/{entry.pk}/review", {"instinct_served": "yes", "stars": 5}
    )
    assert_refused_by_name(response, "stars")
    assert Decision.objects.get().reviewed_at is None


def test_a_safety_plan_with_an_unknown_part_is_not_saved(api):
    response = api.send("put", "/safety-plan", {"warning_signs": ["Not sleeping"], "notes": []})
    assert_refused_by_name(response, "notes")
    assert not SafetyPlan.objects.exists()


def test_a_trusted_person_with_an_unknown_field_is_not_added(api):
    response = api.post("/trusted-people", {"name": "Ama", "nickname": "A"})
    assert_refused_by_name(response, "nickname")
    assert not TrustedPerson.objects.exists()


def test_changing_a_trusted_person_with_an_unknown_field_changes_nothing(api, user):
    person = TrustedPersonFactory(user=user, name="Ama")
    response = api.patch(f"/trusted-people/{person.pk}", {"name": "Kofi", "nickname": "K"})
    assert_refused_by_name(response, "nickname")
    person.refresh_from_db()
    assert person.name == "Ama"
