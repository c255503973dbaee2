"""Changing the passphrase in Settings, signing out everywhere, and `selftrust setpassphrase`."""

import html
import io

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from selftrust.accounts.models import ApiToken
from tests.factories import PASSPHRASE, UserFactory, api_token_for

pytestmark = pytest.mark.django_db
CHANGE = reverse("accounts:change_passphrase")
EVERYWHERE = reverse("accounts:sign_out_everywhere")
NEW = "gentle evening walk"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def is_signed_in(client) -> bool:
    return client.get(reverse("accounts:settings")).status_code == 200


def sessions_of(user) -> int:
    return sum(1 for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == str(user.pk))


def change(client, old=PASSPHRASE, new=NEW, again=None, revoke=True):
    data = {"old_password": old, "new_password1": new, "new_password2": again or new}
    if revoke:
        data["revoke_tokens"] = "on"
    return client.post(CHANGE, data)


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_settings_offer_the_passphrase_change_with_token_revoking_ticked(person):
    page = text(signed_in(person).get(reverse("accounts:settings")))
    assert "Change my passphrase" in page
    assert 'id="passphrase_revoke_tokens" checked' in page
    assert "Sign out everywhere" in page


def test_changing_keeps_this_session_and_ends_my_others(person):
    here, phone = signed_in(person), signed_in(person)
    someone_else = signed_in(UserFactory())
    response = change(here)
    assert response["Location"] == reverse("accounts:settings")
    assert is_signed_in(here)
    assert not is_signed_in(phone)
    assert is_signed_in(someone_else)
    assert sessions_of(person) == 1
    person.refresh_from_db()
    assert person.check_password(NEW)


def test_the_new_passphrase_is_the_one_that_signs_in(person):
    change(signed_in(person))
    login = reverse("accounts:login")
    assert Client().post(login, {"username": "river", "password": PASSPHRASE}).status_code == 200
    assert Client().post(login, {"username": "river", "password": NEW}).status_code == 302


def test_changing_revokes_my_api_tokens_by_default(person):
    api_token_for(person)
    theirs = api_token_for(UserFactory())
    client = signed_in(person)
    change(client)
    assert not ApiToken.objects.filter(user=person).exists()
    assert ApiToken.objects.filter(digest=ApiToken.digest_of(theirs)).exists()
    assert "You have no tokens yet" in text(client.get(reverse("accounts:settings")))


def test_tokens_can_be_kept_by_choice(person):
    secret = api_token_for(person)
    client = signed_in(person)
    change(client, revoke=False)
    assert ApiToken.objects.filter(user=person).exists()
    response = client.get("/api/v1/promises", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200


def test_the_change_is_confirmed_in_plain_words(person):
    client = signed_in(person)
    api_token_for(person)
    page = text(client.get(change(client)["Location"]))
    assert "Your new passphrase is saved" in page
    assert "signed out everywhere else" in page
    assert "Your API token no longer works" in page


def test_a_wrong_current_passphrase_changes_nothing(person):
    client = signed_in(person)
    response = change(client, old="not it at all")
    assert response.status_code == 400
    assert "That isn't your current passphrase. Nothing was changed." in text(response)
    person.refresh_from_db()
    assert person.check_password(PASSPHRASE)


@pytest.mark.parametrize(
    "new, again, message",
    [
        ("short", None, "too short"),
        ("password123", None, "too common"),
        (NEW, "something different", "The two new passphrases don't match"),
    ],
)
def test_the_new_passphrase_follows_the_sign_up_rules(person, new, again, message):
    response = change(signed_in(person), new=new, again=again)
    assert response.status_code == 400
    assert message in text(response)
    person.refresh_from_db()
    assert person.check_password(PASSPHRASE)


def test_guessing_the_current_passphrase_from_a_session_is_paused(person):
    client = signed_in(person)
    for _ in range(9):
        assert change(client, old="a guess").status_code == 400
    response = change(client, old="a guess")
    assert response.status_code == 429
    assert "passphrase checks are paused for about 15 minutes" in text(response)
    assert "you're still signed in" in text(response)
    # Even the right one waits now.
    assert change(client).status_code == 429
    person.refresh_from_db()
    assert person.check_password(PASSPHRASE)


def test_changing_needs_a_login_and_a_post(client, person):
    assert client.post(CHANGE, {})["Location"].startswith(reverse("accounts:login"))
    assert signed_in(person).get(CHANGE).status_code == 405


def test_signing_out_everywhere_ends_every_session_including_this_one(person):
    here, phone = signed_in(person), signed_in(person)
    someone_else = signed_in(UserFactory())
    assert here.post(EVERYWHERE)["Clear-Site-Data"] == '"cache", "storage"'
    here.force_login(person)
    response = here.post(EVERYWHERE, follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    assert "You're signed out everywhere, including here." in text(response)
    assert not is_signed_in(here)
    assert not is_signed_in(phone)
    assert is_signed_in(someone_else)
    assert sessions_of(person) == 0


def test_signing_out_everywhere_keeps_tokens_unless_asked(person):
    api_token_for(person)
    signed_in(person).post(EVERYWHERE)
    assert ApiToken.objects.filter(user=person).exists()
    signed_in(person).post(EVERYWHERE, {"revoke_tokens": "on"})
    assert not ApiToken.objects.filter(user=person).exists()


def test_signing_out_everywhere_needs_a_login_and_a_post(client, person):
    assert client.post(EVERYWHERE)["Location"].startswith(reverse("accounts:login"))
    assert signed_in(person).get(EVERYWHERE).status_code == 405


# `selftrust setpassphrase USERNAME` (the operator's command)


def setpassphrase(username, typed: str):
    out = io.StringIO()
    call_command("setpassphrase", username, stdin=io.StringIO(typed), stdout=out)
    return out.getvalue()


def test_the_operator_sets_a_passphrase_and_everyone_using_the_account_is_out(person):
    here, phone = signed_in(person), signed_in(person)
    api_token_for(person)
    api_token_for(person)
    untouched = signed_in(UserFactory())
    said = setpassphrase("river", NEW + "\n")
    assert said.strip() == (
        "The passphrase of river is changed; 2 sessions were ended and 2 API tokens no longer work."
    )
    person.refresh_from_db()
    assert person.check_password(NEW)
    assert not is_signed_in(here) and not is_signed_in(phone)
    assert not ApiToken.objects.filter(user=person).exists()
    assert is_signed_in(untouched)


def test_the_operator_command_checks_the_passphrase_rules(person):
    with pytest.raises(CommandError, match="too short.*Nothing was changed"):
        setpassphrase("river", "short\n")
    person.refresh_from_db()
    assert person.check_password(PASSPHRASE)


def test_the_operator_command_says_when_there_is_no_such_account(person):
    with pytest.raises(CommandError, match="There is no account called nobody"):
        setpassphrase("nobody", NEW + "\n")


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_at_a_terminal_the_passphrase_is_asked_twice(person, monkeypatch):
    answers = iter([NEW, "not the same"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError, match="The two passphrases differ. Nothing was changed."):
        call_command("setpassphrase", "river", stdin=FakeTerminal(), stdout=io.StringIO())
    answers = iter([NEW, NEW])
    call_command("setpassphrase", "river", stdin=FakeTerminal(), stdout=io.StringIO())
    person.refresh_from_db()
    assert person.check_password(NEW)
