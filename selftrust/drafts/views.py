"""One autosave and one "clear it" for every form that keeps a draft.

Each app decides which of its forms a person may keep a draft of (a practice they can open, an
entry of their own, a questionnaire that exists); a key it does not know is not found, so nobody
can store words under a key that names someone else's entry.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from selftrust.assessments import services as assessments
from selftrust.care import session_notes
from selftrust.drafts import keys, store
from selftrust.insights import weekly_review
from selftrust.practices import services as practices
from selftrust.promises import drafts as promise_drafts


@dataclass(frozen=True)
class DraftedForms:
    """The forms of one app that keep drafts."""

    # Whether this person may keep a draft under this key.
    allowed: Callable[[object, str], bool]
    # Where "clear it" leads when the page did not say (its URL name).
    back_to: str
    # What the person reads once it is cleared.
    cleared: str


DRAFTED_FORMS = {
    "practice": DraftedForms(
        allowed=practices.may_keep_draft,
        back_to="practices:hub",
        cleared="Cleared. You can start fresh.",
    ),
    keys.SAFETY_PLAN: DraftedForms(
        allowed=lambda user, key: key == keys.SAFETY_PLAN,
        back_to="safety:plan_edit",
        cleared="Cleared. You can start from your saved plan.",
    ),
    "assessment": DraftedForms(
        allowed=assessments.may_keep_draft,
        back_to="assessments:overview",
        cleared="Those answers are cleared. You can start fresh any time, or not at all.",
    ),
    "weekly-review": DraftedForms(
        allowed=weekly_review.may_keep_draft,
        back_to="insights:weekly_reviews",
        cleared="Cleared. You can start fresh.",
    ),
    "session-note": DraftedForms(
        allowed=session_notes.may_keep_draft,
        back_to="care:notes",
        cleared="Cleared. You can start fresh, or leave it for now.",
    ),
    "promise": DraftedForms(
        allowed=promise_drafts.may_keep_draft,
        back_to="promises:today",
        cleared="Cleared. You can start fresh.",
    ),
    keys.DAILY_CHECK: DraftedForms(
        allowed=lambda user, key: key == keys.DAILY_CHECK,
        back_to="promises:today",
        cleared="Cleared. You can start fresh.",
    ),
}


def _drafted_form(request, key: str) -> DraftedForms:
    forms = DRAFTED_FORMS.get(keys.app_of(key))
    if forms is None or not forms.allowed(request.user, key):
        raise Http404("No such form")
    return forms


@login_required
@require_POST
def autosave(request, key: str):
    """Called as the person types (htmx, debounced) and when the page is hidden (sendBeacon).

    Answers 204 whether kept or ignored: an autosave arriving just after the form was saved
    is ignored on purpose (store.closed_moments_ago). 413 when far larger than any form.
    """
    _drafted_form(request, key)
    if store.closed_moments_ago(request, key):
        return HttpResponse(status=204)
    if not store.save(request.user, key, store.posted(request)):
        return HttpResponse(status=413)
    return HttpResponse(status=204)


@login_required
@require_POST
def discard(request, key: str):
    """The person chose to let the draft go: back to the page they were on, fresh."""
    forms = _drafted_form(request, key)
    store.discard(request.user, key)
    messages.info(request, forms.cleared)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse(forms.back_to)
    return redirect(next_url)
