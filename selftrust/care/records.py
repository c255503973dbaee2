"""The records of one category, as a therapist's API reads them: inside the range the person
shares (`CareLink.shared_from`, the person's own day), newest first, as querysets to cut a
page from.

Like shared_record.py, none of these checks access: the API opens the category through
`care.access.open_for_therapist` first and calls these only for what that let through.
Whether words read as crisis is worked out when the therapist looks (`reads_as_crisis`),
never stored (decision 0004).
"""

from django.db.models import Q

from selftrust.assessments.models import AssessmentResponse
from selftrust.care.models import CareLink, SessionNote
from selftrust.care.shared_record import shared_from_moment
from selftrust.insights.models import DailyCheck, WeeklyReview
from selftrust.practices.models import Entry
from selftrust.promises.models import CheckIn, Promise, Status
from selftrust.safety.screening import mentions_crisis


def promises(link: CareLink):
    """The promises the person's page shows in the shared range: every promise without a
    first day; with one, those answered on or after it, and those still active that started
    on or after it (an older promise answered only before it stays unseen)."""
    found = Promise.objects.owned_by(link.person)
    if link.shared_from:
        answered = CheckIn.objects.filter(
            promise__user_id=link.person_id, day__gte=link.shared_from
        ).values("promise_id")
        found = found.filter(
            Q(pk__in=answered) | Q(starts_on__gte=link.shared_from, status=Status.ACTIVE)
        )
    return found.order_by("created_at", "pk")


def check_ins(link: CareLink):
    answers = CheckIn.objects.filter(promise__user_id=link.person_id)
    if link.shared_from:
        answers = answers.filter(day__gte=link.shared_from)
    return answers.order_by("-day", "-pk")


def daily_checks(link: CareLink):
    checks = DailyCheck.objects.owned_by(link.person)
    if link.shared_from:
        checks = checks.filter(day__gte=link.shared_from)
    return checks.order_by("-day")


def questionnaire_results(link: CareLink):
    results = AssessmentResponse.objects.filter(user_id=link.person_id)
    start = shared_from_moment(link, link.person)
    if start is not None:
        results = results.filter(completed_at__gte=start)
    return results.order_by("-completed_at", "-pk")


def session_notes(link: CareLink):
    notes = SessionNote.objects.filter(person_id=link.person_id)
    start = shared_from_moment(link, link.person)
    if start is not None:
        notes = notes.filter(created_at__gte=start)
    return notes.order_by("-created_at", "-pk")


def weekly_reviews(link: CareLink):
    """A review counts from its last day, as on the therapist's page."""
    reviews = WeeklyReview.objects.owned_by(link.person)
    if link.shared_from:
        reviews = reviews.filter(week_ending__gte=link.shared_from)
    return reviews.order_by("-week_ending", "-created_at", "-pk")


def entries(link: CareLink, practice_slug: str):
    """Entries of one practice, not deleted, with the records some kinds keep their answers in."""
    found = (
        Entry.objects.owned_by(link.person)
        .visible()
        .filter(practice=practice_slug)
        .select_related("decision", "thought_record")
    )
    start = shared_from_moment(link, link.person)
    if start is not None:
        found = found.filter(created_at__gte=start)
    return found.order_by("-created_at", "-pk")


def reads_as_crisis(*texts: str) -> bool:
    """Screened now, for this answer only; nothing about it is kept."""
    return mentions_crisis(*(text for text in texts if text))
