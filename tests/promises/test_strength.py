from datetime import date, timedelta

import pytest

from selftrust.promises.strength import MULTIPLIER, next_strength, strength, strength_series

START = date(2026, 1, 1)


def days(outcomes):
    return [(START + timedelta(days=i), outcome) for i, outcome in enumerate(outcomes)]


def test_one_kept_day_moves_strength_by_one_step_of_loops_average():
    assert strength(days(["kept"])) == pytest.approx(1 - MULTIPLIER)


def test_strength_grows_with_each_kept_day():
    series = [value for _day, value in strength_series(days(["kept"] * 30))]
    assert all(later > earlier for earlier, later in zip(series, series[1:]))
    assert 0 < series[-1] < 1


def test_strength_reaches_about_half_after_thirteen_kept_days():
    # Loop Habit Tracker's multiplier halves the distance to 1 every 13 days.
    assert strength(days(["kept"] * 13)) == pytest.approx(0.5, abs=0.001)


def test_one_missed_day_fades_strength_slowly_and_never_to_zero():
    before = strength(days(["kept"] * 60))
    after = strength(days(["kept"] * 60 + ["not_this_time"]))
    assert after == pytest.approx(before * MULTIPLIER)
    assert after > 0.9 * before


def test_let_go_kindly_leaves_strength_as_it_was():
    assert strength(days(["kept"] * 10 + ["let_go"])) == strength(days(["kept"] * 10))


def test_partly_counts_half():
    assert next_strength(0.0, "partly") == pytest.approx((1 - MULTIPLIER) / 2)


def test_strength_stays_between_zero_and_one():
    long_run = strength(days(["kept"] * 3650))
    assert 0.999 < long_run <= 1.0
    assert strength(days(["not_this_time"] * 100)) == 0.0


def test_no_answers_means_no_strength_yet():
    assert strength([]) == 0.0
    assert strength_series([]) == []
