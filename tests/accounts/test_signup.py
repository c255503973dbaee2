import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from selftrust.accounts.models import User
from tests.factories import PASSPHRASE, UserFactory, recovery_codes_for

pytestmark = pytest.mark.django_db
URL = reverse("accounts:signup")
TYPED = "slow steady breath"


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def words_on(response) -> str:
    """What a person reads: the page without its tags (so type="password" doesn't count)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return html.unescape(re.sub(r"<[^>]*>", " ", page))


def errors_of(response) -> dict:
    return {field: list(errors) for field, errors in response.context["form"].errors.items()}


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
        ({"password2": "something else here"}, "The two passphrases don't match"),
        ({"password1": "short", "password2": "short"}, "This passphrase is too short"),
        ({"password1": "password123", "password2": "password123"}, "is too common"),
        ({"username": ""}, "Please choose a username"),
        ({"password1": "", "password2": ""}, "Please choose a passphrase"),
        ({"username": "<script>"}, "A username can use letters, numbers and @ . + - _ only"),
    ],
)
def test_bad_signup_is_explained_and_creates_nothing(client, overrides, message):
    response = signup(client, **overrides)
    assert response.status_code == 200
    assert message in page_text(response)
    assert not User.objects.exists()


def test_a_username_taken_in_other_capitals_is_explained_and_creates_nothing(client):
    UserFactory(username="QuietMorning")
    response = signup(client, username="quietmorning")
    assert "That username is already taken" in page_text(response)
    assert User.objects.count() == 1


def test_a_taken_username_is_explained(client, user):
    response = signup(client, username=user.username)
    assert "That username is already taken" in page_text(response)


def test_welcome_can_be_dismissed_and_leads_to_a_first_promise(client):
    signup(client)
    response = client.post(reverse("accounts:welcome"))
    assert response["Location"] == reverse("promises:create")
    assert User.objects.get().has_seen_welcome


# Every problem at once, each beside its box, and the passphrase kept only when it was fine.


def test_every_problem_is_explained_at_once_each_beside_its_box(client):
    UserFactory(username="quietmorning")
    response = signup(
        client, username="quietmorning", password1="quietmorning1", password2="something else"
    )
    errors = errors_of(response)
    assert set(errors) == {"username", "password1", "password2"}
    assert "That username is already taken" in errors["username"][0]
    assert "too similar to your username" in errors["password1"][0]
    assert "The two passphrases don't match" in errors["password2"][0]
    assert User.objects.count() == 1


def test_a_refused_username_a_short_passphrase_and_a_mismatch_are_all_said_together(client):
    response = signup(client, username="<river>", password1="short", password2="shorter")
    errors = errors_of(response)
    assert "A username can use letters, numbers and @ . + - _ only" in errors["username"][0]
    assert "too short" in errors["password1"][0]
    assert "don't match" in errors["password2"][0]


def test_a_passphrase_like_a_refused_username_is_still_called_too_similar(client):
    response = signup(client, username="quiet morning!", password1="quietmorning1")
    assert "too similar to your username" in errors_of(response)["password1"][0]


def test_the_error_summary_at_the_top_links_to_each_box_with_a_problem(client):
    UserFactory(username="river")
    page = page_text(signup(client, password1="short", password2="short"))
    summary = page.split('class="error-summary"')[1].split("</div>")[0]
    assert '<a href="#id_username">Username</a>' in summary
    assert '<a href="#id_password1">Passphrase</a>' in summary
    assert "#id_password2" not in summary
    assert page.index('class="error-summary"') < page.index('id="id_username"')
    assert 'id="id_password1_error"' in page  # beside its box, which points to it


def test_the_passphrase_is_kept_when_only_the_username_was_wrong(client):
    UserFactory(username="river")
    response = signup(client)
    assert set(errors_of(response)) == {"username"}
    page = page_text(response)
    assert page.count(f'value="{TYPED}"') == 2
    assert "Your passphrase is still in its boxes" in page
    # Signing up again with a free name needs nothing retyped.
    signup(client, username="brook")
    assert User.objects.get(username="brook").check_password(TYPED)


@pytest.mark.parametrize(
    "overrides",
    [
        {"password2": "something else here"},
        {"password1": "password123", "password2": "password123"},
        {"username": "quietmorning", "password1": "quietmorning1", "password2": "quietmorning1"},
    ],
)
def test_neither_passphrase_comes_back_when_one_was_refused_or_they_differ(client, overrides):
    UserFactory(username="river")
    page = page_text(signup(client, **overrides))
    for typed in {overrides.get("password1", TYPED), overrides.get("password2", TYPED)}:
        assert typed not in page
    assert "The passphrase boxes are empty again" in page


def test_the_sign_up_page_is_never_stored_and_its_passphrases_never_go_in_the_address(client):
    UserFactory(username="river")
    response = signup(client)
    assert "no-store" in response["Cache-Control"]
    assert 'method="post"' in page_text(response)
    assert TYPED not in page_text(response).split('action="')[1].split('"')[0]


def test_sign_up_warns_before_the_button_that_a_lost_passphrase_cannot_come_back_by_email(
    client,
):
    page = words_on(client.get(URL))
    warning = "a lost passphrase can't be recovered by email"
    assert warning in page
    assert "ten recovery codes" in page
    assert page.index(warning) < page.index("Create my account")


# One word for one thing: "passphrase", never "password", in everything a person reads.


def assert_no_password_word(response):
    assert response.status_code in (200, 400)
    found = re.findall(r".{0,40}password.{0,40}", words_on(response), flags=re.I)
    assert not found


def test_the_sign_up_page_never_says_password_even_with_every_error(client):
    UserFactory(username="river")
    assert_no_password_word(client.get(URL))
    assert_no_password_word(signup(client, password1="short", password2="other"))
    assert_no_password_word(signup(client, password1="password123", password2="password123"))
    similar = {"username": "quietmorning", "password1": "quietmorning1"}
    assert_no_password_word(signup(client, **similar, password2="quietmorning1"))
    assert_no_password_word(signup(client, username="", password1="", password2=""))


def test_the_sign_in_page_never_says_password_even_after_a_wrong_one(client):
    login = reverse("accounts:login")
    assert_no_password_word(client.get(login))
    assert_no_password_word(client.post(login, {"username": "river", "password": "nope"}))
    assert_no_password_word(client.post(login, {"username": "", "password": ""}))


def test_the_recovery_page_never_says_password_even_with_every_error(client, person):
    recover = reverse("accounts:recover")
    code = recovery_codes_for(person)[0]
    assert_no_password_word(client.get(recover))
    for new, again in (("short", "other"), ("password123", "password123"), ("", "")):
        data = {"username": "river", "code": code, "new_password1": new, "new_password2": again}
        assert_no_password_word(client.post(recover, data))


def test_the_settings_page_never_says_password_even_with_every_error(person):
    client = Client()
    client.force_login(person)
    assert_no_password_word(client.get(reverse("accounts:settings")))
    change = reverse("accounts:change_passphrase")
    for new, again in (("short", "other"), ("password123", "password123"), ("river", "river")):
        data = {"old_password": "wrong", "new_password1": new, "new_password2": again}
        assert_no_password_word(client.post(change, data))
    for url in ("accounts:delete", "accounts:new_recovery_codes", "accounts:set_pin"):
        assert_no_password_word(client.post(reverse(url), {"password": ""}))
    assert person.check_password(PASSPHRASE)
