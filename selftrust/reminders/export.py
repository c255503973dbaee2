"""A person's reminder choices and their delivery log, for their export.

Secrets stay out: a browser's push keys and endpoint work only with that browser, and the
calendar feed's address is a password; the export says which devices and feed there were,
not how to reach them. Importing leaves all of this in the file (accounts/importing.py): a
device subscribes again on the new server, and an address is confirmed again there.
"""

from selftrust.reminders.models import (
    CalendarFeed,
    EmailAddress,
    PromiseReminder,
    PushSubscription,
    ReminderSettings,
    SentReminder,
)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_reminders(user) -> dict:
    """{"settings", "promise_ids", "email", "devices", "calendar_feed", "sent"}: each None or
    empty where the person has none; "sent" is the log the worker keeps (35 days)."""
    settings = ReminderSettings.objects.filter(user=user).first()
    email = EmailAddress.objects.filter(user=user).first()
    feed = CalendarFeed.objects.filter(user=user).first()
    return {
        "settings": None
        if settings is None
        else {
            "paused": settings.paused,
            "quiet_from": _iso(settings.quiet_from),
            "quiet_until": _iso(settings.quiet_until),
            "show_words": settings.show_words,
            "kinds": list(settings.kinds or []),
            "other_reminders_at": _iso(settings.other_reminders_at),
        },
        # The promises (by their ids above) the person chose "Remind me at its time" for.
        "promise_ids": sorted(
            PromiseReminder.objects.filter(promise__user=user).values_list("promise_id", flat=True)
        ),
        "email": None
        if email is None
        else {"address": email.address, "confirmed_at": _iso(email.confirmed_at)},
        "devices": [
            {
                "device": device.device,
                "created_at": _iso(device.created_at),
                "last_sent_at": _iso(device.last_sent_at),
            }
            for device in PushSubscription.objects.filter(user=user)
        ],
        "calendar_feed": None
        if feed is None
        else {"created_at": _iso(feed.created_at), "last_read_at": _iso(feed.last_read_at)},
        "sent": [
            {
                "kind": sent.kind,
                "item_id": sent.item_id,
                "date": _iso(sent.local_date),
                "channel": sent.channel,
                "status": sent.status,
                "created_at": _iso(sent.created_at),
                "sent_at": _iso(sent.sent_at),
            }
            for sent in SentReminder.objects.filter(user=user).order_by("created_at", "pk")
        ],
    }
