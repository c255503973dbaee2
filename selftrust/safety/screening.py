"""A gentle, offline check of free text for words that suggest someone may be in danger.

This is not a risk assessment and never blocks saving. When it matches, the app shows the
person's safety plan and crisis lines beside what they wrote, and leaves every choice with them.
Nothing is stored about the check and nothing is sent anywhere.

How it reads a text: the text is tidied (`crisis_text.tidy`: lower case, one kind of
apostrophe, chat spellings and one-letter slips spelled out), then a linear model trained on
about 29,000 sentences by many writers reads it a passage at a time (`crisis_model`). The model
learned what a phrase list could not hold: goodbyes, preparations, plans with a time,
conditional threats, and the everyday sentences that look like them. Until November 2026 a
list of about 190 phrases read first; measured on writers neither had seen, it no longer
added anything the model missed, so it was retired (docs/decisions/0005-model-first-screener.md).

What counts as crisis is the written rule in bench/screening_model/corpus/README.md: the
writer's own current or recent, unresolved suicidal thinking or self-harm, including
conditional threats whatever the condition. `docs/benchmarks.md` has how well it does on
sentences it has never seen.

Pure Python with no Django import, so `python -m selftrust screen-text` needs no database.
"""

import json
from dataclasses import dataclass

from selftrust.safety.crisis_model import crisis_model
from selftrust.safety.crisis_text import tidy


@dataclass(frozen=True)
class Screening:
    crisis: bool
    # The words that weighed most towards crisis, to say why it matched.
    matched: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.crisis


def screen(text: str) -> Screening:
    """Whether the text suggests suicidal thinking, self-harm or intent to die, and why."""
    if not text or not text.strip():
        return Screening(False)
    model = crisis_model()
    score, passage = model.strongest_passage(tidy(text))
    if score <= model.threshold:
        return Screening(False)
    return Screening(True, tuple(model.strongest_words(passage)) or ("the passage as a whole",))


def mentions_crisis(*texts: str) -> bool:
    """True when any of the texts suggests the person may be unsafe."""
    return any(screen(text).crisis for text in texts if text)


def screen_lines(lines, out) -> None:
    """One JSON object per input line: {"text": ..., "crisis": ..., "matched": [...]}."""
    for line in lines:
        text = line.rstrip("\r\n")
        result = screen(text)
        record = {"text": text, "crisis": result.crisis, "matched": list(result.matched)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
