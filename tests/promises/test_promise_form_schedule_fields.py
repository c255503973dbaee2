"""The promise form uses only the fields of the chosen schedule; the others are ignored."""

from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.promises.models import Promise
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db
URL = reverse("promises:create")


def test_weekdays_posted_with_every_day_are_ignored_not_refused(owner_client, user):
    response = owner_client.post(
        URL, {"text": "Drink water", "schedule": "daily", "weekdays": ["0", "2"]}
    )
    assert response.status_code == 302
    assert Promise.objects.get(user=user).weekdays == []


def test_a_day_number_that_doesnt_exist_is_ignored_with_every_day(owner_client, user):
    response = owner_client.post(URL, {"text": "Drink water", "schedule": "daily", "weekdays": "9"})
    assert response.status_code == 302
    assert Promise.objects.get(user=user).schedule == "daily"


def test_a_date_posted_with_every_day_is_ignored_even_if_it_doesnt_look_right(owner_client, user):
    response = owner_client.post(
        URL, {"text": "Drink water", "schedule": "daily", "due_date": "26/11/2026"}
    )
    assert response.status_code == 302
    assert Promise.objects.get(user=user).due_date is None


def test_a_date_posted_with_chosen_days_is_ignored(owner_client, user):
    far = (user.local_today() + timedelta(days=900)).isoformat()
    response = owner_client.post(
        URL, {"text": "Yoga", "schedule": "weekdays", "weekdays": ["1"], "due_date": far}
    )
    assert response.status_code == 302
    promise = Promise.objects.get(user=user)
    assert (promise.weekdays, promise.due_date) == ([1], None)


def test_weekdays_posted_with_once_are_ignored(owner_client, user):
    day = user.local_today() + timedelta(days=3)
    owner_client.post(
        URL,
        {"text": "Call a friend", "schedule": "once", "due_date": day.isoformat(), "weekdays": "8"},
    )
    promise = Promise.objects.get(user=user)
    assert (promise.schedule, promise.due_date, promise.weekdays) == ("once", day, [])


def test_the_chosen_schedule_s_own_fields_are_still_checked(owner_client, user):
    response = owner_client.post(URL, {"text": "Yoga", "schedule": "weekdays", "weekdays": "9"})
    assert response.status_code == 400
    assert "Days are numbered 0 (Monday) to 6 (Sunday)." in response.content.decode()
    assert not Promise.objects.filter(user=user).exists()


def test_a_once_date_that_doesnt_look_right_is_still_refused(owner_client, user):
    response = owner_client.post(URL, {"text": "Rest", "schedule": "once", "due_date": "soon"})
    assert response.status_code == 400
    assert "That date doesn" in response.content.decode()


def test_editing_a_weekday_promise_to_every_day_drops_its_days(owner_client, user):
    promise = PromiseFactory(user=user, schedule="weekdays", weekdays=[1, 3])
    response = owner_client.post(
        reverse("promises:edit", args=[promise.pk]),
        {
            "text": promise.text,
            "schedule": "daily",
            "weekdays": ["1", "3"],
            "version": promise.version,
        },
    )
    assert response.status_code == 302
    promise.refresh_from_db()
    assert (promise.schedule, promise.weekdays) == ("daily", [])


def test_the_form_marks_each_schedule_s_fields_and_hints_when_they_count(owner_client):
    page = owner_client.get(URL).content.decode()
    assert 'data-for-schedule="weekdays"' in page and 'data-for-schedule="once"' in page
    assert "Only for “On days I choose”." in page
    assert "Only for “Once”." in page
    assert "promises/schedule-fields.js" in page


def test_the_date_field_is_an_iso_date_input(owner_client, user):
    page = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert f'type="date" name="due_date" value="{user.local_today().isoformat()}"' in page
