"""Sign-in throttling: how many passphrase guesses anyone gets, built on django-axes.

Axes records each failed attempt in the database (its `AccessAttempt` table), so every app
server of an installation counts the same attempts. Three counts are kept over the cool-off
window (settings: AXES_COOLOFF_TIME, from SELFTRUST_SIGNIN_COOLOFF_MINUTES, 15 by default),
each with its own limit, as multiples of SELFTRUST_SIGNIN_LIMIT (10 by default):

- one account from one address: the limit (10). A person's own mistakes stop here at worst.
- one account from anywhere: twice the limit (20), so guessing spread over many addresses is
  slowed too, while someone who merely knows a username cannot lock its owner out from a
  single address.
- one address, any accounts: five times the limit (50), for one machine trying many names,
  high enough that a clinic behind one shared address is not stopped by ordinary typos.

When a count reaches its limit, further attempts are refused for the cool-off, with a kind
page (`lockout_response`), status 429. Choices and numbers: docs/decisions/0007.
"""

from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_lockout_parameters
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.db.models import F, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from selftrust.accounts import signup_control
from selftrust.accounts.models import User
from selftrust.web import proxies

# How many times the base limit each count allows (see the module docstring).
LIMIT_MULTIPLES = {
    ("ip_address", "username"): 1,
    ("username",): 2,
    ("ip_address",): 5,
}


def client_address(request: HttpRequest) -> str | None:
    """The address a sign-in attempt came from: the connection's, or behind one of the
    operator's own reverse proxies (SELFTRUST_TRUSTED_PROXIES), the client's as that proxy
    reports it. X-Forwarded-For from anyone else is ignored: trusting it blindly would let
    anyone pick a fresh address for every guess."""
    return proxies.client_address(request)


class SignInThrottle(AxesDatabaseHandler):
    """Axes' database handler, with one limit for each count instead of one for all."""

    def get_failures(self, request, credentials=None) -> int:
        # Each count is divided by its multiple, so "reached its own limit" reads as
        # "reached the base limit", which is what axes compares against.
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=True
        ):
            key = (parameter,) if isinstance(parameter, str) else tuple(sorted(parameter))
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            worst = max(worst, failures // LIMIT_MULTIPLES.get(key, 1))
        return worst


def cool_off_minutes(request: HttpRequest | None = None) -> int:
    return max(1, round(get_cool_off(request).total_seconds() / 60))


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """Axes' AXES_LOCKOUT_CALLABLE: the page shown while attempts are paused.

    The normal page chrome (Ground me now, Get help now) stays; the words say what happened,
    that nothing is wrong with the person, and how long to wait.
    """
    from selftrust.accounts.forms import LoginForm, RecoverForm  # forms use this module

    context = {
        "locked": True,
        "cool_off_minutes": cool_off_minutes(request),
        "signup_mode": signup_control.mode(),
    }
    view_name = getattr(request.resolver_match, "view_name", "")
    if request.user.is_authenticated:
        template = "accounts/paused.html"
    elif view_name == "accounts:recover":
        template = "accounts/recover.html"
        context["form"] = RecoverForm()
    else:
        template = "accounts/login.html"
        context["form"] = LoginForm(request)
    return render(request, template, context, status=429)


def is_locked(request: HttpRequest, username: str) -> bool:
    """Whether attempts for `username` from this request's address are paused right now."""
    return not AxesProxyHandler.is_allowed(request, {"username": username})


def count_failure(request: HttpRequest, username: str) -> None:
    """Count a failed attempt that did not go through `authenticate` (a wrong recovery code).

    Sent as Django's own `user_login_failed` signal, which axes records like a wrong
    passphrase; the passphrases and the code in the form are masked by
    AXES_SENSITIVE_PARAMETERS before axes stores anything.
    """
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


def passphrase_matches(request: HttpRequest, user, passphrase: str) -> bool:
    """Check the passphrase of someone already signed in (to change it, or make new codes).

    Through `authenticate`, so these checks are throttled like sign-in: a borrowed session
    must not become a way to guess the passphrase without limit.
    """
    checked = authenticate(request, username=user.get_username(), password=passphrase)
    return checked is not None and checked.pk == user.pk


def note_failed_sign_in(username: str) -> None:
    """Remember, as a bare count, that a sign-in with this username did not match."""
    if username:
        User.objects.filter(username=username).update(failed_sign_ins=F("failed_sign_ins") + 1)


def take_failed_sign_ins(user) -> int:
    """How many sign-ins did not match since this person was last here; the count restarts."""
    count = User.objects.filter(pk=user.pk).values_list("failed_sign_ins", flat=True).first()
    if count:
        User.objects.filter(pk=user.pk).update(failed_sign_ins=F("failed_sign_ins") - count)
    user.failed_sign_ins = 0
    return count or 0


def forget_failures(username: str) -> None:
    """Clear the counts for this account, once its owner has proved who they are."""
    AxesProxyHandler.reset_attempts(username=username)


def cool_off(request=None) -> timedelta:
    """Axes' AXES_COOLOFF_TIME, read from settings so tests and operators can change it."""
    return timedelta(minutes=settings.SIGNIN_COOLOFF_MINUTES)
