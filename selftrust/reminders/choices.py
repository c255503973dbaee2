"""A person's reminder choices: what the Reminders page reads and changes. Plain functions."""

from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from selftrust.promises.models import Promise
from selftrust.reminders import emails
from selftrust.reminders.models import (
    CalendarFeed,
    EmailAddress,
    PromiseReminder,
    PushSubscription,
    ReminderSettings,
)


def promises_to_choose_from(user) -> list[Promise]:
    """The person's promises in use, each with `is_chosen`, those with a time of day first."""
    return list(
        Promise.objects.owned_by(user)
        .in_use()
        .annotate(is_chosen=Exists(PromiseReminder.objects.filter(promise=OuterRef("pk"))))
        .order_by(F("time_of_day").asc(nulls_last=True), "created_at")
    )


def remind_of_promise(promise: Promise, on: bool) -> None:
    """Turn "Remind me at its time" on or off. A promise without a time of day cannot be chosen."""
    if on and promise.time_of_day is not None:
        PromiseReminder.objects.get_or_create(promise=promise)
    else:
        PromiseReminder.objects.filter(promise=promise).delete()


def set_paused(user, paused: bool) -> ReminderSettings:
    choices = ReminderSettings.of(user)
    choices.paused = paused
    choices.save(update_fields=["paused", "updated_at"])
    return choices


def give_email_address(user, address: str, site_url: str) -> EmailAddress:
    """Keep a new (unconfirmed) address, or the same one again; a changed address needs a new
    confirmation, and links sent for the old one stop working."""
    found = EmailAddress.objects.filter(user=user).first()
    if found is None:
        found = EmailAddress(user=user)
    if found.address != address:
        found.address = address
        found.confirmed_at = None
    found.site_url = site_url
    found.confirmation_sent_at = timezone.now()
    found.save()
    return found


def confirm_email_address(user, address: str) -> bool:
    """Confirm the address a link was sent to, if it is still this person's address."""
    return bool(
        EmailAddress.objects.filter(user=user, address=address).update(confirmed_at=timezone.now())
    )


def stop_email(user) -> None:
    EmailAddress.objects.filter(user=user).delete()


def page_state(user) -> dict:
    """Everything the Reminders page shows, read in a few queries."""
    return {
        "choices": ReminderSettings.of(user),
        "promises": promises_to_choose_from(user),
        "devices": list(PushSubscription.objects.filter(user=user)),
        "email": EmailAddress.objects.filter(user=user).first(),
        "email_available": emails.is_available(),
        "calendar_feed": CalendarFeed.objects.filter(user=user).first(),
    }
