"""One JSON shape for a promise and for a check-in.

The API gives these, the export writes them, and a therapist's API reads them where the person
shares their promises: one function per thing, so the three can never drift apart (what a
write says back on top, a nudge or support, is added by the API around the shape). Values are
JSON-ready: days and times as ISO 8601 text.
"""

from selftrust.promises.models import CheckIn, Promise
from selftrust.shapes import iso


def promise(item: Promise) -> dict:
    return {
        "id": item.pk,
        "text": item.text,
        "schedule": item.schedule,
        "weekdays": list(item.weekdays or []),
        "due_date": iso(item.due_date),
        "time_of_day": iso(item.time_of_day),
        "starts_on": iso(item.starts_on),
        "status": item.status,
    }


def check_in(item: CheckIn) -> dict:
    return {
        "promise_id": item.promise_id,
        "date": iso(item.day),
        "outcome": item.outcome,
        "note": item.note,
    }
