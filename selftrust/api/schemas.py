from datetime import date, time

from ninja import Field, Schema


class PromiseIn(Schema):
    text: str
    schedule: str = "daily"
    weekdays: list[int] = Field(default_factory=list, description="0 is Monday … 6 is Sunday")
    due_date: date | None = Field(None, description="For a 'once' promise; today if left out")
    time_of_day: time | None = None


class PromisePatch(Schema):
    text: str | None = None
    schedule: str | None = None
    weekdays: list[int] | None = None
    due_date: date | None = None
    time_of_day: time | None = None
    status: str | None = Field(None, description="active, paused or archived")


class PromiseOut(Schema):
    id: int
    text: str
    schedule: str
    weekdays: list[int]
    due_date: date | None
    time_of_day: time | None
    starts_on: date
    status: str
    nudge: str | None = Field(None, description="A gentle suggestion when a promise looks big")


class CheckInIn(Schema):
    date: date
    outcome: str = Field(description="kept, partly, not_this_time or let_go")
    note: str = ""


class CheckInOut(Schema):
    promise_id: int
    date: date
    outcome: str
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
    outcome: str | None
    note: str


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] | list | None = None


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


class PromiseSavedOut(PromiseOut):
    support: SupportOut


class CheckInSavedOut(CheckInOut):
    support: SupportOut
