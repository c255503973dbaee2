from datetime import date, timedelta

from selftrust.promises.models import Promise, Schedule, Status
from selftrust.promises.schedule import answer_window, describe, due_on, is_due_on, next_due_on

MONDAY = date(2026, 11, 23)


def promise(**kwargs):
    defaults = {"text": "Rest", "schedule": Schedule.DAILY, "weekdays": [], "starts_on": MONDAY}
    return Promise(**{**defaults, **kwargs})


def test_daily_promise_is_due_every_day_from_its_start():
    daily = promise()
    assert is_due_on(daily, MONDAY)
    assert is_due_on(daily, MONDAY + timedelta(days=5))
    assert not is_due_on(daily, MONDAY - timedelta(days=1))


def test_weekday_promise_is_due_only_on_chosen_days():
    mon_wed = promise(schedule=Schedule.WEEKDAYS, weekdays=[0, 2])
    assert is_due_on(mon_wed, MONDAY)
    assert not is_due_on(mon_wed, MONDAY + timedelta(days=1))
    assert is_due_on(mon_wed, MONDAY + timedelta(days=2))


def test_once_promise_is_due_only_on_its_day():
    once = promise(schedule=Schedule.ONCE, due_date=MONDAY + timedelta(days=3))
    assert not is_due_on(once, MONDAY)
    assert is_due_on(once, MONDAY + timedelta(days=3))


def test_paused_and_archived_promises_ask_nothing():
    assert not is_due_on(promise(status=Status.PAUSED), MONDAY)
    assert not is_due_on(promise(status=Status.ARCHIVED), MONDAY)


def test_due_on_keeps_only_what_is_due():
    daily, weekend = promise(), promise(schedule=Schedule.WEEKDAYS, weekdays=[5, 6])
    assert due_on([daily, weekend], MONDAY) == [daily]


def test_answer_window_is_today_and_the_six_days_before():
    assert answer_window(MONDAY) == (MONDAY - timedelta(days=6), MONDAY)


def test_schedules_are_described_in_plain_words():
    assert describe(promise()) == "Every day"
    assert (
        describe(promise(schedule=Schedule.WEEKDAYS, weekdays=[0, 1, 2, 3, 4]))
        == "Monday to Friday"
    )
    assert describe(promise(schedule=Schedule.WEEKDAYS, weekdays=[2, 0])) == "On Monday, Wednesday"
    assert describe(promise(schedule=Schedule.ONCE, due_date=MONDAY)) == "Once, on 23 November 2026"


def test_a_daily_promise_is_next_due_tomorrow():
    assert next_due_on(promise(), MONDAY) == MONDAY + timedelta(days=1)


def test_a_daily_promise_that_starts_later_is_next_due_on_its_first_day():
    later = promise(starts_on=MONDAY + timedelta(days=9))
    assert next_due_on(later, MONDAY) == MONDAY + timedelta(days=9)


def test_a_weekday_promise_is_next_due_on_its_next_chosen_day():
    friday_and_monday = promise(schedule=Schedule.WEEKDAYS, weekdays=[0, 4])
    assert next_due_on(friday_and_monday, MONDAY) == MONDAY + timedelta(days=4)
    saturday = MONDAY + timedelta(days=5)
    assert next_due_on(friday_and_monday, saturday) == MONDAY + timedelta(days=7)


def test_a_weekday_promise_chosen_for_today_only_is_next_due_a_week_on():
    mondays = promise(schedule=Schedule.WEEKDAYS, weekdays=[0])
    assert next_due_on(mondays, MONDAY) == MONDAY + timedelta(days=7)


def test_a_once_promise_is_next_due_on_its_day_while_that_is_ahead():
    once = promise(schedule=Schedule.ONCE, due_date=MONDAY + timedelta(days=10))
    assert next_due_on(once, MONDAY) == MONDAY + timedelta(days=10)
    assert next_due_on(once, MONDAY + timedelta(days=10)) is None
    assert next_due_on(once, MONDAY + timedelta(days=11)) is None


def test_paused_and_archived_promises_have_no_next_day():
    assert next_due_on(promise(status=Status.PAUSED), MONDAY) is None
    assert next_due_on(promise(status=Status.ARCHIVED), MONDAY) is None


def test_a_weekday_promise_with_no_days_has_no_next_day():
    assert next_due_on(promise(schedule=Schedule.WEEKDAYS, weekdays=[]), MONDAY) is None
