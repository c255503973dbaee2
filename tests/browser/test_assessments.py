"""Taking questionnaires in a real browser: the safety response, one question per screen, results."""

import re

import pytest
from playwright.sync_api import expect

from selftrust.assessments.instruments import GAD7, INSTRUMENTS
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.services import answers_so_far
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import UserFactory


def answer(page, item: int, label: str):
    page.locator(f"fieldset:has(input[name='item_{item}'])").get_by_label(label, exact=True).check()


def test_phq9_item_9_brings_crisis_resources_forward_at_once(new_page, db):
    user = UserFactory()
    page = new_page(DESKTOP, user=user)
    page.goto("/assessments/phq-9/")
    panel = page.locator("#safety-now")
    expect(panel).to_be_hidden()
    for item in range(1, 9):
        answer(page, item, "Not at all")
    expect(panel).to_be_hidden()
    answer(page, 9, "Several days")
    # Shown before the questionnaire is finished, with help one tap away and focus on it.
    expect(panel).to_be_visible()
    expect(panel.get_by_role("link", name=re.compile("988"))).to_have_count(2)
    expect(panel.get_by_role("heading", name="You don't have to hold this alone")).to_be_focused()
    expect(page.get_by_text("You can carry on with the questions")).to_be_visible()
    check_page(page)
    # Changing the answer back to 0 hides it again; the person stays in control.
    answer(page, 9, "Not at all")
    expect(panel).to_be_hidden()
    answer(page, 9, "Nearly every day")
    page.get_by_role("button", name="See my result").click()
    expect(page).to_have_url(re.compile(r"/assessments/results/\d+/$"))
    expect(page.locator("#safety-result")).to_be_visible()
    expect(page.get_by_text("This is not a diagnosis.")).to_be_visible()
    check_page(page)


def test_phone_shows_one_question_at_a_time_and_keeps_answers_going_back(new_page, db):
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto("/assessments/gad-7/")
    questions = page.locator("[data-question]")
    expect(page.locator("[data-progress]")).to_have_text("Question 1 of 7")
    expect(questions.nth(0)).to_be_visible()
    expect(questions.nth(1)).to_be_hidden()
    answer(page, 1, "Several days")
    # Choosing an answer moves on by itself; Back returns with it kept.
    expect(page.locator("[data-progress]")).to_have_text("Question 2 of 7")
    page.get_by_role("button", name="Back").click()
    expect(questions.nth(0).get_by_label("Several days", exact=True)).to_be_checked()
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    check_page(page, 360)
    # The answer was saved as a draft while typing: leaving and coming back keeps it.
    page.wait_for_function(
        "() => !document.querySelector('form').classList.contains('htmx-request')"
    )
    page.goto("/assessments/")
    expect(
        page.get_by_role("link", name=re.compile(r"Continue \(1 of 7 answered\)"))
    ).to_be_visible()
    page.goto("/assessments/gad-7/")
    expect(page.locator("[data-progress]")).to_have_text("Question 2 of 7")
    assert answers_so_far(user, GAD7)[0][0] == 1


@pytest.mark.parametrize("slug", list(INSTRUMENTS))
def test_each_instrument_can_be_taken_and_shows_result_and_trend(new_page, db, slug):
    instrument = INSTRUMENTS[slug]
    user = UserFactory()
    page = new_page(DESKTOP, color_scheme="dark", user=user)
    page.goto(f"/assessments/{slug}/")
    check_page(page)
    first_label = instrument.options[0][1]
    for item in range(1, len(instrument.items) + 1):
        answer(page, item, first_label)
    # The test server shares one in-memory SQLite connection between its threads, so the last
    # answer's autosave and the submit must not overlap here (a real server has one each).
    page.wait_for_function(
        "() => !document.querySelector('form').classList.contains('htmx-request')"
    )
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Your {instrument.short_name} result"
    )
    expect(page.get_by_text("This is not a diagnosis.")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="See how it has changed").click()
    expect(page.locator("svg.chart")).to_be_visible()
    expect(page.locator("table tbody tr")).to_have_count(1)
    check_page(page)
    assert AssessmentResponse.objects.filter(user=user, instrument_slug=slug).count() == 1


def test_overview_is_calm_and_accessible_on_a_phone(new_page, db):
    page = new_page(PHONE, user=UserFactory())
    page.goto("/assessments/")
    expect(page.get_by_text("not diagnosis")).to_be_visible()
    check_page(page, 360)
