"""A therapist accepts a person's invitation code."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.care.links import create_invitation, grouped
from selftrust.care.models import CareLink, Invitation

pytestmark = pytest.mark.django_db

ACCEPT = reverse("care:therapist-accept")


def test_the_code_from_a_link_is_filled_in(therapist_client):
    response = therapist_client.get(ACCEPT, {"code": "ABCD-EFGH-JKMN"})
    assert response.status_code == 200
    assert 'value="ABCD-EFGH-JKMN"' in response.text


def test_a_good_code_links_and_opens_the_persons_page_with_nothing_shared_yet(
    user, therapist, therapist_client
):
    _invitation, code = create_invitation(user)
    response = therapist_client.post(ACCEPT, {"code": grouped(code).lower()}, follow=True)
    assert CareLink.objects.get().person == user
    assert response.redirect_chain[-1][0] == reverse("care:therapist-person", args=[user.pk])
    assert f"You are linked with {user.username}" in response.text
    assert "Nothing shared yet." in response.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expires_at": timezone.now() - timedelta(minutes=1)}, "That code has expired"),
        ({"accepted_at": timezone.now()}, "That code has already been used"),
        ({"withdrawn_at": timezone.now()}, "That invitation was withdrawn"),
    ],
)
def test_a_code_that_cannot_be_used_says_why_and_keeps_the_form(
    user, therapist_client, change, message
):
    invitation, code = create_invitation(user)
    Invitation.objects.filter(pk=invitation.pk).update(**change)
    response = therapist_client.post(ACCEPT, {"code": code})
    assert response.status_code == 400
    assert message in response.text
    assert f'value="{code}"' in response.text
    assert not CareLink.objects.exists()


def test_a_wrong_code_says_so_plainly(therapist_client):
    response = therapist_client.post(ACCEPT, {"code": "0000-0000-0000"})
    assert response.status_code == 400
    assert "match any invitation" in response.text


def test_an_empty_code_asks_for_one(therapist_client):
    response = therapist_client.post(ACCEPT, {"code": ""})
    assert response.status_code == 400
    assert "Please type the code the person gave you." in response.text


def test_a_code_far_too_long_is_refused_in_the_apps_own_words(therapist_client):
    response = therapist_client.post(ACCEPT, {"code": "A" * 41})
    assert response.status_code == 400
    assert "a code has 12 letters and numbers" in response.text
    assert "Ensure this value" not in response.text
