"""Offering support after someone saves words that suggest they may be unsafe.

The words are always saved first; nothing is blocked, sent or stored about the check. When
the screener matches, the next page shows the person's safety plan and crisis lines.
"""

from selftrust.safety.screening import mentions_crisis

_SESSION_KEY = "offer-support"


def offer_support_if_needed(request, *texts: str) -> bool:
    """Screen what was just saved; if it suggests crisis, the next full page offers support."""
    if mentions_crisis(*texts):
        request.session[_SESSION_KEY] = True
        return True
    return False


def take_support_offer(request) -> bool:
    """True once after `offer_support_if_needed` matched (then forgotten)."""
    session = getattr(request, "session", None)
    return bool(session and session.pop(_SESSION_KEY, False))


def support_offered(request) -> bool:
    """Will the next page show support? (Looks without taking the offer.)"""
    return bool(request.session.get(_SESSION_KEY, False))
