"""A person can never give themselves the therapist's role (or staff's): not by signing up, in
Settings, with an import, or through the API. Only `selftrust createuser --therapist` and a
clinic's staff make therapist accounts."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from selftrust.accounts.export import export_for
from selftrust.accounts.importing import import_export
from selftrust.accounts.models import User
from tests.factories import PASSPHRASE, UserFactory, api_token_for

pytestmark = pytest.mark.django_db

ROLES = {"is_therapist": "on", "is_staff": "on", "is_superuser": "on"}
ROLES_AS_JSON = {"is_therapist": True, "is_staff": True, "is_superuser": True}


def has_no_role(user) -> bool:
    user.refresh_from_db()
    return not (user.is_therapist or user.is_staff or user.is_superuser)


def test_signing_up_with_the_roles_asked_for_makes_an_ordinary_account(client, settings):
    settings.SIGNUP_MODE = "open"
    response = client.post(
        reverse("accounts:signup"),
        {"username": "river", "password1": PASSPHRASE, "password2": PASSPHRASE, **ROLES},
    )
    assert response.status_code == 302
    assert has_no_role(User.objects.get(username="river"))


@pytest.mark.parametrize(
    "form, data",
    [
        ("accounts:time_zone", {"time_zone": "Europe/Berlin"}),
        ("accounts:device_privacy", {"lock_after_minutes": "0", "sign_in_lasts": "browser"}),
        ("accounts:create_token", {"name": "my script"}),
    ],
)
def test_no_settings_form_takes_a_role(owner_client, user, form, data):
    owner_client.post(reverse(form), {**data, **ROLES})
    assert has_no_role(user)


def test_an_import_whose_account_claims_the_roles_gives_none(user):
    source = UserFactory()
    data = json.loads(json.dumps(export_for(source)))
    data["account"].update(ROLES_AS_JSON)
    import_export(user, data)  # brought in; the account's claims are not its to make
    assert has_no_role(user)


def test_an_uploaded_export_claiming_the_roles_gives_none(owner_client, user):
    data = export_for(UserFactory())
    data["account"].update(ROLES_AS_JSON)
    upload = SimpleUploadedFile(
        "selftrust-export.json", json.dumps(data).encode(), content_type="application/json"
    )
    response = owner_client.post(reverse("accounts:import"), {"export": upload})
    assert response.status_code == 302
    assert has_no_role(user)


def test_no_api_operation_accepts_a_role(client):
    schema = client.get("/api/v1/openapi.json").json()
    text = json.dumps(schema)
    for role in ROLES:
        assert f'"{role}"' not in text


def test_a_role_sent_to_the_api_is_refused_and_changes_nothing(client, user):
    response = client.post(
        "/api/v1/promises",
        data=json.dumps({"text": "Rest when tired", "schedule": "daily", **ROLES_AS_JSON}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api_token_for(user)}",
    )
    assert response.status_code == 422
    assert has_no_role(user)
