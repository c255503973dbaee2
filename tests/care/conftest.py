import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from selftrust.care.links import accept_invitation, create_invitation
from tests.factories import UserFactory


def make_therapist(**fields):
    return UserFactory(is_therapist=True, **fields)


def with_second_factor(therapist) -> TOTPDevice:
    device, _ = TOTPDevice.objects.get_or_create(
        user=therapist, name="Authenticator app", defaults={"confirmed": True}
    )
    return device


def signed_in_verified(therapist) -> Client:
    """A browser session of a therapist who has passed two-factor sign-in."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    client.force_login(therapist)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = with_second_factor(therapist).persistent_id
    session.save()
    return client


def link_between(person, therapist, shared=(), shared_from=None):
    from selftrust.care.links import set_sharing

    _invitation, code = create_invitation(person)
    link = accept_invitation(therapist, code)
    if shared or shared_from:
        set_sharing(link, shared, shared_from)
    return link


@pytest.fixture
def therapist(db):
    return make_therapist()


@pytest.fixture
def therapist_client(therapist):
    return signed_in_verified(therapist)
