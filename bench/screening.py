"""How well, and how fast, the crisis-language screener reads: `make bench-screening`.

Accuracy: recall on crisis sentences and false alarms on safe ones, for each labelled set in
tests/safety/data/ and for all of them together, plus false alarms on ordinary reflective
prose (the sentences of our own lessons). Speed: time per entry of about 300 characters on
one core, for everyday entries and for entries that hold a crisis sentence.

Writes its figures between the screening markers in docs/benchmarks.md.
"""

import argparse
import re
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from report import git_revision, machine  # noqa: E402

from selftrust.safety.screening import screen  # noqa: E402

DATA = ROOT / "tests" / "safety" / "data"
# Sets earlier rounds tuned on: development sets now, and part of the model's training data.
DEVELOPMENT_SETS = ("dev", "holdout", "blind2", "blind3", "blind4")
# Written blind for the model-first screener and measured once each, after a model was
# finished (their first looks are in docs/benchmarks.md and decision 0005). Looked at since,
# to choose what later writers wrote, so no longer blind: the seventh model trains on each of
# them as one more writer.
FORMER_BLIND = tuple(f"blind{n}" for n in range(5, 23))
# Written blind for the seventh model and measured once, after it was finished; never trained
# or tuned on (bench/screening_model/train.py asserts it).
REPORTED_ONLY = ("blind23", "blind24", "blind25")
SETS = DEVELOPMENT_SETS + FORMER_BLIND + REPORTED_ONLY
DOC = ROOT / "docs" / "benchmarks.md"
START = "<!-- screening:start -->"
END = "<!-- screening:end -->"
ENTRY_LENGTH = 300


def labelled(name: str) -> list[tuple[bool, str]]:
    rows = []
    for line in (DATA / f"crisis_eval_{name}.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            label, _category, text = line.split("\t")
            rows.append((label == "crisis", text))
    return rows


def lesson_sentences() -> list[str]:
    sentences = []
    for page in sorted((ROOT / "selftrust" / "lessons" / "templates").rglob("*.html")):
        raw = re.sub(r"<[^>]+>|\{[%{].*?[%}]\}", " ", page.read_text(encoding="utf-8"))
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", raw):
            sentence = " ".join(sentence.split())
            if len(sentence) > 15:
                sentences.append(sentence)
    return sentences


def seed_sentences() -> list[str]:
    """The sentences of the documents Selftrust was made from (../shared/seeds), which talk
    about trauma and healing at length and were never used in training."""
    sentences = []
    for document in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")):
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", document.read_text(encoding="utf-8")):
            sentence = " ".join(sentence.split())
            if len(sentence) > 15:
                sentences.append(sentence)
    return sentences


def rates(rows, flag) -> tuple[str, str]:
    crisis = [text for is_crisis, text in rows if is_crisis]
    safe = [text for is_crisis, text in rows if not is_crisis]
    caught = sum(1 for text in crisis if flag(text))
    alarms = sum(1 for text in safe if flag(text))
    return (
        f"{caught / len(crisis):.1%} ({caught}/{len(crisis)})",
        f"{alarms / len(safe):.1%} ({alarms}/{len(safe)})",
    )


def entries(sentences: list[str], count: int) -> list[str]:
    """Entries of about ENTRY_LENGTH characters, each a different run of sentences."""
    made = []
    position = 0
    while len(made) < count:
        entry = ""
        while len(entry) < ENTRY_LENGTH:
            entry += sentences[position % len(sentences)] + " "
            position += 1
        made.append(entry[:ENTRY_LENGTH])
    return made


def per_entry_ms(texts: list[str], repeats: int) -> float:
    """Median over repeats of the mean time per entry, in milliseconds."""
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        for text in texts:
            screen(text)
        timings.append((time.perf_counter() - started) / len(texts) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()

    every = [row for name in DEVELOPMENT_SETS for row in labelled(name)]
    prose = lesson_sentences()
    lines = [
        f"## Crisis-language screener: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        "| Set | Sentences | Recall | False alarms | |",
        "|---|---:|---:|---:|---|",
    ]
    groups = [
        *((name, labelled(name), "development: trained on") for name in DEVELOPMENT_SETS),
        *(
            (name, labelled(name), "first look recorded; trained on since the sixth model")
            for name in FORMER_BLIND
        ),
        *((name, labelled(name), "blind: never trained or tuned on") for name in REPORTED_ONLY),
        (
            f"{REPORTED_ONLY[0]}–{REPORTED_ONLY[-1]} together",
            [row for name in REPORTED_ONLY for row in labelled(name)],
            "never trained or tuned on",
        ),
    ]
    for name, rows, kind in groups:
        recall, alarms = rates(rows, lambda text: screen(text).crisis)
        lines.append(f"| {name} | {len(rows)} | {recall} | {alarms} | {kind} |")
    prose_alarms = sum(1 for sentence in prose if screen(sentence).crisis)
    seeds = seed_sentences()
    seed_alarms = sum(1 for sentence in seeds if screen(sentence).crisis)
    lines += [
        "",
        f"Ordinary reflective prose: the {len(prose)} sentences of our lessons (the model "
        f"learned from those written before it was trained): {prose_alarms} false alarm(s), "
        f"{prose_alarms / len(prose):.1%}; "
        f"the {len(seeds)} sentences of the two seed documents (never seen): {seed_alarms} "
        f"false alarm(s), {seed_alarms / max(len(seeds), 1):.1%}.",
        "",
    ]

    screen("warm up the model")
    everyday = entries(prose, 400)
    crisis_sentences = [text for is_crisis, text in every if is_crisis]
    with_crisis = [
        (crisis + " " + ordinary)[:ENTRY_LENGTH]
        for crisis, ordinary in zip(
            crisis_sentences, entries(prose, len(crisis_sentences)), strict=True
        )
    ]
    lines += [
        f"Time per entry of {ENTRY_LENGTH} characters, one core (median of {args.repeats} passes):",
        "",
        "| Entry | ms per entry |",
        "|---|---:|",
        f"| everyday writing ({len(everyday)} entries) | {per_entry_ms(everyday, args.repeats):.3f} |",
        f"| holding a crisis sentence ({len(with_crisis)} entries) | "
        f"{per_entry_ms(with_crisis, args.repeats):.3f} |",
        "",
        "Machine: "
        + ", ".join(f"{key} {value}" for key, value in machine().items())
        + f"; commit {git_revision(ROOT)}.",
    ]
    section = "\n".join(lines)
    print(section)
    if args.no_write:
        return
    document = DOC.read_text(encoding="utf-8")
    if START in document:
        before, rest = document.split(START, 1)
        after = rest.split(END, 1)[1]
        document = f"{before}{START}\n{section}\n{END}{after}"
    else:
        document += f"\n{START}\n{section}\n{END}\n"
    DOC.write_text(document, encoding="utf-8")
    print(f"\nwritten to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
