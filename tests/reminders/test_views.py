"""Every Reminders page and endpoint: the owner can, another person gets 404, a visitor who is
not signed in is sent to sign in (pages) or answered 401 (the script's endpoints)."""

import json
import time as clock
from datetime import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from selftrust.promises.models import Status
from selftrust.reminders.emails import CONFIRMATION_SALT, confirmation_token
from selftrust.reminders.models import (
    CalendarFeed,
    EmailAddress,
    PromiseReminder,
    PushSubscription,
    ReminderSettings,
)
from tests.factories import PromiseFactory
from tests.reminders.factories import b64, push_device, reminded_promise

pytestmark = pytest.mark.django_db

SETTINGS = "/settings/reminders/"


def browser_subscription(endpoint="https://fcm.googleapis.com/fcm/send/abc123") -> dict:
    """What PushSubscription.toJSON() gives in a browser."""
    return {
        "endpoint": endpoint,
        "expirationTime": None,
        "keys": {"p256dh": b64(b"\x04" + b"\x01" * 64), "auth": b64(b"\x02" * 16)},
    }


def post_json(client, name, body):
    return client.post(reverse(name), json.dumps(body), content_type="application/json")


# --- the page ---------------------------------------------------------------------------------


def test_the_page_needs_a_sign_in(client):
    response = client.get(SETTINGS)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_settings_links_to_the_reminders_page(owner_client):
    assert SETTINGS in owner_client.get(reverse("accounts:settings")).content.decode()


def test_the_page_lists_my_promises_and_none_of_anyone_elses(owner_client, user, other_user):
    PromiseFactory(user=user, text="Stretch my back", time_of_day=time(7, 15))
    PromiseFactory(user=other_user, text="Someone else's words")
    page = owner_client.get(SETTINGS).content.decode()
    assert "Stretch my back" in page
    assert "around 07:15" in page
    assert "Someone else" not in page


def test_the_page_says_so_when_the_server_has_no_email(owner_client, settings):
    settings.REMINDER_EMAIL_ENABLED = False
    page = owner_client.get(SETTINGS).content.decode()
    assert "Email reminders aren't available on this server" in page
    assert 'name="address"' not in page


def test_choices_are_saved(owner_client, user):
    response = owner_client.post(
        SETTINGS,
        {
            "kinds": ["decision"],
            "other_reminders_at": "10:00",
            "quiet_from": "21:30",
            "quiet_until": "07:00",
            "show_words": "on",
        },
    )
    assert response.status_code == 302
    choices = ReminderSettings.objects.get(user=user)
    assert choices.kinds == ["decision"]
    assert choices.quiet_from == time(21, 30)
    assert choices.quiet_until == time(7, 0)
    assert choices.show_words is True


def test_words_stay_off_unless_chosen(owner_client, user):
    owner_client.get(SETTINGS)
    choices = ReminderSettings.objects.get(user=user)
    assert choices.show_words is False
    assert (choices.quiet_from, choices.quiet_until) == (time(22, 0), time(8, 0))


def test_quiet_hours_need_both_ends_and_nothing_changes_otherwise(owner_client, user):
    response = owner_client.post(
        SETTINGS, {"other_reminders_at": "09:00", "quiet_from": "21:30", "quiet_until": ""}
    )
    assert response.status_code == 400
    assert "need a start and an end" in response.content.decode()
    assert ReminderSettings.objects.get(user=user).quiet_from == time(22, 0)


def test_quiet_hours_can_be_turned_off(owner_client, user):
    owner_client.post(
        SETTINGS, {"other_reminders_at": "09:00", "quiet_from": "", "quiet_until": ""}
    )
    choices = ReminderSettings.objects.get(user=user)
    assert choices.quiet_from is None and choices.quiet_until is None


def test_all_reminders_can_be_paused_and_resumed(owner_client, user):
    owner_client.post(reverse("reminders:pause"), {"paused": "1"})
    assert ReminderSettings.objects.get(user=user).paused
    assert "All reminders are paused" in owner_client.get(SETTINGS).content.decode()
    owner_client.post(reverse("reminders:pause"), {"paused": "0"})
    assert not ReminderSettings.objects.get(user=user).paused


def test_pausing_needs_a_sign_in(client):
    assert client.post(reverse("reminders:pause"), {"paused": "1"}).status_code == 302
    assert not ReminderSettings.objects.exists()


# --- per promise ------------------------------------------------------------------------------


def remind(client, promise, on="1"):
    return client.post(reverse("reminders:promise_reminder", args=[promise.pk]), {"remind": on})


def test_a_promise_can_be_chosen_and_unchosen(owner_client, user):
    promise = PromiseFactory(user=user, time_of_day=time(17, 30))
    remind(owner_client, promise)
    assert PromiseReminder.objects.filter(promise=promise).exists()
    assert "Stop reminding me" in owner_client.get(SETTINGS).content.decode()
    remind(owner_client, promise, on="0")
    assert not PromiseReminder.objects.exists()


def test_a_promise_without_a_time_cannot_be_chosen(owner_client, user):
    promise = PromiseFactory(user=user, time_of_day=None)
    remind(owner_client, promise)
    assert not PromiseReminder.objects.exists()


def test_another_persons_promise_is_not_found(owner_client, other_user):
    theirs = PromiseFactory(user=other_user, time_of_day=time(17, 30))
    assert remind(owner_client, theirs).status_code == 404
    assert not PromiseReminder.objects.exists()


def test_an_archived_promise_is_not_found(owner_client, user):
    archived = PromiseFactory(user=user, time_of_day=time(17, 30), status=Status.ARCHIVED)
    assert remind(owner_client, archived).status_code == 404


def test_choosing_a_promise_needs_a_sign_in(client, user):
    promise = PromiseFactory(user=user, time_of_day=time(17, 30))
    assert remind(client, promise).status_code == 302
    assert not PromiseReminder.objects.exists()


# --- push -------------------------------------------------------------------------------------


def test_the_browser_gets_this_servers_public_key(owner_client):
    key = owner_client.get(reverse("reminders:push_key")).json()["publicKey"]
    assert len(key) == 87  # 65 bytes, base64url without padding


def test_the_script_endpoints_answer_401_when_signed_out(client):
    assert client.get(reverse("reminders:push_key")).status_code == 401
    response = post_json(client, "reminders:push_subscribe", browser_subscription())
    assert response.status_code == 401
    assert not PushSubscription.objects.exists()


def test_a_browser_subscription_is_kept_with_a_device_name(owner_client, user):
    response = owner_client.post(
        reverse("reminders:push_subscribe"),
        json.dumps(browser_subscription()),
        content_type="application/json",
        HTTP_USER_AGENT="Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0",
    )
    assert response.status_code == 201
    device = PushSubscription.objects.get(user=user)
    assert device.device == "Firefox on Android"
    assert "Firefox on Android" in owner_client.get(SETTINGS).content.decode()


def test_subscribing_needs_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = post_json(client, "reminders:push_subscribe", browser_subscription())
    assert response.status_code == 403
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://fcm.googleapis.com/fcm/send/abc",  # not https
        "https://127.0.0.1:8000/admin/",  # the server's own network
        "https://intranet.example.org/push",  # not a push service
        "https://fcm.googleapis.com.evil.example/x",
    ],
)
def test_only_known_push_services_are_accepted(owner_client, endpoint):
    response = post_json(owner_client, "reminders:push_subscribe", browser_subscription(endpoint))
    assert response.status_code == 400
    assert not PushSubscription.objects.exists()


def test_a_subscription_with_bad_keys_is_refused(owner_client):
    bad = browser_subscription()
    bad["keys"]["p256dh"] = "not-a-key"
    assert post_json(owner_client, "reminders:push_subscribe", bad).status_code == 400
    assert post_json(owner_client, "reminders:push_subscribe", "nonsense").status_code == 400


def test_a_browser_used_by_a_second_account_moves_to_it(owner_client, user, other_user):
    push_device(other_user, endpoint="https://fcm.googleapis.com/fcm/send/abc123")
    post_json(owner_client, "reminders:push_subscribe", browser_subscription())
    assert PushSubscription.objects.get().user == user


def test_a_device_can_unsubscribe(owner_client, user):
    device = push_device(user)
    response = post_json(
        owner_client, "reminders:push_unsubscribe", {"endpoint": device.subscription.endpoint}
    )
    assert response.status_code == 200
    assert not PushSubscription.objects.exists()


def test_another_persons_device_cannot_be_unsubscribed(owner_client, other_user):
    theirs = push_device(other_user)
    response = post_json(
        owner_client, "reminders:push_unsubscribe", {"endpoint": theirs.subscription.endpoint}
    )
    assert response.status_code == 404
    assert PushSubscription.objects.filter(pk=theirs.subscription.pk).exists()


def test_a_device_can_be_turned_off_from_the_page(owner_client, user):
    device = push_device(user)
    owner_client.post(reverse("reminders:remove_device", args=[device.subscription.pk]))
    assert not PushSubscription.objects.exists()


def test_another_persons_device_is_not_found(owner_client, other_user):
    theirs = push_device(other_user)
    url = reverse("reminders:remove_device", args=[theirs.subscription.pk])
    assert owner_client.post(url).status_code == 404
    assert PushSubscription.objects.exists()


def test_turning_off_a_device_needs_a_sign_in(client, user):
    device = push_device(user)
    client.post(reverse("reminders:remove_device", args=[device.subscription.pk]))
    assert PushSubscription.objects.exists()


# --- email ------------------------------------------------------------------------------------


def give_address(client, address="me@example.org"):
    return client.post(reverse("reminders:email"), {"address": address})


def test_an_address_waits_for_its_link_and_nothing_is_sent_while_the_page_answers(
    owner_client, user
):
    response = give_address(owner_client)
    assert response.status_code == 302
    address = EmailAddress.objects.get(user=user)
    assert not address.is_confirmed
    assert address.site_url == "http://testserver"
    assert not mail.outbox
    [queued] = DBTaskResult.objects.all()
    assert queued.task_path == "selftrust.reminders.tasks.send_email_confirmation"
    assert "We sent a link to" in owner_client.get(SETTINGS).content.decode()


def test_asking_for_the_link_again_at_once_sends_no_second_one(owner_client):
    give_address(owner_client)
    give_address(owner_client)
    assert DBTaskResult.objects.count() == 1


def test_an_address_that_is_not_one_is_refused(owner_client, user):
    response = give_address(owner_client, "not an address")
    assert response.status_code == 400
    assert "look like an email address" in response.content.decode()
    assert not EmailAddress.objects.exists()


def test_no_address_is_kept_when_the_server_has_no_email(owner_client, settings):
    settings.REMINDER_EMAIL_ENABLED = False
    give_address(owner_client)
    assert not EmailAddress.objects.exists()


def test_email_reminders_can_be_stopped(owner_client, user):
    give_address(owner_client)
    owner_client.post(reverse("reminders:email_off"))
    assert not EmailAddress.objects.exists()


def test_giving_an_address_needs_a_sign_in(client):
    assert give_address(client).status_code == 302
    assert not EmailAddress.objects.exists()


def an_address(user, address="me@example.org") -> EmailAddress:
    return EmailAddress.objects.create(user=user, address=address, site_url="http://testserver")


def confirm_url(token) -> str:
    return reverse("reminders:confirm_email", args=[token])


def test_a_confirmation_link_confirms_only_when_the_button_is_pressed(owner_client, user):
    url = confirm_url(confirmation_token(an_address(user)))
    assert owner_client.get(url).status_code == 200
    assert not EmailAddress.objects.get().is_confirmed
    owner_client.post(url)
    assert EmailAddress.objects.get().is_confirmed


def test_another_persons_link_is_not_found(owner_client, other_user):
    url = confirm_url(confirmation_token(an_address(other_user)))
    assert owner_client.get(url).status_code == 404
    assert owner_client.post(url).status_code == 404
    assert not EmailAddress.objects.get().is_confirmed


def test_a_link_older_than_three_days_does_not_work(owner_client, user):
    address = an_address(user)

    class ThreeDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(clock.time()) - 3 * 24 * 60 * 60 - 60)

    token = ThreeDaysAgo(salt=CONFIRMATION_SALT).sign_object(
        {"user": user.pk, "address": address.address}, compress=True
    )
    response = owner_client.post(confirm_url(token))
    assert response.status_code == 400
    assert "more than 3 days old" in response.content.decode()
    assert not EmailAddress.objects.get().is_confirmed


def test_a_link_for_a_replaced_address_does_not_work(owner_client, user):
    token = confirmation_token(an_address(user, "old@example.org"))
    EmailAddress.objects.filter(user=user).update(address="new@example.org")
    response = owner_client.post(confirm_url(token))
    assert response.status_code == 400
    assert not EmailAddress.objects.get().is_confirmed


def test_a_changed_link_does_not_work(owner_client, user):
    token = confirmation_token(an_address(user))
    response = owner_client.post(confirm_url(token[:-3] + "abc"))
    assert response.status_code == 400
    assert not EmailAddress.objects.get().is_confirmed


def test_confirming_needs_a_sign_in(client, user):
    url = confirm_url(confirmation_token(an_address(user)))
    assert client.post(url).status_code == 302
    assert not EmailAddress.objects.get().is_confirmed


# --- calendar ---------------------------------------------------------------------------------


def test_the_calendar_address_is_shown_once_and_works(owner_client, user):
    reminded_promise(user)
    owner_client.post(reverse("reminders:calendar_on"))
    page = owner_client.get(SETTINGS).content.decode()
    url = page.split('<p class="token-secret" id="calendar-url">')[1].split("</p>")[0].strip()
    assert url.startswith("http://testserver/calendar/") and url.endswith(".ics")
    assert url not in owner_client.get(SETTINGS).content.decode()
    assert Client().get(url.removeprefix("http://testserver")).status_code == 200


def test_the_calendar_address_can_be_turned_off(owner_client, user):
    owner_client.post(reverse("reminders:calendar_on"))
    owner_client.post(reverse("reminders:calendar_off"))
    assert not CalendarFeed.objects.exists()


def test_the_calendar_address_needs_a_sign_in_to_make(client):
    assert client.post(reverse("reminders:calendar_on")).status_code == 302
    assert not CalendarFeed.objects.exists()


def test_turning_off_my_calendar_leaves_anyone_elses(owner_client, other_user):
    CalendarFeed.issue(other_user)
    owner_client.post(reverse("reminders:calendar_off"))
    assert CalendarFeed.objects.filter(user=other_user).exists()


def test_a_feed_shows_only_its_owners_promises(client, user, other_user):
    PromiseFactory(user=other_user, text="Not mine")
    reminded_promise(user, text="Mine")
    reminder = ReminderSettings.of(user)
    reminder.show_words = True
    reminder.save()
    _feed, secret = CalendarFeed.issue(user)
    body = client.get(reverse("reminders:calendar_feed", args=[secret])).content.decode()
    assert "Mine" in body
    assert "Not mine" not in body
