"""Settings forms sent back with a problem open where the problem is, and every problem is
said in the app's own words (never Django's stock English)."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSPHRASE

pytestmark = pytest.mark.django_db
STOCK_ENGLISH = (
    "This field is required",
    "Ensure this value",
    "Enter a valid",
    "Select a valid choice",
)


@pytest.fixture
def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def focused_summaries(page: str) -> list[str]:
    return re.findall(r"<[^>]*\bautofocus\b[^>]*>", page)


# (address, what was sent, the summary's id, the form's address the summary sits in)
BAD_POSTS = [
    ("accounts:set_pin", {"pin": "12", "pin_again": "12", "password": PASSPHRASE}, "pin-problem"),
    (
        "accounts:change_passphrase",
        {"old_password": "not it", "new_password1": "x" * 12, "new_password2": "x" * 12},
        "passphrase-problem",
    ),
    ("accounts:delete", {"password": "not it"}, "delete-problem"),
    ("accounts:new_recovery_codes", {"password": "not it"}, "recovery-codes-problem"),
    ("accounts:time_zone", {"time_zone": "Mars/Olympus"}, "time-zone-problem"),
    ("accounts:create_token", {"name": "n" * 61}, "token-problem"),
    ("accounts:device_privacy", {"lock_after_minutes": "2"}, "device-privacy-problem"),
]


@pytest.mark.parametrize(("name", "data", "summary_id"), BAD_POSTS)
def test_a_refused_settings_form_opens_the_page_at_its_own_error_summary(
    signed_in, name, data, summary_id
):
    response = signed_in.post(reverse(name), data)
    assert response.status_code == 400
    page = text(response)
    [summary] = focused_summaries(page)
    assert f'id="{summary_id}"' in summary
    assert 'tabindex="-1"' in summary and 'role="alert"' in summary
    assert 'class="error-summary"' in summary
    # The summary is in the form that was sent: after its opening tag, before its end.
    form_start = page.index(f'action="{reverse(name)}"')
    assert form_start < page.index(summary) < page.index("</form>", form_start)


def test_an_import_refusal_opens_the_page_at_its_explanation(signed_in):
    response = signed_in.post(reverse("accounts:import"), {})
    assert response.status_code == 400
    [summary] = focused_summaries(text(response))
    assert 'id="import-problem"' in summary and 'tabindex="-1"' in summary


def test_settings_without_a_problem_focus_nothing(signed_in):
    assert focused_summaries(text(signed_in.get(reverse("accounts:settings")))) == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("accounts:set_pin", {}),
        ("accounts:set_pin", {"pin": "   ", "pin_again": "", "password": ""}),
        ("accounts:change_passphrase", {}),
        ("accounts:delete", {}),
        ("accounts:new_recovery_codes", {}),
        ("accounts:time_zone", {}),
        ("accounts:time_zone", {"time_zone": "x" * 300}),
        ("accounts:create_token", {}),
        ("accounts:device_privacy", {}),
        ("accounts:device_privacy", {"lock_after_minutes": "2", "sign_in_lasts": "forever"}),
    ],
)
def test_settings_problems_are_in_our_own_words(signed_in, name, data):
    page = text(signed_in.post(reverse(name), data))
    assert "errorlist" in page
    for stock in STOCK_ENGLISH:
        assert stock not in page, (name, stock)


def test_an_empty_pin_is_asked_for_kindly(signed_in):
    response = signed_in.post(reverse("accounts:set_pin"), {"password": PASSPHRASE})
    assert response.status_code == 400
    errors = response.context["pin_form"].errors
    assert errors["pin"] == ["Please type a PIN of 4 to 8 digits."]
    assert errors["pin_again"] == [
        "Please type your new PIN a second time, so we know it's the one you meant."
    ]


# Sign-up: the username's rules, said plainly.

TYPED = "slow steady breath"


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("a" * 204, "A username can be up to 150 characters. Please choose a shorter one."),
        ("sky🙂", "A username can use letters, numbers and @ . + - _ only, with no spaces."),
        ("quiet sky", "A username can use letters, numbers and @ . + - _ only, with no spaces."),
        (
            "quiet\u200bsky",
            "A username can use letters, numbers and @ . + - _ only, with no spaces.",
        ),
    ],
)
def test_a_username_against_the_rules_is_explained_in_our_own_words(
    client, settings, username, message
):
    settings.SIGNUP_MODE = "open"
    response = client.post(
        reverse("accounts:signup"), {"username": username, "password1": TYPED, "password2": TYPED}
    )
    assert response.status_code == 200
    page = text(response)
    assert message in page
    for stock in STOCK_ENGLISH:
        assert stock not in page


def test_a_username_with_letters_of_any_language_and_the_allowed_signs_is_fine(client, settings):
    settings.SIGNUP_MODE = "open"
    response = client.post(
        reverse("accounts:signup"),
        {"username": "Zoë.o+river_@-1", "password1": TYPED, "password2": TYPED},
    )
    assert response.status_code == 302


def test_the_forgot_passphrase_form_asks_in_our_own_words(client):
    page = text(client.post(reverse("accounts:recover"), {"code": "x" * 41}))
    assert "Please type your username." in page
    assert "A recovery code is 12 letters and numbers" in page
    for stock in STOCK_ENGLISH:
        assert stock not in page
