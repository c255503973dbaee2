import zoneinfo

from django.utils import timezone

from selftrust.accounts import recovery


class UserTimezoneMiddleware:
    """Show dates in the person's own time zone, so 'today' is their today."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class ForgetRecoveryCodesMiddleware:
    """New recovery codes wait in the session only for the few minutes their page may show
    them (recovery.py): once that time has passed, the next request of that session, whatever
    page it is for, takes them out. The codes page itself does the same."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            recovery.forget_codes_once_shown_long_enough(session)
        return self.get_response(request)
