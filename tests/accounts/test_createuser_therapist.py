"""The operator's commands for therapists: `createuser --therapist` and `resettwofactor`."""

import io

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from selftrust import cli
from selftrust.accounts.models import User
from tests.care.conftest import make_therapist, signed_in_verified, with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _passphrase_on_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("slow steady breath\n"))


def test_createuser_therapist_makes_a_therapists_account():
    out = io.StringIO()
    call_command("createuser", "dr-ash", therapist=True, stdout=out)
    made = User.objects.get(username="dr-ash")
    assert made.is_therapist and not made.is_staff and made.check_password("slow steady breath")
    assert out.getvalue().startswith("Created the therapist account dr-ash.\n")
    assert "two-factor sign-in" in out.getvalue()


def test_createuser_without_the_flag_makes_a_persons_account():
    call_command("createuser", "river", stdout=io.StringIO())
    assert not User.objects.get(username="river").is_therapist


def test_a_therapist_account_may_also_be_staff():
    out = io.StringIO()
    call_command("createuser", "clinic-lead", therapist=True, staff=True, stdout=out)
    made = User.objects.get(username="clinic-lead")
    assert made.is_therapist and made.is_staff
    assert out.getvalue().startswith("Created the staff therapist account clinic-lead.\n")


def test_createuser_therapist_still_refuses_a_weak_passphrase(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    with pytest.raises(CommandError, match="That passphrase won't do"):
        call_command("createuser", "dr-ash", therapist=True)
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["createuser", "dr-ash", "--therapist"], ("createuser", ("dr-ash",), {"therapist": True})),
        (
            ["createuser", "dr-ash", "--therapist", "--staff"],
            ("createuser", ("dr-ash",), {"staff": True, "therapist": True}),
        ),
        (["resettwofactor", "dr-ash"], ("resettwofactor", ("dr-ash",), {})),
    ],
)
def test_the_selftrust_command_hands_these_to_the_management_commands(argv, expected, monkeypatch):
    called = []
    monkeypatch.setattr(
        "django.core.management.call_command",
        lambda command, /, *args, **options: called.append((command, args, options)),
    )
    assert cli.main(argv) == 0
    assert called == [expected]


def test_selftrust_createuser_therapist_runs_for_real():
    assert cli.main(["createuser", "dr-ash", "--therapist"]) == 0
    assert User.objects.get(username="dr-ash").is_therapist


# --- resettwofactor ----------------------------------------------------------------------------


def _sessions_of(user) -> list:
    return [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


def test_resettwofactor_removes_the_devices_and_signs_the_therapist_out():
    therapist = make_therapist(username="dr-ash")
    with_second_factor(therapist)
    TOTPDevice.objects.create(user=therapist, name="half set up", confirmed=False)
    signed_in_verified(therapist)
    out = io.StringIO()
    call_command("resettwofactor", "dr-ash", stdout=out)
    assert not TOTPDevice.objects.filter(user=therapist).exists()
    assert not _sessions_of(therapist)
    assert "2 devices removed" in out.getvalue()
    assert "set up an authenticator app again at their next sign-in" in out.getvalue()


def test_resettwofactor_leaves_everyone_else_as_they_were():
    therapist, colleague = make_therapist(username="dr-ash"), make_therapist()
    kept = with_second_factor(colleague)
    with_second_factor(therapist)
    signed_in_verified(colleague)
    call_command("resettwofactor", "dr-ash", stdout=io.StringIO())
    assert list(TOTPDevice.objects.filter(user=colleague)) == [kept]
    assert len(_sessions_of(colleague)) == 1


def test_resettwofactor_with_nothing_to_reset_says_so_and_changes_nothing():
    therapist = make_therapist(username="dr-ash")
    signed_in_verified(therapist)
    TOTPDevice.objects.filter(user=therapist).delete()
    out = io.StringIO()
    call_command("resettwofactor", "dr-ash", stdout=out)
    assert "nothing to reset" in out.getvalue()
    assert len(_sessions_of(therapist)) == 1


def test_resettwofactor_for_an_unknown_account_fails_clearly(capsys):
    with pytest.raises(CommandError, match="There is no account called nobody"):
        call_command("resettwofactor", "nobody")
    assert cli.main(["resettwofactor", "nobody"]) == 1
    assert "nobody" in capsys.readouterr().err
