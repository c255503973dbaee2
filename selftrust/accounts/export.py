"""Everything a person has stored, as one JSON-ready dictionary."""

import json

from django.utils import timezone

from selftrust.assessments.models import AssessmentResponse
from selftrust.drafts import store as drafts
from selftrust.insights.services import export_checks
from selftrust.practices.services import export_entries
from selftrust.promises.models import CheckIn, Promise
from selftrust.safety import plan as safety_plan

EXPORT_FORMAT = "selftrust-export/1"


def export_for(user) -> dict:
    promises = Promise.objects.owned_by(user).order_by("created_at", "pk")
    check_ins = CheckIn.objects.filter(promise__user=user).order_by("promise_id", "day")
    by_promise: dict[int, list[dict]] = {}
    for check_in in check_ins:
        by_promise.setdefault(check_in.promise_id, []).append(
            {"date": check_in.day.isoformat(), "outcome": check_in.outcome, "note": check_in.note}
        )
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
                "id": promise.pk,
                "text": promise.text,
                "schedule": promise.schedule,
                "weekdays": promise.weekdays,
                "due_date": promise.due_date.isoformat() if promise.due_date else None,
                "time_of_day": promise.time_of_day.isoformat() if promise.time_of_day else None,
                "starts_on": promise.starts_on.isoformat(),
                "status": promise.status,
                "created_at": promise.created_at.isoformat(),
                "check_ins": by_promise.get(promise.pk, []),
            }
            for promise in promises
        ],
        "assessments": [
            {
                "instrument": response.instrument_slug,
                "completed_at": response.completed_at.isoformat(),
                "answers": response.answers,
                "extra_answer": response.extra_answer,
                "total": response.total,
                "band": response.band,
                "subscales": response.subscales,
            }
            for response in AssessmentResponse.objects.filter(user=user).order_by(
                "completed_at", "pk"
            )
        ],
        "practice_entries": export_entries(user),
        # Mood and energy, one a day: {"date", "mood", "mood_words", "energy", "energy_words", "note"}.
        "daily_checks": export_checks(user),
        # Words typed and not saved yet are the person's too: {"key", "updated_at", "fields"}.
        "drafts": drafts.export(user),
        "safety_plan": safety_plan.export(safety_plan.plan_for(user)),
        "trusted_people": safety_plan.export_people(user),
        "api_tokens": [
            {"name": token.name, "created_at": token.created_at.isoformat()}
            for token in user.api_tokens.all()
        ],
    }


def export_json(user) -> str:
    """The export as the file Settings and `selftrust export` both give."""
    return json.dumps(export_for(user), indent=2, ensure_ascii=False)
