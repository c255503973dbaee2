"""Sending the reminders that are due now: run every minute by the worker, by any number of
workers at once.

1. Plan: who has a channel on and is not paused, and which of their chosen things are due now
   in their own time zone, unanswered, outside quiet hours (sources.py, timing.py).
2. For each planned reminder and channel, write its `SentReminder` row first, in its own
   transaction. The row is unique per person, thing, local day and channel: if another worker
   wrote it first, the insert fails and this worker sends nothing.
3. Send. A failure worth retrying leaves the row waiting, with the next try further off each
   time (1, 5, 15, 30 minutes); a retry is claimed by one worker with a conditional UPDATE,
   and goes only if the reminder is still wanted.

Failures are logged for the operator (never with the person's words) and never reach a page.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from selftrust.reminders import emails, push
from selftrust.reminders.delivery import DeliveryProblem, Gone, message_for
from selftrust.reminders.models import (
    Channel,
    Delivery,
    EmailAddress,
    PushSubscription,
    ReminderSettings,
    SentReminder,
)
from selftrust.reminders.sources import SOURCES, DueThing, Person
from selftrust.reminders.timing import in_quiet_hours, is_time_to_send, zone_of

logger = logging.getLogger(__name__)

CHANNELS = {Channel.PUSH: push.send, Channel.EMAIL: emails.send_reminder}
RETRY_AFTER = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(minutes=30),
)
MAX_ATTEMPTS = len(RETRY_AFTER) + 1
# People read in batches, so one minute's plan is a few queries per few hundred people.
BATCH = 500
# The log holds no words; it is kept a little over a month to show what was sent, then goes.
KEEP_LOG = timedelta(days=35)


@dataclass
class Summary:
    sent: int = 0
    waiting: int = 0
    failed: int = 0
    skipped: int = 0
    taken_by_another_worker: int = 0

    def note(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def as_dict(self) -> dict:
        return {
            "sent": self.sent,
            "waiting": self.waiting,
            "failed": self.failed,
            "skipped": self.skipped,
            "taken_by_another_worker": self.taken_by_another_worker,
        }


def _channels(choices: ReminderSettings) -> tuple[str, ...]:
    channels = []
    if choices.has_push:
        channels.append(Channel.PUSH)
    if choices.has_email and emails.is_available():
        channels.append(Channel.EMAIL)
    return tuple(channels)


def people_to_remind(now: datetime) -> Iterable[list[Person]]:
    """Everyone not paused with at least one channel on, as seen in their own time zone, in
    batches. Read page by page (by primary key) rather than through an open cursor, so the
    writes made between batches never meet a cursor a connection pooler would not keep."""
    rows = (
        ReminderSettings.objects.filter(paused=False)
        .annotate(
            has_push=Exists(PushSubscription.objects.filter(user=OuterRef("user"))),
            has_email=Exists(
                EmailAddress.objects.filter(user=OuterRef("user"), confirmed_at__isnull=False)
            ),
        )
        .filter(Q(has_push=True) | Q(has_email=True))
        .select_related("user")
        .order_by("pk")
    )
    after = 0
    while page := list(rows.filter(pk__gt=after)[:BATCH]):
        after = page[-1].pk
        people = [
            Person(
                choices=choices,
                local_now=now.astimezone(zone_of(choices.user.time_zone)),
                channels=_channels(choices),
            )
            for choices in page
        ]
        yield [person for person in people if person.channels]


def plan(people: list[Person], now: datetime) -> list[tuple[Person, DueThing]]:
    """The reminders due at `now` for these people, on any channel."""
    by_user = {person.user_id: person for person in people}
    planned = []
    for source in SOURCES.values():
        for thing in source.due(people):
            person = by_user[thing.user_id]
            choices = person.choices
            if is_time_to_send(
                now,
                thing.day,
                thing.at,
                person.local_now.tzinfo,
                choices.quiet_from,
                choices.quiet_until,
            ):
                planned.append((person, thing))
    return planned


def _write_log_row(thing: DueThing, channel: str, now: datetime) -> SentReminder | None:
    """The row that says this reminder is being sent, or None if another worker wrote it."""
    try:
        with transaction.atomic():
            return SentReminder.objects.create(
                user_id=thing.user_id,
                kind=thing.kind,
                item_id=thing.item_id,
                local_date=thing.day,
                channel=channel,
                status=Delivery.SENDING,
                attempts=1,
                created_at=now,
            )
    except IntegrityError:
        return None


def send_due_reminders(now: datetime | None = None) -> Summary:
    now = now or timezone.now()
    summary = Summary()
    for people in people_to_remind(now):
        planned = plan(people, now)
        if not planned:
            continue
        already = set(
            SentReminder.objects.filter(
                user_id__in={person.user_id for person, _thing in planned},
                local_date__in={thing.day for _person, thing in planned},
            ).values_list("user_id", "kind", "item_id", "local_date", "channel")
        )
        for person, thing in planned:
            for channel in person.channels:
                key = (thing.user_id, thing.kind, thing.item_id, thing.day, channel)
                if key in already:
                    continue
                row = _write_log_row(thing, channel, now)
                if row is None:
                    summary.taken_by_another_worker += 1
                    continue
                summary.note(deliver(row, person.choices, thing, now))
    retry_waiting(now, summary)
    return summary


def deliver(row: SentReminder, choices: ReminderSettings, thing: DueThing, now: datetime) -> str:
    """Send one claimed reminder and record how it went; returns its new status."""
    message = message_for(thing, choices.show_words)
    try:
        CHANNELS[row.channel](choices.user, message)
    except Gone as gone:
        row.status, row.last_error = Delivery.SKIPPED, str(gone)[:200]
    except DeliveryProblem as problem:
        _note_failure(row, str(problem), problem.temporary, now)
    except Exception as error:  # an unexpected failure must not stop the others
        logger.exception("Reminder %s by %s failed unexpectedly", row.pk, row.channel)
        _note_failure(row, type(error).__name__, True, now)
    else:
        row.status, row.sent_at, row.last_error = Delivery.SENT, now, ""
    row.save(update_fields=["status", "sent_at", "last_error", "next_attempt_at"])
    return str(row.status)


def _note_failure(row: SentReminder, reason: str, temporary: bool, now: datetime) -> None:
    row.last_error = reason[:200]
    if temporary and row.attempts < MAX_ATTEMPTS:
        row.status = Delivery.WAITING
        row.next_attempt_at = now + RETRY_AFTER[row.attempts - 1]
        logger.warning(
            "Reminder %s by %s not sent (try %d of %d): %s. Trying again at %s.",
            row.pk,
            row.channel,
            row.attempts,
            MAX_ATTEMPTS,
            reason,
            row.next_attempt_at.isoformat(),
        )
    else:
        row.status, row.next_attempt_at = Delivery.FAILED, None
        logger.error(
            "Reminder %s by %s could not be sent after %d tries: %s",
            row.pk,
            row.channel,
            row.attempts,
            reason,
        )


def retry_waiting(now: datetime, summary: Summary | None = None) -> Summary:
    """Try again the reminders whose next try is due, if they are still wanted."""
    summary = summary or Summary()
    waiting = SentReminder.objects.filter(
        status=Delivery.WAITING, next_attempt_at__lte=now
    ).values_list("pk", flat=True)
    for pk in list(waiting[:BATCH]):
        claimed = SentReminder.objects.filter(pk=pk, status=Delivery.WAITING).update(
            status=Delivery.SENDING, attempts=F("attempts") + 1
        )
        if not claimed:
            summary.taken_by_another_worker += 1
            continue
        row = SentReminder.objects.get(pk=pk)
        wanted = _still_wanted(row, now)
        if wanted is None:
            row.status, row.next_attempt_at = Delivery.SKIPPED, None
            row.save(update_fields=["status", "next_attempt_at"])
            summary.skipped += 1
            continue
        choices, thing = wanted
        summary.note(deliver(row, choices, thing, now))
    return summary


def _still_wanted(row: SentReminder, now: datetime) -> tuple[ReminderSettings, DueThing] | None:
    """The person's choices and the thing, if this reminder should still go now: not paused,
    not quiet hours, still the same day where they are, and still unanswered."""
    choices = ReminderSettings.objects.filter(user_id=row.user_id).select_related("user").first()
    source = SOURCES.get(row.kind)
    if choices is None or choices.paused or source is None:
        return None
    local_now = now.astimezone(zone_of(choices.user.time_zone))
    if local_now.date() != row.local_date:
        return None
    if in_quiet_hours(local_now.time(), choices.quiet_from, choices.quiet_until):
        return None
    thing = source.still_due(row.user_id, row.item_id, row.local_date)
    return (choices, thing) if thing is not None else None


def forget_old_log(now: datetime | None = None) -> int:
    now = now or timezone.now()
    deleted, _by_model = SentReminder.objects.filter(created_at__lt=now - KEEP_LOG).delete()
    return deleted
