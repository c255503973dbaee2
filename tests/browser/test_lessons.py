"""Lessons, read without an account: no axe violations and no sideways scrolling, in light
mode on a desktop and dark mode on a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, check_page

LOOKS = {
    "light-desktop": {"viewport": DESKTOP, "color_scheme": "light"},
    "dark-phone": {"viewport": PHONE, "color_scheme": "dark"},
}
# The longest lesson (a heading per approach) and one with lists and the not-therapy note.
PAGES = {
    "list": ("/lessons/", "Lessons"),
    "therapy-approaches": ("/lessons/therapy-approaches/", "Therapy approaches that can help"),
    "listening-to-your-body": ("/lessons/listening-to-your-body/", "Listening to your body"),
}


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("name", PAGES)
def test_lesson_pages_are_accessible_and_fit(new_page, name, look):
    settings = LOOKS[look]
    path, heading = PAGES[name]
    page = new_page(settings["viewport"], color_scheme=settings["color_scheme"])
    response = page.goto(path)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    expect(page.get_by_role("link", name="Ground me now")).to_be_visible()
    check_page(page, settings["viewport"]["width"])


def test_a_reader_can_go_from_the_list_to_a_lesson_and_on_to_the_next(new_page):
    page = new_page(PHONE)
    page.goto("/lessons/")
    page.get_by_role("link", name="What self-trust is").click()
    expect(page.get_by_role("heading", level=1, name="What self-trust is")).to_be_visible()
    page.get_by_role("link", name="Read: How trauma affects self-trust (3 min)").click()
    expect(
        page.get_by_role("heading", level=1, name="How trauma affects self-trust")
    ).to_be_visible()
