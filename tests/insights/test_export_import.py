import copy

import pytest

from selftrust.accounts.export import export_for
from selftrust.accounts.export_csv import csv_tables
from selftrust.accounts.importing import ImportRefused, import_export
from selftrust.insights.models import DailyCheck, Energy, Mood
from tests.factories import PromiseFactory, UserFactory
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(user):
    PromiseFactory(user=user, text="Walk to the corner")
    DailyCheckFactory(user=user, mood=Mood.LOW, energy=Energy.LIVELY, note="=1+1 is a note")
    return export_for(user)


def test_the_export_holds_each_day_in_numbers_and_words(exported, user):
    (check,) = exported["daily_checks"]
    assert check == {
        "date": user.local_today().isoformat(),
        "mood": 2,
        "mood_words": "Low",
        "energy": 4,
        "energy_words": "Lively",
        "note": "=1+1 is a note",
    }


def test_the_spreadsheets_have_a_row_a_day_with_formulas_disarmed(exported):
    header, row = csv_tables(exported)["daily-checks.csv"]
    assert header == ["date", "mood", "mood_words", "energy", "energy_words", "note"]
    assert row[1:] == ["2", "Low", "4", "Lively", "'=1+1 is a note"]


def test_daily_checks_come_back_in_a_new_account(exported):
    newcomer = UserFactory()
    summary = import_export(newcomer, exported)
    check = DailyCheck.objects.get(user=newcomer)
    assert (check.mood, check.energy, check.note) == (2, 4, "=1+1 is a note")
    assert "1 daily check-in" in summary.in_words()


def test_a_mood_that_is_not_a_step_refuses_the_whole_file(exported):
    broken = copy.deepcopy(exported)
    broken["daily_checks"][0]["mood"] = 7
    newcomer = UserFactory()
    with pytest.raises(ImportRefused) as refused:
        import_export(newcomer, broken)
    assert any("Choose one of the words for mood." in p for p in refused.value.problems)
    assert not DailyCheck.objects.filter(user=newcomer).exists()
    assert not newcomer.promises.exists()


def test_two_checks_for_one_day_refuse_the_file(exported):
    doubled = copy.deepcopy(exported)
    doubled["daily_checks"].append(dict(doubled["daily_checks"][0]))
    with pytest.raises(ImportRefused) as refused:
        import_export(UserFactory(), doubled)
    assert any("already a daily check-in for that day" in p for p in refused.value.problems)


def test_a_check_with_neither_mood_nor_energy_refuses_the_file(exported):
    empty = copy.deepcopy(exported)
    empty["daily_checks"][0].update(mood=None, energy=None)
    with pytest.raises(ImportRefused):
        import_export(UserFactory(), empty)


def test_a_field_the_check_does_not_know_refuses_the_file(exported):
    odd = copy.deepcopy(exported)
    odd["daily_checks"][0]["sleep"] = 3
    with pytest.raises(ImportRefused) as refused:
        import_export(UserFactory(), odd)
    assert any("“sleep”" in p for p in refused.value.problems)


def test_an_account_with_a_daily_check_is_not_empty(exported):
    someone = UserFactory()
    DailyCheckFactory(user=someone)
    with pytest.raises(ImportRefused, match="1 daily check-in"):
        import_export(someone, exported)
