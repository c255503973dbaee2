"""When a form is saved over a newer version: show both, drop nothing, let the person choose.

A page that was opened at version 3 and is saved after another device saved version 4 is
not written. The person sees, field by field, what was saved elsewhere beside what they
wrote, and the form again, holding their words and carrying version 4: saving it keeps
theirs, editing it mixes the two, and "use the saved version" lets theirs go.
"""

from dataclasses import dataclass

from django import forms

from selftrust.versioning import version_from_form


@dataclass(frozen=True)
class Difference:
    label: str
    saved: str
    yours: str


@dataclass(frozen=True)
class Conflict:
    differences: list[Difference]
    current_version: int
    saved_version_url: str


def posted_version(request) -> int | None:
    """The version the page was opened at, from its hidden `version` field."""
    return version_from_form(request.POST.get("version"))


def version_in_draft(draft: dict | None) -> int | None:
    """The version a kept draft was written against (drafts keep every posted field)."""
    if not draft or not draft.get("version"):
        return None
    return version_from_form(draft["version"][-1])


def _shown(field: forms.BoundField, value) -> str:
    """A form value as the person would read it: choice labels, one item per line."""
    values = value if isinstance(value, list | tuple) else [value]
    values = [v for v in values if v not in (None, "")]
    choices = getattr(field.field, "choices", None)
    if choices is not None:
        labels = {str(key): str(label) for key, label in choices}
        values = [labels.get(str(v), str(v)) for v in values]
    return "\n".join(str(v).strip() for v in values)


def differences(yours: forms.Form, saved: forms.Form) -> list[Difference]:
    """Each field where what was posted differs from what is saved now."""
    found = []
    for name in yours.fields:
        if name not in saved.fields:
            continue
        mine, theirs = (
            _shown(yours[name], yours[name].value()),
            _shown(saved[name], saved[name].value()),
        )
        if mine.replace("\r\n", "\n").strip() != theirs.replace("\r\n", "\n").strip():
            label = str(yours[name].label or name.replace("_", " ").capitalize())
            found.append(
                Difference(label=label, saved=theirs or "(empty)", yours=mine or "(empty)")
            )
    return found


def conflict(yours: forms.Form, saved: forms.Form, current_version: int, url: str) -> Conflict:
    return Conflict(
        differences=differences(yours, saved),
        current_version=current_version,
        saved_version_url=url,
    )
