from datetime import date, timedelta

import pytest

from selftrust.insights.calendar import (
    MONDAY,
    first_weekday,
    month_asked_for,
    month_calendar,
)
from selftrust.insights.models import Energy, Mood
from selftrust.promises.models import Outcome
from tests.factories import CheckInFactory, PromiseFactory
from tests.insights.factories import DailyCheckFactory

SUNDAY, SATURDAY = 6, 5
NOVEMBER = date(2026, 11, 1)  # a Sunday
TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("accept_language", "starts_on"),
    [
        ("en-US,en;q=0.9", SUNDAY),
        ("pt-BR", SUNDAY),
        ("ja-JP", SUNDAY),
        ("de-DE,de;q=0.9,en;q=0.8", MONDAY),
        ("en-GB", MONDAY),
        ("ar-EG", SATURDAY),
        ("en", MONDAY),
        ("", MONDAY),
        ("not a language", MONDAY),
    ],
)
def test_the_week_starts_on_the_day_the_browsers_region_starts_it(accept_language, starts_on):
    assert first_weekday(accept_language) == starts_on


def test_no_month_named_is_this_month():
    assert month_asked_for(None, TODAY) == (NOVEMBER, True)
    assert month_asked_for("", TODAY) == (NOVEMBER, True)


def test_a_month_named_in_the_link_is_that_month():
    assert month_asked_for("2024-02", TODAY) == (date(2024, 2, 1), True)


@pytest.mark.parametrize(
    "odd", ["2026-13", "2026-00", "0000-05", "November", "2026-1", "2026-11-02"]
)
def test_a_month_that_cannot_be_read_is_this_month_and_says_so(odd):
    assert month_asked_for(odd, TODAY) == (NOVEMBER, False)


def test_a_monday_first_month_leaves_the_days_before_the_first_blank(db, user):
    month = month_calendar(user, NOVEMBER, TODAY, MONDAY)
    assert [weekday.name for weekday in month.weekdays][:2] == ["Monday", "Tuesday"]
    assert month.weeks[0][:6] == [None] * 6
    assert month.weeks[0][6].day == NOVEMBER
    assert all(len(week) == 7 for week in month.weeks)
    assert [cell.day.day for cell in month.days] == list(range(1, 31))


def test_a_sunday_first_month_starts_its_first_row_with_the_first(db, user):
    month = month_calendar(user, NOVEMBER, TODAY, SUNDAY)
    assert month.weekdays[0].name == "Sunday" and month.weekdays[0].short == "Sun"
    assert month.weeks[0][0].day == NOVEMBER
    assert month.weeks[-1][1].day == date(2026, 11, 30)
    assert month.weeks[-1][2:] == [None] * 5


def test_today_is_marked_and_the_answer_window_can_be_opened(db, user):
    month = month_calendar(user, NOVEMBER, TODAY)
    by_day = {cell.day: cell for cell in month.days}
    assert [cell.day for cell in month.days if cell.is_today] == [TODAY]
    answerable = [cell.day.day for cell in month.days if cell.answerable]
    assert answerable == list(range(20, 27))
    assert not by_day[date(2026, 11, 27)].answerable


def test_the_months_either_side_go_across_the_year(db, user):
    december = month_calendar(user, date(2026, 12, 1), TODAY)
    assert (december.previous, december.next) == (NOVEMBER, date(2027, 1, 1))
    january = month_calendar(user, date(2027, 1, 1), TODAY)
    assert january.previous == date(2026, 12, 1)
    assert january.is_after_this_month and not january.is_this_month


def _day(user, day):
    month = month_calendar(user, day.replace(day=1), TODAY)
    return next(cell for cell in month.days if cell.day == day)


def _answer(user, day, *outcomes):
    for outcome in outcomes:
        promise = PromiseFactory(user=user, starts_on=day - timedelta(days=30))
        CheckInFactory(promise=promise, day=day, outcome=outcome)


@pytest.mark.parametrize(
    ("outcomes", "fill"),
    [
        ((Outcome.KEPT, Outcome.KEPT), "all"),
        ((Outcome.KEPT, Outcome.KEPT, Outcome.NOT_THIS_TIME), "most"),
        ((Outcome.PARTLY,), "most"),
        ((Outcome.KEPT, Outcome.NOT_THIS_TIME, Outcome.NOT_THIS_TIME), "some"),
        ((Outcome.KEPT, Outcome.LET_GO), "all"),
        ((Outcome.NOT_THIS_TIME,), ""),
        ((Outcome.LET_GO,), ""),
        ((), ""),
    ],
)
def test_a_day_fills_softly_as_more_was_kept_and_never_for_letting_go(db, user, outcomes, fill):
    day = date(2026, 11, 10)
    _answer(user, day, *outcomes)
    assert _day(user, day).fill == fill


def test_a_day_counts_its_answers_by_outcome(db, user):
    day = date(2026, 11, 12)
    _answer(user, day, Outcome.KEPT, Outcome.KEPT, Outcome.PARTLY, Outcome.LET_GO)
    answers = _day(user, day).answers
    assert (answers.kept, answers.partly, answers.not_this_time, answers.let_go) == (2, 1, 0, 1)
    assert (answers.counted, answers.answered) == (3, 4)


def test_a_day_holds_its_mood_and_energy(db, user):
    day = date(2026, 11, 3)
    DailyCheckFactory(user=user, day=day, mood=Mood.LOW, energy=None)
    check = _day(user, day).check
    assert (check.get_mood_display(), check.energy) == ("Low", None)


def test_someone_elses_answers_and_checks_never_appear(db, user, other_user):
    day = date(2026, 11, 5)
    _answer(other_user, day, Outcome.KEPT)
    DailyCheckFactory(user=other_user, day=day, mood=Mood.GOOD, energy=Energy.LIVELY)
    cell = _day(user, day)
    assert (cell.answers.answered, cell.check) == (0, None)


def test_the_months_around_it_are_left_out(db, user):
    _answer(user, date(2026, 10, 31), Outcome.KEPT)
    _answer(user, date(2026, 12, 1), Outcome.KEPT)
    DailyCheckFactory(user=user, day=date(2026, 12, 1))
    month = month_calendar(user, NOVEMBER, TODAY)
    assert month.days_answered == 0 and month.days_checked == 0


def test_a_month_is_two_queries_however_much_it_holds(db, user, django_assert_num_queries):
    for offset in range(30):
        day = NOVEMBER + timedelta(days=offset)
        _answer(user, day, Outcome.KEPT)
        DailyCheckFactory(user=user, day=day)
    with django_assert_num_queries(2):
        month = month_calendar(user, NOVEMBER, TODAY)
        assert month.days_answered == 30 and month.days_checked == 30


def test_the_last_month_a_date_can_hold_has_no_next(db, user):
    month = month_calendar(user, date(9999, 12, 1), TODAY)
    assert month.next is None and month.days[-1].day == date(9999, 12, 31)
    assert month_calendar(user, date(1, 1, 1), TODAY).previous is None
