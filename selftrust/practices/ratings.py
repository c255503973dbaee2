"""One scale for everything a person rates about a feeling or a belief: 0 to 10.

Distress (SUDS, in grounding), how much a thought is believed and how strong a feeling is (the
thought record), how strong a sensation or an emotion is (the worksheets): all of them are a
whole number from 0 to 10, asked with the same slider. Until issue 15 distress, belief and the
thought record's feelings were 0 to 100; people typed 7 meaning "7 of 10" and it was kept as
7 of 100. Not on this scale: the decision journal's confidence (50 to 100 %, a probability)
and questionnaire answers (each instrument's own published scale).

Older numbers move to this scale by `from_0_100`: a tenth, halves rounded up (45 is 5, 55 is
6), so 70 (the old "hard distress" line) is 7, the line now. A whole-number scale is coarser:
65 to 69 also become 7, so an old rating just under a line can land on it (the lines are read
when an entry is saved, and for the safety plan's suggestions, never to judge the past). The
migration (0006_ratings_0_to_10) keeps the originals in the entry's data, under OLD_SCALE_KEY,
so that undoing it gives the same numbers back; an export made before it (format 1) is
converted the same way when it is brought in.
"""

from collections.abc import Mapping

LOW = 0
HIGH = 10
OLD_HIGH = 100
# Where an entry's data keeps its ratings as first given on 0 to 100 (never an answer: it is
# not shown, exported or sent by the API).
OLD_SCALE_KEY = "ratings_0_100"

# Where each practice kept 0-100 ratings before (format 1 of the export, and migration 0006):
# the answers' names, and for the thought record the feelings' "before" and "after" too.
WAS_0_100: dict[str, tuple[str, ...]] = {
    "grounding": ("before", "after"),
    "thought-record": ("belief_before", "belief_after"),
}
FEELINGS_WERE_0_100 = frozenset({"thought-record"})
FEELING_KEYS = ("before", "after")
EMOTION_ROWS = 3  # the thought record's feeling rows in a draft (emotion_1 … emotion_3)


def was_0_100(slug: str, name: str) -> bool:
    """Did this practice's field (a worksheet answer, or a belief) hold 0-100 ratings?"""
    return name in WAS_0_100.get(slug, ())


def from_0_100(value: int) -> int:
    """A rating on the old 0-100 scale, on this one: a tenth, halves rounded up."""
    return (value + 5) // 10


def is_whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def refusal(value, *, was_0_100: bool = False) -> str:
    """What the form says about a number off the scale; for a rating that was 0 to 100, in
    the words of the change (someone, or a script, may still be using the old scale)."""
    if was_0_100 and is_whole_number(value) and HIGH < value <= OLD_HIGH:
        if value < 2 * HIGH:
            # 11 to 19 reads more like a slip past 10 than a rating on the old scale.
            return (
                f"Please choose a number from {LOW} to {HIGH}. If you meant the old 0 to 100 "
                f"scale, {value} would be {from_0_100(value)}."
            )
        return f"Ratings are now {LOW} to {HIGH}; {value} would be {from_0_100(value)}."
    return f"Please choose a number from {LOW} to {HIGH}."


# --- an export made before the change (format 1) ---------------------------------------------


def _converted(value):
    """An old rating on the new scale; anything else as it was (the form judges it)."""
    if is_whole_number(value) and LOW <= value <= OLD_HIGH:
        return from_0_100(value)
    return value


def _converted_text(value):
    """The same for a draft, which keeps what was typed as text."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
        if number <= OLD_HIGH:
            return str(from_0_100(number))
    return value


def answers_on_0_10(slug: str, answers) -> object:
    """A practice entry's answers from an older export, with its ratings on 0 to 10."""
    if not isinstance(slug, str) or not isinstance(answers, Mapping):
        return answers
    converted = dict(answers)
    for name in WAS_0_100.get(slug, ()):
        if name in converted:
            converted[name] = _converted(converted[name])
    feelings = converted.get("emotions")
    if slug in FEELINGS_WERE_0_100 and isinstance(feelings, list):
        converted["emotions"] = [
            {key: _converted(v) if key in FEELING_KEYS else v for key, v in item.items()}
            if isinstance(item, Mapping)
            else item
            for item in feelings
        ]
    return converted


def draft_field_names(slug: str) -> tuple[str, ...]:
    """The names of a practice form's fields that held 0-100 ratings (as a draft keeps them)."""
    names = WAS_0_100.get(slug, ())
    if slug in FEELINGS_WERE_0_100:
        names += tuple(
            f"emotion_{row}_{key}" for row in range(1, EMOTION_ROWS + 1) for key in FEELING_KEYS
        )
    return names


def draft_on_0_10(slug: str, fields) -> object:
    """A draft's fields (name: list of text) from an older export, with ratings on 0 to 10."""
    if not isinstance(slug, str) or not isinstance(fields, Mapping):
        return fields
    converted = dict(fields)
    for name in draft_field_names(slug):
        values = converted.get(name)
        if isinstance(values, list):
            converted[name] = [_converted_text(value) for value in values]
    return converted


def practice_slug_of_draft(key) -> str | None:
    """ "thought-record" for "practice:thought-record:new"; None for any other kind of key."""
    if not isinstance(key, str):
        return None
    parts = key.split(":")
    return parts[1] if len(parts) >= 3 and parts[0] == "practice" else None


def export_on_0_10(export: Mapping) -> dict:
    """An export of format 1 with every rating moved to 0 to 10; the rest as it was.

    Anything not in the shape an export gives is left alone, for the import to name.
    """
    converted = dict(export)
    entries = export.get("practice_entries")
    if isinstance(entries, list):
        converted["practice_entries"] = [
            {**entry, "answers": answers_on_0_10(entry.get("practice"), entry.get("answers"))}
            if isinstance(entry, Mapping) and "answers" in entry
            else entry
            for entry in entries
        ]
    drafts = export.get("drafts")
    if isinstance(drafts, list):
        converted["drafts"] = [
            {**draft, "fields": draft_on_0_10(slug, draft.get("fields"))}
            if isinstance(draft, Mapping) and (slug := practice_slug_of_draft(draft.get("key")))
            else draft
            for draft in drafts
        ]
    return converted
