"""Settings, Privacy on this device: the lock's time and its PIN."""

import html

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import Client
from django.urls import reverse

from selftrust.accounts.models import LockAfter
from tests.factories import PASSPHRASE, UserFactory

pytestmark = pytest.mark.django_db
SETTINGS = reverse("accounts:settings")
DEVICE = reverse("accounts:device_privacy")
SET_PIN = reverse("accounts:set_pin")
REMOVE_PIN = reverse("accounts:remove_pin")


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def set_pin(client, pin="2580", again=None, password=PASSPHRASE):
    return client.post(
        SET_PIN, {"pin": pin, "pin_again": pin if again is None else again, "password": password}
    )


def test_settings_have_a_privacy_on_this_device_section(signed_in):
    page = text(signed_in.get(SETTINGS))
    assert "Privacy on this device" in page
    assert "Lock Selftrust when I haven't used it for" in page
    assert "How long a sign-in lasts here" in page
    assert "Set a PIN" in page
    assert ">Lock now</button>" in page
    assert "signs you out here" in page  # Leave quickly, without a lock


@pytest.mark.parametrize("minutes", [0, 1, 5, 15, 60])
def test_the_lock_time_can_be_each_of_the_offered_choices(signed_in, person, minutes):
    signed_in.post(DEVICE, {"lock_after_minutes": minutes, "sign_in_lasts": "day"})
    person.refresh_from_db()
    assert person.lock_after_minutes == minutes


def test_a_lock_time_not_offered_is_refused_and_nothing_changes(signed_in, person):
    response = signed_in.post(DEVICE, {"lock_after_minutes": 2, "sign_in_lasts": "day"})
    assert response.status_code == 400
    assert "Nothing was changed" in text(response)
    person.refresh_from_db()
    assert person.lock_after_minutes == LockAfter.OFF


def test_turning_the_lock_on_without_a_pin_asks_for_one(signed_in):
    response = signed_in.post(DEVICE, {"lock_after_minutes": 5, "sign_in_lasts": "day"})
    assert response["Location"] == f"{SETTINGS}#pin-heading"
    page = text(signed_in.get(SETTINGS))
    assert "the lock is on. You can set a short PIN below" in page
    assert "until then, you unlock with your passphrase" in page


def test_turning_the_lock_on_with_a_pin_just_saves(signed_in, person):
    person.set_lock_pin("2580")
    response = signed_in.post(DEVICE, {"lock_after_minutes": 5, "sign_in_lasts": "day"})
    assert response["Location"] == f"{SETTINGS}#device-privacy-heading"
    assert "Your choices are saved." in text(signed_in.get(SETTINGS))


def test_a_pin_is_kept_hashed_like_a_passphrase_never_as_typed(signed_in, person):
    assert set_pin(signed_in, "80264")["Location"].endswith("#device-privacy-heading")
    person.refresh_from_db()
    assert "80264" not in person.lock_pin
    assert identify_hasher(person.lock_pin).algorithm in ("md5", "argon2")
    assert person.check_lock_pin("80264")
    assert not person.check_lock_pin("80265")


def test_setting_a_pin_needs_the_passphrase(signed_in, person):
    response = set_pin(signed_in, password="not mine")
    assert response.status_code == 400
    assert "That passphrase doesn't match. Your PIN is as it was." in text(response)
    person.refresh_from_db()
    assert not person.has_lock_pin


@pytest.mark.parametrize("pin", ["123", "975318642", "12a4", "١٢٣٤٥", "", "12 34"])
def test_a_pin_is_4_to_8_digits(signed_in, person, pin):
    response = set_pin(signed_in, pin)
    assert response.status_code == 400
    person.refresh_from_db()
    assert not person.has_lock_pin


@pytest.mark.parametrize("pin", ["0000", "1234", "98765", "77777777"])
def test_a_pin_anyone_would_try_first_is_refused_kindly(signed_in, pin):
    response = set_pin(signed_in, pin)
    assert "one of the first anyone would try" in text(response)


def test_the_two_pins_must_match(signed_in, person):
    response = set_pin(signed_in, "2580", again="2581")
    assert "The two PINs don't match" in text(response)
    person.refresh_from_db()
    assert not person.has_lock_pin


def test_a_pin_can_be_changed(signed_in, person):
    set_pin(signed_in, "2580")
    assert "Change my PIN" in text(signed_in.get(SETTINGS))
    set_pin(signed_in, "9137")
    person.refresh_from_db()
    assert person.check_lock_pin("9137") and not person.check_lock_pin("2580")
    assert "Your new PIN is saved." in text(signed_in.get(SETTINGS))


def test_a_pin_can_be_removed(signed_in, person):
    person.set_lock_pin("2580")
    signed_in.post(REMOVE_PIN)
    person.refresh_from_db()
    assert not person.has_lock_pin
    assert "The lock asks for your passphrase instead." in text(signed_in.get(SETTINGS))


def test_the_pin_field_is_numeric_and_never_remembered(signed_in):
    page = text(signed_in.get(SETTINGS))
    assert 'name="pin" inputmode="numeric" pattern="[0-9]*" autocomplete="off"' in page


@pytest.mark.parametrize("name", ["device_privacy", "set_pin", "remove_pin"])
def test_privacy_settings_need_a_sign_in(client, name):
    response = client.post(reverse(f"accounts:{name}"))
    assert response["Location"].startswith(reverse("accounts:login"))


def test_privacy_settings_change_only_the_signed_in_persons_own(signed_in, person):
    someone = UserFactory()
    someone.set_lock_pin("2580")
    set_pin(signed_in, "9137")
    signed_in.post(REMOVE_PIN)
    signed_in.post(DEVICE, {"lock_after_minutes": 15, "sign_in_lasts": "day"})
    someone.refresh_from_db()
    assert someone.check_lock_pin("2580")
    assert someone.lock_after_minutes == LockAfter.OFF
    assert Client().get(SETTINGS).status_code == 302
