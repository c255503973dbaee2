from datetime import timedelta

import pytest

from selftrust.insights.models import WeeklyReview
from selftrust.promises.models import Promise
from tests.insights.factories import WeeklyReviewFactory

pytestmark = pytest.mark.django_db


def test_a_review_is_kept_for_the_seven_days_ending_today(api, user):
    response = api.post("/weekly-reviews", {"kept": "Walked twice", "learned": "Mornings work"})
    assert response.status_code == 201
    body = response.json()
    review = WeeklyReview.objects.get(user=user)
    assert body["id"] == review.pk and body["week_ending"] == user.local_today().isoformat()
    assert (body["kept"], body["learned"], body["got_in_the_way"]) == (
        "Walked twice",
        "Mornings work",
        "",
    )
    assert body["promise_id"] is None and body["support"]["suggested"] is False


def test_a_next_promise_is_made_as_a_promise(api, user):
    body = api.post("/weekly-reviews", {"next_promise": "Stretch after lunch"}).json()
    promise = Promise.objects.get(user=user)
    assert body["promise_id"] == promise.pk and promise.text == "Stretch after lunch"
    assert api.get(f"/promises/{promise.pk}").status_code == 200


def test_a_review_with_no_words_is_refused_and_nothing_is_saved(api, user):
    response = api.post("/weekly-reviews", {"kept": "  "})
    assert response.status_code == 422
    assert "Write a few words in any part" in response.json()["detail"]
    assert not WeeklyReview.objects.exists()


def test_a_pledge_not_to_hurt_oneself_is_refused_by_name(api, user):
    response = api.post(
        "/weekly-reviews", {"kept": "Hard week", "next_promise": "No self-harm this week"}
    )
    assert response.status_code == 422
    assert "next_promise" in response.json()["errors"]
    assert not WeeklyReview.objects.exists() and not Promise.objects.exists()


def test_a_field_it_does_not_know_is_refused_by_name(api):
    response = api.post("/weekly-reviews", {"kept": "Fine", "mood": 3})
    assert response.status_code == 422 and "mood" in response.json()["errors"]
    assert not WeeklyReview.objects.exists()


def test_words_over_the_limit_are_refused(api):
    response = api.post("/weekly-reviews", {"learned": "a" * 4001})
    assert response.status_code == 422 and "learned" in response.json()["errors"]


def test_words_that_suggest_crisis_are_kept_and_support_is_suggested(api, user):
    response = api.post("/weekly-reviews", {"got_in_the_way": "I want to kill myself"})
    assert response.status_code == 201
    assert response.json()["support"] == {"suggested": True, "help_url": "/help/"}


def test_the_list_holds_only_ones_own_reviews_oldest_first(api, user, other_user):
    today = user.local_today()
    WeeklyReviewFactory(user=user, week_ending=today, kept="Newer")
    WeeklyReviewFactory(user=user, week_ending=today - timedelta(days=7), kept="Older")
    WeeklyReviewFactory(user=other_user, kept="Not mine")
    body = api.get("/weekly-reviews").json()
    assert [review["kept"] for review in body] == ["Older", "Newer"]


def test_one_review_can_be_read_by_its_id(api, user):
    review = WeeklyReviewFactory(user=user, learned="Rest helps")
    body = api.get(f"/weekly-reviews/{review.pk}").json()
    assert body["learned"] == "Rest helps" and body["id"] == review.pk


def test_someone_elses_review_is_not_found(api, other_user):
    theirs = WeeklyReviewFactory(user=other_user)
    assert api.get(f"/weekly-reviews/{theirs.pk}").status_code == 404
    assert api.get(f"/weekly-reviews/{2**70}").status_code == 404


def test_without_signing_in_nothing_is_read_or_kept(anonymous_api):
    review = WeeklyReviewFactory()
    assert anonymous_api.get("/weekly-reviews").status_code == 401
    assert anonymous_api.get(f"/weekly-reviews/{review.pk}").status_code == 401
    assert anonymous_api.post("/weekly-reviews", {"kept": "Sneaky"}).status_code == 401
    assert WeeklyReview.objects.count() == 1
