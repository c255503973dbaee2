"""Shared helpers for the screening-model benchmark (data loading, frozen rules, metrics)."""

import csv
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "safety" / "data"
TRAIN_FILES = [DATA / "crisis_eval_dev.tsv", DATA / "crisis_eval_holdout.tsv"]
TEST_FILES = [DATA / "crisis_eval_blind2.tsv"]
FROZEN_RULES = Path("/tmp/frozen/screening_v1.py")


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
    spec = importlib.util.spec_from_file_location("screening_v1", FROZEN_RULES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.screen


def rates(labels, flags):
    pos = sum(labels)
    neg = len(labels) - pos
    tp = sum(1 for y, f in zip(labels, flags) if y and f)
    fp = sum(1 for y, f in zip(labels, flags) if not y and f)
    return {"recall": tp / pos, "false_alarm": fp / neg, "tp": tp, "pos": pos, "fp": fp, "neg": neg}
