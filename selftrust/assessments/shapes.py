"""One JSON shape for a questionnaire result: the API gives it, the export writes it (with the
closing question's answer beside it), and a therapist's API reads it where the person shares
their questionnaire results. `safety_alert` travels with the result: whoever may read the
result may read that an answer about hurting oneself was above 0."""

from selftrust.assessments.models import AssessmentResponse


def result(response: AssessmentResponse) -> dict:
    return {
        "id": response.pk,
        "instrument": response.instrument_slug,
        "completed_at": response.completed_at.isoformat(),
        "answers": list(response.answers),
        "total": response.total,
        "band": response.band or None,
        "subscales": dict(response.subscales or {}),
        "safety_alert": response.safety_alert,
        "percent": response.instrument.percent(response.total),
    }
