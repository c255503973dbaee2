"""The person's care data in one shape: links and what they share, homework, notes for
sessions, and every look a therapist took. The JSON export, the spreadsheets and the import
read this; each thing is written by its one shape in care/shapes.py, which the API gives too."""

from selftrust.care import homework as homework_rules
from selftrust.care import shapes
from selftrust.care.models import AccessRecord, CareLink, Homework, SessionNote


def export_for_person(person) -> dict:
    """Everything of care that is the person's, oldest first."""
    links = CareLink.objects.filter(person=person).select_related("therapist")
    homework = homework_rules.with_done_at(
        Homework.objects.filter(person=person).select_related("link__therapist")
    )
    return {
        "links": [shapes.link(link) for link in links.order_by("started_at", "pk")],
        "homework": [shapes.homework(h) for h in homework.order_by("assigned_at", "pk")],
        "session_notes": [
            shapes.session_note(note)
            for note in SessionNote.objects.filter(person=person).order_by("created_at", "pk")
        ],
        "looks": [
            shapes.look(record)
            for record in AccessRecord.objects.filter(person=person).order_by("at", "pk")
        ],
    }
