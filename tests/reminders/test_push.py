"""Web Push: only the HTTP POST to the push service is replaced; encryption, VAPID signing and
the decisions after the answer are the real ones."""

import json
import logging
import stat
from datetime import UTC, datetime, time

import http_ece
import pytest
import requests
from py_vapid import Vapid

from selftrust.reminders import vapid
from selftrust.reminders.models import Delivery, PushSubscription, SentReminder
from selftrust.reminders.sending import MAX_ATTEMPTS, send_due_reminders
from tests.factories import CheckInFactory, UserFactory
from tests.reminders.factories import push_device, reminded_promise, reminder_choices

pytestmark = pytest.mark.django_db

NINE = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)


class PushService:
    """Stands in for the push service's HTTP endpoint: records each POST, answers `status`."""

    def __init__(self, status=201):
        self.status = status
        self.posts = []

    def __call__(self, url, data=None, headers=None, timeout=None, **kwargs):
        self.posts.append({"url": url, "body": data, "headers": dict(headers)})
        response = requests.Response()
        response.status_code = self.status() if callable(self.status) else self.status
        response.url = url
        response._content = b""
        return response


@pytest.fixture
def push_service(monkeypatch):
    service = PushService()
    monkeypatch.setattr(requests, "post", service)
    return service


def person_with_device(**choices):
    user = UserFactory(time_zone="UTC")
    reminder_choices(user, **choices)
    return user, push_device(user)


def decrypt(post, device) -> dict:
    plain = http_ece.decrypt(
        post["body"],
        private_key=device.private_key,
        auth_secret=device.auth_secret,
        version="aes128gcm",
    )
    return json.loads(plain)


def test_the_payload_is_encrypted_for_the_browser_and_says_no_words(push_service):
    user, device = person_with_device()
    reminded_promise(user, at=time(9, 0), text="Rest for ten minutes")
    send_due_reminders(NINE)

    [post] = push_service.posts
    assert post["url"] == device.subscription.endpoint
    assert post["headers"]["content-encoding"] == "aes128gcm"
    assert b"small promise" not in post["body"]
    assert decrypt(post, device) == {
        "title": "A gentle reminder",
        "body": "A small promise is waiting for you",
        "url": "/today/",
        "tag": f"promise-{user.promises.get().pk}",
    }
    assert SentReminder.objects.get().status == Delivery.SENT


def test_the_words_travel_encrypted_when_the_person_chose_to_see_them(push_service):
    user, device = person_with_device(show_words=True)
    reminded_promise(user, at=time(9, 0), text="Rest for ten minutes")
    send_due_reminders(NINE)
    [post] = push_service.posts
    assert b"Rest for ten minutes" not in post["body"]
    assert decrypt(post, device)["body"] == "A small promise for today: Rest for ten minutes"


def test_the_push_service_can_check_it_came_from_this_server(push_service):
    user, _device = person_with_device()
    reminded_promise(user, at=time(9, 0))
    send_due_reminders(NINE)
    authorization = push_service.posts[0]["headers"]["authorization"]
    assert authorization.startswith("vapid t=")
    assert authorization.endswith(f"k={vapid.keys().public}")
    assert Vapid.verify(authorization)  # signed by the key the browser was given
    assert int(push_service.posts[0]["headers"]["ttl"]) == 4 * 60 * 60


def test_every_device_of_the_person_gets_the_reminder(push_service):
    user, first = person_with_device()
    second = push_device(user)
    reminded_promise(user, at=time(9, 0))
    send_due_reminders(NINE)
    assert [post["url"] for post in push_service.posts] == [
        first.subscription.endpoint,
        second.subscription.endpoint,
    ]
    assert SentReminder.objects.count() == 1  # one reminder, one channel, one row


@pytest.mark.parametrize("status", [404, 410])
def test_an_expired_subscription_is_removed(push_service, status):
    push_service.status = status
    user, device = person_with_device()
    reminded_promise(user, at=time(9, 0))
    send_due_reminders(NINE)
    assert not PushSubscription.objects.filter(pk=device.subscription.pk).exists()
    assert SentReminder.objects.get().status == Delivery.SKIPPED


def test_an_expired_subscription_does_not_stop_the_other_devices(push_service):
    user, gone = person_with_device()
    kept = push_device(user)
    push_service.status = lambda: 410 if len(push_service.posts) == 1 else 201
    reminded_promise(user, at=time(9, 0))
    send_due_reminders(NINE)
    assert list(PushSubscription.objects.filter(user=user)) == [kept.subscription]
    assert not PushSubscription.objects.filter(pk=gone.subscription.pk).exists()
    assert SentReminder.objects.get().status == Delivery.SENT


def test_a_busy_push_service_is_tried_again_with_growing_pauses_then_given_up(push_service, caplog):
    push_service.status = 503
    user, _device = person_with_device()
    reminded_promise(user, at=time(9, 0))
    with caplog.at_level(logging.WARNING, logger="selftrust.reminders"):
        send_due_reminders(NINE)
        row = SentReminder.objects.get()
        pauses = []
        while row.status == Delivery.WAITING:
            pauses.append(int((row.next_attempt_at - NINE).total_seconds() // 60))
            send_due_reminders(row.next_attempt_at)
            row.refresh_from_db()
    assert pauses == [1, 6, 21, 51]  # after 1, 5, 15 and 30 more minutes
    assert row.status == Delivery.FAILED
    assert row.attempts == MAX_ATTEMPTS == len(push_service.posts)
    assert "could not be sent after 5 tries" in caplog.text
    assert "503" in row.last_error


def test_a_retry_is_not_sent_once_the_day_is_answered(push_service):
    push_service.status = 503
    user, _device = person_with_device()
    promise = reminded_promise(user, at=time(9, 0))
    send_due_reminders(NINE)
    row = SentReminder.objects.get()
    CheckInFactory(promise=promise, day=NINE.date())
    push_service.status = 201
    send_due_reminders(row.next_attempt_at)
    row.refresh_from_db()
    assert row.status == Delivery.SKIPPED
    assert len(push_service.posts) == 1


def test_a_retry_is_not_sent_while_reminders_are_paused(push_service):
    push_service.status = 503
    user, _device = person_with_device()
    reminded_promise(user, at=time(9, 0))
    send_due_reminders(NINE)
    reminder_choices(user, paused=True)
    push_service.status = 201
    row = SentReminder.objects.get()
    send_due_reminders(row.next_attempt_at)
    row.refresh_from_db()
    assert row.status == Delivery.SKIPPED


def test_the_push_service_being_unreachable_is_tried_again(monkeypatch):
    def unreachable(*args, **kwargs):
        raise requests.ConnectionError("no route")

    monkeypatch.setattr(requests, "post", unreachable)
    user, _device = person_with_device()
    reminded_promise(user, at=time(9, 0))
    send_due_reminders(NINE)
    row = SentReminder.objects.get()
    assert row.status == Delivery.WAITING
    assert "unreachable" in row.last_error


# --- the server's keys ----------------------------------------------------------------------


def test_keys_are_made_once_into_the_data_folder_readable_only_by_the_server(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    first = vapid.keys()
    key_file = tmp_path / "vapid_private_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert vapid.keys() == first
    assert len(vapid._unb64(first.public)) == 65


def test_keys_from_the_environment_win_so_several_servers_share_them(
    settings, tmp_path, monkeypatch
):
    settings.DATA_DIR = tmp_path
    made = Vapid()
    made.generate_keys()
    private = vapid._b64(made.private_key.private_numbers().private_value.to_bytes(32, "big"))
    monkeypatch.setenv("SELFTRUST_VAPID_PRIVATE_KEY", private)
    monkeypatch.setenv("SELFTRUST_VAPID_SUBJECT", "mailto:operator@example.org")
    found = vapid.keys()
    assert found.private == private
    assert found.public == vapid.public_key_of(private)
    assert found.subject == "mailto:operator@example.org"
    assert not (tmp_path / "vapid_private_key").exists()


def test_a_public_key_that_does_not_match_the_private_one_is_refused(
    monkeypatch, settings, tmp_path
):
    from django.core.exceptions import ImproperlyConfigured

    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("SELFTRUST_VAPID_PUBLIC_KEY", "BNotTheRightKey")
    with pytest.raises(ImproperlyConfigured, match="does not belong"):
        vapid.keys()


def test_a_subject_that_is_not_a_contact_is_refused(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("SELFTRUST_VAPID_SUBJECT", "the operator")
    with pytest.raises(ImproperlyConfigured, match="mailto:"):
        vapid.subject()
