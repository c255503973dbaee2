"""Trust experiments over time: when each is ready to look back on, and what the look backs
add up to (how often the feared outcome came true, and who proved reliable).

Every answer of a trust experiment is in its entry's `data` (see catalog.TRUST_EXPERIMENT), so
one query for a person's experiments is all a page needs, however many years they cover; the
rest is one pass over them here, in plain Python.
"""

import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from django.utils import timezone

from selftrust.practices.catalog import TRUST_EXPERIMENT
from selftrust.practices.models import Entry

SLUG = TRUST_EXPERIMENT.slug
# The look back's one answer it can't be without: an experiment with it has been looked back on.
LOOKED_BACK_BY = "fear_came_true"
DEFAULT_LOOK_BACK_DAYS = 7
# Shares are shown from this many look backs on: with fewer, "1 of 1" reads like a rule about a
# person's fears when it says more about chance. Counts are shown from the first.
SUMMARY_MINIMUM = 3

FEAR_ANSWERS = ("yes", "partly", "no")
# "No, and I felt unsafe with them" is a no to reliable, and is counted apart as well.
RELIABLE_ANSWERS = ("yes", "partly", "no", "unsafe", "too-early")
LATER_NAMES = tuple(spec.name for spec in TRUST_EXPERIMENT.later_fields)


def _zone(user) -> tzinfo | None:
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def look_back_days(data: dict) -> int:
    """How many days after writing it the person chose to look back (a week if not chosen)."""
    try:
        days = int(data.get("look_back_in") or DEFAULT_LOOK_BACK_DAYS)
    except (TypeError, ValueError):
        return DEFAULT_LOOK_BACK_DAYS
    return days if days > 0 else DEFAULT_LOOK_BACK_DAYS


def look_back_on(created_at: datetime, data: dict, zone: tzinfo | None) -> date:
    """The day it is ready to look back on: counted from the day it was written, the
    person's day (in their time zone)."""
    return timezone.localtime(created_at, zone).date() + timedelta(days=look_back_days(data))


def looked_back(data: dict) -> bool:
    return data.get(LOOKED_BACK_BY) in FEAR_ANSWERS


@dataclass(frozen=True)
class Experiment:
    """One trust experiment, as the pages list it."""

    entry_id: int
    created_at: datetime
    who: str
    step: str
    prediction: str
    fear_likely: int | None
    look_back_on: date
    looked_back: bool
    due: bool  # ready to look back on, and not looked back on yet
    fear_came_true: str  # yes | partly | no; "" until looked back on
    reliable: str  # yes | partly | no | unsafe | too-early; "" if not answered

    later_names = LATER_NAMES


def experiment_of(entry_id: int, created_at: datetime, data: dict, today: date, zone) -> Experiment:
    day = look_back_on(created_at, data, zone)
    done = looked_back(data)
    fear_likely = data.get("fear_likely")
    return Experiment(
        entry_id=entry_id,
        created_at=created_at,
        who=str(data.get("who") or ""),
        step=str(data.get("step") or ""),
        prediction=str(data.get("prediction") or ""),
        fear_likely=fear_likely if isinstance(fear_likely, int) else None,
        look_back_on=day,
        looked_back=done,
        due=not done and day <= today,
        fear_came_true=data.get(LOOKED_BACK_BY) if done else "",
        reliable=data.get("reliable") if data.get("reliable") in RELIABLE_ANSWERS else "",
    )


def experiment(entry: Entry, user) -> Experiment:
    """One entry of the trust experiment, for its own page and its look back."""
    return experiment_of(entry.pk, entry.created_at, entry.data, user.local_today(), _zone(user))


def _mine(user):
    return Entry.objects.owned_by(user).visible().filter(practice=SLUG)


def experiments(user) -> list[Experiment]:
    """Every trust experiment of the person's, newest first: one query."""
    today, zone = user.local_today(), _zone(user)
    rows = _mine(user).order_by("-created_at", "-pk").values_list("pk", "created_at", "data")
    return [experiment_of(pk, created_at, data, today, zone) for pk, created_at, data in rows]


def due(user) -> list[Experiment]:
    """Trust experiments ready to look back on, the longest waiting first (for Today, say).

    One query that reads only those not looked back on yet, so Today's cost does not grow
    with years of finished experiments."""
    today, zone = user.local_today(), _zone(user)
    rows = _mine(user).exclude(data__has_key=LOOKED_BACK_BY).values_list("pk", "created_at", "data")
    waiting = (experiment_of(pk, created_at, data, today, zone) for pk, created_at, data in rows)
    return sorted((e for e in waiting if e.due), key=lambda e: e.look_back_on)


# --- what the look backs add up to ---------------------------------------------------------


def percent(part: int, whole: int) -> int | None:
    return round(part * 100 / whole) if whole else None


@dataclass(frozen=True)
class PersonTrusted:
    """Someone the person took steps of trust toward, and how those steps went."""

    name: str  # as most recently written
    steps: int
    looked_back: int  # of the steps, those looked back on
    reliable: int
    partly: int
    not_reliable: int  # "no", and "no, and I felt unsafe"
    too_early: int
    felt_unsafe: int

    @property
    def answered(self) -> int:
        """Look backs that said whether they proved reliable (too early to tell left out)."""
        return self.reliable + self.partly + self.not_reliable


@dataclass(frozen=True)
class TrustSummary:
    """What a person's trust experiments add up to: an observation, never a verdict."""

    steps: int  # every experiment, looked back on or not
    looked_back: int
    fear_came_true: int
    partly: int
    did_not: int  # the feared outcome did not come true
    # The fear's likelihood as rated before (0–10), on average, over the looked-back
    # experiments that rated it; None if none did.
    mean_fear_likely: float | None
    fear_rated: int
    per_person: tuple[PersonTrusted, ...]

    @property
    def ready(self) -> bool:
        """Enough look backs for shares to mean something."""
        return self.looked_back >= SUMMARY_MINIMUM

    @property
    def still_needed(self) -> int:
        return max(SUMMARY_MINIMUM - self.looked_back, 0)

    @property
    def fear_came_true_percent(self) -> int | None:
        return percent(self.fear_came_true, self.looked_back)

    @property
    def partly_percent(self) -> int | None:
        return percent(self.partly, self.looked_back)

    @property
    def did_not_percent(self) -> int | None:
        return percent(self.did_not, self.looked_back)

    @property
    def felt_unsafe_with(self) -> tuple[PersonTrusted, ...]:
        return tuple(person for person in self.per_person if person.felt_unsafe)


def _person_key(who: str) -> str:
    """One person however the name is spaced or capitalised (Sam, sam, SAM)."""
    return " ".join(who.split()).casefold()


def summary_of(found: Iterable[Experiment]) -> TrustSummary:
    """What these experiments (newest first) add up to, in one pass."""
    steps = looked = 0
    fears = dict.fromkeys(FEAR_ANSWERS, 0)
    rated: list[int] = []
    people: dict[str, dict] = {}
    for experiment in found:
        steps += 1
        if experiment.looked_back:
            looked += 1
            fears[experiment.fear_came_true] += 1
            if experiment.fear_likely is not None:
                rated.append(experiment.fear_likely)
        who = " ".join(experiment.who.split())
        if not who:
            continue  # nobody named: nothing to learn about whom
        person = people.setdefault(
            _person_key(who), {"name": who, "steps": 0, "looked_back": 0, "answers": []}
        )
        person["steps"] += 1
        person["looked_back"] += experiment.looked_back
        if experiment.reliable:
            person["answers"].append(experiment.reliable)
    per_person = tuple(
        sorted(
            (
                PersonTrusted(
                    name=person["name"],
                    steps=person["steps"],
                    looked_back=person["looked_back"],
                    reliable=person["answers"].count("yes"),
                    partly=person["answers"].count("partly"),
                    not_reliable=person["answers"].count("no") + person["answers"].count("unsafe"),
                    too_early=person["answers"].count("too-early"),
                    felt_unsafe=person["answers"].count("unsafe"),
                )
                for person in people.values()
            ),
            key=lambda p: (-p.steps, p.name.casefold()),
        )
    )
    return TrustSummary(
        steps=steps,
        looked_back=looked,
        fear_came_true=fears["yes"],
        partly=fears["partly"],
        did_not=fears["no"],
        mean_fear_likely=sum(rated) / len(rated) if rated else None,
        fear_rated=len(rated),
        per_person=per_person,
    )


def summary(user) -> TrustSummary:
    """What this person's trust experiments add up to (the progress page shows it): one query."""
    return summary_of(experiments(user))
