import pytest

from selftrust.practices.reflections import (
    calibration,
    grounding_effects,
    signs_change,
    strengths_list,
    thought_changes,
)


def test_calibration_groups_decisions_by_confidence_band():
    result = calibration([(55, "yes"), (58, "no"), (75, "yes"), (95, "partly"), (90, "yes")])
    bands = {band.label: band for band in result.bands}
    assert bands["50–59 %"].decisions == 2
    assert bands["50–59 %"].served == 0.5
    assert bands["70–79 %"].served == 1.0
    assert bands["90–100 %"].served == 0.75
    assert bands["60–69 %"].served is None


def test_brier_score_follows_its_definition():
    # (0.8 - 1)^2 = 0.04 and (0.6 - 0)^2 = 0.36 -> mean 0.2
    assert calibration([(80, "yes"), (60, "no")]).brier == pytest.approx(0.2)


def test_always_fifty_fifty_earns_a_brier_score_of_a_quarter():
    assert calibration([(50, "yes"), (50, "no")]).brier == pytest.approx(0.25)


def test_cant_tell_is_left_out_of_the_score():
    result = calibration([(70, "cant_tell"), (70, "yes")])
    assert result.scored == 1
    assert result.brier == pytest.approx(0.09)


def test_no_reviews_means_no_score_rather_than_zero():
    result = calibration([])
    assert (result.scored, result.brier, result.served) == (0, None, None)


def test_thought_record_changes_show_before_and_after():
    changes = thought_changes(
        9,
        4,
        [
            {"emotion": "anxious", "before": 8, "after": 3},
            {"emotion": "sad", "before": 5, "after": None},
        ],
    )
    assert [(c.name, c.difference) for c in changes] == [
        ("Belief in the thought", -5),
        ("Anxious", -5),
        ("Sad", None),
    ]


def test_grounding_effects_put_what_helps_most_first():
    sessions = [
        {"exercise": "breathing", "before": 7, "after": 3},
        {"exercise": "breathing", "before": 6, "after": 4},
        {"exercise": "senses", "before": 5, "after": 4},
        {"exercise": "body-scan", "before": 5},  # no after: not counted
    ]
    effects = grounding_effects(sessions)
    assert [e.slug for e in effects] == ["breathing", "senses"]
    assert effects[0].times == 2
    assert effects[0].mean_change == pytest.approx(-3)


def test_signs_change_shows_direction_since_last_time():
    changes = {
        c.name: c
        for c in signs_change(
            {"reassurance": "sometimes", "intuition": "often", "over-analysing": "often"},
            {"reassurance": "often", "intuition": "sometimes", "over-analysing": "often"},
        )
    }
    assert changes["Looking for reassurance even for small choices"].direction == "less often"
    assert changes["Feeling out of touch with my gut sense"].direction == "more often"
    assert changes["Going over conversations again and again"].direction == "same"


def test_first_signs_check_has_nothing_to_compare():
    (change,) = signs_change({"reassurance": "often"}, None)
    assert change.before is None and change.direction == "same"


def test_strengths_list_grows_without_repeats():
    assert strengths_list(
        [{"strength": "Patience"}, {"strength": "patience "}, {}, {"strength": "Honesty"}]
    ) == ["Patience", "Honesty"]
