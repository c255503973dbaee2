"""The weekly review: seven days in plain words, what may link two things (only with enough
data behind it), and keeping the person's own look back.

Everything a review page needs is fetched in a handful of queries, none of them one a day:
the active promises, the week's answers, the week's daily checks and practice entries (counted
in the database), and for the links the answers counted by day and the daily checks over
CONNECTION_DAYS.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count

from selftrust.drafts import keys as draft_keys
from selftrust.insights import shapes
from selftrust.insights.days import answers_by_day, checks_by_day
from selftrust.insights.models import REVIEW_DAYS, DailyCheck, Energy, Mood, WeeklyReview
from selftrust.practices.catalog import PRACTICES
from selftrust.practices.models import Entry
from selftrust.promises import services as promise_services
from selftrust.promises.models import CheckIn, Outcome, Promise, Status
from selftrust.promises.schedule import is_due_on

# --- the week in plain words -----------------------------------------------------------------


@dataclass(frozen=True)
class Range:
    """The lowest and highest step a person chose, and on how many days they chose one."""

    days: int
    lowest: str = ""
    highest: str = ""

    @property
    def same(self) -> bool:
        return self.lowest == self.highest


@dataclass(frozen=True)
class PracticeDone:
    name: str
    times: int


@dataclass(frozen=True)
class WeekSummary:
    first_day: date
    last_day: date
    kept: int
    partly: int
    not_this_time: int
    let_go: int
    # Times a promise asked something on a day and nothing was recorded. Never a failure:
    # some days are for resting, and an answer can still be given in the answer window.
    unanswered: int
    mood: Range
    energy: Range
    practices: list[PracticeDone]

    @property
    def answered(self) -> int:
        return self.kept + self.partly + self.not_this_time + self.let_go

    @property
    def anything_asked(self) -> bool:
        return bool(self.answered or self.unanswered)

    @property
    def promise_counts(self) -> list[tuple[int, str]]:
        """(how many, which) for each kind of answer there was, in the order a week reads."""
        kinds = (
            (self.kept, "kept"),
            (self.partly, "partly"),
            (self.not_this_time, "not_this_time"),
            (self.let_go, "let_go"),
            (self.unanswered, "unanswered"),
        )
        return [(count, kind) for count, kind in kinds if count]

    @property
    def practice_entries(self) -> int:
        return sum(done.times for done in self.practices)


def _range(values: list[int], choices) -> Range:
    if not values:
        return Range(0)
    return Range(len(values), choices(min(values)).label, choices(max(values)).label)


def _day_bounds(user, first: date, last: date) -> tuple[datetime, datetime]:
    """The first and last local day as moments, in the person's time zone."""
    zone = zoneinfo.ZoneInfo(user.time_zone)
    start = datetime.combine(first, time.min, tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def week_summary(user, last_day: date) -> WeekSummary:
    """The seven days ending on `last_day`, counted: four queries, whatever the years behind."""
    first_day = last_day - timedelta(days=REVIEW_DAYS - 1)
    days = [first_day + timedelta(days=offset) for offset in range(REVIEW_DAYS)]
    answers = list(
        CheckIn.objects.filter(promise__user=user, day__gte=first_day, day__lte=last_day)
        .order_by()
        .values_list("promise_id", "day", "outcome")
    )
    counts = {outcome: 0 for outcome in Outcome.values}
    for _promise, _day, outcome in answers:
        counts[outcome] += 1
    # Asked of the person: active promises on the days they are due, as Today shows them.
    answered = {(promise_id, day) for promise_id, day, _outcome in answers}
    promises = Promise.objects.owned_by(user).filter(status=Status.ACTIVE)
    unanswered = sum(
        1
        for promise in promises
        for day in days
        if is_due_on(promise, day) and (promise.pk, day) not in answered
    )
    checks = DailyCheck.objects.owned_by(user).filter(day__gte=first_day, day__lte=last_day)
    moods, energies = [], []
    for mood, energy in checks.values_list("mood", "energy"):
        if mood is not None:
            moods.append(mood)
        if energy is not None:
            energies.append(energy)
    start, end = _day_bounds(user, first_day, last_day)
    done = (
        Entry.objects.owned_by(user)
        .visible()
        .filter(created_at__gte=start, created_at__lt=end)
        .values("practice")
        .annotate(times=Count("pk"))
        .order_by()
    )
    practices = sorted(
        (
            PracticeDone(PRACTICES[row["practice"]].name, row["times"])
            for row in done
            if row["practice"] in PRACTICES
        ),
        key=lambda item: (-item.times, item.name),
    )
    return WeekSummary(
        first_day=first_day,
        last_day=last_day,
        kept=counts[Outcome.KEPT],
        partly=counts[Outcome.PARTLY],
        not_this_time=counts[Outcome.NOT_THIS_TIME],
        let_go=counts[Outcome.LET_GO],
        unanswered=unanswered,
        mood=_range(moods, Mood),
        energy=_range(energies, Energy),
        practices=practices,
    )


# --- what may link two things ----------------------------------------------------------------

# Looked at over the last three months: long enough to gather the days the rule below needs,
# recent enough to be about the person as they are now.
CONNECTION_DAYS = 90
# A link between two things is only stated with enough days behind it. With fewer than two
# weeks of days that have both answers, or fewer than five days on either side, a difference
# in shares is mostly chance (a single hard week can make it), so nothing is said. Chosen, not
# derived: the smallest amount of evidence we would want before pointing at a pattern.
MIN_DAYS_WITH_BOTH = 14
MIN_DAYS_EACH_SIDE = 5
# Shares closer than this are "about the same": with a few dozen answers a gap of a few
# points is noise, and naming it would read as more than it is.
ABOUT_THE_SAME_POINTS = 10


def enough_to_connect(higher_days: int, lower_days: int) -> bool:
    """The one rule for saying two things go together: at least MIN_DAYS_WITH_BOTH days with
    both answers, and at least MIN_DAYS_EACH_SIDE of them on each side of the split."""
    return (
        higher_days + lower_days >= MIN_DAYS_WITH_BOTH
        and min(higher_days, lower_days) >= MIN_DAYS_EACH_SIDE
    )


def _words(choices, values) -> str:
    labels = [str(choices(value).label) for value in sorted(values)]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


@dataclass(frozen=True)
class Split:
    """One measure from the daily check, split into its higher and its lower steps."""

    measure: str
    higher: frozenset[int]
    lower: frozenset[int]
    choices: type

    @property
    def higher_words(self) -> str:
        return _words(self.choices, self.higher)

    @property
    def lower_words(self) -> str:
        return _words(self.choices, self.lower)


SPLITS = (
    Split(
        "energy",
        frozenset({Energy.STEADY, Energy.LIVELY}),
        frozenset({Energy.DRAINED, Energy.LOW}),
        Energy,
    ),
    Split(
        "mood",
        frozenset({Mood.GOOD, Mood.VERY_GOOD}),
        frozenset({Mood.VERY_LOW, Mood.LOW, Mood.OKAY}),
        Mood,
    ),
)


@dataclass(frozen=True)
class Side:
    words: str
    days: int = 0
    answers: int = 0
    points: float = 0.0

    @property
    def percent(self) -> int | None:
        return round(self.points / self.answers * 100) if self.answers else None


@dataclass(frozen=True)
class Connection:
    """How promises went on the days one measure was higher, and on the days it was lower."""

    measure: str
    higher: Side
    lower: Side

    @property
    def days_with_both(self) -> int:
        return self.higher.days + self.lower.days

    @property
    def enough(self) -> bool:
        return enough_to_connect(self.higher.days, self.lower.days)

    @property
    def direction(self) -> str:
        """ "more", "fewer" or "same": the share kept on higher days beside lower days."""
        gap = (self.higher.percent or 0) - (self.lower.percent or 0)
        if abs(gap) < ABOUT_THE_SAME_POINTS:
            return "same"
        return "more" if gap > 0 else "fewer"


def connections(user, last_day: date, days: int = CONNECTION_DAYS) -> list[Connection]:
    """For each split, the days with both a check of that measure and an answer that counts,
    over `days` days ending on `last_day`. Two queries."""
    first_day = last_day - timedelta(days=days - 1)
    answers = answers_by_day(user, first_day, last_day)
    checks = checks_by_day(user, first_day, last_day)
    found = []
    for split in SPLITS:
        sides = {"higher": [0, 0, 0.0], "lower": [0, 0, 0.0]}
        for day, check in checks.items():
            value = getattr(check, split.measure)
            day_answers = answers.get(day)
            if value is None or day_answers is None or not day_answers.counted:
                continue
            side = sides["higher" if value in split.higher else "lower"]
            side[0] += 1
            side[1] += day_answers.counted
            side[2] += day_answers.points
        found.append(
            Connection(
                split.measure,
                Side(split.higher_words, *sides["higher"]),
                Side(split.lower_words, *sides["lower"]),
            )
        )
    return found


# --- keeping a review ------------------------------------------------------------------------


def save_review(form, user) -> WeeklyReview:
    """Keep a valid review (new or changed). A promise for next week, when one is written and
    none was made from this review yet, is made through the promises' own service, in the same
    transaction: both are kept, or neither."""
    with transaction.atomic():
        review = form.save(commit=False)
        review.user = user
        if form.promise_form is not None and review.next_promise_id is None:
            review.next_promise = promise_services.save_promise(form.promise_form, user)
        review.save()
    return review


def written_words(review: WeeklyReview) -> tuple[str, ...]:
    """Everything the person wrote in a review, for the crisis screening."""
    return (review.kept, review.got_in_the_way, review.learned, review.next_promise_text)


def own_reviews(user):
    return WeeklyReview.objects.owned_by(user)


def may_keep_draft(user, key: str) -> bool:
    """A new review, or changes to one of the person's own that can still be changed."""
    if key == draft_keys.WEEKLY_REVIEW_NEW:
        return True
    review_id = draft_keys.weekly_review_id(key)
    if review_id is None:
        return False
    review = own_reviews(user).filter(pk=review_id).only("week_ending").first()
    return review is not None and review.is_editable_on(user.local_today())


def as_dict(review: WeeklyReview) -> dict:
    """One shape for a review (insights/shapes.py): the export and the API both give it."""
    return shapes.weekly_review(review)


def export_reviews(user) -> list[dict]:
    """Every review the person has kept, oldest first, for the export."""
    reviews = own_reviews(user).order_by("week_ending", "created_at", "pk")
    return [as_dict(review) for review in reviews]
