"""Drafts for every form: keeping them, giving them back, and letting them go.

A draft is what the browser posted (`request.POST.lists()`: each field name with its list of
values), kept under a key naming the form (keys.py) until the person saves the form or clears
the draft. It is kept exactly as typed, even words the form would refuse, so a validation
error, a reload, a timeout or a crash never costs a word. Drafts are not screened for crisis
language: they are unfinished words, read by nobody; what is saved is screened where it is saved.

An autosave sent just before the person pressed Save can reach the server after the save and
bring the draft back, so the next empty form would offer words already saved. The save closes
the draft for a few seconds in the session (`close_after_save`); autosaves in that moment are
ignored (`closed_moments_ago`).
"""

import time
from collections.abc import Iterable
from datetime import datetime, timedelta

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone

from selftrust.accounts.data_version import note_data_changed
from selftrust.drafts.models import Draft

CLOSING_GRACE_SECONDS = 5

# Removed only after three months untouched. A draft is often a painful entry left half-written
# on purpose ("leave it for another day" is what every practice suggests), and a hard stretch
# can keep someone away for weeks; coming back to find the words gone would break the promise
# that nothing written is lost. Three months is longer than any such pause we plan for, and
# still means unsaved words do not sit on the server for ever.
STALE_AFTER = timedelta(days=90)

# The longest form filled to every limit is about 21,000 characters (a thought record: five
# boxes of 4,000); five times that leaves room for anything a person types, while a request
# far beyond it is not typing and is not stored.
MAX_CHARACTERS = 100_000
MAX_FIELDS = 200

# Posted with every form but no part of what the person wrote.
NOT_KEPT = frozenset({"csrfmiddlewaretoken", "action"})


def posted(request) -> dict[str, list[str]]:
    """What the browser posted, as a draft keeps it."""
    return {name: values for name, values in request.POST.lists()}


def _without_nul(value: str) -> str:
    # PostgreSQL refuses NUL in text and JSON; it is never part of anything a person typed.
    return value.replace("\x00", "")


def _as_kept(fields: dict) -> dict[str, list[str]]:
    kept = {}
    for name, values in fields.items():
        if name in NOT_KEPT:
            continue
        values = values if isinstance(values, list | tuple) else [values]
        kept[_without_nul(str(name))] = [
            _without_nul(v) if isinstance(v, str) else v for v in values
        ]
    return kept


def _too_large(fields: dict[str, list]) -> bool:
    characters = sum(
        len(name) + sum(len(str(v)) for v in values) for name, values in fields.items()
    )
    return len(fields) > MAX_FIELDS or characters > MAX_CHARACTERS


def save(user, key: str, fields: dict) -> bool:
    """Keep what was typed under `key`, replacing the draft before it. False, and nothing
    changed, when it is far larger than any form could hold."""
    kept = _as_kept(fields)
    if _too_large(kept):
        return False
    # Not update_or_create: a save of the form can let the draft go between its read and its
    # write, and then its UPDATE of a row that is gone fails the request. An UPDATE that finds
    # nothing simply makes the draft again.
    if Draft.objects.filter(user=user, key=key).update(data=kept, updated_at=timezone.now()):
        note_data_changed(user.pk)  # an UPDATE sends no signal; see accounts/data_version.py
        return True
    try:
        with transaction.atomic():
            Draft.objects.create(user=user, key=key, data=kept)
    except IntegrityError:
        # Another autosave of the same form made it a moment ago; this one is newer.
        Draft.objects.filter(user=user, key=key).update(data=kept, updated_at=timezone.now())
        note_data_changed(user.pk)
    return True


def get(user, key: str) -> dict[str, list[str]] | None:
    """The kept draft's fields, or None if there is none."""
    return Draft.objects.filter(user=user, key=key).values_list("data", flat=True).first()


def kept_under(user, prefix: str) -> dict[str, dict[str, list[str]]]:
    """Every draft of this person whose key starts with `prefix`, by key (one query)."""
    return dict(Draft.objects.filter(user=user, key__startswith=prefix).values_list("key", "data"))


def discard(user, key: str) -> None:
    Draft.objects.filter(user=user, key=key).delete()


def discard_keys(keys: Iterable[str], user=None) -> int:
    """Let go of the drafts under these keys (of one person, or of anyone when the keys name
    things that are gone, such as entries removed for good)."""
    drafts = Draft.objects.filter(key__in=list(keys))
    if user is not None:
        drafts = drafts.filter(user=user)
    count, _ = drafts.delete()
    return count


# --- after a save -----------------------------------------------------------------------------


def close_after_save(request, key: str) -> None:
    """The form under `key` was just saved: ignore autosaves for a moment (see above)."""
    request.session[f"draft-closed:{key}"] = time.time()


def closed_moments_ago(request, key: str) -> bool:
    closed_at = request.session.get(f"draft-closed:{key}")
    return closed_at is not None and time.time() - closed_at < CLOSING_GRACE_SECONDS


# --- giving a draft back to its form --------------------------------------------------------


def initial_from(fields: dict[str, list[str]], multi_value_fields: Iterable[str] = ()) -> dict:
    """A draft as a form's initial values: lists for multi-value fields, else the last value."""
    many = set(multi_value_fields)
    return {
        name: (values if name in many else values[-1]) for name, values in fields.items() if values
    }


def restore(user, key: str, multi_value_fields: Iterable[str] = ()) -> dict | None:
    """The kept draft as a form's initial values, or None if there is none."""
    fields = get(user, key)
    return None if fields is None else initial_from(fields, multi_value_fields)


def untick_what_the_draft_left_unticked(form: forms.BaseForm, initial: dict) -> None:
    """A browser posts nothing for an unticked box, so a draft's silence means "unticked"."""
    many = (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)
    for name, field in form.fields.items():
        if name not in initial and isinstance(field, many):
            form.initial[name] = []
        elif name not in initial and isinstance(field, forms.BooleanField):
            form.initial[name] = False


# --- letting go on schedule, and the export ---------------------------------------------------


def stale(now: datetime | None = None):
    """Drafts nobody has touched for longer than STALE_AFTER."""
    return Draft.objects.filter(updated_at__lt=(now or timezone.now()) - STALE_AFTER)


def remove_stale(*, dry_run: bool = False) -> int:
    """Remove drafts untouched for longer than STALE_AFTER; how many (would) go."""
    drafts = stale()
    if dry_run:
        return drafts.count()
    count, _ = drafts.delete()
    return count


def export(user) -> list[dict]:
    """Every draft of this person, as the export carries them."""
    return [
        {"key": key, "updated_at": updated_at.isoformat(), "fields": data}
        for key, updated_at, data in Draft.objects.filter(user=user)
        .order_by("key")
        .values_list("key", "updated_at", "data")
    ]
