import pytest
from django.urls import reverse

from tests.factories import PASSPHRASE

pytestmark = pytest.mark.django_db


def test_logging_in_leads_to_today(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSPHRASE}
    )
    assert response["Location"] == reverse("promises:today")


def test_a_wrong_passphrase_gets_a_kind_message(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": "nope"}
    )
    assert "Take your time and try again" in response.content.decode()


def test_logging_out_ends_the_session(owner_client):
    response = owner_client.post(reverse("accounts:logout"), follow=True)
    assert "logged out" in response.content.decode()
    assert owner_client.get(reverse("promises:today")).status_code == 302
