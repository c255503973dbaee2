"""The safety plan and a trusted person have one shape each: the API gives them, the export
writes them, a therapist's API reads the plan where it is shared."""

import json

import pytest

from selftrust.accounts.export import export_for
from selftrust.safety import shapes
from tests.api.conftest import ApiClient
from tests.factories import SafetyPlanFactory, TrustedPersonFactory, api_token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(user):
    return TrustedPersonFactory(user=user, name="Sam", phone="+44 20 7946 0000", email="")


@pytest.fixture
def plan(user, sam):
    return SafetyPlanFactory(user=user, reasons_for_living="My cat", help_people=[sam])


def test_the_plan_names_its_people_by_id_and_name(plan, sam):
    shaped = shapes.plan(plan)
    assert shaped["reasons_for_living"] == ["My cat"]
    assert (shaped["company_people"], shaped["help_people"]) == (
        [],
        [{"id": sam.pk, "name": "Sam"}],
    )
    assert shaped["updated_at"] == plan.updated_at.isoformat()


def test_a_trusted_person_comes_with_ready_links(sam):
    assert shapes.trusted_person(sam) == {
        "id": sam.pk,
        "name": "Sam",
        "phone": "+44 20 7946 0000",
        "email": "",
        "good_for": sam.good_for,
        "links": {"call": "tel:+442079460000", "text": "sms:+442079460000", "email": None},
    }


def test_the_api_gives_the_shapes(client, user, plan, sam):
    api = ApiClient(client, api_token_for(user))
    given = api.get("/safety-plan").json()
    expected = shapes.plan(plan)
    # The API writes moments to the millisecond, in UTC ("Z"); the shape keeps them whole.
    assert given["updated_at"][:23] == expected.pop("updated_at")[:23]
    assert {k: v for k, v in given.items() if k != "updated_at"} == expected
    assert api.get("/trusted-people").json() == [shapes.trusted_person(sam)]


def test_the_export_writes_the_shapes(user, plan, sam):
    exported = json.loads(json.dumps(export_for(user)))
    assert exported["safety_plan"] == shapes.plan(plan)
    assert exported["trusted_people"] == [shapes.trusted_person(sam)]
