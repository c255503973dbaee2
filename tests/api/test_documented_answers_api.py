"""Every answer the API gives is one its schema documents: sign-in, unreadable bodies,
input that doesn't fit. (tests/api/test_contract.py checks the rest with generated requests.)"""

import pytest

from selftrust.api.api import api as ninja_api
from selftrust.promises.models import Promise

pytestmark = pytest.mark.django_db

SCHEMA = ninja_api.get_openapi_schema(path_prefix="/api/v1/")
EXAMPLE_PATH = {
    "{promise_id}": "1",
    "{entry_id}": "1",
    "{person_id}": "1",
    "{response_id}": "1",
    "{practice}": "win",
    "{instrument}": "gad-7",
    "{slug}": "gad-7",
}
OPERATIONS = [
    (method, path, operation)
    for path, methods in SCHEMA["paths"].items()
    for method, operation in methods.items()
]


def _filled(path: str) -> str:
    for name, value in EXAMPLE_PATH.items():
        path = path.replace(name, value)
    return path


def _send(client, method, path, body):
    if method == "get":
        return client.get(_filled(path))
    return getattr(client, method)(_filled(path), data=body, content_type="application/json")


@pytest.mark.parametrize(
    "method, path, operation",
    [op for op in OPERATIONS if "security" in op[2]],
    ids=[f"{m.upper()} {p}" for m, p, op in OPERATIONS if "security" in op],
)
def test_without_signing_in_every_private_operation_answers_a_documented_401(
    client, method, path, operation
):
    response = _send(client, method, path, "{}")
    assert response.status_code == 401
    assert response.json()["detail"] == "Please sign in, or send a personal API token."
    assert 401 in operation["responses"]


def test_the_questionnaire_forms_are_the_only_open_operation():
    assert [path for _method, path, op in OPERATIONS if "security" not in op] == [
        "/api/v1/fhir/Questionnaire/{slug}"
    ]


@pytest.mark.parametrize(
    "method, path, operation",
    [op for op in OPERATIONS if "requestBody" in op[2]],
    ids=[f"{m.upper()} {p}" for m, p, op in OPERATIONS if "requestBody" in op],
)
def test_a_body_that_is_not_json_gets_a_documented_kind_400(api, method, path, operation):
    response = api.send(method, _filled(path).removeprefix("/api/v1"), "{not json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "What was sent isn't JSON we can read, so nothing was changed."
    }
    assert 400 in operation["responses"]


def test_a_request_that_doesnt_fit_the_schema_is_told_like_a_form_refusal(api):
    response = api.post("/promises", {"text": 5, "weekdays": ["1"], "time_of_day": "7am"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Please send text here.",
        "errors": {
            "text": ["Please send text here."],
            "weekdays[0]": ["Please send a whole number here."],
            "time_of_day": ["Please send a time like 07:30."],
        },
    }


def test_a_missing_field_is_named(api, user):
    from tests.factories import PromiseFactory

    promise = PromiseFactory(user=user)
    response = api.post(f"/promises/{promise.pk}/check-ins", {"outcome": "kept"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"date": ["Please include “date”."]}


def test_a_path_id_that_is_not_a_number_is_a_documented_422(api):
    response = api.get("/trusted-people/someone")
    assert response.status_code == 422
    assert response.json()["errors"] == {"person_id": ["Please send a whole number here."]}
    assert 422 in SCHEMA["paths"]["/api/v1/trusted-people/{person_id}"]["get"]["responses"]


def test_a_query_out_of_range_is_refused_with_the_range(api):
    response = api.get("/practices/win/entries?limit=0&until=0")
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "limit": ["Please use a number of at least 1."],
        "until": ["Please send a date like 2026-05-01."],
    }


def test_an_empty_status_filter_is_refused_as_the_schema_says(api):
    response = api.get("/promises?status=")
    assert response.status_code == 422
    parameter = SCHEMA["paths"]["/api/v1/promises"]["get"]["parameters"][0]
    assert "" not in parameter["schema"]["anyOf"][0]["enum"]


def test_a_refused_pledge_documents_its_alternatives_and_support():
    refused = SCHEMA["paths"]["/api/v1/promises"]["post"]["responses"][422]
    shape = refused["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    properties = SCHEMA["components"]["schemas"][shape]["properties"]
    assert {"detail", "errors", "alternatives", "support"} <= set(properties)


def test_a_refused_pledge_says_only_what_is_documented(api):
    response = api.post("/promises", {"text": "I won't hurt myself"})
    assert response.status_code == 422
    documented = SCHEMA["components"]["schemas"]["PledgeRefusedOut"]["properties"]
    assert set(response.json()) == {"detail", "errors", "alternatives", "support"}
    assert set(response.json()) <= set(documented)


@pytest.fixture
def strict_client():
    """A client that, like a real browser or script, gets no CSRF exemption."""
    from django.test import Client

    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("token", [None, "Bearer not-a-token"])
def test_a_script_writing_without_a_valid_token_is_asked_to_sign_in(strict_client, token):
    headers = {"HTTP_AUTHORIZATION": token} if token else {}
    response = strict_client.post(
        "/api/v1/promises", data={"text": "Rest"}, content_type="application/json", **headers
    )
    assert response.status_code == 401
    assert response.json()["detail"] == "Please sign in, or send a personal API token."
    assert not Promise.objects.exists()


def test_a_browser_write_without_its_csrf_token_is_a_documented_kind_403(strict_client, user):
    strict_client.force_login(user)
    response = strict_client.post(
        "/api/v1/promises", data={"text": "Rest"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert "nothing was changed" in response.json()["detail"]
    assert not Promise.objects.exists()
    assert 403 in SCHEMA["paths"]["/api/v1/promises"]["post"]["responses"]
    assert 403 not in SCHEMA["paths"]["/api/v1/promises"]["get"]["responses"]


def test_a_browser_write_with_its_csrf_token_is_saved(strict_client, user):
    strict_client.force_login(user)
    token = "a" * 32  # as a page's CSRF cookie would hold it
    strict_client.cookies["csrftoken"] = token
    response = strict_client.post(
        "/api/v1/promises",
        data={"text": "Rest"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201
