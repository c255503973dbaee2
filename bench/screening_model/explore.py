"""Cross-validated model selection on TRAIN only (dev + holdout). Never touches TEST."""

import itertools
import re
import sys

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer, CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from sklearn.model_selection import RepeatedStratifiedKFold
from sklearn.metrics import roc_auc_score

from common import TRAIN_FILES, DATA, load

APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def norm(text):
    text = text.translate(APOS).lower()
    text = re.sub(r"(.)\1{2,}", r"\1\1", text)
    return text


def make_vec(kind, weighting):
    binary = weighting == "binary"
    use_idf = weighting == "tfidf"
    common = dict(preprocessor=norm, lowercase=False, binary=binary, use_idf=use_idf,
                  norm="l2" if weighting != "raw" else None, sublinear_tf=True, min_df=1)
    if weighting == "raw":
        common.update(binary=True, use_idf=False)
    if kind == "word":
        return [TfidfVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"[a-z0-9']+", **common)]
    if kind == "char":
        return [TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), **common)]
    if kind == "both":
        return make_vec("word", weighting) + make_vec("char", weighting)


def features(vecs, train_texts, test_texts):
    xs_tr, xs_te = [], []
    for v in vecs:
        xs_tr.append(v.fit_transform(train_texts))
        xs_te.append(v.transform(test_texts))
    return hstack(xs_tr).tocsr(), hstack(xs_te).tocsr()


def model(name, c):
    if name == "lr":
        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    return LinearSVC(C=c, class_weight="balanced", max_iter=20000)


def score(m, x):
    return m.decision_function(x)


def recall_at_fa(y, s, max_fa):
    neg = np.sort(s[y == 0])[::-1]
    k = int(np.floor(max_fa * len(neg)))  # number of allowed false alarms
    thr = neg[k] if k < len(neg) else -np.inf  # strictly above the (k+1)-th highest negative
    return float(np.mean(s[y == 1] > thr)), thr


def oof(texts, y, kind, weighting, name, c, seeds=3):
    scores = np.zeros((seeds, len(y)))
    cv = RepeatedStratifiedKFold(n_splits=5, n_repeats=seeds, random_state=0)
    for i, (tr, te) in enumerate(cv.split(texts, y)):
        xtr, xte = features(make_vec(kind, weighting), [texts[j] for j in tr], [texts[j] for j in te])
        m = model(name, c).fit(xtr, y[tr])
        scores[i // 5, te] = score(m, xte)
    return scores


def cross_file(kind, weighting, name, c):
    """Train on dev, score holdout; train on holdout, score dev (a shift proxy)."""
    out = []
    dev = load([DATA / "crisis_eval_dev.tsv"])
    hold = load([DATA / "crisis_eval_holdout.tsv"])
    for a, b in ((dev, hold), (hold, dev)):
        xtr, xte = features(make_vec(kind, weighting), [t for _, _, t in a], [t for _, _, t in b])
        ytr = np.array([l for l, _, _ in a]); yte = np.array([l for l, _, _ in b])
        m = model(name, c).fit(xtr, ytr)
        s = score(m, xte)
        out.append((roc_auc_score(yte, s), recall_at_fa(yte, s, 0.05)[0], recall_at_fa(yte, s, 0.02)[0]))
    return np.mean(out, axis=0)


if __name__ == "__main__":
    rows = load(TRAIN_FILES)
    texts = [t for _, _, t in rows]
    y = np.array([l for l, _, _ in rows])
    grid = itertools.product(["word", "char", "both"], ["tfidf", "binary", "raw"], ["lr", "svm"], [0.1, 1, 10, 100])
    print("kind weighting model C | OOF auc rec@5%FA rec@2%FA | cross-file auc rec@5% rec@2%")
    for kind, weighting, name, c in grid:
        s = oof(texts, y, kind, weighting, name, c)
        auc = np.mean([roc_auc_score(y, r) for r in s])
        r5 = np.mean([recall_at_fa(y, r, 0.05)[0] for r in s])
        r2 = np.mean([recall_at_fa(y, r, 0.02)[0] for r in s])
        cf = cross_file(kind, weighting, name, c)
        print(f"{kind:5s} {weighting:6s} {name:3s} {c:6g} | {auc:.3f} {r5:.3f} {r2:.3f} | {cf[0]:.3f} {cf[1]:.3f} {cf[2]:.3f}", flush=True)
