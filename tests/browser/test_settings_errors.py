"""On a phone, a Settings form sent back with a problem opens where the problem is, with or
without JavaScript; every box a person types into is a comfortable size, light and dark; an
address only a button uses shows a page in the site's frame."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, check_page, log_in
from tests.factories import PASSPHRASE, UserFactory

SUMMARY_IS_FOCUSED = "(el) => document.activeElement === el"


def person():
    user = UserFactory()
    user.set_password(PASSPHRASE)
    user.save()
    return user


def assert_opens_at(page, summary_id):
    summary = page.locator(f"#{summary_id}")
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    # Not merely touching the bottom edge: the whole summary is on the first screen.
    box = summary.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box


def send_a_pin_too_short(page):
    page.goto("/settings/")
    region = page.get_by_role("region", name="Privacy on this device")
    region.get_by_text("Set a PIN").click()
    region.get_by_label("New PIN").fill("12")
    region.get_by_label("The same PIN again").fill("12")
    region.get_by_label("Your passphrase, to confirm").fill(PASSPHRASE)
    region.get_by_role("button", name="Set my PIN").click()


def test_a_pin_too_short_opens_the_page_at_its_error_summary(new_page):
    page = new_page(PHONE, user=person())
    send_a_pin_too_short(page)
    expect(page).to_have_url(re.compile(r"/settings/pin/$"))
    assert_opens_at(page, "pin-problem")
    expect(page.get_by_text("A PIN is 4 to 8 digits, with nothing else in it.")).to_be_visible()
    check_page(page, 360)


def test_without_javascript_the_page_still_opens_at_the_error_summary(browser, live_server):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, java_script_enabled=False
    )
    try:
        context.set_default_timeout(10_000)
        log_in(context, live_server, person())
        page = context.new_page()
        send_a_pin_too_short(page)
        assert_opens_at(page, "pin-problem")
    finally:
        context.close()


def test_a_wrong_current_passphrase_opens_the_page_at_its_error_summary(new_page):
    page = new_page(PHONE, user=person(), color_scheme="dark")
    page.goto("/settings/")
    region = page.get_by_role("region", name="Passphrase")
    region.get_by_label("Your current passphrase").fill("not my passphrase at all")
    region.get_by_label(re.compile(r"^New passphrase")).fill("a brand new calm phrase")
    region.get_by_label("The same new passphrase again").fill("a brand new calm phrase")
    region.get_by_role("button", name="Change my passphrase").click()
    assert_opens_at(page, "passphrase-problem")
    check_page(page, 360)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_and_email_boxes_look_like_every_other_box(new_page, scheme):
    page = new_page(PHONE, user=person(), color_scheme=scheme)
    page.goto("/trusted-people/new/")
    name = page.get_by_label("Name")
    boxes = {
        "name": name,
        "phone": page.locator("input[type=tel]"),
        "email": page.locator("input[type=email]"),
    }
    looks = {}
    for what, box in boxes.items():
        expect(box).to_have_count(1)
        size = box.bounding_box()
        assert size["height"] >= 44, (what, size)
        assert size["width"] >= 300, (what, size)  # the width of the column, like the others
        looks[what] = box.evaluate(
            """(el) => { const s = getComputedStyle(el);
                return [s.backgroundColor, s.color, s.borderTopColor, s.borderTopLeftRadius,
                        s.fontSize, s.paddingLeft]; }"""
        )
    assert looks["phone"] == looks["name"] and looks["email"] == looks["name"], looks
    check_page(page, 360)


def test_an_address_only_a_button_uses_shows_a_page_in_the_frame(new_page):
    page = new_page(PHONE, user=person())
    response = page.goto("/settings/pin/")
    assert response.status == 405
    assert response.headers["allow"] == "POST"
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "There's nothing to show at this address"
    )
    expect(page.get_by_role("link", name="Ground me now")).to_be_visible()
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    page.get_by_role("link", name="Back to Settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    check_page(page, 360)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_pages_without_a_form_of_their_own_pass_the_checks(new_page, color_scheme):
    # The page for an address only a button uses, and the one for recovery codes whose few
    # minutes are over: axe clean and no sideways scrolling at 360 px, light and dark.
    page = new_page(PHONE, color_scheme=color_scheme, user=person())
    page.goto("/settings/pin/")
    check_page(page, 360)
    page.goto("/recovery-codes/")
    expect(page.get_by_text("They can't be shown here again.")).to_be_visible()
    check_page(page, 360)
