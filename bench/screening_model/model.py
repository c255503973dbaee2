"""Pure-Python scorer for the exported crisis-language model (no third-party imports).

`score(text)` reproduces scikit-learn's decision function for the model trained by
`train.py`: two tf-idf blocks (word 1-2-grams and char_wb 3-4-grams, sublinear tf,
smooth idf, each block L2-normalised) fed to a linear SVM. Higher means more likely crisis.
Weights live in `weights.json` next to this file (or pass another path to `load`).
"""

import json
import math
import re
from collections import Counter
from pathlib import Path

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_REPEATS = re.compile(r"(.)\1{2,}")
_TOKEN = re.compile(r"[a-z0-9']+")
_log = math.log
_sqrt = math.sqrt


def normalise(text):
    return _REPEATS.sub(r"\1\1", text.translate(_APOSTROPHES).lower())


def word_ngrams(text, lo=1, hi=2):
    tokens = _TOKEN.findall(text)
    grams = []
    for n in range(lo, hi + 1):
        if n == 1:
            grams.extend(tokens)
        else:
            grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text, lo=3, hi=5):
    # Same as sklearn's "char_wb": n-grams inside each space-padded word only;
    # a word no longer than n yields itself once and nothing longer.
    grams = []
    extend = grams.extend
    for word in text.split():
        word = " " + word + " "
        length = len(word)
        for n in range(lo, hi + 1):
            if length <= n:
                grams.append(word)
                break
            extend([word[i:i + n] for i in range(length - n + 1)])
    return grams


_ANALYZERS = {"word": word_ngrams, "char_wb": char_wb_ngrams}


class Model:
    def __init__(self, weights):
        self.intercept = weights["intercept"]
        self.thresholds = weights.get("thresholds", {})
        self.blocks = [
            (_ANALYZERS[block["analyzer"]], block["ngram_range"][0], block["ngram_range"][1],
             # (idf, idf * coef, idf * idf): most n-grams occur once, so those two products
             # are all the scorer needs for them.
             {gram: (idf, idf * coef, idf * idf) for gram, (idf, coef) in block["features"].items()})
            for block in weights["blocks"]
        ]

    def score(self, text):
        text = normalise(text)
        total = self.intercept
        for analyzer, lo, hi, features in self.blocks:
            counts = Counter(analyzer(text, lo, hi))
            dot = 0.0
            squares = 0.0
            for gram in counts.keys() & features.keys():
                idf, weighted, squared = features[gram]
                count = counts[gram]
                if count == 1:
                    dot += weighted
                    squares += squared
                else:
                    tf = 1.0 + _log(count)
                    dot += tf * weighted
                    squares += tf * tf * squared
            if squares:
                total += dot / _sqrt(squares)
        return total


def load(path=None):
    path = Path(path) if path else Path(__file__).with_name("weights.json")
    with open(path, encoding="utf-8") as handle:
        return Model(json.load(handle))


_default = None


def score(text):
    """Decision value for `text` using weights.json beside this file."""
    global _default
    if _default is None:
        _default = load()
    return _default.score(text)
