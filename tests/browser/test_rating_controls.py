"""One rating control everywhere: a 0 to 10 slider with labelled ends and the number beside
it, operated by keyboard and read out meaningfully; an untouched slider saves nothing; and
without script it still works (issue 15, item 5). On a 360 px phone and a 1280 px desktop, in
light and dark."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from selftrust.practices.models import Entry, ThoughtRecord
from tests.browser.conftest import DESKTOP, PHONE, check_page, log_in
from tests.factories import UserFactory

GROUNDING = reverse("practices:new", args=["grounding"])
THOUGHT_RECORD = reverse("practices:new", args=["thought-record"])
BEFORE = "How distressed do you feel right now?"
AFTER = "And now, after the exercise?"
LOOKS = {
    "phone-light": (PHONE, "light"),
    "phone-dark": (PHONE, "dark"),
    "desktop-light": (DESKTOP, "light"),
    "desktop-dark": (DESKTOP, "dark"),
}


def rating(page, question):
    """The slider asked with `question`, and the field it sits in."""
    slider = page.get_by_role("slider", name=question)
    return slider, slider.locator("xpath=ancestor::div[@data-rating]")


@pytest.mark.parametrize("look", LOOKS)
def test_the_slider_is_keyboard_operable_and_says_its_number(new_page, db, look):
    viewport, scheme = LOOKS[look]
    page = new_page(viewport, color_scheme=scheme, user=UserFactory())
    page.goto(GROUNDING)
    slider, field = rating(page, BEFORE)
    number = field.locator("output")
    box = field.get_by_label("Save my rating")

    # Not rated until the person chooses: the box is unticked, and the number and the slider
    # say so.
    expect(box).not_to_be_checked()
    expect(number).to_have_text("Not rated")
    expect(slider).to_have_attribute("aria-valuetext", "Not rated")
    expect(field.locator(".rating-ends")).to_have_text(
        re.compile(r"0 calm\s*10 the most distress I can imagine")
    )
    # The slider fits beside its number on a phone, and its ends are labelled under it.
    assert slider.bounding_box()["width"] >= 180
    check_page(page, viewport["width"])

    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(box).to_be_checked()
    expect(number).to_have_text("6")
    expect(slider).to_have_attribute("aria-valuetext", "6 of 10")
    page.keyboard.press("Home")
    expect(number).to_have_text("0")
    expect(slider).to_have_attribute("aria-valuetext", "0 of 10, calm")
    page.keyboard.press("End")
    expect(slider).to_have_attribute("aria-valuetext", "10 of 10, the most distress I can imagine")
    # Choosing not to rate it after all is one tap (and the draft keeps that choice).
    with page.expect_response(re.compile(r"/drafts/practice:grounding:new/")):
        box.uncheck()
    expect(number).to_have_text("Not rated")
    expect(slider).to_have_attribute("aria-valuetext", "Not rated")
    check_page(page, viewport["width"])


def test_an_untouched_slider_saves_nothing_and_a_chosen_one_shows_of_ten(new_page, db):
    user = UserFactory()
    page = new_page(DESKTOP, user=user)
    page.goto(GROUNDING)
    before, _field = rating(page, BEFORE)
    before.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # 5, the middle, then 8
    page.get_by_role("group", name="Which exercise?").get_by_label("Paced breathing").check()
    # "After" is left as it was: never touched, never saved.
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/"))
    answers = page.locator("dl.answers")
    expect(answers).to_contain_text("8 (of 10)")
    expect(answers).not_to_contain_text(AFTER)
    check_page(page)
    assert Entry.objects.get(user=user).data == {"before": 8, "exercise": "breathing"}


def test_a_touch_that_leaves_the_slider_in_the_middle_still_counts(new_page, db):
    user = UserFactory()
    page = new_page(DESKTOP, user=user)
    page.goto(GROUNDING)
    before, field = rating(page, BEFORE)
    before.click()  # the middle of the track: 5, where it already stood
    expect(field.locator("output")).to_have_text("5")
    page.get_by_role("group", name="Which exercise?").get_by_label("Paced breathing").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/"))
    assert Entry.objects.get(user=user).data == {"before": 5, "exercise": "breathing"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_thought_record_rates_belief_and_feelings_on_one_scale(new_page, db, scheme):
    user = UserFactory()
    page = new_page(DESKTOP, color_scheme=scheme, user=user)
    page.goto(THOUGHT_RECORD)
    page.get_by_label("What was happening?").fill("A friend didn't answer my message.")
    page.get_by_label("What went through your mind?").fill("She's annoyed with me.")
    belief, belief_field = rating(page, "How much do you believe the thought, from 0 to 10?")
    # A number is needed here: no box to tick, and until it is chosen it says "Not rated".
    expect(belief_field.get_by_label("Save my rating")).to_be_hidden()
    expect(belief_field.locator("output")).to_have_text("Not rated")
    page.get_by_label("Feeling 1", exact=True).select_option("anxious")
    feeling, _field = rating(page, "How strong, feeling 1 (0 to 10)")
    feeling.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 7
    check_page(page)

    # Saved without the belief: asked for, kindly, and nothing else is lost.
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Something below needs another look")
    expect(page.locator("form .errorlist")).to_have_text(
        "Choose a number from 0 to 10 on the slider; a rough guess is fine."
    )
    expect(page.get_by_label("What went through your mind?")).to_have_value(
        "She's annoyed with me."
    )
    # The page came back with its errors: its scripts take over the sliders once it has
    # loaded, so keys pressed before that (under load, in CI) would be lost to them.
    page.wait_for_load_state("load")
    belief, _field = rating(page, "How much do you believe the thought, from 0 to 10?")
    belief.focus()
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")  # 9
    # The re-rating says what was rated before, on the same scale.
    expect(page.get_by_text("Anxious, 7 before.")).to_be_visible()
    expect(page.get_by_text("9 before.", exact=True)).to_be_visible()
    again, _field = rating(page, "How strong now, feeling 1 (0 to 10)")
    again.focus()
    for _ in range(2):
        page.keyboard.press("ArrowLeft")  # from the middle, 5, to 3
    check_page(page)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/"))
    expect(page.get_by_text("Each rated from 0 to 10.")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("^Anxious"))
    expect(row).to_contain_text("7 of 10")
    expect(row).to_contain_text("3 of 10")
    check_page(page)
    record = ThoughtRecord.objects.get(entry__user=user)
    assert (record.belief_before, record.belief_after) == (9, None)
    assert record.emotions == [{"emotion": "anxious", "before": 7, "after": 3}]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_without_script_the_slider_still_works_and_the_number_shows_once_saved(
    browser, live_server, db, viewport
):
    user = UserFactory()
    context = browser.new_context(
        viewport=viewport, base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    try:
        log_in(context, live_server, user)
        page = context.new_page()
        page.goto(GROUNDING)
        before, field = rating(page, BEFORE)
        # No number beside it (it couldn't follow the slider), and a note on the box.
        expect(field.locator("output")).to_be_hidden()
        expect(field.get_by_text("then tick this to save the number")).to_be_visible()
        before.focus()
        page.keyboard.press("End")
        page.keyboard.press("ArrowLeft")  # 9: the slider itself needs no script
        field.get_by_label("Save my rating").check()
        page.get_by_role("group", name="Which exercise?").get_by_label("Paced breathing").check()
        # (No axe here: it runs as a script, and this page has none. The pages with script
        # are checked above.)
        page.get_by_role("button", name="Save", exact=True).click()

        expect(page).to_have_url(re.compile(r"/practice/entries/\d+/"))
        expect(page.locator("dl.answers")).to_contain_text("9 (of 10)")
        # "After" was never touched: its box stayed unticked, so nothing was saved for it.
        assert Entry.objects.get(user=user).data == {"before": 9, "exercise": "breathing"}
    finally:
        context.close()
