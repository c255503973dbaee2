"""Every rating of a feeling or a belief moves to one scale, 0 to 10 (issue 15, item 5).

Distress in grounding ("before", "after"), and in the thought record how much the thought is
believed and how strong each feeling was, were 0 to 100. Each becomes a tenth of itself, halves
rounded up (45 is 5, 55 is 6, 70 is 7), the same rule as `selftrust.practices.ratings`, written
out here so this migration keeps doing what it did whatever that module becomes. Empty ratings
stay empty; anything that isn't a whole number from 0 to 100 is left as it is.

Nothing is lost: the originals are kept in the entry's data under "ratings_0_100" (never shown
or exported: `services.entry_answers` leaves it out), and undoing this migration gives them
back. A rating changed since (or written after) the move is on 0 to 10, so undoing multiplies
it by ten instead. Drafts of those forms (unsaved words, kept as typed text) move too, their
originals under "ratings_0_100" in the draft itself; without this a draft's 70 would come back
into a slider that stops at 10, and be saved as 10.

Entries keep their version and when they were last changed: nobody changed what they wrote.
"""

from django.db import migrations

# (practice, answer names) as they were on 0 to 100; the thought record's feelings too.
WORKSHEETS = {"grounding": ("before", "after")}
THOUGHTS = "thought-record"
BELIEFS = ("belief_before", "belief_after")
FEELING_KEYS = ("before", "after")
FEELING_ROWS = 3
ORIGINALS = "ratings_0_100"  # ratings.OLD_SCALE_KEY, as it was when this was written
BATCH = 2000


def to_0_10(value: int) -> int:
    return (value + 5) // 10


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _forward(value):
    """(new value, original to keep or None)."""
    if _whole(value) and 0 <= value <= 100:
        return to_0_10(value), value
    return value, None


def _back(value, original):
    """The original, if the rating is still what it became; else a 0-10 rating times ten."""
    if _whole(original) and _whole(value) and to_0_10(original) == value:
        return original
    if _whole(value) and 0 <= value <= 10:
        return value * 10
    return value


def _in_batches(queryset):
    batch = []
    for row in queryset.iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


# --- worksheets: the ratings live in Entry.data -------------------------------------------------


def worksheets_forward(Entry):
    for slug, names in WORKSHEETS.items():
        for batch in _in_batches(Entry.objects.filter(practice=slug).order_by("pk")):
            changed = []
            for entry in batch:
                if not isinstance(entry.data, dict):
                    continue
                data, kept = dict(entry.data), {}
                for name in names:
                    if name in data:
                        data[name], original = _forward(data[name])
                        if original is not None:
                            kept[name] = original
                if kept:
                    data[ORIGINALS] = kept
                    entry.data = data
                    changed.append(entry)
            Entry.objects.bulk_update(changed, ["data"])


def worksheets_back(Entry):
    for slug, names in WORKSHEETS.items():
        for batch in _in_batches(Entry.objects.filter(practice=slug).order_by("pk")):
            changed = []
            for entry in batch:
                if not isinstance(entry.data, dict):
                    continue
                data = dict(entry.data)
                kept = data.pop(ORIGINALS, None)
                kept = kept if isinstance(kept, dict) else {}
                for name in names:
                    if name in data:
                        data[name] = _back(data[name], kept.get(name))
                if data != entry.data:
                    entry.data = data
                    changed.append(entry)
            Entry.objects.bulk_update(changed, ["data"])


# --- thought records: their own model; the originals in their entry's data -----------------------


def thoughts_forward(ThoughtRecord, Entry):
    records = ThoughtRecord.objects.select_related("entry").order_by("pk")
    for batch in _in_batches(records):
        entries = []
        for record in batch:
            kept = {}
            for name in BELIEFS:
                value, original = _forward(getattr(record, name))
                setattr(record, name, value)
                if original is not None:
                    kept[name] = original
            feelings, kept_feelings = [], []
            for item in record.emotions or []:
                if not isinstance(item, dict):
                    feelings.append(item)
                    kept_feelings.append({})
                    continue
                item, originals = dict(item), {}
                for key in FEELING_KEYS:
                    if key in item:
                        item[key], original = _forward(item[key])
                        if original is not None:
                            originals[key] = original
                feelings.append(item)
                kept_feelings.append(originals)
            record.emotions = feelings
            if any(kept_feelings):
                kept["emotions"] = kept_feelings
            entry = record.entry
            if kept and isinstance(entry.data, dict):
                entry.data = {**entry.data, ORIGINALS: kept}
                entries.append(entry)
        ThoughtRecord.objects.bulk_update(batch, [*BELIEFS, "emotions"])
        Entry.objects.bulk_update(entries, ["data"])


def thoughts_back(ThoughtRecord, Entry):
    records = ThoughtRecord.objects.select_related("entry").order_by("pk")
    for batch in _in_batches(records):
        entries = []
        for record in batch:
            entry = record.entry
            data = dict(entry.data) if isinstance(entry.data, dict) else {}
            kept = data.pop(ORIGINALS, None)
            kept = kept if isinstance(kept, dict) else {}
            for name in BELIEFS:
                setattr(record, name, _back(getattr(record, name), kept.get(name)))
            kept_feelings = kept.get("emotions") or []
            feelings = []
            for index, item in enumerate(record.emotions or []):
                if isinstance(item, dict):
                    item = dict(item)
                    was = kept_feelings[index] if index < len(kept_feelings) else {}
                    for key in FEELING_KEYS:
                        if key in item:
                            item[key] = _back(item[key], (was or {}).get(key))
                feelings.append(item)
            record.emotions = feelings
            if isinstance(entry.data, dict) and ORIGINALS in entry.data:
                entry.data = data
                entries.append(entry)
        ThoughtRecord.objects.bulk_update(batch, [*BELIEFS, "emotions"])
        Entry.objects.bulk_update(entries, ["data"])


# --- drafts: what was typed, as text -----------------------------------------------------------


def _draft_names(slug: str) -> tuple[str, ...]:
    if slug == THOUGHTS:
        rows = tuple(
            f"emotion_{row}_{key}" for row in range(1, FEELING_ROWS + 1) for key in FEELING_KEYS
        )
        return BELIEFS + rows
    return WORKSHEETS.get(slug, ())


def _slug_of(key: str) -> str:
    parts = key.split(":")
    return parts[1] if len(parts) >= 3 and parts[0] == "practice" else ""


def _number_in(text) -> int | None:
    if isinstance(text, str) and text.strip().isascii() and text.strip().isdigit():
        return int(text.strip())
    return None


def drafts_forward(Draft):
    prefixes = [f"practice:{slug}:" for slug in (*WORKSHEETS, THOUGHTS)]
    for prefix in prefixes:
        changed = []
        for draft in Draft.objects.filter(key__startswith=prefix).order_by("pk"):
            if not isinstance(draft.data, dict):
                continue
            data, kept = dict(draft.data), []
            for name in _draft_names(_slug_of(draft.key)):
                values = data.get(name)
                if not isinstance(values, list):
                    continue
                moved = []
                for value in values:
                    number = _number_in(value)
                    on_old_scale = number is not None and number <= 100
                    moved.append(str(to_0_10(number)) if on_old_scale else value)
                if moved != values:
                    data[name] = moved
                    # Every value of the name, in order, so each finds its own way back.
                    kept += [f"{name}={value}" for value in values]
            if kept:
                data[ORIGINALS] = kept
                draft.data = data
                changed.append(draft)
        # bulk_update leaves updated_at alone: a draft keeps when the person last touched it.
        Draft.objects.bulk_update(changed, ["data"], batch_size=BATCH)


def drafts_back(Draft):
    prefixes = [f"practice:{slug}:" for slug in (*WORKSHEETS, THOUGHTS)]
    for prefix in prefixes:
        changed = []
        for draft in Draft.objects.filter(key__startswith=prefix).order_by("pk"):
            if not isinstance(draft.data, dict):
                continue
            data = dict(draft.data)
            originals: dict[str, list[str]] = {}
            for line in data.pop(ORIGINALS, None) or []:
                name, _, value = str(line).partition("=")
                originals.setdefault(name, []).append(value)
            for name in _draft_names(_slug_of(draft.key)):
                values = data.get(name)
                if not isinstance(values, list):
                    continue
                was = originals.get(name, [])
                if len(was) != len(values):
                    was = [None] * len(values)  # typed again since: on 0 to 10 throughout
                back = []
                for value, before in zip(values, was, strict=True):
                    number, original = _number_in(value), _number_in(before)
                    if number is not None and original is not None and to_0_10(original) == number:
                        back.append(before)
                    elif number is not None and number <= 10:
                        back.append(str(number * 10))
                    else:
                        back.append(value)
                data[name] = back
            if data != draft.data:
                draft.data = data
                changed.append(draft)
        Draft.objects.bulk_update(changed, ["data"], batch_size=BATCH)


def forwards(apps, schema_editor):
    Entry = apps.get_model("practices", "Entry")
    worksheets_forward(Entry)
    thoughts_forward(apps.get_model("practices", "ThoughtRecord"), Entry)
    drafts_forward(apps.get_model("drafts", "Draft"))


def backwards(apps, schema_editor):
    Entry = apps.get_model("practices", "Entry")
    worksheets_back(Entry)
    thoughts_back(apps.get_model("practices", "ThoughtRecord"), Entry)
    drafts_back(apps.get_model("drafts", "Draft"))


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0005_visible_entries_index"),
        ("drafts", "0002_move_old_drafts"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
