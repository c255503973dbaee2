"""Privacy on a shared phone, in a real browser: the lock after the idle time, Leave quickly
(the button, the keyboard and Escape twice), and what Back shows afterwards."""

import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from selftrust.accounts import lock
from selftrust.accounts.models import LockAfter
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import PromiseFactory, UserFactory

PIN = "2580"
PROMISE = "Call my sister on Sunday"
LOCK_PAGE = re.compile(r"/lock/\?next=")
AWAY = re.compile(r"/away/$")
SCREENS = [
    pytest.param(PHONE, "light", id="phone-light"),
    pytest.param(DESKTOP, "dark", id="desktop-dark"),
]
OTHER_SCREENS = [
    pytest.param(PHONE, "dark", id="phone-dark"),
    pytest.param(DESKTOP, "light", id="desktop-light"),
]


def person(lock_after=LockAfter.ONE_MINUTE, pin=PIN):
    user = UserFactory(lock_after_minutes=lock_after)
    if pin:
        user.set_lock_pin(pin)
    PromiseFactory(user=user, text=PROMISE)
    return user


def history_length(page) -> int:
    return page.evaluate("history.length")


@pytest.mark.parametrize(("viewport", "scheme"), SCREENS)
def test_the_lock_comes_after_the_idle_time_hides_everything_and_opens_with_the_pin(
    new_page, viewport, scheme
):
    page = new_page(viewport, color_scheme=scheme, user=person())
    page.clock.install()
    page.goto("/today/")
    expect(page.get_by_text(PROMISE)).to_be_visible()
    # The kept offline plan is wiped before the lock page: both ways another script may hear it.
    page.evaluate(
        """() => {
            localStorage.setItem("selftrust:kept-plan", JSON.stringify({account: "x", renewed: 0}));
            document.addEventListener("selftrust:wipe-offline-plan",
                () => sessionStorage.setItem("heard-wipe", "yes"));
        }"""
    )

    page.clock.fast_forward(50_000)
    expect(page.get_by_text(PROMISE)).to_be_visible()  # not yet
    page.clock.fast_forward(11_000)

    expect(page).to_have_url(LOCK_PAGE)
    expect(page.get_by_role("heading", level=1)).to_have_text("Locked for now")
    expect(page.get_by_text(PROMISE)).to_have_count(0)
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    expect(page.get_by_role("link", name="Use my passphrase instead")).to_be_visible()
    assert page.evaluate("localStorage.getItem('selftrust:kept-plan')") is None
    assert page.evaluate("sessionStorage.getItem('heard-wipe')") == "yes"
    check_page(page)

    # Held on the server: asking for the page itself shows the lock.
    page.goto("/today/")
    expect(page).to_have_url(LOCK_PAGE)
    expect(page.get_by_text(PROMISE)).to_have_count(0)

    page.get_by_label("Your PIN").fill("1357")
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("alert")).to_contain_text("You can try 4 more times")
    page.get_by_label("Your PIN").fill(PIN)
    page.get_by_role("button", name="Unlock").click()
    expect(page).to_have_url(re.compile(r"/today/$"))
    expect(page.get_by_text(PROMISE)).to_be_visible()


def test_activity_keeps_the_lock_away(new_page):
    page = new_page(PHONE, user=person())
    page.clock.install()
    page.goto("/today/")
    for _ in range(3):
        page.clock.fast_forward(40_000)
        page.mouse.move(10, 200)
        page.keyboard.press("Shift")
    expect(page).to_have_url(re.compile(r"/today/$"))
    expect(page.get_by_text(PROMISE)).to_be_visible()


def test_a_check_in_on_a_page_locked_elsewhere_goes_to_the_lock_without_a_trace(new_page):
    page = new_page(PHONE, user=person(lock_after=LockAfter.AN_HOUR))
    page.goto("/promises/")
    page.goto("/today/")
    before = history_length(page)
    # Locked on the server meanwhile (Leave quickly in another tab, say).
    cookie = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=cookie["value"])
    lock.lock(session)
    session.save()

    page.get_by_role("button", name="Kept", exact=True).click()  # an htmx request

    expect(page).to_have_url(re.compile(r"/lock/\?next=%2Ftoday%2F$"))
    expect(page.get_by_text(PROMISE)).to_have_count(0)
    assert history_length(page) == before


def test_lock_now_from_the_header(new_page):
    page = new_page(DESKTOP, user=person(lock_after=LockAfter.OFF))
    page.goto("/today/")
    page.get_by_role("navigation", name="Main").get_by_role("button", name="Lock now").click()
    expect(page).to_have_url(LOCK_PAGE)
    expect(page.get_by_text(PROMISE)).to_have_count(0)


@pytest.mark.parametrize(("viewport", "scheme"), OTHER_SCREENS)
def test_leave_quickly_lands_on_a_plain_page_and_back_shows_the_lock(new_page, viewport, scheme):
    page = new_page(viewport, color_scheme=scheme, user=person(lock_after=LockAfter.AN_HOUR))
    page.goto("/today/")
    page.goto("/settings/")
    expect(page.get_by_role("region", name="Privacy on this device")).to_be_visible()
    check_page(page)
    before = history_length(page)

    button = page.get_by_role("button", name="Leave quickly")
    expect(button).to_be_visible()
    expect(button).to_be_in_viewport()
    button.click()

    expect(page).to_have_url(AWAY)
    expect(page).to_have_title("Notes")
    assert history_length(page) == before
    assert "Selftrust" not in page.content()
    check_page(page)

    page.go_back()
    expect(page).to_have_url(LOCK_PAGE)
    expect(page.get_by_text(PROMISE)).to_have_count(0)
    page.get_by_label("Your PIN").fill(PIN)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_text(PROMISE)).to_be_visible()


def test_escape_twice_leaves_quickly_even_while_writing_and_signs_out_without_a_lock(new_page):
    page = new_page(PHONE, user=person(lock_after=LockAfter.OFF, pin=None))
    page.clock.install()
    page.goto("/today/")
    page.goto("/promises/new/")
    before = history_length(page)
    field = page.get_by_role("textbox").first
    field.fill("Something I'd rather nobody saw")

    page.keyboard.press("Escape")
    page.clock.fast_forward(1_500)
    page.keyboard.press("Escape")  # more than a second apart: nothing happens
    expect(page).to_have_url(re.compile(r"/promises/new/$"))

    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page).to_have_url(AWAY)
    assert history_length(page) == before

    page.go_back()
    expect(page).to_have_url(re.compile(r"/login/"))
    expect(page.get_by_text(PROMISE)).to_have_count(0)


def test_leave_quickly_works_from_the_keyboard_alone(new_page):
    page = new_page(DESKTOP, color_scheme="dark")
    page.goto("/help/")
    button = page.get_by_role("button", name="Leave quickly")
    for _ in range(6):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Leave quickly was not reached within 6 Tab presses")
    page.keyboard.press("Enter")
    expect(page).to_have_url(AWAY)


def test_ground_me_now_keeps_leave_quickly_below_its_own_header(new_page):
    page = new_page(PHONE)
    page.goto("/ground/")
    expect(page.get_by_role("button", name="Leave quickly")).to_have_count(1)
    expect(page.get_by_role("button", name="Leave quickly")).to_be_in_viewport()
    check_page(page)
