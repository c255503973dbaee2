"""Offering support after someone saves words that suggest they may be unsafe.

The words are always saved first; nothing is blocked, sent or stored about the check. When
the screener matches, the next page shows the person's safety plan and crisis lines.
"""

from django import forms

from selftrust.safety.screening import mentions_crisis

_SESSION_KEY = "offer-support"
# Why support is offered, so the panel can say it in fitting words.
AFTER_WORDS = "words"
AFTER_ANSWERS = "answers"
# Words in a form sent back for another look: kept as a draft, not saved yet.
AFTER_KEPT_WORDS = "kept"
REASONS = (AFTER_WORDS, AFTER_ANSWERS, AFTER_KEPT_WORDS)


def offer_support(request, reason: str = AFTER_WORDS) -> None:
    """The next full page opens with the support panel."""
    request.session[_SESSION_KEY] = reason


def offer_support_if_needed(request, *texts: str) -> bool:
    """Screen what was just saved; if it suggests crisis, the next full page offers support."""
    if mentions_crisis(*texts):
        offer_support(request)
        return True
    return False


def offer_support_for_words_sent_back(request, form) -> bool:
    """Screen what was typed in a form that needs another look (a feeling not named yet, a
    box too long). Someone who writes crisis words and meets a correction may stop right there,
    so help comes with the page that asks for the correction, not only after a save. Only the
    boxes a person types in are read: choices are the form's own words."""
    texts = []
    for name, field in form.fields.items():
        if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.HiddenInput):
            texts.extend(str(value) for value in form.data.getlist(form.add_prefix(name)))
    if mentions_crisis(*texts):
        offer_support(request, AFTER_KEPT_WORDS)
        return True
    return False


def take_support_offer(request) -> str | None:
    """Why support is offered, once after `offer_support` (then forgotten); else None."""
    session = getattr(request, "session", None)
    reason = session.pop(_SESSION_KEY, None) if session else None
    if not reason:
        return None
    return reason if reason in REASONS else AFTER_WORDS


def support_offered(request) -> bool:
    """Will the next page show support? (Looks without taking the offer.)"""
    return bool(request.session.get(_SESSION_KEY, False))
