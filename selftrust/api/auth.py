import functools
import zoneinfo
from datetime import timedelta

from django.utils import timezone
from django_otp.middleware import is_verified
from ninja.security import HttpBearer, SessionAuth

from selftrust.accounts.models import ApiToken
from selftrust.care.two_factor import confirmed_device, needs_second_factor

# Writing on every request would turn each read into a write; once in a while is enough.
LAST_USED_PRECISION = timedelta(minutes=5)


class PersonalToken(HttpBearer):
    openapi_description = (
        "A personal API token, made on the Settings page or with `selftrust token`."
    )

    def authenticate(self, request, token: str):
        api_token = ApiToken.objects.for_secret(token).first()
        if api_token is None or not api_token.user.is_active:
            return None
        if not _token_counts_as_verified(api_token.user):
            return None
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        # The time-zone middleware ran before we knew who this is; dates are the person's own.
        try:
            timezone.activate(zoneinfo.ZoneInfo(api_token.user.time_zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.deactivate()
        return api_token.user


def _token_counts_as_verified(user) -> bool:
    """A therapist's token works only while the therapist has a confirmed two-factor device.

    A token is made in Settings, which a therapist reaches only after two-factor sign-in, and
    it stands in for a signed-in session: with a confirmed device it counts as verified (so
    care/access.py lets it read what is shared); without one (never set up, or removed with
    `selftrust resettwofactor`) it does not work at all, 401. Anyone else's token is never
    verified: the second factor is the therapists' gate alone.
    """
    device = confirmed_device(user) if user.is_therapist else None
    if user.is_therapist and device is None:
        return False
    user.otp_device = device
    user.is_verified = functools.partial(is_verified, user)
    return True


class BrowserSession(SessionAuth):
    """The browser's signed-in session, with CSRF protection on writes (403 without the token).

    Without a signed-in session there is nothing to protect: a script with a missing, wrong or
    revoked token is told to sign in (401), not that a CSRF check failed.
    """

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        if needs_second_factor(request.user):
            return None  # a therapist's session counts only after two-factor sign-in
        return super().__call__(request)


# Scripts use a token; the browser uses its session.
AUTH = [PersonalToken(), BrowserSession()]
