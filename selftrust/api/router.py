"""A router whose every operation documents the answers the whole API gives, not only its own.

The exception handlers in api.py answer alike for every operation: 401 without a valid token
or session, 403 for a write from a browser session without its CSRF token, 400 for a body
that isn't JSON, 404 when the path names something that isn't yours (or isn't there), 422
when what was sent doesn't fit. Listed by hand on each decorator, they drifted from what the
API does; here they follow from what an operation takes and how it is signed in to, and an
operation lists only its own answers (201, 409, 412, a 404 with a body of its own).
"""

from typing import Any

from ninja import Router as NinjaRouter
from ninja.constants import NOT_SET
from ninja.signature import ViewSignature

from selftrust.api.schemas import Error

# Input that can fail to parse: a header (If-Match) is read as text and never refused.
CHECKED_INPUT = frozenset({"path", "query", "body"})
# Writes from a browser session need its CSRF token (selftrust/api/auth.py).
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def common_answers(path: str, methods, view_func, *, signed_in: bool) -> dict[int, Any]:
    """The statuses the API-wide handlers can give this operation, and their bodies."""
    takes = {model.__ninja_param_source__ for model in ViewSignature(path, view_func).models}
    answers: dict[int, Any] = {}
    if "body" in takes:
        answers[400] = Error
    if signed_in:
        answers[401] = Error
    if signed_in and WRITES & {method.upper() for method in methods}:
        answers[403] = Error
    if "path" in takes:
        answers[404] = Error
    if takes & CHECKED_INPUT:
        answers[422] = Error
    return answers


class Router(NinjaRouter):
    def add_api_operation(self, path, methods, view_func, *, auth=NOT_SET, response=NOT_SET, **kw):
        if response is NOT_SET:
            raise TypeError(f"{view_func.__name__}: say what it answers (response=...)")
        own = response if isinstance(response, dict) else {200: response}
        # Not set here nor on the router: the API's own sign-in (a token or the session).
        effective_auth = self.auth if auth is NOT_SET else auth
        answers = {
            **common_answers(path, methods, view_func, signed_in=effective_auth is not None),
            **own,
        }
        super().add_api_operation(
            path,
            methods,
            view_func,
            auth=auth,
            response=dict(sorted(answers.items())),
            **kw,
        )
