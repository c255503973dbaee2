"""How long a sign-in lasts: chosen on the sign-in page and in Settings."""

import html
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from selftrust.accounts import sign_in_length
from selftrust.accounts.models import SignInLasts
from tests.factories import PASSPHRASE, UserFactory, recovery_codes_for

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
TODAY = reverse("promises:today")
DEVICE = reverse("accounts:device_privacy")
DAY = 24 * 60 * 60


def text(response) -> str:
    return html.unescape(response.content.decode())


def sign_in(client, keep=None):
    data = {"username": "river", "password": PASSPHRASE}
    if keep is not None:
        data["keep_signed_in"] = keep
    return client.post(LOGIN, data)


def seconds_left(client) -> float:
    return client.session.get_expiry_age()


def test_the_sign_in_page_offers_keep_me_signed_in_with_the_shortest_chosen(client):
    page = text(client.get(LOGIN))
    assert "Keep me signed in" in page
    assert "Until I close the browser (a day at most)" in page
    assert "For a day" in page and "For 14 days" in page
    assert re.search(r'name="keep_signed_in" value="browser"[^>]* checked>', page)


def test_until_the_browser_closes_the_cookie_has_no_expiry(client, person):
    response = sign_in(client, "browser")
    assert response["Location"] == TODAY
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert client.session.get_expire_at_browser_close()


def test_until_the_browser_closes_ends_on_the_server_after_a_day_at_most(client, person):
    sign_in(client, "browser")
    session = client.session
    session[sign_in_length.ENDS_AT] = (timezone.now() - timedelta(seconds=1)).timestamp()
    session.save()
    response = client.get(TODAY)
    assert response["Location"].startswith(LOGIN)
    assert "You were signed out, as you chose when you signed in" in text(client.get(LOGIN))


def test_until_the_browser_closes_lasts_through_the_day(client, person):
    sign_in(client, "browser")
    ends_at = client.session[sign_in_length.ENDS_AT]
    assert ends_at - timezone.now().timestamp() == pytest.approx(DAY, abs=60)
    assert client.get(TODAY).status_code == 200


def test_for_a_day(client, person):
    response = sign_in(client, "day")
    assert int(response.cookies["sessionid"]["max-age"]) == pytest.approx(DAY, abs=60)
    assert seconds_left(client) == pytest.approx(DAY, abs=60)
    assert not client.session.get_expire_at_browser_close()


def test_for_14_days(client, person):
    response = sign_in(client, "fortnight")
    assert int(response.cookies["sessionid"]["max-age"]) == pytest.approx(14 * DAY, abs=60)
    assert seconds_left(client) == pytest.approx(14 * DAY, abs=60)


def test_a_day_is_counted_from_the_sign_in_not_from_the_last_visit(client, person):
    sign_in(client, "day")
    session = client.session
    session.set_expiry(timezone.now() + timedelta(hours=2))  # as if 22 hours had passed
    session.save()
    client.get(TODAY)
    client.post(reverse("accounts:time_zone"), {"time_zone": "Europe/Berlin"})
    assert seconds_left(client) == pytest.approx(2 * 60 * 60, abs=60)


def test_without_a_choice_the_sign_in_lasts_until_the_browser_closes(client, person):
    sign_in(client)
    assert client.session.get_expire_at_browser_close()


def test_a_choice_not_offered_falls_back_to_the_shortest_without_an_error(client, person):
    assert sign_in(client, "forever")["Location"] == TODAY
    assert client.session.get_expire_at_browser_close()


def test_the_choice_is_remembered_on_the_account(client, person):
    sign_in(client, "fortnight")
    person.refresh_from_db()
    assert person.sign_in_lasts == SignInLasts.FORTNIGHT


def test_a_recovery_code_sign_in_uses_the_remembered_choice(client, person):
    person.sign_in_lasts = SignInLasts.DAY
    person.save()
    new = "a brand new passphrase"
    client.post(
        reverse("accounts:recover"),
        {
            "username": "river",
            "code": recovery_codes_for(person)[0],
            "new_password1": new,
            "new_password2": new,
        },
    )
    assert seconds_left(client) == pytest.approx(DAY, abs=60)


def test_signing_up_uses_the_shortest(client, settings):
    settings.SIGNUP_MODE = "open"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.post(
        reverse("accounts:signup"),
        {"username": "wren", "password1": "slow river morning", "password2": "slow river morning"},
    )
    assert client.session.get_expire_at_browser_close()


def test_settings_show_this_sessions_choice(client, person):
    sign_in(client, "day")
    page = text(client.get(reverse("accounts:settings")))
    assert re.search(r'name="sign_in_lasts" value="day"[^>]* checked>', page)


def test_settings_change_how_long_this_sign_in_lasts_from_now(client, person):
    sign_in(client, "browser")
    client.post(DEVICE, {"lock_after_minutes": 0, "sign_in_lasts": "fortnight"})
    assert seconds_left(client) == pytest.approx(14 * DAY, abs=60)
    assert sign_in_length.ENDS_AT not in client.session
    person.refresh_from_db()
    assert person.sign_in_lasts == SignInLasts.FORTNIGHT


def test_saving_other_choices_leaves_the_sign_in_length_as_it_was(client, person):
    sign_in(client, "day")
    session = client.session
    session.set_expiry(timezone.now() + timedelta(hours=2))
    session.save()
    client.post(DEVICE, {"lock_after_minutes": 5, "sign_in_lasts": "day"})
    assert seconds_left(client) == pytest.approx(2 * 60 * 60, abs=60)


def test_each_device_keeps_its_own_sign_in_length(person):
    phone, laptop = Client(), Client()
    sign_in(phone, "browser")
    sign_in(laptop, "fortnight")
    assert phone.session.get_expire_at_browser_close()
    assert seconds_left(laptop) == pytest.approx(14 * DAY, abs=60)
    laptop.post(DEVICE, {"lock_after_minutes": 0, "sign_in_lasts": "day"})
    assert phone.session.get_expire_at_browser_close()


def test_a_session_from_before_the_choice_shows_14_days(client, user):
    client.force_login(user)
    page = text(client.get(reverse("accounts:settings")))
    assert re.search(r'name="sign_in_lasts" value="fortnight"[^>]* checked>', page)


def test_someone_elses_sign_in_is_not_changed(client, person):
    someone = UserFactory(sign_in_lasts=SignInLasts.FORTNIGHT)
    theirs = Client()
    theirs.force_login(someone)
    sign_in(client, "day")
    client.post(DEVICE, {"lock_after_minutes": 0, "sign_in_lasts": "browser"})
    someone.refresh_from_db()
    assert someone.sign_in_lasts == SignInLasts.FORTNIGHT
    assert not theirs.session.get_expire_at_browser_close()
