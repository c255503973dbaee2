"""The two-factor step of a therapist's sign-in: setting up an authenticator app the first
time, and typing its code each time after. The rules are in two_factor.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from selftrust.accounts import throttling
from selftrust.care import two_factor
from selftrust.care.forms_two_factor import CodeForm


def _next(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    return candidate if two_factor.is_safe_next(request, candidate) else ""


def _page(request, template: str, context: dict, status: int = 200):
    # Drawn as for someone not signed in yet (no menu of pages that would only lead back
    # here), like the lock page; the two-factor step is part of signing in.
    return render(
        request,
        template,
        {"user": AnonymousUser(), "next": _next(request), **context},
        status=status,
    )


def _therapist_at_this_step(request):
    """The signed-in therapist still at the two-factor step; 404 for anyone else."""
    user = request.user
    if not getattr(user, "is_therapist", False):
        raise Http404
    return user


def _paused(request, template: str, context: dict):
    return _page(
        request,
        template,
        {**context, "paused": True, "cool_off_minutes": throttling.cool_off_minutes(request)},
        status=429,
    )


def _wrong_code(request, form: CodeForm, device, template: str, context: dict):
    """Counted with the sign-in throttle too: at its limit, codes are paused like passphrases."""
    username = request.user.get_username()
    throttling.count_failure(request, username)
    if getattr(request, "axes_locked_out", False):
        # Axes would swap in its page about passphrases; this one speaks of codes.
        request.axes_locked_out = False
        return _paused(request, template, context)
    form.code_did_not_match(two_factor.seconds_to_wait(device))
    return _page(request, template, {**context, "form": form}, status=400)


def _check(request, form: CodeForm, device, template: str, context: dict, *, accept):
    """The shared steps of both pages' POST: paused? a code at all? a pause to wait? then
    `accept` (which verifies the session when the code matches)."""
    if throttling.is_locked(request, request.user.get_username()):
        return _paused(request, template, context)
    if not form.is_valid():
        return _page(request, template, {**context, "form": form}, status=400)
    wait = two_factor.seconds_to_wait(device)
    if wait:
        form.must_wait(wait)
        return _page(request, template, {**context, "form": form}, status=400)
    if not accept(request, device, form.cleaned_data["code"]):
        return _wrong_code(request, form, device, template, context)
    return None


@sensitive_post_parameters("code")
@never_cache
@login_required
def set_up(request):
    """First sign-in (or after a reset): a QR code and the key as text, then the first code."""
    therapist = _therapist_at_this_step(request)
    if therapist.is_verified():
        return redirect(two_factor.page_after(request, _next(request)))
    if two_factor.has_confirmed_device(therapist):
        # Set up already: a passphrase alone must never be enough to add another app.
        return redirect(two_factor.step_url(therapist, _next(request)))
    device = two_factor.device_to_set_up(therapist)
    template = "care/two_factor_set_up.html"
    context = {
        "qr_code": mark_safe(two_factor.qr_code_svg(device)),  # noqa: S308 (made by segno here)
        "secret": two_factor.secret_in_words(device),
        "account_label": f"{two_factor.ISSUER}:{therapist.get_username()}",
    }
    form = CodeForm(request.POST or None, focus=False)
    if request.method == "POST":
        refused = _check(request, form, device, template, context, accept=two_factor.confirm_set_up)
        if refused:
            return refused
        messages.info(
            request,
            "Two-factor sign-in is set up. From now on, after your passphrase you'll type the "
            "code your app shows.",
        )
        return redirect(two_factor.page_after(request, _next(request)))
    return _page(request, template, {**context, "form": form})


@sensitive_post_parameters("code")
@never_cache
@login_required
def verify(request):
    """Each sign-in after the first: the code from the app."""
    therapist = _therapist_at_this_step(request)
    if therapist.is_verified():
        return redirect(two_factor.page_after(request, _next(request)))
    device = two_factor.confirmed_device(therapist)
    if device is None:
        return redirect(two_factor.step_url(therapist, _next(request)))
    template = "care/two_factor.html"
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        refused = _check(request, form, device, template, {}, accept=two_factor.verify)
        if refused:
            return refused
        return redirect(two_factor.page_after(request, _next(request)))
    return _page(request, template, {"form": form})
