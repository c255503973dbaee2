from django.http import Http404
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from selftrust.api.assessments import router as assessments_router
from selftrust.api.auth import AUTH
from selftrust.api.care import router as care_router
from selftrust.api.errors import InputRefused, PledgeRefused, refused_shape
from selftrust.api.insights import router as insights_router
from selftrust.api.practices import router as practices_router
from selftrust.api.promises import router as promises_router
from selftrust.api.safety import router as safety_router
from selftrust.care.access import NotVerified
from selftrust.promises.nudges import SAFETY_PROMISE_ALTERNATIVES
from selftrust.versioning import StaleVersion, etag

api = NinjaAPI(
    title="Selftrust API",
    version="1",
    description=(
        "Your promises, check-ins, track record, questionnaires, practices, safety plan "
        "and trusted people, for your own scripts.\n\n"
        "Care, both sides: a person's links with their therapists, what each of them sees, "
        "invitations, suggestions, notes for sessions and every look a therapist took; a "
        "therapist's caseload and what each person shares with them. A therapist's token "
        "works only once their two-factor sign-in is set up. Every look a therapist takes is "
        "written down for the person, and anything not shared with them is 404, as for "
        "someone who isn't there.\n\n"
        "Every answer an operation can give is listed with it. A refused request changes "
        "nothing and says why: `detail`, and `errors` by field name (a field this doesn't know "
        "is refused by name, too). Each body's schema says what the web form accepts; a rule "
        "no schema can say (a day relative to today, tags in your words, a pledge not to hurt "
        "yourself) is described where it applies, and refused with a 422."
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
    # The same shape and tone as a refusal by the forms: messages by field name.
    return input_refused(request, refused_shape(exc.errors))


# Ninja's own refusals, in our words: a body that isn't JSON, a browser write without its
# CSRF token.
HTTP_ERRORS = {
    400: "What was sent isn't JSON we can read, so nothing was changed.",
    403: "This came from your browser without the page's security token (CSRF), so nothing "
    "was changed. Reload the page and try again, or send a personal API token.",
}


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    detail = HTTP_ERRORS.get(exc.status_code, str(exc))
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def not_signed_in(request, exc):
    return api.create_response(
        request, {"detail": "Please sign in, or send a personal API token."}, status=401
    )


@api.exception_handler(NotVerified)
def not_verified(request, exc):
    # A therapist's token or session counts only after two-factor sign-in (auth.py), so this
    # is a second line: a therapist who isn't verified is treated as not signed in.
    return not_signed_in(request, exc)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


api.add_router("/", promises_router)
api.add_router("/", assessments_router)
api.add_router("/", practices_router)
api.add_router("/", safety_router)
api.add_router("/", insights_router)
api.add_router("/", care_router)
