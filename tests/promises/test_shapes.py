"""A promise and a check-in have one shape each: the API gives it, the export writes it (with
what only the file needs), a therapist's API reads it."""

import json
from datetime import time

import pytest

from selftrust.accounts.export import export_for
from selftrust.promises import shapes
from tests.api.conftest import ApiClient
from tests.factories import CheckInFactory, PromiseFactory, api_token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def promise(user):
    promise = PromiseFactory(user=user, text="Stretch", time_of_day=time(7, 30))
    CheckInFactory(promise=promise, note="Felt good")
    return promise


def test_a_promise_is_shaped_as_json_ready_values(promise):
    assert shapes.promise(promise) == {
        "id": promise.pk,
        "text": "Stretch",
        "schedule": promise.schedule,
        "weekdays": promise.weekdays,
        "due_date": None,
        "time_of_day": "07:30:00",
        "starts_on": promise.starts_on.isoformat(),
        "status": promise.status,
    }
    assert json.loads(json.dumps(shapes.promise(promise))) == shapes.promise(promise)


def test_the_api_gives_the_shape_and_the_nudge_a_write_says_back(client, user, promise):
    api = ApiClient(client, api_token_for(user))
    assert api.get(f"/promises/{promise.pk}").json() == {**shapes.promise(promise), "nudge": None}
    check_in = promise.check_ins.get()
    assert api.get(f"/promises/{promise.pk}/check-ins").json() == [shapes.check_in(check_in)]


def test_the_export_writes_the_shape_with_when_it_was_made_and_its_check_ins(user, promise):
    [exported] = json.loads(json.dumps(export_for(user)))["promises"]
    check_in = promise.check_ins.get()
    assert exported == {
        **shapes.promise(promise),
        "created_at": promise.created_at.isoformat(),
        "check_ins": [shapes.check_in(check_in)],
    }
