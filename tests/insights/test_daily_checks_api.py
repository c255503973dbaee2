import json
from datetime import timedelta

import pytest

from selftrust.insights.models import DailyCheck, Mood
from tests.factories import api_token_for
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db


class Api:
    def __init__(self, client, token=None):
        self.client = client
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def get(self, path):
        return self.client.get(f"/api/v1{path}", **self.headers)

    def put(self, path, body):
        return self.client.put(
            f"/api/v1{path}", json.dumps(body), content_type="application/json", **self.headers
        )


@pytest.fixture
def api(client, user):
    return Api(client, api_token_for(user))


@pytest.fixture
def other_api(client, other_user):
    return Api(client, api_token_for(other_user))


def test_putting_a_day_makes_it_201_and_changing_it_200(api, user):
    day = user.local_today().isoformat()
    first = api.put(f"/daily-checks/{day}", {"mood": 2, "energy": 1, "note": "Slow"})
    assert first.status_code == 201
    assert first.json() == {
        "date": day,
        "mood": 2,
        "mood_words": "Low",
        "energy": 1,
        "energy_words": "Drained",
        "note": "Slow",
        "support": {"suggested": False, "help_url": "/help/"},
    }
    second = api.put(f"/daily-checks/{day}", {"mood": 4})
    assert second.status_code == 200 and second.json()["energy"] is None
    assert DailyCheck.objects.count() == 1


def test_a_day_is_read_back_and_a_day_without_a_check_is_404(api, user):
    DailyCheckFactory(user=user, mood=Mood.VERY_GOOD)
    today = user.local_today()
    assert api.get(f"/daily-checks/{today.isoformat()}").json()["mood_words"] == "Very good"
    yesterday = (today - timedelta(days=1)).isoformat()
    assert api.get(f"/daily-checks/{yesterday}").status_code == 404


def test_the_list_starts_from_since(api, user):
    today = user.local_today()
    for offset in (0, 2, 20):
        DailyCheckFactory(user=user, day=today - timedelta(days=offset))
    since = (today - timedelta(days=5)).isoformat()
    days = [c["date"] for c in api.get(f"/daily-checks?since={since}").json()]
    assert days == [(today - timedelta(days=2)).isoformat(), today.isoformat()]
    assert len(api.get("/daily-checks").json()) == 3


def test_another_persons_day_is_404_and_never_listed(other_api, user):
    DailyCheckFactory(user=user, note="Mine alone")
    assert other_api.get(f"/daily-checks/{user.local_today().isoformat()}").status_code == 404
    assert other_api.get("/daily-checks").json() == []


def test_putting_my_day_never_changes_anothers(other_api, user, other_user):
    mine = DailyCheckFactory(user=user, mood=Mood.LOW, note="Mine")
    other_api.put(f"/daily-checks/{mine.day.isoformat()}", {"mood": 5, "note": "Theirs"})
    mine.refresh_from_db()
    assert (mine.mood, mine.note) == (Mood.LOW, "Mine")
    assert DailyCheck.objects.get(user=other_user).note == "Theirs"


def test_a_day_outside_the_answer_window_is_refused(api, user):
    old = (user.local_today() - timedelta(days=7)).isoformat()
    response = api.put(f"/daily-checks/{old}", {"mood": 3})
    assert response.status_code == 422 and "date" in response.json()["errors"]
    assert not DailyCheck.objects.exists()


def test_neither_mood_nor_energy_is_refused(api, user):
    response = api.put(f"/daily-checks/{user.local_today().isoformat()}", {"note": "Hm"})
    assert response.status_code == 422
    assert not DailyCheck.objects.exists()


def test_unknown_fields_and_out_of_range_steps_are_refused(api, user):
    day = user.local_today().isoformat()
    assert api.put(f"/daily-checks/{day}", {"mood": 3, "sleep": 2}).status_code == 422
    assert api.put(f"/daily-checks/{day}", {"energy": 5}).status_code == 422
    assert api.put(f"/daily-checks/{day}", {"mood": "3"}).status_code == 422
    assert not DailyCheck.objects.exists()


def test_crisis_words_in_the_note_suggest_support(api, user):
    day = user.local_today().isoformat()
    response = api.put(f"/daily-checks/{day}", {"mood": 1, "note": "I want to die"})
    assert response.json()["support"]["suggested"] is True


def test_without_a_token_the_answer_is_401(client, user):
    assert client.get("/api/v1/daily-checks").status_code == 401
    day = user.local_today().isoformat()
    assert Api(client).put(f"/daily-checks/{day}", {"mood": 3}).status_code == 401
