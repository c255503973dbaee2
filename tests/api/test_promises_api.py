from datetime import timedelta

import pytest

from selftrust.promises.models import Promise, Status
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db


def test_creating_a_promise_returns_201_with_its_id(api, user):
    response = api.post(
        "/promises", {"text": "Rest when tired", "schedule": "weekdays", "weekdays": [0, 2]}
    )
    assert response.status_code == 201
    body = response.json()
    promise = Promise.objects.get(user=user)
    assert body["id"] == promise.pk
    assert (body["schedule"], body["weekdays"], body["status"]) == ("weekdays", [0, 2], "active")
    assert body["nudge"] is None


def test_a_big_promise_is_saved_with_a_gentle_nudge(api):
    response = api.post("/promises", {"text": "Always be perfect", "schedule": "daily"})
    assert response.status_code == 201
    assert "Smaller promises" in response.json()["nudge"]


def test_listing_shows_only_my_promises(api, user, other_user):
    PromiseFactory(user=user, text="Mine")
    PromiseFactory(user=other_user, text="Theirs")
    assert [p["text"] for p in api.get("/promises").json()] == ["Mine"]


def test_a_promise_can_be_read_updated_paused_and_archived(api, user):
    promise = PromiseFactory(user=user, text="Walk")
    assert api.get(f"/promises/{promise.pk}").json()["text"] == "Walk"
    response = api.patch(
        f"/promises/{promise.pk}", {"text": "Walk by the river", "status": "paused"}
    )
    assert response.status_code == 200
    promise.refresh_from_db()
    assert (promise.text, promise.status) == ("Walk by the river", Status.PAUSED)
    api.patch(f"/promises/{promise.pk}", {"status": "archived"})
    promise.refresh_from_db()
    assert promise.status == Status.ARCHIVED


def test_a_refused_update_changes_nothing_at_all(api, user):
    promise = PromiseFactory(user=user, text="Walk")
    response = api.patch(f"/promises/{promise.pk}", {"text": "", "status": "paused"})
    assert response.status_code == 422
    promise.refresh_from_db()
    assert (promise.text, promise.status) == ("Walk", Status.ACTIVE)
    response = api.patch(f"/promises/{promise.pk}", {"text": "Run", "status": "gone"})
    assert response.status_code == 422
    assert "isn't a status we know" in response.json()["detail"]
    promise.refresh_from_db()
    assert promise.text == "Walk"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 10_000}, "text"),
        ({"text": "<script>alert(1)</script>"}, "text"),
        ({"text": "Rest", "schedule": "hourly"}, "schedule"),
        ({"text": "Rest", "schedule": "weekdays", "weekdays": []}, "weekdays"),
        ({"text": "Rest", "schedule": "weekdays", "weekdays": [7]}, "weekdays"),
        ({"text": "Rest", "schedule": "once", "due_date": "2999-01-01"}, "due_date"),
    ],
)
def test_bad_promises_get_a_clear_json_error_and_nothing_is_saved(api, body, field):
    response = api.post("/promises", body)
    assert response.status_code == 422
    assert response.json()["detail"]
    # The field, or one item of it ("weekdays[0]" for a day number out of range).
    assert any(name.split("[")[0] == field for name in response.json()["errors"])
    assert not Promise.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [
        '{"text": ',
        "not json at all",
        "[]",
        '{"text": 5}',
        '{"schedule": "daily"}',
        '{"text": "Rest", "weekdays": "mon"}',
    ],
)
def test_malformed_bodies_get_a_4xx_json_error(api, raw):
    response = api.post("/promises", raw)
    assert 400 <= response.status_code < 500
    assert "detail" in response.json()
    assert not Promise.objects.exists()


def test_emoji_and_right_to_left_text_round_trip(api):
    response = api.post("/promises", {"text": "أرتاح قليلاً 🌿"})
    assert response.json()["text"] == "أرتاح قليلاً 🌿"


def test_another_persons_promise_is_404_for_read_and_update(api, other_user):
    theirs = PromiseFactory(user=other_user, text="Theirs")
    assert api.get(f"/promises/{theirs.pk}").status_code == 404
    assert api.patch(f"/promises/{theirs.pk}", {"text": "Mine"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.text == "Theirs"


def test_without_a_token_or_session_the_answer_is_401(anonymous_api, user):
    promise = PromiseFactory(user=user)
    assert anonymous_api.get("/promises").status_code == 401
    assert anonymous_api.get(f"/promises/{promise.pk}").status_code == 401
    assert anonymous_api.post("/promises", {"text": "x"}).status_code == 401


def test_a_wrong_or_revoked_token_is_401(client, user):
    from tests.api.conftest import ApiClient

    assert ApiClient(client, "st_not-a-real-token").get("/promises").status_code == 401


def test_the_browser_session_works_for_reads_and_needs_csrf_for_writes(client, user):
    from django.test import Client

    client.force_login(user)
    assert client.get("/api/v1/promises").status_code == 200
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    response = strict.post(
        "/api/v1/promises", data='{"text": "Rest"}', content_type="application/json"
    )
    assert response.status_code in (401, 403)
    assert not Promise.objects.exists()


def test_once_promise_due_date_defaults_to_today(api, user):
    body = api.post("/promises", {"text": "Call a friend", "schedule": "once"}).json()
    assert body["due_date"] == user.local_today().isoformat()


def test_a_weekday_promise_can_be_made_daily(api, user):
    promise = PromiseFactory(user=user, schedule="weekdays", weekdays=[1])
    api.patch(f"/promises/{promise.pk}", {"schedule": "daily"})
    promise.refresh_from_db()
    assert (promise.schedule, promise.weekdays) == ("daily", [])


def test_a_once_promise_in_the_past_week_may_be_recorded(api, user):
    day = user.local_today() - timedelta(days=3)
    response = api.post(
        "/promises", {"text": "Rest", "schedule": "once", "due_date": day.isoformat()}
    )
    assert response.status_code == 201


@pytest.mark.django_db
def test_a_no_harm_pledge_is_refused_kindly_and_nothing_is_saved(api, user):
    response = api.post("/promises", {"text": "No self-harm this week", "schedule": "daily"})
    assert response.status_code == 422
    body = response.json()
    assert "Keeping yourself safe is too much for a single promise" in body["detail"]
    assert body["support"] == {"suggested": True, "help_url": "/help/"}
    assert "When the urge comes, I'll open my safety plan" in body["alternatives"]
    assert not user.promises.exists()
