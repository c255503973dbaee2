"""The safety plan and trusted people as JSON, for your own scripts.

As with the practices, every write binds the same Django form the web page uses, so what the
page refuses is refused here too, with the same words. This module only shapes JSON into what
the HTML form would post, and the saved plan and people back into JSON.

It also says, for the API's other writes of free text, whether the words just saved suggest
that support is worth offering (`support_for`), so a script can respond the way the web pages
do. Nothing is stored about that check.
"""

from datetime import datetime
from typing import Any

import pydantic
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from ninja import Body, Field, Schema

from selftrust.api import bodies
from selftrust.api.errors import InputRefused
from selftrust.api.router import Router
from selftrust.api.schemas import Error, Stale
from selftrust.api.versions import IF_MATCH, expected, tag
from selftrust.safety import plan as plans
from selftrust.safety import shapes
from selftrust.safety.forms import SafetyPlanForm, TrustedPersonForm, save_plan
from selftrust.safety.models import SafetyPlan, TrustedPerson
from selftrust.safety.resources import resources_for
from selftrust.safety.screening import mentions_crisis
from selftrust.versioning import unchanged_since

router = Router(tags=["safety"])

PERSON_FIELDS = ("name", "phone", "email", "good_for")
PEOPLE_FIELDS = tuple(section.people_field for section in plans.SECTIONS if section.people_field)
# Far more than anyone's trusted list; a longer list is a mistake, not a plan.
PEOPLE_LIMIT = 500
# The largest id the database can hold; anything bigger can't be one of your people.
LARGEST_ID = 2**63 - 1

NOT_LINES = 'Please send this part as a list of lines, like ["A walk round the block"].'
NOT_IDS = "Please send the ids of people on your trusted list, like [3, 7]."
# The form's own words for someone not on your list.
NOT_ON_YOUR_LIST = "Please choose from the people on your trusted list."
NOT_TEXT = "Please send text here, or null to leave it empty."
NO_PLAN = "You haven't made a safety plan yet. Send one with PUT /safety-plan."


def support_for(*texts: str) -> dict:
    """What an API write of free text says back: is support worth offering for these words?"""
    return {"suggested": mentions_crisis(*texts), "help_url": reverse("safety:help")}


# --- what comes in -------------------------------------------------------------------------
# Loosely typed on purpose: the forms, not JSON coercion, decide what is valid.


def _lines_field(section: plans.Section) -> Any:
    return Field(
        None,
        description=f"{section.title}: {section.prompt} One item per line, "
        f"up to {plans.SECTION_LIMIT} characters in all (a line break counts as one). "
        f"{bodies.PLAIN_WORDS} Empty if left out.",
        json_schema_extra=bodies.documented(
            {"type": "array", "items": bodies.text(plans.SECTION_LIMIT)}
        ),
    )


def _ids_field(description: str) -> Any:
    return Field(
        None,
        description=f"{description}: ids from GET /trusted-people. None if left out.",
        json_schema_extra=bodies.documented(
            {
                "type": "array",
                "maxItems": PEOPLE_LIMIT,
                "items": {"type": "integer", "minimum": 1, "maximum": LARGEST_ID},
            }
        ),
    )


_SECTION = {section.field: section for section in plans.SECTIONS}


class SafetyPlanIn(Schema):
    """The whole plan; it replaces what was there."""

    model_config = pydantic.ConfigDict(extra="forbid")

    warning_signs: Any = _lines_field(_SECTION["warning_signs"])
    coping_on_my_own: Any = _lines_field(_SECTION["coping_on_my_own"])
    people_and_places: Any = _lines_field(_SECTION["people_and_places"])
    company_people: Any = _ids_field("People from your trusted list who help you feel better")
    asking_for_help: Any = _lines_field(_SECTION["asking_for_help"])
    help_people: Any = _ids_field("People from your trusted list you can ask for help")
    professionals: Any = _lines_field(_SECTION["professionals"])
    safer_surroundings: Any = _lines_field(_SECTION["safer_surroundings"])
    reasons_for_living: Any = _lines_field(_SECTION["reasons_for_living"])


def _text_field(description: str, name: str, *, required: bool = False, **more) -> Any:
    limit = TrustedPerson._meta.get_field(name).max_length
    return Field(
        None,
        description=f"{description}. Up to {limit} characters.",
        json_schema_extra=bodies.documented(
            bodies.text(limit, required=required) | more, null=not required
        ),
    )


EMAIL_LIMIT = TrustedPerson._meta.get_field("email").max_length
# The form's own rule for a phone number, as a pattern; it also wants 3 to 17 digits.
PHONE_PATTERN = r"^$|^\+?[0-9(][0-9 ()./-]*$"


class TrustedPersonIn(Schema):
    """In a PATCH, only the fields sent change; null clears one."""

    model_config = pydantic.ConfigDict(extra="forbid")

    name: Any = _text_field("Required, in plain words", "name", required=True)
    phone: Any = _text_field(
        "Digits, spaces and a leading +, 3 to 17 digits", "phone", pattern=PHONE_PATTERN
    )
    email: Any = Field(
        None,
        description="An email address, or empty",
        json_schema_extra=bodies.documented(
            {
                "anyOf": [
                    bodies.text(EMAIL_LIMIT) | {"format": "email"},
                    {"type": "string", "maxLength": 0},
                ]
            }
        ),
    )
    good_for: Any = _text_field("“Good listener”, “will come over”, in plain words", "good_for")


def _body_doc(schema: type[Schema], *, required: tuple[str, ...] = ()) -> dict:
    documented = schema.model_json_schema()
    if required:
        documented = bodies.whole(documented, required)
    return {
        "requestBody": {
            "content": {"application/json": {"schema": documented}},
            "required": True,
        }
    }


# --- what goes out ---------------------------------------------------------------------------


class PersonRefOut(Schema):
    id: int
    name: str


class SafetyPlanOut(Schema):
    warning_signs: list[str]
    coping_on_my_own: list[str]
    people_and_places: list[str]
    company_people: list[PersonRefOut]
    asking_for_help: list[str]
    help_people: list[PersonRefOut]
    professionals: list[str]
    safer_surroundings: list[str]
    reasons_for_living: list[str]
    updated_at: datetime


class StarterOut(Schema):
    professionals: list[str] = Field(description="The crisis lines this installation offers")


class NoPlanOut(Schema):
    detail: str
    starter: StarterOut = Field(description="What the web page suggests for a new plan")


class LinksOut(Schema):
    call: str | None = Field(description="tel: link; null without a phone number")
    text: str | None = Field(description="sms: link; null without a phone number")
    email: str | None = Field(description="mailto: link; null without an email address")


class TrustedPersonOut(Schema):
    id: int
    name: str
    phone: str
    email: str
    good_for: str
    links: LinksOut


# --- shaping JSON into what the HTML form posts ------------------------------------------------


def _checked(payload: dict, schema: type[Schema], what: str) -> dict:
    """The fields sent, checked against `schema`; an unknown field is refused by name."""
    try:
        return schema.model_validate(payload).model_dump(exclude_unset=True)
    except pydantic.ValidationError as error:
        raise InputRefused(
            {
                str(problem["loc"][0]): [
                    f"“{problem['loc'][0]}” isn't part of {what}."
                    if problem["type"] == "extra_forbidden"
                    else problem["msg"]
                ]
                for problem in error.errors()
            }
        ) from error


def _whole_numbers(value: Any) -> bool:
    """A list of whole numbers (true and false are not numbers here), not absurdly long."""
    return (
        isinstance(value, list)
        and len(value) <= PEOPLE_LIMIT
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )


def _plan_posted(values: dict) -> MultiValueDict:
    posted = MultiValueDict()
    problems: dict[str, list[str]] = {}
    for name, value in values.items():
        if value is None:
            continue  # as if left empty
        if name in PEOPLE_FIELDS:
            if not _whole_numbers(value):
                problems[name] = [NOT_IDS]
            elif not all(0 < v <= LARGEST_ID for v in value):
                problems[name] = [NOT_ON_YOUR_LIST]  # no database holds such an id
            else:
                posted.setlist(name, [str(v) for v in value])
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems[name] = [NOT_LINES]
        else:
            posted[name] = "\n".join(value)
    if problems:
        raise InputRefused(problems)
    return posted


def _person_posted(values: dict) -> dict:
    problems = {
        name: [NOT_TEXT]
        for name, value in values.items()
        if value is not None and not isinstance(value, str)
    }
    if problems:
        raise InputRefused(problems)
    return {name: value or "" for name, value in values.items()}


def _own_person(request, person_id: int) -> TrustedPerson:
    if not 0 < person_id <= LARGEST_ID:
        raise Http404  # no database holds that id
    return get_object_or_404(TrustedPerson.objects.owned_by(request.auth), pk=person_id)


def _saved_person(form: TrustedPersonForm) -> TrustedPerson:
    if not form.is_valid():
        raise InputRefused.from_form(form)
    return form.save()


# --- the safety plan ----------------------------------------------------------------------------


@router.get(
    "/safety-plan",
    response={200: SafetyPlanOut, 404: NoPlanOut},
    summary="Your safety plan",
    description="Each written part is a list of lines, in the plan's order.",
)
def get_plan(request, response: HttpResponse):
    plan = plans.plan_for(request.auth)
    if plan is None:
        starter = plans.lines(plans.starter_professionals(resources_for(request)))
        return 404, {"detail": NO_PLAN, "starter": {"professionals": starter}}
    tag(response, plan)
    return shapes.plan(plan)


@router.put(
    "/safety-plan",
    response={200: SafetyPlanOut, 412: Stale, 422: Error},
    summary="Make your safety plan, or replace it",
    description="Send the whole plan: a part left out is left empty. A refused plan saves "
    "nothing. A draft half-typed in the browser is left alone.",
    openapi_extra=_body_doc(SafetyPlanIn),
)
def put_plan(
    request,
    payload: Body[dict[str, Any]],
    response: HttpResponse,
    if_match: str | None = IF_MATCH,
):
    posted = _plan_posted(_checked(payload, SafetyPlanIn, "a safety plan"))
    instance = plans.plan_for(request.auth) or SafetyPlan(user=request.auth)
    form = SafetyPlanForm(data=posted, instance=instance, user=request.auth)
    if not form.is_valid():
        raise InputRefused.from_form(form)
    with unchanged_since(instance, expected(if_match)):
        form = save_plan(form)
    if form.errors:  # only when racing another first save, with a person removed meanwhile
        raise InputRefused.from_form(form)
    plan = plans.plan_for(request.auth)
    tag(response, plan)
    return shapes.plan(plan)


@router.delete(
    "/safety-plan",
    response={204: None, 404: Error, 412: Stale},
    summary="Delete your safety plan",
    description="Your trusted people stay on their list.",
)
def delete_plan(request, if_match: str | None = IF_MATCH):
    plan = plans.plan_for(request.auth)
    if plan is None:
        return 404, {"detail": NO_PLAN}
    with unchanged_since(plan, expected(if_match)):
        plan.delete()
    return 204, None


# --- trusted people -------------------------------------------------------------------------


@router.get(
    "/trusted-people",
    response=list[TrustedPersonOut],
    summary="The people you can turn to",
)
def list_people(request):
    return [shapes.trusted_person(p) for p in TrustedPerson.objects.owned_by(request.auth)]


@router.post(
    "/trusted-people",
    response={201: TrustedPersonOut, 422: Error},
    summary="Add someone to your trusted list",
    openapi_extra=_body_doc(TrustedPersonIn, required=("name",)),
)
def create_person(request, payload: Body[dict[str, Any]], response: HttpResponse):
    data = _person_posted(_checked(payload, TrustedPersonIn, "a trusted person"))
    form = TrustedPersonForm(data=data, instance=TrustedPerson(user=request.auth))
    person = _saved_person(form)
    tag(response, person)
    return 201, shapes.trusted_person(person)


@router.get("/trusted-people/{person_id}", response={200: TrustedPersonOut, 404: Error})
def get_person(request, person_id: int, response: HttpResponse):
    person = _own_person(request, person_id)
    tag(response, person)
    return shapes.trusted_person(person)


@router.patch(
    "/trusted-people/{person_id}",
    response={200: TrustedPersonOut, 404: Error, 412: Stale, 422: Error},
    summary="Change how you reach someone, or what they're good for",
    description="Send only what changes; null clears a field. A refused change saves nothing.",
    openapi_extra=_body_doc(TrustedPersonIn),
)
def update_person(
    request,
    person_id: int,
    payload: Body[dict[str, Any]],
    response: HttpResponse,
    if_match: str | None = IF_MATCH,
):
    person = _own_person(request, person_id)
    changes = _person_posted(_checked(payload, TrustedPersonIn, "a trusted person"))
    current = {name: getattr(person, name) for name in PERSON_FIELDS}
    form = TrustedPersonForm(data={**current, **changes}, instance=person)
    with unchanged_since(person, expected(if_match)):
        person = _saved_person(form)
    tag(response, person)
    return shapes.trusted_person(person)


@router.delete(
    "/trusted-people/{person_id}",
    response={204: None, 404: Error, 412: Stale},
    summary="Take someone off your trusted list",
    description="They are taken out of your safety plan, too.",
)
def delete_person(request, person_id: int, if_match: str | None = IF_MATCH):
    person = _own_person(request, person_id)
    with unchanged_since(person, expected(if_match)):
        person.delete()
    return 204, None
