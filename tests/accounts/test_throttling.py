"""Sign-in throttling: a pause after repeated failures, shared by every app server."""

import html
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.db.models import F
from django.test import Client
from django.urls import reverse

from tests.factories import PASSPHRASE, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
PAUSED = "Signing in is paused for about 15 minutes"


def sign_in(client, username="river", password=PASSPHRASE, address="127.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def text(response) -> str:
    return html.unescape(response.content.decode())


def fail(client, times, **kwargs):
    for _ in range(times):
        response = sign_in(client, password="not my passphrase", **kwargs)
    return response


def test_nine_wrong_tries_still_let_the_person_in(client, person):
    assert fail(client, 9).status_code == 200
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("promises:today")


def test_ten_wrong_tries_pause_signing_in_even_with_the_right_passphrase(client, person):
    response = fail(client, 10)
    assert response.status_code == 429
    response = sign_in(client)
    assert response.status_code == 429
    assert PAUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_on_two_app_servers_add_up(person):
    """Two test clients stand in for two app servers sharing one database."""
    first, second = Client(), Client()
    fail(first, 5)
    fail(second, 4)
    assert sign_in(first, password="still wrong").status_code == 429
    assert sign_in(second).status_code == 429
    assert sign_in(first).status_code == 429


def test_the_paused_page_is_kind_and_keeps_the_page_chrome(client, person):
    fail(client, 10)
    page = text(sign_in(client))
    assert "You haven't done anything wrong" in page
    assert "nothing in the account has changed" in page
    assert "Ground me now" in page and "Get help now" in page
    assert "Forgot your passphrase?" in page
    assert "Account locked" not in page and "too many login attempts" not in page
    # The wrong-passphrase message is not repeated on top of the pause.
    assert "don't match" not in page


def test_the_pause_ends_after_the_cool_off(client, person):
    fail(client, 10)
    assert sign_in(client).status_code == 429
    # Time passes: every recorded attempt is now 16 minutes old.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    assert sign_in(client).status_code == 302


def test_trying_again_while_paused_does_not_make_the_pause_longer(client, person):
    fail(client, 10)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    fail(client, 3)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=2))
    assert sign_in(client).status_code == 302


def test_the_operator_can_lift_a_pause_with_axes(client, person):
    fail(client, 10)
    reset(username="river")
    assert sign_in(client).status_code == 302


def test_a_pause_on_one_address_leaves_the_owner_free_to_sign_in_from_another(client, person):
    fail(client, 10, address="203.0.113.9")
    assert sign_in(client, address="203.0.113.9").status_code == 429
    assert sign_in(client, address="198.51.100.7").status_code == 302


def test_guessing_one_account_from_many_addresses_pauses_the_account(client, person):
    for n in range(19):
        fail(client, 1, address=f"203.0.113.{n + 1}")
    assert sign_in(Client(), address="198.51.100.7").status_code == 302
    fail(client, 1, address="203.0.113.20")
    assert sign_in(Client(), address="198.51.100.8").status_code == 429


def test_one_address_guessing_at_many_accounts_is_paused(client, person):
    for n in range(49):
        sign_in(client, username=f"guess{n}", password="password123", address="203.0.113.9")
    assert sign_in(Client(), address="203.0.113.9").status_code == 302
    sign_in(client, username="guess-last", password="password123", address="203.0.113.9")
    assert sign_in(Client(), address="203.0.113.9").status_code == 429
    assert sign_in(Client(), address="198.51.100.7").status_code == 302


def test_the_limit_and_the_pause_follow_the_settings(client, person, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.SIGNIN_COOLOFF_MINUTES = 60
    assert fail(client, 3).status_code == 429
    assert "paused for about 60 minutes" in text(sign_in(client))
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=30))
    assert sign_in(client).status_code == 429


def test_an_unknown_name_and_a_wrong_passphrase_get_the_same_answer(client, person):
    unknown = sign_in(client, username="nobody-here", password="anything at all")
    wrong = sign_in(client, password="anything at all")
    assert unknown.status_code == wrong.status_code == 200
    message = "That username and passphrase don't match."
    assert message in text(unknown) and message in text(wrong)


def test_failed_tries_are_told_calmly_at_the_next_sign_in(client, person):
    fail(client, 3)
    response = client.post(
        LOGIN, {"username": "river", "password": PASSPHRASE}, REMOTE_ADDR="127.0.0.1", follow=True
    )
    page = text(response)
    assert (
        "There were 3 unsuccessful attempts to sign in to your account since your last visit"
        in page
    )
    assert "change your passphrase in Settings" in page
    # Told once: the next sign-in has nothing to tell.
    client.post(reverse("accounts:logout"))
    page = text(client.post(LOGIN, {"username": "river", "password": PASSPHRASE}, follow=True))
    assert "unsuccessful attempt" not in page


def test_one_failed_try_is_told_in_the_singular(client, person):
    fail(client, 1)
    page = text(client.post(LOGIN, {"username": "river", "password": PASSPHRASE}, follow=True))
    assert "There was 1 unsuccessful attempt to sign in to your account" in page


def test_failed_tries_on_someone_else_are_not_told_to_me(client, person):
    other = UserFactory(username="sky")
    fail(client, 2, username="sky")
    page = text(client.post(LOGIN, {"username": "river", "password": PASSPHRASE}, follow=True))
    assert "unsuccessful attempt" not in page
    other.refresh_from_db()
    assert other.failed_sign_ins == 2


def test_what_axes_keeps_of_a_failed_try_holds_no_passphrase(client, person):
    sign_in(client, password="my secret guess")
    attempt = AccessAttempt.objects.get()
    assert "my secret guess" not in attempt.post_data
    assert attempt.username == "river"


def test_no_record_is_kept_of_successful_sign_ins(client, person):
    from axes.models import AccessLog

    sign_in(client)
    assert not AccessLog.objects.exists()


def test_the_api_token_is_not_a_sign_in_and_is_not_paused(client, person):
    from tests.factories import api_token_for

    fail(client, 10)
    secret = api_token_for(person)
    response = client.get("/api/v1/promises", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200


def _settings_value(name: str, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "selftrust.settings", **env}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"from django.conf import settings; print(settings.{name})",
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_limits_can_be_set_from_the_environment(tmp_path):
    done = _settings_value(
        "AXES_FAILURE_LIMIT",
        SELFTRUST_DATA_DIR=str(tmp_path),
        SELFTRUST_SIGNIN_LIMIT="5",
    )
    assert done.stdout.strip() == "5"
    done = _settings_value(
        "SIGNIN_COOLOFF_MINUTES",
        SELFTRUST_DATA_DIR=str(tmp_path),
        SELFTRUST_SIGNIN_COOLOFF_MINUTES="30",
    )
    assert done.stdout.strip() == "30"


@pytest.mark.parametrize(
    "name, value",
    [("SELFTRUST_SIGNIN_LIMIT", "ten"), ("SELFTRUST_SIGNIN_COOLOFF_MINUTES", "0")],
)
def test_a_limit_that_is_not_a_whole_number_stops_start_up(tmp_path, name, value):
    done = _settings_value("SIGNIN_LIMIT", SELFTRUST_DATA_DIR=str(tmp_path), **{name: value})
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr
    assert f"{name}={value!r} must be a whole number of at least 1" in done.stderr
