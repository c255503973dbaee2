"""Shared helpers for the screening-model benchmark (data loading, frozen rules, metrics)."""

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from screening import DATA, SETS, lesson_sentences  # noqa: E402  (bench/screening.py)

# Hold one labelled set out to measure the rules + model on text neither has seen, e.g.
# SCREENING_HOLD_OUT=blind3 SCREENING_RULES=/path/to/rules-frozen-before-blind3.py
HOLD_OUT = os.environ.get("SCREENING_HOLD_OUT", "")
FROZEN_RULES = os.environ.get("SCREENING_RULES", "")


def _lesson_sentences() -> Path:
    """Our own lesson prose as extra 'safe' examples: ordinary reflective writing."""
    import tempfile

    out = Path(tempfile.gettempdir()) / "selftrust-lesson-sentences.tsv"
    rows = ["label\tcategory\ttext", *(f"safe\tprose\t{s}" for s in lesson_sentences())]
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return out


TRAIN_FILES = [DATA / f"crisis_eval_{name}.tsv" for name in SETS if name != HOLD_OUT] + [
    _lesson_sentences()
]
TEST_FILES = [DATA / f"crisis_eval_{HOLD_OUT}.tsv"] if HOLD_OUT else []


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#") or line.startswith("label\t"):
                    continue
                label, category, text = line.split("\t", 2)
                assert label in ("crisis", "safe"), line
                rows.append((1 if label == "crisis" else 0, category, text))
    return rows


def frozen_screen():
    """The phrase rules alone: a frozen copy when SCREENING_RULES names one, else today's."""
    if not FROZEN_RULES:
        sys.path.insert(0, str(ROOT))
        from selftrust.safety.screening import matched_phrases

        return matched_phrases
    spec = importlib.util.spec_from_file_location("screening_frozen", FROZEN_RULES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.screen


def rates(labels, flags):
    pos = sum(labels)
    neg = len(labels) - pos
    tp = sum(1 for y, f in zip(labels, flags, strict=True) if y and f)
    fp = sum(1 for y, f in zip(labels, flags, strict=True) if not y and f)
    return {"recall": tp / pos, "false_alarm": fp / neg, "tp": tp, "pos": pos, "fp": fp, "neg": neg}
