"""Who may sign up: SELFTRUST_SIGNUP=open|invite|closed, and invitations made by staff."""

import html
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from selftrust.accounts.models import Invitation, User
from tests.factories import UserFactory, invitation_for

pytestmark = pytest.mark.django_db
SIGNUP = reverse("accounts:signup")
LOGIN = reverse("accounts:login")
FORM = {"username": "sky", "password1": "slow steady breath", "password2": "slow steady breath"}


def text(response) -> str:
    return html.unescape(response.content.decode())


def invited(secret: str) -> str:
    return f"{SIGNUP}?invite={secret}"


@pytest.fixture
def invite_only(settings):
    settings.SIGNUP_MODE = "invite"


@pytest.fixture
def staff(db):
    return UserFactory(username="clinic-admin", is_staff=True)


# open


def test_open_sign_up_is_offered_on_the_login_page(client, settings):
    settings.SIGNUP_MODE = "open"
    page = text(client.get(LOGIN))
    assert f'href="{SIGNUP}"' in page
    assert client.post(SIGNUP, FORM)["Location"] == reverse("accounts:recovery_codes")


# invite


def test_without_an_invitation_the_page_explains_kindly_and_has_no_form(client, invite_only):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    page = text(response)
    assert "This server takes new accounts by invitation." in page
    assert "you can ask them for an invitation link" in page
    assert 'name="password1"' not in page
    assert "Ground me now" in page


def test_without_an_invitation_nothing_can_be_made(client, invite_only):
    client.post(SIGNUP, FORM)
    assert not User.objects.filter(username="sky").exists()


def test_the_login_page_offers_no_sign_up_link_when_it_is_by_invitation(client, invite_only):
    page = text(client.get(LOGIN))
    assert f'href="{SIGNUP}"' not in page
    assert "New accounts on this server are made by invitation." in page


def test_an_invitation_link_opens_the_form_and_is_used_up(client, invite_only, staff):
    secret = invitation_for(staff)
    page = text(client.get(invited(secret)))
    assert "You've been invited to make an account on this server." in page
    assert f'action="{SIGNUP}?invite={secret}"' in page
    response = client.post(invited(secret), FORM)
    assert response["Location"] == reverse("accounts:recovery_codes")
    sky = User.objects.get(username="sky")
    invitation = Invitation.objects.get()
    assert invitation.used_by == sky and invitation.used_at is not None
    assert invitation.created_by == staff


def test_a_used_invitation_does_not_work_again(invite_only, staff):
    secret = invitation_for(staff)
    Client().post(invited(secret), FORM)
    response = Client().post(invited(secret), {**FORM, "username": "moss"})
    assert "This invitation link doesn't work any more." in text(response)
    assert not User.objects.filter(username="moss").exists()


@pytest.mark.parametrize(
    "secret",
    ["made-up", ""],
)
def test_an_unknown_invitation_gets_the_explanation(client, invite_only, staff, secret):
    invitation_for(staff)
    page = text(client.get(invited(secret)))
    assert 'name="password1"' not in page


def test_an_invitation_expires_after_seven_days(client, invite_only, staff):
    fresh = invitation_for(staff)
    invitation = Invitation.objects.get()
    lifetime = invitation.expires_at - invitation.created_at
    assert abs(lifetime - timedelta(days=7)) < timedelta(seconds=1)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    page = text(client.get(invited(fresh)))
    assert "it may be more than 7 days old" in page
    client.post(invited(fresh), FORM)
    assert not User.objects.filter(username="sky").exists()


def test_two_people_cannot_both_use_one_invitation(staff):
    invitation_for(staff)
    invitation = Invitation.objects.get()
    assert invitation.accept(UserFactory())
    assert not invitation.accept(UserFactory())


# closed


def test_closed_sign_up_says_so_and_makes_nothing(client, settings):
    settings.SIGNUP_MODE = "closed"
    page = text(client.get(SIGNUP))
    assert "Sign-up is closed" in page
    assert "please ask the person who runs this server" in page
    client.post(SIGNUP, FORM)
    assert not User.objects.exists()
    assert f'href="{SIGNUP}"' not in text(client.get(LOGIN))


def test_even_an_invitation_does_not_open_a_closed_server(client, settings, staff):
    settings.SIGNUP_MODE = "closed"
    secret = invitation_for(staff)
    client.post(invited(secret), FORM)
    assert not User.objects.filter(username="sky").exists()


# Staff make invitations in Settings


def test_staff_make_an_invitation_link_that_is_shown_once(invite_only, staff):
    client = Client()
    client.force_login(staff)
    response = client.post(reverse("accounts:create_invitation"))
    assert response["Location"] == reverse("accounts:settings") + "#invitations-heading"
    page = text(client.get(reverse("accounts:settings")))
    link = page.split('<p class="token-secret">')[1].split("</p>")[0].strip()
    assert link.startswith("http://testserver/signup/?invite=")
    secret = link.split("invite=")[1]
    assert Invitation.objects.get().digest == Invitation.digest_of(secret)
    assert secret not in text(client.get(reverse("accounts:settings")))
    assert "not used yet" in text(client.get(reverse("accounts:settings")))
    # The link works for someone else.
    assert 'name="password1"' in text(Client().get(link.removeprefix("http://testserver")))


def test_people_who_are_not_staff_see_no_invitations_and_cannot_make_them(owner_client):
    assert "Invitations" not in text(owner_client.get(reverse("accounts:settings")))
    assert owner_client.post(reverse("accounts:create_invitation")).status_code == 404
    assert not Invitation.objects.exists()


def test_staff_can_withdraw_their_unused_invitation(invite_only, staff):
    secret = invitation_for(staff)
    client = Client()
    client.force_login(staff)
    invitation = Invitation.objects.get()
    response = client.post(reverse("accounts:withdraw_invitation", args=[invitation.pk]))
    assert response["Location"] == reverse("accounts:settings")
    assert not Invitation.objects.exists()
    assert "doesn't work any more" in text(Client().get(invited(secret)))


def test_another_staff_member_cannot_withdraw_my_invitation(staff):
    invitation_for(staff)
    invitation = Invitation.objects.get()
    someone = UserFactory(is_staff=True)
    client = Client()
    client.force_login(someone)
    url = reverse("accounts:withdraw_invitation", args=[invitation.pk])
    assert client.post(url).status_code == 404
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_invitations_need_a_login(client, staff):
    invitation_for(staff)
    invitation = Invitation.objects.get()
    for url in (
        reverse("accounts:create_invitation"),
        reverse("accounts:withdraw_invitation", args=[invitation.pk]),
    ):
        assert client.post(url)["Location"].startswith(LOGIN)


# The setting itself


def _signup_mode(tmp_path, **env) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SELFTRUST_SIGNUP"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="selftrust.settings", SELFTRUST_DATA_DIR=str(tmp_path)
    )
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.SIGNUP_MODE)"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_laptop_install_is_open_and_a_clinic_database_is_by_invitation(tmp_path):
    assert _signup_mode(tmp_path).stdout.strip() == "open"
    clinic = _signup_mode(tmp_path, DATABASE_URL="postgres://u:p@127.0.0.1:5432/selftrust")
    assert clinic.stdout.strip() == "invite"
    chosen = _signup_mode(
        tmp_path, DATABASE_URL="postgres://u:p@127.0.0.1:5432/selftrust", SELFTRUST_SIGNUP="Open"
    )
    assert chosen.stdout.strip() == "open"


def test_a_misspelt_sign_up_mode_stops_start_up(tmp_path):
    done = _signup_mode(tmp_path, SELFTRUST_SIGNUP="invtie")
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr
    assert "SELFTRUST_SIGNUP='invtie' is not a sign-up mode. Use open, invite or closed." in (
        done.stderr
    )
