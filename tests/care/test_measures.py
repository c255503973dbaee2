"""Changes in a questionnaire total, marked by published thresholds (care/measures.py)."""

from datetime import date

import pytest

from selftrust.care.measures import THRESHOLDS, TRACKED, change_between

FIRST = date(2026, 9, 1)
LATEST = date(2026, 11, 1)


def change(slug, first, latest, taken=2):
    return change_between(slug, first, FIRST, latest, LATEST, taken=taken)


def test_every_tracked_instrument_has_thresholds_with_a_source():
    for slug in TRACKED:
        assert THRESHOLDS[slug].reliable > 0
        assert THRESHOLDS[slug].source


@pytest.mark.parametrize(
    ("slug", "first", "latest", "reliable"),
    [
        ("phq-9", 15, 10, False),  # 5 points: inside the PHQ-9's measurement error
        ("phq-9", 15, 9, True),  # 6 points: reliable
        ("phq-9", 9, 15, True),  # either way
        ("gad-7", 12, 9, False),
        ("gad-7", 12, 8, True),
        ("pcl-5", 40, 36, False),
        ("pcl-5", 40, 35, True),
    ],
)
def test_a_change_is_reliable_from_the_published_number_of_points(slug, first, latest, reliable):
    assert change(slug, first, latest).reliable is reliable


def test_phq9_improvement_is_clinically_meaningful_when_it_leaves_the_clinical_range_reliably():
    assert change("phq-9", 14, 8).meaningful  # from 10 or more to below 10, by 6
    assert not change("phq-9", 20, 12).meaningful  # reliable, but still 10 or more
    assert not change("phq-9", 12, 9).meaningful  # below 10, but only 3 points


def test_gad7_improvement_is_clinically_meaningful_when_it_leaves_the_clinical_range_reliably():
    assert change("gad-7", 11, 7).meaningful
    assert not change("gad-7", 7, 3).meaningful  # started below the clinical range


def test_pcl5_improvement_of_ten_points_is_clinically_meaningful():
    assert change("pcl-5", 50, 40).meaningful
    assert not change("pcl-5", 50, 41).meaningful


def test_a_rise_is_never_called_an_improvement():
    rise = change("pcl-5", 30, 45)
    assert rise.reliable and not rise.meaningful
    assert rise.mark == "reliable change, higher"


def test_the_marks_read_as_plain_words():
    assert change("phq-9", 14, 8).mark == "clinically meaningful improvement"
    assert change("phq-9", 25, 18).mark == "reliable improvement"
    assert change("phq-9", 12, 10).mark == ""


def test_a_single_result_has_no_change_to_mark():
    only = change("phq-9", 20, 20, taken=1)
    assert not only.has_earlier
    assert not only.reliable and not only.meaningful


def test_an_instrument_without_published_thresholds_is_never_marked():
    who5 = change("who-5", 5, 20)
    assert not who5.reliable and not who5.meaningful and who5.mark == ""
