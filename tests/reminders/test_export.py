"""Reminders in the person's export: every choice and the delivery log, no secrets; importing
leaves them in the file and says so."""

import json
from datetime import date, time

import pytest
from django.urls import reverse

from selftrust.accounts.export import export_for, export_json
from selftrust.accounts.importing import import_export
from selftrust.reminders.models import (
    CalendarFeed,
    Channel,
    PromiseReminder,
    ReminderSettings,
    SentReminder,
)
from tests.factories import UserFactory
from tests.reminders.factories import (
    confirmed_email,
    push_device,
    reminded_promise,
    reminder_choices,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminded(user):
    reminder_choices(user, quiet_from=time(22, 0), quiet_until=time(7, 30), kinds=["decisions"])
    promise = reminded_promise(user)
    confirmed_email(user, address="me@example.org")
    device = push_device(user)
    _feed, secret = CalendarFeed.issue(user)
    SentReminder.objects.create(
        user=user,
        kind="promise",
        item_id=promise.pk,
        local_date=date(2026, 11, 25),
        channel=Channel.EMAIL,
    )
    return promise, device, secret


def test_the_export_holds_every_reminder_choice_and_the_log(user, reminded):
    promise, _device, _secret = reminded
    reminders = export_for(user)["reminders"]
    assert reminders["settings"] == {
        "paused": False,
        "quiet_from": "22:00:00",
        "quiet_until": "07:30:00",
        "show_words": False,
        "kinds": ["decisions"],
        "other_reminders_at": reminders["settings"]["other_reminders_at"],
    }
    assert reminders["promise_ids"] == [promise.pk]
    assert reminders["email"]["address"] == "me@example.org"
    assert reminders["email"]["confirmed_at"]
    assert [d["device"] for d in reminders["devices"]] == ["Firefox on Android"]
    assert reminders["calendar_feed"]["created_at"]
    assert [(s["kind"], s["item_id"], s["channel"]) for s in reminders["sent"]] == [
        ("promise", promise.pk, "email")
    ]


def test_no_device_key_or_feed_address_is_in_the_file(user, reminded):
    _promise, device, secret = reminded
    text = export_json(user)
    subscription = device.subscription
    for secret_part in (subscription.endpoint, subscription.p256dh, subscription.auth, secret):
        assert secret_part not in text


def test_another_persons_reminders_are_not_in_the_export(user, other_user, reminded):
    reminders = export_for(other_user)["reminders"]
    assert reminders == {
        "settings": None,
        "promise_ids": [],
        "email": None,
        "devices": [],
        "calendar_feed": None,
        "sent": [],
    }


def test_importing_leaves_reminders_in_the_file_and_says_so(user, reminded):
    data = json.loads(export_json(user))
    newcomer = UserFactory()
    summary = import_export(newcomer, data)
    assert "Your reminder choices stay in the file" in summary.in_words()
    assert not ReminderSettings.objects.filter(user=newcomer).exists()
    assert not PromiseReminder.objects.filter(promise__user=newcomer).exists()


def test_the_settings_download_holds_the_reminders(owner_client, user, reminded):
    response = owner_client.get(reverse("accounts:export"))
    data = json.loads(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert data["format"] == "selftrust-export/4"
    assert data["reminders"]["email"]["address"] == "me@example.org"
