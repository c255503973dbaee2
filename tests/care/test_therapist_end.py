"""The therapist ends a link: a confirmation first, then nothing of the person is open."""

import pytest
from django.urls import reverse

from selftrust.care.models import CareLink, EndedBy
from tests.care.conftest import link_between

pytestmark = pytest.mark.django_db


def test_ending_asks_first(user, therapist, therapist_client):
    link_between(user, therapist)
    response = therapist_client.get(reverse("care:therapist-end", args=[user.pk]))
    assert response.status_code == 200
    assert f"End the link with {user.username}?" in response.text
    assert CareLink.objects.get().is_active


def test_ending_is_immediate_and_the_person_page_is_then_404(user, therapist, therapist_client):
    link_between(user, therapist)
    response = therapist_client.post(reverse("care:therapist-end", args=[user.pk]), follow=True)
    link = CareLink.objects.get()
    assert not link.is_active and link.ended_by == EndedBy.THERAPIST
    assert response.redirect_chain[-1][0] == reverse("care:therapist-caseload")
    assert f"The link with {user.username} has ended." in response.text
    person_page = reverse("care:therapist-person", args=[user.pk])
    assert therapist_client.get(person_page).status_code == 404
