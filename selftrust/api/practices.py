"""The practices as JSON, for your own scripts.

Every write binds the same Django form the web page uses and saves through the same service, so
a worksheet answer the page refuses is refused here too, with the same words. This module only
shapes JSON into what the HTML form would post, and entries back into JSON.
"""

from datetime import datetime
from typing import Annotated, Any

import pydantic
from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.datastructures import MultiValueDict
from ninja import Body, Field, Query, Schema
from pydantic import ConfigDict, WithJsonSchema

from selftrust.api import bodies
from selftrust.api.errors import InputRefused
from selftrust.api.router import Router
from selftrust.api.safety import support_for
from selftrust.api.schemas import Day, Error, Stale, SupportOut
from selftrust.api.versions import IF_MATCH, expected, tag
from selftrust.practices import ratings, reflections, services, shapes
from selftrust.practices.catalog import DECISION, LONG, PRACTICES, SHORT, Practice
from selftrust.practices.forms import EMOTION_ROWS, REVIEW_HORIZON_DAYS, DecisionReviewForm
from selftrust.practices.models import Entry, InstinctServed, ReasonableCall
from selftrust.practices.vocabulary import EMOTIONS, TRAPS
from selftrust.versioning import unchanged_since

router = Router(tags=["practices"])

PRACTICE_SLUGS = "Practices: " + ", ".join(PRACTICES)
# The web timeline reads at most this much of a search, too.
QUERY_LIMIT = 100
EMOTION_KEYS = ("emotion", "before", "after")

WRONG_TYPE = "Please send plain text, or a whole number where a number is asked for."
NOT_TRUE_OR_FALSE = "Please send true or false."
NOT_A_LIST = 'Please send a list of names, like ["catastrophising"].'
EMOTIONS_SHAPE = 'Please send feelings as a list, like [{"emotion": "anxious", "before": 7}].'
# Distress, belief and how strong a feeling is: every rating is 0 to 10 (practices/ratings.py).
# Until issue 15 some were 0 to 100; a number above 10 is refused, saying what it would be now.
RATING = (
    f"a whole number from {ratings.LOW} to {ratings.HIGH} (ratings were 0 to 100 before; a "
    "number above 10 is refused with what it would be now, 70 → 7)"
)
TOO_MANY_EMOTIONS = f"Please name up to {EMOTION_ROWS} feelings; the strongest ones are enough."
SHAPE_HINTS = {
    "answers": 'Please send answers as an object, like {"where": "chest", "intensity": 4}.',
    "emotions": EMOTIONS_SHAPE,
}


# --- what comes in -------------------------------------------------------------------------
# Loosely typed on purpose: the forms, not JSON coercion, decide what a valid answer is.


# Documented as the form checks it (selftrust/api/bodies.py); required on a new entry means
# it can't be null either, and in a PATCH null clears an optional field.


def _text(description: str | None = None, *, limit: int = LONG, required: bool = False) -> Any:
    words = f"Up to {limit} characters. {bodies.PLAIN_WORDS}"
    return Field(
        None,
        description=f"{description}. {words}" if description else words,
        json_schema_extra=bodies.documented(
            bodies.text(limit, required=required), null=not required
        ),
    )


def _number(description: str, low: int, high: int, *, required: bool = False) -> Any:
    return Field(
        None,
        description=description,
        json_schema_extra=bodies.documented(bodies.number(low, high), null=not required),
    )


def _choice(description: str, values, *, required: bool = False) -> Any:
    return Field(
        None,
        description=description,
        json_schema_extra=bodies.documented(bodies.choice(values), null=not required),
    )


class Strict(Schema):
    """A field this doesn't know is refused by name, never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class WorksheetIn(Strict):
    """For every practice whose kind is "worksheet"."""

    answers: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "Answers by field name (see GET /practices): text, a whole number for a scale (a "
            f"rating of distress or of how strong something is: {RATING}), the value of a "
            "choice. In a PATCH, only the answers sent change; null clears one."
        ),
    )


class DecisionIn(Strict):
    """For the decision journal ("decision")."""

    decision: Any = _text("What is the decision? Required", limit=SHORT, required=True)
    options: Any = _text()
    gut_says: Any = _text()
    confidence: Any = _number(
        "How sure your gut feels, 50 to 100. Required", 50, 100, required=True
    )
    chosen: Any = _text(limit=SHORT)
    sought_reassurance: Any = Field(
        None, description="true or false", json_schema_extra=bodies.documented(bodies.BOOLEAN)
    )
    reassurance_from: Any = _text(limit=SHORT)
    review_on: Any = Field(
        None,
        description="When to look back, YYYY-MM-DD: from today (or the day already set) up to "
        f"{REVIEW_HORIZON_DAYS} days ahead. Required",
        json_schema_extra=bodies.documented(bodies.DAY, null=False),
    )


EMOTION_ITEM = {
    "type": "object",
    "properties": {
        "emotion": bodies.choice(EMOTIONS),
        "before": bodies.number(ratings.LOW, ratings.HIGH),
        "after": bodies.nullable(bodies.number(ratings.LOW, ratings.HIGH)),
    },
    "required": ["emotion", "before"],
    "additionalProperties": False,
}


class ThoughtRecordIn(Strict):
    """For the thought record ("thought-record")."""

    situation: Any = _text("Required", required=True)
    automatic_thought: Any = _text("Required", required=True)
    belief_before: Any = _number(
        f"How much you believe the thought: {RATING}. Required",
        ratings.LOW,
        ratings.HIGH,
        required=True,
    )
    emotions: Any = Field(
        None,
        description=f"1 to {EMOTION_ROWS} feelings, each with how strong before (required) and "
        f"after, {RATING}; names from GET /practices. Required",
        json_schema_extra=bodies.documented(
            {"type": "array", "minItems": 1, "maxItems": EMOTION_ROWS, "items": EMOTION_ITEM},
            null=False,
        ),
    )
    thinking_traps: Any = Field(
        None,
        description="Names from GET /practices",
        json_schema_extra=bodies.documented(bodies.choices(TRAPS)),
    )
    evidence_for: Any = _text()
    evidence_against: Any = _text()
    balanced_thought: Any = _text()
    belief_after: Any = _number(
        f"How much you believe the first thought now: {RATING}", ratings.LOW, ratings.HIGH
    )


class EntryFilters(Schema):
    q: str = Field("", description="Words that must all appear")
    since: Day | None = Field(None, description="Written on or after, YYYY-MM-DD")
    until: Day | None = Field(None, description="Written on or before, YYYY-MM-DD")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10_000_000)


class ReviewIn(Strict):
    what_happened: Any = _text()
    reasonable_call: Any = _choice(
        "Given what you knew then: yes, partly, no or not_sure", ReasonableCall.values
    )
    instinct_served: Any = _choice(
        "yes, partly, no or cant_tell. Required", InstinctServed.values, required=True
    )
    learned: Any = _text()


BODY_FOR_KIND: dict[str, type[Schema]] = {
    "worksheet": WorksheetIn,
    "decision": DecisionIn,
    "thought": ThoughtRecordIn,
}
# What a new entry can't be without: the forms' required fields.
NEW_ENTRY_NEEDS = {
    DecisionIn: ("decision", "confidence", "review_on"),
    ThoughtRecordIn: ("situation", "automatic_thought", "belief_before", "emotions"),
}


def _entry_body_doc(*, whole: bool) -> dict:
    """Every practice's body, as its form takes it: the path says which one applies."""
    shapes = []
    for practice in PRACTICES.values():
        schema = BODY_FOR_KIND[practice.kind]
        if schema is WorksheetIn:
            shapes.append(bodies.worksheet(practice, whole=whole))
        elif not any(shape.get("title") == schema.__name__ for shape in shapes):
            shape = schema.model_json_schema()
            shapes.append(bodies.whole(shape, NEW_ENTRY_NEEDS[schema]) if whole else shape)
    return {
        "requestBody": {
            "content": {"application/json": {"schema": {"anyOf": shapes}}},
            "required": True,
            "description": "The shape depends on the practice in the path: a worksheet's answers "
            "(its fields are listed by GET /practices), or the decision journal's or the "
            "thought record's own fields. A body for another practice is refused (422).",
        }
    }


ENTRY_BODY_DOC = _entry_body_doc(whole=True)
ENTRY_CHANGE_DOC = _entry_body_doc(whole=False)
PracticeSlug = Annotated[str, WithJsonSchema({"type": "string", "enum": list(PRACTICES)})]


# --- what goes out ---------------------------------------------------------------------------


class ChoiceOut(Schema):
    value: str
    label: str
    group: str | None = None


class FieldOut(Schema):
    name: str
    label: str
    kind: str = Field(description="text, long, scale, choice, multi, date, boolean or emotions")
    required: bool
    help: str
    max_length: int | None = Field(description="For text")
    low: int | None = Field(description="For a scale")
    high: int | None
    choices: list[ChoiceOut]


class PracticeOut(Schema):
    slug: str
    name: str
    kind: str = Field(description="worksheet, decision or thought")
    summary: str
    lesson: str
    fields: list[FieldOut]
    review_fields: list[FieldOut] = Field(description="Decision journal only: the look back")


class EntryOut(Schema):
    id: int
    practice: str
    title: str
    created_at: datetime
    updated_at: datetime
    answers: dict[str, Any] = Field(
        description="A worksheet's answers by field name; the decision's or thought record's fields"
    )


class EntrySavedOut(EntryOut):
    support: SupportOut


class CalibrationBandOut(Schema):
    low: int
    high: int
    decisions: int
    served: float | None = Field(description="Share (0..1) where your instinct served you")
    mean_confidence: float | None = Field(description="0..1")


class CalibrationOut(Schema):
    scored: int = Field(description="Reviewed decisions with an answer other than can't tell")
    brier: float | None = Field(description="0 is perfect; always saying 50 % earns 0.25")
    served: float | None
    bands: list[CalibrationBandOut]


# --- finding ---------------------------------------------------------------------------------


def _practice(slug: str) -> Practice:
    practice = PRACTICES.get(slug)
    if practice is None:
        raise Http404
    return practice


def _own_entry(request, practice: Practice, entry_id: int) -> Entry:
    return get_object_or_404(
        Entry.objects.visible(), pk=entry_id, user=request.auth, practice=practice.slug
    )


# --- shaping JSON into what the HTML form posts ------------------------------------------------


def _not_a_field(practice, name: str) -> str:
    """A name sent at the top level that is not one: a worksheet's question belongs inside
    "answers", which the refusal then says with an example."""
    if not practice.behaviour.record and any(spec.name == name for spec in practice.fields):
        return (
            f"“{name}” is one of the questions of “{practice.name}”: please send it inside "
            f'"answers", like {{"answers": {{"{name}": …}}}}.'
        )
    return f"“{practice.name}” has nothing called “{name}”."


def _values(payload: dict, practice: Practice) -> dict:
    """The body, checked against its kind's schema, as plain values by name."""
    try:
        body = BODY_FOR_KIND[practice.kind].model_validate(payload)
    except pydantic.ValidationError as error:
        raise InputRefused(
            {
                str(problem["loc"][0]): [
                    _not_a_field(practice, str(problem["loc"][0]))
                    if problem["type"] == "extra_forbidden"
                    else SHAPE_HINTS.get(str(problem["loc"][0]), problem["msg"])
                ]
                for problem in error.errors()
            }
        ) from error
    values = body.model_dump(exclude_unset=True)
    if practice.behaviour.record:
        return values  # the decision's or thought record's own fields
    answers = values.get("answers", {})
    known = {spec.name for spec in practice.fields}
    unknown = [name for name in answers if name not in known]
    if unknown:
        raise InputRefused(
            {name: [f"“{practice.name}” has no question called “{name}”."] for name in unknown}
        )
    return answers


def _posted(
    values: dict, *, lists: frozenset = frozenset(), booleans: frozenset = frozenset()
) -> MultiValueDict:
    """Strings, as an HTML form posts them: a list for several choices, "on" for a ticked box."""
    posted = MultiValueDict()
    problems: dict[str, list[str]] = {}
    for name, value in values.items():
        if value is None:
            continue  # as if left empty
        if name in booleans:
            if not isinstance(value, bool):
                problems[name] = [NOT_TRUE_OR_FALSE]
            elif value:
                posted[name] = "on"
        elif name in lists:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems[name] = [NOT_A_LIST]
            else:
                posted.setlist(name, value)
        elif isinstance(value, bool) or not isinstance(value, str | int):
            problems[name] = [WRONG_TYPE]
        else:
            posted[name] = str(value)
    if problems:
        raise InputRefused(problems)
    return posted


def _emotion_names(sent: int) -> dict[str, str]:
    """The form's emotion_1, emotion_1_before … as the API names them: emotions[0].before …"""
    names = {
        f"emotion_{row}{suffix}": f"emotions[{row - 1}].{key}"
        for row in range(1, EMOTION_ROWS + 1)
        for suffix, key in (("", "emotion"), ("_before", "before"), ("_after", "after"))
    }
    if not sent:
        names["emotion_1"] = "emotions"
    return names


def _thought_posted(values: dict) -> tuple[MultiValueDict, dict[str, str]]:
    emotions = values.pop("emotions", None)
    if emotions is None:
        emotions = []
    if not isinstance(emotions, list) or not all(isinstance(item, dict) for item in emotions):
        raise InputRefused({"emotions": [EMOTIONS_SHAPE]})
    if len(emotions) > EMOTION_ROWS:
        raise InputRefused({"emotions": [TOO_MANY_EMOTIONS]})
    names = _emotion_names(len(emotions))
    for row, item in enumerate(emotions, start=1):
        unknown = sorted(set(item) - set(EMOTION_KEYS))
        if unknown:
            raise InputRefused(
                {
                    "emotions": [
                        f"A feeling has “emotion”, “before” and “after”, not “{unknown[0]}”."
                    ]
                }
            )
        for suffix, key in (("", "emotion"), ("_before", "before"), ("_after", "after")):
            values[f"emotion_{row}{suffix}"] = item.get(key)
    try:
        return _posted(values, lists=frozenset({"thinking_traps"})), names
    except InputRefused as refused:
        raise InputRefused({names.get(k, k): v for k, v in refused.errors.items()}) from None


def _worksheet_posted(practice: Practice, values: dict) -> tuple[MultiValueDict, dict[str, str]]:
    return _posted(values, lists=frozenset(practice.multi_value_fields)), {}


def _decision_posted(practice: Practice, values: dict) -> tuple[MultiValueDict, dict[str, str]]:
    return _posted(values, booleans=frozenset({"sought_reassurance"})), {}


# Each kind's JSON as its web form would post it, and the form's names as the API says them.
POSTED_FOR_KIND = {
    "worksheet": _worksheet_posted,
    "decision": _decision_posted,
    "thought": lambda practice, values: _thought_posted(values),
}


def _valid_form(request, practice: Practice, values: dict, entry: Entry | None = None):
    """The web page's form for this practice, bound to `values`; refused input raises."""
    posted, rename = POSTED_FOR_KIND[practice.kind](practice, values)
    form = practice.form(posted, entry=entry, today=request.auth.local_today())
    if not form.is_valid():
        raise InputRefused.from_form(form, rename=rename)
    return form


def _saved_out(entry: Entry) -> dict:
    """A written entry, and whether its words suggest support is worth offering."""
    return {**shapes.entry(entry), "support": support_for(*services.written_words(entry))}


def _save(request, practice: Practice, form, entry: Entry | None = None) -> Entry:
    return services.save_entry(request.auth, practice, form, entry)


# --- describing the forms, for GET /practices ---------------------------------------------------


def _field_kind(field: forms.Field) -> str:
    if isinstance(field, forms.MultipleChoiceField):
        return "multi"
    if isinstance(field, forms.ChoiceField):
        return "choice"
    if isinstance(field, forms.IntegerField):
        return "scale"
    if isinstance(field, forms.DateField):
        return "date"
    if isinstance(field, forms.BooleanField):
        return "boolean"
    return "long" if isinstance(field.widget, forms.Textarea) else "text"


def _choices(field: forms.Field) -> list[dict]:
    found = []
    for value, label in getattr(field, "choices", ()):
        if isinstance(label, list | tuple):
            found += [{"value": v, "label": str(lbl), "group": str(value)} for v, lbl in label]
        elif value:
            found.append({"value": value, "label": str(label)})
    return found


def _describe(name: str, field: forms.Field, **overrides) -> dict:
    return {
        "name": name,
        "label": str(field.label or name),
        "kind": _field_kind(field),
        "required": field.required,
        "help": str(field.help_text),
        "max_length": getattr(field, "max_length", None),
        "low": getattr(field, "min_value", None),
        "high": getattr(field, "max_value", None),
        "choices": _choices(field),
        **overrides,
    }


def _describe_form(form: forms.BaseForm) -> list[dict]:
    fields = []
    for name, field in form.fields.items():
        if name.startswith("emotion_"):
            if name == "emotion_1":
                fields.append(
                    _describe(
                        "emotions",
                        field,
                        label="How you felt",
                        kind="emotions",
                        required=True,
                        help=f"1 to {EMOTION_ROWS} feelings, each "
                        '{"emotion": …, "before": 0–10, "after": 0–10 or null}.',
                        low=ratings.LOW,
                        high=ratings.HIGH,
                    )
                )
            continue
        fields.append(_describe(name, field))
    return fields


def _practice_out(request, practice: Practice) -> dict:
    form = practice.form(today=request.auth.local_today())
    looking_back = practice.behaviour.review_form_class
    return {
        "slug": practice.slug,
        "name": practice.name,
        "kind": practice.kind,
        "summary": practice.summary,
        "lesson": practice.lesson,
        "fields": _describe_form(form),
        "review_fields": _describe_form(looking_back()) if looking_back else [],
    }


# --- endpoints ---------------------------------------------------------------------------------


@router.get("/practices", response=list[PracticeOut], summary="Every practice and its fields")
def list_practices(request):
    return [_practice_out(request, practice) for practice in PRACTICES.values()]


@router.get(
    "/practices/decision/calibration",
    response=CalibrationOut,
    summary="How well your gut's confidence matched how decisions turned out",
)
def decision_calibration(request):
    figures = reflections.calibration(services.reviewed_decisions(request.auth))
    return {
        "scored": figures.scored,
        "brier": _rounded(figures.brier),
        "served": _rounded(figures.served),
        "bands": [
            {
                "low": band.low,
                "high": band.high,
                "decisions": band.decisions,
                "served": _rounded(band.served),
                "mean_confidence": _rounded(band.mean_confidence),
            }
            for band in figures.bands
        ],
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@router.get(
    "/practices/{practice}/entries",
    response={200: list[EntryOut], 404: Error},
    summary="Your entries in a practice, newest first",
    description=PRACTICE_SLUGS,
)
def list_entries(request, practice: PracticeSlug, filters: Query[EntryFilters]):
    chosen = _practice(practice)
    # As the web timeline does: what is past its undo window is removed for good.
    services.purge_deleted(request.auth)
    entries = services.timeline(
        request.auth,
        practice=chosen.slug,
        query=filters.q.strip()[:QUERY_LIMIT],
        since=filters.since,
        until=filters.until,
    )
    # The timeline loads only what a list of titles needs; the API shows every answer.
    entries = entries.defer(None)
    if chosen.behaviour.record:
        entries = entries.select_related(chosen.behaviour.record)
    return [shapes.entry(e) for e in entries[filters.offset : filters.offset + filters.limit]]


@router.post(
    "/practices/{practice}/entries",
    response={201: EntrySavedOut, 404: Error, 422: Error},
    summary="Write an entry",
    description=PRACTICE_SLUGS,
    openapi_extra=ENTRY_BODY_DOC,
)
def create_entry(
    request, practice: PracticeSlug, payload: Body[dict[str, Any]], response: HttpResponse
):
    chosen = _practice(practice)
    form = _valid_form(request, chosen, _values(payload, chosen))
    entry = _save(request, chosen, form)
    tag(response, entry)
    return 201, _saved_out(entry)


@router.get("/practices/{practice}/entries/{entry_id}", response={200: EntryOut, 404: Error})
def get_entry(request, practice: PracticeSlug, entry_id: int, response: HttpResponse):
    entry = _own_entry(request, _practice(practice), entry_id)
    tag(response, entry)
    return shapes.entry(entry)


@router.patch(
    "/practices/{practice}/entries/{entry_id}",
    response={200: EntrySavedOut, 404: Error, 412: Stale, 422: Error},
    summary="Change some answers of an entry",
    description="Send only what changes; the rest stays as it was. A refused change saves nothing.",
    openapi_extra=ENTRY_CHANGE_DOC,
)
def update_entry(
    request,
    practice: PracticeSlug,
    entry_id: int,
    payload: Body[dict[str, Any]],
    response: HttpResponse,
    if_match: str | None = IF_MATCH,
):
    chosen = _practice(practice)
    entry = _own_entry(request, chosen, entry_id)
    changes = _values(payload, chosen)
    current = services.entry_answers(entry)
    if chosen.behaviour.record:
        # The look back is not part of the entry's own form (a decision's review is separate).
        current = {name: current[name] for name in BODY_FOR_KIND[chosen.kind].model_fields}
    form = _valid_form(request, chosen, {**current, **changes}, entry)
    with unchanged_since(entry, expected(if_match)):
        _save(request, chosen, form, entry)
    tag(response, entry)
    return _saved_out(entry)


@router.delete(
    "/practices/{practice}/entries/{entry_id}",
    response={204: None, 404: Error, 412: Stale},
    summary="Delete an entry",
    description=f"It can be restored for {services.UNDO_WINDOW.seconds // 60} minutes.",
)
def delete_entry(request, practice: PracticeSlug, entry_id: int, if_match: str | None = IF_MATCH):
    entry = _own_entry(request, _practice(practice), entry_id)
    with unchanged_since(entry, expected(if_match)):
        services.delete_entry(entry)
    return 204, None


@router.post(
    "/practices/{practice}/entries/{entry_id}/restore",
    response={200: EntryOut, 404: Error, 409: Error},
    summary="Bring back an entry deleted moments ago",
)
def restore_entry(request, practice: PracticeSlug, entry_id: int):
    chosen = _practice(practice)
    entry = get_object_or_404(
        Entry, pk=entry_id, user=request.auth, practice=chosen.slug, deleted_at__isnull=False
    )
    if not services.restore_entry(entry):
        return 409, {"detail": "That was deleted a while ago and can't be brought back now."}
    return shapes.entry(entry)


@router.post(
    "/practices/decision/entries/{entry_id}/review",
    response={200: EntrySavedOut, 404: Error, 422: Error},
    summary="Look back on a decision: did your first instinct serve you?",
)
def review_decision(request, entry_id: int, payload: ReviewIn):
    entry = _own_entry(request, DECISION, entry_id)
    form = DecisionReviewForm(
        data=_posted(payload.dict(exclude_unset=True)), instance=entry.decision
    )
    if not form.is_valid():
        raise InputRefused.from_form(form)
    services.review_decision(request.auth, entry, form)
    return _saved_out(entry)
