from typing import Annotated, Any

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Schema
from pydantic import ConfigDict, StrictInt, WithJsonSchema

from selftrust.api.errors import InputRefused
from selftrust.api.router import Router
from selftrust.assessments import services, shapes
from selftrust.assessments.fhir import CONTENT_TYPE, fhir_bundle, questionnaire, to_json
from selftrust.assessments.instruments import INSTRUMENTS, Instrument
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import AnswersInvalid

router = Router(tags=["assessments"])


# Which questionnaire is in the path, so the body can only say what any of them accepts; each
# one's own count and range are in the description, and the scoring rules refuse the rest.
_ANSWERS_HELP = "One whole number per question, in order: " + "; ".join(
    f"{i.short_name} ({slug}) {len(i.items)} answers, {i.min_value} to {i.max_value}"
    for slug, i in INSTRUMENTS.items()
)
_EXTRA_OPTIONS = max(len(i.extra_options) for i in INSTRUMENTS.values())

Slug = Annotated[
    str,
    WithJsonSchema({"type": "string", "enum": list(INSTRUMENTS)}),
]


class ResponseIn(Schema):
    model_config = ConfigDict(extra="forbid")

    # Any: the scoring rules, not JSON coercion, decide what a valid answer is ("1" is not).
    answers: list[Any] = Field(
        description=_ANSWERS_HELP,
        json_schema_extra={
            "items": {
                "type": "integer",
                "minimum": min(i.min_value for i in INSTRUMENTS.values()),
                "maximum": max(i.max_value for i in INSTRUMENTS.values()),
            },
            "minItems": min(len(i.items) for i in INSTRUMENTS.values()),
            "maxItems": max(len(i.items) for i in INSTRUMENTS.values()),
        },
    )
    functional_difficulty: StrictInt | None = Field(
        None,
        description="PHQ-9 only: 0 not difficult at all … 3 extremely difficult; not scored",
        json_schema_extra={
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": _EXTRA_OPTIONS - 1},
                {"type": "null"},
            ]
        },
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


@router.post(
    "/assessments/{instrument}/responses",
    response={201: ResponseOut},
    summary="Score and store a completed questionnaire",
    description="Instruments: "
    + ", ".join(INSTRUMENTS)
    + ". Refused (422) when the answers don't fit that questionnaire: its number of questions, "
    "its answer range, the extra question only on the PHQ-9.",
)
def create_response(request, instrument: Slug, payload: ResponseIn):
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
    return 201, shapes.result(response)


@router.get(
    "/assessments/{instrument}/responses",
    response=list[ResponseOut],
    summary="Past results, newest first",
)
def list_responses(request, instrument: Slug):
    chosen = _instrument(instrument)
    responses = AssessmentResponse.objects.filter(user=request.auth, instrument_slug=chosen.slug)
    return [shapes.result(r) for r in responses]


def _fhir(resource: dict) -> HttpResponse:
    return HttpResponse(to_json(resource), content_type=CONTENT_TYPE)


# FHIR resources go out as application/fhir+json, not as a schema of ours: said here.
def _fhir_ok(resource_type: str) -> dict:
    return {
        "responses": {
            200: {
                "description": f"A FHIR R4 {resource_type}",
                "content": {"application/fhir+json": {"schema": {"type": "object"}}},
            }
        }
    }


@router.get(
    "/assessments/{instrument}/responses/{response_id}/fhir",
    response={},
    summary="One result as a FHIR R4 Bundle",
    description=(
        "A `collection` Bundle: the QuestionnaireResponse, an Observation with the total "
        "(and subscales, or the WHO-5 percentage, as components) and, when PHQ-9 item 9 is "
        "answered above 0, an Observation of that answer. The person appears only as a "
        "pseudonymous identifier that stays the same across exports. 404 when the result is "
        "not yours or is not of that instrument."
    ),
    openapi_extra=_fhir_ok("Bundle"),
)
def response_fhir(request, instrument: Slug, response_id: int):
    chosen = _instrument(instrument)
    response = get_object_or_404(
        AssessmentResponse, pk=response_id, user=request.auth, instrument_slug=chosen.slug
    )
    return _fhir(fhir_bundle(response))


@router.get(
    "/fhir/Questionnaire/{slug}",
    auth=None,
    response={},
    summary="The FHIR Questionnaire a result's QuestionnaireResponse points to",
    description=(
        "No sign-in needed: it holds the form, nothing personal. The PHQ-9 and GAD-7 are "
        "LOINC's own forms (canonical http://loinc.org/q/44249-1 and http://loinc.org/q/69737-5); "
        "the others are ours (urn:selftrust:questionnaire:<slug>). Instruments: "
        + ", ".join(INSTRUMENTS)
    ),
    openapi_extra=_fhir_ok("Questionnaire"),
)
def get_questionnaire(request, slug: Slug):
    return _fhir(questionnaire(_instrument(slug)))
