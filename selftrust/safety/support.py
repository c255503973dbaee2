"""Offering support after someone saves words that suggest they may be unsafe.

The words are always saved first; nothing is blocked, sent or stored about the check. When
the screener matches, the next page shows the person's safety plan and crisis lines.
"""

from selftrust.safety.screening import mentions_crisis

_SESSION_KEY = "offer-support"
# Why support is offered, so the panel can say it in fitting words.
AFTER_WORDS = "words"
AFTER_ANSWERS = "answers"


def offer_support(request, reason: str = AFTER_WORDS) -> None:
    """The next full page opens with the support panel."""
    request.session[_SESSION_KEY] = reason


def offer_support_if_needed(request, *texts: str) -> bool:
    """Screen what was just saved; if it suggests crisis, the next full page offers support."""
    if mentions_crisis(*texts):
        offer_support(request)
        return True
    return False


def take_support_offer(request) -> str | None:
    """Why support is offered, once after `offer_support` (then forgotten); else None."""
    session = getattr(request, "session", None)
    reason = session.pop(_SESSION_KEY, None) if session else None
    if not reason:
        return None
    return reason if reason in (AFTER_WORDS, AFTER_ANSWERS) else AFTER_WORDS


def support_offered(request) -> bool:
    """Will the next page show support? (Looks without taking the offer.)"""
    return bool(request.session.get(_SESSION_KEY, False))
