"""The practices added for calibrated self-trust, on a 360 px phone: Then or now?, My setback
plan and A values sort, each filled in step by step, saved and found again; the boundary
practice's follow-up question; the track record's gentle pointer to the setback plan. Every
page visited passes axe and has no sideways scroll.
"""

import re
from datetime import timedelta

from playwright.sync_api import expect

from selftrust.practices.catalog import PRACTICES
from selftrust.practices.models import Entry
from tests.browser.conftest import PHONE, check_page
from tests.factories import CheckInFactory, PromiseFactory, UserFactory


def open_from_hub(page, name, slug):
    page.goto("/practice/")
    page.get_by_role("link", name=name, exact=True).click()
    expect(page).to_have_url(f"/practice/{slug}/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def step_through(page, steps):
    """One screen per step: fill it, check it where asked, then Next (or stop at the last)."""
    fieldsets = page.locator("form.guided [data-step]")
    expect(fieldsets).to_have_count(len(steps))
    progress = page.locator("[data-step-progress]")
    for index, fill_step in enumerate(steps):
        expect(progress).to_have_text(f"Step {index + 1} of {len(steps)}")
        expect(fieldsets.nth(index)).to_be_visible()
        fill_step(fieldsets.nth(index))
        if index < len(steps) - 1:
            page.get_by_role("button", name="Next", exact=True).click()
    expect(page.get_by_role("button", name="Next", exact=True)).to_be_hidden()


def save_and_open(page, practice):
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/\?saved=1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(practice.name)
    expect(page.get_by_role("status").first).to_contain_text(practice.saved_message)
    return Entry.objects.get(pk=int(re.search(r"/entries/(\d+)/", page.url)[1]))


def found_in_timeline(page, entry):
    page.goto("/practice/mine/")
    expect(page.get_by_role("link", name=entry.title, exact=True)).to_be_visible()
    expect(page.locator(".timeline-list")).to_contain_text(entry.definition.name)
    check_page(page)


def test_then_or_now_on_a_phone(new_page, db):
    practice = PRACTICES["then-or-now"]
    page = new_page(PHONE, user=UserFactory())
    open_from_hub(page, "Then or now?", "then-or-now")
    # A short content note and a way out come before anything is asked.
    note = page.get_by_role("region", name="Before you start")
    expect(note).to_contain_text("You don't need to go into the memory itself")
    expect(note.get_by_role("link", name="Get help now")).to_be_visible()
    check_page(page)

    def danger_step(step):
        # Get help now is offered before the question, and the question has three honest answers.
        expect(step.get_by_role("link", name="Get help now")).to_be_visible()
        question = step.get_by_role("group", name="Is there danger now?")
        expect(question.get_by_role("radio")).to_have_count(3)
        question.get_by_label("No, I think this is an old alarm").check()
        check_page(page)

    step_through(
        page,
        [
            lambda step: step.get_by_label("What is happening, or what just happened?").fill(
                "A door slammed downstairs"
            ),
            lambda step: step.get_by_label("What is your body or your alarm telling you?").fill(
                "My chest went tight"
            ),
            lambda step: (
                step.get_by_label(re.compile("^Then:")).fill("Someone was angry"),
                step.get_by_label(re.compile("^Now:")).fill("My own flat, with a lock on the door"),
            ),
            danger_step,
            lambda step: step.get_by_label("What will you do now?").fill(
                "Name five things I can see"
            ),
        ],
    )
    entry = save_and_open(page, practice)
    answers = page.locator("dl.answers")
    expect(answers).to_contain_text("A door slammed downstairs")
    expect(answers).to_contain_text("No, I think this is an old alarm")
    expect(page.get_by_role("heading", name="Your safety comes first")).to_have_count(0)
    aftercare = page.get_by_role("region", name="Take a moment")
    expect(aftercare).to_contain_text("Telling then from now is real work")
    check_page(page)
    found_in_timeline(page, entry)


def test_then_or_now_with_danger_now_puts_get_help_first(new_page, db):
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto("/practice/then-or-now/new/")
    step_through(
        page,
        [
            lambda step: step.get_by_role("textbox").fill("He is outside the door"),
            lambda step: step.get_by_role("textbox").fill("Everything in me says hide"),
            lambda step: None,
            lambda step: step.get_by_label("Yes, there may be danger now").check(),
            lambda step: None,
        ],
    )
    save_and_open(page, PRACTICES["then-or-now"])
    safety = page.get_by_role("region", name="Your safety comes first")
    expect(safety.get_by_role("link", name="Get help now")).to_be_in_viewport()
    check_page(page)


def test_setback_plan_on_a_phone(new_page, db):
    practice = PRACTICES["setback-plan"]
    page = new_page(PHONE, user=UserFactory())
    open_from_hub(page, "My setback plan", "setback-plan")
    expect(page.get_by_text(practice.pacing)).to_be_visible()
    step_through(
        page,
        [
            lambda step: step.get_by_label("What does slipping look like for you, early on?").fill(
                "Skipping lunch, staying up late"
            ),
            lambda step: step.get_by_label("What will you do when you notice them?").fill(
                "Go back to one small promise"
            ),
            lambda step: (
                step.get_by_label("Who could you tell, if you want to?").fill("My sister"),
                step.get_by_label("A few words for yourself, for that day (optional)").fill(
                    "A dip is part of healing."
                ),
                check_page(page),
            ),
        ],
    )
    entry = save_and_open(page, practice)
    expect(page.locator("dl.answers")).to_contain_text("Go back to one small promise")
    expect(page.get_by_role("region", name="Take a moment")).to_have_count(0)
    check_page(page)
    found_in_timeline(page, entry)


def test_values_sort_on_a_phone(new_page, db):
    practice = PRACTICES["values"]
    page = new_page(PHONE, user=UserFactory())
    open_from_hub(page, "A values sort", "values")

    def choose(step):
        values = step.get_by_role("group", name="Which of these matter most to you?")
        expect(values.get_by_role("checkbox")).to_have_count(20)
        for name in ("Honesty", "Rest", "Caring for others"):
            values.get_by_label(name, exact=True).check()
        check_page(page)

    step_through(
        page,
        [
            choose,
            lambda step: step.get_by_role("textbox").fill("Being a steady friend"),
            lambda step: (
                step.get_by_label("What does each one mean to you?").fill(
                    "Rest: an early night without guilt."
                ),
                step.get_by_label(re.compile("^One small thing you could do")).fill(
                    "A slow walk on Sunday"
                ),
            ),
        ],
    )
    entry = save_and_open(page, practice)
    assert entry.title == "Honesty, Rest, Caring for others"
    answers = page.locator("dl.answers")
    expect(answers).to_contain_text("Honesty, Rest, Caring for others")
    expect(answers).to_contain_text("Being a steady friend")
    check_page(page)
    found_in_timeline(page, entry)


def test_boundary_follow_up_appears_only_when_it_was_not_respected(new_page, db):
    page = new_page(PHONE, user=UserFactory())
    page.goto("/practice/boundary/new/")
    page.get_by_label("What was the boundary?").fill("No calls after nine")
    page.get_by_role("button", name="Next", exact=True).click()
    respected = page.get_by_role("group", name="Was it respected?")
    follow_up = page.get_by_label("If it wasn't respected: what might help you now? (optional)")
    expect(follow_up).to_be_hidden()
    respected.get_by_label("No", exact=True).check()
    expect(follow_up).to_be_visible()
    check_page(page)
    # Wait for the draft of this last answer to be saved, so that no save is still on its way
    # when the test ends (one arriving as the database is emptied would fail the test).
    with page.expect_response(re.compile(r"/drafts/practice:")):
        respected.get_by_label("Yes", exact=True).check()
    expect(follow_up).to_be_hidden()


def test_feeling_unsafe_after_a_boundary_offers_get_help_now_and_puts_it_first(new_page, db):
    page = new_page(PHONE, user=UserFactory())
    page.goto("/practice/boundary/new/")
    page.get_by_label("What was the boundary?").fill("No more visits unannounced")
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_role("group", name="Was it respected?").get_by_label(
        "No, and I felt unsafe"
    ).check()
    follow_up = page.locator(".follow-up")
    expect(follow_up).to_be_visible()
    expect(follow_up).to_contain_text("If you felt unsafe, that matters most")
    expect(follow_up.get_by_role("link", name="Get help now")).to_be_visible()
    check_page(page)
    save_and_open(page, PRACTICES["boundary"])
    safety = page.get_by_role("region", name="Your safety comes first")
    expect(safety).to_contain_text("You said you felt unsafe.")
    expect(safety.get_by_role("link", name="Get help now")).to_be_in_viewport()
    check_page(page)


def test_naming_hopelessness_offers_get_help_now_with_care(new_page, db):
    page = new_page(PHONE, user=UserFactory())
    page.goto("/practice/emotion/new/")
    page.get_by_label("Hopeless", exact=True).check()
    page.get_by_role("button", name="Next", exact=True).click()
    # Not strong, and still worth a word of care.
    page.get_by_label("How strong is it?").fill("3")
    page.get_by_role("button", name="Save", exact=True).click()
    note = page.locator(".hopelessness-note")
    expect(note).to_contain_text("Hopelessness can be very heavy.")
    expect(note.get_by_role("link", name="Get help now")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("reach out"))).to_have_count(0)
    check_page(page)


def test_a_link_from_ground_me_now_chooses_the_exercise(new_page, db):
    page = new_page(PHONE, user=UserFactory())
    page.goto("/practice/grounding/new/?exercise=tipp")
    page.get_by_role("button", name="Next", exact=True).click()
    chosen = page.get_by_role("group", name="Which exercise?")
    expect(chosen.get_by_label("TIPP: settle a body in overdrive")).to_be_checked()
    check_page(page)


def test_a_dip_on_the_track_record_points_gently_to_the_setback_plan(new_page, db):
    user = UserFactory()
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=40))
    for days_ago in range(8, 29):
        CheckInFactory(promise=promise, day=today - timedelta(days=days_ago), outcome="kept")
    for days_ago in (1, 3):
        CheckInFactory(
            promise=promise, day=today - timedelta(days=days_ago), outcome="not_this_time"
        )
    page = new_page(PHONE, user=user)
    page.goto("/track-record/")
    note = page.locator(".setback-note")
    expect(note).to_contain_text("Dips are part of healing")
    check_page(page)
    note.get_by_role("link", name="your setback plan").click()
    expect(page).to_have_url("/practice/setback-plan/new/")
