"""When a promise is due. Plain functions: no requests, no templates."""

from collections.abc import Iterable
from datetime import date, timedelta

from django.utils.translation import gettext as _

from selftrust.promises.models import WEEKDAY_NAMES, Promise, Schedule, Status

# A person can answer, or change an answer, for today and the six days before it.
ANSWER_WINDOW_DAYS = 7


def is_due_on(promise: Promise, day: date) -> bool:
    """Whether the promise asks something of the person on `day` (pauses and archives ask nothing)."""
    if promise.status != Status.ACTIVE or day < promise.starts_on:
        return False
    if promise.schedule == Schedule.ONCE:
        return day == promise.due_date
    if promise.schedule == Schedule.WEEKDAYS:
        return day.weekday() in promise.weekdays
    return True


def next_due_on(promise: Promise, today: date) -> date | None:
    """The first day after `today` that the promise asks something, or None if none will.

    Paused and archived promises ask nothing; a one-time promise whose day has come or gone
    has no next day. A daily promise is due tomorrow (Today never shows it as "not due", as it
    is due every day), unless it starts later.
    """
    if promise.status != Status.ACTIVE:
        return None
    first = max(today + timedelta(days=1), promise.starts_on)
    if promise.schedule == Schedule.ONCE:
        due = promise.due_date
        return due if due is not None and due >= first else None
    if promise.schedule == Schedule.WEEKDAYS:
        for offset in range(7):
            day = first + timedelta(days=offset)
            if day.weekday() in promise.weekdays:
                return day
        return None
    return first


def due_on(promises: Iterable[Promise], day: date) -> list[Promise]:
    return [promise for promise in promises if is_due_on(promise, day)]


def answer_window(today: date) -> tuple[date, date]:
    """The first and last day a check-in may be recorded or changed."""
    return today - timedelta(days=ANSWER_WINDOW_DAYS - 1), today


def describe(promise: Promise) -> str:
    if promise.schedule == Schedule.ONCE:
        return _("Once, on %(day)s") % {"day": promise.due_date.strftime("%-d %B %Y")}
    if promise.schedule == Schedule.WEEKDAYS:
        days = sorted(promise.weekdays)
        if days == [0, 1, 2, 3, 4]:
            return _("Monday to Friday")
        return _("On %(days)s") % {"days": ", ".join(str(WEEKDAY_NAMES[d]) for d in days)}
    return _("Every day")
