"""A therapist's sign-in: the passphrase, then a code from an authenticator app, before anything."""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from selftrust.api.auth import PersonalToken
from selftrust.care import two_factor
from selftrust.care.access import therapist_may_read
from tests.care.conftest import make_therapist, signed_in_verified, with_second_factor
from tests.factories import PASSPHRASE, api_token_for, recovery_codes_for

pytestmark = pytest.mark.django_db

SET_UP = reverse("care:two-factor-set-up")
VERIFY = reverse("care:two-factor")


def code_of(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the therapist's app shows now (or `steps_ahead` periods of 30 s later)."""
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    right = {code_of(device, steps) for steps in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1000000) if f"{n:06d}" not in right)


@pytest.fixture
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def therapist(fast_hashing):
    therapist = make_therapist(username="dr-ash")
    therapist.set_password(PASSPHRASE)
    therapist.save()
    return therapist


def sign_in(client, username="dr-ash", next_url=""):
    url = reverse("accounts:login") + (f"?next={quote(next_url)}" if next_url else "")
    return client.post(url, {"username": username, "password": PASSPHRASE})


def signed_in_unverified(therapist) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    client.force_login(therapist)
    return client


def is_verified(client) -> bool:
    return DEVICE_ID_SESSION_KEY in client.session


# --- after the passphrase ----------------------------------------------------------------------


def test_a_therapist_without_an_app_is_taken_from_the_passphrase_to_set_up(client, therapist):
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == SET_UP
    assert not is_verified(client)


def test_a_therapist_with_an_app_is_asked_for_a_code_after_the_passphrase(client, therapist):
    with_second_factor(therapist)
    assert sign_in(client)["Location"] == VERIFY


def test_the_page_asked_for_before_signing_in_is_kept_for_after_the_code(client, therapist):
    with_second_factor(therapist)
    settings_page = reverse("accounts:settings")
    assert sign_in(client, next_url=settings_page)["Location"] == (
        f"{VERIFY}?next={quote(settings_page, safe='')}"
    )


def test_every_sign_in_with_the_passphrase_asks_for_a_code_again(client, therapist):
    """Nothing a session held before the passphrase counts as the second factor."""
    device = with_second_factor(therapist)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert sign_in(client)["Location"] == VERIFY
    assert not is_verified(client)


def test_a_person_signing_in_goes_to_today_as_ever(client, fast_hashing, user):
    user.set_password(PASSPHRASE)
    user.save()
    response = sign_in(client, username=user.username)
    assert response["Location"] == reverse("promises:today")


# --- setting up the app ------------------------------------------------------------------------


def test_set_up_shows_a_qr_code_drawn_here_and_the_key_to_type(therapist):
    client = signed_in_unverified(therapist)
    page = client.get(SET_UP).content.decode()
    device = TOTPDevice.objects.get(user=therapist, confirmed=False)
    svg = re.search(r"<svg[^>]*>.*?</svg>", page, flags=re.S).group(0)
    assert 'role="img"' in svg and "<title>" in svg
    # The site's Content-Security-Policy forbids inline style and script.
    assert "style=" not in svg and "<script" not in svg and "<style" not in svg
    assert two_factor.secret_in_words(device) in page
    assert "Selftrust:dr-ash" in page


def test_the_qr_code_holds_the_key_the_app_needs(therapist):
    device = two_factor.device_to_set_up(therapist)
    link = two_factor.set_up_link(device)
    secret = two_factor.secret_in_words(device).replace(" ", "")
    assert link.startswith("otpauth://totp/Selftrust%3Adr-ash?")
    assert f"secret={secret}" in link and "issuer=Selftrust" in link and "period=30" in link


def test_the_key_stays_the_same_when_the_set_up_page_is_opened_again(therapist):
    client = signed_in_unverified(therapist)
    client.get(SET_UP)
    client.get(SET_UP)
    assert TOTPDevice.objects.filter(user=therapist).count() == 1


def test_the_first_code_confirms_the_app_and_completes_sign_in(therapist):
    client = signed_in_unverified(therapist)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=therapist)
    response = client.post(SET_UP, {"code": code_of(device)})
    assert response.status_code == 302
    assert response["Location"] == two_factor.therapist_home_url()
    device.refresh_from_db()
    assert device.confirmed
    assert is_verified(client)
    assert client.get(reverse("accounts:settings")).status_code == 200


def test_a_code_typed_with_a_space_in_the_middle_is_fine(therapist):
    client = signed_in_unverified(therapist)
    client.get(SET_UP)
    code = code_of(TOTPDevice.objects.get(user=therapist))
    client.post(SET_UP, {"code": f"{code[:3]} {code[3:]}"})
    assert is_verified(client)


def test_a_wrong_first_code_says_so_and_the_app_is_not_confirmed(therapist):
    client = signed_in_unverified(therapist)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=therapist)
    response = client.post(SET_UP, {"code": wrong_code(device)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "That code didn" in page and "no need to scan again" in page
    device.refresh_from_db()
    assert not device.confirmed and not is_verified(client)


def test_something_that_is_not_a_code_is_explained_not_counted(therapist):
    client = signed_in_unverified(therapist)
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": "12ab"})
    assert response.status_code == 400
    assert "A code is 6 digits" in response.content.decode()
    assert TOTPDevice.objects.get(user=therapist).throttling_failure_count == 0


def test_once_an_app_is_set_up_the_passphrase_alone_cannot_set_up_another(therapist):
    device = with_second_factor(therapist)
    client = signed_in_unverified(therapist)
    assert client.get(SET_UP)["Location"] == VERIFY
    assert client.post(SET_UP, {"code": "123456"})["Location"] == VERIFY
    assert list(TOTPDevice.objects.filter(user=therapist)) == [device]


# --- the code at each sign-in ------------------------------------------------------------------


def test_the_right_code_completes_sign_in_and_leads_to_the_caseload(therapist):
    device = with_second_factor(therapist)
    client = signed_in_unverified(therapist)
    response = client.post(VERIFY, {"code": code_of(device)})
    assert response["Location"] == two_factor.therapist_home_url()
    assert is_verified(client)


def test_the_right_code_leads_to_the_page_asked_for(therapist):
    device = with_second_factor(therapist)
    client = signed_in_unverified(therapist)
    settings_page = reverse("accounts:settings")
    response = client.post(VERIFY, {"code": code_of(device), "next": settings_page})
    assert response["Location"] == settings_page


@pytest.mark.parametrize(
    "elsewhere", ["https://example.com/", "//example.com/", "/care/two-factor/set-up/"]
)
def test_a_page_elsewhere_is_never_where_the_code_leads(therapist, elsewhere):
    device = with_second_factor(therapist)
    client = signed_in_unverified(therapist)
    response = client.post(VERIFY, {"code": code_of(device), "next": elsewhere})
    assert response["Location"] == two_factor.therapist_home_url()


def test_a_wrong_code_says_so_kindly_and_nothing_opens(therapist):
    device = with_second_factor(therapist)
    client = signed_in_unverified(therapist)
    response = client.post(VERIFY, {"code": wrong_code(device)})
    assert response.status_code == 400
    assert "That code didn" in response.content.decode()
    assert not is_verified(client)
    assert client.get(reverse("accounts:settings"))["Location"].startswith(VERIFY)


def test_after_a_wrong_code_even_the_right_one_waits_for_a_short_pause(therapist):
    """django-otp's own throttle is on: each code that doesn't match doubles the pause."""
    device = with_second_factor(therapist)
    client = signed_in_unverified(therapist)
    client.post(VERIFY, {"code": wrong_code(device)})
    client.post(VERIFY, {"code": wrong_code(device)})
    response = client.post(VERIFY, {"code": code_of(device)})
    assert response.status_code == 400
    assert "short pause" in response.content.decode()
    assert not is_verified(client)


def test_a_code_is_accepted_once_only(therapist):
    device = with_second_factor(therapist)
    code = code_of(device)
    first, second = signed_in_unverified(therapist), signed_in_unverified(therapist)
    first.post(VERIFY, {"code": code})
    second.post(VERIFY, {"code": code})
    assert is_verified(first) and not is_verified(second)


def test_codes_that_do_not_match_count_with_the_sign_in_throttle(therapist, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own pauses aside, to reach the limit
    settings.AXES_FAILURE_LIMIT = 3
    device = with_second_factor(therapist)
    client = signed_in_unverified(therapist)
    assert client.post(VERIFY, {"code": wrong_code(device)}).status_code == 400
    assert client.post(VERIFY, {"code": wrong_code(device)}).status_code == 400
    paused = client.post(VERIFY, {"code": wrong_code(device)})
    assert paused.status_code == 429
    page = paused.content.decode()
    assert "Code checks are paused" in page and "haven't done anything wrong" in page
    # While paused, even the right code waits, and the page still speaks of codes.
    again = client.post(VERIFY, {"code": code_of(device)})
    assert again.status_code == 429 and "Code checks are paused" in again.content.decode()
    assert not is_verified(client)


def test_the_code_page_offers_a_way_out_and_says_what_to_do_about_a_lost_phone(therapist):
    with_second_factor(therapist)
    page = signed_in_unverified(therapist).get(VERIFY).content.decode()
    assert reverse("accounts:logout") in page
    assert "Lost your phone" in page
    # Drawn as part of signing in: no menu of pages that would only lead back here.
    assert "data-site-menu" not in page


# --- before two-factor sign-in, nothing else -----------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "promises:today",
        "accounts:settings",
        "promises:list",
        "care:clinic-therapists",
        "web:home",
    ],
)
def test_an_unverified_therapist_is_sent_to_the_two_factor_step_from_other_pages(therapist, page):
    client = signed_in_unverified(therapist)
    response = client.get(reverse(page))
    assert response.status_code == 302
    assert response["Location"].startswith(SET_UP)


def test_the_therapists_workspace_waits_for_two_factor_too(therapist):
    with_second_factor(therapist)
    response = signed_in_unverified(therapist).get("/care/therapist/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)


def test_a_form_sent_before_two_factor_changes_nothing(therapist):
    client = signed_in_unverified(therapist)
    response = client.post(reverse("accounts:time_zone"), {"time_zone": "Europe/Berlin"})
    assert response.status_code == 302 and response["Location"] == SET_UP
    therapist.refresh_from_db()
    assert therapist.time_zone == "UTC"


def test_htmx_is_sent_to_the_two_factor_step_too(therapist):
    client = signed_in_unverified(therapist)
    response = client.get(reverse("promises:today"), HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    assert response["HX-Redirect"] == f"{SET_UP}?next={quote(reverse('promises:today'), safe='')}"


@pytest.mark.parametrize("page", ["safety:ground", "safety:help", "web:privacy"])
def test_ground_me_now_get_help_now_and_the_public_pages_are_open_before_two_factor(
    therapist, page
):
    assert signed_in_unverified(therapist).get(reverse(page)).status_code == 200


def test_signing_out_works_before_two_factor(therapist):
    client = signed_in_unverified(therapist)
    response = client.post(reverse("accounts:logout"))
    assert response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session


def test_a_verified_therapist_goes_where_they_like(therapist):
    client = signed_in_verified(therapist)
    assert client.get(reverse("accounts:settings")).status_code == 200
    assert client.get(VERIFY)["Location"] == two_factor.therapist_home_url()


def test_the_two_factor_pages_are_for_therapists_only(owner_client):
    assert owner_client.get(VERIFY).status_code == 404
    assert owner_client.get(SET_UP).status_code == 404
    assert not TOTPDevice.objects.exists()


def test_people_are_never_sent_to_the_two_factor_step(owner_client):
    assert owner_client.get(reverse("accounts:settings")).status_code == 200


def test_someone_signed_out_is_asked_to_sign_in_first(client):
    response = client.get(SET_UP)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_caseload_is_a_therapists_home_once_it_is_there():
    try:
        caseload = reverse("care:therapist-caseload")
    except NoReverseMatch:
        pytest.skip("the caseload page is being built beside this; until then, home is /")
    assert two_factor.therapist_home_url() == caseload


# --- the API ---------------------------------------------------------------------------------


def test_an_unverified_therapists_browser_session_is_refused_by_the_api(therapist):
    with_second_factor(therapist)
    response = signed_in_unverified(therapist).get("/api/v1/promises")
    assert response.status_code == 401


def test_a_verified_therapists_browser_session_is_accepted_by_the_api(therapist):
    assert signed_in_verified(therapist).get("/api/v1/promises").status_code == 200


def test_a_therapists_token_does_not_work_until_an_app_is_confirmed(client, therapist):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_for(therapist)}"}
    assert client.get("/api/v1/promises", **headers).status_code == 401
    TOTPDevice.objects.create(user=therapist, name="set up, not confirmed", confirmed=False)
    assert client.get("/api/v1/promises", **headers).status_code == 401
    with_second_factor(therapist)
    assert client.get("/api/v1/promises", **headers).status_code == 200


def test_a_therapists_token_counts_as_verified_while_an_app_is_confirmed(rf, therapist):
    secret = api_token_for(therapist)
    with_second_factor(therapist)
    user = PersonalToken().authenticate(rf.get("/api/v1/promises"), secret)
    assert therapist_may_read(user)


def test_a_persons_token_works_as_before_and_is_never_verified(rf, user):
    found = PersonalToken().authenticate(rf.get("/api/v1/promises"), api_token_for(user))
    assert found == user and not found.is_verified()


# --- a lost phone ------------------------------------------------------------------------------


def test_resetting_removes_the_app_ends_sessions_and_asks_for_set_up_again(client, therapist):
    with_second_factor(therapist)
    verified = signed_in_verified(therapist)
    assert two_factor.reset_second_factor(therapist) == 1
    assert not TOTPDevice.objects.filter(user=therapist).exists()
    assert verified.get(reverse("accounts:settings"))["Location"].startswith(
        reverse("accounts:login")
    )
    assert sign_in(client)["Location"] == SET_UP


def test_a_recovery_code_sets_a_new_passphrase_but_never_skips_two_factor(client, therapist):
    with_second_factor(therapist)
    code = recovery_codes_for(therapist)[0]
    response = client.post(
        reverse("accounts:recover"),
        {
            "username": "dr-ash",
            "code": code,
            "new_password1": "a brand new passphrase",
            "new_password2": "a brand new passphrase",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert not is_verified(client)
