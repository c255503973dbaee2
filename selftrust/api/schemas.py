"""The shapes the promise endpoints take and give, and the ones every endpoint shares.

What comes in states what the web form accepts (lengths, choices, ranges: the same constants
the forms use), so a request that fits the schema is refused only for a rule no schema can say
(a date relative to today, tags in the words, a pledge not to hurt yourself); those are named
in the field or the operation, and the 422 is documented. Unknown fields are refused by name.
"""

import re
from datetime import date, time
from typing import Annotated

from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict, StrictInt, WithJsonSchema
from pydantic_core import PydanticCustomError

from selftrust.promises.forms import NOTE_LIMIT, ONCE_HORIZON_DAYS, TEXT_LIMIT
from selftrust.promises.models import WEEKDAY_NAMES, Outcome, Schedule, Status
from selftrust.promises.schedule import ANSWER_WINDOW_DAYS

PLAIN_WORDS = "Plain words: no tags like <b>, no control characters."
# Required words: blank or only spaces is refused, as the form strips them.
SOME_WORDS = {"minLength": 1, "pattern": r"\S"}
# A time of day is the person's own: hours and minutes (seconds optional), no offset.
TIME_OF_DAY = {
    "type": "string",
    "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$",
}
WEEKDAY = {"type": "integer", "minimum": 0, "maximum": len(WEEKDAY_NAMES) - 1}


def _written(pattern: str, kind: str, example: str):
    """Only text in this form: pydantic alone would also take 0 as 1 January 1970."""
    written = re.compile(pattern)

    def check(value):
        if isinstance(value, str) and written.fullmatch(value):
            return value
        raise PydanticCustomError(
            kind,
            "Please send {what} like {example}.",
            {"what": "a date" if kind == "date_type" else "a time", "example": example},
        )

    return BeforeValidator(check)


# A day as YYYY-MM-DD, and a time of day as the schema says, nothing else.
Day = Annotated[date, _written(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "date_type", "2026-05-01")]
TimeOfDay = Annotated[
    time,
    _written(TIME_OF_DAY["pattern"][1:-1], "time_type", "07:30"),
    WithJsonSchema(TIME_OF_DAY),
]


def _one_of_or_null(values: list) -> dict:
    return {"anyOf": [{"type": "string", "enum": values}, {"type": "null"}]}


class Strict(Schema):
    """A body: a field we don't know is refused by name, never silently dropped."""

    model_config = ConfigDict(extra="forbid")


_TEXT = Field(
    description=f"Up to {TEXT_LIMIT} characters. {PLAIN_WORDS} A pledge not to hurt yourself "
    "is refused (422) with promises to make instead.",
    json_schema_extra={"maxLength": TEXT_LIMIT, **SOME_WORDS},
)
_SCHEDULE_HELP = "once, daily, or weekdays (then name the weekdays)"
_WEEKDAYS_HELP = (
    "0 is Monday … 6 is Sunday; at least one when the schedule is weekdays, ignored otherwise"
)
_DUE_HELP = (
    "For a 'once' promise (today if left out): from a week ago up to "
    f"{ONCE_HORIZON_DAYS} days ahead; ignored otherwise"
)
_TIME_HELP = "Hours and minutes, like 07:30, in your own time zone"


# Checked here, not only by the form: the form ignores weekdays a schedule doesn't use, and
# the schema promises 0 to 6 whatever the schedule.
WeekdayNumber = Annotated[StrictInt, Field(ge=0, le=6)]


class PromiseIn(Strict):
    text: str = _TEXT
    schedule: str = Field(
        Schedule.DAILY,
        description=_SCHEDULE_HELP,
        json_schema_extra={"enum": Schedule.values},
    )
    weekdays: list[WeekdayNumber] = Field(
        default_factory=list, description=_WEEKDAYS_HELP, json_schema_extra={"items": WEEKDAY}
    )
    due_date: Day | None = Field(None, description=_DUE_HELP)
    time_of_day: TimeOfDay | None = Field(None, description=_TIME_HELP)


class PromisePatch(Strict):
    """Only what is sent changes; null leaves a field as it is."""

    text: str | None = Field(
        None,
        description=_TEXT.description,
        json_schema_extra={
            "anyOf": [{"type": "string", **_TEXT.json_schema_extra}, {"type": "null"}]
        },
    )
    schedule: str | None = Field(
        None, description=_SCHEDULE_HELP, json_schema_extra=_one_of_or_null(Schedule.values)
    )
    weekdays: list[WeekdayNumber] | None = Field(
        None,
        description=_WEEKDAYS_HELP,
        json_schema_extra={"anyOf": [{"type": "array", "items": WEEKDAY}, {"type": "null"}]},
    )
    due_date: Day | None = Field(None, description=_DUE_HELP)
    time_of_day: TimeOfDay | None = Field(None, description=_TIME_HELP)
    status: str | None = Field(
        None,
        description="active, paused or archived",
        json_schema_extra=_one_of_or_null(Status.values),
    )


class PromiseShape(Schema):
    id: int
    text: str
    schedule: str = Field(json_schema_extra={"enum": Schedule.values})
    weekdays: list[int] = Field(json_schema_extra={"items": WEEKDAY})
    due_date: date | None
    time_of_day: time | None = Field(json_schema_extra={"anyOf": [TIME_OF_DAY, {"type": "null"}]})
    starts_on: date
    status: str = Field(json_schema_extra={"enum": Status.values})


class PromiseOut(PromiseShape):
    nudge: str | None = Field(None, description="A gentle suggestion when a promise looks big")


class CheckInIn(Strict):
    date: Day = Field(
        description=f"A day the promise was planned for, in the last {ANSWER_WINDOW_DAYS} days "
        "(today included)"
    )
    outcome: str = Field(
        description="kept, partly, not_this_time or let_go",
        json_schema_extra={"enum": Outcome.values},
    )
    note: str = Field(
        "",
        description=f"Up to {NOTE_LIMIT} characters. {PLAIN_WORDS}",
        json_schema_extra={"maxLength": NOTE_LIMIT},
    )


class CheckInOut(Schema):
    promise_id: int
    date: date
    outcome: str = Field(json_schema_extra={"enum": Outcome.values})
    note: str


class KeptFigures(Schema):
    kept_7d: float | None = Field(description="Share kept (0..1) of answered days; None if none")
    kept_30d: float | None
    kept_90d: float | None
    answered_7d: int
    answered_30d: int
    answered_90d: int
    strength: float | None = Field(description="0..1, like Loop Habit Tracker's habit strength")


class PromiseFigures(KeptFigures):
    id: int
    text: str
    status: str
    answered_total: int


class TrackRecordOut(Schema):
    today: date
    overall: KeptFigures
    promises: list[PromiseFigures]


class DueOut(Schema):
    promise: PromiseOut
    date: date
    outcome: str | None = Field(json_schema_extra=_one_of_or_null(Outcome.values))
    note: str


class Error(Schema):
    """Nothing was changed; `detail` says why, `errors` what each field needs."""

    detail: str
    errors: dict[str, list[str]] | None = Field(
        None, description="By field name (emotions[0].before for a part of one)"
    )


class Stale(Schema):
    """412: the thing changed after the version named in If-Match; nothing was saved."""

    detail: str
    current_etag: str


class SupportOut(Schema):
    """Said back by a write of free text, so a script can respond as the web pages do."""

    suggested: bool = Field(
        description="The words just saved suggest you may be going through something hard; "
        "nothing is stored about this check"
    )
    help_url: str = Field(description="The page with your safety plan and crisis lines")


class PledgeRefusedOut(Error):
    """422 for a promise: what doesn't fit, or a pledge not to hurt yourself, turned away with
    promises to make instead and support."""

    alternatives: list[str] | None = Field(None, description="Promises we offer instead")
    support: SupportOut | None = None


class PromiseSavedOut(PromiseOut):
    support: SupportOut


class CheckInSavedOut(CheckInOut):
    support: SupportOut
