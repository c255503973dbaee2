import pytest
from django.urls import reverse

from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db


def url(promise):
    return reverse("promises:edit", args=[promise.pk])


def test_owner_can_change_the_words_and_schedule(owner_client, user):
    promise = PromiseFactory(user=user, text="Rest")
    response = owner_client.post(
        url(promise), {"text": "Rest after lunch", "schedule": "weekdays", "weekdays": ["1"]}
    )
    assert response.status_code == 302
    promise.refresh_from_db()
    assert (promise.text, promise.schedule, promise.weekdays) == (
        "Rest after lunch",
        "weekdays",
        [1],
    )


def test_edit_form_shows_the_current_words(owner_client, user):
    promise = PromiseFactory(user=user, text="Drink water")
    assert 'value="Drink water"' in owner_client.get(url(promise)).content.decode()


def test_bad_edit_changes_nothing(owner_client, user):
    promise = PromiseFactory(user=user, text="Rest")
    response = owner_client.post(url(promise), {"text": "", "schedule": "daily"})
    assert response.status_code == 400
    promise.refresh_from_db()
    assert promise.text == "Rest"


def test_another_persons_promise_cannot_be_read_or_changed(owner_client, other_user):
    theirs = PromiseFactory(user=other_user, text="Their words")
    assert owner_client.get(url(theirs)).status_code == 404
    assert (
        owner_client.post(url(theirs), {"text": "Mine now", "schedule": "daily"}).status_code == 404
    )
    theirs.refresh_from_db()
    assert theirs.text == "Their words"


def test_anonymous_visitor_is_sent_to_log_in(client, user):
    assert client.get(url(PromiseFactory(user=user))).status_code == 302
