import json
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from selftrust.accounts import importing
from selftrust.accounts.export import export_for
from selftrust.promises.models import Promise
from tests.accounts.test_import import comparable, nothing_in, rich_account, round_trip
from tests.factories import PromiseFactory, UserFactory

pytestmark = pytest.mark.django_db
IMPORT = reverse("accounts:import")


def upload(content: bytes, name: str = "selftrust-export.json") -> dict:
    return {"export": SimpleUploadedFile(name, content, content_type="application/json")}


@pytest.fixture
def export_file():
    return json.dumps(export_for(rich_account(UserFactory()))).encode()


def test_settings_offer_to_bring_in_an_export(owner_client):
    page = owner_client.get(reverse("accounts:settings")).content.decode()
    assert "Bring in an export" in page
    assert 'enctype="multipart/form-data"' in page
    assert f'action="{IMPORT}"' in page
    assert "only goes into an account that has nothing in it yet" in page


def test_an_upload_brings_everything_into_my_empty_account(owner_client, user, export_file):
    response = owner_client.post(IMPORT, upload(export_file))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:settings")
    user.refresh_from_db()
    assert comparable(round_trip(export_for(user))) == comparable(json.loads(export_file))
    page = owner_client.get(reverse("accounts:settings")).content.decode()
    assert "Your export is in: 3 promises, 6 check-ins" in page


def test_an_upload_into_an_account_with_promises_is_refused_kindly(owner_client, user, export_file):
    mine = PromiseFactory(user=user)
    response = owner_client.post(IMPORT, upload(export_file))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "already holds 1 promise, so nothing was brought in" in page
    assert list(Promise.objects.filter(user=user)) == [mine]


def test_a_file_that_is_not_an_export_is_refused_with_what_was_wrong(owner_client, user):
    response = owner_client.post(IMPORT, upload(b"\x89PNG\r\n", name="photo.png"))
    assert response.status_code == 400
    assert "isn't a Selftrust export: it isn't text" in unescape(response.content.decode())
    assert nothing_in(user)


def test_a_file_with_one_record_that_does_not_fit_names_it(owner_client, user, export_file):
    data = json.loads(export_file)
    data["trusted_people"][0]["name"] = ""
    response = owner_client.post(IMPORT, upload(json.dumps(data).encode()))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Some of this file doesn't fit, so nothing was brought in" in unescape(page)
    assert "Trusted person 1" in page and "Please add a name" in page
    assert nothing_in(user)


def test_a_file_too_large_is_refused_kindly(owner_client, user, monkeypatch):
    monkeypatch.setattr(importing, "MAX_UPLOAD_BYTES", 1024 * 1024)
    response = owner_client.post(IMPORT, upload(b" " * (1024 * 1024 + 1)))
    assert response.status_code == 400
    assert "larger than 1 MB" in response.content.decode()
    assert nothing_in(user)


def test_sending_no_file_asks_for_one(owner_client, user):
    response = owner_client.post(IMPORT, {})
    assert response.status_code == 400
    assert "Please choose the export file to bring in." in response.content.decode()


def test_an_upload_only_ever_goes_into_my_own_account(owner_client, user, other_user, export_file):
    owner_client.post(IMPORT, upload(export_file))
    assert nothing_in(other_user)
    assert Promise.objects.filter(user=user).count() == 3


def test_bringing_in_needs_a_login(client, export_file):
    response = client.post(IMPORT, upload(export_file))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert Promise.objects.count() == 3  # only the account the file came from


def test_bringing_in_is_only_ever_a_post(owner_client):
    assert owner_client.get(IMPORT).status_code == 405
