"""Changes to promises and check-ins. Views and the API call these, never the ORM directly."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.cache import cache
from django.db import transaction

from selftrust.promises.drafts import check_in_note
from selftrust.promises.forms import CheckInForm, PromiseForm
from selftrust.promises.models import CheckIn, Promise, Status
from selftrust.promises.schedule import answer_window, due_on, next_due_on


def save_promise(form: PromiseForm, user) -> Promise:
    with transaction.atomic():
        promise = form.save(commit=False)
        promise.user = user
        promise.save()
        user.note_record_changed()
    return promise


def set_status(promise: Promise, status: str, user) -> Promise:
    if promise.status != status:
        with transaction.atomic():
            promise.status = status
            promise.save(update_fields=["status", "updated_at"])
            user.note_record_changed()
    return promise


def save_check_in(form: CheckInForm, user) -> tuple[CheckIn, bool]:
    """Store a valid check-in; returns it and whether it is new (an answer changed is not new).

    Update-or-create on (promise, day), so two taps racing each other change one answer
    instead of colliding on the one-answer-a-day constraint.
    """
    with transaction.atomic():
        check_in, created = CheckIn.objects.update_or_create(
            promise=form.promise,
            day=form.cleaned_data["day"],
            defaults={"outcome": form.cleaned_data["outcome"], "note": form.cleaned_data["note"]},
        )
        user.note_record_changed()
    return check_in, created


@dataclass
class DueItem:
    promise: Promise
    day: date
    check_in: CheckIn | None
    # A note typed in this box and kept as a draft (promises/drafts.py), and the day it was
    # typed for when that is another: added per request, never part of the cached week.
    kept_note: str | None = None
    kept_from: date | None = None

    @property
    def key(self) -> str:
        """Unique on a page where one promise can appear for several days."""
        return f"{self.promise.pk}-{self.day:%Y%m%d}"

    @property
    def draft_key(self) -> str:
        """Where the note typed in this box is kept until the answer is saved."""
        return check_in_note(self.promise.pk, self.day)


@dataclass
class DayOfPromises:
    day: date
    items: list[DueItem]


@dataclass
class NotDueToday:
    """An active promise that asks nothing today, and the day it next does."""

    promise: Promise
    next_day: date


@dataclass
class ThisWeek:
    """What Today shows of a person's promises."""

    due_today: list[DueItem]
    # The earlier days of the answer window that had something due, newest first.
    earlier: list[DayOfPromises]
    # Any promise at all, active or not: without one, Today invites the first.
    has_promises: bool
    # Active promises with nothing due today but a day ahead, soonest first (paused ones rest
    # on the promise list instead).
    not_due_today: list[NotDueToday] = field(default_factory=list)


# Today is the page people open most. What it shows of their promises changes only when they
# make, change, pause or archive a promise or answer one, and each of those bumps the person's
# record_version (User.note_record_changed), which every request reads fresh from the
# database with the user: so it is cached under that version and the day, as the track
# record is, and several servers, each with its own cache, never disagree.
THIS_WEEK_CACHE_SECONDS = 60 * 60


def this_week(user, today: date) -> ThisWeek:
    """Today's promises and the earlier days of the answer window, with their answers."""
    key = f"this-week-2:{user.record_cache_key}:{today.isoformat()}"
    found = cache.get(key)
    if found is None:
        found = _this_week(user, today)
        cache.set(key, found, THIS_WEEK_CACHE_SECONDS)
    return found


def today_and_this_week(user, today: date) -> tuple[list[DueItem], list[DayOfPromises]]:
    """What is due today, and the earlier days of the answer window with their answers."""
    week = this_week(user, today)
    return week.due_today, week.earlier


def _this_week(user, today: date) -> ThisWeek:
    promises = list(Promise.objects.owned_by(user).filter(status=Status.ACTIVE))
    earliest, _latest = answer_window(today)
    answers = {
        (c.promise_id, c.day): c
        for c in CheckIn.objects.filter(promise__in=promises, day__gte=earliest, day__lte=today)
    }

    def items_for(day: date) -> list[DueItem]:
        return [DueItem(p, day, answers.get((p.pk, day))) for p in due_on(promises, day)]

    earlier = []
    for offset in range(1, (today - earliest).days + 1):
        day = today - timedelta(days=offset)
        items = items_for(day)
        if items:
            earlier.append(DayOfPromises(day, items))
    due_today = items_for(today)
    due_ids = {item.promise.pk for item in due_today}
    not_due_today = [
        NotDueToday(promise, next_day)
        for promise in promises
        if promise.pk not in due_ids and (next_day := next_due_on(promise, today)) is not None
    ]
    # sorted() is stable: promises due the same day keep Today's order (time of day, then age).
    not_due_today = sorted(not_due_today, key=lambda item: item.next_day)
    return ThisWeek(
        due_today=due_today,
        earlier=earlier,
        # An active promise means there are promises; else (paused, archived) ask.
        has_promises=bool(promises) or Promise.objects.owned_by(user).exists(),
        not_due_today=not_due_today,
    )
