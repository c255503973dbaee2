"""The evidence of a person's reliability: kept shares over recent windows and strength over time."""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from selftrust.charts import (
    TimeAxis,
    ranges_worth_offering,
    shown_range,
    time_axis,
    time_chart,
    time_range,
)
from selftrust.promises.models import CheckIn, Outcome, Promise
from selftrust.promises.strength import advance

# The API's windows (kept_7d, kept_30d, kept_90d); the page shows PERIODS instead.
WINDOWS = (7, 30, 90)

# "Partly" counts half; "let it go kindly" is a choice, so it is left out of the count.
KEPT_POINTS = {Outcome.KEPT: 1.0, Outcome.PARTLY: 0.5, Outcome.NOT_THIS_TIME: 0.0}

# Said wherever strength is shown (the track record, Progress): beside the kept share, a lower
# strength otherwise reads like a second, worse grade. Figures from strength.py: 13 kept days
# in a row take a new promise to 50 %, one "not this time" takes off about 5 % of it.
STRENGTH_MEANING = _(
    "Strength is how settled your promises have become: it rises a little with each one kept "
    "(about 13 kept days take a new promise halfway) and eases only slowly after a harder day, "
    "so it grows more slowly than the share you kept, and a lower number here is not a lower mark."
)


@dataclass(frozen=True)
class Period:
    """A stretch of days the page sums up; `days` None is everything since the first answer."""

    key: str
    label: str
    days: int | None
    heading: str  # the table's column


# Not 7, 30 and 90 days: for anyone with less than three months of answers those said the same
# thing two or three times. A recent week, a recent month, and the whole record; a period that
# holds every answer anyway is left out (see TrackRecord.periods).
PERIODS = (
    Period("week", _("last 7 days"), 7, _("7 days")),
    Period("month", _("last 4 weeks"), 28, _("4 weeks")),
    Period("all", _("since you began"), None, _("Since")),
)


@dataclass(frozen=True)
class KeptShare:
    points: float
    answered: int

    @property
    def share(self) -> float | None:
        return self.points / self.answered if self.answered else None

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else round(share * 100)


@dataclass
class PromiseRecord:
    id: int
    text: str
    status: str
    kept: dict[int, KeptShare]
    # None until the first answer that counts (only "let it go kindly" so far, or nothing).
    strength: float | None
    answered_total: int
    # Kept share in each of PERIODS, by key.
    in_periods: dict[str, KeptShare] = field(default_factory=dict)

    @property
    def strength_percent(self) -> int | None:
        return None if self.strength is None else round(self.strength * 100)


@dataclass(frozen=True)
class EvidencePoint:
    """One point of a chart over time."""

    day: date
    # The share kept in the days up to and including `day` (a week, or the axis's step if
    # longer): a share per week, as a person would sum up their own week.
    kept: KeptShare
    # Mean strength of the promises in use at the end of `day`; None before any answer.
    strength: float | None


@dataclass
class TrackRecord:
    today: date
    kept: dict[int, KeptShare]
    strength: float | None
    promises: list[PromiseRecord]
    # The first day anything was answered; None before the first answer.
    first_day: date | None = None
    in_periods: dict[str, KeptShare] = field(default_factory=dict)
    kept_times: int = 0  # answers "kept", all of them: a figure that only ever grows
    partly_times: int = 0
    axis: TimeAxis | None = None
    over_time: list[EvidencePoint] = field(default_factory=list)

    @property
    def strength_percent(self) -> int | None:
        return None if self.strength is None else round(self.strength * 100)

    @property
    def has_answers(self) -> bool:
        return any(record.answered_total for record in self.promises)

    @property
    def periods(self) -> list[Period]:
        """The periods worth showing: a window that starts on or before the first answer holds
        the same answers as "since you began", so only the first of such is kept."""
        if self.first_day is None:
            return []
        return [
            period
            for period in PERIODS
            if period.days is None or self.first_day < self.today - timedelta(days=period.days - 1)
        ]

    @property
    def figures(self) -> list[tuple[Period, KeptShare]]:
        return [(period, self.in_periods[period.key]) for period in self.periods]

    @property
    def promise_rows(self) -> list[tuple[PromiseRecord, list[KeptShare]]]:
        """Each answered promise with its kept share in each of `periods`, for the table."""
        periods = self.periods
        return [
            (record, [record.in_periods[period.key] for period in periods])
            for record in self.promises
            if record.answered_total
        ]

    @property
    def strength_over_time(self) -> list[tuple[date, float | None]]:
        return [(point.day, point.strength) for point in self.over_time]

    strength_meaning = STRENGTH_MEANING


def kept_share(answers: list[tuple[date, str]], since: date, until: date) -> KeptShare:
    points = 0.0
    answered = 0
    for day, outcome in answers:
        if since <= day <= until and outcome in KEPT_POINTS:
            points += KEPT_POINTS[outcome]
            answered += 1
    return KeptShare(points, answered)


def _strength_on_days(answers: list[tuple[date, str]], days: list[date]) -> list[float | None]:
    """Strength at the end of each of `days` (ascending); None before the first answer."""
    result: list[float | None] = []
    score: float | None = None
    index = 0
    for day in days:
        while index < len(answers) and answers[index][0] <= day:
            score = advance(score, answers[index][1])
            index += 1
        result.append(score)
    return result


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _since(period: Period, first_day: date | None, today: date) -> date:
    if period.days is None:
        return first_day or today
    return today - timedelta(days=period.days - 1)


def evidence_over_time(
    promises: list[Promise], answers_by_promise: dict, axis: TimeAxis
) -> list[EvidencePoint]:
    """Kept share and strength at each point of `axis`, in one pass over the answers.

    Answers are summed per day once, then each point's window is two bisections into running
    totals, so ten years of answers cost the same as a few weeks per point."""
    window = max(axis.step, 7)
    days = axis.points
    per_day: dict[date, list[float]] = defaultdict(lambda: [0.0, 0])
    for answers in answers_by_promise.values():
        for day, outcome in answers:
            if outcome in KEPT_POINTS:
                totals = per_day[day]
                totals[0] += KEPT_POINTS[outcome]
                totals[1] += 1
    answered_days = sorted(per_day)
    running_points, running_answers = [0.0], [0]
    for day in answered_days:
        running_points.append(running_points[-1] + per_day[day][0])
        running_answers.append(running_answers[-1] + int(per_day[day][1]))

    in_use = [
        _strength_on_days(answers_by_promise[promise.pk], days)
        for promise in promises
        if answers_by_promise.get(promise.pk) and not promise.is_archived
    ]
    points = []
    for index, day in enumerate(days):
        low = bisect_left(answered_days, day - timedelta(days=window - 1))
        high = bisect_right(answered_days, day)
        kept = KeptShare(
            running_points[high] - running_points[low], running_answers[high] - running_answers[low]
        )
        strengths = [series[index] for series in in_use if series[index] is not None]
        points.append(EvidencePoint(day, kept, _mean(strengths)))
    return points


def build_track_record(
    promises: list[Promise], answers_by_promise: dict, today: date, longest: int | None = None
) -> TrackRecord:
    """Pure computation from already-fetched data; see track_record_for() for the fetching.

    The chart's axis runs from the first answer to today (at least a week), no further back
    than `longest` days when given."""
    all_answers: list[tuple[date, str]] = []
    records = []
    for promise in promises:
        answers = answers_by_promise.get(promise.pk, [])
        all_answers.extend(answers)
        strength_now: float | None = None
        for _day, outcome in answers:
            strength_now = advance(strength_now, outcome)
        records.append(
            PromiseRecord(
                id=promise.pk,
                text=promise.text,
                status=promise.status,
                kept={
                    n: kept_share(answers, today - timedelta(days=n - 1), today) for n in WINDOWS
                },
                strength=strength_now,
                answered_total=len(answers),
            )
        )
    first_day = min((day for day, _outcome in all_answers), default=None)
    for record in records:
        answers = answers_by_promise.get(record.id, [])
        record.in_periods = {
            period.key: kept_share(answers, _since(period, first_day, today), today)
            for period in PERIODS
        }
    axis = time_axis(first_day, today, longest)
    current = [r.strength for r in records if r.strength is not None and r.status != "archived"]
    return TrackRecord(
        today=today,
        kept={n: kept_share(all_answers, today - timedelta(days=n - 1), today) for n in WINDOWS},
        strength=_mean(current),
        promises=records,
        first_day=first_day,
        in_periods={
            period.key: kept_share(all_answers, _since(period, first_day, today), today)
            for period in PERIODS
        },
        kept_times=sum(1 for _day, outcome in all_answers if outcome == Outcome.KEPT),
        partly_times=sum(1 for _day, outcome in all_answers if outcome == Outcome.PARTLY),
        axis=axis,
        over_time=evidence_over_time(promises, answers_by_promise, axis),
    )


def answers_of(user, today: date) -> tuple[list[Promise], dict[int, list[tuple[date, str]]]]:
    """The person's promises and every answer up to today, by promise, in day order: two
    queries, however long the record."""
    promises = list(Promise.objects.owned_by(user).order_by("created_at"))
    answers_by_promise: dict[int, list[tuple[date, str]]] = defaultdict(list)
    rows = (
        CheckIn.objects.filter(promise__user=user, day__lte=today)
        .order_by("promise_id", "day")
        .values_list("promise_id", "day", "outcome")
    )
    for promise_id, day, outcome in rows.iterator(chunk_size=5000):
        answers_by_promise[promise_id].append((day, outcome))
    return promises, answers_by_promise


def track_record_for(user, today: date, longest: int | None = None) -> TrackRecord:
    """Fetch everything in two queries and compute; cached per version of the person's record."""
    key = f"track-record:{user.record_cache_key}:{today.isoformat()}:{longest}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    promises, answers_by_promise = answers_of(user, today)
    record = build_track_record(promises, answers_by_promise, today, longest)
    cache.set(key, record, timeout=60 * 60)
    return record


def track_record_page(user, today: date, range_key: str | None) -> dict:
    """What the track record page shows: the record, over the range asked for (the chart's
    range adapts to the record: see charts.time_axis), and the ranges worth offering."""
    chosen = time_range(range_key)
    record = track_record_for(user, today, chosen.days)
    offered = ranges_worth_offering(record.first_day, today)
    chart = time_chart(record.axis, [(_("Strength"), record.strength_over_time)])
    return {
        "record": record,
        "chart": chart,
        "ranges": offered,
        "shown_range": shown_range(chosen, offered),
    }
