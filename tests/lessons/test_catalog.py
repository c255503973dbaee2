import re

import pytest
from django.template.loader import render_to_string

from selftrust.lessons.catalog import ALL_LESSONS, LESSONS, lesson_or_none
from tests.lessons.reading import body_text, reading_minutes, word_count

# Long enough to say something, short enough to read in about three minutes. The therapy
# overview covers seven approaches with a note on the evidence for each, and is allowed up to
# four minutes; self-compassion (backdraft, comfort without touch) and boundaries (no contact
# owed, where to get help planning safely) carry safety content the content review added.
LONGER = {"therapy-approaches": 800, "self-compassion": 500, "boundaries": 480}
MOST_WORDS = 450
FEWEST_WORDS = 150
MOST_MINUTES = {"therapy-approaches": 4}

each_lesson = pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lambda lesson: lesson.slug)


def test_slugs_are_unique_and_found_by_lesson_or_none():
    assert len(LESSONS) == len(ALL_LESSONS) == 18
    for lesson in ALL_LESSONS:
        assert lesson_or_none(lesson.slug) is lesson
    assert lesson_or_none("no-such-lesson") is None


@each_lesson
def test_related_lessons_are_other_lessons_that_exist(lesson):
    assert lesson.related, "every lesson suggests somewhere to go next"
    for slug in lesson.related:
        assert slug in LESSONS
        assert slug != lesson.slug


@each_lesson
def test_lesson_is_short_enough_to_read_in_a_few_minutes(lesson):
    words = word_count(lesson)
    assert FEWEST_WORDS <= words <= LONGER.get(lesson.slug, MOST_WORDS), words


@each_lesson
def test_stated_minutes_match_the_words_at_200_a_minute(lesson):
    assert lesson.minutes == reading_minutes(lesson), (
        f"{lesson.slug} has {word_count(lesson)} words: set minutes={reading_minutes(lesson)}"
    )
    assert 1 <= lesson.minutes <= MOST_MINUTES.get(lesson.slug, 3)


@each_lesson
def test_summary_is_one_sentence(lesson):
    assert lesson.summary.endswith(".")
    assert not re.search(r"[.?!]\s", lesson.summary)


@each_lesson
def test_no_exclamation_marks(lesson):
    assert "!" not in lesson.title + lesson.summary + body_text(lesson)


def test_therapy_lesson_says_emdr_and_imagery_work_need_a_trained_therapist():
    sentences = re.split(r"(?<=\.)\s+", body_text(LESSONS["therapy-approaches"]))

    def warns_about(topic):
        return any(
            topic in sentence
            and "trained therapist" in sentence
            and re.search(r"\balone\b|on your own", sentence)
            for sentence in sentences
        )

    assert warns_about("EMDR")
    assert warns_about("imagery")


def test_therapy_lesson_has_a_heading_for_each_approach():
    body = render_to_string(LESSONS["therapy-approaches"].body_template)
    headings = re.findall(r"<h2>(.*?)</h2>", body)
    for approach in (
        "CBT",
        "EFT",
        "EMDR",
        "Schema therapy",
        "Somatic experiencing",
        "Narrative therapy",
        "Psychoeducation",
    ):
        assert any(approach in heading for heading in headings), approach
