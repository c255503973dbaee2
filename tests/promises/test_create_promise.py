from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.promises.models import Promise

pytestmark = pytest.mark.django_db
URL = reverse("promises:create")


def test_form_offers_small_examples(owner_client):
    page = owner_client.get(URL).content.decode()
    assert "Say no to one small thing, with someone it&#x27;s safe to say no to" in page
    assert "Go at my own pace" in page


def test_an_example_link_fills_in_the_text(owner_client):
    page = owner_client.get(URL, {"text": "Step outside for five minutes"}).content.decode()
    assert 'value="Step outside for five minutes"' in page


def test_a_small_daily_promise_is_made_and_appears_on_today(owner_client, user):
    response = owner_client.post(URL, {"text": "Drink water", "schedule": "daily"})
    assert response.status_code == 302
    promise = Promise.objects.get(user=user)
    assert (promise.text, promise.schedule, promise.starts_on) == (
        "Drink water",
        "daily",
        user.local_today(),
    )
    assert "Drink water" in owner_client.get(reverse("promises:today")).content.decode()


def test_weekday_promise_keeps_the_chosen_days(owner_client, user):
    owner_client.post(URL, {"text": "Yoga", "schedule": "weekdays", "weekdays": ["4", "0"]})
    assert Promise.objects.get(user=user).weekdays == [0, 4]


def test_once_promise_defaults_to_today(owner_client, user):
    owner_client.post(URL, {"text": "Call the dentist", "schedule": "once"})
    assert Promise.objects.get(user=user).due_date == user.local_today()


def test_time_of_day_is_optional_and_kept(owner_client, user):
    owner_client.post(URL, {"text": "Stretch", "schedule": "daily", "time_of_day": "07:30"})
    assert Promise.objects.get(user=user).time_of_day.strftime("%H:%M") == "07:30"


def test_a_big_promise_gets_a_nudge_first_and_is_saved_when_kept_as_is(owner_client, user):
    data = {"text": "Always be better at everything", "schedule": "daily"}
    first = owner_client.post(URL, data)
    assert first.status_code == 200
    assert "Smaller promises are easier to keep" in first.content.decode()
    assert not Promise.objects.exists()
    second = owner_client.post(URL, {**data, "keep_as_is": "1"})
    assert second.status_code == 302
    assert Promise.objects.get(user=user).text == data["text"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": "", "schedule": "daily"}, "Write a few words"),
        ({"text": "   ", "schedule": "daily"}, "Write a few words"),
        ({"text": "x" * 10_000, "schedule": "daily"}, "200 characters"),
        ({"text": "<script>alert(1)</script>", "schedule": "daily"}, "Plain words"),
        ({"text": "Rest", "schedule": "hourly"}, "Please choose once"),
        ({"text": "Rest", "schedule": "weekdays"}, "Pick at least one day"),
        ({"text": "Rest", "schedule": "weekdays", "weekdays": ["9"]}, "numbered 0 (Monday)"),
        ({"text": "Rest", "schedule": "daily", "time_of_day": "25:99"}, "time doesn"),
    ],
)
def test_bad_input_keeps_what_was_typed_and_saves_nothing(owner_client, data, message):
    response = owner_client.post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Promise.objects.exists()


def test_typed_text_survives_a_validation_error(owner_client):
    response = owner_client.post(URL, {"text": "Walk by the sea", "schedule": "weekdays"})
    assert 'value="Walk by the sea"' in response.content.decode()


def test_a_once_promise_far_in_the_future_is_refused(owner_client, user):
    far = user.local_today() + timedelta(days=4000)
    response = owner_client.post(
        URL, {"text": "Rest", "schedule": "once", "due_date": far.isoformat()}
    )
    assert "within the next year" in response.content.decode()
    assert not Promise.objects.exists()


def test_emoji_and_right_to_left_text_are_kept(owner_client, user):
    owner_client.post(URL, {"text": "أرتاح قليلاً 🌿", "schedule": "daily"})
    assert Promise.objects.get(user=user).text == "أرتاح قليلاً 🌿"


def test_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302
    client.post(URL, {"text": "Rest", "schedule": "daily"})
    assert not Promise.objects.exists()
