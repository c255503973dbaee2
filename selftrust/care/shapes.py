"""One JSON shape for each thing of care.

The person's export writes them, the person's API gives them, and the therapist's API gives
the ones a therapist may see: one function per thing, so none can drift from another. Values
are JSON-ready: moments and days as ISO 8601 text.

- `person`: a linked person as their therapist sees them: who, since when, what they share.
- `link`: the same link as the person sees it: with whom, since when, what they share.
- `caseload_row`: `person`, with the measures and homework the caseload shows of them.
- `homework`, `session_note`, `look` (one row of the audit, the person's alone).
"""

from selftrust.care import categories
from selftrust.care.caseload import CaseloadRow
from selftrust.care.homework import describe
from selftrust.care.measures import Change
from selftrust.care.models import AccessRecord, CareLink, Homework, SessionNote
from selftrust.shapes import iso


def person(link: CareLink) -> dict:
    """Only the link's own facts: nothing of the person's records is in it."""
    return {
        "id": link.person_id,
        "username": link.person.get_username(),
        "linked_since": iso(link.started_at),
        "shared": categories.known(link.shared or []),
        "shared_from": iso(link.shared_from),
        "last_session_on": iso(link.last_session_on),
    }


def link(item: CareLink) -> dict:
    return {
        "id": item.pk,
        "therapist": item.therapist.get_username(),
        "started_at": iso(item.started_at),
        "ended_at": iso(item.ended_at),
        "ended_by": item.ended_by or None,
        "shared": list(item.shared or []),
        "shared_from": iso(item.shared_from),
        "last_session_on": iso(item.last_session_on),
    }


def homework(item: Homework, *, seen_by_therapist: bool = False) -> dict:
    """`done_at` is read from the `with_done_at` annotation (None without it). For the
    therapist, the promise the person made from a suggestion is left out: it is one of their
    promises, theirs to share or not."""
    return {
        "id": item.pk,
        "therapist": item.link.therapist.get_username(),
        "kind": item.kind,
        "target": item.target,
        "title": describe(item).title,
        "note": item.note,
        "due_on": iso(item.due_on),
        "assigned_at": iso(item.assigned_at),
        "answer": item.answer,
        "answered_at": iso(item.answered_at),
        "promise_id": None if seen_by_therapist else item.promise_id,
        "done_at": iso(getattr(item, "done_at", None)),
    }


def session_note(note: SessionNote) -> dict:
    return {
        "id": note.pk,
        "text": note.text,
        "created_at": iso(note.created_at),
        "brought_on": iso(note.brought_on),
    }


def look(record: AccessRecord) -> dict:
    return {
        "therapist": record.therapist_name,
        "category": record.category,
        "at": iso(record.at),
        "allowed": record.allowed,
    }


def measure(change: Change) -> dict:
    """The latest total of a questionnaire beside the first one shared, marked by its published
    thresholds (care/measures.py)."""
    return {
        "instrument": change.instrument.slug,
        "first": change.first,
        "first_on": iso(change.first_on),
        "latest": change.latest,
        "latest_on": iso(change.latest_on),
        "taken": change.taken,
        "change": change.difference,
        "reliable": change.reliable,
        "meaningful": change.meaningful,
        "mark": change.mark,
    }


def caseload_row(row: CaseloadRow) -> dict:
    """A person on their therapist's caseload: the person, and what the caseload shows of
    them, every figure from what they share (care/caseload.py)."""
    return {
        **person(row.link),
        "last_activity": iso(row.last_activity),
        "measures": [measure(cell.change) for cell in row.measures if cell.change],
        "item_nine_on": iso(row.item_nine_on),
        "homework_open": row.homework_open,
        "homework_next_due": iso(row.homework_next_due),
    }
