"""An address only a button uses, opened in a browser: a kind page in the site's frame, not a
blank 405 (web/middleware.py, ButtonOnlyAddressMiddleware)."""

import html

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from selftrust.accounts.lock import lock
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
KIND = "This address is only used by a button in Selftrust"


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_a_settings_button_address_opened_signed_in_leads_back_to_settings(owner_client):
    response = owner_client.get(reverse("accounts:set_pin"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    page = text(response)
    assert "Ground me now" in page and "Get help now" in page
    assert KIND in page and "Nothing has been changed." in page
    assert f'<a href="{reverse("accounts:settings")}">Back to Settings</a>' in page
    assert response["Content-Type"].startswith("text/html")
    # A page seen signed in is never stored (PrivateByDefaultMiddleware still sees it).
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize(
    "name",
    [
        "accounts:change_passphrase",
        "accounts:delete",
        "accounts:time_zone",
        "accounts:new_recovery_codes",
        "accounts:leave",
        "accounts:lock_now",
    ],
)
def test_every_button_only_address_gets_the_page(owner_client, name):
    response = owner_client.get(reverse(name))
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert KIND in text(response)


def test_outside_settings_the_way_back_is_today(owner_client):
    page = text(owner_client.get(reverse("accounts:leave")))
    assert f'<a href="{reverse("promises:today")}">Go to Today</a>' in page


def test_a_therapist_is_led_back_to_the_caseload(client):
    therapist = UserFactory(is_therapist=True)
    client.force_login(therapist)
    session = client.session  # past the second factor (care/two_factor.py)
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.create(user=therapist).persistent_id
    session.save()
    page = text(client.get(reverse("accounts:lock_now")))
    assert f'href="{reverse("care:therapist-caseload")}"' in page


def test_signed_out_the_way_back_is_the_start(client):
    response = client.get(reverse("accounts:leave"))
    assert response.status_code == 405 and response["Allow"] == "POST"
    page = text(response)
    assert KIND in page and "Ground me now" in page and "Get help now" in page
    assert f'<a href="{reverse("web:home")}">Go to the start</a>' in page


def test_a_locked_session_sees_it_as_someone_signed_out(client):
    person = UserFactory()
    client.force_login(person)
    session = client.session
    lock(session)
    session.save()
    response = client.get(reverse("accounts:leave"))
    assert response.status_code == 405
    page = text(response)
    assert f'<a href="{reverse("web:home")}">Go to the start</a>' in page
    assert "Settings" not in page


def test_the_api_keeps_its_own_answer(client, user):
    url = "/api/v1/practices/grounding/entries/1/restore"
    response = client.get(url)
    assert response.status_code == 405
    assert response.content == b"Method not allowed"
    assert "Ground me now" not in text(response)


def test_an_answer_that_already_says_something_is_left_alone(owner_client):
    # GET-only pages refuse a POST with an empty 405 too; that gets the page, but a view's
    # own 405 with words in it would be kept. The lock page answers every method itself.
    response = owner_client.post(reverse("accounts:away"))
    assert response.status_code == 405 and response["Allow"] == "GET"
    assert KIND in text(response)
