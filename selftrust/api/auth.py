import zoneinfo
from datetime import timedelta

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from selftrust.accounts.models import ApiToken

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


class BrowserSession(SessionAuth):
    """The browser's signed-in session, with CSRF protection on writes (403 without the token).

    Without a signed-in session there is nothing to protect: a script with a missing, wrong or
    revoked token is told to sign in (401), not that a CSRF check failed.
    """

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


# Scripts use a token; the browser uses its session.
AUTH = [PersonalToken(), BrowserSession()]
