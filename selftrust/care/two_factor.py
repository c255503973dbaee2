"""Two-factor sign-in for therapists: the rules, and the middleware that holds them to it.

A therapist sees people's records, so a passphrase alone is not enough. After the passphrase,
a therapist's session is *unverified* until it passes a time-based code from an authenticator
app (django-otp's TOTPDevice). Until then the middleware lets it reach only the two-factor
pages, signing out, the lock, Ground me now, Get help now and the public pages; everything
else (a therapist's own Selftrust pages too) leads to the two-factor step. The API decides for
itself (selftrust/api/auth.py): a browser session counts only once verified, and a token only
while its therapist has a confirmed device.

The first time (or after `selftrust resettwofactor`), the therapist sets up their app from a QR
code made here on the server; a device that is not confirmed never verifies anyone.
"""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import quote, urlencode

import segno
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import devices_for_user, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from selftrust.accounts import passphrase
from selftrust.accounts.lock_middleware import API_PREFIX, OPEN_WHILE_LOCKED

ISSUER = "Selftrust"
DEVICE_NAME = "Authenticator app"
SET_UP = "care:two-factor-set-up"
VERIFY = "care:two-factor"
TWO_FACTOR_PAGES = frozenset({SET_UP, VERIFY})
# What an unverified therapist may reach: the two-factor pages, and what anyone may see while
# locked (signing out, the lock, Ground me now, Get help now, the privacy page, the offline
# copies). Nothing there shows anyone's records.
OPEN_BEFORE_TWO_FACTOR = TWO_FACTOR_PAGES | OPEN_WHILE_LOCKED


def therapist_home_url() -> str:
    """Where a therapist lands after signing in: their caseload (or the start page, until
    the caseload page is there)."""
    try:
        return reverse("care:therapist-caseload")
    except NoReverseMatch:
        return "/"


def needs_second_factor(user) -> bool:
    """A signed-in therapist whose session has not passed two-factor sign-in yet."""
    if not (user.is_authenticated and getattr(user, "is_therapist", False)):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified and is_verified())


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def device_to_set_up(user) -> TOTPDevice:
    """The device being set up: the same one (and secret) on every visit until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_in_words(device: TOTPDevice) -> str:
    """The key as an authenticator app takes it when typed: base 32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def set_up_link(device: TOTPDevice) -> str:
    """The otpauth:// link the QR code holds (Google's Key URI format, which every app reads)."""
    label = quote(f"{ISSUER}:{device.user.get_username()}")
    query = urlencode(
        {
            "secret": b32encode(device.bin_key).decode().rstrip("="),
            "issuer": ISSUER,
            "algorithm": "SHA1",
            "digits": device.digits,
            "period": device.step,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"


def qr_code_svg(device: TOTPDevice) -> str:
    """The QR code as inline SVG, made here (nothing is sent anywhere to draw it).

    segno writes presentation attributes (fill, stroke), never a style attribute, so the page
    keeps the site's Content-Security-Policy without 'unsafe-inline'. Dark on a white square
    with its quiet zone, so a phone reads it in dark mode too.
    """
    svg = segno.make(set_up_link(device), error="m").svg_inline(
        scale=5,
        dark="#000",
        light="#fff",
        svgclass="two-factor-qr",
        lineclass=None,
        title="QR code for your authenticator app",
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def plain_code(typed: str) -> str:
    """The code as typed, without the spaces and dashes some apps show in it."""
    return "".join((typed or "").split()).replace("-", "")


def seconds_to_wait(device: TOTPDevice) -> int:
    """After a code that didn't match, django-otp asks for a pause that doubles with each one
    (1, 2, 4 … seconds). 0 when a code may be tried now."""
    allowed, details = device.verify_is_allowed()
    if allowed or not details or "locked_until" not in details:
        return 0
    return max(1, round((details["locked_until"] - timezone.now()).total_seconds()))


def check_code(device: TOTPDevice, code: str) -> bool:
    """Whether `code` is this device's current code. django-otp's own check: throttled (each
    code that doesn't match, anything typed counts, makes the next wait longer), the row locked
    so two tries at once can't both pass, and a code that was used once not accepted again."""
    matched = verify_token(device.user, device.persistent_id, plain_code(code)) is not None
    device.refresh_from_db()
    return matched


def confirm_set_up(request, device: TOTPDevice, code: str) -> bool:
    """The first code from the app: the device is confirmed and this session is verified."""
    if not check_code(device, code):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    otp_login(request, device)
    return True


def verify(request, device: TOTPDevice, code: str) -> bool:
    """A code at sign-in: this session is verified when it matches."""
    if not device.confirmed or not check_code(device, code):
        return False
    otp_login(request, device)
    return True


def reset_second_factor(user) -> int:
    """Remove every two-factor device of this account and end its sessions (a lost phone).

    The therapist sets up a new app at their next sign-in. Sessions end too, so that no
    browser still signed in somewhere can be the one that sets up the new device.
    """
    with transaction.atomic():
        removed = 0
        for device in list(devices_for_user(user, confirmed=None)):
            device.delete()
            removed += 1
        if removed:
            passphrase.end_sessions(user)
    return removed


def is_safe_next(request, candidate: str) -> bool:
    if not candidate or not candidate.startswith("/") or candidate.startswith("//"):
        return False
    if not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return False
    return _view_name(candidate.split("?", 1)[0]) not in TWO_FACTOR_PAGES


def page_after(request, candidate: str = "") -> str:
    """Where to go once two-factor sign-in has passed: the page asked for, or the caseload."""
    return candidate if is_safe_next(request, candidate) else therapist_home_url()


def after_passphrase_url(request, user, next_url: str = "") -> str:
    """Where a therapist goes once their passphrase matched: the two-factor step, keeping the
    page they asked for (when it is one of ours) for afterwards."""
    return step_url(user, next_url if is_safe_next(request, next_url) else "")


def step_url(user, next_url: str = "") -> str:
    """The two-factor step this therapist is at: setting up an app, or typing a code."""
    url = reverse(VERIFY if has_confirmed_device(user) else SET_UP)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _view_name(path: str) -> str:
    try:
        return resolve(path).view_name
    except Resolver404:
        return ""


class TwoFactorMiddleware:
    """Therapists pass two factors before anything else (after OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not needs_second_factor(user):
            return self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            return self.get_response(request)  # the API refuses an unverified session itself
        if _view_name(request.path_info) in OPEN_BEFORE_TWO_FACTOR:
            return self.get_response(request)
        return self._to_two_factor(request, user)

    @staticmethod
    def _to_two_factor(request, user) -> HttpResponse:
        asked_for = request.get_full_path() if request.method == "GET" else ""
        url = step_url(user, asked_for if is_safe_next(request, asked_for) else "")
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=403)  # nothing was done; htmx follows HX-Redirect
            response["HX-Redirect"] = url
        else:
            response = HttpResponseRedirect(url)
        add_never_cache_headers(response)
        return response
