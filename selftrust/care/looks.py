"""Who looked: the audit of a therapist's looks, gathered into visits the person can read.

Every look writes a row (access.py), and one visit writes many: the person's page opens each
shared category once, the caseload once per category, and a therapist who pages through a
year of entries or reloads writes a row each time. Listed row by row, twenty lines would say
one thing. So the list shows one line per *visit*: a therapist's looks no more than
VISIT_GAP apart, whatever they opened, with each category named once and how many times it
was opened. Another therapist's looks in between don't break a visit (each therapist's
visits are gathered on their own). Attempts at something not shared are never merged into
what was seen: they get their own words ("nothing was shown"), in the same visit.

Every row still counts: nothing is dropped, only gathered. The export keeps the rows as they
are, one each.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.paginator import Paginator

from selftrust.care import categories
from selftrust.care.access import CASELOAD
from selftrust.care.models import AccessRecord, CareLink

VISIT_GAP = timedelta(minutes=10)
# A person's page shows their latest visits; the full list reads at most this many rows
# (years of weekly visits). Older rows stay in the export.
MOST_ROWS = 5000
VISITS_PER_PAGE = 25
# The "link" category: a therapist asked for the person while not linked (access.py).
PAGE = "link"

LINKED = "linked"
WAS_LINKED = "was-linked"
NOT_LINKED = "not-linked"
ACCOUNT_GONE = "account-gone"


@dataclass
class Opened:
    """One category in a visit, and how many times it was opened."""

    category: str
    words: str
    times: int = 1


@dataclass
class Visit:
    therapist_id: int | None
    therapist_name: str
    # LINKED, WAS_LINKED (the link has ended since), NOT_LINKED or ACCOUNT_GONE.
    relation: str
    first_at: datetime
    last_at: datetime
    seen: list[Opened] = field(default_factory=list)
    refused: list[Opened] = field(default_factory=list)

    @property
    def looks(self) -> int:
        return sum(item.times for item in self.seen + self.refused)


def _words(category: str, allowed: bool) -> str:
    if category == PAGE:
        return "your page"
    if category == CASELOAD:
        return (
            "your line on their list of people (when you were last active in what you share, "
            "your questionnaire totals and any warning you share)"
        )
    known = categories.category_or_none(category)
    if known:
        return known.in_a_sentence
    return "something you shared" if allowed else "something of yours"


def _order() -> dict[str, int]:
    return {category.slug: index for index, category in enumerate(categories.all_categories())}


def _add(items: list[Opened], category: str, allowed: bool) -> None:
    for item in items:
        if item.category == category:
            item.times += 1
            return
    items.append(Opened(category, _words(category, allowed)))


def _relations(person) -> dict[int, str]:
    relations: dict[int, str] = {}
    for therapist_id, ended_at in CareLink.objects.filter(person=person).values_list(
        "therapist_id", "ended_at"
    ):
        if ended_at is None:
            relations[therapist_id] = LINKED
        else:
            relations.setdefault(therapist_id, WAS_LINKED)
    return relations


def visits_from(rows, relations: dict[int, str]) -> list[Visit]:
    """Rows of (therapist_id, therapist_name, category, at, allowed), newest first, gathered
    into visits, newest first."""
    visits: list[Visit] = []
    open_visit: dict[object, Visit] = {}
    for therapist_id, name, category, at, allowed in rows:
        # A deleted therapist's rows keep their name only; the name stands for them.
        who = therapist_id if therapist_id is not None else ("name", name)
        visit = open_visit.get(who)
        if visit is None or visit.first_at - at > VISIT_GAP:
            if therapist_id is None:
                relation = ACCOUNT_GONE
            else:
                relation = relations.get(therapist_id, NOT_LINKED)
            visit = Visit(therapist_id, name, relation, first_at=at, last_at=at)
            open_visit[who] = visit
            visits.append(visit)
        visit.first_at = at
        _add(visit.seen if allowed else visit.refused, category, allowed)
    order = _order()
    for visit in visits:
        for items in (visit.seen, visit.refused):
            items.sort(key=lambda item: order.get(item.category, len(order)))
    return visits


def _rows(person, limit: int):
    return AccessRecord.objects.filter(person=person).values_list(
        "therapist_id", "therapist_name", "category", "at", "allowed"
    )[:limit]


def latest_visits(person, count: int = 3) -> list[Visit]:
    """The person's latest visits, for Settings and their care page. Reads enough rows for a
    few visits; a visit that might go on beyond them is left to the full list."""
    limit = 400
    rows = list(_rows(person, limit))
    visits = visits_from(rows, _relations(person) if rows else {})
    if len(rows) == limit:
        oldest = rows[-1][3]
        visits = [v for v in visits if v.first_at - oldest > VISIT_GAP] or visits[:1]
    return visits[:count]


def visits_page(person, page_number):
    """One page of the full list of visits (Django's Page of Visit)."""
    rows = list(_rows(person, MOST_ROWS))
    visits = visits_from(rows, _relations(person) if rows else {})
    return Paginator(visits, VISITS_PER_PAGE).get_page(page_number)


def has_looks(person) -> bool:
    return AccessRecord.objects.filter(person=person).exists()
