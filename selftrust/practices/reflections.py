"""What the practices show over time: plain functions over plain data, each with tests."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from selftrust.practices.vocabulary import EMOTIONS, GROUNDING, SIGN_ANSWERS, SIGNS

# --- decision journal: calibration ------------------------------------------------------

# "Did my first instinct serve me?" as an outcome between 0 and 1; "can't tell" is left out.
SERVED_VALUE = {"yes": 1.0, "partly": 0.5, "no": 0.0}
CONFIDENCE_BANDS = ((50, 59), (60, 69), (70, 79), (80, 89), (90, 100))
# The page shows figures only from this many scored reviews: with fewer, a share or a band says
# more about chance than about a person's judgement, and one bad week could read as a verdict.
CALIBRATION_MINIMUM = 10
# Below this share of instincts that served, the page adds a kind word beside the figures.
LOW_SERVED = 0.5


@dataclass(frozen=True)
class CalibrationBand:
    low: int
    high: int
    decisions: int
    served: float | None  # share of decisions where the instinct served, 0..1
    mean_confidence: float | None  # 0..1

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high} %"

    @property
    def served_percent(self) -> int | None:
        return None if self.served is None else round(self.served * 100)


@dataclass(frozen=True)
class Calibration:
    bands: list[CalibrationBand]
    scored: int
    brier: float | None  # 0 is perfect; 0.25 is what always saying 50 % earns
    served: float | None
    # Every look back, "can't tell yet" too; only the others are `scored`.
    looked_back: int = 0

    @property
    def unclear(self) -> int:
        return self.looked_back - self.scored

    @property
    def served_percent(self) -> int | None:
        return None if self.served is None else round(self.served * 100)

    @property
    def ready(self) -> bool:
        """Enough reviews for the figures to mean something."""
        return self.scored >= CALIBRATION_MINIMUM

    @property
    def still_needed(self) -> int:
        return max(CALIBRATION_MINIMUM - self.scored, 0)

    @property
    def low(self) -> bool:
        return self.served is not None and self.served < LOW_SERVED

    @property
    def better_than_chance(self) -> bool:
        """Better calibrated than always saying 50 %, which earns a Brier score of 0.25."""
        return self.brier is not None and self.brier < 0.25


def calibration(reviews: Iterable[tuple[int, str]]) -> Calibration:
    """`reviews` are (confidence 50..100, instinct_served) pairs of reviewed decisions.

    Brier score: the mean of (confidence − outcome)², with confidence as a probability and
    the outcome 1 (served), 0.5 (partly) or 0 (did not). Lower is better calibrated.
    """
    reviews = list(reviews)
    scored = [
        (conf / 100, SERVED_VALUE[served]) for conf, served in reviews if served in SERVED_VALUE
    ]
    bands = []
    for low, high in CONFIDENCE_BANDS:
        inside = [(p, o) for p, o in scored if low <= round(p * 100) <= high]
        bands.append(
            CalibrationBand(
                low=low,
                high=high,
                decisions=len(inside),
                served=sum(o for _p, o in inside) / len(inside) if inside else None,
                mean_confidence=sum(p for p, _o in inside) / len(inside) if inside else None,
            )
        )
    brier = sum((p - o) ** 2 for p, o in scored) / len(scored) if scored else None
    served = sum(o for _p, o in scored) / len(scored) if scored else None
    return Calibration(
        bands=bands, scored=len(scored), brier=brier, served=served, looked_back=len(reviews)
    )


# --- thought record: before and after ----------------------------------------------------


@dataclass(frozen=True)
class Change:
    name: str
    before: int
    after: int | None

    @property
    def difference(self) -> int | None:
        return None if self.after is None else self.after - self.before


def thought_changes(
    belief_before: int, belief_after: int | None, emotions: list[dict]
) -> list[Change]:
    changes = [Change("Belief in the thought", belief_before, belief_after)]
    for item in emotions:
        name = EMOTIONS[item["emotion"]].name if item["emotion"] in EMOTIONS else item["emotion"]
        changes.append(Change(name, item["before"], item.get("after")))
    return changes


# --- grounding: what helps you ---------------------------------------------------------


@dataclass(frozen=True)
class GroundingEffect:
    slug: str
    name: str
    times: int
    mean_before: float
    mean_after: float

    @property
    def mean_change(self) -> float:
        return self.mean_after - self.mean_before


def grounding_effects(sessions: Iterable[dict]) -> list[GroundingEffect]:
    """Average SUDS before and after, per exercise, for sessions with both ratings; most helpful first."""
    by_exercise: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for data in sessions:
        if (
            data.get("before") is not None
            and data.get("after") is not None
            and data.get("exercise")
        ):
            by_exercise[data["exercise"]].append((data["before"], data["after"]))
    effects = [
        GroundingEffect(
            slug=slug,
            name=GROUNDING[slug].name if slug in GROUNDING else slug,
            times=len(pairs),
            mean_before=sum(b for b, _a in pairs) / len(pairs),
            mean_after=sum(a for _b, a in pairs) / len(pairs),
        )
        for slug, pairs in by_exercise.items()
    ]
    return sorted(effects, key=lambda e: e.mean_change)


# --- signs check: how the answers moved ------------------------------------------------

_SIGN_ORDER = {value: index for index, (value, _label) in enumerate(SIGN_ANSWERS)}
_SIGN_LABEL = dict(SIGN_ANSWERS)


@dataclass(frozen=True)
class SignChange:
    name: str
    now: str
    before: str | None

    @property
    def direction(self) -> str:
        if self.before is None or self.before == self.now:
            return "same"
        return "less often" if _SIGN_ORDER[self.now] < _SIGN_ORDER[self.before] else "more often"

    @property
    def now_label(self) -> str:
        return _SIGN_LABEL.get(self.now, self.now)

    @property
    def before_label(self) -> str | None:
        return None if self.before is None else _SIGN_LABEL.get(self.before, self.before)


def signs_change(now: dict, before: dict | None) -> list[SignChange]:
    return [
        SignChange(sign.name, now.get(sign.slug, ""), (before or {}).get(sign.slug))
        for sign in SIGNS
        if now.get(sign.slug)
    ]


# --- strengths: the growing list of evidence ---------------------------------------------


def strengths_list(entries_data: Iterable[dict]) -> list[str]:
    seen: dict[str, str] = {}
    for data in entries_data:
        strength = (data.get("strength") or "").strip()
        if strength and strength.lower() not in seen:
            seen[strength.lower()] = strength
    return list(seen.values())
