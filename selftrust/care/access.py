"""The one gate through which a therapist sees anything of a person, and the audit it writes.

Every therapist page and API operation that shows a person's data asks `open_for_therapist`
first. It reads the link afresh (so a change of sharing, or an ended link, counts from the very
next request), writes one `AccessRecord` whether or not anything is shown, and raises Http404
when the category is not shared, the person is not linked, or the link has ended: a therapist
cannot tell "not shared" from "no such person".
"""

from django.db import connection
from django.http import Http404
from django.utils import timezone

from selftrust.accounts.models import User
from selftrust.care import categories
from selftrust.care.links import link_of_therapist
from selftrust.care.models import AccessRecord, CareLink

UNKNOWN_CATEGORY = "unknown"
# A person's line on the caseload: when they were last active in what they share, their
# questionnaire totals and any shared warning. One row per person per view, not one per
# category: it is one glance, and a caseload of 25 × 20 categories wrote 500 rows a view.
CASELOAD = "caseload"


class NotVerified(Exception):
    """A therapist who has not completed two-factor sign-in in this session."""


def therapist_may_read(user) -> bool:
    """Therapists see nothing of anyone until their sign-in is two-factor (django-otp)."""
    if not (user.is_authenticated and getattr(user, "is_therapist", False)):
        return False
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


# The largest id a database key holds: a larger one names nobody (SQLite would overflow on it).
_LARGEST_ID = 2**63 - 1


def _person_id(value) -> int:
    """The id asked for, or 404 for anything that cannot name an account."""
    try:
        person_id = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < person_id <= _LARGEST_ID:
        raise Http404
    return person_id


def record_access(person_id: int, therapist, category: str, allowed: bool) -> None:
    AccessRecord.objects.create(
        person_id=person_id,
        therapist=therapist,
        therapist_name=therapist.get_username(),
        category=category,
        allowed=allowed,
    )


def record_bulk_access(therapist, links, wanted) -> int:
    """One look at several people at once (the caseload): a row for each person and each
    category in `wanted` that their link shares, all written in one query. Categories a link
    does not share are left out: nothing of them was read. Returns how many rows it wrote."""
    name = therapist.get_username()
    looked_at = categories.known(wanted)
    rows = [
        AccessRecord(person_id=link.person_id, therapist=therapist, therapist_name=name, category=c)
        for link in links
        for c in looked_at
        if link.shares(c)
    ]
    AccessRecord.objects.bulk_create(rows)
    return len(rows)


def caseload_reads_of(links, reads) -> list[int]:
    """Who, of the people on a caseload page, had something read: those sharing any of `reads`.
    Someone who shares none of it showed only their name, and gets no row."""
    return [link.person_id for link in links if any(link.shares(c) for c in reads)]


# Rows per INSERT: 6 values each stays far under SQLite's oldest limit of 999 variables.
_ROWS_PER_INSERT = 150


def record_caseload_look_at(therapist, person_ids: list[int]) -> int:
    """One "caseload" row for each of these people: one INSERT for every 150 of them.

    Plain SQL rather than bulk_create: a caseload sorted by activity writes a row for every
    person in it on every look, and making a hundred model instances to insert them cost
    as much as the rest of the kept page (in-process, kept, sorted by activity: 13.7 ms with
    bulk_create, 9.6 ms with this)."""
    if not person_ids:
        return 0
    quote = connection.ops.quote_name
    columns = ("person_id", "therapist_id", "therapist_name", "category", "at", "allowed")
    fixed = (
        therapist.pk,
        therapist.get_username(),
        CASELOAD,
        connection.ops.adapt_datetimefield_value(timezone.now()),
        True,
    )
    # Names are the model's own, quoted; every value is a parameter.
    insert = (
        f"INSERT INTO {quote(AccessRecord._meta.db_table)} "  # noqa: S608
        f"({', '.join(quote(column) for column in columns)}) VALUES "
    )
    with connection.cursor() as cursor:
        for start in range(0, len(person_ids), _ROWS_PER_INSERT):
            batch = person_ids[start : start + _ROWS_PER_INSERT]
            cursor.execute(
                insert + ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(batch)),
                [value for pk in batch for value in (pk, *fixed)],
            )
    return len(person_ids)


def open_shared_for_therapist(therapist, person_id) -> tuple[CareLink, list[str]]:
    """Every category the person shares with this therapist, opened at once: the link, read
    afresh, and the shared slugs in the sharing page's order. One audit row per category, all
    written in one query (a person's page opens them all; one row and one commit each made
    the page slow under load). 404 and NotVerified as `open_for_therapist`."""
    link = open_link_for_therapist(therapist, person_id)
    shared = categories.known(link.shared or [])
    record_bulk_access(therapist, [link], shared)
    return link, shared


def open_for_therapist(therapist, person_id, category: str) -> CareLink:
    """The link through which `therapist` may see `category` of this person; audited either way.

    Raises NotVerified before anything else for a therapist without two-factor sign-in, and
    Http404 for anything not shared (that attempt is written down for the person to see, when
    the person exists).
    """
    if not therapist_may_read(therapist):
        raise NotVerified
    person_id = _person_id(person_id)
    link = link_of_therapist(therapist, person_id)
    known = categories.category_or_none(category) is not None
    allowed = bool(link and known and link.shares(category))
    if link is not None or User.objects.filter(pk=person_id, is_therapist=False).exists():
        # A made-up category is written down as such, never as the text that was asked for.
        record_access(person_id, therapist, category if known else UNKNOWN_CATEGORY, allowed)
    if not allowed:
        raise Http404
    return link


def open_link_for_therapist(therapist, person_id) -> CareLink:
    """The link itself (who the person is, what they share), without any of their records.

    Used by pages that only list what is shared; each category shown is then opened with
    `open_for_therapist`.
    """
    if not therapist_may_read(therapist):
        raise NotVerified
    person_id = _person_id(person_id)
    link = link_of_therapist(therapist, person_id)
    if link is None:
        if User.objects.filter(pk=person_id, is_therapist=False).exists():
            record_access(person_id, therapist, "link", False)
        raise Http404
    return link
