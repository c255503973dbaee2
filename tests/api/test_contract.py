"""The API keeps the promises its OpenAPI schema makes.

Schemathesis reads the schema the API serves and, for every operation, sends requests that fit
it and requests that don't, signed in as someone with a promise, entries in every practice,
questionnaire results, a safety plan, a trusted person and a therapist (a link, a suggestion,
a note for sessions, a look). The therapist's operations are sent a second time, signed in as
a therapist whose person shares everything. Every answer must be one the schema names, of the
content type it names, with a body of the shape it names, and never a 5xx.

The seed is fixed and the examples per operation bounded, so a run is the same every time and
takes under a minute. A failure prints a curl command that replays the request.
"""

import json
import zlib
from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig

from selftrust.api.api import api
from selftrust.api.care import THERAPIST
from selftrust.api.practices import BODY_FOR_KIND, WorksheetIn
from selftrust.assessments.instruments import INSTRUMENTS
from selftrust.care import categories, session_notes
from selftrust.care.access import record_access
from selftrust.care.models import CareLink, Homework
from selftrust.practices.catalog import PRACTICES
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    DecisionFactory,
    EntryFactory,
    PromiseFactory,
    SafetyPlanFactory,
    ThoughtRecordFactory,
    TrustedPersonFactory,
    UserFactory,
    api_token_for,
)
from tests.insights.factories import DailyCheckFactory, WeeklyReviewFactory

SEED = 20261126
EXAMPLES_PER_OPERATION = 25

# Fixed ids, far above anything a test database's sequences reach, so that about half of the
# generated ids can point at things this person owns (and the rest at nothing: 404).
MINE = 900_001
ENTRY_ID = {slug: 910_000 + n for n, slug in enumerate(PRACTICES)}
DELETED_ENTRY_ID = {slug: 920_000 + n for n, slug in enumerate(PRACTICES)}
RESPONSE_ID = {slug: 930_000 + n for n, slug in enumerate(INSTRUMENTS)}

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    # And the other way round: what the schema rules out is refused, not quietly taken.
    negative_data_rejection,
]

# The practice forms read a number sent as text ("70") and words sent as a number, as the web
# form would post them (tests/api/test_practices_api.py relies on it): the schema names the
# proper types, and these bodies alone are lenient on purpose, so there a request with a wrong
# type may be read, and not refused. Every other check holds for them.
LENIENT_BODIES = {
    "POST /api/v1/practices/{practice}/entries",
    "PATCH /api/v1/practices/{practice}/entries/{entry_id}",
    "POST /api/v1/practices/decision/entries/{entry_id}/review",
}

schema = schemathesis.openapi.from_dict(
    api.get_openapi_schema(path_prefix="/api/v1/"),
    config=SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": EXAMPLES_PER_OPERATION},
            # An entry's body is any of some twenty practices' shapes; the coverage phase's
            # hundreds of variations of each, refused alike, would triple the run.
            "operations": [
                {
                    "include-name": [
                        "POST /api/v1/practices/{practice}/entries",
                        "PATCH /api/v1/practices/{practice}/entries/{entry_id}",
                    ],
                    "phases": {"coverage": {"generation": {"mode": "positive"}}},
                }
            ],
            "checks": {
                # An If-Match the server can't read names no version, so the answer is 412
                # (RFC 9110 13.1.1), which is a refusal too.
                "negative_data_rejection": {
                    "expected-statuses": [400, 401, 404, 405, 406, 412, 422]
                }
            },
        }
    ),
)


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """About half the time, the ids of things the signed-in person owns.

    Only ids that fit the schema are changed: a request meant to be refused stays as it was.
    """
    if not path_parameters:
        return st.just(path_parameters)
    own = dict(path_parameters)
    practice = own.get("practice")
    if _is_id(own.get("promise_id")):
        own["promise_id"] = MINE
    if _is_id(own.get("person_id")):
        own["person_id"] = MINE
    for name in ("link_id", "homework_id"):
        if _is_id(own.get(name)):
            own[name] = MINE
    if _is_id(own.get("entry_id")):
        entries = DELETED_ENTRY_ID if context.operation.path.endswith("/restore") else ENTRY_ID
        own["entry_id"] = entries.get(practice if practice in PRACTICES else "decision", MINE)
    if _is_id(own.get("response_id")) and own.get("instrument") in INSTRUMENTS:
        own["response_id"] = RESPONSE_ID[own["instrument"]]
    return st.sampled_from([path_parameters, own])


def _practice_for(body: dict) -> str | None:
    """The practice a body was written for, going by its field names."""
    for slug, practice in PRACTICES.items():
        shape = BODY_FOR_KIND[practice.kind]
        if shape is WorksheetIn:
            answers = body.get("answers", {})
            names = {spec.name for spec in practice.fields}
            if set(body) <= {"answers"} and isinstance(answers, dict) and set(answers) <= names:
                return slug
        elif body and set(body) <= set(shape.model_fields):
            return slug
    return None


def _instrument_for(answers: list) -> str | None:
    return next((s for s, i in INSTRUMENTS.items() if len(i.items) == len(answers)), None)


@schema.hook
def map_case(context, case):
    """Every other body is sent where it fits: a check-in for today, an entry to the practice
    it was written for, answers to the questionnaire with that many questions. The rest go
    where they were generated, to be refused as the schema says."""
    body = case.body
    if not isinstance(body, dict) or zlib.crc32(repr(body).encode()) % 2:
        return case
    path, method, where = case.operation.path, case.method.upper(), case.path_parameters or {}
    if method == "POST" and path.endswith("/check-ins") and "date" in body:
        body["date"] = timezone.now().date().isoformat()  # the person's zone is UTC
    elif path.endswith(("/entries", "/entries/{entry_id}")) and method in ("POST", "PATCH"):
        practice = _practice_for(body)
        if practice and where.get("practice") in PRACTICES:
            if where.get("entry_id") == ENTRY_ID[where["practice"]]:
                where["entry_id"] = ENTRY_ID[practice]
            where["practice"] = practice
    elif path.endswith("/responses") and method == "POST":
        answers = body.get("answers")
        instrument = _instrument_for(answers) if isinstance(answers, list) else None
        if instrument and where.get("instrument") in INSTRUMENTS:
            where["instrument"] = instrument
    return case


@pytest.fixture
def signed_in(db):
    """The Authorization header of someone with a promise, entries, results, a plan and a
    trusted person."""
    user = UserFactory()
    promise = PromiseFactory(id=MINE, user=user)
    CheckInFactory(promise=promise)
    person = TrustedPersonFactory(id=MINE, user=user)
    SafetyPlanFactory(user=user, company_people=[person], help_people=[person])
    for slug, practice in PRACTICES.items():
        for entry_id, deleted_at in (
            (ENTRY_ID[slug], None),
            (DELETED_ENTRY_ID[slug], timezone.now() - timedelta(seconds=30)),
        ):
            if practice.kind == "decision":
                DecisionFactory(entry__id=entry_id, entry__user=user, entry__deleted_at=deleted_at)
            elif practice.kind == "thought":
                ThoughtRecordFactory(
                    entry__id=entry_id, entry__user=user, entry__deleted_at=deleted_at
                )
            else:
                EntryFactory(id=entry_id, user=user, practice=slug, deleted_at=deleted_at)
    for slug in INSTRUMENTS:
        AssessmentResponseFactory(id=RESPONSE_ID[slug], user=user, instrument_slug=slug)
    therapist = UserFactory(is_therapist=True)
    link = CareLink.objects.create(id=MINE, person=user, therapist=therapist, shared=["mood"])
    Homework.objects.create(id=MINE, link=link, person=user, kind="practice", target="win")
    session_notes.write(user, "Something to bring")
    record_access(user.pk, therapist, categories.SAFETY_PLAN, False)
    return {"Authorization": f"Bearer {api_token_for(user)}"}


@pytest.fixture
def therapist_signed_in(db):
    """The Authorization header of a therapist (two-factor sign-in set up) whose person, id
    MINE, shares everything and has something in every category."""
    therapist = UserFactory(is_therapist=True)
    TOTPDevice.objects.create(user=therapist, name="Authenticator app", confirmed=True)
    person = UserFactory(id=MINE)
    link = CareLink.objects.create(
        person=person,
        therapist=therapist,
        shared=[category.slug for category in categories.all_categories()],
    )
    CheckInFactory(promise=PromiseFactory(user=person), note="A quiet day")
    DailyCheckFactory(user=person, note="Tired")
    AssessmentResponseFactory(user=person, instrument_slug="phq-9", answers=[1] * 9)
    friend = TrustedPersonFactory(user=person)
    SafetyPlanFactory(user=person, help_people=[friend])
    session_notes.write(person, "Something to bring")
    WeeklyReviewFactory(user=person)
    for slug, practice in PRACTICES.items():
        if practice.kind == "decision":
            DecisionFactory(entry__user=person)
        elif practice.kind == "thought":
            ThoughtRecordFactory(entry__user=person)
        else:
            EntryFactory(user=person, practice=slug)
    Homework.objects.create(link=link, person=person, kind="practice", target="win")
    return {"Authorization": f"Bearer {api_token_for(therapist)}"}


@pytest.fixture
def app():
    """The whole Django app, as a server runs it, inside the test's transaction.

    Django closes a connection at the end of a request when it is not in autocommit mode,
    which the test's transaction never is; its own test client stops that, and so do we.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    # The person and their things are made once per operation; every example may change them,
    # as a script would, and the next example sees that.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    deadline=None,
    database=None,
)
def test_every_answer_is_one_the_schema_names(case, app, signed_in):
    checks = CHECKS
    if case.operation.label in LENIENT_BODIES:
        checks = [check for check in CHECKS if check is not negative_data_rejection]
    case.call_and_validate(app=app, headers=signed_in, checks=checks)


@schema.include(tag=THERAPIST).parametrize()
@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    deadline=None,
    database=None,
)
def test_every_answer_to_a_therapist_is_one_the_schema_names(case, app, therapist_signed_in):
    case.call_and_validate(app=app, headers=therapist_signed_in, checks=CHECKS)


def test_the_schema_checked_here_is_the_one_the_api_serves(client):
    served = client.get("/api/v1/openapi.json").json()
    assert served == json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))
