"""What a therapist is shown of a person, category by category, in the person's own words.

Each function here reads one category only, respects the date the person shares from
(`CareLink.shared_from`, the person's own day), and reuses the person's own computations
(the track record, the chart geometry, the safety plan's read-back, the practices' answers),
so the therapist reads the same figures the person does. None of them checks access: the view
opens each category through `care.access.open_for_therapist` first, and calls these only for
what that let through. Words that read as crisis are screened here, when the page is made,
and never stored (decision 0004).
"""

import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Max
from django.utils import timezone

from selftrust.assessments.instruments import INSTRUMENTS, Instrument
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.trend import history_chart
from selftrust.care import categories
from selftrust.care.homework import HomeworkItem, describe
from selftrust.care.measures import Change, change_between
from selftrust.care.models import CareLink, Homework, HomeworkKind, SessionNote
from selftrust.charts import TimeChart, time_axis, time_chart
from selftrust.insights.models import DailyCheck, Energy, Mood, WeeklyReview
from selftrust.practices.catalog import KINDS, PRACTICES, Practice
from selftrust.practices.models import Entry
from selftrust.practices.services import label_for, written_words
from selftrust.promises.models import CheckIn, Promise
from selftrust.promises.track_record import TrackRecord, build_track_record
from selftrust.reminders import timing
from selftrust.safety import plan as safety_plan
from selftrust.safety.screening import mentions_crisis

ENTRIES_PER_PAGE = 10
RECENT_DAYS = 28


# --- the person's day and the range they share ----------------------------------------------


def zone_of(person) -> zoneinfo.ZoneInfo:
    return timing.zone_of(person.time_zone)


def start_of(day: date, person) -> datetime:
    """The first moment of `day` where the person lives."""
    return datetime.combine(day, time.min, tzinfo=zone_of(person))


def local_day(moment: datetime, person) -> date:
    return timezone.localtime(moment, zone_of(person)).date()


def shared_from_moment(link: CareLink | None, person) -> datetime | None:
    """The first moment shared, or None when the person shares everything."""
    if link is None or link.shared_from is None:
        return None
    return start_of(link.shared_from, person)


def later_of(day: date, link: CareLink | None) -> date:
    """`day`, or the day sharing starts if that is later."""
    if link is not None and link.shared_from and link.shared_from > day:
        return link.shared_from
    return day


def recent_start(today: date) -> date:
    """The first of the last four weeks, today included."""
    return today - timedelta(days=RECENT_DAYS - 1)


def display_name(person) -> str:
    """Who the person is on the therapist's pages: their name if they gave one, else their
    username."""
    return person.get_full_name().strip() or person.get_username()


def shared_practices(link: CareLink) -> list[Practice]:
    """The practices whose entries this link shares, in the catalog's order."""
    return [
        practice
        for practice in PRACTICES.values()
        if link.shares(categories.practice_category(practice.slug))
    ]


# --- promises and track record ----------------------------------------------------------------


@dataclass
class NoteRow:
    """Something short the person wrote beside an answer, and whether it reads as crisis."""

    day: date
    text: str
    about: str  # what it was written beside: a promise's words, "Mood and energy"
    crisis: bool


def track_record(person, link: CareLink | None, today: date) -> TrackRecord:
    """The person's track record, counting only the answers inside the shared range.

    The same computation as the person's own page (promises.track_record), fetched afresh:
    the person's cached copy counts everything, and the therapist never sees a cached copy.
    """
    promises = list(Promise.objects.owned_by(person).order_by("created_at"))
    answers = CheckIn.objects.filter(promise__user=person, day__lte=today)
    if link is not None and link.shared_from:
        answers = answers.filter(day__gte=link.shared_from)
    by_promise: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for promise_id, day, outcome in answers.order_by("promise_id", "day").values_list(
        "promise_id", "day", "outcome"
    ):
        by_promise[promise_id].append((day, outcome))
    return build_track_record(promises, by_promise, today)


def strength_chart(record: TrackRecord) -> TimeChart:
    """The strength line of the person's own track record page."""
    return time_chart(record.axis, [("Strength", record.strength_over_time)])


def check_in_notes(person, link: CareLink | None, since: date, until: date) -> list[NoteRow]:
    """Notes written on check-ins from `since` to `until`, newest first, each screened."""
    rows = (
        CheckIn.objects.filter(promise__user=person, day__gte=later_of(since, link), day__lte=until)
        .exclude(note="")
        .select_related("promise")
        .order_by("-day", "-pk")
    )
    return [NoteRow(row.day, row.note, row.promise.text, mentions_crisis(row.note)) for row in rows]


# --- mood and energy ---------------------------------------------------------------------------


@dataclass
class MoodDays:
    checks: list[DailyCheck]  # oldest first
    chart: TimeChart
    notes: list[NoteRow]

    @property
    def newest_first(self) -> list[DailyCheck]:
        return list(reversed(self.checks))


def _mood_words(value: float) -> str:
    return str(Mood(round(value)).label)


# Room at the chart's left for the words of the mood scale ("Very good"), not only numbers.
MOOD_CHART_LEFT = 96


def mood_days(person, link: CareLink | None, since: date, until: date) -> MoodDays:
    """Daily checks from `since` to `until`, a chart of the mood in words, and the notes
    (newest first, each screened)."""
    checks = list(
        DailyCheck.objects.owned_by(person)
        .filter(day__gte=later_of(since, link), day__lte=until)
        .order_by("day")
    )
    by_day = {check.day: check.mood for check in checks}
    axis = time_axis(since, until)
    chart = time_chart(
        axis,
        [("Mood", [(day, by_day.get(day)) for day in axis.points])],
        low=Mood.VERY_LOW,
        high=Mood.VERY_GOOD,
        gridline_values=[choice.value for choice in Mood],
        label=_mood_words,
        left=MOOD_CHART_LEFT,
    )
    notes = [
        NoteRow(check.day, check.note, "Mood and energy", mentions_crisis(check.note))
        for check in reversed(checks)
        if check.note
    ]
    return MoodDays(checks, chart, notes)


def mood_range(checks: list[DailyCheck]) -> tuple[str, str] | None:
    """(lowest, highest) mood in words, or None when no check said a mood."""
    moods = [check.mood for check in checks if check.mood]
    if not moods:
        return None
    return Mood(min(moods)).label, Mood(max(moods)).label


def energy_range(checks: list[DailyCheck]) -> tuple[str, str] | None:
    energies = [check.energy for check in checks if check.energy]
    if not energies:
        return None
    return Energy(min(energies)).label, Energy(max(energies)).label


# --- questionnaires -------------------------------------------------------------------------


@dataclass
class InstrumentTrend:
    instrument: Instrument
    responses: list[AssessmentResponse]  # oldest first
    chart: TimeChart
    change: Change

    @property
    def newest_first(self) -> list[AssessmentResponse]:
        return list(reversed(self.responses))


def questionnaire_results(person, link: CareLink | None) -> list[AssessmentResponse]:
    """Every result inside the shared range, oldest first."""
    results = AssessmentResponse.objects.filter(user=person)
    start = shared_from_moment(link, person)
    if start is not None:
        results = results.filter(completed_at__gte=start)
    return list(results.order_by("completed_at", "pk"))


def change_of(responses: list[AssessmentResponse], person) -> Change:
    """The latest result beside the first one in `responses` (one instrument, oldest first)."""
    first, latest = responses[0], responses[-1]
    return change_between(
        first.instrument_slug,
        first.total,
        local_day(first.completed_at, person),
        latest.total,
        local_day(latest.completed_at, person),
        taken=len(responses),
    )


def trends(person, results: list[AssessmentResponse], today: date) -> list[InstrumentTrend]:
    """One trend per instrument taken, in the instruments' order, drawn as the person's own
    charts are (score ranges shaded), from the first result shared to today."""
    by_instrument: dict[str, list[AssessmentResponse]] = defaultdict(list)
    for response in results:
        by_instrument[response.instrument_slug].append(response)
    found = []
    for slug, instrument in INSTRUMENTS.items():
        responses = by_instrument.get(slug)
        if not responses:
            continue
        days = [(local_day(r.completed_at, person), r.total) for r in responses]
        chart = history_chart(instrument, days, today)
        found.append(InstrumentTrend(instrument, responses, chart, change_of(responses, person)))
    return found


# --- the safety plan, notes for sessions ------------------------------------------------------


def safety_plan_sections(person) -> list | None:
    """The plan as the person reads it back, or None when they have not written one."""
    plan = safety_plan.plan_for(person)
    return None if plan is None else safety_plan.read_back(plan)


@dataclass
class SessionNoteRow:
    note: SessionNote
    crisis: bool


def session_notes(person, link: CareLink | None, since: date | None = None) -> list:
    """Notes for sessions inside the shared range, newest first, each screened. With `since`:
    the ones written since then and any not yet talked about."""
    notes = SessionNote.objects.filter(person=person)
    start = shared_from_moment(link, person)
    if start is not None:
        notes = notes.filter(created_at__gte=start)
    rows = list(notes.order_by("-created_at", "-pk"))
    if since is not None:
        since_moment = start_of(since, person)
        rows = [n for n in rows if n.brought_on is None or n.created_at >= since_moment]
    return [SessionNoteRow(note, mentions_crisis(note.text)) for note in rows]


# --- practices ----------------------------------------------------------------------------------


@dataclass
class EntryRow:
    entry: Entry
    practice: Practice
    crisis: bool


def _shared_entries(person, link: CareLink | None, practices: list[Practice]):
    entries = (
        Entry.objects.owned_by(person)
        .visible()
        .filter(practice__in=[practice.slug for practice in practices])
    )
    start = shared_from_moment(link, person)
    if start is not None:
        entries = entries.filter(created_at__gte=start)
    return entries


def entries_page(person, link: CareLink, number, per_page: int = ENTRIES_PER_PAGE) -> Page:
    """One page of the entries in the practices this link shares, newest first; each row says
    whether its words read as crisis (screened now, only for the page shown)."""
    entries = (
        _shared_entries(person, link, shared_practices(link))
        .select_related("decision", "thought_record")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(entries, per_page).get_page(number)
    page.object_list = [
        EntryRow(entry, entry.definition, mentions_crisis(*written_words(entry)))
        for entry in page.object_list
    ]
    return page


def entry_in_range(entry: Entry, link: CareLink) -> bool:
    start = shared_from_moment(link, entry.user)
    return start is None or entry.created_at >= start


def shared_entry(person_id: int, entry_id: int) -> Entry | None:
    """The person's entry (not deleted), whatever its practice; the view checks the practice
    is shared before showing anything of it."""
    return (
        Entry.objects.visible()
        .filter(pk=entry_id, user_id=person_id)
        .select_related("decision", "thought_record", "user")
        .first()
    )


def entry_answers(entry: Entry) -> list:
    """A worksheet's answers, labelled as on the person's own page."""
    practice = entry.definition
    labels = {f.name: f for f in practice.fields}
    return [
        (labels[name], label_for(practice, name, value))
        for name, value in entry.data.items()
        if name in labels
    ]


def answers_template(practice: Practice) -> str:
    """The person's partial for this kind of practice, read only. A practice with a behaviour
    of its own (a look back, say) is shown as its kind: every answer, without the links and
    prompts of its own page, which are the person's alone."""
    return KINDS[practice.kind].answers_template


def entry_crisis(entry: Entry) -> bool:
    return mentions_crisis(*written_words(entry))


@dataclass
class PracticeCount:
    practice: Practice
    titles: list[str]

    @property
    def count(self) -> int:
        return len(self.titles)


def practices_done(
    person, link: CareLink | None, practices: list[Practice], since: date
) -> tuple[list[PracticeCount], list[EntryRow]]:
    """(how many entries of each practice since `since`, with their titles; the entries whose
    words read as crisis)."""
    entries = (
        _shared_entries(person, link, practices)
        .filter(created_at__gte=start_of(since, person))
        .select_related("decision", "thought_record")
        .order_by("created_at", "pk")
    )
    titles: dict[str, list[str]] = defaultdict(list)
    flagged = []
    for entry in entries:
        titles[entry.practice].append(entry.title or entry.definition.name)
        if mentions_crisis(*written_words(entry)):
            flagged.append(EntryRow(entry, entry.definition, True))
    counts = [PracticeCount(p, titles[p.slug]) for p in practices if titles.get(p.slug)]
    return counts, flagged


# --- homework ---------------------------------------------------------------------------------


@dataclass
class HomeworkRow:
    """Homework as the therapist who set it sees it. For a practice, whether an entry came
    after it was set is known only where the person shares that practice."""

    item: HomeworkItem
    # True or False where the practice is shared; None for a lesson, a promise, or a practice
    # the person does not share (then `not_shared` names it).
    done: bool | None = None
    not_shared: categories.Category | None = None


def homework_rows(link: CareLink) -> list[HomeworkRow]:
    """Everything this therapist has set through this link, newest first."""
    homework = list(Homework.objects.filter(link=link).order_by("-assigned_at", "-pk"))
    practice_slugs = {h.target for h in homework if h.kind == HomeworkKind.PRACTICE}
    shared = [PRACTICES[slug] for slug in practice_slugs if slug in PRACTICES]
    shared = [p for p in shared if link.shares(categories.practice_category(p.slug))]
    latest: dict[str, datetime] = {}
    if shared:
        latest = dict(
            _shared_entries(link.person, link, shared)
            .values("practice")
            .annotate(newest=Max("created_at"))
            .values_list("practice", "newest")
        )
    by_slug = categories.categories_by_slug()
    rows = []
    for item in map(describe, homework):
        row = HomeworkRow(item)
        if item.homework.kind == HomeworkKind.PRACTICE:
            category = categories.practice_category(item.homework.target)
            if link.shares(category):
                newest = latest.get(item.homework.target)
                row.done = newest is not None and newest >= item.homework.assigned_at
            else:
                row.not_shared = by_slug.get(category)
        rows.append(row)
    return rows


# --- weekly reviews -----------------------------------------------------------------------------


@dataclass
class WeeklyReviewRow:
    review: WeeklyReview
    crisis: bool


def weekly_reviews(person, link: CareLink | None, limit: int = 8) -> list[WeeklyReviewRow]:
    """The newest reviews inside the shared range (a review counts from its last day), each
    screened."""
    reviews = WeeklyReview.objects.owned_by(person)
    if link is not None and link.shared_from:
        reviews = reviews.filter(week_ending__gte=link.shared_from)
    return [
        WeeklyReviewRow(
            review,
            mentions_crisis(
                review.kept, review.got_in_the_way, review.learned, review.next_promise_text
            ),
        )
        for review in reviews.order_by("-week_ending", "-created_at")[:limit]
    ]


# --- a person's page, all of it ----------------------------------------------------------------


def shown_on_the_page(link: CareLink, opened: set[str], today: date, entries_page_number) -> dict:
    """What the therapist's page of a person shows of each category in `opened` (the ones the
    view opened through the gate), by the name the template uses; nothing for the others."""
    person = link.person
    shown: dict = {}
    if categories.PROMISES in opened:
        record = track_record(person, link, today)
        shown["record"] = record
        shown["strength_chart"] = strength_chart(record)
        shown["check_in_notes"] = check_in_notes(person, link, recent_start(today), today)
    if categories.MOOD in opened:
        shown["mood"] = mood_days(person, link, recent_start(today), today)
    if categories.QUESTIONNAIRES in opened:
        shown["trends"] = trends(person, questionnaire_results(person, link), today)
    if categories.SAFETY_PLAN in opened:
        shown["plan_sections"] = safety_plan_sections(person)
    if categories.SESSION_NOTES in opened:
        shown["session_notes"] = session_notes(person, link)
    if categories.WEEKLY_REVIEWS in opened:
        shown["weekly_reviews"] = weekly_reviews(person, link)
    practices = [
        p for p in shared_practices(link) if categories.practice_category(p.slug) in opened
    ]
    if practices:
        shown["practices"] = practices
        shown["entries"] = entries_page(person, link, entries_page_number)
    return shown
