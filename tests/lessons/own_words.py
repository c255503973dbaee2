"""The 'our own words' check: no run of eight words in a lesson may match the source documents.

The source documents are other people's writing, so the repository keeps only fingerprints of
their eight-word windows (seed_fingerprints.txt), never the text. After the sources change:

    .venv/bin/python -m tests.lessons.own_words /work/shared/seeds/*.txt \
        > tests/lessons/seed_fingerprints.txt
"""

import hashlib
import re
import sys
from pathlib import Path

WINDOW = 8
FINGERPRINT_FILE = Path(__file__).with_name("seed_fingerprints.txt")


def words(text: str) -> list[str]:
    """Lower case; apostrophes dropped so "doesn't" and "doesn’t" match; any other punctuation,
    hyphen or whitespace separates words, so "self-trust" and "self trust" match too."""
    text = re.sub(r"['\u2019\u2018]", "", text.lower())
    return re.findall(r"[a-z0-9]+", text)


def windows(text: str) -> list[str]:
    found = words(text)
    return [" ".join(found[i : i + WINDOW]) for i in range(len(found) - WINDOW + 1)]


def fingerprint(window: str) -> str:
    return hashlib.sha256(window.encode()).hexdigest()[:16]


def fingerprints(text: str) -> set[str]:
    return {fingerprint(window) for window in windows(text)}


def copied_windows(text: str, known: set[str]) -> list[str]:
    return [window for window in windows(text) if fingerprint(window) in known]


def seed_fingerprints() -> set[str]:
    lines = FINGERPRINT_FILE.read_text().splitlines()
    return {line for line in lines if line and not line.startswith("#")}


if __name__ == "__main__":
    combined: set[str] = set()
    for name in sys.argv[1:]:
        combined |= fingerprints(Path(name).read_text(encoding="utf-8"))
    print(f"# sha256[:16] of every {WINDOW}-word window of the lesson source documents")
    print("\n".join(sorted(combined)))
