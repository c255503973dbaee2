"""Drafts of the promise forms and of the notes typed on Today, kept by the drafts app.

    promise:new                            a new promise
    promise:edit:<id>                      changes to a promise
    promise:check-in:<id>:<YYYY-MM-DD>     the note of one promise's answer for one day

One key for each box a person can type in: Today shows a promise once for each day of the
answer window it was due, and a note typed for Monday must never overwrite one typed for
Tuesday. (The daily check's note is the insights app's: drafts/keys.py DAILY_CHECK.)

A check-in note kept for a day Today no longer shows (outside the answer window now, or
refused for a day that can't be answered) is not lost either: it shows in the promise's newest
box on Today, with that day in a hidden `kept_from` field, so saving that box lets both go.

The drafts app (drafts/views.py, DRAFTED_FORMS) asks `may_keep_draft` whether a "promise:" key
is one this person may keep a draft under.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from selftrust.drafts import store
from selftrust.promises.models import Promise

PROMISE_NEW = "promise:new"
CHECK_IN_NOTES = "promise:check-in:"

# What a promise form posts as more than one value (the weekday boxes).
PROMISE_FORM_MULTI_VALUE_FIELDS = ("weekdays",)

# Only ASCII digits: "²" is a digit to Python's isdigit() but never a promise's id.
_EDIT = re.compile(r"promise:edit:([0-9]{1,18})")
_CHECK_IN = re.compile(r"promise:check-in:([0-9]{1,18}):([0-9]{4}-[0-9]{2}-[0-9]{2})")


def promise_edit(promise_id: int) -> str:
    return f"promise:edit:{promise_id}"


def check_in_note(promise_id: int, day: date) -> str:
    return f"{CHECK_IN_NOTES}{promise_id}:{day.isoformat()}"


def _day(text) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) and len(text) == 10 else None
    except ValueError:
        return None


def parse_check_in_note(key: str) -> tuple[int, date] | None:
    """The promise and the day a check-in note's draft is about; None if the key isn't one."""
    match = _CHECK_IN.fullmatch(key)
    day = _day(match.group(2)) if match else None
    return None if day is None else (int(match.group(1)), day)


def may_keep_draft(user, key: str) -> bool:
    """Does `key` name a promise form of this person's: a new promise, or one of their own."""
    if key == PROMISE_NEW:
        return True
    edit = _EDIT.fullmatch(key)
    check_in = parse_check_in_note(key)
    if edit is None and check_in is None:
        return False
    promise_id = int(edit.group(1)) if edit else check_in[0]
    return Promise.objects.owned_by(user).filter(pk=promise_id).exists()


def note_of(fields: dict[str, list[str]] | None) -> str:
    """The note a draft holds ("" when it holds none)."""
    values = (fields or {}).get("note") or [""]
    return str(values[-1])


def kept_from(data) -> date | None:
    """The day whose kept note a posted check-in (or its draft) carried in, if any."""
    if data is None:
        return None
    value = data.get("kept_from")
    return _day(value[-1] if isinstance(value, list) and value else value)


# --- the notes kept on Today ------------------------------------------------------------------


@dataclass(frozen=True)
class KeptNote:
    note: str
    # The day it was typed for, when that isn't the box's own day.
    kept_from: date | None = None


def kept_notes(user, items: Iterable) -> dict[tuple[int, date], KeptNote]:
    """Which box on Today (by promise and day) shows which kept note, in one query.

    A box shows its own draft when that differs from the saved note. A draft for a day with no
    box shows in the promise's newest box, if that has none of its own; one at a time, newest
    first, so each is seen whole and let go only once saved. A draft already carried into a
    box (its day named in that box's own draft as `kept_from`) isn't shown twice.
    """
    drafts = store.kept_under(user, CHECK_IN_NOTES)
    if not drafts:
        return {}
    by_promise: dict[int, dict[date, dict]] = defaultdict(dict)
    for key, fields in drafts.items():
        parsed = parse_check_in_note(key)
        if parsed is not None:
            by_promise[parsed[0]][parsed[1]] = fields
    boxes: dict[int, dict[date, str]] = defaultdict(dict)
    for item in items:
        boxes[item.promise.pk][item.day] = item.check_in.note if item.check_in else ""
    shown = {}
    for promise_id, kept in by_promise.items():
        saved = boxes.get(promise_id)
        if not saved:
            continue  # not on Today (resting, or nothing due this week): kept till it is
        for day, fields in kept.items():
            if day in saved and note_of(fields) != saved[day]:
                shown[(promise_id, day)] = KeptNote(note_of(fields))
        carried = {kept_from(fields) for fields in kept.values()}
        waiting = sorted(
            (
                day
                for day, fields in kept.items()
                if day not in saved and day not in carried and note_of(fields).strip()
            ),
            reverse=True,
        )
        newest = max(saved)
        if waiting and (promise_id, newest) not in shown:
            shown[(promise_id, newest)] = KeptNote(note_of(kept[waiting[0]]), waiting[0])
    return shown


def with_kept_notes(items: list, shown: dict[tuple[int, date], KeptNote]) -> list:
    """The items, each carrying the note kept for its box (new items: the week is cached)."""
    if not shown:
        return items
    return [
        replace(item, kept_note=kept.note, kept_from=kept.kept_from)
        if (kept := shown.get((item.promise.pk, item.day)))
        else item
        for item in items
    ]


def let_go_after_check_in(request, promise: Promise, day: date) -> None:
    """The box for this promise and day was saved: its draft, and any it carried in, go."""
    key = check_in_note(promise.pk, day)
    keys = [key]
    carried = kept_from(request.POST)
    if carried is not None and carried != day:
        keys.append(check_in_note(promise.pk, carried))
    store.discard_keys(keys, user=request.user)
    store.close_after_save(request, key)
