"""One JSON shape for the safety plan and for a trusted person: the API gives them, the export
writes them, and a therapist's API reads the plan where the person shares it."""

from selftrust.safety import plan as plans
from selftrust.safety.models import SafetyPlan, TrustedPerson


def plan(item: SafetyPlan) -> dict:
    """Each written part as a list of lines, in the plan's order; the people chosen in a part
    by id and name (their ways to reach them are on the trusted person)."""
    out: dict = {
        section.field: plans.lines(getattr(item, section.field)) for section in plans.SECTIONS
    }
    for section in plans.SECTIONS:
        if section.people_field:
            out[section.people_field] = [
                {"id": person.pk, "name": person.name}
                for person in getattr(item, section.people_field).all()
            ]
    out["updated_at"] = item.updated_at.isoformat()
    return out


def trusted_person(person: TrustedPerson) -> dict:
    return {
        "id": person.pk,
        "name": person.name,
        "phone": person.phone,
        "email": person.email,
        "good_for": person.good_for,
        "links": {
            "call": person.call_href or None,
            "text": person.text_href or None,
            "email": person.email_href or None,
        },
    }
