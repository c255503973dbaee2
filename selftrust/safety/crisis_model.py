"""The screener's first reader: a linear model trained on thousands of labelled sentences.

It reads word runs (1–3 words), word pairs with a few words between them ("want _ die"), and
letter runs (2–5 characters, across word boundaries, so "kms", "unalive" and "wnat to die"
still carry signal) of the tidied text, as tf-idf with
each block L2-normalised, and weighs them with a linear SVM trained by
`bench/screening_model/train.py` on the corpus in `bench/screening_model/corpus/` (every
sentence written for Selftrust and labelled by the rule in its README). This file
reproduces scikit-learn's decision value in plain Python, so the app needs no numerical
library; the weights are `crisis_model.json.gz` beside it.

An entry of up to 60 words (about 300 characters) is read whole, as the model learned from
entries that long. A longer one is read in passages of three sentences that overlap by one,
and run-on text in windows of 24 words; its score is the highest of theirs, so one hard
sentence in a long, ordinary entry is not diluted by the rest.
The threshold is chosen in training (see the README there and docs/benchmarks.md).
"""

import gzip
import json
import math
import re
from array import array
from collections import Counter
from functools import cache
from pathlib import Path

from selftrust.safety.crisis_text import sentences

WEIGHTS = Path(__file__).with_name("crisis_model.json.gz")
_WHITESPACE = re.compile(r"\s\s+")


def word_ngrams(text: str, low: int, high: int, token: re.Pattern) -> list[str]:
    """As scikit-learn's "word" analyzer after the preprocessor: tokens, then their runs."""
    tokens = token.findall(text)
    grams = []
    for n in range(low, high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def skip_grams(text: str, low: int, high: int, token: re.Pattern) -> list[str]:
    """Pairs of words `low` to `high` places apart, as "want _ die": a phrase still counts
    when words are put inside it ("want to just die", "kill my stupid self")."""
    tokens = token.findall(text)
    return [
        f"{tokens[i]} _ {tokens[j]}"
        for i in range(len(tokens))
        for j in range(i + low, min(len(tokens), i + high + 1))
    ]


def char_ngrams(text: str, low: int, high: int) -> list[str]:
    """As scikit-learn's "char" analyzer: runs of letters over the whole text, spaces too."""
    text = _WHITESPACE.sub(" ", text)
    length = len(text)
    return [text[i : i + n] for n in range(low, high + 1) for i in range(length - n + 1)]


PASSAGE_SENTENCES = 3
# A passage longer than this many words (a run-on entry without full stops) is read in
# windows of WINDOW_WORDS that overlap by half, so one sentence is never lost in a long one.
LONGEST_PASSAGE_WORDS = 60
WINDOW_WORDS = 24


def passages(tidy_text: str) -> list[str]:
    """The text whole when it is as short as the entries the model learned from (up to 60
    words); else in passages of three sentences, each overlapping the next by one."""
    if len(tidy_text.split()) <= LONGEST_PASSAGE_WORDS:
        return [tidy_text]
    parts = sentences(tidy_text) or [tidy_text]
    step = PASSAGE_SENTENCES - 1
    grouped = [
        " ".join(parts[start : start + PASSAGE_SENTENCES])
        for start in range(0, max(len(parts) - 1, 1), step)
    ]
    return [window for passage in grouped for window in _windows(passage)]


def _windows(passage: str) -> list[str]:
    words = passage.split()
    if len(words) <= LONGEST_PASSAGE_WORDS:
        return [passage]
    step = WINDOW_WORDS // 2
    return [
        " ".join(words[start : start + WINDOW_WORDS]) for start in range(0, len(words) - step, step)
    ]


class _Block:
    """One group of features: how to cut the text, and each feature's idf and weight."""

    def __init__(self, spec: dict):
        self.analyzer = spec["analyzer"]
        self.low, self.high = spec["ngram_range"]
        self.token = re.compile(spec.get("token_pattern", r"(?u)\b\w\w+\b"))
        # Per feature, the two products a score needs: idf × weight and idf². Kept in two
        # flat arrays beside an index, which takes half the memory of a tuple per feature.
        self.index = {gram: position for position, gram in enumerate(spec["features"])}
        self.weighted = array("d", (idf * coef for idf, coef in spec["features"].values()))
        self.squared = array("d", (idf * idf for idf, _coef in spec["features"].values()))

    def grams(self, text: str) -> list[str]:
        if self.analyzer == "word":
            return word_ngrams(text, self.low, self.high, self.token)
        if self.analyzer == "skip":
            return skip_grams(text, self.low, self.high, self.token)
        return char_ngrams(text, self.low, self.high)

    def score(self, text: str) -> float:
        """This block's share of the decision value: (tf-idf · weights) / ‖tf-idf‖."""
        found = [
            position for position in map(self.index.get, self.grams(text)) if position is not None
        ]
        weighted, squared = self.weighted, self.squared
        dot = squares = 0.0
        for position, count in Counter(found).items():
            if count == 1:  # most features: tf is exactly 1.0, so skip the arithmetic
                dot += weighted[position]
                squares += squared[position]
            else:
                tf = 1.0 + math.log(count)  # sublinear term frequency
                dot += tf * weighted[position]
                squares += tf * tf * squared[position]
        return dot / math.sqrt(squares) if squares else 0.0


class CrisisModel:
    def __init__(self, weights: dict):
        self.intercept = weights["intercept"]
        self.threshold = weights["threshold"]
        self.blocks = [_Block(spec) for spec in weights["blocks"]]
        self._word_block = next(block for block in self.blocks if block.analyzer == "word")

    def score(self, tidy_text: str) -> float:
        """The SVM's decision value for one piece of tidied text: above `threshold` reads as
        crisis."""
        return self.intercept + sum(block.score(tidy_text) for block in self.blocks)

    def strongest_passage(self, tidy_text: str) -> tuple[float, str]:
        """The highest score over the text's passages, and the passage that scored it."""
        return max((self.score(passage), passage) for passage in passages(tidy_text))

    def strongest_words(self, tidy_text: str, how_many: int = 3) -> list[str]:
        """The words in the text that pushed the score up most, to say why it matched."""
        block = self._word_block
        grams = {gram for gram in block.grams(tidy_text) if gram in block.index}
        weighted = sorted(
            (block.weighted[block.index[g]], g) for g in grams if block.weighted[block.index[g]] > 0
        )
        return [gram for _, gram in reversed(weighted[-how_many:])]


@cache
def crisis_model() -> CrisisModel:
    with gzip.open(WEIGHTS, "rt", encoding="utf-8") as handle:
        return CrisisModel(json.load(handle))
