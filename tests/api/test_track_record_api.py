import pytest

from tests.factories import CheckInFactory, PromiseFactory

pytestmark = pytest.mark.django_db


def test_track_record_has_overall_and_per_promise_figures(api, user):
    promise = PromiseFactory(user=user)
    CheckInFactory(promise=promise, outcome="partly")
    body = api.get("/track-record").json()
    assert body["overall"]["kept_7d"] == 0.5
    assert body["overall"]["kept_30d"] == 0.5
    assert body["overall"]["kept_90d"] == 0.5
    assert 0 < body["overall"]["strength"] < 1
    assert body["promises"][0]["id"] == promise.pk
    assert body["promises"][0]["strength"] == body["overall"]["strength"]


def test_empty_track_record_has_no_figures_rather_than_zeros(api):
    body = api.get("/track-record").json()
    assert body["overall"]["kept_7d"] is None
    assert body["overall"]["strength"] is None
    assert body["promises"] == []


def test_track_record_never_includes_another_persons_promises(api, other_user):
    CheckInFactory(promise=PromiseFactory(user=other_user))
    assert api.get("/track-record").json()["promises"] == []


def test_a_new_check_in_changes_the_track_record(api, user):
    promise = PromiseFactory(user=user)
    assert api.get("/track-record").json()["overall"]["kept_7d"] is None
    api.post(
        f"/promises/{promise.pk}/check-ins",
        {"date": user.local_today().isoformat(), "outcome": "kept"},
    )
    assert api.get("/track-record").json()["overall"]["kept_7d"] == 1.0


def test_today_lists_what_is_due(api, user, other_user):
    PromiseFactory(user=user, text="Mine")
    PromiseFactory(user=other_user, text="Theirs")
    assert [item["promise"]["text"] for item in api.get("/today").json()] == ["Mine"]


def test_track_record_needs_authentication(anonymous_api):
    assert anonymous_api.get("/track-record").status_code == 401


def test_openapi_document_describes_the_contract(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["info"]["title"] == "Selftrust API"
    for path in [
        "/api/v1/promises",
        "/api/v1/promises/{promise_id}/check-ins",
        "/api/v1/track-record",
    ]:
        assert path in spec["paths"]
    schemes = spec["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
