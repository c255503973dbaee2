import re
from dataclasses import replace

from django import template
from django.utils.html import format_html, format_html_join

from selftrust.safety import plan as plans
from selftrust.safety.forms import RegionForm
from selftrust.safety.models import TrustedPerson, dialable
from selftrust.safety.resources import region_choice_for, resources_for
from selftrust.safety.support import AFTER_ANSWERS, AFTER_KEPT_WORDS, take_support_offer

register = template.Library()

# A phone number inside a line of the plan: "Dr Okafor 020 7946 0000", "text 988",
# "(555) 555-0100", "+44 (0)20 7946 0000". Runs of digits joined by one space or hyphen, or by
# a whole bracketed group; a bracket that doesn't close round digits ends the number, so
# "116 123 (24/7)" and "020 7946 0000 (9-5)" don't take the hours into the number dialled.
_PHONE_IN_TEXT = re.compile(
    r"(?<![\w+])(\+?(?:\(\d{1,5}\) ?)?\d+(?:(?:[ -]| ?\(\d{1,5}\) ?)\d+)*)(?!\w)"
)
# As the trusted-people form allows: fewer is not a number, more is not a phone number.
_FEWEST_DIGITS, _MOST_DIGITS = 3, 17


# The parts of the plan the support panel shows, in a moment when less is more, and in this
# order: the person's own reasons for living first, short, then what they can do, whom they
# can ask, and how to make the next hours safer.
_PANEL_SECTIONS = (
    "reasons_for_living",
    "coping_on_my_own",
    "asking_for_help",
    "professionals",
    "safer_surroundings",
)


def _support_context(context, panel_id: str, intro: str = "") -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    plan = plans.plan_with_something_in_it(user) if signed_in else None
    shown = resources_for(request)
    by_field = {read.section.field: read for read in (plans.read_back(plan) if plan else [])}
    panel_sections = [
        _shortened(by_field[field])
        for field in _PANEL_SECTIONS
        if field in by_field and (by_field[field].items or by_field[field].people)
    ]
    return {
        "panel_id": panel_id,
        "panel_intro": intro,
        "plan": plan,
        "outdated": plans.outdated_emergency_number(plan, shown),
        "panel_sections": panel_sections,
        # When the plan names nobody from the trusted list to ask (none, or only in words),
        # the person's trusted people are shown too, so a Call button is never left out.
        "people": []
        if not signed_in
        or any(read.section.field == "asking_for_help" and read.people for read in panel_sections)
        else list(TrustedPerson.objects.owned_by(user)),
        "resources": shown.resources,
        "emergency_number": shown.emergency_number,
        "emergency_href": shown.emergency_href,
        "shown_region": shown.choice.region if shown.choice else None,
        "signed_in": signed_in,
    }


def _shortened(read: plans.ReadSection) -> plans.ReadSection:
    """Reasons for living come first in the panel, and short: the first three."""
    if read.section.field != "reasons_for_living":
        return read
    return replace(read, items=read.items[:_REASONS_IN_PANEL])


_REASONS_IN_PANEL = 3


@register.inclusion_tag("safety/_crisis_panel.html", takes_context=True)
def support_panel(
    context, panel_id: str, intro: str = "", attrs: str = "", abuse_lines: bool = False
):
    """Crisis lines, and the person's own plan and trusted people when they have them; with
    abuse_lines, the domestic-abuse and sexual-violence lines of their country too (when the
    harm may have come from someone else)."""
    panel = {**_support_context(context, panel_id, intro), "panel_attrs": attrs}
    if abuse_lines:
        region = panel["shown_region"]
        panel["abuse_lines"] = region.support_lines if region else ()
        panel["show_abuse_lines"] = True
    return panel


@register.inclusion_tag("safety/_outdated_number.html", takes_context=True)
def outdated_emergency_number(context, plan):
    """A word beside a plan that still holds another country's emergency number."""
    return {"outdated": plans.outdated_emergency_number(plan, resources_for(context["request"]))}


@register.inclusion_tag("safety/_crisis_panel.html", takes_context=True)
def support_after_saving(context):
    """The support panel, once, on the page after words that suggest crisis were saved."""
    reason = take_support_offer(context.get("request"))
    if reason is None:
        return {"hidden_panel": True}
    if reason == AFTER_ANSWERS:
        # The questionnaire panel's own words (its default intro) fit answers, not writing.
        return _support_context(context, "support-after-saving")
    if reason == AFTER_KEPT_WORDS:
        return _support_context(
            context,
            "support-after-saving",
            "Your words are kept on this page; nothing is lost, and the form below can wait. "
            "What you wrote sounds really painful, and you deserve support with it right now. "
            "If you'd like to talk to someone, these are here for you:",
        )
    return _support_context(
        context,
        "support-after-saving",
        "What you wrote is saved. It sounds really painful, and you deserve support with it "
        "right now. If you'd like to talk to someone, these are here for you:",
    )


@register.inclusion_tag("safety/_region_form.html", takes_context=True)
def crisis_region_form(context):
    """Settings: which country's crisis lines Get help now shows."""
    request = context["request"]
    choice = region_choice_for(request)
    chosen = request.user.crisis_region if request.user.is_authenticated else ""
    return {
        "form": RegionForm(initial={"region": chosen}),
        "choice": choice,
        "next_url": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def get_item(mapping: dict, key: str):
    """mapping[key] in a template, or nothing."""
    return mapping.get(key) if mapping else None


# "text 988", "SMS 85258": a number written after these is for messages, not calls.
_TEXT_BEFORE = re.compile(r"\b(?:text|txt|sms|message|whatsapp)\s*:?\s*$", re.IGNORECASE)


@register.filter
def with_phone_links(line: str):
    """The line with each phone number in it made a tap-to-call (or tap-to-text) link."""
    parts = []
    position = 0
    for found in _PHONE_IN_TEXT.finditer(line):
        number = dialable(found.group(1))
        if not _FEWEST_DIGITS <= sum(c.isdigit() for c in number) <= _MOST_DIGITS:
            continue
        scheme = "sms" if _TEXT_BEFORE.search(line[: found.start(1)]) else "tel"
        parts.append((line[position : found.start(1)], scheme, number, found.group(1)))
        position = found.end(1)
    if not parts:
        return line
    linked = format_html_join("", '{}<a href="{}:{}">{}</a>', parts)
    # Both halves are escaped and marked safe by format_html; joined, they stay safe.
    return linked + format_html("{}", line[position:])
