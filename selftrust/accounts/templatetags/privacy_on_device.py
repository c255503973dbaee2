"""The page chrome for privacy on a shared phone: Leave quickly, and the lock's script."""

from django import template

register = template.Library()

_SHOWN = "leave_quickly_shown"


@register.inclusion_tag("accounts/_leave_quickly.html", takes_context=True)
def leave_quickly(context, unless_shown=False):
    """The Leave quickly button, on every page: in base.html's header row, and, with
    `unless_shown`, after the header for a page that has a header of its own (Ground me now
    replaces the header block, and must not lose the button)."""
    # render_context lasts for one page's rendering, across {% extends %} and its blocks.
    shown_already = context.render_context.get(_SHOWN, False)
    context.render_context[_SHOWN] = True
    return {
        "show": not (unless_shown and shown_already),
        "on_its_own": unless_shown,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("accounts/_privacy_scripts.html", takes_context=True)
def privacy_scripts(context):
    """Leave quickly's script, and the lock's, told after how long this person's lock locks.

    A page made for nobody (the offline copies), or for a locked session, is signed out:
    the lock's script then only looks after pages brought back with Back.
    """
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "signed_in": signed_in,
        "lock_after_seconds": user.lock_after_minutes * 60 if signed_in else 0,
        "csrf_token": context.get("csrf_token"),
    }
