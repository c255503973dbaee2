"""Homework between sessions: what a therapist suggests, and what the person makes of it."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, DateTimeField, OuterRef, Subquery, When
from django.utils import timezone

from selftrust.care.models import NOTE_LIMIT, CareLink, Homework, HomeworkAnswer, HomeworkKind
from selftrust.lessons.catalog import lesson_or_none
from selftrust.practices.catalog import practice_or_none
from selftrust.practices.models import Entry


class HomeworkProblem(Exception):
    """Why this homework cannot be set, in words to show as they are."""


@dataclass(frozen=True)
class HomeworkItem:
    """Homework as the person's Today and the therapist's pages show it."""

    homework: Homework
    title: str
    url_name: str  # "" for a suggested promise: its words are the title
    url_arg: str


def _title(kind: str, target: str) -> str:
    if kind == HomeworkKind.PRACTICE:
        practice = practice_or_none(target)
        return practice.name if practice else ""
    if kind == HomeworkKind.LESSON:
        lesson = lesson_or_none(target)
        return lesson.title if lesson else ""
    return target


def assign(
    link: CareLink, kind: str, target: str, note: str = "", due_on: date | None = None
) -> Homework:
    """Set homework through an active link. Checks the practice or lesson exists."""
    if not link.is_active:
        raise HomeworkProblem("This person is no longer linked with you.")
    target = (target or "").strip()
    note = (note or "").strip()
    if kind not in HomeworkKind.values:
        raise HomeworkProblem("Please choose a practice, a lesson or a promise to suggest.")
    if kind == HomeworkKind.PROMISE and not 0 < len(target) <= 200:
        raise HomeworkProblem("Please write the promise to suggest, in up to 200 characters.")
    if kind != HomeworkKind.PROMISE and not _title(kind, target):
        raise HomeworkProblem("Please choose one of the practices or lessons listed.")
    if len(note) > NOTE_LIMIT:
        raise HomeworkProblem(f"The note can be up to {NOTE_LIMIT} characters.")
    return Homework.objects.create(
        link=link, person_id=link.person_id, kind=kind, target=target, note=note, due_on=due_on
    )


def describe(homework: Homework) -> HomeworkItem:
    if homework.kind == HomeworkKind.PRACTICE:
        return HomeworkItem(
            homework, _title(homework.kind, homework.target), "practices:new", homework.target
        )
    if homework.kind == HomeworkKind.LESSON:
        return HomeworkItem(
            homework, _title(homework.kind, homework.target), "lessons:detail", homework.target
        )
    return HomeworkItem(homework, homework.target, "", "")


def open_for_person(person):
    """Homework waiting for the person's answer. A suggestion outlives its link: when either
    side ends it, what the person has not answered stays with them to keep or let go (the
    therapist's end page and `links.end_link` promise this)."""
    return (
        Homework.objects.filter(person=person, answer=HomeworkAnswer.OPEN)
        .select_related("link__therapist")
        .order_by("due_on", "assigned_at")
    )


def take_on(homework: Homework, promise=None) -> None:
    """The person accepts: a suggested promise becomes `promise`, made in their own words."""
    homework.answer = HomeworkAnswer.ACCEPTED
    homework.answered_at = timezone.now()
    homework.promise = promise
    homework.save(update_fields=["answer", "answered_at", "promise"])


def decline(homework: Homework) -> None:
    """Declining is a valid answer; nothing else changes and nobody is told why."""
    homework.answer = HomeworkAnswer.DECLINED
    homework.answered_at = timezone.now()
    homework.save(update_fields=["answer", "answered_at"])


# --- the person's side: done, and taken on in their own words ----------------------------------


def with_done_at(homework, since=None):
    """Each homework annotated with `done_at`: for a practice, when the person first saved an
    entry of it after it was assigned (an entry deleted since does not count); None for a
    lesson or a promise. Part of the same query, so a list of homework costs no more.

    `since` (a moment): only entries from then on count, as for a therapist who is shared
    entries from a given day."""
    entries = Entry.objects.filter(
        user=OuterRef("person"),
        practice=OuterRef("target"),
        created_at__gte=OuterRef("assigned_at"),
        deleted_at__isnull=True,
    )
    if since is not None:
        entries = entries.filter(created_at__gte=since)
    first_entry = entries.order_by("created_at").values("created_at")[:1]
    return homework.annotate(
        done_at=Case(
            When(kind=HomeworkKind.PRACTICE, then=Subquery(first_entry)),
            default=None,
            output_field=DateTimeField(),
        )
    )


def practice_done_at(homework: Homework):
    """When a practice homework was done (see with_done_at), or None."""
    if homework.kind != HomeworkKind.PRACTICE:
        return None
    found = with_done_at(Homework.objects.filter(pk=homework.pk))
    return found.values_list("done_at", flat=True).first()


def waiting_for_person(person):
    """Open homework with `done_at`, for Today: one query."""
    return with_done_at(open_for_person(person))


def recent_of_person(person, limit: int = 30):
    """The person's homework, answered or not, from links open or ended, newest first, with
    `done_at` (their care page lists it)."""
    return with_done_at(
        Homework.objects.filter(person=person)
        .select_related("link__therapist", "promise")
        .order_by("-assigned_at", "-pk")
    )[:limit]


def take_on_suggested_promise(person, homework_id, promise) -> bool:
    """The person just made `promise` from a suggested one (the promise form's ?from_homework=).

    The suggestion counts as taken on, in the person's own words. An id that is not an open
    promise suggestion of this person's changes nothing.
    """
    try:
        homework_id = int(homework_id)
    except (TypeError, ValueError):
        return False
    homework = open_for_person(person).filter(pk=homework_id, kind=HomeworkKind.PROMISE).first()
    if homework is None:
        return False
    take_on(homework, promise)
    return True
