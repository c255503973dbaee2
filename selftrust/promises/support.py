"""When a check-in on a promise calls for support, for the web pages and the API alike."""

from selftrust.promises.models import Outcome
from selftrust.promises.nudges import about_hurting_oneself
from selftrust.safety.screening import mentions_crisis


def support_after_check_in(promise, check_in) -> str:
    """ "words" when the note reads as crisis; "slip" when a promise about not hurting oneself
    (or whose own words read as crisis) was answered anything but kept; else ""."""
    if mentions_crisis(check_in.note):
        return "words"
    if check_in.outcome != Outcome.KEPT and (
        about_hurting_oneself(promise.text) or mentions_crisis(promise.text)
    ):
        return "slip"
    return ""
