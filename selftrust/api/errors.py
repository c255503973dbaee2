class InputRefused(Exception):
    """Input the domain rules refused; its kind messages go back as JSON with a 422."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("input refused")
        self.errors = errors

    @classmethod
    def from_form(cls, form, rename: dict[str, str] | None = None) -> "InputRefused":
        """`rename` maps a form field to the name the API uses for it (day -> date)."""
        rename = rename or {}
        return cls(
            {
                rename.get(field, field): [str(m) for m in msgs]
                for field, msgs in form.errors.items()
            }
        )


class PledgeRefused(Exception):
    """A pledge not to hurt oneself, turned away as the web form does: a 422 with the note,
    the promises we offer instead, and support."""

    def __init__(self, note: str):
        super().__init__("pledge refused")
        self.note = note


# What a request that doesn't fit the schema is told, in the forms' calm words; pydantic's own
# ("Input should be a valid integer, unable to parse string as an integer") only for a kind of
# problem not named here.
_SAID = {
    "string_type": "Please send text here.",
    "int_type": "Please send a whole number here.",
    "int_parsing": "Please send a whole number here.",
    "int_from_float": "Please send a whole number here.",
    "bool_type": "Please send true or false.",
    "bool_parsing": "Please send true or false.",
    "list_type": "Please send a list here.",
    "dict_type": "Please send an object here, in curly brackets.",
    "model_type": "Please send an object here, in curly brackets.",
    "model_attributes_type": "Please send an object here, in curly brackets.",
    "date_type": "Please send a date like 2026-05-01.",
    "date_parsing": "Please send a date like 2026-05-01.",
    "date_from_datetime_parsing": "Please send a date like 2026-05-01.",
    "date_from_datetime_inexact": "Please send a date like 2026-05-01.",
    "time_type": "Please send a time like 07:30.",
    "time_parsing": "Please send a time like 07:30.",
}
# Where the value was sent, and (for a body) the view's name for it: not part of a field's name.
_SOURCES = ("path", "query", "header", "cookie")


def field_name(loc: tuple | list) -> str:
    """("body", "payload", "weekdays", 0) -> "weekdays[0]"; the whole body -> "body"."""
    parts = list(loc)
    if parts and parts[0] == "body":
        parts = parts[2:]
    elif parts and parts[0] in _SOURCES:
        parts = parts[1:]
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"


def said(problem: dict) -> str:
    kind = problem.get("type", "")
    if kind == "extra_forbidden":
        return f"“{field_name(problem['loc'])}” isn't something this accepts. Please leave it out."
    if kind == "missing":
        name = field_name(problem.get("loc", ()))
        return (
            "Please send a JSON object as the body."
            if name == "body"
            else f"Please include “{name}”."
        )
    bounds = problem.get("ctx") or {}
    if kind == "greater_than_equal":
        return f"Please use a number of at least {bounds.get('ge')}."
    if kind == "less_than_equal":
        return f"Please use a number no higher than {bounds.get('le')}."
    return _SAID.get(kind, str(problem.get("msg", "This doesn't fit.")))


def refused_shape(problems: list[dict]) -> InputRefused:
    """A request the schema refused, told as the forms tell it: messages by field name."""
    errors: dict[str, list[str]] = {}
    for problem in problems:
        errors.setdefault(field_name(problem.get("loc", ())), []).append(said(problem))
    return InputRefused(errors or {"body": ["This doesn't fit."]})
