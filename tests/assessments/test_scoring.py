import pytest

from selftrust.assessments.instruments import GAD7, GSE, INSTRUMENTS, PCL5, PHQ9, ROSENBERG, WHO5
from selftrust.assessments.scoring import AnswersInvalid, keyed_value, safety_alert, score


def answers_totalling(instrument, total):
    """Raw answers (before reverse keying) whose keyed total is `total`."""
    n = len(instrument.items)
    keyed = [instrument.min_value] * n
    remaining = total - instrument.min_value * n
    for i in range(n):
        step = min(remaining, instrument.max_value - instrument.min_value)
        keyed[i] += step
        remaining -= step
    assert remaining == 0
    return [keyed_value(instrument, i + 1, v) for i, v in enumerate(keyed)]


BAND_BOUNDARIES = [
    (
        PHQ9,
        [
            (0, "Minimal"),
            (4, "Minimal"),
            (5, "Mild"),
            (9, "Mild"),
            (10, "Moderate"),
            (14, "Moderate"),
            (15, "Moderately severe"),
            (19, "Moderately severe"),
            (20, "Severe"),
            (27, "Severe"),
        ],
    ),
    (
        GAD7,
        [
            (0, "Minimal"),
            (4, "Minimal"),
            (5, "Mild"),
            (9, "Mild"),
            (10, "Moderate"),
            (14, "Moderate"),
            (15, "Severe"),
            (21, "Severe"),
        ],
    ),
    (
        PCL5,
        [
            (0, "Below the range clinicians look at more closely"),
            (30, "Below the range clinicians look at more closely"),
            (31, "Worth discussing with a clinician"),
            (80, "Worth discussing with a clinician"),
        ],
    ),
    (
        WHO5,
        [
            (0, "Worth talking to a professional about"),
            (7, "Worth talking to a professional about"),
            (8, "Low wellbeing lately"),
            (12, "Low wellbeing lately"),
            (13, "Wellbeing present"),
            (25, "Wellbeing present"),
        ],
    ),
    (
        ROSENBERG,
        [
            (0, "A harsher view of yourself"),
            (14, "A harsher view of yourself"),
            (15, "Within the usual range"),
            (25, "Within the usual range"),
            (26, "Higher self-esteem"),
            (30, "Higher self-esteem"),
        ],
    ),
]


@pytest.mark.parametrize(
    "instrument, total, band",
    [(inst, total, band) for inst, cases in BAND_BOUNDARIES for total, band in cases],
    ids=lambda v: getattr(v, "slug", str(v)),
)
def test_every_band_boundary(instrument, total, band):
    result = score(instrument, answers_totalling(instrument, total))
    assert result.total == total
    assert result.band.label == band


@pytest.mark.parametrize(
    "instrument, low, high",
    [(PHQ9, 0, 27), (GAD7, 0, 21), (PCL5, 0, 80), (WHO5, 0, 25), (ROSENBERG, 0, 30), (GSE, 10, 40)],
)
def test_minimum_and_maximum_totals(instrument, low, high):
    assert (instrument.min_total, instrument.max_total) == (low, high)
    assert score(instrument, answers_totalling(instrument, low)).total == low
    assert score(instrument, answers_totalling(instrument, high)).total == high


def test_every_instrument_has_bands_covering_every_total_or_none_at_all():
    for instrument in INSTRUMENTS.values():
        if instrument.bands:
            for total in range(instrument.min_total, instrument.max_total + 1):
                assert instrument.band_for(total) is not None, (instrument.slug, total)


@pytest.mark.parametrize("item", sorted(ROSENBERG.reverse_items))
def test_each_reverse_scored_rosenberg_item(item):
    answers = [0] * 10  # "strongly disagree" everywhere
    assert keyed_value(ROSENBERG, item, 0) == 3
    assert keyed_value(ROSENBERG, item, 3) == 0
    expected = len(ROSENBERG.reverse_items) * 3
    assert score(ROSENBERG, answers).total == expected


def test_rosenberg_reverse_items_are_the_published_key():
    assert ROSENBERG.reverse_items == {2, 5, 6, 8, 9}
    for item in (1, 3, 4, 7, 10):
        assert keyed_value(ROSENBERG, item, 3) == 3


def test_pcl5_cluster_scores_follow_dsm5_clusters():
    answers = [1] * 5 + [2] * 2 + [3] * 7 + [4] * 6
    result = score(PCL5, answers)
    assert result.subscales == {
        "Intrusions (cluster B)": 5,
        "Avoidance (cluster C)": 4,
        "Changes in thinking and mood (cluster D)": 21,
        "Changes in arousal and reactivity (cluster E)": 24,
    }
    assert result.total == sum(result.subscales.values())


def test_who5_percentage_is_raw_times_four():
    assert score(WHO5, [5, 5, 5, 5, 5]).percent == 100
    assert score(WHO5, [3, 2, 3, 2, 3]).percent == 52
    assert score(PHQ9, [0] * 9).percent is None


def test_gse_is_a_plain_sum_without_bands():
    result = score(GSE, [1, 2, 3, 4, 1, 2, 3, 4, 1, 2])
    assert result.total == 23
    assert result.band is None


@pytest.mark.parametrize("item9, alert", [(0, False), (1, True), (2, True), (3, True)])
def test_phq9_item_9_above_zero_raises_the_safety_alert(item9, alert):
    assert score(PHQ9, [0] * 8 + [item9]).safety_alert is alert


def test_safety_alert_works_on_a_partly_answered_questionnaire():
    assert safety_alert(PHQ9, [None] * 8 + [1])
    assert not safety_alert(PHQ9, [3] * 8)
    assert not safety_alert(GAD7, [3] * 7)


@pytest.mark.parametrize(
    "answers, message",
    [
        ([0] * 8, "has 9 questions; 8 answers"),
        ([0] * 10, "has 9 questions; 10 answers"),
        ([0] * 8 + [4], "Answer 9 should be a whole number from 0 to 3"),
        ([0] * 8 + [-1], "Answer 9"),
        ([0] * 8 + [1.5], "Answer 9"),
        ([0] * 8 + ["1"], "Answer 9"),
        ([0] * 8 + [True], "Answer 9"),
        ("000000000", "a list of numbers"),
    ],
)
def test_invalid_answers_are_refused_with_a_clear_message(answers, message):
    with pytest.raises(AnswersInvalid, match=message):
        score(PHQ9, answers)


def test_gse_refuses_zero_because_its_scale_starts_at_one():
    with pytest.raises(AnswersInvalid, match="from 1 to 4"):
        score(GSE, [0] * 10)


def test_item_counts_match_the_published_instruments():
    counts = {slug: len(i.items) for slug, i in INSTRUMENTS.items()}
    assert counts == {"phq-9": 9, "gad-7": 7, "pcl-5": 20, "who-5": 5, "rses": 10, "gse": 10}
