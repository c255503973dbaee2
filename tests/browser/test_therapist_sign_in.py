"""A therapist signs in in a real browser: passphrase, then setting up an authenticator app
(the code worked out here from the device's key, as the app would), then their caseload; and
each sign-in after, the code. On a phone and a desktop, light and dark; axe clean."""

import re

import pytest
from django.urls import NoReverseMatch, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from selftrust.care import two_factor
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.care.conftest import make_therapist, with_second_factor
from tests.factories import PASSPHRASE

LOOKS = [(PHONE, "light"), (PHONE, "dark"), (DESKTOP, "light"), (DESKTOP, "dark")]
LOOK_IDS = ["phone-light", "phone-dark", "desktop-light", "desktop-dark"]


def code_of(device: TOTPDevice) -> str:
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{value:0{device.digits}d}"


def home_path() -> str:
    """The caseload, or (until that page is there) Today, where the start page leads."""
    try:
        return reverse("care:therapist-caseload")
    except NoReverseMatch:
        return reverse("promises:today")


def a_therapist():
    therapist = make_therapist()
    therapist.set_password(PASSPHRASE)
    therapist.save()
    return therapist


def sign_in_with_passphrase(page, therapist):
    page.goto(reverse("accounts:login"))
    page.get_by_label("Username").fill(therapist.username)
    page.get_by_label(re.compile(r"^Passphrase")).fill(PASSPHRASE)
    page.get_by_role("button", name="Log in").click()


@pytest.mark.parametrize("viewport, color_scheme", LOOKS, ids=LOOK_IDS)
def test_a_therapist_sets_up_two_factor_sign_in_and_reaches_their_caseload(
    new_page, viewport, color_scheme
):
    therapist = a_therapist()
    page = new_page(viewport, color_scheme=color_scheme)
    violations = []  # the QR code is inline SVG: it must keep the Content-Security-Policy
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    sign_in_with_passphrase(page, therapist)

    expect(page).to_have_url(re.compile(re.escape(reverse("care:two-factor-set-up")) + "$"))
    expect(page.get_by_role("heading", name="Set up two-factor sign-in", level=1)).to_be_visible()
    qr_code = page.get_by_role("img", name="QR code for your authenticator app")
    expect(qr_code).to_be_visible()
    assert qr_code.bounding_box()["width"] >= 150  # big enough for a phone's camera
    check_page(page, viewport["width"])

    device = TOTPDevice.objects.get(user=therapist, confirmed=False)
    page.get_by_text("Can't scan it? Type a key instead").click()
    expect(page.locator("#two-factor-key")).to_have_text(two_factor.secret_in_words(device))
    check_page(page, viewport["width"])

    page.get_by_label("The 6-digit code your app shows now").fill(code_of(device))
    page.get_by_role("button", name="Finish setting up").click()
    expect(page).to_have_url(re.compile(re.escape(home_path()) + "$"))
    expect(page.get_by_text("Two-factor sign-in is set up.")).to_be_visible()
    device.refresh_from_db()
    assert device.confirmed
    assert not violations


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_each_sign_in_after_asks_for_the_code_kindly(new_page, viewport):
    therapist = a_therapist()
    device = with_second_factor(therapist)
    page = new_page(viewport)
    sign_in_with_passphrase(page, therapist)

    expect(page).to_have_url(re.compile(re.escape(reverse("care:two-factor")) + "$"))
    expect(page.get_by_role("heading", name="One more step")).to_be_visible()
    expect(page.get_by_role("link", name="Ground me now")).to_be_visible()
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    check_page(page, viewport["width"])

    page.get_by_label("The 6-digit code your app shows now").fill("000000")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("That code didn't match.")).to_be_visible()
    check_page(page, viewport["width"])

    page.wait_for_timeout(1100)  # django-otp's pause after one code that didn't match
    page.get_by_label("The 6-digit code your app shows now").fill(code_of(device))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(re.escape(home_path()) + "$"))
