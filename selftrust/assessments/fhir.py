"""FHIR R4 export: a QuestionnaireResponse with the answers and Observations derived from it.

All of it goes in a `collection` Bundle so it travels as one file and each Observation can point
at the response it was derived from:

- the QuestionnaireResponse, whose `questionnaire` canonical resolves to a form that holds every
  linkId and answer code it uses. The PHQ-9 and GAD-7 use LOINC's own forms
  (http://loinc.org/q/<panel>, shipped in fhir_questionnaires/), with LOINC's linkIds and LA
  answer codes; the other instruments get a form generated here from instruments.py, under a
  urn of ours. GET /api/v1/fhir/Questionnaire/<slug> serves both;
- an Observation with the total (LOINC-coded where LOINC has a code), subscales and, for the
  WHO-5, the percentage score as components;
- for a PHQ-9 item 9 answered above 0, an Observation of that item's answer, so a receiving
  system sees it without reading the response.

The person is named only by a pseudonymous identifier that stays the same across exports.
"""

import json
import uuid
from importlib import resources

from selftrust.assessments.instruments import Instrument
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import keyed_value, safety_alert

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
PERSON_SYSTEM = "urn:selftrust:person"
CONTENT_TYPE = "application/fhir+json; charset=utf-8"
# A stable namespace so exporting the same response twice gives the same identifiers.
NAMESPACE = uuid.UUID("6f1b0c54-8a8e-4f57-9a52-5e1f3f0c2a10")
# linkIds of our own generated forms, beside "1", "2", … for the items.
STEM_LINK_ID = "stem"
EXTRA_LINK_ID = "functional-difficulty"
TOTAL_LINK_ID = "total"


def _urn(kind: str, response: AssessmentResponse) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{kind}:{response.pk}')}"


def to_json(resource: dict) -> str:
    return json.dumps(resource, indent=2, ensure_ascii=False)


# --- who: a pseudonym, never a name ---------------------------------------------------------


def subject_reference(user) -> dict:
    """The same for every export of one person's results; holds no name, email or username."""
    return {
        "type": "Patient",
        "identifier": {"system": PERSON_SYSTEM, "value": str(user.pseudonym)},
    }


# --- the forms ------------------------------------------------------------------------------


def link_ids(instrument: Instrument) -> tuple[str, ...]:
    if instrument.loinc_form:
        return instrument.loinc_form.item_link_ids
    return tuple(str(number) for number in range(1, len(instrument.items) + 1))


def _extra_link_id(instrument: Instrument) -> str:
    form = instrument.loinc_form
    return form.extra_link_id if form and form.extra_link_id else EXTRA_LINK_ID


def _total_link_id(instrument: Instrument) -> str:
    return instrument.loinc_form.total_link_id if instrument.loinc_form else TOTAL_LINK_ID


def _with_ordinal(coding: dict, value: int) -> dict:
    return {"extension": [{"url": ORDINAL_VALUE, "valueDecimal": value}], **coding}


def answer_coding(instrument: Instrument, item: int, value: int) -> dict:
    """The coding of answer `value` to 1-based `item`, with the score it adds as its ordinal."""
    if instrument.loinc_form:
        system, code = LOINC, instrument.loinc_form.answer_codes[value]
    else:
        system, code = f"urn:selftrust:{instrument.slug}:answers", str(value)
    coding = {"system": system, "code": code, "display": dict(instrument.options)[value]}
    return _with_ordinal(coding, keyed_value(instrument, item, value))


def extra_coding(instrument: Instrument, index: int) -> dict:
    """The functional-difficulty answer: recorded, never scored, so it carries no ordinal."""
    form = instrument.loinc_form
    if form and form.extra_answer_codes:
        system, code = LOINC, form.extra_answer_codes[index]
    else:
        system, code = f"urn:selftrust:{instrument.slug}:extra-answers", str(index)
    return {"system": system, "code": code, "display": instrument.extra_options[index]}


def _answer_option(coding: dict) -> dict:
    """An answerOption for a coding, with its ordinal (if any) on the option as SDC does it."""
    extension = coding.get("extension")
    plain = {key: value for key, value in coding.items() if key != "extension"}
    return {"extension": extension, "valueCoding": plain} if extension else {"valueCoding": plain}


def generated_questionnaire(instrument: Instrument) -> dict:
    """Our own form for an instrument LOINC has no form for, built from instruments.py."""
    items: list[dict] = [{"linkId": STEM_LINK_ID, "text": instrument.stem, "type": "display"}]
    for number, (link_id, text) in enumerate(
        zip(link_ids(instrument), instrument.items, strict=True), start=1
    ):
        items.append(
            {
                "linkId": link_id,
                "prefix": str(number),
                "text": text,
                "type": "choice",
                "required": True,
                "answerOption": [
                    _answer_option(answer_coding(instrument, number, value))
                    for value, _label in instrument.options
                ],
            }
        )
    if instrument.extra_question:
        items.append(
            {
                "linkId": _extra_link_id(instrument),
                "text": instrument.extra_question,
                "type": "choice",
                "answerOption": [
                    _answer_option(extra_coding(instrument, index))
                    for index in range(len(instrument.extra_options))
                ],
            }
        )
    items.append(
        {
            "linkId": _total_link_id(instrument),
            "text": instrument.total_label,
            "type": "integer",
            "readOnly": True,
        }
    )
    return {
        "resourceType": "Questionnaire",
        "id": instrument.slug,
        "url": f"urn:selftrust:questionnaire:{instrument.slug}",
        "name": "Selftrust_" + instrument.slug.upper().replace("-", "_"),
        "title": instrument.name,
        "status": "active",
        "subjectType": ["Patient"],
        "publisher": "Selftrust",
        "copyright": f"{instrument.licence} {instrument.citation}",
        "item": items,
    }


def questionnaire(instrument: Instrument) -> dict:
    """The form a response to `instrument` points to: LOINC's where it has one, else ours."""
    if instrument.loinc_form:
        shipped = resources.files("selftrust.assessments.fhir_questionnaires")
        return json.loads(shipped.joinpath(f"{instrument.slug}.json").read_text(encoding="utf-8"))
    return generated_questionnaire(instrument)


# --- the resources --------------------------------------------------------------------------


def questionnaire_response(response: AssessmentResponse, subject: dict | None = None) -> dict:
    instrument = response.instrument
    form = questionnaire(instrument)
    form_items = {item["linkId"]: item for item in form["item"]}

    def item(link_id: str, answer: dict) -> dict:
        # The text is the form's own, word for word: a validator checks it against the form.
        entry = {"linkId": link_id}
        if text := form_items[link_id].get("text"):
            entry["text"] = text
        return {**entry, "answer": [answer]}

    items = [
        item(link_id, {"valueCoding": answer_coding(instrument, number, answer)})
        for number, (link_id, answer) in enumerate(
            zip(link_ids(instrument), response.answers, strict=True), start=1
        )
    ]
    if instrument.extra_question and response.extra_answer is not None:
        items.append(
            item(
                _extra_link_id(instrument),
                {"valueCoding": extra_coding(instrument, response.extra_answer)},
            )
        )
    total_link_id = _total_link_id(instrument)
    total_type = form_items[total_link_id]["type"]  # LOINC's forms say decimal, ours integer
    items.append(item(total_link_id, {f"value{total_type.capitalize()}": response.total}))
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": form["url"],
        "status": "completed",
    }
    if subject:
        resource["subject"] = subject
    return {**resource, "authored": response.completed_at.isoformat(), "item": items}


def _score(value: int) -> dict:
    return {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}


def _survey_observation(response: AssessmentResponse, code: dict, subject: dict | None) -> dict:
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": code,
    }
    if subject:
        observation["subject"] = subject
    observation["effectiveDateTime"] = response.completed_at.isoformat()
    return observation


def total_observation(
    response: AssessmentResponse, derived_from: str, subject: dict | None = None
) -> dict:
    instrument = response.instrument
    code: dict = {"text": f"{instrument.short_name} {instrument.total_label.lower()}"}
    if instrument.loinc_total:
        code["coding"] = [{"system": LOINC, "code": instrument.loinc_total}]
    observation = _survey_observation(response, code, subject)
    observation["valueQuantity"] = _score(response.total)
    if response.safety_alert:
        # A low total must not read as reassuring when item 9 was endorsed.
        observation["interpretation"] = [
            {
                "text": "Item 9 (thoughts of being better off dead or of self-harm) endorsed; "
                "the total is not reassuring on its own."
            }
        ]
    elif response.band:
        observation["interpretation"] = [{"text": response.band}]
    components = [
        {"code": {"text": name}, "valueQuantity": _score(value)}
        for name, value in response.subscales.items()
    ]
    percent = instrument.percent(response.total)
    if percent is not None:
        components.append(
            {
                "code": {
                    "text": f"{instrument.short_name} percentage score "
                    f"(raw score × {instrument.percent_factor})"
                },
                "valueQuantity": {"value": percent, "unit": "%", "system": UCUM, "code": "%"},
            }
        )
    if components:
        observation["component"] = components
    observation["derivedFrom"] = [{"reference": derived_from}]
    return observation


def safety_item_observation(
    response: AssessmentResponse, derived_from: str, subject: dict | None = None
) -> dict | None:
    """The safety item's answer (PHQ-9 item 9, LOINC 44260-8) when it is above 0, else None."""
    instrument = response.instrument
    if not safety_alert(instrument, response.answers):
        return None
    number = instrument.safety_item
    link_id = link_ids(instrument)[number - 1]
    form_item = next(i for i in questionnaire(instrument)["item"] if i["linkId"] == link_id)
    code: dict = {"text": form_item["text"]}
    if form_item.get("code"):
        code["coding"] = form_item["code"]
    answer = answer_coding(instrument, number, response.answers[number - 1])
    observation = _survey_observation(response, code, subject)
    observation["valueCodeableConcept"] = {"coding": [answer], "text": answer["display"]}
    observation["derivedFrom"] = [{"reference": derived_from}]
    return observation


def fhir_bundle(response: AssessmentResponse) -> dict:
    subject = subject_reference(response.user)
    qr_url = _urn("questionnaire-response", response)
    entries = [
        (qr_url, questionnaire_response(response, subject)),
        (_urn("observation", response), total_observation(response, qr_url, subject)),
    ]
    if flagged := safety_item_observation(response, qr_url, subject):
        entries.append((_urn("safety-item-observation", response), flagged))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": response.completed_at.isoformat(),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries],
    }
