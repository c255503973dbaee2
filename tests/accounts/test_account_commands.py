import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from selftrust.accounts.models import ApiToken, User

pytestmark = pytest.mark.django_db


def test_createuser_makes_an_account_with_the_passphrase_from_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("slow steady breath\n"))
    out = io.StringIO()
    call_command("createuser", "river", stdout=out)
    assert User.objects.get(username="river").check_password("slow steady breath")
    assert out.getvalue() == "Created the account river.\n"


def test_createuser_staff_makes_an_account_that_may_invite_people(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("slow steady breath\n"))
    out = io.StringIO()
    call_command("createuser", "clinic-lead", staff=True, stdout=out)
    lead = User.objects.get(username="clinic-lead")
    assert lead.is_staff and not lead.is_superuser
    assert out.getvalue() == "Created the staff account clinic-lead.\n"


def test_createuser_refuses_a_name_already_taken(user, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("slow steady breath\n"))
    with pytest.raises(CommandError, match=f"already an account called {user.username}"):
        call_command("createuser", user.username)


def test_createuser_refuses_a_name_taken_in_other_capitals(user, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("slow steady breath\n"))
    with pytest.raises(CommandError, match="already an account called"):
        call_command("createuser", user.username.upper())


def test_createuser_refuses_a_username_the_sign_up_page_would_refuse(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("slow steady breath\n"))
    with pytest.raises(CommandError, match="That username won't do"):
        call_command("createuser", "river bank!")
    assert not User.objects.exists()


def test_createuser_refuses_a_passphrase_too_like_the_username(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("riverstone1\n"))
    with pytest.raises(CommandError, match="That passphrase won't do"):
        call_command("createuser", "riverstone1")
    assert not User.objects.exists()


def test_token_prints_a_secret_that_belongs_to_the_account(user):
    out = io.StringIO()
    call_command("token", user.username, name="backup script", stdout=out)
    token = ApiToken.objects.for_secret(out.getvalue().strip()).get()
    assert (token.user, token.name) == (user, "backup script")


def test_token_names_follow_the_settings_page_rules(user):
    with pytest.raises(CommandError, match="leave out tags"):
        call_command("token", user.username, name="<b>x</b>")
    assert not ApiToken.objects.exists()


def test_token_for_an_unknown_account_fails_clearly():
    with pytest.raises(CommandError, match="There is no account called nobody."):
        call_command("token", "nobody")
