from datetime import date, timedelta

import pytest

from selftrust.promises.models import Promise, Status
from selftrust.promises.strength import MULTIPLIER
from selftrust.promises.track_record import build_track_record, kept_share, track_record_for
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


def test_weekly_chart_has_fourteen_points_ending_today_with_gaps_before_any_answer():
    record = build_track_record([make_promise(1)], {1: [(ago(20), "kept")]}, TODAY)
    days = [day for day, _value in record.weekly_strength]
    assert days[-1] == TODAY
    assert len(days) == 14
    values = [value for _day, value in record.weekly_strength]
    assert values[0] is None
    assert values[-1] == pytest.approx(1 - MULTIPLIER)


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
