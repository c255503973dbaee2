"""A small linear model: a second opinion for phrasings the crisis phrases don't know yet.

It reads word pairs and letter runs (tf-idf of word 1–2-grams and char 3–4-grams inside
words, each block L2-normalised) and weighs them with a linear SVM trained on our labelled
sentences by `bench/screening_model/train.py`. This file reproduces scikit-learn's decision
value in plain Python, so the app needs no numerical library; the weights are
`crisis_model.json` beside it.

The threshold is the one at which, in cross-validation, the model alone raised false alarms
on at most 0.5 % of safe sentences. On sets written after rules and model were frozen, it
lifted recall from 75.8 % to 83.6 % with no added false alarm, and from 81.2 % to 90.6 % for
two (docs/benchmarks.md).
"""

import functools
import json
import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("crisis_model.json")
THRESHOLD_NAME = "fa0.5"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_REPEATS = re.compile(r"(.)\1{2,}")
_TOKEN = re.compile(r"[a-z0-9']+")


def _normalise(text: str) -> str:
    return _REPEATS.sub(r"\1\1", text.translate(_APOSTROPHES).lower())


def _word_ngrams(text: str, low: int, high: int) -> list[str]:
    tokens = _TOKEN.findall(text)
    grams = []
    for n in range(low, high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _char_ngrams_in_words(text: str, low: int, high: int) -> list[str]:
    # As scikit-learn's "char_wb": runs inside each space-padded word; a word no longer
    # than n gives itself once and nothing longer.
    grams = []
    for word in text.split():
        padded = f" {word} "
        for n in range(low, high + 1):
            if len(padded) <= n:
                grams.append(padded)
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


_ANALYZERS = {"word": _word_ngrams, "char_wb": _char_ngrams_in_words}


class CrisisModel:
    def __init__(self, weights: dict):
        self.intercept = weights["intercept"]
        self.threshold = weights["thresholds"][THRESHOLD_NAME]
        # Per n-gram: (idf × weight, idf²), the two products the score needs.
        self.blocks = [
            (
                _ANALYZERS[block["analyzer"]],
                *block["ngram_range"],
                {gram: (idf * coef, idf * idf) for gram, (idf, coef) in block["features"].items()},
            )
            for block in weights["blocks"]
        ]
        assert [block[0] for block in self.blocks] == [_word_ngrams, _char_ngrams_in_words]
        self.word_weights = next(
            {gram: idf * coef for gram, (idf, coef) in block["features"].items()}
            for block in weights["blocks"]
            if block["analyzer"] == "word"
        )

    def score(self, text: str) -> float:
        """The SVM's decision value: above `threshold` reads as crisis."""
        text = _normalise(text)
        total = self.intercept
        for (*_, features), counts in zip(self.blocks, self._counts(text), strict=True):
            dot = squares = 0.0
            for gram, count in counts.items():
                weighted, squared = features[gram]
                tf = 1.0 + math.log(count)  # sublinear term frequency
                dot += tf * weighted
                squares += tf * tf * squared
            if squares:
                total += dot / math.sqrt(squares)
        return total

    def _counts(self, text: str) -> list[Counter]:
        """Per block, how often each known n-gram occurs in the text."""
        word_block, char_block = self.blocks
        words = Counter(g for g in _word_ngrams(text, *word_block[1:3]) if g in word_block[3])
        chars = Counter()
        for word in text.split():
            chars.update(self._known_char_grams(word))
        return [words, chars]

    @functools.lru_cache(maxsize=20_000)  # noqa: B019 - one model for the process's life
    def _known_char_grams(self, word: str) -> tuple[str, ...]:
        # Letter runs depend only on the word, and most words come back again and again.
        _analyzer, low, high, features = self.blocks[1]
        return tuple(g for g in _char_ngrams_in_words(word, low, high) if g in features)

    def strongest_words(self, text: str, how_many: int = 3) -> list[str]:
        """The words in the text that pushed the score up most, to say why it matched."""
        grams = set(_word_ngrams(_normalise(text), 1, 2))
        weighted = sorted(
            (self.word_weights[g], g) for g in grams if self.word_weights.get(g, 0) > 0
        )
        return [gram for _, gram in reversed(weighted[-how_many:])]


@cache
def crisis_model() -> CrisisModel:
    return CrisisModel(json.loads(WEIGHTS.read_text(encoding="utf-8")))
