"""One JSON shape for a practice entry, whatever its kind: the API gives it, the export writes
it, and a therapist's API reads it where the person shares that practice. The answers are
those the entry holds (a worksheet's by field name; the decision journal's and the thought
record's own fields), as `services.entry_answers` reads them."""

from selftrust.practices.models import Entry
from selftrust.practices.services import entry_answers


def entry(item: Entry) -> dict:
    return {
        "id": item.pk,
        "practice": item.practice,
        "title": item.title,
        "created_at": item.created_at.isoformat(),
        "updated_at": item.updated_at.isoformat(),
        "answers": entry_answers(item),
    }
