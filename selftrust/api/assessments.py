from typing import Any

from django.http import Http404
from ninja import Field, Router, Schema

from selftrust.api.errors import InputRefused
from selftrust.assessments import services
from selftrust.assessments.instruments import INSTRUMENTS, Instrument
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import AnswersInvalid

router = Router(tags=["assessments"])


class ResponseIn(Schema):
    # Any: the scoring rules, not JSON coercion, decide what a valid answer is ("1" is not).
    answers: list[Any] = Field(description="One whole number per item, in item order")
    functional_difficulty: int | None = Field(
        None, description="PHQ-9 only: 0 not difficult at all … 3 extremely difficult; not scored"
    )


class ResponseOut(Schema):
    id: int
    instrument: str
    completed_at: str
    answers: list[int]
    total: int
    band: str | None
    subscales: dict[str, int]
    safety_alert: bool
    percent: int | None = Field(None, description="WHO-5 only: raw score × 4")


def _instrument(slug: str) -> Instrument:
    instrument = INSTRUMENTS.get(slug)
    if instrument is None:
        raise Http404
    return instrument


def _out(response: AssessmentResponse) -> dict:
    return {
        "id": response.pk,
        "instrument": response.instrument_slug,
        "completed_at": response.completed_at.isoformat(),
        "answers": response.answers,
        "total": response.total,
        "band": response.band or None,
        "subscales": response.subscales,
        "safety_alert": response.safety_alert,
        "percent": response.total * 4 if response.instrument_slug == "who-5" else None,
    }


@router.post(
    "/assessments/{instrument}/responses",
    response={201: ResponseOut},
    summary="Score and store a completed questionnaire",
    description="Instruments: " + ", ".join(INSTRUMENTS),
)
def create_response(request, instrument: str, payload: ResponseIn):
    chosen = _instrument(instrument)
    extra = payload.functional_difficulty
    if extra is not None and (
        not chosen.extra_question or not 0 <= extra < len(chosen.extra_options)
    ):
        raise InputRefused(
            {"functional_difficulty": ["Only the PHQ-9 has this question; use 0 to 3."]}
        )
    try:
        response = services.complete(request.auth, chosen, payload.answers, extra)
    except AnswersInvalid as error:
        raise InputRefused({"answers": [str(error)]}) from error
    return 201, _out(response)


@router.get(
    "/assessments/{instrument}/responses",
    response=list[ResponseOut],
    summary="Past results, newest first",
)
def list_responses(request, instrument: str):
    chosen = _instrument(instrument)
    responses = AssessmentResponse.objects.filter(user=request.auth, instrument_slug=chosen.slug)
    return [_out(r) for r in responses]
