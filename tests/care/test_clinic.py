"""The clinic's page: staff list, make and switch off therapist accounts; nobody else can."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selftrust.accounts.models import User
from selftrust.care import clinic
from selftrust.care.models import CareLink, EndedBy
from tests.care.conftest import link_between, make_therapist, signed_in_verified, with_second_factor
from tests.factories import UserFactory, api_token_for

pytestmark = pytest.mark.django_db

PAGE = reverse("care:clinic-therapists")
CREATE = reverse("care:clinic-create-therapist")


def switch_off_url(account) -> str:
    return reverse("care:clinic-switch-off-therapist", args=[account.pk])


@pytest.fixture
def staff(db):
    return UserFactory(username="clinic-lead", is_staff=True)


@pytest.fixture
def staff_client(staff):
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    client.force_login(staff)
    return client


def test_staff_see_each_therapist_with_two_factor_and_how_many_people_are_linked(staff_client):
    ash = make_therapist(username="dr-ash")
    with_second_factor(ash)
    link_between(UserFactory(), ash)
    link_between(UserFactory(), ash)
    ended = link_between(UserFactory(), ash)
    ended.ended_at = ended.started_at
    ended.save()
    make_therapist(username="dr-birch")
    UserFactory(username="just-a-person")

    accounts = {a.username: a for a in clinic.therapist_accounts()}
    assert set(accounts) == {"dr-ash", "dr-birch"}
    assert (accounts["dr-ash"].has_second_factor, accounts["dr-ash"].people_linked) == (True, 2)
    assert (accounts["dr-birch"].has_second_factor, accounts["dr-birch"].people_linked) == (
        False,
        0,
    )
    page = staff_client.get(PAGE).content.decode()
    assert "dr-ash" in page and "dr-birch" in page and "just-a-person" not in page
    assert "People linked now: 2" in page
    assert "not set up yet" in page


def test_the_list_takes_the_same_queries_for_one_therapist_or_many(staff_client):
    def queries_for_the_page() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(PAGE).status_code == 200
        return len(captured)

    first = make_therapist()
    link_between(UserFactory(), first)
    one = queries_for_the_page()
    for _ in range(6):
        therapist = make_therapist()
        with_second_factor(therapist)
        link_between(UserFactory(), therapist)
        link_between(UserFactory(), therapist)
    assert queries_for_the_page() == one


def test_the_list_of_therapists_is_one_query(db):
    for _ in range(3):
        link_between(UserFactory(), make_therapist())
    with CaptureQueriesContext(connection) as captured:
        accounts = list(clinic.therapist_accounts())
        [(a.username, a.has_second_factor, a.people_linked) for a in accounts]
    assert len(captured) == 1


def test_staff_make_a_therapist_account_and_see_its_passphrase_once(staff_client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    response = staff_client.post(CREATE, {"username": "dr-cedar"})
    assert response["Location"] == PAGE
    made = User.objects.get(username="dr-cedar")
    assert made.is_therapist and not made.is_staff and made.is_active
    page = staff_client.get(PAGE).content.decode()
    shown = page.split('class="token-secret">', 1)[1].split("<", 1)[0]
    assert made.check_password(shown)
    assert "set up two-factor sign-in" in page
    assert shown not in staff_client.get(PAGE).content.decode()


def test_the_new_therapist_signs_in_with_it_and_is_asked_to_set_up_two_factor(
    staff_client, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    staff_client.post(CREATE, {"username": "dr-cedar"})
    page = staff_client.get(PAGE).content.decode()
    shown = page.split('class="token-secret">', 1)[1].split("<", 1)[0]
    response = Client().post(reverse("accounts:login"), {"username": "dr-cedar", "password": shown})
    assert response["Location"] == reverse("care:two-factor-set-up")


def test_a_persons_username_in_other_capitals_is_taken_for_a_therapist(staff_client):
    # A therapist named "SAM" beside a person named "sam" could not be told apart in a link.
    UserFactory(username="sam")
    response = staff_client.post(CREATE, {"username": "SAM"})
    assert response.status_code == 400
    assert "That username is already taken" in response.content.decode()
    assert not User.objects.filter(username="SAM").exists()


def test_a_username_already_taken_is_said_and_nothing_is_made(staff_client):
    UserFactory(username="dr-cedar")
    response = staff_client.post(CREATE, {"username": "dr-cedar"})
    assert response.status_code == 400
    assert "That username is already taken" in response.content.decode()
    assert User.objects.filter(is_therapist=True).count() == 0


def test_staff_switch_off_a_therapist_and_every_link_ends_at_once(staff_client, user):
    therapist = make_therapist()
    link = link_between(user, therapist, shared=["promises"])
    therapist_browser = signed_in_verified(therapist)
    token = api_token_for(therapist)

    response = staff_client.post(switch_off_url(therapist))
    assert response["Location"] == PAGE
    therapist.refresh_from_db()
    link.refresh_from_db()
    assert not therapist.is_active
    assert link.ended_at is not None and link.ended_by == EndedBy.OPERATOR
    assert not CareLink.objects.active().filter(therapist=therapist).exists()
    # Signed out at once, and the token no longer works.
    assert therapist_browser.get(reverse("accounts:settings")).status_code == 302
    assert Client().get("/api/v1/promises", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    page = staff_client.get(PAGE).content.decode()
    assert "switched off" in page


def test_switching_off_ends_the_therapists_sessions(staff_client):
    therapist = make_therapist()
    signed_in_verified(therapist)
    done = clinic.switch_off_therapist(therapist)
    assert done.sessions_ended == 1
    assert not [
        s
        for s in Session.objects.all()
        if s.get_decoded().get("_auth_user_id") == str(therapist.pk)
    ]


def test_the_page_switches_off_therapists_only_never_a_person(staff_client, user):
    assert staff_client.post(switch_off_url(user)).status_code == 404
    user.refresh_from_db()
    assert user.is_active


def test_staff_cannot_switch_off_their_own_account(db):
    lead = make_therapist(is_staff=True)
    client = signed_in_verified(lead)
    client.post(switch_off_url(lead))
    lead.refresh_from_db()
    assert lead.is_active


# --- nobody else --------------------------------------------------------------------------------


@pytest.fixture
def outsiders(user):
    therapist = make_therapist()
    return {
        "a person": _client_for(user),
        "a therapist": signed_in_verified(therapist),
    }


def _client_for(account) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    client.force_login(account)
    return client


@pytest.mark.parametrize("who", ["a person", "a therapist"])
def test_anyone_but_staff_gets_404_and_changes_nothing(outsiders, who):
    client = outsiders[who]
    target = make_therapist()
    link = link_between(UserFactory(), target)
    assert client.get(PAGE).status_code == 404
    assert client.post(CREATE, {"username": "dr-sneaky"}).status_code == 404
    assert client.post(switch_off_url(target)).status_code == 404
    assert not User.objects.filter(username="dr-sneaky").exists()
    target.refresh_from_db()
    link.refresh_from_db()
    assert target.is_active and link.ended_at is None


def test_someone_signed_out_is_asked_to_sign_in_and_changes_nothing(client):
    target = make_therapist()
    assert client.get(PAGE)["Location"].startswith(reverse("accounts:login"))
    assert client.post(CREATE, {"username": "dr-sneaky"})["Location"].startswith(
        reverse("accounts:login")
    )
    assert client.post(switch_off_url(target))["Location"].startswith(reverse("accounts:login"))
    assert not User.objects.filter(username="dr-sneaky").exists()
    target.refresh_from_db()
    assert target.is_active


def test_settings_link_to_the_page_for_staff_only(staff_client, owner_client):
    assert PAGE in staff_client.get(reverse("accounts:settings")).content.decode()
    assert PAGE not in owner_client.get(reverse("accounts:settings")).content.decode()
