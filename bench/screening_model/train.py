"""Train the small crisis-language model on TRAIN, pick thresholds by CV on TRAIN, export
pure-Python weights, and evaluate rules / model / rules OR model on TEST (blind2).

    /tmp/mlvenv/bin/python bench/screening_model/train.py [--out PATH] [--no-test]

Needs scikit-learn (scratch venv only; the app would ship just model.py + weights.json).
Model choice (word 1-2-grams + char_wb 3-4-grams, tf-idf, linear SVM, C=10) came from the
grid in explore.py, cross-validated on TRAIN only.
"""

import argparse
import json
import statistics
import sys
import timeit
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import RepeatedStratifiedKFold
from sklearn.svm import LinearSVC

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
from common import TEST_FILES, TRAIN_FILES, frozen_screen, load, rates  # noqa: E402

from selftrust.safety import crisis_model as pure  # noqa: E402

C = 10.0
SEED = 0
# Thresholds chosen on TRAIN out-of-fold scores: the model alone may raise at most this
# share of false alarms (the rules raise none on TRAIN, so it is also the combined rate).
FA_TARGETS = {"fa5": 0.05, "fa1": 0.01, "fa0.5": 0.005}


def vectorizers():
    common = dict(
        preprocessor=pure._normalise,
        lowercase=False,
        sublinear_tf=True,
        use_idf=True,
        smooth_idf=True,
        norm="l2",
    )
    return [
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"[a-z0-9']+", **common),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), **common),
    ]


def fit(texts, labels):
    vecs = vectorizers()
    x = hstack([v.fit_transform(texts) for v in vecs]).tocsr()
    clf = LinearSVC(C=C, class_weight="balanced", max_iter=50000).fit(x, labels)
    return vecs, clf


def decision(vecs, clf, texts):
    return clf.decision_function(hstack([v.transform(texts) for v in vecs]).tocsr())


def threshold_at(labels, scores, max_fa):
    neg = np.sort(scores[labels == 0])[::-1]
    k = int(np.floor(max_fa * len(neg)))
    return float(neg[k])  # flag when score > threshold


def choose_thresholds(texts, labels, repeats=5):
    cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=repeats, random_state=SEED)
    oof = np.zeros((repeats, len(labels)))
    for i, (tr, te) in enumerate(cv.split(texts, labels)):
        vecs, clf = fit([texts[j] for j in tr], labels[tr])
        oof[i // 5, te] = decision(vecs, clf, [texts[j] for j in te])
    thresholds = {}
    for name, fa in FA_TARGETS.items():
        per_repeat = [threshold_at(labels, row, fa) for row in oof]
        thresholds[name] = statistics.median(per_repeat)
    return thresholds, oof


def export(vecs, clf, thresholds, path):
    coef = clf.coef_.ravel()
    blocks, offset = [], 0
    for vec in vecs:
        vocab = vec.vocabulary_
        features = {}
        for gram, index in vocab.items():
            features[gram] = [float(f"{vec.idf_[index]:.5g}"), float(f"{coef[offset + index]:.5g}")]
        blocks.append(
            {
                "analyzer": vec.analyzer,
                "ngram_range": list(vec.ngram_range),
                "features": dict(sorted(features.items())),
            }
        )
        offset += len(vocab)
    weights = {
        "version": 1,
        "model": f"linear SVM C={C}, tf-idf word 1-2 + char_wb 3-4",
        "intercept": float(clf.intercept_[0]),
        "thresholds": thresholds,
        "blocks": blocks,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(weights, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return path.stat().st_size


def typical_entries(texts, target=300, count=60):
    """~300-character entries made by joining TRAIN sentences in a fixed shuffled order."""
    rng = np.random.default_rng(SEED)
    order = list(rng.permutation(len(texts)))
    entries, current = [], ""
    for i in itertools_cycle(order):
        current = (current + " " + texts[i]).strip()
        if len(current) >= target:
            entries.append(current[:target])
            current = ""
            if len(entries) == count:
                return entries


def itertools_cycle(seq):
    while True:
        yield from seq


def per_call_ms(fn, entries, repeat=7):
    number = 20
    best = min(timeit.repeat(lambda: [fn(e) for e in entries], number=number, repeat=repeat))
    return best / number / len(entries) * 1000


def row(name, labels, flags):
    r = rates(labels, flags)
    return (
        f"| {name:<38} | {r['recall'] * 100:5.1f}% ({r['tp']}/{r['pos']}) "
        f"| {r['false_alarm'] * 100:4.1f}% ({r['fp']}/{r['neg']}) |"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/tmp/screening_model/weights.json"))
    parser.add_argument("--no-test", action="store_true", help="stop before touching TEST")
    args = parser.parse_args()

    train = load(TRAIN_FILES)
    texts = [t for _, _, t in train]
    labels = np.array([y for y, _, _ in train])
    screen = frozen_screen()
    rules_train = np.array([bool(screen(t)) for t in texts])

    thresholds, oof = choose_thresholds(texts, labels)
    print("TRAIN out-of-fold (5x5 CV), mean over repeats:")
    print(f"| {'candidate':<38} | recall | false alarms |")
    print(row("(a) rules v1 (tuned on TRAIN)", labels.tolist(), rules_train.tolist()))
    for name, thr in thresholds.items():
        model_r = [rates(labels.tolist(), (r > thr).tolist()) for r in oof]
        comb_r = [rates(labels.tolist(), ((r > thr) | rules_train).tolist()) for r in oof]
        mean = lambda rs, k: np.mean([x[k] for x in rs]) * 100  # noqa: E731
        print(
            f"| model alone @{name:<6} thr={thr:+.3f}        | {mean(model_r, 'recall'):5.1f}% | "
            f"{mean(model_r, 'false_alarm'):4.1f}% |  rules OR model: {mean(comb_r, 'recall'):5.1f}% / "
            f"{mean(comb_r, 'false_alarm'):4.1f}%"
        )

    vecs, clf = fit(texts, labels)
    size = export(vecs, clf, thresholds, args.out)
    scorer = pure.CrisisModel(json.loads(args.out.read_text(encoding="utf-8")))
    n_features = sum(len(v.vocabulary_) for v in vecs)
    print(f"\nexported {n_features} n-grams to {args.out} ({size / 1024:.0f} KiB)")
    check = texts + [t for _, _, t in load(TEST_FILES)] if not args.no_test else texts
    diff = max(
        abs(a - b)
        for a, b in zip(decision(vecs, clf, check), map(scorer.score, check), strict=True)
    )
    print(f"pure-Python vs sklearn max |score difference|: {diff:.2e}")

    entries = typical_entries(texts)
    print(f"\ntiming on {len(entries)} entries of {len(entries[0])} chars, one core:")
    print(f"  pure-Python model score(): {per_call_ms(scorer.score, entries):.3f} ms/entry")
    print(f"  rules v1 screen():         {per_call_ms(screen, entries):.3f} ms/entry")

    if args.no_test:
        return
    test = load(TEST_FILES)
    t_texts = [t for _, _, t in test]
    t_labels = [y for y, _, _ in test]
    t_rules = [bool(screen(t)) for t in t_texts]
    t_scores = [scorer.score(t) for t in t_texts]
    print(f"\nTEST (blind2, {len(test)} sentences):")
    print(f"| {'candidate':<38} | recall | false alarms |\n|---|---|---|")
    print(row("(a) rules v1 alone", t_labels, t_rules))
    for name, thr in thresholds.items():
        print(row(f"(b) model alone @{name}", t_labels, [s > thr for s in t_scores]))
    for name, thr in thresholds.items():
        tag = "(c)" if name == "fa5" else "(d)"
        print(
            row(
                f"{tag} rules OR model @{name}",
                t_labels,
                [r or s > thr for r, s in zip(t_rules, t_scores, strict=True)],
            )
        )
    for name, thr in thresholds.items():
        print(f"\n--- rules OR model @{name} (threshold {thr:+.3f}) vs rules alone ---")
        for (y, cat, text), r, s in zip(test, t_rules, t_scores, strict=True):
            if not r and s > thr:
                what = "NEWLY CAUGHT crisis" if y else "ADDED false alarm"
                print(f"  {what:<20} [{cat}] score={s:+.2f}  {text}")
    print("\n--- crisis sentences missed by rules (score of model) ---")
    for (y, cat, text), r, s in zip(test, t_rules, t_scores, strict=True):
        if y and not r:
            print(f"  [{cat}] score={s:+.2f}  {text}")


if __name__ == "__main__":
    main()
