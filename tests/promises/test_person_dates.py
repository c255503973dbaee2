"""Dates and times the way the person reads them (selftrust/web/templatetags/person_dates.py)."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from selftrust.web.templatetags.person_dates import (
    date_style_for,
    format_date,
    format_datetime,
    format_time,
    next_day_in_words,
)

THURSDAY = date(2026, 11, 26)
US = date_style_for("en-US,en;q=0.9")
GB = date_style_for("en-GB,en;q=0.8")
DE = date_style_for("de-DE,de;q=0.9,en;q=0.5")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
# 23:30 in UTC: already Friday in Berlin, still Thursday evening in New York.
LATE_THURSDAY_UTC = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("style", "form", "expected"),
    [
        (US, "weekday", "Thursday, November 26"),
        (GB, "weekday", "Thursday 26 November"),
        (DE, "weekday", "Thursday 26 November"),
        (US, "day", "November 26"),
        (DE, "day", "26 November"),
        (US, "short", "Nov 26"),
        (GB, "short", "26 Nov"),
        (US, "long", "November 26, 2026"),
        (DE, "long", "26 November 2026"),
        (US, "short_year", "Nov 26, 2026"),
        (GB, "short_year", "26 Nov 2026"),
    ],
)
def test_dates_put_the_month_first_only_where_people_read_it_so(style, form, expected):
    assert format_date(THURSDAY, style, form) == expected


@pytest.mark.parametrize(("style", "expected"), [(US, "5:30 pm"), (GB, "17:30"), (DE, "17:30")])
def test_times_are_twelve_hour_in_the_us_and_twenty_four_hour_in_britain_and_germany(
    style, expected
):
    assert format_time(time(17, 30), style) == expected


def test_midnight_and_noon_read_naturally_on_a_twelve_hour_clock():
    assert format_time(time(0, 5), US) == "12:05 am"
    assert format_time(time(12, 0), US) == "12:00 pm"
    assert format_time(time(0, 5), DE) == "00:05"


def test_a_late_evening_moment_falls_on_the_person_s_own_day_across_midnight():
    assert format_date(LATE_THURSDAY_UTC, DE, "weekday", BERLIN) == "Friday 27 November"
    assert format_date(LATE_THURSDAY_UTC, US, "weekday", NEW_YORK) == "Thursday, November 26"
    assert format_date(LATE_THURSDAY_UTC, GB, "weekday", UTC) == "Thursday 26 November"


def test_a_moment_is_written_in_the_person_s_zone_and_clock():
    assert format_datetime(LATE_THURSDAY_UTC, DE, tz=BERLIN) == "27 Nov 2026, 00:30"
    assert format_datetime(LATE_THURSDAY_UTC, US, tz=NEW_YORK) == "Nov 26, 2026, 6:30 pm"
    assert format_datetime(LATE_THURSDAY_UTC, GB, tz=UTC) == "26 Nov 2026, 23:30"


@pytest.mark.parametrize(
    ("header", "month_first", "hour12"),
    [
        ("", False, False),
        ("*", False, False),
        ("en-us", True, True),
        ("en_US", True, True),
        ("fr-FR,fr;q=0.9,en-US;q=0.8", False, False),
        ("de;q=0.5,en-US;q=0.9", True, True),
        ("en-AU", False, True),
        ("en-Latn-US", True, True),
        ("en", False, False),
        ("nonsense;q=x", False, False),
    ],
)
def test_the_style_follows_the_browser_s_first_choice_of_language(header, month_first, hour12):
    style = date_style_for(header)
    assert (style.month_first, style.hour12) == (month_first, hour12)


def test_the_next_day_reads_as_tomorrow_a_weekday_or_a_date():
    assert next_day_in_words(date(2026, 11, 27), THURSDAY, DE) == "tomorrow"
    assert next_day_in_words(date(2026, 11, 28), THURSDAY, DE) == "Saturday"
    assert next_day_in_words(date(2026, 12, 2), THURSDAY, DE) == "Wednesday"
    assert next_day_in_words(date(2026, 12, 3), THURSDAY, DE) == "3 December"
    assert next_day_in_words(date(2026, 12, 3), THURSDAY, US) == "December 3"
    assert next_day_in_words(date(2027, 1, 8), THURSDAY, GB) == "8 January 2027"
