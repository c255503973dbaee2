"""The lock on a shared phone, held on the server: idle time, the lock page, unlocking."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from selftrust.accounts import lock
from selftrust.accounts.models import LockAfter
from selftrust.promises.models import Promise
from selftrust.safety.support import offer_support
from tests.factories import (
    PASSPHRASE,
    PromiseFactory,
    TrustedPersonFactory,
    UserFactory,
    api_token_for,
)

pytestmark = pytest.mark.django_db
LOCK = reverse("accounts:lock")
TODAY = reverse("promises:today")
PIN = "2580"


@pytest.fixture
def locking_person(person):
    """`river`, whose lock is on after 1 minute, with the PIN 2580 and a promise."""
    person.lock_after_minutes = LockAfter.ONE_MINUTE
    person.save()
    person.set_lock_pin(PIN)
    PromiseFactory(user=person, text="Call my sister on Sunday")
    return person


@pytest.fixture
def signed_in(client, locking_person):
    client.force_login(locking_person)
    client.get(TODAY)  # the first request notes the time
    return client


def idle_for(client, seconds: float) -> None:
    """As if the last request had been `seconds` ago."""
    session = client.session
    session[lock.LAST_SEEN] = lock.now_seconds() - seconds
    session.save()


def past_the_idle_time(client) -> None:
    idle_for(client, 60 + lock.SERVER_GRACE_SECONDS + 1)


def text(response) -> str:
    return html.unescape(response.content.decode())


def lock_url(next_url: str) -> str:
    return f"{LOCK}?next={next_url.replace('/', '%2F')}"


def test_the_lock_is_off_until_the_person_chooses_it(client, user):
    assert user.lock_after_minutes == LockAfter.OFF
    client.force_login(user)
    idle_for(client, 24 * 60 * 60)
    assert client.get(TODAY).status_code == 200


def test_pages_open_as_usual_before_the_idle_time_has_passed(signed_in):
    idle_for(signed_in, 50)
    response = signed_in.get(TODAY)
    assert response.status_code == 200
    assert "Call my sister on Sunday" in text(response)


def test_after_the_idle_time_a_page_goes_to_the_lock_page(signed_in):
    past_the_idle_time(signed_in)
    response = signed_in.get(TODAY)
    assert response.status_code == 302
    assert response["Location"] == lock_url(TODAY)
    assert "no-store" in response["Cache-Control"]


def test_the_server_waits_a_little_past_the_chosen_time_for_the_pages_own_count(signed_in):
    idle_for(signed_in, 60 + lock.SERVER_GRACE_SECONDS - 5)
    assert signed_in.get(TODAY).status_code == 200


def test_after_the_idle_time_an_htmx_request_is_sent_to_the_lock_page(signed_in):
    past_the_idle_time(signed_in)
    response = signed_in.get(
        reverse("promises:list"),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/promises/",
    )
    assert response.status_code == 403
    assert response["HX-Redirect"] == lock_url("/promises/")
    assert response["X-Selftrust-Locked"] == "1"
    assert "Call my sister" not in text(response)


def test_every_page_shows_the_lock_until_it_is_unlocked(signed_in):
    past_the_idle_time(signed_in)
    signed_in.get(TODAY)
    for name in ("promises:list", "accounts:settings", "safety:plan", "web:home"):
        assert signed_in.get(reverse(name))["Location"].startswith(LOCK)


def test_a_form_sent_while_locked_changes_nothing(signed_in, locking_person):
    past_the_idle_time(signed_in)
    response = signed_in.post(
        reverse("promises:create"),
        {"text": "Something new", "schedule": "daily"},
        HTTP_REFERER="http://testserver/promises/new/",
    )
    assert response["Location"] == lock_url("/promises/new/")
    assert not Promise.objects.filter(text="Something new").exists()


def test_the_lock_page_shows_nothing_personal(signed_in, locking_person):
    past_the_idle_time(signed_in)
    response = signed_in.get(lock_url(TODAY))
    page = text(response)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Locked for now" in page
    for personal in ("river", "Call my sister", 'aria-label="Main"', "Log out"):
        assert personal not in page
    assert 'inputmode="numeric"' in page
    assert 'autocomplete="off"' in page
    assert "Use my passphrase instead" in page
    assert "Ground me now" in page and "Get help now" in page
    assert ">Sign out</button>" in page


def test_messages_wait_for_the_unlocked_page(signed_in):
    signed_in.post(reverse("accounts:remove_pin"))  # leaves a message for the next page
    past_the_idle_time(signed_in)
    assert "Your PIN is removed" not in text(signed_in.get(lock_url(TODAY)))


def test_support_offered_after_saving_waits_for_the_unlocked_page(signed_in):
    class Request:
        session = signed_in.session

    offer_support(Request, "words")
    Request.session.save()
    past_the_idle_time(signed_in)
    assert "It sounds really painful" not in text(signed_in.get(lock_url(TODAY)))
    signed_in.post(LOCK, {"pin": PIN, "next": TODAY})
    assert "It sounds really painful" in text(signed_in.get(TODAY))


def test_get_help_now_opens_while_locked_as_for_anyone(signed_in, locking_person):
    TrustedPersonFactory(user=locking_person, name="Aunt Maeve")
    past_the_idle_time(signed_in)
    response = signed_in.get(reverse("safety:help"))
    assert response.status_code == 200
    assert "Aunt Maeve" not in text(response)
    assert signed_in.get(reverse("safety:ground")).status_code == 200


def test_the_api_with_a_token_is_not_affected_by_the_lock(signed_in, locking_person):
    past_the_idle_time(signed_in)
    token = api_token_for(locking_person)
    response = Client().get("/api/v1/promises", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert "Call my sister" in response.content.decode()
    # The same browser, locked, with a token: the token decides.
    assert (
        signed_in.get("/api/v1/promises", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    )


def test_the_api_is_closed_to_a_locked_browser_session(signed_in):
    past_the_idle_time(signed_in)
    assert signed_in.get("/api/v1/promises").status_code == 401
    assert (
        signed_in.get("/api/v1/promises", HTTP_AUTHORIZATION="Bearer st_wrong").status_code == 401
    )


def test_api_requests_with_a_token_do_not_keep_the_session_awake(signed_in, locking_person):
    token = api_token_for(locking_person)
    idle_for(signed_in, 50)
    signed_in.get("/api/v1/promises", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert lock.now_seconds() - signed_in.session[lock.LAST_SEEN] >= 50


def test_unlocking_with_the_pin_leads_back_to_the_page(signed_in):
    past_the_idle_time(signed_in)
    signed_in.get(TODAY)
    response = signed_in.post(LOCK, {"pin": PIN, "next": TODAY})
    assert response.status_code == 302
    assert response["Location"] == TODAY
    assert "Call my sister on Sunday" in text(signed_in.get(TODAY))


def test_unlocking_with_the_passphrase(signed_in):
    past_the_idle_time(signed_in)
    page = text(signed_in.get(f"{LOCK}?with=passphrase&next=/promises/"))
    assert "Your passphrase" in page and "Use my PIN instead" in page
    response = signed_in.post(
        LOCK, {"password": PASSPHRASE, "with": "passphrase", "next": "/promises/"}
    )
    assert response["Location"] == "/promises/"
    assert signed_in.get(TODAY).status_code == 200


def test_without_a_pin_the_lock_asks_for_the_passphrase(signed_in, locking_person):
    locking_person.remove_lock_pin()
    past_the_idle_time(signed_in)
    page = text(signed_in.get(lock_url(TODAY)))
    assert 'name="password"' in page and 'name="pin"' not in page
    assert "Use my passphrase instead" not in page
    assert signed_in.post(LOCK, {"password": PASSPHRASE, "next": TODAY})["Location"] == TODAY


def test_a_wrong_pin_says_kindly_how_many_tries_are_left_and_stays_locked(signed_in):
    past_the_idle_time(signed_in)
    response = signed_in.post(LOCK, {"pin": "1357", "next": TODAY})
    assert response.status_code == 400
    assert "Take your time. You can try 4 more times" in text(response)
    assert signed_in.get(TODAY)["Location"].startswith(LOCK)


def test_an_empty_try_is_not_counted(signed_in):
    past_the_idle_time(signed_in)
    response = signed_in.post(LOCK, {"pin": "", "next": TODAY})
    assert "Type your PIN to unlock." in text(response)
    assert lock.WRONG_TRIES not in signed_in.session


def test_five_wrong_tries_end_the_session_and_the_sign_in_page_says_so_kindly(signed_in):
    past_the_idle_time(signed_in)
    for wrong in ("1111", "2222", "3333", "4444"):
        assert signed_in.post(LOCK, {"pin": wrong, "next": TODAY}).status_code == 400
    response = signed_in.post(LOCK, {"password": "guess", "with": "passphrase", "next": TODAY})
    assert response["Location"] == reverse("accounts:login")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    page = text(signed_in.get(response["Location"]))
    assert "signed out here after five tries that didn't match" in page
    assert "Nothing is lost" in page
    assert signed_in.get(TODAY)["Location"].startswith(reverse("accounts:login"))


def test_the_right_pin_after_wrong_ones_unlocks_and_starts_the_count_again(signed_in):
    past_the_idle_time(signed_in)
    signed_in.post(LOCK, {"pin": "1357", "next": TODAY})
    assert signed_in.post(LOCK, {"pin": PIN, "next": TODAY})["Location"] == TODAY
    assert lock.WRONG_TRIES not in signed_in.session


def test_another_persons_pin_does_not_unlock(signed_in):
    someone = UserFactory()
    someone.set_lock_pin("8642")
    past_the_idle_time(signed_in)
    assert signed_in.post(LOCK, {"pin": "8642", "next": TODAY}).status_code == 400


def test_another_persons_session_is_not_affected(signed_in, locking_person):
    other = Client()
    other.force_login(UserFactory(lock_after_minutes=LockAfter.ONE_MINUTE))
    other.get(TODAY)
    past_the_idle_time(signed_in)
    assert signed_in.get(TODAY).status_code == 302
    assert other.get(TODAY).status_code == 200


def test_the_same_persons_other_session_is_not_locked_by_this_one(signed_in, locking_person):
    laptop = Client()
    laptop.force_login(locking_person)
    laptop.get(TODAY)
    past_the_idle_time(signed_in)
    signed_in.get(TODAY)
    assert laptop.get(TODAY).status_code == 200


def test_unlocking_leads_only_to_our_own_pages(signed_in):
    past_the_idle_time(signed_in)
    response = signed_in.post(LOCK, {"pin": PIN, "next": "https://elsewhere.example/"})
    assert response["Location"] == TODAY


def test_the_lock_page_when_not_locked_leads_back(signed_in):
    assert signed_in.get(lock_url("/promises/"))["Location"] == "/promises/"


def test_the_lock_page_for_someone_signed_out_leads_to_sign_in(client):
    assert client.get(LOCK)["Location"].startswith(reverse("accounts:login"))


def test_lock_now_locks_this_session(signed_in):
    response = signed_in.post(
        reverse("accounts:lock_now"), HTTP_REFERER="http://testserver/settings/"
    )
    assert response["Location"] == lock_url("/settings/")
    assert signed_in.get(TODAY)["Location"].startswith(LOCK)


def test_lock_now_from_the_page_script_answers_quietly(signed_in):
    assert signed_in.post(reverse("accounts:lock_now"), {"quietly": "1"}).status_code == 204
    assert signed_in.get(TODAY)["Location"].startswith(LOCK)


def test_lock_now_works_for_a_person_without_a_lock_who_unlocks_with_the_passphrase(owner_client):
    owner_client.post(reverse("accounts:lock_now"))
    assert owner_client.get(TODAY)["Location"].startswith(LOCK)
    assert owner_client.post(LOCK, {"password": PASSPHRASE, "next": TODAY})["Location"] == TODAY


def test_the_header_offers_lock_now_to_a_person_with_a_lock(signed_in):
    assert ">Lock now</button>" in text(signed_in.get(TODAY))
    without_a_lock = Client()
    without_a_lock.force_login(UserFactory())
    assert ">Lock now</button>" not in text(without_a_lock.get(TODAY))


def test_still_here_keeps_the_session_awake(signed_in):
    idle_for(signed_in, 50)
    assert signed_in.post(reverse("accounts:still_here")).status_code == 204
    assert lock.now_seconds() - signed_in.session[lock.LAST_SEEN] < 5


def test_still_here_tells_a_locked_page_to_go_to_the_lock(signed_in):
    past_the_idle_time(signed_in)
    response = signed_in.post(reverse("accounts:still_here"))
    assert response["X-Selftrust-Locked"] == "1"


def test_the_lock_pages_own_requests_do_not_count_as_activity(signed_in):
    idle_for(signed_in, 50)
    signed_in.get(reverse("accounts:away"))
    assert lock.now_seconds() - signed_in.session[lock.LAST_SEEN] >= 50


def test_turning_the_lock_off_and_on_again_later_does_not_lock_at_once(signed_in, locking_person):
    locking_person.lock_after_minutes = LockAfter.OFF
    locking_person.save()
    signed_in.get(TODAY)
    idle_for(signed_in, 3600)  # a time left over would be gone
    signed_in.get(TODAY)
    assert lock.LAST_SEEN not in signed_in.session
    signed_in.post(
        reverse("accounts:device_privacy"),
        {"lock_after_minutes": LockAfter.ONE_MINUTE, "sign_in_lasts": "fortnight"},
    )
    assert signed_in.get(TODAY).status_code == 200
