"""Questionnaires on a 360 px phone: one question a screen, one main action, answers move on."""

import re

from playwright.sync_api import expect

from selftrust.assessments.models import AssessmentResponse
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import UserFactory

# Longer than the pause before moving on (questionnaire.js), so "it stayed" means it.
LONGER_THAN_THE_PAUSE_MS = 900


def open_phq9(new_page, viewport=PHONE, **options):
    page = new_page(viewport, user=UserFactory(), **options)
    page.goto("/assessments/phq-9/")
    return page


def progress(page):
    return page.locator("[data-progress]")


def on_screen(page):
    return page.locator("[data-question]:visible")


def tap(page, label: str):
    on_screen(page).get_by_label(label, exact=True).click()


def main_actions(page):
    return page.locator("form[data-questionnaire] button.primary:visible")


def answer_scored_questions_up_to_9(page):
    for number in range(1, 9):
        expect(progress(page)).to_have_text(f"Question {number} of 9")
        tap(page, "Not at all")
    expect(progress(page)).to_have_text("Question 9 of 9")


def checked(page, width=360):
    """check_page, once the next question has faded in and the draft is saved."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    wait_for_draft_saves(page)
    check_page(page, width)


def wait_for_draft_saves(page):
    # The test server shares one SQLite connection between threads: let the last autosave
    # finish before the form is sent (a real server has one each).
    page.wait_for_function(
        "() => !document.querySelector('form').classList.contains('htmx-request')"
    )


def test_the_first_screen_has_next_as_its_one_main_action_and_no_back(new_page, db):
    page = open_phq9(new_page)
    expect(progress(page)).to_have_text("Question 1 of 9")
    expect(on_screen(page)).to_have_count(1)
    expect(main_actions(page)).to_have_text(["Next"])
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    expect(page.get_by_role("button", name="See my result")).to_be_hidden()
    # Saving for later and skipping stay at hand, quietly.
    expect(page.get_by_role("button", name="Save and finish later")).to_be_visible()
    expect(page.get_by_role("button", name="Save and finish later")).not_to_have_class(
        re.compile("primary")
    )
    expect(page.get_by_role("link", name="Skip this for now")).to_be_visible()
    checked(page)


def test_choosing_an_answer_moves_on_and_back_returns_with_it_kept(new_page, db):
    page = open_phq9(new_page)
    tap(page, "Several days")
    expect(progress(page)).to_have_text("Question 2 of 9")
    expect(on_screen(page).locator("legend")).to_contain_text("Feeling down")
    expect(on_screen(page).locator("legend")).to_be_focused()
    expect(main_actions(page)).to_have_text(["Next"])
    page.get_by_role("button", name="Back").click()
    expect(progress(page)).to_have_text("Question 1 of 9")
    expect(on_screen(page).get_by_label("Several days", exact=True)).to_be_checked()
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    checked(page)
    # Tapping the answer already chosen moves on again.
    tap(page, "Several days")
    expect(progress(page)).to_have_text("Question 2 of 9")
    wait_for_draft_saves(page)


def test_arrow_keys_move_between_answers_without_moving_on(new_page, db):
    page = open_phq9(new_page)
    on_screen(page).get_by_label("Not at all", exact=True).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(LONGER_THAN_THE_PAUSE_MS)
    expect(progress(page)).to_have_text("Question 1 of 9")
    expect(on_screen(page).get_by_label("More than half the days", exact=True)).to_be_checked()
    # Enter means "this one": it moves on, and does not send the form from question 1.
    page.keyboard.press("Enter")
    expect(progress(page)).to_have_text("Question 2 of 9")
    expect(page).to_have_url(re.compile(r"/assessments/phq-9/$"))
    # Space chooses the answer with focus, and moves on too.
    on_screen(page).get_by_label("Not at all", exact=True).focus()
    page.keyboard.press("Space")
    expect(progress(page)).to_have_text("Question 3 of 9")
    wait_for_draft_saves(page)


def test_the_scored_questions_then_the_difficulty_question_then_see_my_result(new_page, db):
    page = open_phq9(new_page)
    answer_scored_questions_up_to_9(page)
    expect(page.get_by_role("button", name="See my result")).to_be_hidden()
    tap(page, "Not at all")
    expect(progress(page)).to_have_text("One more question, not part of the score")
    expect(on_screen(page).locator("legend")).to_contain_text("how difficult")
    # The last screen: See my result is now the one main action, and Next has gone.
    expect(main_actions(page)).to_have_text(["See my result"])
    expect(page.get_by_role("button", name="Back")).to_be_visible()
    tap(page, "Somewhat difficult")
    page.wait_for_timeout(LONGER_THAN_THE_PAUSE_MS)
    expect(progress(page)).to_have_text("One more question, not part of the score")
    checked(page)
    wait_for_draft_saves(page)
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your PHQ-9 result")
    stored = AssessmentResponse.objects.get()
    assert (stored.total, stored.extra_answer) == (0, 1)


def test_item_9_above_0_shows_crisis_resources_at_once_and_waits_there(new_page, db):
    page = open_phq9(new_page)
    answer_scored_questions_up_to_9(page)
    tap(page, "Several days")
    panel = page.locator("#safety-now")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", name="You don't have to hold this alone")).to_be_focused()
    page.wait_for_timeout(LONGER_THAN_THE_PAUSE_MS)
    # It does not move on by itself: the resources stay in view until the person carries on.
    expect(progress(page)).to_have_text("Question 9 of 9")
    expect(panel).to_be_visible()
    expect(page.get_by_text("You can carry on with the questions")).to_be_visible()
    checked(page)
    page.get_by_role("button", name="Next").click()
    expect(progress(page)).to_have_text("One more question, not part of the score")
    # Saving for later from here still brings support to the next page.
    wait_for_draft_saves(page)
    page.get_by_role("button", name="Save and finish later").click()
    expect(page).to_have_url(re.compile(r"/assessments/$"))
    expect(page.get_by_role("heading", name="You don't have to hold this alone")).to_be_visible()


def test_item_9_arrowed_onto_shows_the_resources_without_taking_the_focus(new_page, db):
    page = open_phq9(new_page)
    answer_scored_questions_up_to_9(page)
    on_screen(page).get_by_label("Not at all", exact=True).focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#safety-now")).to_be_visible()
    expect(on_screen(page).get_by_label("Several days", exact=True)).to_be_focused()
    expect(progress(page)).to_have_text(re.compile("Support is shown below the question"))
    page.wait_for_timeout(LONGER_THAN_THE_PAUSE_MS)
    expect(on_screen(page).locator("legend")).to_contain_text("better off dead")
    # Arrowing back to "Not at all" hides them again, and the count comes back.
    page.keyboard.press("ArrowUp")
    expect(page.locator("#safety-now")).to_be_hidden()
    expect(progress(page)).to_have_text("Question 9 of 9")
    wait_for_draft_saves(page)


def test_with_less_motion_asked_for_it_moves_on_without_animating(new_page, db):
    page = open_phq9(new_page, reduced_motion="reduce")
    tap(page, "Nearly every day")
    expect(progress(page)).to_have_text("Question 2 of 9")
    expect(page.locator("[data-question].arriving")).to_have_count(0)
    wait_for_draft_saves(page)


def test_dark_mode_on_a_phone_is_readable_on_the_first_and_last_screens(new_page, db):
    page = open_phq9(new_page, color_scheme="dark")
    tap(page, "Several days")
    page.get_by_role("button", name="Back").click()
    checked(page)
    answer_scored_questions_up_to_9(page)
    tap(page, "Not at all")
    expect(progress(page)).to_have_text("One more question, not part of the score")
    checked(page)


def test_on_a_desktop_every_question_shows_with_see_my_result_the_one_main_action(new_page, db):
    page = open_phq9(new_page, DESKTOP)
    expect(page.locator("[data-question]:visible")).to_have_count(10)
    expect(progress(page)).to_be_hidden()
    expect(main_actions(page)).to_have_text(["See my result"])
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    expect(page.get_by_role("button", name="Next")).to_be_hidden()
    page.locator("fieldset:has(input[name='item_1'])").get_by_label("Several days").click()
    page.wait_for_timeout(LONGER_THAN_THE_PAUSE_MS)
    expect(page.locator("[data-question]:visible")).to_have_count(10)
    checked(page, None)
