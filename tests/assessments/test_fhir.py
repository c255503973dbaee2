"""The FHIR export checked the way a resolving validator checks it: against the form it names.

Each QuestionnaireResponse is walked item by item against the Questionnaire its canonical url
points to, loaded from the shipped JSON (PHQ-9, GAD-7) or from the API (the others).
"""

import json
import uuid
from pathlib import Path

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from selftrust.assessments import fhir, services
from selftrust.assessments.instruments import GAD7, INSTRUMENTS, PHQ9, WHO5
from selftrust.assessments.scoring import keyed_value

pytestmark = pytest.mark.django_db

SHIPPED = Path(fhir.__file__).parent / "fhir_questionnaires"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
LOINC = "http://loinc.org"
FREQUENCY = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]

# As in LOINC's own forms on fhir.loinc.org: linkId -> item code, in form order.
LOINC_FORMS = {
    "phq-9": (
        "http://loinc.org/q/44249-1",
        "44249-1",
        {
            "14363": "44250-9",
            "14364": "44255-8",
            "14365": "44259-0",
            "14366": "44254-1",
            "14367": "44251-7",
            "14368": "44258-2",
            "14369": "44252-5",
            "14370": "44253-3",
            "14371": "44260-8",
            "57492": "69722-7",
        },
        "14372",
    ),
    "gad-7": (
        "http://loinc.org/q/69737-5",
        "69737-5",
        {
            "57541": "69725-0",
            "57542": "68509-9",
            "57543": "69733-4",
            "57544": "69734-2",
            "57545": "69735-9",
            "57546": "69689-8",
            "57547": "69736-7",
        },
        "58628",
    ),
}


def walk(items):
    for item in items:
        yield item
        yield from walk(item.get("item", []))


def ordinal(element) -> float | None:
    return next(
        (e["valueDecimal"] for e in element.get("extension", []) if e["url"] == ORDINAL), None
    )


def form_for(client, slug) -> dict:
    """The form as a validator would get it: the shipped file, or the API's for ours."""
    if slug in LOINC_FORMS:
        return json.loads((SHIPPED / f"{slug}.json").read_text(encoding="utf-8"))
    return json.loads(client.get(f"/api/v1/fhir/Questionnaire/{slug}").content)


def answer_patterns(instrument):
    """Every option on every item at least once, plus a mixed pattern."""
    values = [value for value, _label in instrument.options]
    patterns = [[value] * len(instrument.items) for value in values]
    patterns.append([values[n % len(values)] for n in range(len(instrument.items))])
    return patterns


def bundle_for(user, instrument, answers, extra=None) -> dict:
    response = services.complete(user, instrument, answers, extra)
    return fhir.fhir_bundle(response)


def resources_of(bundle, resource_type):
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == resource_type
    ]


def assert_answers_the_form(qr: dict, form: dict, total: int):
    assert qr["questionnaire"] == form["url"]
    form_items = {item["linkId"]: item for item in walk(form["item"])}
    order = [item["linkId"] for item in walk(form["item"])]
    answered = [item["linkId"] for item in qr["item"]]
    assert answered == sorted(answered, key=order.index), "items out of the form's order"
    required = {link_id for link_id, item in form_items.items() if item.get("required")}
    assert required <= set(answered)
    scored = 0.0
    for item in qr["item"]:
        assert item["linkId"] in form_items, item["linkId"]
        form_item = form_items[item["linkId"]]
        if "text" in item:
            assert item["text"] == form_item["text"]
        for answer in item["answer"]:
            if "valueCoding" in answer:
                assert form_item["type"] == "choice"
                coding = answer["valueCoding"]
                options = {
                    (o["valueCoding"]["system"], o["valueCoding"]["code"]): o
                    for o in form_item["answerOption"]
                }
                key = (coding["system"], coding["code"])
                assert key in options, (item["linkId"], key)
                option = options[key]
                assert coding["display"] == option["valueCoding"]["display"]
                assert ordinal(coding) == ordinal(option)
                scored += ordinal(coding) or 0
            else:
                [(value_type, value)] = answer.items()
                assert value_type == f"value{form_item['type'].capitalize()}"
                assert value == total
    assert scored == total


def test_shipped_loinc_forms_are_loincs_own():
    for slug, (url, panel, codes, total_link_id) in LOINC_FORMS.items():
        form = json.loads((SHIPPED / f"{slug}.json").read_text(encoding="utf-8"))
        Questionnaire.model_validate(form)
        assert (form["url"], form["code"][0]["code"], form["id"]) == (url, panel, slug)
        choice_items = [item for item in form["item"] if item["type"] == "choice"]
        assert {i["linkId"]: i["code"][0]["code"] for i in choice_items} == codes
        assert [i["linkId"] for i in form["item"]][-1] == total_link_id
        for item in choice_items:
            codes_here = [o["valueCoding"]["code"] for o in item["answerOption"]]
            if item["code"][0]["code"] == "69722-7":  # how difficult: recorded, not scored
                assert codes_here == ["LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3"]
                assert all(ordinal(o) is None for o in item["answerOption"])
            else:
                assert codes_here == FREQUENCY
                assert [ordinal(o) for o in item["answerOption"]] == [0, 1, 2, 3]
            assert {o["valueCoding"]["system"] for o in item["answerOption"]} == {LOINC}


def test_instrument_data_agrees_with_the_shipped_forms():
    for instrument in (PHQ9, GAD7):
        form = json.loads((SHIPPED / f"{instrument.slug}.json").read_text(encoding="utf-8"))
        by_link = {item["linkId"]: item for item in form["item"]}
        loinc = instrument.loinc_form
        for link_id, code in zip(loinc.item_link_ids, loinc.item_codes, strict=True):
            assert by_link[link_id]["code"][0]["code"] == code
        assert form["url"] == f"http://loinc.org/q/{instrument.loinc_panel}"
        assert by_link[loinc.total_link_id]["type"] == "decimal"
        if loinc.extra_link_id:
            extra = by_link[loinc.extra_link_id]
            assert extra["code"][0]["code"] == loinc.extra_code
            assert [o["valueCoding"]["code"] for o in extra["answerOption"]] == list(
                loinc.extra_answer_codes
            )
            assert [o["valueCoding"]["display"] for o in extra["answerOption"]] == list(
                instrument.extra_options
            )


@pytest.mark.parametrize("slug", list(INSTRUMENTS))
def test_every_link_id_and_answer_coding_is_in_the_form(client, user, slug):
    instrument = INSTRUMENTS[slug]
    form = form_for(client, slug)
    Questionnaire.model_validate(form)
    assert form["status"] in {"draft", "active"}
    for answers in answer_patterns(instrument):
        extras = range(len(instrument.extra_options)) if instrument.extra_question else [None]
        for extra in extras:
            bundle = bundle_for(user, instrument, answers, extra)
            Bundle.model_validate(bundle)
            [qr] = resources_of(bundle, "QuestionnaireResponse")
            QuestionnaireResponse.model_validate(qr)
            total = sum(keyed_value(instrument, n, a) for n, a in enumerate(answers, start=1))
            assert_answers_the_form(qr, form, total)


def test_our_own_forms_use_a_urn_and_say_where_the_items_come_from(client):
    for slug in ("pcl-5", "who-5", "rses", "gse"):
        form = form_for(client, slug)
        assert form["url"] == f"urn:selftrust:questionnaire:{slug}"
        assert INSTRUMENTS[slug].citation in form["copyright"]
        items = [i for i in form["item"] if i["type"] == "choice"]
        assert [i["text"] for i in items] == list(INSTRUMENTS[slug].items)


def test_reverse_scored_items_carry_their_keyed_ordinal(client):
    form = form_for(client, "rses")
    item_2 = next(i for i in form["item"] if i["linkId"] == "2")  # reverse-scored
    by_code = {o["valueCoding"]["code"]: ordinal(o) for o in item_2["answerOption"]}
    assert by_code == {"3": 0, "2": 1, "1": 2, "0": 3}


def test_answers_carry_their_score_as_an_ordinal_value(user):
    bundle = bundle_for(user, PHQ9, [1, 2, 3, 0, 1, 2, 3, 0, 0])
    [qr] = resources_of(bundle, "QuestionnaireResponse")
    codings = [item["answer"][0]["valueCoding"] for item in qr["item"][:9]]
    assert [ordinal(c) for c in codings] == [1, 2, 3, 0, 1, 2, 3, 0, 0]
    assert codings[0]["system"] == LOINC


def test_subject_is_a_stable_pseudonym_not_the_username(user, other_user):
    first = bundle_for(user, PHQ9, [0] * 9)
    second = bundle_for(user, GAD7, [1] * 7)
    theirs = bundle_for(other_user, PHQ9, [0] * 9)

    def subjects(bundle):
        return [e["resource"]["subject"] for e in bundle["entry"]]

    [mine] = {json.dumps(s, sort_keys=True) for s in subjects(first) + subjects(second)}
    subject = json.loads(mine)
    assert subject["identifier"]["system"] == "urn:selftrust:person"
    uuid.UUID(subject["identifier"]["value"])
    assert subject["identifier"]["value"] != str(user.pk)
    assert user.username not in json.dumps(first)
    assert subjects(theirs)[0] != subject
    assert fhir.subject_reference(user) == subject
    Observation.model_validate(resources_of(first, "Observation")[0])


def test_the_pseudonym_is_random_per_person_and_the_same_on_every_export(user, other_user):
    assert fhir.subject_reference(user) == fhir.subject_reference(
        type(user).objects.get(pk=user.pk)
    )
    assert user.pseudonym != other_user.pseudonym
    assert str(user.pk) not in str(user.pseudonym).split("-")


def safety_observations(bundle):
    return [
        o
        for o in resources_of(bundle, "Observation")
        if any(c.get("code") == "44260-8" for c in o["code"].get("coding", []))
    ]


@pytest.mark.parametrize("answer", [0, 1, 2, 3])
def test_item_9_observation_only_when_item_9_is_above_0(user, answer):
    bundle = bundle_for(user, PHQ9, [0] * 8 + [answer])
    found = safety_observations(bundle)
    if answer == 0:
        assert found == []
        assert len(bundle["entry"]) == 2
        return
    [observation] = found
    Observation.model_validate(observation)
    assert observation["valueCodeableConcept"]["coding"][0]["code"] == FREQUENCY[answer]
    assert observation["valueCodeableConcept"]["coding"][0]["system"] == LOINC
    assert observation["derivedFrom"][0]["reference"] == bundle["entry"][0]["fullUrl"]
    assert observation["subject"] == bundle["entry"][0]["resource"]["subject"]
    assert len({e["fullUrl"] for e in bundle["entry"]}) == 3


def test_no_item_9_observation_for_instruments_without_a_safety_item(user):
    assert safety_observations(bundle_for(user, GAD7, [3] * 7)) == []


def test_who5_total_carries_the_percentage(user):
    bundle = bundle_for(user, WHO5, [1, 1, 2, 2, 1])
    [observation] = resources_of(bundle, "Observation")
    Observation.model_validate(observation)
    assert observation["valueQuantity"]["value"] == 7
    [percent] = observation["component"]
    assert percent["valueQuantity"] == {
        "value": 28,
        "unit": "%",
        "system": "http://unitsofmeasure.org",
        "code": "%",
    }
    assert observation["interpretation"][0]["text"] == "Worth talking to a professional about"


@pytest.mark.parametrize(
    "answers, band",
    [
        ([1, 1, 2, 2, 1], "Worth talking to a professional about"),  # 7, 28%
        ([2, 1, 2, 2, 1], "Low wellbeing lately"),  # 8, 32%
    ],
)
def test_who5_28_percent_band_is_worded_as_worth_talking_about(owner_client, user, answers, band):
    response = services.complete(user, WHO5, answers)
    assert response.band == band
    page = owner_client.get(reverse("assessments:result", args=[response.pk])).content.decode()
    assert band in page
    assert "This is not a diagnosis." in page
    assert f"{sum(answers) * 4}%" in page
    assert "28% or less" in page  # the published level, stated plainly
