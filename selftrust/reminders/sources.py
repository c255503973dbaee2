"""The kinds of things a person can be reminded of, each a small class in one registry.

A kind says what is due to whom on a day and at what time (`due`), whether one thing is still
due (`still_due`, asked again before a retry), what it looks like in the calendar feed, and
the words its reminders use. Reminders of promises are chosen one by one; other kinds (a
decision to look back on, homework later) are chosen for the whole kind and come at the
person's "other reminders" time. A new kind is one more class in `SOURCES`.

Sources read the domain apps; the domain apps know nothing of reminders.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Exists, OuterRef
from django.urls import reverse

from selftrust.practices.models import Decision
from selftrust.promises.models import CheckIn, Promise, Schedule, Status
from selftrust.promises.schedule import is_due_on
from selftrust.reminders.models import PromiseReminder, ReminderSettings

ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass(frozen=True)
class Person:
    """Someone who may be reminded now, seen from their own time zone."""

    choices: ReminderSettings
    local_now: datetime
    channels: tuple[str, ...] = ()

    @property
    def user(self):
        return self.choices.user

    @property
    def user_id(self) -> int:
        return self.choices.user_id

    @property
    def today(self) -> date:
        return self.local_now.date()


@dataclass(frozen=True)
class DueThing:
    """One thing due to one person on their local day, at a wall-clock time."""

    kind: str
    item_id: int
    user_id: int
    day: date
    at: time
    # The person's own words: only ever shown if they chose to see words in reminders.
    words: str
    # A path on this site where the thing is answered.
    link: str


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    kind: str
    words: str
    starts: date
    at: time | None
    # None: one day only; otherwise an RRULE as a dict (FREQ=DAILY, or WEEKLY with BYDAY).
    repeats: dict | None
    link: str
    # Whether the calendar should alert at its time (the person asked to be reminded of it).
    alarm: bool


@dataclass(frozen=True)
class Wording:
    """What a reminder says. Kind, plain, and never a count of anything missed."""

    quiet: str  # the default: says what kind of thing, not its words
    with_words: str  # if the person chose to show words: "{words}" is theirs
    calendar: str  # a calendar event's title when words are not shown
    choice_label: str = ""  # the checkbox on the Reminders page, for kind-wide sources

    def say(self, words: str, show_words: bool) -> str:
        if show_words and words:
            return self.with_words.format(words=words)
        return self.quiet


class PromiseSource:
    kind = "promise"
    chosen_one_by_one = True
    wording = Wording(
        quiet="A small promise is waiting for you",
        with_words="A small promise for today: {words}",
        calendar="A small promise",
    )

    def due(self, people: Iterable[Person]) -> list[DueThing]:
        by_user = {person.user_id: person for person in people}
        chosen = Promise.objects.filter(
            user_id__in=by_user,
            status=Status.ACTIVE,
            time_of_day__isnull=False,
            reminder_choice__isnull=False,
        )
        due = [p for p in chosen if is_due_on(p, by_user[p.user_id].today)]
        answered = set(
            CheckIn.objects.filter(
                promise__in=[p.pk for p in due],
                day__in={by_user[p.user_id].today for p in due},
            ).values_list("promise_id", "day")
        )
        return [
            self._thing(promise, by_user[promise.user_id].today)
            for promise in due
            if (promise.pk, by_user[promise.user_id].today) not in answered
        ]

    def still_due(self, user_id: int, item_id: int, day: date) -> DueThing | None:
        promise = Promise.objects.filter(
            pk=item_id, user_id=user_id, time_of_day__isnull=False, reminder_choice__isnull=False
        ).first()
        if promise is None or not is_due_on(promise, day):
            return None
        if CheckIn.objects.filter(promise=promise, day=day).exists():
            return None
        return self._thing(promise, day)

    def calendar_entries(self, choices: ReminderSettings) -> list[CalendarEntry]:
        promises = Promise.objects.filter(user_id=choices.user_id, status=Status.ACTIVE).annotate(
            is_chosen=Exists(PromiseReminder.objects.filter(promise=OuterRef("pk")))
        )
        entries = []
        for promise in promises:
            if promise.schedule == Schedule.ONCE:
                if promise.due_date is None:
                    continue
                starts, repeats = promise.due_date, None
            elif promise.schedule == Schedule.WEEKDAYS:
                days = sorted(d for d in promise.weekdays if 0 <= d <= 6)
                if not days:
                    continue
                starts = promise.starts_on
                repeats = {"FREQ": "WEEKLY", "BYDAY": [ICAL_WEEKDAYS[d] for d in days]}
            else:
                starts, repeats = promise.starts_on, {"FREQ": "DAILY"}
            entries.append(
                CalendarEntry(
                    uid=f"promise-{promise.pk}",
                    kind=self.kind,
                    words=promise.text,
                    starts=starts,
                    at=promise.time_of_day,
                    repeats=repeats,
                    link=reverse("promises:today"),
                    alarm=promise.time_of_day is not None and promise.is_chosen,
                )
            )
        return entries

    def _thing(self, promise: Promise, day: date) -> DueThing:
        return DueThing(
            kind=self.kind,
            item_id=promise.pk,
            user_id=promise.user_id,
            day=day,
            at=promise.time_of_day,
            words=promise.text,
            link=reverse("promises:today"),
        )


class DecisionSource:
    """A decision from the decision journal, on the day the person chose to look back on it.

    Reminded of once, on that day: a decision left unreviewed is not chased day after day.
    """

    kind = "decision"
    chosen_one_by_one = False
    wording = Wording(
        quiet="Something you decided is ready to look back on",
        with_words="A decision to look back on: {words}",
        calendar="A decision to look back on",
        choice_label="Decisions to look back on, on the day you chose",
    )

    def due(self, people: Iterable[Person]) -> list[DueThing]:
        by_user = {p.user_id: p for p in people if self.kind in p.choices.kinds}
        decisions = Decision.objects.filter(
            entry__user_id__in=by_user,
            entry__deleted_at__isnull=True,
            reviewed_at__isnull=True,
            review_on__in={person.today for person in by_user.values()},
        ).select_related("entry")
        return [
            self._thing(decision, by_user[decision.entry.user_id].choices)
            for decision in decisions
            if decision.review_on == by_user[decision.entry.user_id].today
        ]

    def still_due(self, user_id: int, item_id: int, day: date) -> DueThing | None:
        choices = ReminderSettings.objects.filter(user_id=user_id).first()
        if choices is None or self.kind not in choices.kinds:
            return None
        decision = (
            Decision.objects.filter(
                pk=item_id,
                entry__user_id=user_id,
                entry__deleted_at__isnull=True,
                reviewed_at__isnull=True,
                review_on=day,
            )
            .select_related("entry")
            .first()
        )
        return self._thing(decision, choices) if decision else None

    def calendar_entries(self, choices: ReminderSettings) -> list[CalendarEntry]:
        decisions = Decision.objects.filter(
            entry__user_id=choices.user_id,
            entry__deleted_at__isnull=True,
            reviewed_at__isnull=True,
        )
        chosen = self.kind in choices.kinds
        return [
            CalendarEntry(
                uid=f"decision-{decision.pk}",
                kind=self.kind,
                words=decision.decision,
                starts=decision.review_on,
                at=choices.other_reminders_at if chosen else None,
                repeats=None,
                link=reverse("practices:review", args=[decision.pk]),
                alarm=chosen,
            )
            for decision in decisions
        ]

    def _thing(self, decision: Decision, choices: ReminderSettings) -> DueThing:
        return DueThing(
            kind=self.kind,
            item_id=decision.pk,
            user_id=decision.entry.user_id,
            day=decision.review_on,
            at=choices.other_reminders_at,
            words=decision.decision,
            link=reverse("practices:review", args=[decision.pk]),
        )


SOURCES = {source.kind: source for source in (PromiseSource(), DecisionSource())}
# The kinds a person turns on as a whole, shown as checkboxes on the Reminders page.
KIND_WIDE = [source for source in SOURCES.values() if not source.chosen_one_by_one]
