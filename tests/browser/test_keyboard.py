"""Keyboard-only use, and the breathing pacer's respect for reduced motion."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import PromiseFactory

FOCUSED = """() => {
    const el = document.activeElement;
    return el ? (el.innerText || el.getAttribute('aria-label') || el.id || el.tagName).trim() : '';
}"""


def tab_until(page, predicate, limit=30):
    """Press Tab until predicate(page) is true; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if predicate(page):
            return presses
    pytest.fail(f"not reached with {limit} Tab presses; focus is on {page.evaluate(FOCUSED)!r}")


def focused_text(page):
    return page.evaluate(FOCUSED)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_skip_link_then_safety_links_come_first(new_page, viewport):
    page = new_page(viewport)
    page.goto("/")

    page.keyboard.press("Tab")
    assert focused_text(page) == "Skip to content"
    expect(page.get_by_role("link", name="Skip to content")).to_be_in_viewport()

    ground = tab_until(page, lambda p: focused_text(p) == "Ground me now", limit=3)
    help_ = tab_until(page, lambda p: focused_text(p) == "Get help now", limit=1)
    assert 1 + ground + help_ <= 4

    # The skip link takes focus to the page's content.
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_check_in_with_the_keyboard_is_announced(new_page):
    promise = PromiseFactory(text="Drink a glass of water")
    page = new_page(PHONE, user=promise.user)
    page.goto("/today/")
    kept = page.get_by_role("button", name="Kept", exact=True)

    tab_until(page, lambda p: kept.evaluate("el => el === document.activeElement"))
    page.keyboard.press("Enter")

    expect(kept).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-announcer]")).to_have_text("Saved. You answered: kept.")
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_have_count(1)
    # Focus comes back to the same button in the new card, so the person isn't lost.
    expect(kept).to_be_focused()

    # And the answer can be changed from there without reaching for a mouse.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Partly")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Partly")).to_have_attribute("aria-pressed", "true")
    expect(kept).to_have_attribute("aria-pressed", "false")
    expect(page.locator("[data-announcer]")).to_have_text("Saved. You answered: partly.")


def test_grounding_steps_with_enter_and_space(new_page):
    page = new_page(PHONE)
    page.goto("/ground/")
    status = page.locator("[data-step-status]")
    expect(status).to_contain_text("Step 1 of 5")
    next_button = page.get_by_role("button", name="Next")

    tab_until(page, lambda p: next_button.evaluate("el => el === document.activeElement"))
    page.keyboard.press("Enter")
    expect(status).to_contain_text("Step 2 of 5: Name 4 things you can feel.")
    page.keyboard.press("Space")
    expect(status).to_contain_text("Step 3 of 5")
    expect(page.locator("[data-steps] li").nth(2)).to_be_visible()

    # Back is reachable now too.
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Back")).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_contain_text("Step 2 of 5")
    # Back to the first step disables Back; focus moves to Next rather than being lost.
    page.keyboard.press("Space")
    expect(status).to_contain_text("Step 1 of 5")
    expect(page.get_by_role("button", name="Back")).to_be_disabled()
    expect(next_button).to_be_focused()


@pytest.mark.parametrize(
    ("reduced_motion", "animation"), [("reduce", "none"), ("no-preference", "breathe")]
)
def test_breathing_circle_respects_reduced_motion(new_page, reduced_motion, animation):
    page = new_page(PHONE, reduced_motion=reduced_motion)
    page.goto("/ground/")
    toggle = page.get_by_role("button", name="Start breathing")
    toggle.focus()
    page.keyboard.press("Enter")
    # The label says what the button will do next; no pressed state alongside a changing label.
    expect(page.get_by_role("button", name="Pause")).to_be_focused()
    circle = page.locator(".pacer")
    expect(circle).to_have_class("pacer running")
    assert circle.evaluate("el => getComputedStyle(el).animationName") == animation
    expect(page.locator("[data-pacer-cue]")).to_have_text("Breathe in…")
