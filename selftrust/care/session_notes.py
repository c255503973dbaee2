"""What I want to bring: notes a person writes for their next session, whenever it comes.

A note is the person's own, whether or not they share "Notes for your sessions" with a
therapist. Marking one as brought keeps it (with the day), so a note can be looked back on;
only deleting removes it. Words are screened for crisis language where they are saved (the
views), as every free text is; drafts are kept like any long writing (drafts/store.py).
"""

import re
from datetime import date

from django.db.models import F

from selftrust.care.models import SessionNote
from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts

_EDIT_KEY = re.compile(r"session-note:edit:([0-9]{1,18})")


def notes_of(person):
    """The person's notes: those still to bring first, newest first; then those brought."""
    return SessionNote.objects.filter(person=person).order_by(
        F("brought_on").desc(nulls_first=True), "-created_at", "-pk"
    )


def note_of(person, note_id) -> SessionNote | None:
    """One of the person's own notes, or None (never someone else's)."""
    return SessionNote.objects.filter(person=person, pk=note_id).first()


def write(person, text: str) -> SessionNote:
    return SessionNote.objects.create(person=person, text=text)


def change(note: SessionNote, text: str) -> SessionNote:
    note.text = text
    note.save(update_fields=["text", "updated_at"])
    return note


def mark_brought(note: SessionNote, day: date) -> None:
    note.brought_on = day
    note.save(update_fields=["brought_on", "updated_at"])


def mark_to_bring(note: SessionNote) -> None:
    """Not talked about after all: back on the list to bring."""
    note.brought_on = None
    note.save(update_fields=["brought_on", "updated_at"])


def delete(note: SessionNote) -> None:
    drafts.discard(note.person, draft_keys.session_note_edit(note.pk))
    note.delete()


def may_keep_draft(user, key: str) -> bool:
    """A new note, or changes to a note of the person's own."""
    if key == draft_keys.SESSION_NOTE:
        return True
    match = _EDIT_KEY.fullmatch(key)
    return bool(match) and SessionNote.objects.filter(pk=match.group(1), person=user).exists()
