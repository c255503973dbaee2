"""Drafts of the notes typed on Today, for the parts of Today drawn by other apps' templates."""

from django import template

from selftrust.drafts import store
from selftrust.promises.drafts import DAILY_CHECK, note_of

register = template.Library()


@register.simple_tag(takes_context=True)
def kept_daily_check_note(context) -> str | None:
    """The daily check's note as typed and kept as a draft, when it differs from the saved
    one (one query); None when there is nothing to give back."""
    fields = store.get(context["request"].user, DAILY_CHECK)
    if fields is None:
        return None
    check = context.get("check")
    note = note_of(fields)
    return None if note == (check.note if check else "") else note
