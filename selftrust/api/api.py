from django.http import Http404
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from selftrust.api.assessments import router as assessments_router
from selftrust.api.auth import AUTH
from selftrust.api.errors import InputRefused, PledgeRefused
from selftrust.api.practices import router as practices_router
from selftrust.api.promises import router as promises_router
from selftrust.api.safety import router as safety_router
from selftrust.promises.nudges import SAFETY_PROMISE_ALTERNATIVES
from selftrust.versioning import StaleVersion, etag

api = NinjaAPI(
    title="Selftrust API",
    version="1",
    description=(
        "Your promises, check-ins, track record, questionnaires, practices, safety plan "
        "and trusted people, for your own scripts."
    ),
    urls_namespace="api",
    auth=AUTH,
)


@api.exception_handler(InputRefused)
def input_refused(request, exc: InputRefused):
    first = next(iter(exc.errors.values()))[0]
    return api.create_response(request, {"detail": first, "errors": exc.errors}, status=422)


@api.exception_handler(StaleVersion)
def stale_version(request, exc: StaleVersion):
    response = api.create_response(
        request,
        {
            "detail": "This was changed elsewhere after the version you sent. Nothing was "
            "saved. Read it again (GET), then send your change with the new ETag.",
            "current_etag": etag(exc.current_version),
        },
        status=412,
    )
    response["ETag"] = etag(exc.current_version)
    return response


@api.exception_handler(PledgeRefused)
def pledge_refused(request, exc: PledgeRefused):
    return api.create_response(
        request,
        {
            "detail": exc.note,
            "errors": {"text": [exc.note]},
            "alternatives": [str(option) for option in SAFETY_PROMISE_ALTERNATIVES],
            "support": {"suggested": True, "help_url": reverse("safety:help")},
        },
        status=422,
    )


@api.exception_handler(ValidationError)
def schema_invalid(request, exc: ValidationError):
    return api.create_response(
        request,
        {"detail": "Some of what was sent doesn't fit. Nothing was changed.", "errors": exc.errors},
        status=422,
    )


@api.exception_handler(AuthenticationError)
def not_signed_in(request, exc):
    return api.create_response(
        request, {"detail": "Please sign in, or send a personal API token."}, status=401
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


api.add_router("/", promises_router)
api.add_router("/", assessments_router)
api.add_router("/", practices_router)
api.add_router("/", safety_router)
