import pytest
from django.urls import reverse

from selftrust.accounts.models import User

pytestmark = pytest.mark.django_db
URL = reverse("accounts:signup")


def signup(client, **overrides):
    data = {
        "username": "river",
        "password1": "slow steady breath",
        "password2": "slow steady breath",
    }
    return client.post(URL, {**data, **overrides})


@pytest.fixture(autouse=True)
def _open_signup(settings):
    # These tests are about the sign-up form itself; who may sign up: test_signup_control.py.
    settings.SIGNUP_MODE = "open"


def test_signing_up_logs_in_shows_the_recovery_codes_then_the_welcome(client):
    response = signup(client, time_zone="Europe/Dublin")
    assert response["Location"] == reverse("accounts:recovery_codes")
    user = User.objects.get(username="river")
    assert user.time_zone == "Europe/Dublin"
    assert "I have saved them" in client.get(response["Location"]).content.decode()
    saved = client.post(reverse("accounts:recovery_codes"))
    assert saved["Location"] == reverse("accounts:welcome")
    welcome = client.get(reverse("accounts:welcome")).content.decode()
    assert "stays on this server" in welcome


def test_passphrase_is_hashed_with_argon2(client):
    signup(client)
    assert User.objects.get(username="river").password.startswith("argon2")


def test_an_unknown_time_zone_falls_back_to_the_server_default(client):
    signup(client, time_zone="Mars/Olympus")
    assert User.objects.get(username="river").time_zone == "UTC"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"password2": "something else here"}, "didn’t match"),
        ({"password1": "short", "password2": "short"}, "too short"),
        ({"username": ""}, "This field is required"),
        ({"username": "<script>"}, "Enter a valid username"),
    ],
)
def test_bad_signup_is_explained_and_creates_nothing(client, overrides, message):
    response = signup(client, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not User.objects.exists()


def test_a_taken_username_is_explained(client, user):
    response = signup(client, username=user.username)
    assert "already exists" in response.content.decode()


def test_welcome_can_be_dismissed_and_leads_to_a_first_promise(client):
    signup(client)
    response = client.post(reverse("accounts:welcome"))
    assert response["Location"] == reverse("promises:create")
    assert User.objects.get().has_seen_welcome
