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
from selftrust.shapes import iso


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
            "quiet_from": iso(settings.quiet_from),
            "quiet_until": iso(settings.quiet_until),
            "show_words": settings.show_words,
            "kinds": list(settings.kinds or []),
            "other_reminders_at": iso(settings.other_reminders_at),
        },
        # The promises (by their ids above) the person chose "Remind me at its time" for.
        "promise_ids": sorted(
            PromiseReminder.objects.filter(promise__user=user).values_list("promise_id", flat=True)
        ),
        "email": None
        if email is None
        else {"address": email.address, "confirmed_at": iso(email.confirmed_at)},
        "devices": [
            {
                "device": device.device,
                "created_at": iso(device.created_at),
                "last_sent_at": iso(device.last_sent_at),
            }
            for device in PushSubscription.objects.filter(user=user)
        ],
        "calendar_feed": None
        if feed is None
        else {"created_at": iso(feed.created_at), "last_read_at": iso(feed.last_read_at)},
        "sent": [
            {
                "kind": sent.kind,
                "item_id": sent.item_id,
                "date": iso(sent.local_date),
                "channel": sent.channel,
                "status": sent.status,
                "created_at": iso(sent.created_at),
                "sent_at": iso(sent.sent_at),
            }
            for sent in SentReminder.objects.filter(user=user).order_by("created_at", "pk")
        ],
    }
