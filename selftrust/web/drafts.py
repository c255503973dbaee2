"""Drafts shared by every guided form: restoring them, and guarding them after a save.

A draft is what the browser posted (`request.POST.lists()`), kept until the form is saved.

An autosave sent just before the person pressed Save can reach the server after the save
and bring the draft back, so the next empty form would offer words already saved. The save
marks the draft closed for a few seconds in the session; autosaves in that moment are ignored.
"""

import time

from django import forms

CLOSING_GRACE_SECONDS = 5


def close_draft(request, key: str) -> None:
    request.session[f"draft-closed:{key}"] = time.time()


def draft_recently_closed(request, key: str) -> bool:
    closed_at = request.session.get(f"draft-closed:{key}")
    return closed_at is not None and time.time() - closed_at < CLOSING_GRACE_SECONDS


def initial_from_draft(draft: dict, multi_value_fields) -> dict:
    """A draft as a form's initial values: lists for multi-value fields, else the last value."""
    return {
        name: (values if name in multi_value_fields else values[-1])
        for name, values in draft.items()
        if values
    }


def untick_what_the_draft_left_unticked(form, initial: dict) -> None:
    """A browser posts nothing for an unticked box, so a draft's silence means "unticked"."""
    for name, field in form.fields.items():
        many = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)
        if name not in initial and isinstance(field, many):
            form.initial[name] = []
        elif name not in initial and isinstance(field, forms.BooleanField):
            form.initial[name] = False
