"""Setup for reminder tests: a person with reminders on, a device with real push keys, a
confirmed address. (The shared tests/factories.py holds the people and promises themselves.)"""

import base64
import os
from dataclasses import dataclass
from datetime import date, time

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.utils import timezone

from selftrust.reminders.models import (
    EmailAddress,
    PromiseReminder,
    PushSubscription,
    ReminderSettings,
)
from tests.factories import PromiseFactory, UserFactory


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def reminder_choices(user, **overrides) -> ReminderSettings:
    """Reminders on, no quiet hours unless asked for (the default quiet hours are tested
    on their own)."""
    values = {"quiet_from": None, "quiet_until": None, **overrides}
    choices = ReminderSettings.of(user)
    for name, value in values.items():
        setattr(choices, name, value)
    choices.save()
    return choices


def confirmed_email(user, address=None, site_url="https://selftrust.example.org") -> EmailAddress:
    return EmailAddress.objects.create(
        user=user,
        address=address or f"{user.username}@example.org",
        confirmed_at=timezone.now(),
        site_url=site_url,
    )


def reminded_promise(user, at=time(17, 30), **fields):
    """A promise with a time of day that its person chose to be reminded of."""
    fields.setdefault("starts_on", date(2026, 1, 1))
    promise = PromiseFactory(user=user, time_of_day=at, **fields)
    PromiseReminder.objects.create(promise=promise)
    return promise


@dataclass
class Device:
    """A browser's push subscription with the private half kept, to read what it receives."""

    subscription: PushSubscription
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes


def push_device(user, endpoint=None) -> Device:
    private_key = ec.generate_private_key(ec.SECP256R1())
    point = private_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    auth_secret = os.urandom(16)
    subscription = PushSubscription.objects.create(
        user=user,
        endpoint=endpoint or f"https://fcm.googleapis.com/fcm/send/{b64(os.urandom(12))}",
        p256dh=b64(point),
        auth=b64(auth_secret),
        device="Firefox on Android",
    )
    return Device(subscription, private_key, auth_secret)


def person_with_email(time_zone="Europe/Berlin", **choices):
    user = UserFactory(time_zone=time_zone)
    reminder_choices(user, **choices)
    confirmed_email(user)
    return user
