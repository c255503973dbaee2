"""A daily check and a weekly review have one shape each: the API gives them, the export
writes them, a therapist's API reads them where mood or weekly reviews are shared."""

import json

import pytest

from selftrust.accounts.export import export_for
from selftrust.insights import services, shapes, weekly_review
from tests.api.conftest import ApiClient
from tests.factories import api_token_for
from tests.insights.factories import DailyCheckFactory, WeeklyReviewFactory

pytestmark = pytest.mark.django_db


def test_a_daily_check_says_each_step_in_words_too(user):
    check = DailyCheckFactory(user=user, mood=4, energy=None, note="Sunny")
    assert shapes.daily_check(check) == {
        "date": check.day.isoformat(),
        "mood": 4,
        "mood_words": check.get_mood_display(),
        "energy": None,
        "energy_words": None,
        "note": "Sunny",
    }


def test_the_older_names_give_the_same_shapes(user):
    check = DailyCheckFactory(user=user)
    review = WeeklyReviewFactory(user=user)
    assert services.as_dict(check) == shapes.daily_check(check)
    assert weekly_review.as_dict(review) == shapes.weekly_review(review)


def test_the_api_and_the_export_give_the_same_shapes(client, user):
    check = DailyCheckFactory(user=user, note="Tired")
    review = WeeklyReviewFactory(user=user)
    api = ApiClient(client, api_token_for(user))
    assert api.get("/daily-checks").json() == [shapes.daily_check(check)]
    [given] = api.get("/weekly-reviews").json()
    expected = shapes.weekly_review(review)
    for moment in ("created_at", "updated_at"):  # the API writes them to the millisecond
        assert given.pop(moment)[:23] == expected.pop(moment)[:23]
    assert given == expected
    exported = json.loads(json.dumps(export_for(user)))
    assert exported["daily_checks"] == [shapes.daily_check(check)]
    assert exported["weekly_reviews"] == [shapes.weekly_review(review)]
