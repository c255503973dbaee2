"""Your therapist (/care/): what linking does, and making an invitation code."""

import re

import pytest
from django.urls import reverse

from selftrust.care.links import accept_invitation, normalise_code
from selftrust.care.models import Invitation
from tests.care.conftest import link_between, make_therapist
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("care:home")
INVITE = reverse("care:invite")
CODE = re.compile(r"data-invitation-code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<")


def made_code(response) -> str:
    return CODE.search(response.content.decode()).group(1)


def test_without_a_link_the_page_says_what_linking_does_and_does_not(owner_client):
    page = owner_client.get(URL).content.decode()
    assert "Nothing is shared until you choose." in page
    assert "You can end it at any time." in page
    assert "You see every look." in page
    assert "Make an invitation code" in page


def test_the_page_is_in_the_menu_and_in_settings(owner_client):
    assert f'href="{URL}"' in owner_client.get(reverse("promises:today")).content.decode()
    assert f'href="{URL}"' in owner_client.get(reverse("accounts:settings")).content.decode()


def test_making_a_code_shows_it_once_grouped_with_a_link_and_when_it_expires(owner_client, user):
    response = owner_client.post(INVITE)
    assert response.status_code == 200
    code = made_code(response)
    page = response.content.decode()
    assert f"/care/therapist/accept/?code={normalise_code(code)}" in page
    assert "It works once, until" in page
    assert "<svg" in page  # a QR code, made on the server
    invitation = Invitation.objects.get(person=user)
    assert normalise_code(code) not in invitation.code_digest
    assert code not in owner_client.get(URL).content.decode()


def test_the_code_made_is_one_a_therapist_can_use(owner_client, user):
    code = made_code(owner_client.post(INVITE))
    link = accept_invitation(make_therapist(), code)
    assert link.person == user


def test_a_waiting_code_can_be_withdrawn_and_then_no_longer_works(owner_client, user):
    code = made_code(owner_client.post(INVITE))
    invitation = Invitation.objects.get(person=user)
    response = owner_client.post(reverse("care:withdraw-invitation", args=[invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    with pytest.raises(Exception, match="withdrawn"):
        accept_invitation(make_therapist(), code)


def test_no_more_than_three_codes_wait_at_once(owner_client, user):
    for _ in range(3):
        owner_client.post(INVITE)
    response = owner_client.post(INVITE, follow=True)
    assert Invitation.objects.filter(person=user).count() == 3
    assert "Please withdraw one first" in response.content.decode()


def test_someone_elses_code_cannot_be_withdrawn(owner_client, other_user):
    from selftrust.care.links import create_invitation

    invitation, _code = create_invitation(other_user)
    response = owner_client.post(reverse("care:withdraw-invitation", args=[invitation.pk]))
    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_a_linked_page_names_the_therapist_and_since_when(owner_client, user, therapist):
    link_between(user, therapist)
    page = owner_client.get(URL).content.decode()
    assert f"Linked with {therapist.username}" in page
    assert "can't see anything of yours yet" in page


def test_another_persons_links_are_not_on_my_page(owner_client, other_user, therapist):
    link_between(other_user, therapist)
    assert therapist.username not in owner_client.get(URL).content.decode()


def test_a_therapist_account_has_no_person_side(therapist_client):
    page = therapist_client.get(URL).content.decode()
    assert "Your account is a therapist's account" in page
    assert therapist_client.post(INVITE).status_code == 404
    assert not Invitation.objects.exists()


def test_a_therapist_sees_no_your_therapist_link_in_the_menu(therapist_client):
    page = therapist_client.get(reverse("accounts:settings")).content.decode()
    assert ">Your therapist</a>" not in page


@pytest.mark.parametrize(
    "name, args",
    [
        ("care:home", []),
        ("care:invite", []),
        ("care:withdraw-invitation", [1]),
        ("care:sharing", [1]),
        ("care:end-link", [1]),
        ("care:session-held", [1]),
        ("care:who-looked", []),
        ("care:not-for-me", [1]),
        ("care:lesson-read", [1]),
        ("care:notes", []),
        ("care:note-edit", [1]),
        ("care:note-delete", [1]),
        ("care:note-brought", [1]),
    ],
)
def test_every_page_asks_someone_signed_out_to_sign_in(client, name, args):
    url = reverse(name, args=args)
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


def test_a_person_with_no_therapist_never_sees_an_error(client):
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 200


# --- links that have ended: the person is told who ended each, and when ------------------------


def _ended(person, by, days_ago=0):
    from datetime import timedelta

    from django.utils import timezone

    from selftrust.care.links import end_link

    link = link_between(person, make_therapist())
    end_link(link, by, now=timezone.now() - timedelta(days=days_ago))
    return link


def test_the_care_page_says_who_ended_each_link_and_that_nothing_is_seen_since(owner_client, user):
    mine = _ended(user, "person")
    theirs = _ended(user, "therapist")
    clinics = _ended(user, "operator")
    page = owner_client.get(URL).content.decode().replace("&#x27;", "'")
    assert "Links that have ended" in page
    assert f"Your link with {mine.therapist.username} ended on" in page
    assert ", when you ended it." in page
    assert f"; {theirs.therapist.username} ended it." in page
    assert f"Your link with {clinics.therapist.username} ended on" in page
    assert "; the people who run this Selftrust ended it." in page
    assert f"Since then, {theirs.therapist.username} sees nothing of yours." in page


def test_another_persons_ended_links_are_never_on_my_care_page(client, user, other_user):
    theirs = _ended(other_user, "therapist")
    client.force_login(user)
    page = client.get(URL).content.decode()
    assert "Links that have ended" not in page
    assert theirs.therapist.username not in page


def test_today_tells_of_an_ending_by_the_therapist_or_the_clinic_for_two_weeks(owner_client, user):
    from tests.conftest import forget_kept_pages

    today = reverse("promises:today")
    lately = _ended(user, "therapist", days_ago=13)
    by_the_clinic = _ended(user, "operator", days_ago=1)
    long_ago = _ended(user, "therapist", days_ago=15)
    by_me = _ended(user, "person", days_ago=1)
    forget_kept_pages()
    page = owner_client.get(today).content.decode().replace("&#x27;", "'")
    assert f"Your link with {lately.therapist.username} ended on" in page
    assert f"Your link with {by_the_clinic.therapist.username} ended on" in page
    assert "the people who run this Selftrust ended it" in page
    assert long_ago.therapist.username not in page
    # The person knows they ended it; Today does not remind them.
    assert by_me.therapist.username not in page
