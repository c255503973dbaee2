"""Daily mood and energy: one check a day, read and written through the web form's own rules."""

from datetime import date

from django.http import Http404
from ninja import Field, Query, Schema
from pydantic import StrictInt

from selftrust.api.errors import InputRefused
from selftrust.api.router import Router
from selftrust.api.safety import support_for
from selftrust.api.schemas import PLAIN_WORDS, Day, Strict, SupportOut
from selftrust.insights import services
from selftrust.insights.forms import DailyCheckForm
from selftrust.insights.models import NOTE_LIMIT, Energy, Mood
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
        services.as_dict(check)
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
    return services.as_dict(check)


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
    out = {**services.as_dict(check), "support": support_for(check.note)}
    return (201 if created else 200), out
