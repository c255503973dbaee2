"""Each thing of care has one shape: the person's export writes it, the person's API gives
it, and the therapist's API gives what a therapist may see of it."""

import json
import re

import pytest

from selftrust.accounts.export import export_for
from selftrust.care import categories, homework, session_notes, shapes
from selftrust.care.access import record_access
from selftrust.care.caseload import caseload_rows
from selftrust.care.models import AccessRecord, Homework
from tests.api.conftest import ApiClient
from tests.care.conftest import link_between, with_second_factor
from tests.factories import AssessmentResponseFactory, PromiseFactory, api_token_for

pytestmark = pytest.mark.django_db

MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T")


@pytest.fixture
def link(user, therapist):
    return link_between(user, therapist, shared=[categories.QUESTIONNAIRES])


def test_a_person_as_their_therapist_sees_them_is_the_link_and_nothing_of_their_records(link):
    assert shapes.person(link) == {
        "id": link.person_id,
        "username": link.person.username,
        "linked_since": link.started_at.isoformat(),
        "shared": [categories.QUESTIONNAIRES],
        "shared_from": None,
        "last_session_on": None,
    }


def test_a_caseload_row_is_the_person_with_their_measures(user, therapist, link):
    AssessmentResponseFactory(user=user, instrument_slug="gad-7", answers=[3] * 7)
    [row] = caseload_rows(therapist, user.local_today())
    shaped = shapes.caseload_row(row)
    assert {k: shaped[k] for k in shapes.person(link)} == shapes.person(link)
    assert [(m["instrument"], m["latest"], m["taken"]) for m in shaped["measures"]] == [
        ("gad-7", 21, 1)
    ]


def test_the_therapist_is_not_given_the_promise_made_from_a_suggestion(user, link):
    suggestion = homework.assign(link, "promise", "A walk")
    homework.take_on(suggestion, PromiseFactory(user=user))
    suggestion = Homework.objects.select_related("link__therapist").get()
    assert shapes.homework(suggestion)["promise_id"] == suggestion.promise_id
    assert shapes.homework(suggestion, seen_by_therapist=True)["promise_id"] is None


def test_the_export_and_the_persons_api_give_the_same_shapes(client, user, therapist, link):
    session_notes.write(user, "The move")
    homework.assign(link, "lesson", "what-is-self-trust")
    record_access(user.pk, therapist, categories.MOOD, False)
    care = json.loads(json.dumps(export_for(user)))["care"]
    api = ApiClient(client, api_token_for(user))

    def to_the_millisecond(items):
        # The API writes moments to the millisecond ("…T08:00:00.123Z"); the export whole.
        return [
            {k: v[:23] if isinstance(v, str) and MOMENT.match(v) else v for k, v in item.items()}
            for item in items
        ]

    assert to_the_millisecond(api.get("/care/links").json()) == to_the_millisecond(care["links"])
    assert to_the_millisecond(api.get("/care/homework").json()) == to_the_millisecond(
        care["homework"]
    )
    assert to_the_millisecond(api.get("/care/session-notes").json()) == to_the_millisecond(
        care["session_notes"]
    )
    assert to_the_millisecond(api.get("/care/looks").json()) == to_the_millisecond(care["looks"])
    assert care["looks"] == [shapes.look(AccessRecord.objects.get())]


def test_the_therapists_api_gives_the_person_shape(client, therapist, link):
    with_second_factor(therapist)
    api = ApiClient(client, api_token_for(therapist))
    given = api.get(f"/care/people/{link.person_id}").json()
    expected = shapes.person(link)
    assert given.pop("linked_since")[:23] == expected.pop("linked_since")[:23]
    assert given == expected
