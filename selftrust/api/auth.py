import zoneinfo
from datetime import timedelta

from django.utils import timezone
from ninja.security import HttpBearer, django_auth

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


# Scripts use a token; the browser uses its session (with CSRF protection on writes).
AUTH = [PersonalToken(), django_auth]
