"""Answers that hold a person's words are never kept by a browser cache or a proxy; an
address that only a button uses answers a browser with a page, not a blank screen."""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


class PrivateByDefaultMiddleware:
    """`Cache-Control: no-store` on every page seen signed in and on every API answer.

    A shared computer's back button or disk cache must not show a journal entry to the
    next person, and a proxy must never store one. Static files never reach this
    middleware (whitenoise answers them first), so they keep their long cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._holds_personal_words(request):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _holds_personal_words(request) -> bool:
        if request.path.startswith("/api/"):
            return True
        if "HTTP_AUTHORIZATION" in request.META:
            return True
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)


class ButtonOnlyAddressMiddleware:
    """A page in the site's frame for a browser that opens an address only a button uses.

    Views behind a button (saving a PIN, Leave quickly, Lock now) accept POST only, and
    Django's answer to anything else is a 405 with an empty body: a blank white page, with
    no Ground me now and no Get help now. This swaps that empty answer for a short, kind page
    with a way back, keeping the status and the Allow header. The API keeps its own answers.

    Listed after PrivateByDefaultMiddleware, so the page it makes still gets no-store.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code != 405
            or request.path_info.startswith("/api/")
            or getattr(response, "streaming", False)
            or response.content
        ):
            return response
        page = render(request, "web/405.html", {"back": _way_back(request)}, status=405)
        for header, value in response.items():
            if header.lower() not in ("content-type", "content-length"):
                page[header] = value
        page.cookies.update(response.cookies)
        return page


def _way_back(request) -> tuple[str, str]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "web:home", "Go to the start"
    if request.path_info.startswith("/settings/"):
        return "accounts:settings", "Back to Settings"
    if getattr(user, "is_therapist", False):
        return "care:therapist-caseload", "Go to your caseload"
    return "promises:today", "Go to Today"
