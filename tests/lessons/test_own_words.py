"""Lessons may use facts from the source documents, but every sentence is written afresh."""

import os
from pathlib import Path

import pytest

from selftrust.lessons.catalog import ALL_LESSONS
from tests.lessons import own_words
from tests.lessons.reading import body_text

SEEDS_DIR = Path(os.environ.get("SELFTRUST_SEEDS_DIR", "/work/shared/seeds"))


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lambda lesson: lesson.slug)
def test_no_eight_words_in_a_row_come_from_the_source_documents(lesson):
    text = " ".join([lesson.title, lesson.summary, body_text(lesson), lesson.evidence_note])
    assert own_words.copied_windows(text, own_words.seed_fingerprints()) == []


def test_the_check_catches_a_copied_run_despite_punctuation_and_quotes():
    source = "Healing isn’t a race — it's a slow, careful walk back toward yourself."
    known = own_words.fingerprints(source)
    copied = "Remember: healing isn't a race; it's a slow, careful walk, and that's fine."
    reworded = "Healing is not a race. It is a slow and careful walk back to you."
    assert own_words.copied_windows(copied, known) == [
        "healing isnt a race its a slow careful",
        "isnt a race its a slow careful walk",
    ]
    assert own_words.copied_windows(reworded, known) == []


def test_the_fingerprints_hold_enough_windows_to_mean_something():
    # Both sources together are about 4,000 words; an empty or truncated file would pass
    # every lesson without checking anything.
    assert len(own_words.seed_fingerprints()) > 3500


def test_stored_fingerprints_cover_the_source_documents():
    # Where the sources are at hand, prove the stored file is current for them.
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"source documents not present at {SEEDS_DIR}")
    known = own_words.seed_fingerprints()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert own_words.fingerprints(text) <= known, f"regenerate fingerprints for {path.name}"
