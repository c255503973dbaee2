"""What each day holds, fetched a range at a time: promise answers counted by outcome, and the
daily check. One query each, however many days or promises, for the calendar and the review."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from selftrust.insights.models import DailyCheck
from selftrust.promises.models import CheckIn, Outcome
from selftrust.promises.track_record import KEPT_POINTS


@dataclass(frozen=True)
class DayAnswers:
    """How a day's promises went, counted by outcome."""

    kept: int = 0
    partly: int = 0
    not_this_time: int = 0
    let_go: int = 0

    @property
    def counted(self) -> int:
        """Answers that count towards what was kept: "let it go kindly" is a choice, not one."""
        return self.kept + self.partly + self.not_this_time

    @property
    def points(self) -> float:
        return (
            self.kept * KEPT_POINTS[Outcome.KEPT]
            + self.partly * KEPT_POINTS[Outcome.PARTLY]
            + self.not_this_time * KEPT_POINTS[Outcome.NOT_THIS_TIME]
        )

    @property
    def share(self) -> float | None:
        """Kept points of the answers that count ("partly" is half), as the track record
        counts them; None when nothing that counts was answered."""
        return self.points / self.counted if self.counted else None

    @property
    def answered(self) -> int:
        return self.counted + self.let_go


NOTHING_ANSWERED = DayAnswers()


def answers_by_day(user, first: date, last: date) -> dict[date, DayAnswers]:
    """Each day from `first` to `last` with any answer, its answers counted by outcome."""
    rows = (
        CheckIn.objects.filter(promise__user=user, day__gte=first, day__lte=last)
        .values("day")
        .annotate(
            kept=Count("pk", filter=Q(outcome=Outcome.KEPT)),
            partly=Count("pk", filter=Q(outcome=Outcome.PARTLY)),
            not_this_time=Count("pk", filter=Q(outcome=Outcome.NOT_THIS_TIME)),
            let_go=Count("pk", filter=Q(outcome=Outcome.LET_GO)),
        )
        .order_by()
    )
    return {
        row["day"]: DayAnswers(row["kept"], row["partly"], row["not_this_time"], row["let_go"])
        for row in rows
    }


def checks_by_day(user, first: date, last: date) -> dict[date, DailyCheck]:
    """The person's daily checks from `first` to `last`, by day."""
    checks = DailyCheck.objects.owned_by(user).filter(day__gte=first, day__lte=last)
    return {check.day: check for check in checks.only("day", "mood", "energy")}
