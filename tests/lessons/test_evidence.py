"""Every lesson says how sure the research lets us be, and where its facts come from."""

import re
from dataclasses import replace
from pathlib import Path

import pytest

from selftrust.lessons.catalog import ALL_LESSONS, EVIDENCE_LEVELS, LESSONS, Source

DOCS = Path(__file__).resolve().parents[2] / "docs" / "lessons.md"

each_lesson = pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lambda lesson: lesson.slug)


def test_the_four_labels_run_from_strong_to_idea_each_with_a_plain_meaning():
    assert list(EVIDENCE_LEVELS) == ["strong", "moderate", "emerging", "idea"]
    for label, meaning in EVIDENCE_LEVELS.values():
        assert label and meaning.endswith(".")
        assert not re.search(r"[.?!]\s", meaning), "one sentence each"


@each_lesson
def test_every_lesson_has_an_evidence_level_a_note_and_at_least_one_source(lesson):
    assert lesson.evidence in EVIDENCE_LEVELS
    assert lesson.evidence_note.endswith(".")
    assert len(lesson.sources) >= 1


@each_lesson
def test_every_source_is_cited_with_author_year_title_and_where_published(lesson):
    for source in lesson.sources:
        assert isinstance(source, Source)
        assert source.authors and source.title and source.published_in
        assert 1950 <= source.year <= 2026, source
        assert str(source).startswith(f"{source.authors} ({source.year}). {source.title}.")


def test_a_lesson_with_an_unknown_label_is_refused():
    with pytest.raises(ValueError, match="unknown evidence level"):
        replace(LESSONS["values"], evidence="certain")


def test_labels_are_honest_about_theories_and_models():
    # The window of tolerance is a clinical model, not a tested finding; the first-line
    # trauma therapies are the only lesson the guidelines back strongly.
    assert LESSONS["window-of-tolerance-and-dissociation"].evidence == "idea"
    assert LESSONS["what-is-self-trust"].evidence == "idea"
    assert LESSONS["post-traumatic-growth"].evidence == "idea"
    assert LESSONS["small-steps-and-neuroplasticity"].evidence == "idea"
    assert LESSONS["healing-is-not-linear"].evidence == "idea"
    # Their own notes say they are not tested treatments.
    assert LESSONS["mistakes-as-information"].evidence == "idea"
    assert LESSONS["deciding-without-reassurance"].evidence == "idea"
    assert [lesson.slug for lesson in ALL_LESSONS if lesson.evidence == "strong"] == [
        "therapy-approaches"
    ]


def test_self_help_versions_of_strong_therapies_are_labelled_emerging_not_moderate():
    # A core skill of a strong therapy, practised alone, has been studied less than the therapy.
    for slug in ("thinking-traps", "then-or-now"):
        assert LESSONS[slug].evidence == "emerging"
        assert "studied less" in LESSONS[slug].evidence_note


def test_healing_is_not_linear_calls_dips_clinical_experience_not_a_measured_finding():
    note = LESSONS["healing-is-not-linear"].evidence_note
    assert "different paths and at different speeds" in note
    assert "common clinical experience rather than a measured finding" in note


def test_sleep_lesson_says_the_habits_alone_have_weak_evidence():
    # The lesson teaches the habits; the treatments with good evidence need a clinician.
    assert LESSONS["sleep-and-nightmares"].evidence == "emerging"
    assert "the habits here, on their own, have weak evidence" in (
        LESSONS["sleep-and-nightmares"].evidence_note
    )


def test_the_therapy_lesson_cites_the_current_treatment_guidelines():
    cited = " ".join(str(source) for source in LESSONS["therapy-approaches"].sources)
    assert "NICE guideline NG116" in cited and "(2018)" in cited
    assert "American Psychological Association (2025)" in cited
    assert "(2017). Clinical practice guideline" in cited
    assert "International Society for Traumatic Stress Studies (ISTSS) (2019)" in cited
    assert "VA/DoD clinical practice guideline" in cited and "(2023)" in cited


def test_self_compassion_cites_the_mindful_self_compassion_trial():
    cited = [str(source) for source in LESSONS["self-compassion"].sources]
    assert any(
        "Neff, K. D., & Germer, C. K. (2013)" in source and "randomized controlled trial" in source
        for source in cited
    )


@each_lesson
def test_docs_list_each_lesson_with_its_label_and_every_source(lesson):
    docs = DOCS.read_text(encoding="utf-8")
    section = docs.split(f"## {lesson.title}\n", 1)
    assert len(section) == 2, f"docs/lessons.md has no section for {lesson.title}"
    body = section[1].split("\n## ", 1)[0]
    assert f"`{lesson.slug}`" in body
    assert f"**Evidence: {lesson.evidence_label.lower()}.**" in body
    for source in lesson.sources:
        assert str(source) in body, source


def test_docs_list_no_lesson_that_is_gone():
    docs = DOCS.read_text(encoding="utf-8")
    titles = {lesson.title for lesson in ALL_LESSONS}
    for heading in re.findall(r"^## (.+)$", docs, flags=re.M):
        assert heading in titles or heading == "The labels", heading
