"""Daily mood and energy (one check a day) and weekly reviews, read and written through the
web forms' own rules."""

from datetime import date, datetime
from typing import Any

from django.http import Http404
from ninja import Field, Query, Schema
from pydantic import StrictInt

from selftrust.api.errors import InputRefused
from selftrust.api.router import Router
from selftrust.api.safety import support_for
from selftrust.api.schemas import PLAIN_WORDS, Day, Strict, SupportOut
from selftrust.insights import services, shapes, weekly_review
from selftrust.insights.forms import DailyCheckForm, WeeklyReviewForm
from selftrust.insights.models import (
    NEXT_PROMISE_LIMIT,
    NOTE_LIMIT,
    REVIEW_TEXT_LIMIT,
    Energy,
    Mood,
    WeeklyReview,
)
from selftrust.promises.schedule import ANSWER_WINDOW_DAYS

router = Router(tags=["daily checks"])


def _steps(choices) -> str:
    return ", ".join(f"{value} {label}" for value, label in choices)


def _step_schema(choices) -> dict:
    values = [value for value, _label in choices]
    return {
        "anyOf": [
            {"type": "integer", "minimum": min(values), "maximum": max(values)},
            {"type": "null"},
        ]
    }


class DailyCheckIn(Strict):
    mood: StrictInt | None = Field(
        None,
        description=f"{_steps(Mood.choices)}; null or left out if you'd rather not say. "
        "Mood, energy or both: a check with neither is refused (422).",
        json_schema_extra=_step_schema(Mood.choices),
    )
    energy: StrictInt | None = Field(
        None,
        description=f"{_steps(Energy.choices)}; null or left out if you'd rather not say.",
        json_schema_extra=_step_schema(Energy.choices),
    )
    note: str = Field(
        "",
        description=f"Up to {NOTE_LIMIT} characters. {PLAIN_WORDS}",
        json_schema_extra={"maxLength": NOTE_LIMIT},
    )


class DailyCheckOut(Schema):
    date: date
    mood: int | None = Field(json_schema_extra=_step_schema(Mood.choices))
    mood_words: str | None = Field(description="The mood's step in words")
    energy: int | None = Field(json_schema_extra=_step_schema(Energy.choices))
    energy_words: str | None = Field(description="The energy's step in words")
    note: str


class DailyCheckSavedOut(DailyCheckOut):
    support: SupportOut


class DailyCheckFilters(Schema):
    since: Day | None = Field(None, description="On or after this day, YYYY-MM-DD")


@router.get(
    "/daily-checks",
    response=list[DailyCheckOut],
    summary="Your daily checks of mood and energy, oldest first",
)
def list_daily_checks(request, filters: Query[DailyCheckFilters]):
    return [
        shapes.daily_check(check)
        for check in services.recent_checks(request.auth, since=filters.since or date.min)
    ]


@router.get(
    "/daily-checks/{day}",
    response=DailyCheckOut,
    summary="Your check of mood and energy for one day (404 if there is none)",
)
def get_daily_check(request, day: Day):
    check = services.check_for(request.auth, day)
    if check is None:
        raise Http404
    return shapes.daily_check(check)


@router.put(
    "/daily-checks/{day}",
    response={200: DailyCheckSavedOut, 201: DailyCheckSavedOut},
    summary="Say how a day is feeling (or change what you said)",
    description=f"201 for a new check, 200 for a changed one. The day is today or one of the "
    f"{ANSWER_WINDOW_DAYS - 1} days before it; another day is refused (422), as is a check "
    "with neither mood nor energy.",
)
def put_daily_check(request, day: Day, payload: DailyCheckIn):
    data = {
        "day": day.isoformat(),
        "mood": "" if payload.mood is None else str(payload.mood),
        "energy": "" if payload.energy is None else str(payload.energy),
        "note": payload.note,
    }
    form = DailyCheckForm.for_day(data, user=request.auth, today=request.auth.local_today())
    if not form.is_valid():
        raise InputRefused.from_form(form, rename={"day": "date"})
    check, created = services.save_daily_check(form, request.auth)
    out = {**shapes.daily_check(check), "support": support_for(check.note)}
    return (201 if created else 200), out


# --- weekly reviews ------------------------------------------------------------------------------

# The largest id the database can hold; anything bigger can't be one of your reviews.
LARGEST_ID = 2**63 - 1


def _long_text(name: str) -> Any:
    return Field(
        "",
        description=f"{name}. Up to {REVIEW_TEXT_LIMIT} characters; optional. {PLAIN_WORDS}",
        json_schema_extra={"maxLength": REVIEW_TEXT_LIMIT},
    )


class WeeklyReviewIn(Strict):
    kept: str = _long_text("What I kept")
    got_in_the_way: str = _long_text("What got in the way")
    learned: str = _long_text("What I learned about myself")
    next_promise: str = Field(
        "",
        description=f"One promise for next week, up to {NEXT_PROMISE_LIMIT} characters; if "
        "given, it is made as one of your promises (every day), as POST /promises would make "
        f"it. {PLAIN_WORDS}",
        json_schema_extra={"maxLength": NEXT_PROMISE_LIMIT},
    )


class WeeklyReviewOut(Schema):
    id: int
    week_ending: date = Field(description="The last of the seven days it looks back on")
    kept: str
    got_in_the_way: str
    learned: str
    next_promise: str
    promise_id: int | None = Field(description="The promise it made, if it made one")
    created_at: datetime
    updated_at: datetime


class WeeklyReviewSavedOut(WeeklyReviewOut):
    support: SupportOut


def _own_review(request, review_id: int) -> WeeklyReview:
    if not 0 < review_id <= LARGEST_ID:
        raise Http404  # no database holds that id
    review = weekly_review.own_reviews(request.auth).filter(pk=review_id).first()
    if review is None:
        raise Http404
    return review


@router.get(
    "/weekly-reviews",
    response=list[WeeklyReviewOut],
    summary="Your weekly reviews, oldest first",
    tags=["weekly reviews"],
)
def list_weekly_reviews(request):
    return weekly_review.export_reviews(request.auth)


@router.get(
    "/weekly-reviews/{review_id}",
    response=WeeklyReviewOut,
    summary="One of your weekly reviews",
    tags=["weekly reviews"],
)
def get_weekly_review(request, review_id: int):
    return shapes.weekly_review(_own_review(request, review_id))


@router.post(
    "/weekly-reviews",
    response={201: WeeklyReviewSavedOut},
    summary="Keep a weekly review of the last seven days",
    description="Every part is optional, but at least one must have words; a review with none "
    "is refused (422), as is a next promise the promise form would refuse (a pledge not to "
    "hurt yourself is never kept as a scored promise). Nothing is saved when refused.",
    tags=["weekly reviews"],
)
def create_weekly_review(request, payload: WeeklyReviewIn):
    data = {
        "kept": payload.kept,
        "got_in_the_way": payload.got_in_the_way,
        "learned": payload.learned,
        "next_promise_text": payload.next_promise,
    }
    form = WeeklyReviewForm(data, today=request.auth.local_today())
    if not form.is_valid():
        raise InputRefused.from_form(form, rename={"next_promise_text": "next_promise"})
    review = weekly_review.save_review(form, request.auth)
    out = shapes.weekly_review(review)
    return 201, {**out, "support": support_for(*weekly_review.written_words(review))}
