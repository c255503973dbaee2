"""Scoring as published: one table-driven function for every instrument."""

from collections.abc import Sequence
from dataclasses import dataclass

from selftrust.assessments.instruments import Band, Instrument


class AnswersInvalid(ValueError):
    """Answers that can't be scored; the message is written for the person."""


@dataclass(frozen=True)
class Score:
    total: int
    band: Band | None
    subscales: dict[str, int]
    safety_alert: bool
    percent: int | None = None  # WHO-5 only: raw x 4


def keyed_value(instrument: Instrument, item: int, answer: int) -> int:
    """The value an answer contributes, after reverse keying (item is 1-based)."""
    if item in instrument.reverse_items:
        return instrument.min_value + instrument.max_value - answer
    return answer


def validate_answers(instrument: Instrument, answers: Sequence[int]) -> list[int]:
    if not isinstance(answers, list | tuple):
        raise AnswersInvalid("Answers should be a list of numbers, one for each question.")
    if len(answers) != len(instrument.items):
        raise AnswersInvalid(
            f"The {instrument.short_name} has {len(instrument.items)} questions; "
            f"{len(answers)} answers were given."
        )
    allowed = {value for value, _label in instrument.options}
    for number, answer in enumerate(answers, start=1):
        if isinstance(answer, bool) or not isinstance(answer, int) or answer not in allowed:
            raise AnswersInvalid(
                f"Answer {number} should be a whole number from {instrument.min_value} "
                f"to {instrument.max_value}."
            )
    return list(answers)


def safety_alert(instrument: Instrument, answers: Sequence[int | None]) -> bool:
    """True when the safety item (PHQ-9 item 9) is answered above 0, even mid-questionnaire."""
    if instrument.safety_item is None or len(answers) < instrument.safety_item:
        return False
    answer = answers[instrument.safety_item - 1]
    return answer is not None and answer > 0


def score(instrument: Instrument, answers: Sequence[int]) -> Score:
    answers = validate_answers(instrument, answers)
    keyed = [keyed_value(instrument, n, a) for n, a in enumerate(answers, start=1)]
    total = sum(keyed)
    subscales = {
        name: sum(keyed[item - 1] for item in items) for name, items in instrument.subscales.items()
    }
    return Score(
        total=total,
        band=instrument.band_for(total),
        subscales=subscales,
        safety_alert=safety_alert(instrument, answers),
        percent=total * 4 if instrument.slug == "who-5" else None,
    )
