"""Leave quickly: the server's half (the page's half is in tests/browser/test_privacy_lock.py)."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from selftrust.accounts import lock
from selftrust.accounts.models import LockAfter
from tests.factories import PASSPHRASE, PromiseFactory, UserFactory

pytestmark = pytest.mark.django_db
LEAVE = reverse("accounts:leave")
AWAY = reverse("accounts:away")
TODAY = reverse("promises:today")
LOCK = reverse("accounts:lock")


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def with_a_lock(person):
    person.lock_after_minutes = LockAfter.FIFTEEN_MINUTES
    person.save()
    return person


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_leave_quickly_locks_a_person_who_has_a_lock(with_a_lock):
    client = signed_in_client(with_a_lock)
    assert client.post(LEAVE, {"quietly": "1"}).status_code == 204
    assert client.get(TODAY)["Location"].startswith(LOCK)


def test_leave_quickly_locks_a_person_who_has_only_a_pin(person):
    person.set_lock_pin("2580")
    client = signed_in_client(person)
    client.post(LEAVE, {"quietly": "1"})
    assert client.get(TODAY)["Location"].startswith(LOCK)
    assert client.post(LOCK, {"pin": "2580", "next": TODAY})["Location"] == TODAY


def test_leave_quickly_signs_out_a_person_without_a_lock(user):
    client = signed_in_client(user)
    assert client.post(LEAVE, {"quietly": "1"}).status_code == 204
    assert client.get(TODAY)["Location"].startswith(reverse("accounts:login"))


def test_without_the_script_leave_quickly_lands_on_the_plain_page(with_a_lock):
    client = signed_in_client(with_a_lock)
    response = client.post(LEAVE)
    assert response["Location"] == AWAY
    assert client.get(TODAY)["Location"].startswith(LOCK)


def test_signing_out_without_the_script_also_clears_this_browser(user):
    response = signed_in_client(user).post(LEAVE)
    assert response["Location"] == AWAY
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_leave_quickly_needs_the_csrf_token(with_a_lock):
    client = Client(enforce_csrf_checks=True)
    client.force_login(with_a_lock)
    assert client.post(LEAVE, {"quietly": "1"}).status_code == 403
    assert client.get(TODAY).status_code == 200


def test_leave_quickly_takes_the_csrf_token_from_the_beacons_form_data(with_a_lock):
    client = Client(enforce_csrf_checks=True)
    client.force_login(with_a_lock)
    page = client.get(TODAY).content.decode()
    form = page.split("data-leave-quickly>")[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
    response = client.post(LEAVE, {"csrfmiddlewaretoken": token, "quietly": "1"})
    assert response.status_code == 204
    assert client.get(TODAY)["Location"].startswith(LOCK)


def test_anyone_may_leave_quickly(client):
    assert client.post(LEAVE, {"quietly": "1"}).status_code == 204
    assert client.post(LEAVE)["Location"] == AWAY


def test_leaving_a_locked_session_keeps_it_locked(with_a_lock):
    client = signed_in_client(with_a_lock)
    client.post(reverse("accounts:lock_now"))
    client.post(LEAVE, {"quietly": "1"})
    assert client.get(TODAY)["Location"].startswith(LOCK)
    assert client.post(LOCK, {"password": PASSPHRASE, "next": TODAY})["Location"] == TODAY


def test_leaving_quickly_does_not_touch_anyone_elses_session(with_a_lock):
    someone = UserFactory(lock_after_minutes=LockAfter.FIFTEEN_MINUTES)
    theirs = signed_in_client(someone)
    signed_in_client(with_a_lock).post(LEAVE, {"quietly": "1"})
    assert theirs.get(TODAY).status_code == 200
    assert lock.LOCKED not in theirs.session


@pytest.mark.parametrize(
    "name", ["web:home", "accounts:login", "safety:ground", "safety:help", "web:privacy"]
)
def test_the_leave_quickly_button_is_on_pages_for_anyone(client, name):
    page = text(client.get(reverse(name)))
    assert page.count(f'action="{LEAVE}" data-leave-quickly') == 1
    assert page.count(">Leave quickly</button>") == 1


def test_the_leave_quickly_button_is_on_signed_in_pages_and_the_lock_page(with_a_lock):
    PromiseFactory(user=with_a_lock)
    client = signed_in_client(with_a_lock)
    for url in (TODAY, reverse("accounts:settings"), reverse("safety:plan")):
        assert ">Leave quickly</button>" in text(client.get(url))
    client.post(LEAVE, {"quietly": "1"})
    assert ">Leave quickly</button>" in text(client.get(LOCK))


def test_the_plain_page_shows_nothing_of_selftrust(client):
    response = client.get(AWAY)
    page = text(response)
    assert response.status_code == 200
    assert "<title>Notes</title>" in page
    assert "selftrust" not in page.lower()
    assert '<link rel="icon" href="data:,">' in page
    assert "<script" not in page
    assert "http://" not in page and "https://" not in page


def test_the_plain_page_is_the_same_for_a_signed_in_person(with_a_lock):
    PromiseFactory(user=with_a_lock, text="Call my sister on Sunday")
    page = text(signed_in_client(with_a_lock).get(AWAY))
    assert "Call my sister" not in page and "river" not in page
