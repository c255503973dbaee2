"""Train the screener's model on the corpus, choose its threshold on writers it has not
seen, and export pure-Python weights.

    /tmp/mlvenv/bin/python bench/screening_model/train.py [--out PATH] [--false-alarms 0.03]

Needs scikit-learn (a scratch venv only; the app ships crisis_model.py and the weights).

Training data: every file in corpus/ (one writer each), the blind sets of earlier rounds whose
first looks are recorded (FORMER_BLIND: one writer each too), the five older labelled sets in
tests/safety/data/ that earlier rounds tuned on (development sets now), and our lesson prose
as ordinary writing. The blind sets named in REPORTED_ONLY are never read here.

The threshold is chosen out of writer: the writers are dealt into --folds groups, each group
is scored by a model trained without it, and the threshold is where those out-of-writer
scores raise the chosen share of false alarms. That is the closest stand-in we have for a new
writer. (--folds 0: leave one writer out, one model per writer; slower, much the same figure.)
"""

import argparse
import gzip
import json
import re
import sys
import timeit
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from screening import (  # noqa: E402
    DEVELOPMENT_SETS,
    FORMER_BLIND,
    REPORTED_ONLY,
    labelled,
    lesson_sentences,
)

from selftrust.safety import crisis_model as pure  # noqa: E402
from selftrust.safety.crisis_text import tidy  # noqa: E402

CORPUS = HERE / "corpus"
DEFAULT_OUT = ROOT / "selftrust" / "safety" / "crisis_model.json.gz"
C = 1.0
TOKEN_PATTERN = r"[A-Za-z0-9_']+"
# Runs seen in fewer sentences than these are left out: mostly names and one-off phrasings that
# teach nothing. Leaving them out made no difference out of writer (91.0 % recall at 4 % false
# alarms with all of them, 91.0 % without) and the weights a third of the size.
WORD_MIN_DF = 3
CHAR_MIN_DF = 5
SKIP_MIN_DF = 3
# Word pairs two to four places apart.
SKIP_GAPS = (2, 4)
TOKEN = re.compile(TOKEN_PATTERN)


def corpus() -> dict[str, list[tuple[int, str]]]:
    writers = {}
    for path in sorted(CORPUS.glob("*.tsv")):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label, text = line.split("\t", 1)
                rows.append((int(label), text))
        writers[path.stem] = rows
    for name in FORMER_BLIND:
        writers[name] = [(int(crisis), text) for crisis, text in labelled(name)]
    return writers


def development() -> list[tuple[int, str]]:
    rows = [(int(crisis), text) for name in DEVELOPMENT_SETS for crisis, text in labelled(name)]
    return rows + [(0, sentence) for sentence in lesson_sentences()]


def skip_grams(text: str) -> list[str]:
    """Word pairs with one to three words between them ("want _ die", "kill _ myself"), so
    a phrase still counts when words are put inside it."""
    return pure.skip_grams(tidy(text), *SKIP_GAPS, TOKEN)


def vectorizers():
    common = dict(preprocessor=tidy, lowercase=False, sublinear_tf=True, norm="l2")
    return [
        TfidfVectorizer(
            analyzer="word",
            ngram_range=(1, 3),
            token_pattern=TOKEN_PATTERN,
            min_df=WORD_MIN_DF,
            **common,
        ),
        TfidfVectorizer(analyzer="char", ngram_range=(2, 5), min_df=CHAR_MIN_DF, **common),
        TfidfVectorizer(analyzer=skip_grams, min_df=SKIP_MIN_DF, sublinear_tf=True, norm="l2"),
    ]


def fit(rows):
    texts = [text for _, text in rows]
    labels = np.array([label for label, _ in rows])
    vecs = vectorizers()
    x = hstack([v.fit_transform(texts) for v in vecs]).tocsr()
    clf = LinearSVC(C=C, class_weight="balanced", max_iter=50_000).fit(x, labels)
    return vecs, clf


def passages(text: str) -> list[str]:
    """As CrisisModel.strongest_passage reads a text."""
    return pure.passages(tidy(text))


def strongest(vecs, clf, texts):
    """Each text's highest passage score, as the app computes it."""
    flat, owner = [], []
    for index, text in enumerate(texts):
        for passage in passages(text):
            flat.append(passage)
            owner.append(index)
    # The passages are tidy already; tidying twice changes nothing.
    scores = clf.decision_function(hstack([v.transform(flat) for v in vecs]).tocsr())
    best = np.full(len(texts), -np.inf)
    np.maximum.at(best, np.array(owner), scores)
    return best


def threshold_at(labels, scores, false_alarms):
    safe = np.sort(scores[labels == 0])[::-1]
    return float(safe[int(np.floor(false_alarms * len(safe)))])


def export(vecs, clf, threshold, path, about):
    coef = clf.coef_.ravel()
    blocks, offset = [], 0
    for vec in vecs:
        features = {
            gram: [float(f"{vec.idf_[index]:.5g}"), float(f"{coef[offset + index]:.5g}")]
            for gram, index in vec.vocabulary_.items()
        }
        analyzer = "skip" if vec.analyzer is skip_grams else vec.analyzer
        block = {
            "analyzer": analyzer,
            "ngram_range": list(SKIP_GAPS if analyzer == "skip" else vec.ngram_range),
            "features": dict(sorted(features.items())),
        }
        if analyzer in ("word", "skip"):
            block["token_pattern"] = TOKEN_PATTERN
        blocks.append(block)
        offset += len(vec.vocabulary_)
    weights = {
        "version": 2,
        "model": (
            f"linear SVM C={C}, tf-idf of word 1-3 (min_df {WORD_MIN_DF}), char 2-5 (min_df "
            f"{CHAR_MIN_DF}) and word pairs {SKIP_GAPS[0]}-{SKIP_GAPS[1]} apart (min_df {SKIP_MIN_DF})"
        ),
        "trained_on": about,
        "intercept": float(clf.intercept_[0]),
        "threshold": threshold,
        "blocks": blocks,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(weights, ensure_ascii=False, separators=(",", ":")).encode()
    # mtime=0: the same weights give the same file, byte for byte.
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return path.stat().st_size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--false-alarms",
        type=float,
        default=0.03,
        help="share of safe sentences of unseen writers the model may flag (default 3 %%)",
    )
    parser.add_argument(
        "--folds",
        type=int,
        default=10,
        help="writers dealt into this many groups for the out-of-writer threshold (0: one each)",
    )
    args = parser.parse_args()

    writers = corpus()
    dev = development()
    assert not set(REPORTED_ONLY) & (set(DEVELOPMENT_SETS) | set(writers))
    print(f"corpus: {sum(map(len, writers.values()))} sentences from {len(writers)} writers;")
    print(f"development sets and lesson prose: {len(dev)} sentences\n")

    names = list(writers)
    folds = (
        [[name] for name in names]
        if args.folds <= 0
        else [names[index :: args.folds] for index in range(min(args.folds, len(names)))]
    )
    print(f"Out of writer, {len(folds)} groups (no model saw the writers it is scored on):")
    oof_labels, oof_scores, per_writer = [], [], {}
    for held_out in folds:
        rest = [row for name, rows in writers.items() if name not in held_out for row in rows]
        vecs, clf = fit(rest + dev)
        for name in held_out:
            rows = writers[name]
            scores = strongest(vecs, clf, [text for _, text in rows])
            labels = np.array([label for label, _ in rows])
            per_writer[name] = (labels, scores)
            oof_labels.append(labels)
            oof_scores.append(scores)
    labels, scores = np.concatenate(oof_labels), np.concatenate(oof_scores)
    threshold = threshold_at(labels, scores, args.false_alarms)
    print(f"threshold {threshold:+.4f} (pooled out-of-writer false alarms {args.false_alarms:.1%})")
    print("| writer held out | recall | false alarms |\n|---|---:|---:|")
    for name, (w_labels, w_scores) in per_writer.items():
        flagged = w_scores > threshold
        print(
            f"| {name} | {flagged[w_labels == 1].mean():.1%} | {flagged[w_labels == 0].mean():.1%} |"
        )
    flagged = scores > threshold
    print(f"| all | {flagged[labels == 1].mean():.1%} | {flagged[labels == 0].mean():.1%} |")

    everything = [row for rows in writers.values() for row in rows] + dev
    vecs, clf = fit(everything)
    about = (
        f"{sum(map(len, writers.values()))} sentences of {len(writers)} writers (corpus and "
        f"former blind sets {FORMER_BLIND[0]}–{FORMER_BLIND[-1]}), "
        f"development sets {', '.join(DEVELOPMENT_SETS)}, lesson prose"
    )
    size = export(vecs, clf, threshold, args.out, about)
    n_features = sum(len(v.vocabulary_) for v in vecs)
    print(f"\nexported {n_features} n-grams to {args.out} ({size / 1024:.0f} KiB gzipped)")

    pure.crisis_model.cache_clear()
    with gzip.open(args.out, "rt", encoding="utf-8") as handle:
        scorer = pure.CrisisModel(json.load(handle))
    check = [text for _, text in everything[:3000]]
    expected = strongest(vecs, clf, check)
    got = [scorer.strongest_passage(tidy(text))[0] for text in check]
    diff = float(np.max(np.abs(expected - np.array(got))))
    print(f"pure Python vs scikit-learn, largest score difference: {diff:.1e}")
    assert diff < 1e-3, "the pure-Python scorer disagrees with scikit-learn"

    entry = " ".join(text for _, text in everything[:12])[:300]
    seconds = min(
        timeit.repeat(lambda: scorer.strongest_passage(tidy(entry)), number=200, repeat=5)
    )
    print(f"one 300-character entry: {seconds / 200 * 1000:.3f} ms")


if __name__ == "__main__":
    main()
