"""Answers that hold a person's words are never kept by a browser cache or a proxy."""

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
