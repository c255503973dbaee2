"""Progress's rules as plain functions: the shared time axis, the ranges offered, and how each
kind of record is summed up on it."""

from datetime import date, timedelta

import pytest

from selftrust.charts import (
    TIME_RANGES,
    change_chart,
    ranges_worth_offering,
    shown_range,
    time_axis,
    time_chart,
    time_range,
)
from selftrust.insights.models import Mood
from selftrust.insights.progress import (
    feelings_evidence,
    grounding_evidence,
    rating,
    scale_evidence,
)

TODAY = date(2026, 11, 26)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


# --- the axis ---------------------------------------------------------------------------------


def test_two_weeks_of_records_fill_the_axis_a_point_a_day():
    axis = time_axis(ago(13), TODAY)
    assert (axis.start, axis.end, axis.step) == (ago(13), TODAY, 1)
    assert axis.points[0] == ago(13) and axis.points[-1] == TODAY
    assert axis.x(ago(13)) == 44 and axis.x(TODAY) == 624  # edge to edge


def test_a_first_day_of_records_still_gets_a_week():
    axis = time_axis(TODAY, TODAY)
    assert axis.start == ago(6)
    assert len(axis.points) == 7


def test_nothing_recorded_yet_is_a_week_ending_today():
    assert time_axis(None, TODAY).start == ago(6)


def test_a_longer_record_is_a_point_a_week_then_every_four_weeks():
    assert time_axis(ago(100), TODAY).step == 7
    ten_years = time_axis(ago(3650), TODAY)
    assert ten_years.step == 28
    assert len(ten_years.points) <= 131
    assert ten_years.start <= ago(3650)


def test_the_axis_starts_where_its_first_step_starts():
    axis = time_axis(ago(100), TODAY)
    assert axis.days % axis.step == 0
    assert axis.points[-1] == TODAY
    assert axis.index_of(axis.start) == 0
    assert axis.index_of(TODAY) == len(axis.points) - 1
    assert axis.index_of(axis.start - timedelta(days=1)) is None


def test_the_chosen_range_limits_how_far_back_the_axis_goes():
    axis = time_axis(ago(400), TODAY, 28)
    assert (axis.start, axis.step) == (ago(27), 1)
    # A range longer than the record changes nothing: the record fills the chart.
    assert time_axis(ago(20), TODAY, 365) == time_axis(ago(20), TODAY)


def test_five_dates_mark_the_axis_from_its_first_day_to_today():
    axis = time_axis(ago(13), TODAY)
    assert axis.tick_days[0] == ago(13) and axis.tick_days[-1] == TODAY
    assert len(axis.tick_days) == 5
    # With years in them the dates are wider, so there are four.
    assert len(time_axis(ago(800), TODAY).tick_days) == 4


def test_the_first_and_last_dates_stay_inside_the_drawing():
    chart = time_chart(time_axis(ago(13), TODAY), [("Kept", [])])
    assert [tick.anchor for tick in chart.ticks] == ["start", "middle", "middle", "middle", "end"]


def test_an_unanswered_day_breaks_the_line_instead_of_dropping_to_zero():
    axis = time_axis(ago(6), TODAY)
    series = [(day, None if day == ago(3) else 0.5) for day in axis.points]
    line = time_chart(axis, [("Mood", series)]).lines[0]
    assert line.path.count("M") == 2
    assert len(line.drawn) == 6
    assert line.dots.count("M") == 6


def test_a_value_beyond_the_scale_is_drawn_at_its_edge():
    axis = time_axis(ago(6), TODAY)
    chart = time_chart(axis, [("Feelings", [(TODAY, 80)])], low=0, high=10)
    top = chart.gridlines[-1][1]
    assert chart.lines[0].drawn[0].y == top


# --- the ranges offered -----------------------------------------------------------------------


def test_only_ranges_shorter_than_the_record_are_offered():
    assert ranges_worth_offering(None, TODAY) == []
    assert ranges_worth_offering(ago(20), TODAY) == []  # All is the only one: no choice to show
    assert [r.key for r in ranges_worth_offering(ago(60), TODAY)] == ["4w", "all"]
    assert [r.key for r in ranges_worth_offering(ago(3000), TODAY)] == ["4w", "3m", "1y", "all"]


def test_a_range_longer_than_the_record_is_shown_as_all():
    offered = ranges_worth_offering(ago(60), TODAY)
    assert shown_range(time_range("3m"), offered).key == "all"
    assert shown_range(time_range("4w"), offered).key == "4w"


def test_an_unknown_range_is_the_usual_three_months():
    assert time_range("forever") == time_range(None) == TIME_RANGES[1]


# --- ratings ----------------------------------------------------------------------------------


def test_ratings_are_read_as_stored_on_the_0_to_10_scale():
    assert rating(None) is None
    assert rating(7) == 7.0


# --- mood and energy --------------------------------------------------------------------------


def test_a_day_by_day_axis_gives_each_day_its_own_word():
    axis = time_axis(ago(6), TODAY)
    found = scale_evidence("Mood", [(ago(1), Mood.GOOD), (TODAY, Mood.LOW)], Mood.choices, axis)
    assert [p.words for p in found.points][-2:] == ["Good", "Low"]
    assert found.points[0].mean is None and found.points[0].words == ""
    assert found.answered_days == 2


def test_a_week_by_week_axis_averages_the_days_answered_only():
    axis = time_axis(ago(100), TODAY)
    days = [(TODAY, Mood.VERY_GOOD), (ago(1), Mood.OKAY)]  # both in the last week
    found = scale_evidence("Mood", days, Mood.choices, axis)
    last = found.points[-1]
    assert (last.mean, last.words, last.answered) == (4.0, "Good", 2)
    assert found.points[-2].mean is None


def test_the_word_chosen_most_often_is_named():
    axis = time_axis(ago(6), TODAY)
    days = [(ago(n), Mood.OKAY if n % 3 else Mood.LOW) for n in range(6)]
    assert scale_evidence("Mood", days, Mood.choices, axis).most_often == "Okay"


def test_no_word_is_named_when_nothing_was_chosen_more_often_than_the_rest():
    # Four days, four different moods (what QA found): none was "most often".
    axis = time_axis(ago(6), TODAY)
    days = [(ago(0), 1), (ago(1), 5), (ago(2), 2), (ago(3), 3)]
    assert scale_evidence("Mood", days, Mood.choices, axis).most_often == ""
    tied = [(ago(0), Mood.LOW), (ago(1), Mood.LOW), (ago(2), Mood.GOOD), (ago(3), Mood.GOOD)]
    assert scale_evidence("Mood", tied, Mood.choices, axis).most_often == ""


def test_a_feeling_named_once_is_not_the_one_named_most_often():
    axis = time_axis(ago(6), TODAY)
    records = [(TODAY, [{"emotion": "anxious", "before": 8}, {"emotion": "sad", "before": 6}])]
    assert feelings_evidence(records, axis).most_named == ""


def test_days_outside_the_axis_are_left_out():
    axis = time_axis(ago(6), TODAY)
    found = scale_evidence("Mood", [(ago(30), Mood.LOW)], Mood.choices, axis)
    assert not found.answered


# --- grounding and feelings -------------------------------------------------------------------


def test_grounding_averages_each_exercise_and_puts_the_biggest_drop_first():
    sessions = [
        {"exercise": "breathing", "before": 6, "after": 5},
        {"exercise": "senses", "before": 8, "after": 3},
        {"exercise": "senses", "before": 6, "after": 3},
        {"exercise": "tipp", "before": 5},  # rated once: left out
    ]
    found = grounding_evidence(sessions)
    assert [(e.name, e.times, e.before, e.after) for e in found.effects] == [
        ("5-4-3-2-1 senses", 2, 7.0, 3.0),
        ("Paced breathing", 1, 6.0, 5.0),
    ]
    assert found.sessions == 3
    assert found.effects[0].change_in_words == "4 lower"


def test_a_rise_in_distress_is_said_as_plainly_as_a_fall():
    found = grounding_evidence([{"exercise": "body-scan", "before": 4, "after": 5}])
    assert found.effects[0].change_in_words == "1 higher"


def test_no_grounding_rated_twice_means_no_grounding_part():
    assert grounding_evidence([{"exercise": "senses", "before": 7}]) is None


def test_grounding_chart_puts_before_and_after_on_one_0_to_10_scale():
    chart = change_chart([("Senses", 8, 3)], low=0, high=10)
    row = chart.rows[0]
    assert row.x_after < row.x_before
    assert [label for label, _x in chart.gridlines] == ["0", "2", "4", "6", "8", "10"]


def test_feelings_compare_first_and_second_ratings_like_with_like():
    axis = time_axis(ago(6), TODAY)
    records = [
        (TODAY, [{"emotion": "anxious", "before": 8, "after": 4}]),
        (ago(2), [{"emotion": "sad", "before": 6}, {"emotion": "anxious", "before": 9}]),
    ]
    found = feelings_evidence(records, axis)
    assert (found.records, found.feelings, found.rerated) == (2, 3, 1)
    # Only the feeling rated twice counts in "from … to …".
    assert (found.before, found.after) == (8.0, 4.0)
    assert found.most_named == "anxious"
    assert found.points[-1].before == 8.0 and found.points[-1].after == 4.0
    assert found.points[-3].before == 7.5 and found.points[-3].after is None


def test_no_thought_records_on_the_axis_means_no_feelings_part():
    axis = time_axis(ago(6), TODAY)
    assert feelings_evidence([(ago(40), [{"emotion": "sad", "before": 5}])], axis) is None


@pytest.mark.parametrize("key", [r.key for r in TIME_RANGES])
def test_every_range_keeps_the_chart_to_about_130_points_at_most(key):
    axis = time_axis(ago(3650), TODAY, time_range(key).days)
    assert len(axis.points) <= 131
