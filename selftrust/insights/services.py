"""The daily check's rules, as plain functions the web pages, the API and the import share."""

from datetime import date

from django.db import transaction

from selftrust.insights import shapes
from selftrust.insights.forms import DailyCheckForm
from selftrust.insights.models import DailyCheck

# Skipping is remembered in the session only: "Not today" records nothing about the person.
_SKIPPED_KEY = "daily-check-skipped"


def save_daily_check(form: DailyCheckForm, user) -> tuple[DailyCheck, bool]:
    """Store a valid check; returns it and whether it is new (a changed answer is not new).

    Update-or-create on (user, day), so two taps racing each other change one answer instead
    of colliding on the one-a-day constraint."""
    with transaction.atomic():
        return DailyCheck.objects.update_or_create(
            user=user,
            day=form.cleaned_data["day"],
            defaults={
                "mood": form.cleaned_data["mood"],
                "energy": form.cleaned_data["energy"],
                "note": form.cleaned_data["note"],
            },
        )


def check_for(user, day: date) -> DailyCheck | None:
    """The person's check for that day, or None."""
    return DailyCheck.objects.owned_by(user).filter(day=day).first()


def recent_checks(user, since: date, until: date | None = None) -> list[DailyCheck]:
    """The person's checks from `since` (and up to `until`, when given), oldest first."""
    checks = DailyCheck.objects.owned_by(user).filter(day__gte=since)
    if until is not None:
        checks = checks.filter(day__lte=until)
    return list(checks.order_by("day"))


def skip_today(session, day: date) -> None:
    """Hide the check for the rest of `day`. Nothing is stored about the person."""
    session[_SKIPPED_KEY] = day.isoformat()


def unskip(session) -> None:
    session.pop(_SKIPPED_KEY, None)


def skipped(session, day: date) -> bool:
    return session.get(_SKIPPED_KEY) == day.isoformat()


def as_dict(check: DailyCheck) -> dict:
    """One shape for a check (insights/shapes.py): the export and the API both give it."""
    return shapes.daily_check(check)


def export_checks(user) -> list[dict]:
    """Every check the person has made, oldest first, for the export."""
    return [as_dict(check) for check in DailyCheck.objects.owned_by(user).order_by("day")]
