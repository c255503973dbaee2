"""ETag and If-Match: a script never overwrites what another device saved meanwhile."""

import json

import pytest

from selftrust.promises.models import Promise
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.factories import (
    EntryFactory,
    PromiseFactory,
    SafetyPlanFactory,
    TrustedPersonFactory,
    api_token_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(client, user):
    token = api_token_for(user)

    def send(method, path, body=None, **headers):
        extra = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
        extra.update({f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()})
        if body is None:
            return getattr(client, method)(f"/api/v1{path}", **extra)
        return getattr(client, method)(
            f"/api/v1{path}", data=json.dumps(body), content_type="application/json", **extra
        )

    return send


def test_reading_the_plan_gives_its_etag(call, user):
    SafetyPlanFactory(user=user)
    response = call("get", "/safety-plan")
    assert response.status_code == 200
    assert response["ETag"] == '"v1"'


def test_the_lost_update_of_the_audit_is_refused_with_412(call, user):
    SafetyPlanFactory(user=user, reasons_for_living="My cat")
    laptop_read = call("get", "/safety-plan")["ETag"]
    phone = call(
        "put", "/safety-plan", {"reasons_for_living": ["My cat", "The sea"]}, if_match=laptop_read
    )
    assert phone.status_code == 200
    assert phone["ETag"] == '"v2"'
    laptop = call("put", "/safety-plan", {"reasons_for_living": ["My cat"]}, if_match=laptop_read)
    assert laptop.status_code == 412
    assert laptop.json()["current_etag"] == '"v2"'
    assert laptop["ETag"] == '"v2"'
    assert SafetyPlan.objects.get(user=user).reasons_for_living == "My cat\nThe sea"


def test_a_write_without_if_match_still_works_for_old_clients(call, user):
    SafetyPlanFactory(user=user)
    SafetyPlan.objects.get(user=user).save()
    response = call("put", "/safety-plan", {"reasons_for_living": ["Tea"]})
    assert response.status_code == 200
    assert response["ETag"] == '"v3"'


def test_if_match_star_saves_whatever_is_there(call, user):
    SafetyPlanFactory(user=user)
    assert (
        call("put", "/safety-plan", {"warning_signs": ["Tired"]}, if_match="*").status_code == 200
    )


def test_an_unreadable_if_match_matches_nothing(call, user):
    SafetyPlanFactory(user=user, warning_signs="Tired")
    response = call("put", "/safety-plan", {"warning_signs": ["Other"]}, if_match="v1")
    assert response.status_code == 412
    assert SafetyPlan.objects.get(user=user).warning_signs == "Tired"


def test_a_stale_delete_of_the_plan_deletes_nothing(call, user):
    plan = SafetyPlanFactory(user=user)
    SafetyPlan.objects.get(pk=plan.pk).save()
    assert call("delete", "/safety-plan", if_match='"v1"').status_code == 412
    assert SafetyPlan.objects.filter(user=user).exists()
    assert call("delete", "/safety-plan", if_match='"v2"').status_code == 204


def test_trusted_people_carry_versions(call, user):
    person = TrustedPersonFactory(user=user, good_for="Listening")
    read = call("get", f"/trusted-people/{person.pk}")
    assert read["ETag"] == '"v1"'
    TrustedPerson.objects.get(pk=person.pk).save()
    stale = call("patch", f"/trusted-people/{person.pk}", {"good_for": "Walks"}, if_match='"v1"')
    assert stale.status_code == 412
    assert TrustedPerson.objects.get(pk=person.pk).good_for == "Listening"
    fresh = call("patch", f"/trusted-people/{person.pk}", {"good_for": "Walks"}, if_match='"v2"')
    assert fresh.status_code == 200
    assert fresh["ETag"] == '"v3"'
    assert call("delete", f"/trusted-people/{person.pk}", if_match='"v2"').status_code == 412
    assert call("delete", f"/trusted-people/{person.pk}", if_match='"v3"').status_code == 204


def test_a_new_person_comes_back_with_an_etag(call):
    response = call("post", "/trusted-people", {"name": "Ana"})
    assert response.status_code == 201
    assert response["ETag"] == '"v1"'


def test_promises_carry_versions(call, user):
    promise = PromiseFactory(user=user, text="Rest for ten minutes")
    assert call("get", f"/promises/{promise.pk}")["ETag"] == '"v1"'
    Promise.objects.get(pk=promise.pk).save()
    stale = call("patch", f"/promises/{promise.pk}", {"text": "Walk"}, if_match='"v1"')
    assert stale.status_code == 412
    stale_pause = call("patch", f"/promises/{promise.pk}", {"status": "paused"}, if_match='"v1"')
    assert stale_pause.status_code == 412
    unchanged = Promise.objects.get(pk=promise.pk)
    assert (unchanged.text, unchanged.status) == ("Rest for ten minutes", "active")
    fresh = call("patch", f"/promises/{promise.pk}", {"text": "Walk"}, if_match='"v2"')
    assert fresh.status_code == 200
    assert fresh["ETag"] == '"v3"'


def test_practice_entries_carry_versions(call, user):
    entry = EntryFactory(user=user, practice="body-check-in")
    path = f"/practices/body-check-in/entries/{entry.pk}"
    assert call("get", path)["ETag"] == '"v1"'
    entry.save()
    before = call("get", path).json()["answers"]
    stale = call("patch", path, {"answers": {"message": "Changed on the laptop"}}, if_match='"v1"')
    assert stale.status_code == 412
    assert call("get", path).json()["answers"] == before
    assert call("delete", path, if_match='"v1"').status_code == 412
    assert call("delete", path, if_match='"v2"').status_code == 204


def test_someone_elses_etag_reveals_nothing(call, other_user):
    person = TrustedPersonFactory(user=other_user)
    response = call("get", f"/trusted-people/{person.pk}")
    assert response.status_code == 404
    assert "ETag" not in response


def test_412_is_in_the_schema_for_every_write_that_honours_if_match(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, method in [
        ("/api/v1/safety-plan", "put"),
        ("/api/v1/safety-plan", "delete"),
        ("/api/v1/trusted-people/{person_id}", "patch"),
        ("/api/v1/trusted-people/{person_id}", "delete"),
        ("/api/v1/promises/{promise_id}", "patch"),
        ("/api/v1/practices/{practice}/entries/{entry_id}", "patch"),
        ("/api/v1/practices/{practice}/entries/{entry_id}", "delete"),
    ]:
        operation = schema["paths"][path][method]
        assert "412" in operation["responses"], (path, method)
        assert any(p["name"] == "If-Match" for p in operation.get("parameters", [])), (path, method)
