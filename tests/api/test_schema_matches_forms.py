"""What the OpenAPI schema says a body may hold is what the web form accepts: the same lengths,
ranges, choices and required fields. A request that fits the schema is then refused only for a
rule no schema can say (a day relative to today, tags in the words), and those are described."""

from datetime import date

import pytest
from django import forms

from selftrust.practices.catalog import PRACTICES
from selftrust.practices.forms import (
    DecisionForm,
    DecisionReviewForm,
    ThoughtRecordForm,
    WorksheetForm,
)
from selftrust.promises.forms import CheckInForm, PromiseForm
from selftrust.promises.models import Promise
from selftrust.safety.forms import SafetyPlanForm, TrustedPersonForm
from selftrust.safety.plan import SECTIONS

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 26)
NULL = {"type": "null"}


@pytest.fixture(scope="module")
def spec():
    from selftrust.api.api import api

    return api.get_openapi_schema(path_prefix="/api/v1/")


def _body(spec, method, path, title=None) -> dict:
    body = spec["paths"][f"/api/v1{path}"][method]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    if title:
        schema = next(shape for shape in schema["anyOf"] if shape["title"] == title)
    return schema


def _not_null(prop: dict) -> dict:
    branches = [b for b in prop.get("anyOf", [prop]) if b != NULL]
    return branches[0]


def _values(field: forms.ChoiceField) -> list:
    found = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):
            found += [v for v, _label in label]
        elif value != "":
            found.append(value)
    return found


def assert_documented_as_the_form_checks(field: forms.Field, prop: dict, name: str):
    """One property of a body's schema against the form field that checks it."""
    shown = _not_null(prop)
    if isinstance(field, forms.MultipleChoiceField):
        items = shown["items"]
        allowed = items.get("enum") or list(range(items["minimum"], items["maximum"] + 1))
        assert allowed == _values(field), name
    elif isinstance(field, forms.ChoiceField):
        assert shown["enum"] == _values(field), name
    elif isinstance(field, forms.IntegerField):
        assert (shown["minimum"], shown["maximum"]) == (field.min_value, field.max_value), name
    elif isinstance(field, forms.DateField):
        assert shown["format"] == "date", name
    elif isinstance(field, forms.BooleanField):
        assert shown["type"] == "boolean", name
    elif isinstance(field, forms.CharField):
        assert (shown["type"], shown["maxLength"]) == ("string", field.max_length), name
        assert (shown.get("minLength") == 1) == field.required, name
    else:
        raise AssertionError(f"{name}: no comparison for {type(field).__name__}")


def assert_body_matches(schema: dict, form: forms.BaseForm, names, *, whole: bool):
    for name in names:
        assert_documented_as_the_form_checks(form.fields[name], schema["properties"][name], name)
    if whole:
        # A field with a default in the API (a promise's schedule: daily) needn't be sent.
        required = {
            name
            for name in names
            if form.fields[name].required and "default" not in schema["properties"][name]
        }
        assert set(schema.get("required", [])) >= required
    assert schema["additionalProperties"] is False


def test_a_promise_is_documented_as_its_form_checks_it(spec):
    form = PromiseForm(today=TODAY)
    names = ["text", "schedule", "weekdays", "due_date"]
    assert_body_matches(_body(spec, "post", "/promises"), form, names, whole=True)
    assert_body_matches(_body(spec, "patch", "/promises/{promise_id}"), form, names, whole=False)


def test_a_check_in_is_documented_as_its_form_checks_it(spec):
    form = CheckInForm(promise=Promise(), today=TODAY)
    schema = _body(spec, "post", "/promises/{promise_id}/check-ins")
    assert_body_matches(schema, form, ["outcome", "note"], whole=True)
    assert {"date", "outcome"} <= set(schema["required"])


def test_a_trusted_person_is_documented_as_the_form_checks_them(spec):
    form = TrustedPersonForm()
    schema = _body(spec, "post", "/trusted-people")
    assert_body_matches(schema, form, ["name", "good_for", "phone"], whole=True)
    email = _not_null(schema["properties"]["email"])["anyOf"][0]
    assert (email["format"], email["maxLength"]) == ("email", form.fields["email"].max_length)


def test_the_phone_pattern_is_the_forms_own():
    from selftrust.api.safety import PHONE_PATTERN
    from selftrust.safety.forms import _PHONE

    assert f"^$|{_PHONE.pattern}" == PHONE_PATTERN


def test_a_safety_plan_is_documented_as_its_form_checks_it(spec, user):
    form = SafetyPlanForm(user=user)
    schema = _body(spec, "put", "/safety-plan")
    for section in SECTIONS:
        line = _not_null(schema["properties"][section.field])["items"]
        # Each line fits in the part; the part as a whole is checked by the form (described).
        assert line["maxLength"] == form.fields[section.field].max_length


@pytest.mark.parametrize("method", ["post", "patch"])
def test_a_decision_is_documented_as_its_form_checks_it(spec, method):
    path = "/practices/{practice}/entries" + ("/{entry_id}" if method == "patch" else "")
    schema = _body(spec, method, path, title="DecisionIn")
    form = DecisionForm(today=TODAY)
    assert_body_matches(schema, form, list(form.fields), whole=method == "post")


@pytest.mark.parametrize("method", ["post", "patch"])
def test_a_thought_record_is_documented_as_its_form_checks_it(spec, method):
    path = "/practices/{practice}/entries" + ("/{entry_id}" if method == "patch" else "")
    schema = _body(spec, method, path, title="ThoughtRecordIn")
    form = ThoughtRecordForm()
    own = [name for name in form.fields if not name.startswith("emotion_")]
    assert_body_matches(schema, form, own, whole=method == "post")
    feeling = _not_null(schema["properties"]["emotions"])["items"]["properties"]
    assert feeling["emotion"]["enum"] == _values(form.fields["emotion_1"])
    strength = form.fields["emotion_1_before"]
    assert (feeling["before"]["minimum"], feeling["before"]["maximum"]) == (
        strength.min_value,
        strength.max_value,
    )


def test_a_look_back_is_documented_as_its_form_checks_it(spec):
    schema = _body(spec, "post", "/practices/decision/entries/{entry_id}/review")
    form = DecisionReviewForm()
    assert_body_matches(schema, form, list(form.fields), whole=False)
    assert "null" not in str(schema["properties"]["instinct_served"])


@pytest.mark.parametrize(
    "practice", [p for p in PRACTICES.values() if p.kind == "worksheet"], ids=lambda p: p.slug
)
def test_every_worksheet_is_documented_as_its_form_checks_it(spec, practice):
    form = WorksheetForm(practice=practice)
    for method, whole in (("post", True), ("patch", False)):
        path = "/practices/{practice}/entries" + ("/{entry_id}" if method == "patch" else "")
        schema = _body(spec, method, path, title=f"{practice.name} (worksheet)")
        answers = schema["properties"]["answers"]
        assert_body_matches(answers, form, list(form.fields), whole=whole)
