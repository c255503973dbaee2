"""The header on a phone: under 100px on every page, Ground me now, Get help now and Leave
quickly always in sight, everything else in one Menu (with and without JavaScript, by touch
and by keyboard); a wide screen shows every link in a row and has no Menu."""

import re

import pytest
from playwright.sync_api import expect

from selftrust.accounts.models import LockAfter
from tests.browser.conftest import DESKTOP, PHONE, check_page, log_in
from tests.factories import UserFactory

TALLEST = 100  # px, at 360 x 740; it was 178 before the menu
TAP = 44  # px, the smallest a button or link in the header may be
SIGNED_IN_PAGES = ["/today/", "/promises/", "/practice/", "/help/", "/settings/"]
SIGNED_OUT_PAGES = ["/login/", "/help/", "/"]
IN_THE_MENU = [
    "Today",
    "Promises",
    "Progress",
    "Practice",
    "How I'm doing",
    "Therapist",
    "Settings",
]
MENU_BUTTONS = ["Lock now", "Log out"]


def person():
    """Someone with a lock, so the menu holds Lock now too."""
    user = UserFactory(lock_after_minutes=LockAfter.OFF)
    user.set_lock_pin("2580")
    return user


def menu(page):
    return page.get_by_role("banner").locator("summary", has_text="Menu")


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def always_there(page):
    banner = page.get_by_role("banner")
    return [
        banner.get_by_role("link", name="Ground me now"),
        banner.get_by_role("link", name="Get help now"),
        banner.get_by_role("button", name="Leave quickly"),
    ]


def assert_at_least_a_tap(locator):
    box = locator.bounding_box()
    assert box["height"] >= TAP and box["width"] >= TAP, (locator, box)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("signed_in", [True, False], ids=["signed-in", "signed-out"])
def test_the_phone_header_is_under_100px_with_the_three_safety_buttons_in_sight(
    new_page, scheme, signed_in
):
    page = new_page(PHONE, color_scheme=scheme, user=person() if signed_in else None)
    for path in SIGNED_IN_PAGES if signed_in else SIGNED_OUT_PAGES:
        response = page.goto(path)
        assert response.status == 200, path

        height = page.get_by_role("banner").bounding_box()["height"]
        assert height < TALLEST, f"the header on {path} is {height}px tall"
        for action in always_there(page):
            expect(action).to_be_in_viewport(ratio=1)
            assert_at_least_a_tap(action)
        # Never inside the menu, where a closed menu would hide them.
        expect(page.locator("details").get_by_role("link", name="Ground me now")).to_have_count(0)
        expect(page.locator("details").get_by_role("link", name="Get help now")).to_have_count(0)
        expect(page.locator("details").get_by_role("button", name="Leave quickly")).to_have_count(0)
        if signed_in:
            expect(menu(page)).to_be_in_viewport(ratio=1)
            assert_at_least_a_tap(menu(page))
            expect(main_nav(page)).to_be_hidden()
        else:
            expect(menu(page)).to_have_count(0)
        check_page(page)


def test_the_menu_opens_with_a_tap_and_holds_everything_else(new_page):
    page = new_page(PHONE, user=person())
    page.goto("/today/")
    expect(menu(page)).to_have_attribute("aria-expanded", "false")

    menu(page).click()

    expect(menu(page)).to_have_attribute("aria-expanded", "true")
    nav = main_nav(page)
    expect(nav).to_be_visible()
    for name in IN_THE_MENU:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_in_viewport(ratio=1)
        assert_at_least_a_tap(nav.get_by_role("link", name=name, exact=True))
    for name in MENU_BUTTONS:
        expect(nav.get_by_role("button", name=name)).to_be_in_viewport(ratio=1)
    expect(nav.get_by_role("link", name="Today")).to_have_attribute("aria-current", "page")
    # Open, it lies over the page: the header itself stays the same height.
    assert page.get_by_role("banner").bounding_box()["height"] < TALLEST
    for action in always_there(page):
        expect(action).to_be_visible()
    check_page(page)

    nav.get_by_role("link", name="Progress").click()
    expect(page).to_have_url(re.compile(r"/progress/$"))
    expect(main_nav(page)).to_be_hidden()


def test_a_tap_elsewhere_closes_the_menu(new_page):
    page = new_page(PHONE, user=person())
    page.goto("/today/")
    menu(page).click()
    expect(main_nav(page)).to_be_visible()

    page.mouse.click(180, 720)  # below the open menu, on the page

    expect(main_nav(page)).to_be_hidden()
    expect(menu(page)).to_have_attribute("aria-expanded", "false")


def test_the_menu_works_from_the_keyboard_and_escape_closes_it_without_leaving(new_page):
    page = new_page(PHONE, user=person())
    page.goto("/promises/")
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert order == [
        "Skip to content",
        "Selftrust",
        "Ground me now",
        "Get help now",
        "Leave quickly",
        "Menu",
    ]
    outline = menu(page).evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"  # focus can be seen

    page.keyboard.press("Enter")
    expect(main_nav(page)).to_be_visible()
    expect(menu(page)).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(main_nav(page).get_by_role("link", name="Today")).to_be_focused()

    # Escape closes it and gives focus back to Menu; it is not the first of Leave quickly's two.
    page.keyboard.press("Escape")
    expect(main_nav(page)).to_be_hidden()
    expect(menu(page)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"/promises/$"))

    page.keyboard.press("Space")
    expect(main_nav(page)).to_be_visible()
    # Tabbing on past the last item closes it, so it never covers what has focus.
    for _ in range(len(IN_THE_MENU) + len(MENU_BUTTONS) + 1):
        page.keyboard.press("Tab")
    expect(main_nav(page)).to_be_hidden()


def test_the_menu_opens_and_its_links_work_without_javascript(browser, live_server):
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=False, base_url=live_server.url
    )
    context.set_default_timeout(10_000)
    try:
        log_in(context, live_server, person())
        page = context.new_page()
        page.goto("/today/")
        assert page.get_by_role("banner").bounding_box()["height"] < TALLEST
        expect(main_nav(page)).to_be_hidden()

        menu(page).click()

        expect(main_nav(page).get_by_role("link", name="Settings")).to_be_visible()
        main_nav(page).get_by_role("button", name="Log out").click()
        expect(page).to_have_url(re.compile(r"/login/$"))
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_wide_screen_shows_every_link_in_one_row_and_no_menu(new_page, scheme):
    page = new_page(DESKTOP, color_scheme=scheme, user=person())
    page.goto("/practice/")

    expect(menu(page)).to_be_hidden()
    nav = main_nav(page)
    for name in IN_THE_MENU:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    for name in MENU_BUTTONS:
        expect(nav.get_by_role("button", name=name)).to_be_visible()
    tops = {round(item.bounding_box()["y"]) for item in nav.locator("a, button").all()}
    assert len(tops) == 1, f"the links wrap onto {len(tops)} rows"
    expect(nav.get_by_role("link", name="Practice")).to_have_attribute("aria-current", "page")
    first_row = {round(action.bounding_box()["y"]) for action in always_there(page)}
    assert len(first_row) == 1
    check_page(page)
