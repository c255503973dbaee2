"""FHIR R4 export: a QuestionnaireResponse with the answers and an Observation with the total.

Both go in a `collection` Bundle so they travel as one file and the Observation can point at the
response it was derived from. LOINC codes are used where LOINC has one (PHQ-9 total 44261-6,
GAD-7 total 70274-6); other instruments carry a plain-text code.
"""

import uuid

from selftrust.assessments.models import AssessmentResponse

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# A stable namespace so exporting the same response twice gives the same identifiers.
NAMESPACE = uuid.UUID("6f1b0c54-8a8e-4f57-9a52-5e1f3f0c2a10")


def _urn(kind: str, response: AssessmentResponse) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}:{response.pk}')}"


def questionnaire_response(response: AssessmentResponse) -> dict:
    instrument = response.instrument
    labels = dict(instrument.options)
    items = [
        {
            "linkId": str(number),
            "text": text,
            "answer": [
                {
                    "valueCoding": {
                        "system": f"urn:selftrust:{instrument.slug}:answers",
                        "code": str(answer),
                        "display": labels[answer],
                    }
                }
            ],
        }
        for number, (text, answer) in enumerate(
            zip(instrument.items, response.answers, strict=True), start=1
        )
    ]
    if instrument.extra_question and response.extra_answer is not None:
        items.append(
            {
                "linkId": "functional-difficulty",
                "text": instrument.extra_question,
                "answer": [{"valueString": instrument.extra_options[response.extra_answer]}],
            }
        )
    questionnaire = (
        f"{LOINC}/q/{instrument.loinc_panel}"
        if instrument.loinc_panel
        else f"urn:selftrust:questionnaire:{instrument.slug}"
    )
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": questionnaire,
        "status": "completed",
        "authored": response.completed_at.isoformat(),
        "item": items,
    }


def total_observation(response: AssessmentResponse, derived_from: str) -> dict:
    instrument = response.instrument
    code: dict = {"text": f"{instrument.short_name} {instrument.total_label.lower()}"}
    if instrument.loinc_total:
        code["coding"] = [{"system": LOINC, "code": instrument.loinc_total}]
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": code,
        "effectiveDateTime": response.completed_at.isoformat(),
        "valueQuantity": {
            "value": response.total,
            "unit": "{score}",
            "system": UCUM,
            "code": "{score}",
        },
        "derivedFrom": [{"reference": derived_from}],
    }
    if response.band:
        observation["interpretation"] = [{"text": response.band}]
    if response.subscales:
        observation["component"] = [
            {
                "code": {"text": name},
                "valueQuantity": {
                    "value": value,
                    "unit": "{score}",
                    "system": UCUM,
                    "code": "{score}",
                },
            }
            for name, value in response.subscales.items()
        ]
    return observation


def fhir_bundle(response: AssessmentResponse) -> dict:
    qr_url = _urn("questionnaire-response", response)
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": response.completed_at.isoformat(),
        "entry": [
            {"fullUrl": qr_url, "resource": questionnaire_response(response)},
            {
                "fullUrl": _urn("observation", response),
                "resource": total_observation(response, qr_url),
            },
        ],
    }
