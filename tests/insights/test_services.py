from datetime import timedelta

import pytest

from selftrust.insights import services
from selftrust.insights.models import Mood
from tests.factories import UserFactory
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db


def test_recent_checks_are_the_persons_own_oldest_first(user):
    today = user.local_today()
    for offset in (1, 3, 10):
        DailyCheckFactory(user=user, day=today - timedelta(days=offset))
    DailyCheckFactory(user=UserFactory(), day=today - timedelta(days=1))
    found = services.recent_checks(user, since=today - timedelta(days=5))
    assert [check.day for check in found] == [today - timedelta(days=3), today - timedelta(1)]


def test_the_check_for_a_day_is_none_when_nothing_was_said(user):
    assert services.check_for(user, user.local_today()) is None
    made = DailyCheckFactory(user=user, mood=Mood.GOOD)
    assert services.check_for(user, user.local_today()) == made


def test_a_check_reads_in_words_as_well_as_numbers(user):
    check = DailyCheckFactory(user=user, mood=Mood.VERY_LOW, energy=None)
    shape = services.as_dict(check)
    assert shape["mood"] == 1 and shape["mood_words"] == "Very low"
    assert shape["energy"] is None and shape["energy_words"] is None
