"""The evidence of a person's reliability: kept shares over recent windows and strength over time."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.cache import cache

from selftrust.promises.models import CheckIn, Outcome, Promise
from selftrust.promises.strength import advance

WINDOWS = (7, 30, 90)
CHART_WEEKS = 13

# "Partly" counts half; "let it go kindly" is a choice, so it is left out of the count.
KEPT_POINTS = {Outcome.KEPT: 1.0, Outcome.PARTLY: 0.5, Outcome.NOT_THIS_TIME: 0.0}


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

    @property
    def strength_percent(self) -> int | None:
        return None if self.strength is None else round(self.strength * 100)


@dataclass
class TrackRecord:
    today: date
    kept: dict[int, KeptShare]
    strength: float | None
    promises: list[PromiseRecord]
    # (week ending, overall strength) for the chart, oldest first.
    weekly_strength: list[tuple[date, float | None]] = field(default_factory=list)

    @property
    def strength_percent(self) -> int | None:
        return None if self.strength is None else round(self.strength * 100)

    @property
    def has_answers(self) -> bool:
        return any(record.answered_total for record in self.promises)


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


def build_track_record(
    promises: list[Promise], answers_by_promise: dict, today: date
) -> TrackRecord:
    """Pure computation from already-fetched data; see track_record_for() for the fetching."""
    chart_days = [today - timedelta(weeks=weeks) for weeks in range(CHART_WEEKS, -1, -1)]
    all_answers: list[tuple[date, str]] = []
    records = []
    per_promise_chart = []
    for promise in promises:
        answers = answers_by_promise.get(promise.pk, [])
        all_answers.extend(answers)
        kept = {n: kept_share(answers, today - timedelta(days=n - 1), today) for n in WINDOWS}
        strength_now: float | None = None
        for _day, outcome in answers:
            strength_now = advance(strength_now, outcome)
        records.append(
            PromiseRecord(
                id=promise.pk,
                text=promise.text,
                status=promise.status,
                kept=kept,
                strength=strength_now,
                answered_total=len(answers),
            )
        )
        if answers and not promise.is_archived:
            per_promise_chart.append(_strength_on_days(answers, chart_days))

    weekly = []
    for index, day in enumerate(chart_days):
        values = [series[index] for series in per_promise_chart if series[index] is not None]
        weekly.append((day, _mean(values)))

    overall_kept = {
        n: kept_share(all_answers, today - timedelta(days=n - 1), today) for n in WINDOWS
    }
    current = [r.strength for r in records if r.strength is not None and r.status != "archived"]
    return TrackRecord(
        today=today,
        kept=overall_kept,
        strength=_mean(current),
        promises=records,
        weekly_strength=weekly,
    )


def track_record_for(user, today: date) -> TrackRecord:
    """Fetch everything in two queries and compute; cached per version of the person's record."""
    key = f"track-record:{user.pk}:{user.record_version}:{today.isoformat()}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    promises = list(Promise.objects.owned_by(user).order_by("created_at"))
    answers_by_promise: dict[int, list[tuple[date, str]]] = defaultdict(list)
    rows = (
        CheckIn.objects.filter(promise__user=user, day__lte=today)
        .order_by("promise_id", "day")
        .values_list("promise_id", "day", "outcome")
    )
    for promise_id, day, outcome in rows.iterator(chunk_size=5000):
        answers_by_promise[promise_id].append((day, outcome))
    record = build_track_record(promises, answers_by_promise, today)
    cache.set(key, record, timeout=60 * 60)
    return record
