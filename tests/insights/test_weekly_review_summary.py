import zoneinfo
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from selftrust.insights.models import DailyCheck, Energy, Mood
from selftrust.insights.weekly_review import (
    MIN_DAYS_EACH_SIDE,
    MIN_DAYS_WITH_BOTH,
    connections,
    enough_to_connect,
    week_summary,
)
from selftrust.practices.catalog import PRACTICES
from selftrust.promises.models import CheckIn, Outcome, Promise, Schedule, Status
from tests.factories import CheckInFactory, EntryFactory, PromiseFactory
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db


# --- the one rule for linking two things ----------------------------------------------------


def test_the_rule_asks_for_two_weeks_of_days_with_both_answers():
    assert MIN_DAYS_WITH_BOTH == 14 and MIN_DAYS_EACH_SIDE == 5
    assert enough_to_connect(7, 7)
    assert not enough_to_connect(7, 6)


def test_the_rule_asks_for_five_days_on_each_side():
    assert enough_to_connect(9, 5)
    assert not enough_to_connect(20, 4)
    assert not enough_to_connect(0, 30)


# --- the week in plain words --------------------------------------------------------------------


def _daily(user, text="Drink water", **kwargs):
    kwargs.setdefault("starts_on", user.local_today() - timedelta(days=30))
    return PromiseFactory(user=user, text=text, **kwargs)


def test_the_week_counts_each_kind_of_answer_and_the_days_left_unanswered(user):
    today = user.local_today()
    water = _daily(user)
    outcomes = [Outcome.KEPT, Outcome.KEPT, Outcome.PARTLY, Outcome.NOT_THIS_TIME, Outcome.LET_GO]
    for offset, outcome in enumerate(outcomes):
        CheckInFactory(promise=water, day=today - timedelta(days=offset), outcome=outcome)
    summary = week_summary(user, today)
    assert (summary.kept, summary.partly, summary.not_this_time, summary.let_go) == (2, 1, 1, 1)
    assert summary.unanswered == 2  # seven days asked, five answered
    assert summary.promise_counts == [
        (2, "kept"),
        (1, "partly"),
        (1, "not_this_time"),
        (1, "let_go"),
        (2, "unanswered"),
    ]
    assert (summary.first_day, summary.last_day) == (today - timedelta(days=6), today)


def test_only_the_days_a_promise_asks_for_count_as_unanswered(user):
    today = user.local_today()
    _daily(user, schedule=Schedule.WEEKDAYS, weekdays=[today.weekday()])
    _daily(user, text="Resting", status=Status.PAUSED)
    _daily(user, text="Starts tomorrow", starts_on=today + timedelta(days=1))
    assert week_summary(user, today).unanswered == 1


def test_answers_outside_the_seven_days_are_left_out(user):
    today = user.local_today()
    water = _daily(user)
    CheckInFactory(promise=water, day=today - timedelta(days=7), outcome=Outcome.KEPT)
    CheckInFactory(promise=water, day=today + timedelta(days=1), outcome=Outcome.KEPT)
    assert week_summary(user, today).kept == 0


def test_a_week_with_nothing_asked_says_so(user):
    summary = week_summary(user, user.local_today())
    assert not summary.anything_asked and summary.promise_counts == []
    assert summary.mood.days == 0 and summary.practices == []


def test_the_mood_and_energy_range_is_in_the_words_chosen(user):
    today = user.local_today()
    DailyCheckFactory(user=user, day=today, mood=Mood.GOOD, energy=None)
    DailyCheckFactory(user=user, day=today - timedelta(days=2), mood=Mood.LOW, energy=Energy.LOW)
    DailyCheckFactory(user=user, day=today - timedelta(days=9), mood=Mood.VERY_LOW)
    summary = week_summary(user, today)
    assert (summary.mood.days, summary.mood.lowest, summary.mood.highest) == (2, "Low", "Good")
    assert (summary.energy.days, summary.energy.same, summary.energy.lowest) == (1, True, "Low")


def test_practices_done_are_named_with_how_often(user):
    now = timezone.now()
    EntryFactory(user=user, practice="grounding", created_at=now)
    EntryFactory(user=user, practice="grounding", created_at=now - timedelta(days=2))
    EntryFactory(user=user, practice="win", created_at=now - timedelta(days=1))
    EntryFactory(user=user, practice="win", created_at=now - timedelta(days=10))
    EntryFactory(user=user, practice="win", created_at=now, deleted_at=now)
    summary = week_summary(user, user.local_today())
    assert [(done.name, done.times) for done in summary.practices] == [
        (PRACTICES["grounding"].name, 2),
        (PRACTICES["win"].name, 1),
    ]
    assert summary.practice_entries == 3


def test_the_seven_days_are_the_persons_own_days(user):
    user.time_zone = "Pacific/Auckland"
    user.save()
    today = user.local_today()
    zone = zoneinfo.ZoneInfo("Pacific/Auckland")
    just_after_midnight = datetime.combine(today - timedelta(days=6), time(0, 30), tzinfo=zone)
    just_before = just_after_midnight - timedelta(hours=1)
    EntryFactory(user=user, practice="win", created_at=just_after_midnight)
    EntryFactory(user=user, practice="win", created_at=just_before)
    assert week_summary(user, today).practice_entries == 1


def test_someone_elses_week_never_counts(user, other_user):
    today = user.local_today()
    CheckInFactory(promise=_daily(other_user), day=today, outcome=Outcome.KEPT)
    DailyCheckFactory(user=other_user, day=today, mood=Mood.GOOD)
    EntryFactory(user=other_user, practice="win", created_at=timezone.now())
    summary = week_summary(user, today)
    assert (summary.kept, summary.mood.days, summary.practice_entries) == (0, 0, 0)


def _history(user, days: int) -> None:
    today = user.local_today()
    start = today - timedelta(days=days - 1)
    promises = [_daily(user, text=f"Promise {n}", starts_on=start) for n in range(3)]
    CheckIn.objects.bulk_create(
        CheckIn(
            promise=promise,
            day=start + timedelta(days=offset),
            outcome=Outcome.values[offset % 4],
        )
        for promise in promises
        for offset in range(days)
    )
    DailyCheck.objects.bulk_create(
        DailyCheck(user=user, day=start + timedelta(days=offset), mood=1 + offset % 5, energy=2)
        for offset in range(days)
    )


def test_the_summary_asks_four_queries_for_a_month_or_ten_years(
    user, other_user, django_assert_num_queries
):
    _history(user, 30)
    _history(other_user, 3650)
    assert Promise.objects.filter(user=other_user).count() == 3
    for person in (user, other_user):
        with django_assert_num_queries(4):
            week_summary(person, person.local_today())


# --- what may link two things -------------------------------------------------------------------


def _day_of(user, offset, *, energy, mood, outcomes):
    today = user.local_today()
    day = today - timedelta(days=offset)
    DailyCheckFactory(user=user, day=day, energy=energy, mood=mood)
    for index, outcome in enumerate(outcomes):
        promise = Promise.objects.filter(user=user, text=f"P{index}").first() or _daily(
            user, text=f"P{index}", starts_on=today - timedelta(days=120)
        )
        CheckInFactory(promise=promise, day=day, outcome=outcome)


def _by_measure(user):
    return {link.measure: link for link in connections(user, user.local_today())}


def test_with_enough_days_higher_energy_days_show_how_much_was_kept(user):
    for offset in range(8):
        _day_of(user, offset, energy=Energy.LIVELY, mood=Mood.OKAY, outcomes=[Outcome.KEPT] * 2)
    for offset in range(8, 14):
        outcomes = [Outcome.KEPT, Outcome.NOT_THIS_TIME]
        _day_of(user, offset, energy=Energy.DRAINED, mood=Mood.OKAY, outcomes=outcomes)
    energy = _by_measure(user)["energy"]
    assert energy.enough and energy.direction == "more"
    assert (energy.higher.days, energy.higher.answers, energy.higher.percent) == (8, 16, 100)
    assert (energy.lower.days, energy.lower.answers, energy.lower.percent) == (6, 12, 50)
    assert energy.higher.words == "Steady or Lively"
    assert energy.lower.words == "Drained or Low"


def test_a_small_gap_is_about_the_same(user):
    for offset in range(14):
        energy = Energy.STEADY if offset % 2 else Energy.LOW
        outcomes = [Outcome.KEPT] * 9 + [Outcome.NOT_THIS_TIME] if offset == 0 else [Outcome.KEPT]
        _day_of(user, offset, energy=energy, mood=Mood.GOOD, outcomes=outcomes)
    energy = _by_measure(user)["energy"]
    assert energy.enough and energy.direction == "same"


def test_with_too_few_days_on_one_side_nothing_is_linked(user):
    for offset in range(16):
        energy = Energy.LOW if offset < 4 else Energy.STEADY
        _day_of(user, offset, energy=energy, mood=Mood.GOOD, outcomes=[Outcome.KEPT])
    by_measure = _by_measure(user)
    assert by_measure["energy"].days_with_both == 16 and not by_measure["energy"].enough
    assert by_measure["mood"].lower.days == 0 and not by_measure["mood"].enough


def test_days_with_only_letting_go_or_no_check_are_not_counted(user):
    _day_of(user, 0, energy=Energy.STEADY, mood=None, outcomes=[Outcome.LET_GO])
    _day_of(user, 1, energy=None, mood=Mood.LOW, outcomes=[Outcome.KEPT])
    CheckInFactory(
        promise=Promise.objects.get(user=user, text="P0"),
        day=user.local_today() - timedelta(days=2),
        outcome=Outcome.KEPT,
    )
    by_measure = _by_measure(user)
    assert by_measure["energy"].days_with_both == 0
    assert by_measure["mood"].days_with_both == 1 and by_measure["mood"].lower.days == 1


def test_links_look_back_ninety_days_and_no_further(user):
    _day_of(user, 90, energy=Energy.STEADY, mood=Mood.GOOD, outcomes=[Outcome.KEPT])
    _day_of(user, 89, energy=Energy.STEADY, mood=Mood.GOOD, outcomes=[Outcome.KEPT])
    assert _by_measure(user)["energy"].days_with_both == 1


def test_the_links_ask_two_queries_for_a_month_or_ten_years(
    user, other_user, django_assert_num_queries
):
    _history(user, 30)
    _history(other_user, 3650)
    for person in (user, other_user):
        with django_assert_num_queries(2):
            connections(person, person.local_today())
