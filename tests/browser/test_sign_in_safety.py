"""Sign up, keep the recovery codes, change the passphrase, and sign in with the new one."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_page, open_site_menu

FIRST = "slow river morning"
SECOND = "quiet harbour light"


@pytest.fixture(autouse=True)
def _open_signup(settings):
    settings.SIGNUP_MODE = "open"


def test_sign_up_save_codes_change_passphrase_and_sign_in_again(phone_page):
    page = phone_page

    page.goto("/signup/")
    page.get_by_label("Username").fill("river")
    page.get_by_label(re.compile(r"^Passphrase")).fill(FIRST)
    page.get_by_label("The same passphrase again").fill(FIRST)
    page.get_by_role("button", name="Create my account").click()

    # The recovery codes come first, once, with ways to keep them.
    expect(page).to_have_url(re.compile(r"/recovery-codes/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    codes = page.get_by_role("list", name="Your 10 recovery codes").locator("code")
    expect(codes).to_have_count(10)
    expect(codes.first).to_have_text(
        re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$")
    )
    expect(page.get_by_role("button", name="Print them")).to_be_visible()
    check_page(page, 360)
    page.get_by_role("button", name="I have saved them").click()
    expect(page).to_have_url(re.compile(r"/welcome/$"))
    page.get_by_role("link", name="Look around first").click()

    # Change the passphrase in Settings.
    open_site_menu(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    expect(page).to_have_url(re.compile(r"/settings/$"))
    section = page.get_by_role("region", name="Passphrase")
    expect(section.get_by_label("Also make all my API tokens stop working")).to_be_checked()
    section.get_by_label("Your current passphrase").fill(FIRST)
    section.get_by_label(re.compile(r"^New passphrase")).fill(SECOND)
    section.get_by_label("The same new passphrase again").fill(SECOND)
    section.get_by_role("button", name="Change my passphrase").click()
    expect(page).to_have_url(re.compile(r"/settings/$"))
    expect(page.get_by_role("status").first).to_contain_text("Your new passphrase is saved")
    check_page(page, 360)

    # Sign out, then in with the new passphrase.
    open_site_menu(page)
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login/$"))
    expect(page.get_by_role("link", name="Forgot your passphrase?")).to_be_visible()
    page.get_by_label("Username").fill("river")
    page.get_by_label("Passphrase").fill(SECOND)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/today/$"))
