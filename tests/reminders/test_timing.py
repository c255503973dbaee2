from datetime import UTC, date, datetime, time

import pytest

from selftrust.reminders.timing import delivery_time, in_quiet_hours, moment_of, zone_of


@pytest.mark.parametrize(
    "moment, quiet",
    [
        (time(22, 0), True),
        (time(23, 59), True),
        (time(0, 0), True),
        (time(7, 59), True),
        (time(8, 0), False),
        (time(12, 0), False),
        (time(21, 59), False),
    ],
)
def test_quiet_hours_can_cross_midnight(moment, quiet):
    assert in_quiet_hours(moment, time(22, 0), time(8, 0)) is quiet


def test_no_quiet_hours_when_either_end_is_missing_or_both_are_the_same():
    assert not in_quiet_hours(time(23, 0), None, time(8, 0))
    assert not in_quiet_hours(time(23, 0), time(22, 0), None)
    assert not in_quiet_hours(time(23, 0), time(22, 0), time(22, 0))


def test_a_reminder_in_quiet_hours_goes_at_their_end_only_if_that_is_the_same_day():
    assert delivery_time(time(7, 0), time(22, 0), time(8, 0)) == time(8, 0)
    assert delivery_time(time(23, 0), time(22, 0), time(8, 0)) is None
    assert delivery_time(time(12, 0), time(22, 0), time(8, 0)) == time(12, 0)


def test_a_local_time_becomes_the_right_utc_moment_on_both_sides_of_a_change():
    berlin = zone_of("Europe/Berlin")
    assert moment_of(date(2026, 10, 24), time(17, 30), berlin) == datetime(
        2026, 10, 24, 15, 30, tzinfo=UTC
    )
    assert moment_of(date(2026, 10, 25), time(17, 30), berlin) == datetime(
        2026, 10, 25, 16, 30, tzinfo=UTC
    )


def test_an_unknown_time_zone_is_read_as_utc():
    assert zone_of("Nowhere/Land").key == "UTC"
