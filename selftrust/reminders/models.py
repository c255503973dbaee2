"""Gentle reminders: what a person chose, where reminders may go, and what was sent.

Everything here is opt-in. A person with no `ReminderSettings` row, no push subscription and no
confirmed email address is never reminded of anything. The promises and practices apps know
nothing of reminders: the per-promise choice lives here (`PromiseReminder`).
"""

import hashlib
import secrets
from datetime import time

from django.conf import settings
from django.db import models
from django.utils import timezone

DEFAULT_QUIET_FROM = time(22, 0)
DEFAULT_QUIET_UNTIL = time(8, 0)
DEFAULT_OTHER_REMINDERS_AT = time(9, 0)


class Channel(models.TextChoices):
    PUSH = "push", "This device's notifications"
    EMAIL = "email", "Email"


class ReminderSettings(models.Model):
    """One person's choices about reminders. Made on their first visit to the Reminders page."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    paused = models.BooleanField(default=False)
    # Quiet hours in the person's own time zone; may cross midnight (22:00 to 08:00).
    # Both empty: no quiet hours.
    quiet_from = models.TimeField(null=True, blank=True, default=DEFAULT_QUIET_FROM)
    quiet_until = models.TimeField(null=True, blank=True, default=DEFAULT_QUIET_UNTIL)
    # Off: reminders say only "A small promise is waiting for you". On: the promise's own
    # words appear, on a lock screen, in an email, in a calendar.
    show_words = models.BooleanField(default=False)
    # Kinds of due things reminded of as a whole (sources.py: KIND_WIDE); promises are chosen
    # one by one (PromiseReminder).
    kinds = models.JSONField(default=list, blank=True)
    # When reminders of things without a time of their own (a decision to look back on) come.
    other_reminders_at = models.TimeField(default=DEFAULT_OTHER_REMINDERS_AT)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self) -> str:
        return f"Reminder settings of {self.user_id}"

    @classmethod
    def of(cls, user) -> "ReminderSettings":
        found, _made = cls.objects.get_or_create(user=user)
        return found

    @property
    def has_quiet_hours(self) -> bool:
        return self.quiet_from is not None and self.quiet_until is not None


class PromiseReminder(models.Model):
    """One promise its person chose to be reminded of ("Remind me at its time")."""

    promise = models.OneToOneField(
        "promises.Promise",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="reminder_choice",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Reminder for promise {self.promise_id}"


class PushSubscription(models.Model):
    """One browser on one device that may show reminders (the Push API's subscription)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    # The push service's URL for this browser; a browser has one per site, so a second
    # account signing in on the same browser takes it over.
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    # A name to tell devices apart ("Firefox on Android"), from the browser's own words.
    device = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.device or 'A browser'} of {self.user_id}"

    def as_subscription_info(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class EmailAddress(models.Model):
    """Where email reminders go, once the person has confirmed the address by its link."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_email"
    )
    address = models.EmailField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # Links in emails point here: learnt from the page where the address was given, so the
    # worker (which has no request) writes links to the address the person actually uses.
    site_url = models.URLField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Reminder address of {self.user_id}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class CalendarFeedQuerySet(models.QuerySet):
    def for_secret(self, secret: str):
        return self.filter(digest=CalendarFeed.digest_of(secret)).select_related("user")


class CalendarFeed(models.Model):
    """A private calendar address. Like an API token, only the digest of its secret is kept:
    the address is shown once, and a new one can be made (the old one stops working)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_read_at = models.DateTimeField(null=True, blank=True)

    objects = CalendarFeedQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Calendar feed of {self.user_id}"

    @staticmethod
    def digest_of(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, user) -> tuple["CalendarFeed", str]:
        """A new secret address for `user`, replacing any earlier one; the secret is returned
        once and never stored."""
        secret = secrets.token_urlsafe(32)
        feed, _made = cls.objects.update_or_create(
            user=user, defaults={"digest": cls.digest_of(secret), "created_at": timezone.now()}
        )
        return feed, secret


class Delivery(models.TextChoices):
    SENDING = "sending", "Being sent"
    WAITING = "waiting", "Waiting to try again"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"
    SKIPPED = "skipped", "Not needed any more"


class SentReminder(models.Model):
    """The log of reminders: one row per person, item, local day and channel.

    The row is written *before* anything is sent, in its own transaction; the unique
    constraint means a second worker that planned the same reminder fails to write it and
    sends nothing. It holds no words, only which kind of thing and its number.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    kind = models.CharField(max_length=20)
    item_id = models.PositiveBigIntegerField()
    local_date = models.DateField()
    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.SENDING)
    attempts = models.PositiveSmallIntegerField(default=1)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # Why the last try failed, for the operator's log: never the person's words.
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "item_id", "local_date", "channel"],
                name="one_reminder_per_item_day_and_channel",
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.item_id} on {self.local_date} by {self.channel}: {self.status}"
