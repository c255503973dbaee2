"""Strength: how established a promise is, between 0 and 1.

Computed like Loop Habit Tracker's habit score (src: uhabits-core, Score.kt): an
exponential moving average where each answered day moves the score towards the
day's value. With Loop's multiplier for a once-a-day habit, 0.5 ** (1 / 13), a
run of kept days lifts the score steadily, and one "not this time" takes off
about 5 % of it, so one hard day never wipes out weeks of evidence.

Only answered days count. "Let it go kindly" is a deliberate choice and leaves
the score as it was, and so does a day with no answer: we never treat silence as
failure.
"""

from collections.abc import Iterable
from datetime import date

from selftrust.promises.models import Outcome

MULTIPLIER = 0.5 ** (1 / 13)

OUTCOME_VALUE: dict[str, float] = {
    Outcome.KEPT: 1.0,
    Outcome.PARTLY: 0.5,
    Outcome.NOT_THIS_TIME: 0.0,
}


def next_strength(previous: float, outcome: str) -> float:
    value = OUTCOME_VALUE.get(outcome)
    if value is None:  # let go kindly
        return previous
    return previous * MULTIPLIER + value * (1 - MULTIPLIER)


def advance(score: float | None, outcome: str) -> float | None:
    """One answered day. Strength starts with the first answer that counts (None before it):
    letting go kindly never starts it, so a promise only let go has no strength yet."""
    if score is None and outcome not in OUTCOME_VALUE:
        return None
    return next_strength(score or 0.0, outcome)


def strength_series(answers: Iterable[tuple[date, str]]) -> list[tuple[date, float]]:
    """The strength after each answered day, oldest first. `answers` must be in day order."""
    series = []
    score = None
    for day, outcome in answers:
        score = advance(score, outcome)
        series.append((day, score or 0.0))
    return series


def strength(answers: Iterable[tuple[date, str]]) -> float:
    score = None
    for _day, outcome in answers:
        score = advance(score, outcome)
    return score or 0.0
