"""One month of promises and mood, as the calendar page shows it. Plain functions: no requests.

Two queries whatever the month or the years of data behind it: the month's answers counted
by day and outcome, and its daily checks (insights/days.py). A day with nothing answered stays
blank, and nothing here is ever a mark against a day: "let it go kindly" is a choice, and a
day with only "not this time" is shown in words, never filled in a warning colour.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from selftrust.insights.days import NOTHING_ANSWERED, DayAnswers, answers_by_day, checks_by_day
from selftrust.insights.models import DailyCheck
from selftrust.promises.schedule import answer_window
from selftrust.web.templatetags.person_dates import MONTHS, WEEKDAYS, preferred_language

# The first day of the week where the browser's region keeps it other than Monday: CLDR's
# weekData (supplementalData.xml, firstDay), as read from the ICU in Chromium 2026. Every
# other region, and a browser that names no region, starts on Monday (ISO 8601).
FIRST_DAY_BY_REGION = {
    **dict.fromkeys(
        [
            "AG",
            "AS",
            "BD",
            "BR",
            "BS",
            "BT",
            "BW",
            "BZ",
            "CA",
            "CO",
            "DM",
            "DO",
            "ET",
            "GT",
            "GU",
            "HK",
            "HN",
            "ID",
            "IL",
            "IN",
            "IS",
            "JM",
            "JP",
            "KE",
            "KH",
            "KR",
            "LA",
            "MH",
            "MM",
            "MO",
            "MT",
            "MX",
            "MZ",
            "NI",
            "NP",
            "PA",
            "PE",
            "PH",
            "PK",
            "PR",
            "PT",
            "PY",
            "SA",
            "SG",
            "SV",
            "TH",
            "TT",
            "TW",
            "UM",
            "US",
            "VE",
            "VI",
            "WS",
            "YE",
            "ZA",
            "ZW",
        ],
        6,  # Sunday, as in date.weekday()
    ),
    **dict.fromkeys(
        ["AF", "BH", "DJ", "DZ", "EG", "IQ", "IR", "JO", "KW", "LY", "OM", "QA", "SD", "SY"], 5
    ),  # Saturday
    "MV": 4,  # Friday
}
MONDAY = 0

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def first_weekday(accept_language: str) -> int:
    """The weekday a week starts on (0 Monday … 6 Sunday) in the browser's first region."""
    parts = preferred_language(accept_language).split("-")
    region = next((part for part in parts[1:] if len(part) == 2), "")
    return FIRST_DAY_BY_REGION.get(region.upper(), MONDAY)


def month_asked_for(value: str | None, today: date) -> tuple[date, bool]:
    """The first day of the month a link names ("2026-11"), and whether it could be read.

    Nothing named is this month; a month that can't be read is this month too, and the
    page says so, changing nothing."""
    this_month = today.replace(day=1)
    if not value:
        return this_month, True
    match = _MONTH.fullmatch(value.strip())
    if match is None:
        return this_month, False
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return this_month, False
    return date(year, month, 1), True


def _next_month(first: date) -> date | None:
    if first.year == 9999 and first.month == 12:
        return None
    return (first + timedelta(days=32)).replace(day=1)


def _previous_month(first: date) -> date | None:
    if first == date.min:
        return None
    return (first - timedelta(days=1)).replace(day=1)


@dataclass(frozen=True)
class CalendarDay:
    day: date
    answers: DayAnswers
    check: DailyCheck | None
    is_today: bool
    # Within the answer window, so Today can still take or change its answers.
    answerable: bool

    @property
    def fill(self) -> str:
        """How softly the day fills: more of what was answered kept, a little more colour.
        A day with nothing that counts (nothing answered, or only let go) stays blank."""
        share = self.answers.share
        if not share:
            return ""
        if share >= 1:
            return "all"
        return "most" if share >= 0.5 else "some"


@dataclass(frozen=True)
class Weekday:
    name: str
    short: str


@dataclass(frozen=True)
class MonthCalendar:
    first: date
    today: date
    weekdays: list[Weekday]
    # Weeks of seven; None where a week reaches into the month before or after.
    weeks: list[list[CalendarDay | None]]
    previous: date | None
    next: date | None

    @property
    def name(self) -> str:
        return f"{MONTHS[self.first.month - 1]} {self.first.year}"

    @property
    def is_this_month(self) -> bool:
        return self.first == self.today.replace(day=1)

    @property
    def is_after_this_month(self) -> bool:
        return self.first > self.today

    @property
    def days(self) -> list[CalendarDay]:
        return [day for week in self.weeks for day in week if day is not None]

    @property
    def days_answered(self) -> int:
        return sum(1 for day in self.days if day.answers.answered)

    @property
    def days_checked(self) -> int:
        return sum(1 for day in self.days if day.check is not None)


def month_calendar(user, first: date, today: date, week_starts: int = MONDAY) -> MonthCalendar:
    """The month that begins on `first`, with each day's answers and check (two queries)."""
    following = _next_month(first)
    last = (following - timedelta(days=1)) if following else date.max
    answers = answers_by_day(user, first, last)
    checks = checks_by_day(user, first, last)
    earliest_answerable, _latest = answer_window(today)
    leading = (first.weekday() - week_starts) % 7
    cells: list[CalendarDay | None] = [None] * leading
    day = first
    while day <= last:
        cells.append(
            CalendarDay(
                day=day,
                answers=answers.get(day, NOTHING_ANSWERED),
                check=checks.get(day),
                is_today=day == today,
                answerable=earliest_answerable <= day <= today,
            )
        )
        if day == date.max:
            break
        day += timedelta(days=1)
    cells += [None] * (-len(cells) % 7)
    order = [(week_starts + offset) % 7 for offset in range(7)]
    return MonthCalendar(
        first=first,
        today=today,
        weekdays=[Weekday(WEEKDAYS[index], WEEKDAYS[index][:3]) for index in order],
        weeks=[cells[start : start + 7] for start in range(0, len(cells), 7)],
        previous=_previous_month(first),
        next=_next_month(first),
    )
