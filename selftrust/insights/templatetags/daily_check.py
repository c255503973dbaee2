"""The daily check on Today, drawn by a tag so the promises page needs to know nothing of it."""

from datetime import date

from django import template

from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store
from selftrust.insights import services
from selftrust.insights.models import Energy, Mood

register = template.Library()


def card_context(request, today: date, *, check=None, form=None) -> dict:
    """What the card needs. One query for the day's check, none once it was skipped."""
    is_skipped = services.skipped(request.session, today)
    if check is None and form is None and not is_skipped:
        check = services.check_for(request.user, today)
    return {
        "request": request,
        "today": today,
        "check": check,
        "form": form,
        "skipped": is_skipped,
        "moods": Mood.choices,
        "energies": Energy.choices,
        # A refused answer keeps what was chosen, so nothing has to be chosen twice.
        "chosen_mood": _chosen(form, "mood", check and check.mood),
        "chosen_energy": _chosen(form, "energy", check and check.energy),
        "note_value": form["note"].value() if form is not None else (check.note if check else ""),
    }


def _chosen(form, name: str, saved) -> str:
    if form is not None:
        value = form[name].value()
        return "" if value is None else str(value)
    return "" if saved is None else str(saved)


@register.inclusion_tag("insights/_daily_check.html", takes_context=True)
def daily_check_card(context):
    request = context["request"]
    today = context.get("today") or request.user.local_today()
    return {**card_context(request, today), "csrf_token": context.get("csrf_token")}


@register.simple_tag(takes_context=True)
def kept_daily_check_note(context) -> str | None:
    """The daily check's note as typed and kept as a draft, when it differs from the saved
    one (one query); None when there is nothing to give back."""
    fields = store.get(context["request"].user, draft_keys.DAILY_CHECK)
    if fields is None:
        return None
    check = context.get("check")
    note = _note_in(fields)
    return None if note == (check.note if check else "") else note


def _note_in(fields: dict[str, list[str]]) -> str:
    values = fields.get("note") or [""]
    return str(values[-1])
