"""One page to bring to a session: what happened since the last one, in shared categories only.

The therapist and the person read the same summary. Through a link it holds only what the
person shares with that therapist (from the day they share from); a person without a link sees
their own last four weeks, everything in it. "Since the last session" is the day either of them
marked a session as held, or, before the first one, the last four weeks.

Built from the same functions as the therapist's page of the person (shared_record.py), so the
two never disagree.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from selftrust.care import categories
from selftrust.care.measures import Change
from selftrust.care.models import CareLink, HomeworkAnswer
from selftrust.care.shared_record import (
    HomeworkRow,
    NoteRow,
    PracticeCount,
    SessionNoteRow,
    change_of,
    check_in_notes,
    energy_range,
    homework_rows,
    later_of,
    local_day,
    mood_days,
    mood_range,
    practices_done,
    questionnaire_results,
    session_notes,
    weekly_reviews,
)
from selftrust.practices.catalog import PRACTICES
from selftrust.promises.models import CheckIn, Outcome
from selftrust.promises.track_record import kept_share

PERIOD_DAYS = 28


def period_start(link: CareLink | None, today: date) -> date:
    """The day the summary starts: the last session, else four weeks ago."""
    if link is not None and link.last_session_on:
        return link.last_session_on
    return today - timedelta(days=PERIOD_DAYS)


@dataclass
class PromiseLine:
    text: str
    counts: dict[str, int]


@dataclass
class PromisesInPeriod:
    answered: int
    kept_percent: int | None
    counts: dict[str, int]  # outcome -> how many
    promises: list[PromiseLine]

    @property
    def outcomes(self) -> list[tuple[str, int]]:
        """(words, how many) in the order Today offers them."""
        return [(outcome.label, self.counts.get(outcome.value, 0)) for outcome in Outcome]


@dataclass
class MeasureInPeriod:
    change: Change  # since the first result shared
    results: list  # (day, total, band) taken in the period, oldest first


@dataclass
class MoodInPeriod:
    days_checked: int
    mood: tuple[str, str] | None
    energy: tuple[str, str] | None
    notes: list[NoteRow]


@dataclass
class Warning:
    """Something worth asking about first, and where it was found."""

    day: date
    what: str  # "Question 9 of the PHQ-9 answered above 0", "Words that read as crisis"
    where: str  # "a note on a check-in", "a thought record", "a note for the session"
    entry_id: int | None = None


@dataclass
class Summary:
    person: object
    link: CareLink | None
    since: date
    until: date
    shown: list[str]  # category slugs in the summary
    promises: PromisesInPeriod | None = None
    measures: list[MeasureInPeriod] | None = None
    mood: MoodInPeriod | None = None
    practices: list[PracticeCount] | None = None
    homework: list[HomeworkRow] | None = None
    notes: list[SessionNoteRow] | None = None
    warnings: list[Warning] = field(default_factory=list)

    @property
    def nothing_shared(self) -> bool:
        return not self.shown

    def shows(self, category: str) -> bool:
        return category in self.shown


def _promises(person, link, since: date, until: date) -> PromisesInPeriod:
    start = later_of(since, link)
    rows = list(
        CheckIn.objects.filter(promise__user=person, day__gte=start, day__lte=until)
        .select_related("promise")
        .order_by("promise__created_at", "promise_id", "day")
    )
    counts = Counter(row.outcome for row in rows)
    by_promise: dict[int, PromiseLine] = {}
    for row in rows:
        line = by_promise.setdefault(row.promise_id, PromiseLine(row.promise.text, Counter()))
        line.counts[row.outcome] += 1
    share = kept_share([(row.day, row.outcome) for row in rows], start, until)
    return PromisesInPeriod(share.answered, share.percent, dict(counts), list(by_promise.values()))


def _measures(person, link, since: date, warnings: list[Warning]) -> list[MeasureInPeriod]:
    results = questionnaire_results(person, link)
    by_instrument: dict[str, list] = {}
    for response in results:
        by_instrument.setdefault(response.instrument_slug, []).append(response)
    found = []
    for responses in by_instrument.values():
        in_period = [r for r in responses if local_day(r.completed_at, person) >= since]
        if not in_period:
            continue
        found.append(
            MeasureInPeriod(
                change_of(responses, person),
                [(local_day(r.completed_at, person), r.total, r.band) for r in in_period],
            )
        )
        for response in in_period:
            if response.safety_alert:
                warnings.append(
                    Warning(
                        local_day(response.completed_at, person),
                        f"Question 9 of the {response.instrument.short_name} answered above 0",
                        f"the {response.instrument.short_name}",
                    )
                )
    return found


def build_summary(person, link: CareLink | None, today: date) -> Summary:
    """The summary since the last session of `link` (shared categories only), or of the
    person's own last four weeks when there is no link."""
    since = period_start(link, today)
    if link is not None:
        shown = categories.known(link.shared or [])
    else:
        shown = [category.slug for category in categories.all_categories()]
    summary = Summary(person=person, link=link, since=since, until=today, shown=shown)
    warnings = summary.warnings

    if categories.PROMISES in shown:
        summary.promises = _promises(person, link, since, today)
        for note in check_in_notes(person, link, since, today):
            if note.crisis:
                warnings.append(
                    Warning(note.day, "Words that read as crisis", "a note on a check-in")
                )
    if categories.QUESTIONNAIRES in shown:
        summary.measures = _measures(person, link, since, warnings)
    if categories.MOOD in shown:
        mood = mood_days(person, link, since, today)
        summary.mood = MoodInPeriod(
            len(mood.checks), mood_range(mood.checks), energy_range(mood.checks), mood.notes
        )
        for note in mood.notes:
            if note.crisis:
                warnings.append(
                    Warning(note.day, "Words that read as crisis", "a note on mood and energy")
                )
    practices = [
        practice
        for practice in PRACTICES.values()
        if categories.practice_category(practice.slug) in shown
    ]
    if practices:
        summary.practices, flagged = practices_done(person, link, practices, since)
        for row in flagged:
            warnings.append(
                Warning(
                    local_day(row.entry.created_at, person),
                    "Words that read as crisis",
                    f"an entry in {row.practice.name}",
                    entry_id=row.entry.pk,
                )
            )
    if categories.SESSION_NOTES in shown:
        summary.notes = session_notes(person, link, since)
        for row in summary.notes:
            if row.crisis:
                warnings.append(
                    Warning(
                        local_day(row.note.created_at, person),
                        "Words that read as crisis",
                        "a note for the session",
                    )
                )
    if categories.WEEKLY_REVIEWS in shown:
        for row in weekly_reviews(person, link):
            if row.crisis and row.review.week_ending >= since:
                warnings.append(
                    Warning(row.review.week_ending, "Words that read as crisis", "a weekly review")
                )
    if link is not None:
        summary.homework = [
            row
            for row in homework_rows(link)
            if row.item.homework.answer == HomeworkAnswer.OPEN
            or local_day(row.item.homework.assigned_at, person) >= since
            or (
                row.item.homework.answered_at
                and local_day(row.item.homework.answered_at, person) >= since
            )
        ]
    warnings.sort(key=lambda warning: warning.day, reverse=True)
    return summary
