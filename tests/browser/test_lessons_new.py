"""The lessons added in the content review, read on a 360 px phone: each shows how sure we are
and its sources, with no axe violations and no sideways scrolling."""

import re

import pytest
from playwright.sync_api import expect

from selftrust.lessons.catalog import LESSONS
from tests.browser.conftest import PHONE, check_page

NEW_LESSONS = [
    "then-or-now",
    "window-of-tolerance-and-dissociation",
    "sleep-and-nightmares",
    "values",
    "self-blame-about-the-trauma",
    "post-traumatic-growth",
]


@pytest.mark.parametrize("slug", NEW_LESSONS)
def test_new_lesson_shows_its_evidence_and_sources_on_a_phone(new_page, slug):
    lesson = LESSONS[slug]
    page = new_page(PHONE)
    response = page.goto(f"/lessons/{slug}/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1, name=lesson.title)).to_be_visible()

    evidence = page.locator(".lesson-evidence")
    evidence.scroll_into_view_if_needed()
    expect(page.get_by_role("heading", level=2, name="How sure are we?")).to_be_visible()
    expect(evidence.get_by_text(f"{lesson.evidence_label}.", exact=True)).to_be_visible()
    expect(evidence.get_by_text(lesson.evidence_note)).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Sources")).to_be_visible()
    sources = page.locator("ol.sources > li")
    expect(sources).to_have_count(len(lesson.sources))
    for index, source in enumerate(lesson.sources):
        expect(sources.nth(index)).to_contain_text(source.title)
        expect(sources.nth(index)).to_be_visible()

    check_page(page, PHONE["width"])


def test_the_label_meanings_open_on_a_phone_in_dark_mode(new_page):
    page = new_page(PHONE, color_scheme="dark")
    page.goto("/lessons/then-or-now/")
    page.get_by_text("What the four labels mean").click()
    for term in ("Strong", "Moderate", "Emerging", "Idea"):
        expect(page.locator("dl.evidence-levels dt", has_text=term)).to_be_visible()
    check_page(page, PHONE["width"])


def test_the_boundaries_lesson_links_to_get_help_now(new_page):
    page = new_page(PHONE)
    page.goto("/lessons/boundaries/")
    body = page.locator(".lesson-body")
    # Once for a wish to disappear that feels like not wanting to be alive, once at the end.
    expect(body.get_by_role("link", name="Get help now")).to_have_count(2)
    body.get_by_role("link", name="Get help now").first.click()
    expect(page).to_have_url(re.compile(r"/help/$"))


def test_the_boundaries_lesson_sends_a_dangerous_no_to_the_support_lines(new_page):
    page = new_page(PHONE)
    page.goto("/lessons/boundaries/")
    page.locator(".lesson-body").get_by_role("link", name="a domestic abuse service").click()
    expect(page).to_have_url(re.compile(r"/help/#support-lines$"))
    expect(page.get_by_role("heading", name="If someone is hurting you")).to_be_in_viewport()
    check_page(page, PHONE["width"])
