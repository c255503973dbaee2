from datetime import timedelta

import pytest

from selftrust.promises.models import CheckIn
from tests.factories import CheckInFactory, PromiseFactory

pytestmark = pytest.mark.django_db


def test_recording_a_check_in_returns_201_and_changing_it_200(api, user):
    promise = PromiseFactory(user=user)
    body = {"date": user.local_today().isoformat(), "outcome": "partly", "note": "Half a walk"}
    first = api.post(f"/promises/{promise.pk}/check-ins", body)
    assert first.status_code == 201
    assert first.json() == {
        "promise_id": promise.pk,
        **body,
        "support": {"suggested": False, "help_url": "/help/"},
    }
    second = api.post(f"/promises/{promise.pk}/check-ins", {**body, "outcome": "kept"})
    assert second.status_code == 200
    assert list(CheckIn.objects.values_list("outcome", flat=True)) == ["kept"]


def test_check_ins_are_listed(api, user):
    promise = PromiseFactory(user=user)
    CheckInFactory(promise=promise, outcome="let_go")
    assert [c["outcome"] for c in api.get(f"/promises/{promise.pk}/check-ins").json()] == ["let_go"]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"date_offset": 1}, "date"),
        ({"date_offset": 36500}, "date"),
        ({"date_offset": -30}, "date"),
        ({"outcome": "great"}, "outcome"),
        ({"note": "x" * 10_000}, "note"),
        ({"note": "<img src=x onerror=alert(1)>"}, "note"),
    ],
)
def test_bad_check_ins_get_a_clear_json_error_and_nothing_is_saved(api, user, change, field):
    promise = PromiseFactory(user=user, starts_on=user.local_today() - timedelta(days=60))
    day = user.local_today() + timedelta(days=change.pop("date_offset", 0))
    response = api.post(
        f"/promises/{promise.pk}/check-ins", {"date": day.isoformat(), "outcome": "kept", **change}
    )
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "raw", ['{"date": "2026-13-45", "outcome": "kept"}', '{"outcome": "kept"}', "{"]
)
def test_malformed_check_ins_get_a_4xx(api, user, raw):
    promise = PromiseFactory(user=user)
    response = api.post(f"/promises/{promise.pk}/check-ins", raw)
    assert 400 <= response.status_code < 500
    assert not CheckIn.objects.exists()


def test_another_persons_promise_cannot_be_answered_or_read(api, other_user):
    theirs = PromiseFactory(user=other_user)
    CheckInFactory(promise=theirs)
    body = {"date": other_user.local_today().isoformat(), "outcome": "not_this_time"}
    assert api.post(f"/promises/{theirs.pk}/check-ins", body).status_code == 404
    assert api.get(f"/promises/{theirs.pk}/check-ins").status_code == 404
    assert CheckIn.objects.get().outcome == "kept"
