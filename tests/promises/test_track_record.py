from datetime import date, timedelta

import pytest

from selftrust.promises.models import Promise, Status
from selftrust.promises.strength import MULTIPLIER
from selftrust.promises.track_record import (
    STRENGTH_MEANING,
    build_track_record,
    kept_share,
    track_record_for,
)
from tests.factories import CheckInFactory, PromiseFactory

TODAY = date(2026, 11, 25)


def ago(days):
    return TODAY - timedelta(days=days)


def test_kept_share_counts_partly_as_half_and_leaves_out_let_go():
    answers = [(ago(0), "kept"), (ago(1), "partly"), (ago(2), "not_this_time"), (ago(3), "let_go")]
    share = kept_share(answers, ago(6), TODAY)
    assert share.answered == 3
    assert share.share == pytest.approx(1.5 / 3)
    assert share.percent == 50


def test_kept_share_only_looks_inside_its_window():
    answers = [(ago(10), "not_this_time"), (ago(1), "kept")]
    assert kept_share(answers, ago(6), TODAY).share == 1.0
    assert kept_share(answers, ago(29), TODAY).share == 0.5


def test_a_window_with_no_answers_has_no_share_rather_than_zero():
    share = kept_share([(ago(40), "kept")], ago(6), TODAY)
    assert share.share is None
    assert share.percent is None


def test_only_let_go_answers_leave_the_share_empty():
    assert kept_share([(ago(0), "let_go")], ago(6), TODAY).share is None


def make_promise(pk, status=Status.ACTIVE):
    return Promise(pk=pk, text=f"Promise {pk}", status=status, starts_on=ago(100))


def test_overall_record_combines_every_promise():
    promises = [make_promise(1), make_promise(2)]
    answers = {1: [(ago(1), "kept"), (ago(0), "kept")], 2: [(ago(0), "not_this_time")]}
    record = build_track_record(promises, answers, TODAY)
    assert record.kept[7].answered == 3
    assert record.kept[7].share == pytest.approx(2 / 3)
    first, second = record.promises
    assert first.strength == pytest.approx((1 - MULTIPLIER) * MULTIPLIER + (1 - MULTIPLIER))
    assert second.strength == 0.0
    assert record.strength == pytest.approx((first.strength + second.strength) / 2)


def test_archived_promises_keep_their_history_but_leave_overall_strength():
    promises = [make_promise(1), make_promise(2, status=Status.ARCHIVED)]
    answers = {1: [(ago(0), "kept")], 2: [(ago(0), "not_this_time")]}
    record = build_track_record(promises, answers, TODAY)
    assert record.kept[7].answered == 2
    assert record.strength == pytest.approx(1 - MULTIPLIER)


def test_two_weeks_of_answers_fill_the_chart_a_point_a_day():
    answers = [(ago(days), "kept") for days in range(13, -1, -1)]
    record = build_track_record([make_promise(1)], {1: answers}, TODAY)
    days = [day for day, _value in record.strength_over_time]
    assert days[0] == ago(13) and days[-1] == TODAY
    assert len(days) == 14
    assert record.strength_over_time[0][1] == pytest.approx(1 - MULTIPLIER)


def test_the_chart_starts_at_the_first_answer_whatever_the_promise_s_age():
    # The promise began a year ago; the first answer came three weeks ago.
    record = build_track_record([make_promise(1)], {1: [(ago(20), "kept")]}, TODAY)
    assert record.axis.start == ago(20)
    values = [value for _day, value in record.strength_over_time]
    assert values[0] == pytest.approx(1 - MULTIPLIER)
    assert values[-1] == values[0]  # no answer since: strength stays, never decays to zero


def test_a_long_record_shows_a_point_a_week_within_the_chosen_range():
    answers = [(ago(days), "kept") for days in range(399, -1, -1)]
    record = build_track_record([make_promise(1)], {1: answers}, TODAY, longest=91)
    assert record.axis.step == 7
    assert len(record.strength_over_time) == 13
    # Strength built from all 400 days, not only the 91 shown.
    assert record.strength_over_time[0][1] > 0.99


def test_each_point_keeps_the_share_of_the_week_up_to_it():
    answers = [(ago(days), "kept" if days % 2 else "not_this_time") for days in range(30)]
    answers.sort()
    record = build_track_record([make_promise(1)], {1: answers}, TODAY)
    for point in record.over_time:
        expected = kept_share(answers, point.day - timedelta(days=6), point.day)
        assert point.kept == expected


def test_periods_that_hold_every_answer_are_left_out():
    def periods(first_answer_days_ago):
        record = build_track_record(
            [make_promise(1)], {1: [(ago(first_answer_days_ago), "kept")]}, TODAY
        )
        return [period.key for period in record.periods]

    assert periods(3) == ["all"]
    assert periods(10) == ["week", "all"]
    assert periods(40) == ["week", "month", "all"]


def test_since_you_began_counts_every_answer_and_kept_times_only_grow():
    answers = [(ago(50), "kept"), (ago(40), "partly"), (ago(2), "kept"), (ago(1), "let_go")]
    record = build_track_record([make_promise(1)], {1: answers}, TODAY)
    assert record.first_day == ago(50)
    assert record.in_periods["all"].answered == 3
    assert record.in_periods["all"].share == pytest.approx(2.5 / 3)
    assert (record.kept_times, record.partly_times) == (2, 1)
    row, shares = record.promise_rows[0]
    assert [share.answered for share in shares] == [1, 1, 3]


def test_the_api_s_windows_are_kept_as_they_were():
    record = build_track_record(
        [make_promise(1)], {1: [(ago(60), "kept"), (ago(0), "kept")]}, TODAY
    )
    assert set(record.kept) == {7, 30, 90}
    assert record.kept[90].answered == 2 and record.kept[30].answered == 1


def test_strength_is_explained_in_one_plain_sentence():
    meaning = str(STRENGTH_MEANING)
    assert meaning.count(". ") == 0 and meaning.endswith(".")
    assert "13 kept days" in meaning


def test_no_answers_means_no_overall_strength():
    record = build_track_record([make_promise(1)], {}, TODAY)
    assert record.strength is None
    assert not record.has_answers


@pytest.mark.django_db
def test_track_record_for_reads_only_the_persons_own_answers(user, other_user):
    mine = PromiseFactory(user=user, starts_on=user.local_today() - timedelta(days=5))
    CheckInFactory(promise=mine, day=user.local_today(), outcome="kept")
    theirs = PromiseFactory(user=other_user)
    CheckInFactory(promise=theirs, outcome="not_this_time")
    record = track_record_for(user, user.local_today())
    assert [p.id for p in record.promises] == [mine.pk]
    assert record.kept[7].share == 1.0


@pytest.mark.django_db
def test_cached_record_is_refreshed_when_an_answer_changes(user):
    promise = PromiseFactory(user=user)
    today = user.local_today()
    assert track_record_for(user, today).kept[7].answered == 0
    CheckInFactory(promise=promise, day=today)
    user.note_record_changed()
    assert track_record_for(user, today).kept[7].answered == 1
