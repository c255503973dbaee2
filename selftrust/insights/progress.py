"""Progress: what a person has gathered, side by side on one time axis.

Promises (the share kept, and strength), mood and energy, questionnaire totals, grounding
(distress before and after, per exercise), how strong feelings were in thought records, and a
line about decision calibration. Every chart on the page shares one axis (charts.time_axis): it
starts at the first thing recorded, so two weeks of answers fill it, and reaches back no
further than the range the person chose.

Ten years of daily data must stay quick, so the page asks the database a fixed number of
questions whatever the amount: one for where each kind of record begins, one per kind for the
days on the axis (each summed up in a single pass), and the promises' part, which needs every
answer since the first for strength, is cached under the person's record_version like the
track record.
"""

import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from selftrust.assessments import trend
from selftrust.assessments.instruments import INSTRUMENTS, Instrument
from selftrust.assessments.models import AssessmentResponse
from selftrust.charts import (
    ChangeChart,
    TimeAxis,
    TimeChart,
    TimeRange,
    change_chart,
    ranges_worth_offering,
    shown_range,
    time_axis,
    time_chart,
    time_range,
)
from selftrust.insights.models import DailyCheck, Energy, Mood
from selftrust.practices import reflections
from selftrust.practices.models import Entry
from selftrust.practices.services import reviewed_decisions
from selftrust.practices.vocabulary import EMOTIONS
from selftrust.promises.models import CheckIn
from selftrust.promises.track_record import (
    STRENGTH_MEANING,
    EvidencePoint,
    KeptShare,
    answers_of,
    evidence_over_time,
    kept_share,
)

# Every chart on the page starts its drawing here, so their days line up one above the other;
# wide enough for the mood and energy words beside their axis on a phone.
LEFT = 104
GROUNDING = "grounding"
THOUGHT_RECORD = "thought-record"
RATING_MARKS = (0, 2, 4, 6, 8, 10)


def rating(stored: int | float | None) -> float | None:
    """A distress or feeling rating as the page shows it, on 0–10, from the stored value.

    Grounding's distress and a thought record's feelings were kept on 0–100 until issue 15
    brought every rating to one 0–10 scale, with a migration in practices that converts what
    was stored; after it, the stored value is the rating. This is the one place the page reads
    them, should that ever change again."""
    return None if stored is None else float(stored)


# --- what the page shows ----------------------------------------------------------------------


@dataclass
class PromiseEvidence:
    points: list[EvidencePoint]
    in_range: KeptShare  # every answer on the axis
    strength_first: float | None  # at the first point with a strength
    strength_first_day: date | None
    strength_now: float | None
    window: int  # days each kept share sums up: a week, or the axis's step if longer

    @property
    def has_answers(self) -> bool:
        return self.in_range.answered > 0

    @property
    def strength_first_percent(self) -> int | None:
        return None if self.strength_first is None else round(self.strength_first * 100)

    @property
    def strength_now_percent(self) -> int | None:
        return None if self.strength_now is None else round(self.strength_now * 100)

    @property
    def window_in_words(self) -> str:
        return _("week") if self.window == 7 else _("four weeks")


@dataclass(frozen=True)
class ScalePoint:
    day: date
    mean: float | None
    words: str  # the nearest word of the scale ("Okay"), or "" with no answers
    answered: int  # days answered in this step


@dataclass
class ScaleEvidence:
    """Mood or energy: their words, never a number alone."""

    name: str
    points: list[ScalePoint]
    answered_days: int
    most_often: str  # the word chosen most often on the axis; "" with none

    @property
    def answered(self) -> bool:
        return self.answered_days > 0


@dataclass(frozen=True)
class QuestionnaireResult:
    day: date
    total: int
    band: str
    # PHQ-9's ninth question answered above 0: its answer matters more than the range.
    safety_alert: bool = False


@dataclass
class QuestionnaireTrend:
    instrument: Instrument
    results: list[QuestionnaireResult]  # oldest first
    chart: TimeChart

    @property
    def first(self) -> QuestionnaireResult:
        return self.results[0]

    @property
    def latest(self) -> QuestionnaireResult:
        return self.results[-1]

    @property
    def id(self) -> str:
        return f"q-{self.instrument.slug}"


@dataclass(frozen=True)
class ExerciseEffect:
    name: str
    times: int
    before: float
    after: float

    @property
    def drop(self) -> float:
        return round(self.before - self.after, 1)

    @property
    def change_in_words(self) -> str:
        """Plain and even: a rise is said as plainly as a fall, never as a failure."""
        if self.drop > 0:
            return _("%(by)s lower") % {"by": f"{self.drop:g}"}
        if self.drop < 0:
            return _("%(by)s higher") % {"by": f"{-self.drop:g}"}
        return _("no change")


@dataclass
class GroundingEvidence:
    effects: list[ExerciseEffect]  # the biggest average drop first
    chart: ChangeChart

    @property
    def sessions(self) -> int:
        return sum(effect.times for effect in self.effects)

    @property
    def before(self) -> float:
        return round(sum(e.before * e.times for e in self.effects) / self.sessions, 1)

    @property
    def after(self) -> float:
        return round(sum(e.after * e.times for e in self.effects) / self.sessions, 1)


@dataclass(frozen=True)
class FeelingsPoint:
    day: date
    before: float | None  # mean rating of the feelings named, as first rated
    after: float | None  # mean rating of those rated again after looking at the thought
    records: int


@dataclass
class FeelingsEvidence:
    points: list[FeelingsPoint]
    records: int
    feelings: int  # feelings rated
    rerated: int  # of them, rated again
    before: float | None  # over the re-rated ones, so before and after compare like with like
    after: float | None
    most_named: str  # the feeling named most often


@dataclass
class Progress:
    today: date
    axis: TimeAxis
    ranges: list[TimeRange]  # the choices worth offering; empty when there is only one
    shown_range: TimeRange
    first_day: date | None  # the first thing recorded, of every kind on the page
    promises: PromiseEvidence | None
    kept_chart: TimeChart | None
    strength_chart: TimeChart | None
    mood: ScaleEvidence | None
    energy: ScaleEvidence | None
    mood_chart: TimeChart | None
    energy_chart: TimeChart | None
    questionnaires: list[QuestionnaireTrend]
    grounding: GroundingEvidence | None
    feelings: FeelingsEvidence | None
    feelings_chart: TimeChart | None
    calibration: reflections.Calibration
    checked_days: int = 0  # days with a mood and energy check on the axis
    # Kinds of record the person kept before the axis starts (a longer range would show them).
    elsewhere: set[str] = field(default_factory=set)
    strength_meaning = STRENGTH_MEANING

    @property
    def has_anything(self) -> bool:
        return self.first_day is not None

    @property
    def mood_rows(self) -> list[tuple[ScalePoint, ScalePoint]]:
        return list(zip(self.mood.points, self.energy.points, strict=True)) if self.mood else []

    @property
    def not_shown(self) -> list[str]:
        """The kinds of record with nothing on the axis, for the "not here yet" list."""
        shown = {
            "promises": self.promises is not None and self.promises.has_answers,
            "mood": self.mood is not None and (self.mood.answered or self.energy.answered),
            "questionnaires": bool(self.questionnaires),
            "grounding": self.grounding is not None,
            "feelings": self.feelings is not None,
        }
        return [kind for kind, there in shown.items() if not there]


# --- reading the database ---------------------------------------------------------------------


def _first(queryset, field_name: str) -> Subquery:
    return Subquery(queryset.order_by(field_name).values(field_name)[:1])


def first_records(user) -> dict[str, date | datetime | None]:
    """Where each kind of record begins, in one query (a sub-query a kind, each on an index)."""
    mine = OuterRef("pk")
    kinds = {
        "promises": _first(CheckIn.objects.filter(promise__user=mine), "day"),
        "mood": _first(DailyCheck.objects.filter(user=mine), "day"),
        "questionnaires": _first(AssessmentResponse.objects.filter(user=mine), "completed_at"),
        "grounding": _first(
            Entry.objects.filter(user=mine, deleted_at__isnull=True, practice=GROUNDING),
            "created_at",
        ),
        "feelings": _first(
            Entry.objects.filter(user=mine, deleted_at__isnull=True, practice=THOUGHT_RECORD),
            "created_at",
        ),
    }
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values(**{f"first_{kind}": found for kind, found in kinds.items()})
        .get()
    )
    return {kind: row[f"first_{kind}"] for kind in kinds}


def _local_day(value: date | datetime | None, zone: tzinfo) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value, zone).date()
    return value


def _start_of(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def _zone(user) -> tzinfo:
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return timezone.get_current_timezone()


def promise_evidence(user, axis: TimeAxis) -> PromiseEvidence:
    """Kept share and strength on the axis; every answer is read (strength builds from the
    first), so the result is cached until an answer or a promise changes (record_version)."""
    key = f"progress-promises:{user.record_cache_key}:{axis.start}:{axis.end}:{axis.step}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    promises, answers_by_promise = answers_of(user, axis.end)
    points = evidence_over_time(promises, answers_by_promise, axis)
    everything = [answer for answers in answers_by_promise.values() for answer in answers]
    strengths = [(point.day, point.strength) for point in points if point.strength is not None]
    evidence = PromiseEvidence(
        points=points,
        in_range=kept_share(everything, axis.start, axis.end),
        strength_first=strengths[0][1] if strengths else None,
        strength_first_day=strengths[0][0] if strengths else None,
        strength_now=strengths[-1][1] if strengths else None,
        window=max(axis.step, 7),
    )
    cache.set(key, evidence, timeout=60 * 60)
    return evidence


def _nearest_word(mean: float, choices) -> str:
    values = dict(choices)
    return str(values[min(values, key=lambda value: abs(value - mean))])


def scale_evidence(
    name: str, days: Iterable[tuple[date, int]], choices, axis: TimeAxis
) -> ScaleEvidence:
    """Mood or energy per point of the axis: the day's word, or a step's average and its
    nearest word. A step with no answer stays blank."""
    sums = [0] * len(axis.points)
    counts = [0] * len(axis.points)
    chosen: Counter[int] = Counter()
    for day, value in days:
        index = axis.index_of(day)
        if index is None or value is None:
            continue
        sums[index] += value
        counts[index] += 1
        chosen[value] += 1
    points = []
    for day, total, count in zip(axis.points, sums, counts, strict=True):
        mean = total / count if count else None
        points.append(
            ScalePoint(day, mean, "" if mean is None else _nearest_word(mean, choices), count)
        )
    leader = _clear_leader(chosen)
    most_often = str(dict(choices)[leader]) if leader is not None else ""
    return ScaleEvidence(name, points, sum(counts), most_often)


def _clear_leader(counts: Counter):
    """What was chosen more often than anything else, and more than once; None when nothing
    stands out (a tie, or every choice once), so the page never names one at random."""
    top = counts.most_common(2)
    if not top or top[0][1] < 2 or (len(top) == 2 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def questionnaire_trends(
    rows: Iterable[tuple[str, datetime, int, str, bool]], axis: TimeAxis, zone: tzinfo
) -> list[QuestionnaireTrend]:
    """One trend a questionnaire taken on the axis, in the catalog's order."""
    by_slug: dict[str, list[QuestionnaireResult]] = defaultdict(list)
    for slug, completed_at, total, band, alert in rows:
        if slug in INSTRUMENTS:
            day = timezone.localtime(completed_at, zone).date()
            by_slug[slug].append(QuestionnaireResult(day, total, band, alert))
    trends = []
    for slug, instrument in INSTRUMENTS.items():
        results = by_slug.get(slug)
        if results:
            chart = trend.trend_chart(
                instrument, [(r.day, r.total) for r in results], axis, left=LEFT
            )
            trends.append(QuestionnaireTrend(instrument, results, chart))
    return trends


def grounding_evidence(sessions: Iterable[dict]) -> GroundingEvidence | None:
    """Distress before and after, averaged per exercise (sessions rated both times only)."""
    rated = [
        {"exercise": data.get("exercise"), "before": rating(b), "after": rating(a)}
        for data in sessions
        if (b := data.get("before")) is not None and (a := data.get("after")) is not None
    ]
    found = reflections.grounding_effects(rated)
    if not found:
        return None
    effects = [
        ExerciseEffect(e.name, e.times, round(e.mean_before, 1), round(e.mean_after, 1))
        for e in found
    ]
    chart = change_chart([(e.name, e.before, e.after) for e in effects], low=0, high=10)
    return GroundingEvidence(effects, chart)


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def feelings_evidence(
    records: Iterable[tuple[date, list[dict]]], axis: TimeAxis
) -> FeelingsEvidence | None:
    """How strong the feelings named in thought records were, per point of the axis: as first
    rated, and after looking at the thought again (where they were re-rated)."""
    before: list[list[float]] = [[] for _point in axis.points]
    after: list[list[float]] = [[] for _point in axis.points]
    records_at = [0] * len(axis.points)
    pairs: list[tuple[float, float]] = []
    named: Counter[str] = Counter()
    count = feelings = 0
    for day, emotions in records:
        index = axis.index_of(day)
        if index is None:
            continue
        count += 1
        records_at[index] += 1
        for feeling in emotions or ():
            first, again = rating(feeling.get("before")), rating(feeling.get("after"))
            if first is None:
                continue
            feelings += 1
            named[feeling.get("emotion", "")] += 1
            before[index].append(first)
            if again is not None:
                after[index].append(again)
                pairs.append((first, again))
    if not count:
        return None
    points = [
        FeelingsPoint(day, _mean(b), _mean(a), n)
        for day, b, a, n in zip(axis.points, before, after, records_at, strict=True)
    ]
    slug = _clear_leader(named) or ""
    return FeelingsEvidence(
        points=points,
        records=count,
        feelings=feelings,
        rerated=len(pairs),
        before=_mean([b for b, _a in pairs]),
        after=_mean([a for _b, a in pairs]),
        most_named=EMOTIONS[slug].name.lower() if slug in EMOTIONS else "",
    )


def _word_label(choices):
    words = dict(choices)
    return lambda value: str(words.get(round(value), ""))


def progress_for(user, today: date, range_key: str | None) -> Progress:
    """Everything the Progress page shows, over the range asked for."""
    zone = _zone(user)
    first = {kind: _local_day(value, zone) for kind, value in first_records(user).items()}
    first_day = min((day for day in first.values() if day is not None), default=None)
    chosen = time_range(range_key)
    offered = ranges_worth_offering(first_day, today)
    axis = time_axis(first_day, today, chosen.days)
    since = _start_of(axis.start, zone)
    elsewhere = {kind for kind, day in first.items() if day is not None and day < axis.start}

    promises = kept_chart = strength_chart = None
    if first["promises"] is not None:
        promises = promise_evidence(user, axis)
        kept_chart = time_chart(
            axis, [(_("Share kept"), [(p.day, p.kept.share) for p in promises.points])], left=LEFT
        )
        strength_chart = time_chart(
            axis, [(_("Strength"), [(p.day, p.strength) for p in promises.points])], left=LEFT
        )

    mood = energy = mood_chart = energy_chart = None
    checked_days = 0
    if first["mood"] is not None:
        checks = list(
            DailyCheck.objects.owned_by(user)
            .filter(day__gte=axis.start, day__lte=today)
            .values_list("day", "mood", "energy")
        )
        checked_days = len(checks)
        mood = scale_evidence(_("Mood"), ((d, m) for d, m, _e in checks), Mood.choices, axis)
        energy = scale_evidence(_("Energy"), ((d, e) for d, _m, e in checks), Energy.choices, axis)
        mood_chart = time_chart(
            axis,
            [(mood.name, [(p.day, p.mean) for p in mood.points])],
            low=1,
            high=5,
            gridline_values=Mood.values,
            label=_word_label(Mood.choices),
            left=LEFT,
        )
        energy_chart = time_chart(
            axis,
            [(energy.name, [(p.day, p.mean) for p in energy.points])],
            low=1,
            high=4,
            gridline_values=Energy.values,
            label=_word_label(Energy.choices),
            left=LEFT,
        )

    questionnaires: list[QuestionnaireTrend] = []
    if first["questionnaires"] is not None:
        rows = (
            AssessmentResponse.objects.filter(user=user, completed_at__gte=since)
            .order_by("completed_at")
            .values_list("instrument_slug", "completed_at", "total", "band", "safety_alert")
        )
        questionnaires = questionnaire_trends(rows, axis, zone)

    grounding = feelings = feelings_chart = None
    if first["grounding"] is not None or first["feelings"] is not None:
        entries = (
            Entry.objects.owned_by(user)
            .visible()
            .filter(practice__in=(GROUNDING, THOUGHT_RECORD), created_at__gte=since)
            .values_list("practice", "created_at", "data", "thought_record__emotions")
        )
        sessions, records = [], []
        for practice, created_at, data, emotions in entries:
            if practice == GROUNDING:
                sessions.append(data or {})
            elif emotions is not None:
                records.append((timezone.localtime(created_at, zone).date(), emotions))
        grounding = grounding_evidence(sessions)
        feelings = feelings_evidence(records, axis)
        if feelings is not None:
            feelings_chart = time_chart(
                axis,
                [
                    (_("As first rated"), [(p.day, p.before) for p in feelings.points]),
                    (_("After looking again"), [(p.day, p.after) for p in feelings.points]),
                ],
                low=0,
                high=10,
                gridline_values=RATING_MARKS,
                label=lambda value: str(round(value)),
                left=LEFT,
            )

    return Progress(
        today=today,
        axis=axis,
        ranges=offered,
        shown_range=shown_range(chosen, offered),
        first_day=first_day,
        promises=promises,
        kept_chart=kept_chart,
        strength_chart=strength_chart,
        mood=mood,
        energy=energy,
        mood_chart=mood_chart,
        energy_chart=energy_chart,
        questionnaires=questionnaires,
        grounding=grounding,
        feelings=feelings,
        feelings_chart=feelings_chart,
        calibration=reflections.calibration(reviewed_decisions(user)),
        checked_days=checked_days,
        elsewhere=elsewhere,
    )
