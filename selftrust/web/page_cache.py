"""A signed-in person's pages, kept as rendered until anything of theirs changes.

`@kept_until_changed` on a view that only reads keeps its full page in this process's memory
(the "pages" cache), under a key that holds everything the page can depend on:
- the person (number and random pseudonym) and their data version (accounts/data_version.py: bumped by every change to
  anything of theirs, whoever makes it, so a kept page is never shown after a change; every
  request reads the user row anyway, so checking costs no query, on any number of servers);
- their local date (pages say "today" and count days) and time zone;
- the path with its query, and the Accept-Language header (the calendar's first weekday);
- what this session holds (a skipped daily check, an entry to undo), except the lock's
  "last seen" time, which changes as the person moves about and is read only by the lock.

The CSRF token is the one thing in a page that differs from one request to the next: it is
kept as a placeholder and filled in with this request's token when the page is given out.

Not kept: anything but a plain GET of a full page (htmx fragments, other methods), a page
with messages to show or a support panel to offer (both are shown once), and any answer
that is not a 200 or sets a cookie.
"""

import hashlib
import re
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token

from selftrust.accounts.lock import LAST_SEEN
from selftrust.safety.support import support_offered

CACHE_ALIAS = "pages"
_VOLATILE_SESSION_KEYS = frozenset({LAST_SEEN})
_PLACEHOLDER = b"\x00csrf-token\x00"
_MASKED_TOKEN = re.compile(rb"[A-Za-z0-9]{64}")
# Long enough to matter, short enough that memory holds the pages of whoever is using the
# site now rather than of everyone since the server started.
KEEP_SECONDS = 15 * 60


def kept_until_changed(view=None, *, unless_session_holds: tuple[str, ...] = ()):
    """Give out this view's page as last rendered while nothing it depends on has changed.

    `unless_session_holds`: session keys whose presence means the page is made fresh, for
    what the page shows only for a while (an undo offered for ten minutes).
    """
    if view is None:
        return lambda view: kept_until_changed(view, unless_session_holds=unless_session_holds)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if any(key in request.session for key in unless_session_holds):
            return view(request, *args, **kwargs)
        response, _also = kept_or_made(request, (), lambda: (view(request, *args, **kwargs), None))
        return response

    return wrapper


def kept_or_made(request, depends_on: tuple, make):
    """The page as kept under this request's key and `depends_on` (what else it shows: other
    people's data versions, for a therapist's pages), or `make()`'s, kept for next time.

    `make` returns (response, also): `also` is kept beside the page and given back with it
    (what a view must still do on every look, such as which people to write in the audit).
    """
    if not _may_keep(request):
        return make()
    cache = caches[CACHE_ALIAS]
    key = page_key(request, depends_on)
    kept = cache.get(key)
    if kept is not None:
        content, headers, also = kept
        return _given_out(request, content, headers), also
    response, also = make()
    if _worth_keeping(response):
        content = _without_csrf_tokens(request, response.content)
        if content is not None:
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() != "content-length"
            ]
            cache.set(key, (content, headers, also), KEEP_SECONDS)
    return response, also


def page_key(request, depends_on: tuple = ()) -> str:
    user = request.user
    session = request.session
    held = sorted(
        (name, repr(value)) for name, value in session.items() if name not in _VOLATILE_SESSION_KEYS
    )
    parts = [
        # The pseudonym too: a deleted account's number can be given to a new one (SQLite).
        str(user.pk),
        str(user.pseudonym),
        str(user.data_version),
        user.time_zone,
        user.local_today().isoformat(),
        request.get_full_path(),
        request.headers.get("Accept-Language", ""),
        repr(held),
        repr(depends_on),
    ]
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=20).hexdigest()
    return f"page:{user.pk}:{digest}"


def _may_keep(request) -> bool:
    if request.method != "GET" or request.headers.get("HX-Request"):
        return False
    if not request.user.is_authenticated:
        return False
    # Shown once, then gone: such a page is made fresh (and not kept).
    return not len(get_messages(request)) and not support_offered(request)


def _worth_keeping(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
    )


def _without_csrf_tokens(request, content: bytes) -> bytes | None:
    """The page with each of this session's CSRF tokens swapped for a placeholder, or None
    if the page already holds the placeholder's bytes (then it is not kept)."""
    if _PLACEHOLDER in content:
        return None
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content

    def swap(match):
        token = match.group(0)
        return _PLACEHOLDER if _unmask_cipher_token(token.decode()) == secret else token

    return _MASKED_TOKEN.sub(swap, content)


def _given_out(request, content: bytes, headers) -> HttpResponse:
    if _PLACEHOLDER in content:
        content = content.replace(_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response
