"""Grounding on a phone: from the practice list, distress before, the exercise step by step,
how it is now, saved, and the entry that says how far distress came down."""

import re

from playwright.sync_api import expect

from selftrust.drafts.models import Draft
from selftrust.practices.catalog import GROUNDING_GUIDE
from selftrust.practices.models import Entry
from tests.browser.conftest import PHONE, check_page, log_in
from tests.factories import UserFactory

GUIDE = {exercise.slug: exercise for exercise in GROUNDING_GUIDE}


def test_grounding_from_the_practice_list_guides_the_exercise_then_saves(new_page, db):
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto("/practice/")
    page.get_by_role("link", name="Grounding", exact=True).click()
    expect(page).to_have_url("/practice/grounding/new/")
    progress = page.locator("[data-step-progress]")
    next_button = page.get_by_role("button", name="Next", exact=True)

    # Distress before, first.
    expect(progress).to_have_text("Step 1 of 3")
    page.get_by_label("How distressed do you feel right now?").fill("8")
    next_button.click()

    # The exercise: the first one's steps are there to follow before anything is chosen.
    expect(progress).to_have_text("Step 2 of 3")
    expect(page.locator("form.guided [data-step] legend").nth(1)).to_be_focused()
    senses = page.get_by_role("region", name="5-4-3-2-1 senses")
    expect(senses.get_by_role("listitem").first).to_have_text(GUIDE["senses"].steps[0])
    expect(senses.get_by_role("listitem")).to_have_count(len(GUIDE["senses"].steps))
    expect(page.get_by_role("region", name="Paced breathing")).to_be_hidden()
    check_page(page)

    # Choosing another exercise brings its steps instead.
    choice = page.get_by_role("group", name="Which exercise?")
    choice.get_by_label("Paced breathing").check()
    breathing = page.get_by_role("region", name="Paced breathing")
    expect(breathing).to_be_visible()
    expect(senses).to_be_hidden()
    # Back to the first; go through its steps.
    choice.get_by_label("5-4-3-2-1 senses").check()
    expect(breathing).to_be_hidden()
    for step in GUIDE["senses"].steps:
        expect(senses.get_by_text(step)).to_be_visible()
    next_button.click()

    # How is it now?
    expect(progress).to_have_text("Step 3 of 3")
    expect(next_button).to_be_hidden()
    page.get_by_label("And now, after the exercise?").fill("4")
    page.get_by_label("Anything you noticed? (optional)").fill("My feet on the floor helped.")
    check_page(page)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Grounding")
    expect(
        page.get_by_text("How distressed you felt came down from 8 to 4, out of 10, as you worked")
    ).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("reach out"))).to_have_count(0)
    expect(page.locator("dl.answers")).to_contain_text("5-4-3-2-1 senses")
    check_page(page)
    entry = Entry.objects.get(user=user)
    assert entry.data == {
        "before": 8,
        "exercise": "senses",
        "after": 4,
        "notes": "My feet on the floor helped.",
    }
    assert not Draft.objects.filter(user=user).exists()


def test_the_exercise_is_kept_as_a_draft_while_the_person_goes_through_it(new_page, db):
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto("/practice/grounding/new/")
    page.get_by_label("How distressed do you feel right now?").fill("7")
    page.get_by_role("button", name="Next", exact=True).click()
    # "Draft kept safe." may already be there from a save of the rating alone: wait for the
    # save that holds the exercise before reloading.
    with page.expect_response(
        lambda response: "exercise=body-scan" in (response.request.post_data or "")
    ):
        page.get_by_role("group", name="Which exercise?").get_by_label("Short body scan").check()
    expect(page.locator("[data-draft-status]")).to_have_text("Draft kept safe.")

    page.reload()
    # It opens where the person left off: how it is now; the exercise is one step back.
    expect(page.locator("[data-step-progress]")).to_have_text("Step 3 of 3")
    page.get_by_role("button", name="Back", exact=True).click()
    expect(page.get_by_label("How distressed do you feel right now?")).to_be_hidden()
    expect(
        page.get_by_role("group", name="Which exercise?").get_by_label("Short body scan")
    ).to_be_checked()
    scan = page.get_by_role("region", name="Short body scan")
    expect(scan.get_by_role("listitem").first).to_have_text(GUIDE["body-scan"].steps[0])
    expect(page.get_by_role("region", name="5-4-3-2-1 senses")).to_be_hidden()


def test_without_script_every_step_is_on_the_page_in_order(browser, live_server, db):
    context = browser.new_context(
        viewport=PHONE, base_url=live_server.url, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    log_in(context, live_server, UserFactory())
    page = context.new_page()
    page.goto("/practice/grounding/new/?exercise=stop")
    stop = page.get_by_role("region", name="STOP: pause before you act")
    expect(stop.get_by_role("listitem").first).to_be_visible()
    expect(page.get_by_role("region", name="5-4-3-2-1 senses")).to_be_visible()
    expect(page.get_by_label("And now, after the exercise?")).to_be_visible()
    # (axe needs script, so this page is checked with it on, above.)
    context.close()
