"""Ending a link (with a page that says what ending means), and marking a session as held."""

import pytest
from django.http import Http404
from django.urls import reverse

from selftrust.care import categories
from selftrust.care.access import open_for_therapist
from selftrust.care.models import CareLink, EndedBy
from tests.care.conftest import link_between, signed_in_verified

pytestmark = pytest.mark.django_db


def verified(therapist):
    therapist.is_verified = lambda: True
    return therapist


def test_the_confirmation_says_ending_is_immediate_and_what_the_therapist_keeps(
    owner_client, user, therapist
):
    link = link_between(user, therapist)
    page = owner_client.get(reverse("care:end-link", args=[link.pk])).content.decode()
    assert "Ending is immediate." in page
    assert "Nothing from Selftrust" in page
    assert "noted down, printed or saved themselves" in page
    link.refresh_from_db()
    assert link.is_active


def test_ending_the_link_stops_every_look_at_once(owner_client, user, therapist):
    link = link_between(user, therapist, shared=[categories.MOOD])
    response = owner_client.post(reverse("care:end-link", args=[link.pk]), follow=True)
    assert "has ended" in response.content.decode()
    link.refresh_from_db()
    assert (link.is_active, link.ended_by) == (False, EndedBy.PERSON)
    with pytest.raises(Http404):
        open_for_therapist(verified(therapist), user.pk, categories.MOOD)
    assert (
        f"Linked with {therapist.username}"
        not in owner_client.get(reverse("care:home")).content.decode()
    )


def test_another_person_cannot_end_my_link(client, user, other_user, therapist):
    link = link_between(user, therapist)
    client.force_login(other_user)
    assert client.get(reverse("care:end-link", args=[link.pk])).status_code == 404
    assert client.post(reverse("care:end-link", args=[link.pk])).status_code == 404
    assert CareLink.objects.get(pk=link.pk).is_active


def test_the_therapist_cannot_use_the_persons_end_page(user, therapist):
    link = link_between(user, therapist)
    client = signed_in_verified(therapist)
    assert client.post(reverse("care:end-link", args=[link.pk])).status_code == 404
    assert CareLink.objects.get(pk=link.pk).is_active


def test_marking_a_session_as_held_sets_today(owner_client, user, therapist):
    link = link_between(user, therapist)
    response = owner_client.post(reverse("care:session-held", args=[link.pk]), follow=True)
    link.refresh_from_db()
    assert link.last_session_on == user.local_today()
    assert "Noted: a session today." in response.content.decode()


def test_another_person_cannot_mark_my_session(client, user, other_user, therapist):
    link = link_between(user, therapist)
    client.force_login(other_user)
    assert client.post(reverse("care:session-held", args=[link.pk])).status_code == 404
    link.refresh_from_db()
    assert link.last_session_on is None


def test_an_ended_link_has_no_session_to_mark(owner_client, user, therapist):
    link = link_between(user, therapist)
    owner_client.post(reverse("care:end-link", args=[link.pk]))
    assert owner_client.post(reverse("care:session-held", args=[link.pk])).status_code == 404
