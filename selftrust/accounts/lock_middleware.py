"""The lock, held on the server: a locked session sees the lock page and nothing else.

Runs after authentication (and messages). For a signed-in session it

- ends a sign-in "until I close the browser" that has reached its day (sign_in_length.py);
- locks the session when the person has not used it for longer than they chose (lock.py);
- while locked, answers every page with a redirect to /lock/?next=… (htmx requests with
  HX-Redirect), except the pages anyone may see, which are shown as to someone signed out:
  the lock page itself, signing out, Leave quickly and its plain page, Ground me now, Get
  help now, the privacy page, and what the app needs to install and work offline. The API is
  reached as signed out too: a bearer token still works (the token says who it is), the
  locked browser session does not;
- otherwise notes the time of the request, which is what "idle" is counted from.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from selftrust.accounts import lock, sign_in_length
from selftrust.safety.support import offer_support, take_support_offer

API_PREFIX = "/api/"

# Pages anyone may see, shown while locked as to someone signed out.
OPEN_WHILE_LOCKED = frozenset(
    {
        "accounts:lock",
        "accounts:lock_now",
        "accounts:still_here",
        "accounts:leave",
        "accounts:away",
        "accounts:logout",
        "safety:ground",
        "safety:help",
        "safety:region",
        "web:privacy",
        "web:manifest",
        "web:service_worker",
        "web:offline",
        "web:offline_help",
        "web:healthz",
    }
)
# Requests that are not the person using Selftrust: the lock's own pages, and what the
# browser or the service worker fetches by itself.
NOT_ACTIVITY = frozenset(
    {
        "accounts:lock",
        "accounts:lock_now",
        "accounts:leave",
        "accounts:away",
        "web:manifest",
        "web:service_worker",
        "web:offline",
        "web:offline_help",
        "web:healthz",
    }
)


class PrivacyLockMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated:
            return self.get_response(request)
        session = request.session
        now = lock.now_seconds()
        if sign_in_length.has_ended(session, now):
            logout(request)
            messages.info(
                request,
                "You were signed out, as you chose when you signed in. Your things are safe; "
                "sign in again whenever you like.",
            )
            return self.get_response(request)

        view_name = _view_name(request)
        is_api = request.path_info.startswith(API_PREFIX)
        if not lock.is_locked(session) and lock.idle_time_has_passed(user, session, now):
            lock.lock(session)
        if lock.is_locked(session):
            if view_name in OPEN_WHILE_LOCKED or is_api:
                return self._as_signed_out(request, user)
            return lock_answer(request)

        if view_name not in NOT_ACTIVITY and not (is_api and "HTTP_AUTHORIZATION" in request.META):
            lock.note_activity(user, session, now)
        return self.get_response(request)

    def _as_signed_out(self, request, user):
        """The page as anyone would see it: no name, no navigation, nothing of theirs."""
        request.locked_user = user
        request.user = AnonymousUser()

        async def auser():
            return request.user

        request.auser = auser
        # Support offered after saving words that suggest crisis waits for the unlocked page:
        # on the lock page it would tell whoever holds the phone what was written.
        held_back = take_support_offer(request)
        response = self.get_response(request)
        if held_back and SESSION_KEY in request.session:  # still theirs: not signed out
            offer_support(request, held_back)
        return response


def _view_name(request) -> str:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return ""


def lock_page_url(next_url: str = "") -> str:
    url = reverse("accounts:lock")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def page_to_return_to(request) -> str:
    """Where unlocking leads back to: the page asked for (for htmx, the page it was on)."""
    if request.headers.get("HX-Request"):
        candidate = request.headers.get("HX-Current-URL", "")
    elif request.method == "GET":
        return request.get_full_path()
    else:
        # A form sent while locked is not taken; unlocking leads back to the page it was on.
        candidate = request.headers.get("Referer", "")
    if not candidate or not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(candidate)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def lock_answer(request) -> HttpResponse:
    """The answer to a locked session: the lock page, as a redirect or htmx's HX-Redirect."""
    url = lock_page_url(page_to_return_to(request))
    if request.headers.get("HX-Request"):
        # Not a success: nothing was done. htmx (and lock-when-idle.js, first) go to the lock.
        response = HttpResponse(status=403)
        response["HX-Redirect"] = url
    else:
        response = HttpResponseRedirect(url)
    response["X-Selftrust-Locked"] = "1"
    add_never_cache_headers(response)
    return response
