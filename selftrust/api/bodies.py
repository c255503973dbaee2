"""JSON Schema for what the web forms accept, so a body's schema says what its form says.

The API's bodies are loosely typed on purpose (the forms, not JSON coercion, decide what is
valid, and say so in their own words); these helpers only document each field as the form
checks it: the same lengths, ranges and choices, from the same constants. A rule no schema can
say (a day relative to today, tags in the words) is said in the field's description instead.
tests/api/test_schema_matches_forms.py holds the two side by side.
"""

from collections.abc import Callable, Iterable
from typing import Any

from selftrust.practices.catalog import Field as CatalogField
from selftrust.practices.catalog import Practice

PLAIN_WORDS = "Plain words: no tags like <b>, no control characters."
NULL = {"type": "null"}


def text(limit: int, *, required: bool = False) -> dict:
    """Words, up to `limit` characters; required words can't be blank or only spaces."""
    schema: dict[str, Any] = {"type": "string", "maxLength": limit}
    if required:
        schema |= {"minLength": 1, "pattern": r"\S"}
    return schema


def number(low: int, high: int) -> dict:
    return {"type": "integer", "minimum": low, "maximum": high}


def choice(values: Iterable) -> dict:
    return {"type": "string", "enum": list(values)}


def choices(values: Iterable) -> dict:
    return {"type": "array", "items": choice(values)}


DAY = {"type": "string", "format": "date"}
BOOLEAN = {"type": "boolean"}


def nullable(schema: dict) -> dict:
    """Null is taken as left empty (or, in a PATCH, as clearing the field)."""
    return {"anyOf": [schema, NULL]}


def documented(schema: dict, *, null: bool = True) -> Callable[[dict], None]:
    """For `json_schema_extra`: the field's schema is `schema` (or null, unless required)."""

    def apply(field_schema: dict) -> None:
        field_schema.pop("default", None)
        field_schema.pop("type", None)
        field_schema.update(nullable(schema) if null else schema)

    return apply


# --- worksheets, from the catalog --------------------------------------------------------------


def _choice_values(spec: CatalogField) -> list[str]:
    if spec.groups:
        return [value for group in spec.groups.values() for value, _label in group]
    return [value for value, _label in spec.choices]


def answer(spec: CatalogField) -> dict:
    """One worksheet answer as the form built from `spec` takes it."""
    if spec.kind in ("text", "long"):
        return text(spec.max_length, required=spec.required)
    if spec.kind == "scale":
        return number(spec.low, spec.high)
    if spec.kind == "choice":
        return choice(_choice_values(spec))
    if spec.kind == "multi":
        schema = choices(_choice_values(spec))
        return schema | {"minItems": 1} if spec.required else schema
    raise ValueError(f"No schema for a {spec.kind!r} field")


def worksheet(practice: Practice, *, whole: bool) -> dict:
    """A worksheet's body; `whole` for a new entry (its required answers required)."""
    answers = {
        "type": "object",
        "title": practice.name,
        "description": f"{practice.slug}: answers by field name. {PLAIN_WORDS}",
        "properties": {
            spec.name: answer(spec) if spec.required else nullable(answer(spec))
            for spec in practice.fields
        },
        "additionalProperties": False,
    }
    required = [spec.name for spec in practice.fields if spec.required]
    if whole and required:
        answers["required"] = required
    body = {
        "type": "object",
        "title": f"{practice.name} (worksheet)",
        "properties": {"answers": answers},
        "additionalProperties": False,
    }
    if whole and required:
        body["required"] = ["answers"]
    return body


def whole(schema: dict, required: Iterable[str]) -> dict:
    """A schema for a new entry: the form's required fields required."""
    return {**schema, "required": list(required)}
