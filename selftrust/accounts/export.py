"""Everything a person has stored, as one JSON-ready dictionary."""

import json

from django.utils import timezone

from selftrust.assessments import shapes as assessment_shapes
from selftrust.assessments.models import AssessmentResponse
from selftrust.care.export import export_for_person as export_care
from selftrust.drafts import store as drafts
from selftrust.insights.services import export_checks
from selftrust.insights.weekly_review import export_reviews
from selftrust.practices import shapes as practice_shapes
from selftrust.practices.models import Entry
from selftrust.promises import shapes as promise_shapes
from selftrust.promises.models import CheckIn, Promise
from selftrust.reminders.export import export_reminders
from selftrust.safety import plan as safety_plan
from selftrust.safety import shapes as safety_shapes
from selftrust.safety.models import TrustedPerson

# 2: every rating of distress, belief or how strong a feeling is, is 0 to 10 (issue 15). In
# format 1 grounding's distress and the thought record's ratings were 0 to 100; importing.py
# still reads format 1 and moves them (selftrust/practices/ratings.py).
# 3: each thing is written in its one shape, the API's (each app's shapes.py): records gained
# their ids (and a practice entry its title, a result its safety_alert and percent, a trusted
# person the links to reach them), and the safety plan names its people by id and name, not
# by name alone. importing.py reads formats 1 and 2 as well.
# 4: the reminder choices and their delivery log ("reminders"; reminders/export.py), which
# importing leaves in the file. Files of formats 1 to 3 still import.
EXPORT_FORMAT = "selftrust-export/4"
OLDER_FORMATS = ("selftrust-export/1", "selftrust-export/2", "selftrust-export/3")


def export_for(user) -> dict:
    promises = Promise.objects.owned_by(user).order_by("created_at", "pk")
    check_ins = CheckIn.objects.filter(promise__user=user).order_by("promise_id", "day")
    by_promise: dict[int, list[dict]] = {}
    for check_in in check_ins:
        by_promise.setdefault(check_in.promise_id, []).append(promise_shapes.check_in(check_in))
    plan = safety_plan.plan_for(user)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "time_zone": user.time_zone,
            "joined": user.date_joined.isoformat(),
        },
        "promises": [
            {
                **promise_shapes.promise(promise),
                "created_at": promise.created_at.isoformat(),
                "check_ins": by_promise.get(promise.pk, []),
            }
            for promise in promises
        ],
        # The closing question (how hard things have been; PHQ-9 only) is not scored.
        "assessments": [
            {**assessment_shapes.result(response), "extra_answer": response.extra_answer}
            for response in AssessmentResponse.objects.filter(user=user).order_by(
                "completed_at", "pk"
            )
        ],
        "practice_entries": [
            practice_shapes.entry(entry)
            for entry in Entry.objects.owned_by(user)
            .visible()
            .select_related("decision", "thought_record")
            .order_by("created_at", "pk")
        ],
        # Mood and energy, one a day: {"date", "mood", "mood_words", "energy", "energy_words", "note"}.
        "daily_checks": export_checks(user),
        # Weekly reviews, oldest first: {"id", "week_ending", "kept", "got_in_the_way",
        # "learned", "next_promise", "promise_id" (the id of the promise it made, above, or
        # null), "created_at", "updated_at"}.
        "weekly_reviews": export_reviews(user),
        # Words typed and not saved yet are the person's too: {"key", "updated_at", "fields"}.
        "drafts": drafts.export(user),
        "safety_plan": safety_shapes.plan(plan) if plan is not None else None,
        "trusted_people": [
            safety_shapes.trusted_person(person) for person in TrustedPerson.objects.owned_by(user)
        ],
        # A therapist beside the person: {"links", "homework", "session_notes", "looks"}, each
        # a list, oldest first; "looks" is every look a therapist took, one a row.
        "care": export_care(user),
        # Reminders: {"settings", "promise_ids", "email", "devices", "calendar_feed",
        # "sent"}; no device's push keys and no feed address (reminders/export.py).
        "reminders": export_reminders(user),
        "api_tokens": [
            {"name": token.name, "created_at": token.created_at.isoformat()}
            for token in user.api_tokens.all()
        ],
    }


def export_json(user) -> str:
    """The export as the file Settings and `selftrust export` both give."""
    return json.dumps(export_for(user), indent=2, ensure_ascii=False)
