"""How a questionnaire total has changed since the first one, by published thresholds.

A therapist's caseload and session summary mark a change as *reliable* (larger than the
measurement error of the questionnaire, so unlikely to be chance alone) or as *clinically
meaningful*, using thresholds published for each instrument. They are tables here, with their
sources; docs/instruments.md has the full citations and the reasons for each choice.

These are published rules of thumb for change in a score, never a diagnosis and never a
verdict on the person: they tell a clinician which changes are worth a conversation.
"""

from dataclasses import dataclass
from datetime import date

from selftrust.assessments.instruments import INSTRUMENTS, Instrument


@dataclass(frozen=True)
class ChangeThresholds:
    instrument_slug: str
    # A change of at least this many points, either way, counts as reliable change.
    reliable: int
    # An improvement of at least this many points counts as clinically meaningful (None: the
    # instrument's source gives a cut-off instead, below).
    meaningful: int | None
    # A total at or above this is in the clinical range ("caseness"); moving from at or above
    # it to below it, with reliable improvement, counts as clinically meaningful.
    clinical_cutoff: int | None
    # Short source for the marks' explanation; the full citation is in docs/instruments.md.
    source: str


# PHQ-9 and GAD-7: the reliable change index (Jacobson & Truax 1991) as NHS Talking Therapies
# for anxiety and depression (formerly IAPT) applies it: a change of 6 or more on the PHQ-9 and
# 4 or more on the GAD-7 is reliable; caseness is PHQ-9 >= 10 and GAD-7 >= 8, and "reliable
# recovery" is moving from caseness to below it with reliable improvement (Gyani, Shafran,
# Layard & Clark 2013; the NHS Talking Therapies manual).
# PCL-5: the National Center for PTSD's guidance: a change of 5 points is the minimum for a
# response that is not due to chance, and 10 points the minimum for clinically meaningful
# improvement. Marx et al. 2022 found larger reliable-change values (15 to 18 points) in two
# samples of veterans; docs/instruments.md says so beside the threshold.
THRESHOLDS: dict[str, ChangeThresholds] = {
    "phq-9": ChangeThresholds(
        "phq-9",
        reliable=6,
        meaningful=None,
        clinical_cutoff=10,
        source="NHS Talking Therapies (Jacobson–Truax reliable change; caseness 10 or more)",
    ),
    "gad-7": ChangeThresholds(
        "gad-7",
        reliable=4,
        meaningful=None,
        clinical_cutoff=8,
        source="NHS Talking Therapies (Jacobson–Truax reliable change; caseness 8 or more)",
    ),
    "pcl-5": ChangeThresholds(
        "pcl-5",
        reliable=5,
        meaningful=10,
        clinical_cutoff=None,
        source="US Department of Veterans Affairs, National Center for PTSD",
    ),
}

# The instruments a caseload shows, in its column order.
TRACKED = ("phq-9", "gad-7", "pcl-5")


@dataclass(frozen=True)
class Change:
    """The latest total of one instrument beside the first one shared."""

    instrument: Instrument
    first: int
    first_on: date
    latest: int
    latest_on: date
    taken: int  # how many results between them, both included
    reliable: bool
    meaningful: bool

    @property
    def difference(self) -> int:
        return self.latest - self.first

    @property
    def size(self) -> int:
        """How many points it moved, either way."""
        return abs(self.difference)

    @property
    def improved(self) -> bool:
        """Lower is better on each tracked instrument (none of them is higher_is_better)."""
        return self.difference > 0 if self.instrument.higher_is_better else self.difference < 0

    @property
    def has_earlier(self) -> bool:
        return self.taken > 1

    @property
    def mark(self) -> str:
        """The mark beside the change, in words; "" for a change inside the thresholds."""
        if self.meaningful:
            return "clinically meaningful improvement"
        if self.reliable:
            return "reliable improvement" if self.improved else "reliable change, higher"
        return ""


def change_between(
    instrument_slug: str,
    first: int,
    first_on: date,
    latest: int,
    latest_on: date,
    taken: int = 2,
) -> Change:
    """The change from `first` to `latest`, marked by the instrument's published thresholds
    (unmarked for an instrument without any)."""
    instrument = INSTRUMENTS[instrument_slug]
    rules = THRESHOLDS.get(instrument_slug)
    difference = latest - first
    reliable = meaningful = False
    if rules is not None and taken > 1:
        reliable = abs(difference) >= rules.reliable
        improvement = -difference if not instrument.higher_is_better else difference
        if rules.meaningful is not None:
            meaningful = improvement >= rules.meaningful
        elif rules.clinical_cutoff is not None:
            meaningful = (
                reliable
                and improvement > 0
                and first >= rules.clinical_cutoff
                and latest < rules.clinical_cutoff
            )
    return Change(
        instrument=instrument,
        first=first,
        first_on=first_on,
        latest=latest,
        latest_on=latest_on,
        taken=taken,
        reliable=reliable,
        meaningful=meaningful,
    )


def explained() -> list[tuple[Instrument, ChangeThresholds]]:
    """Each tracked instrument with its thresholds, for the note under the caseload."""
    return [(INSTRUMENTS[slug], THRESHOLDS[slug]) for slug in TRACKED]
