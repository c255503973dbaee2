"""A therapist's caseload: each linked person, in one table, from a fixed number of queries.

Every figure on a row comes only from what that person shares: last activity from the
categories they share (a person who shares nothing has none), measures and the PHQ-9 item 9
warning only where questionnaire results are shared, each inside the date range they share
from. Homework is the therapist's own suggestion, so its count is always shown.

However long the caseload, the page asks the database the same few questions: the links, then
one grouped query per kind of record over everyone at once (check-ins, daily checks, entries,
questionnaire results twice, homework), then one insert for the audit of the rows shown.
Sorting happens on the computed rows, then a page of them is cut.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, Max, Min, OuterRef, Q, Subquery, When, Window
from django.db.models.functions import FirstValue, RowNumber

from selftrust.assessments.instruments import INSTRUMENTS
from selftrust.assessments.models import AssessmentResponse
from selftrust.care import categories
from selftrust.care.access import caseload_reads_of, record_caseload_look_at
from selftrust.care.measures import TRACKED, Change, change_between
from selftrust.care.models import CareLink, Homework, HomeworkAnswer
from selftrust.care.shared_record import display_name, local_day, shared_from_moment
from selftrust.care.summary import period_start
from selftrust.insights.models import DailyCheck
from selftrust.practices.catalog import PRACTICES
from selftrust.practices.models import Entry
from selftrust.promises.models import CheckIn, Promise

PER_PAGE = 25
SORTS = {
    "name": "Name",
    "activity": "Last activity",
    "homework": "Homework due",
}
DEFAULT_SORT = "name"
# What a caseload row reads: a person sharing any of it has their look written down, as one
# "caseload" row (care.access.record_caseload_look_at).
ACTIVITY_CATEGORIES = (
    categories.PROMISES,
    categories.MOOD,
    categories.QUESTIONNAIRES,
    *(categories.practice_category(slug) for slug in PRACTICES),
)


@dataclass
class MeasureCell:
    slug: str
    short_name: str
    change: Change | None


@dataclass
class CaseloadRow:
    link: CareLink
    name: str
    shares_anything: bool
    last_activity: date | None = None
    shares_questionnaires: bool = False
    measures: list[MeasureCell] = field(default_factory=list)
    # The day of the latest PHQ-9 with question 9 answered above 0, since the last session.
    item_nine_on: date | None = None
    homework_open: int = 0
    homework_next_due: date | None = None

    @property
    def person(self):
        return self.link.person

    @property
    def has_measures(self) -> bool:
        return any(cell.change for cell in self.measures)


def _sharers(links: list[CareLink], category: str) -> list[int]:
    return [link.person_id for link in links if link.shares(category)]


def _in_shared_range(links: list[CareLink], people: list[int], moment_field: str) -> Q:
    """Records of `people`, each from the day their link shares from (one OR over those who
    chose a start; the rest share everything)."""
    by_person = {link.person_id: link for link in links}
    everything = [pid for pid in people if by_person[pid].shared_from is None]
    condition = Q(user_id__in=everything)
    for pid in people:
        start = shared_from_moment(by_person[pid], by_person[pid].person)
        if start is not None:
            condition |= Q(user_id=pid, **{f"{moment_field}__gte": start})
    return condition


def _latest(current: date | None, candidate: date | None) -> date | None:
    if candidate is None:
        return current
    return candidate if current is None or candidate > current else current


def _visible(day: date | None, link: CareLink) -> date | None:
    """A latest day counts only inside the shared range (a max before it means none inside)."""
    if day is None or (link.shared_from and day < link.shared_from):
        return None
    return day


def depends_on(therapist) -> tuple:
    """What the caseload shows besides the therapist's own, read in one light query: each
    active link as it is now (what it shares, from when, the last session) and the data
    version of its person (accounts/data_version.py), for keeping the page as rendered
    (web/page_cache.py)."""
    rows = (
        CareLink.objects.active()
        .filter(therapist=therapist)
        .order_by("pk")
        .values_list(
            *CareLink.STATE_FIELDS, "person_id", "person__pseudonym", "person__data_version"
        )
    )
    return tuple(
        (CareLink.state_of(pk, shared, since, last_session), person_id, pseudonym.hex, version)
        for pk, shared, since, last_session, person_id, pseudonym, version in rows
    )


def caseload_rows(therapist, today: date) -> list[CaseloadRow]:
    """Every active link of the therapist, with what the caseload shows of each person."""
    links = list(CareLink.objects.active().filter(therapist=therapist).select_related("person"))
    rows = {
        link.person_id: CaseloadRow(
            link=link, name=display_name(link.person), shares_anything=bool(link.shared)
        )
        for link in links
    }

    # The latest answer of each promise and the latest mood check of each person, each read
    # as the first row of an index (one_check_in_per_promise_per_day, the daily check's
    # (user, day)): a year of daily answers costs the same as a week. A GROUP BY over all
    # their answers read every row, and made the caseload slow for people who write daily.
    promise_people = _sharers(links, categories.PROMISES)
    if promise_people:
        latest_answer = CheckIn.objects.filter(promise=OuterRef("pk")).order_by("-day")
        for pid, day in (
            Promise.objects.filter(user_id__in=promise_people)
            .annotate(last=Subquery(latest_answer.values("day")[:1]))
            .filter(last__isnull=False)
            .values_list("user_id", "last")
        ):
            row = rows[pid]
            row.last_activity = _latest(row.last_activity, _visible(day, row.link))

    mood_people = _sharers(links, categories.MOOD)
    if mood_people:
        latest_check = DailyCheck.objects.filter(user_id=OuterRef("person_id")).order_by("-day")
        for pid, day in (
            CareLink.objects.filter(pk__in=[link.pk for link in links], person_id__in=mood_people)
            .annotate(last=Subquery(latest_check.values("day")[:1]))
            .filter(last__isnull=False)
            .values_list("person_id", "last")
        ):
            row = rows[pid]
            row.last_activity = _latest(row.last_activity, _visible(day, row.link))

    practice_people = [
        link.person_id
        for link in links
        if any(c.startswith(categories.PRACTICE_PREFIX) for c in link.shared or [])
    ]
    if practice_people:
        for pid, practice, moment in (
            Entry.objects.visible()
            .filter(user_id__in=practice_people)
            .values("user_id", "practice")
            .annotate(last=Max("created_at"))
            .values_list("user_id", "practice", "last")
        ):
            row = rows[pid]
            if row.link.shares(categories.practice_category(practice)):
                day = local_day(moment, row.person)
                row.last_activity = _latest(row.last_activity, _visible(day, row.link))

    questionnaire_people = _sharers(links, categories.QUESTIONNAIRES)
    for pid in questionnaire_people:
        rows[pid].shares_questionnaires = True
        rows[pid].measures = [
            MeasureCell(slug, INSTRUMENTS[slug].short_name, None) for slug in TRACKED
        ]
    if questionnaire_people:
        _add_questionnaires(rows, links, questionnaire_people, today)

    by_link = {row.link.pk: row for row in rows.values()}
    if by_link:
        for link_id, count, next_due in (
            Homework.objects.filter(link_id__in=list(by_link), answer=HomeworkAnswer.OPEN)
            .values("link_id")
            .annotate(n=Count("pk"), next_due=Min("due_on"))
            .values_list("link_id", "n", "next_due")
        ):
            by_link[link_id].homework_open = count
            by_link[link_id].homework_next_due = next_due
    return list(rows.values())


def _add_questionnaires(rows, links, people: list[int], today: date) -> None:
    in_range = _in_shared_range(links, people, "completed_at")
    # The last result of any questionnaire (activity), and of a PHQ-9 whose question 9 was
    # answered above 0 (the warning), per person.
    for pid, last, last_alert in (
        AssessmentResponse.objects.filter(in_range)
        .values("user_id")
        .annotate(
            last=Max("completed_at"),
            last_alert=Max(
                Case(
                    When(safety_alert=True, instrument_slug="phq-9", then=F("completed_at")),
                )
            ),
        )
        .values_list("user_id", "last", "last_alert")
    ):
        row = rows[pid]
        row.last_activity = _latest(row.last_activity, local_day(last, row.person))
        if last_alert is not None:
            alert_day = local_day(last_alert, row.person)
            if alert_day >= period_start(row.link, today):
                row.item_nine_on = alert_day

    # First and latest total of each tracked instrument, per person, in one query: window
    # functions over each (person, instrument), keeping the newest row of each.
    person_and_instrument = [F("user_id"), F("instrument_slug")]
    oldest_first = [F("completed_at").asc(), F("pk").asc()]
    newest = (
        AssessmentResponse.objects.filter(in_range, instrument_slug__in=TRACKED)
        .annotate(
            newest=Window(
                RowNumber(),
                partition_by=person_and_instrument,
                order_by=[F("completed_at").desc(), F("pk").desc()],
            ),
            first_total=Window(
                FirstValue("total"), partition_by=person_and_instrument, order_by=oldest_first
            ),
            first_at=Window(
                FirstValue("completed_at"),
                partition_by=person_and_instrument,
                order_by=oldest_first,
            ),
            taken=Window(Count("pk"), partition_by=person_and_instrument),
        )
        .filter(newest=1)
        .values_list(
            "user_id",
            "instrument_slug",
            "total",
            "completed_at",
            "first_total",
            "first_at",
            "taken",
        )
    )
    for pid, slug, total, at, first_total, first_at, taken in newest:
        row = rows[pid]
        first_at = _aware(first_at)
        change = change_between(
            slug,
            first_total,
            local_day(first_at, row.person),
            total,
            local_day(at, row.person),
            taken=taken,
        )
        for cell in row.measures:
            if cell.slug == slug:
                cell.change = change


def _aware(moment):
    """FirstValue over a datetime comes back naive on SQLite (it is not a column's value)."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def sort_rows(rows: list[CaseloadRow], sort: str) -> list[CaseloadRow]:
    by_name = sorted(rows, key=lambda row: (row.name.casefold(), row.link.pk))
    if sort == "activity":
        # Most recent first; people with nothing shared yet at the end, still by name.
        return sorted(
            by_name, key=lambda row: (row.last_activity is None, -(_ordinal(row.last_activity)))
        )
    if sort == "homework":
        # Soonest due first; open homework without a date next; none at the end.
        return sorted(
            by_name,
            key=lambda row: (
                row.homework_open == 0,
                row.homework_next_due is None,
                _ordinal(row.homework_next_due),
            ),
        )
    return by_name


def _ordinal(day: date | None) -> int:
    return day.toordinal() if day else 0


def caseload_page(therapist, today: date, sort: str, number) -> Page:
    """One page of the caseload, sorted; the look at each person shown is written down."""
    sort = sort if sort in SORTS else DEFAULT_SORT
    page = sorted_page(therapist, today, sort, number)
    record_caseload_look_at(therapist, read_on(page, sort))
    return page


def sorted_page(therapist, today: date, sort: str, number) -> Page:
    """One page of the caseload, sorted, not yet written down (read_on, then
    care.access.record_caseload_look_at)."""
    sort = sort if sort in SORTS else DEFAULT_SORT
    rows = sort_rows(caseload_rows(therapist, today), sort)
    return Paginator(rows, PER_PAGE).get_page(number)


def read_on(page: Page, sort: str) -> list[int]:
    """The people whose shared categories this caseload page read (care.access): those on the
    page; and, sorted by anything but name, everyone in the caseload, since their activity or
    homework decided who is on this page and in what order."""
    rows = page.object_list if sort == DEFAULT_SORT else page.paginator.object_list
    return caseload_reads_of([row.link for row in rows], ACTIVITY_CATEGORIES)
