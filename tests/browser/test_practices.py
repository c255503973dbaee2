"""The practice library in a real browser: every practice end to end, the timeline, validation.

On a phone each practice is one step per screen (Next/Back); on a desktop every step shows at
once. Every page visited passes axe and has no sideways scroll, in light and dark.
"""

import re

import pytest
from playwright.sync_api import expect

from selftrust.drafts.models import Draft
from selftrust.practices import services
from selftrust.practices.catalog import DECISION, PRACTICES, WORKSHEETS
from selftrust.practices.forms import DecisionForm
from selftrust.practices.models import Decision, Entry
from tests.browser.conftest import DESKTOP, PHONE, check_page, open_site_menu
from tests.factories import UserFactory

# What to write in each field of each worksheet; anything not listed gets a default.
ANSWERS = {
    ("grounding", "before"): 7,
    ("grounding", "exercise"): "Paced breathing",
    ("grounding", "after"): 3,
    ("emotion", "emotion"): "Lonely",
    ("boundary", "respected"): "Partly",
    ("signs-check", "second-guessing"): "Often",
    ("signs-check", "reassurance"): "Sometimes",
}


def answer_for(practice, spec):
    """The answer to type or choose for a field, as the person sees it."""
    if (practice.slug, spec.name) in ANSWERS:
        return ANSWERS[(practice.slug, spec.name)]
    if spec.kind == "scale":
        return (spec.low + spec.high) // 2
    if spec.kind == "choice":
        return spec.choices[0][1]
    if spec.kind == "long":
        return f"Some words about {spec.name.replace('_', ' ')}.\nAnd a second line."
    return f"A few words: {spec.name.replace('_', ' ')}"


def fill(page, spec, value):
    """Fill one catalog field the way a person would: by its visible label."""
    if spec.groups:
        # Emotion words come in families, each a group of its own inside the question.
        family = next(g for g, choices in spec.groups.items() if value in dict(choices).values())
        question = page.get_by_role("group", name=spec.label, exact=True)
        expect(question.get_by_role("group")).to_have_count(len(spec.groups))
        question.get_by_role("group", name=family).get_by_label(value, exact=True).check()
    elif spec.kind == "choice":
        group = page.get_by_role("group", name=spec.label, exact=True)
        group.get_by_label(value, exact=True).check()
    else:
        page.get_by_label(spec.label, exact=True).fill(str(value))


def shown_as(spec, value) -> str:
    """How an answer reads on the entry page."""
    if spec.kind == "long":
        return value.split("\n")[0]
    return str(value)


def step_through(page, fill_step, count):
    """On a phone: one step per screen, Next moves on and takes focus to the new step."""
    steps = page.locator("form.guided [data-step]")
    expect(steps).to_have_count(count)
    progress = page.locator("[data-step-progress]")
    next_button = page.get_by_role("button", name="Next", exact=True)
    for index in range(count):
        if count > 1:
            expect(progress).to_have_text(f"Step {index + 1} of {count}")
            for other in range(count):
                if other == index:
                    expect(steps.nth(other)).to_be_visible()
                else:
                    expect(steps.nth(other)).to_be_hidden()
        fill_step(index)
        if index < count - 1:
            next_button.click()
            expect(steps.nth(index + 1).locator("legend").first).to_be_focused()
    expect(next_button).to_be_hidden()


def do_worksheet(page, practice, *, phone=True, via_hub=True, check_form=True, check_entry=True):
    """Open a worksheet (from /practice/), fill every field, save; returns the new entry.

    check_form: the form passes check_page() when filled in (on a phone at its last step, and
    at its first too where that has choices: the other kinds of field are checked elsewhere);
    check_entry: so does the entry page it leads to.
    """
    if via_hub:
        page.goto("/practice/")
        page.get_by_role("link", name=practice.name, exact=True).click()
        expect(page).to_have_url(f"/practice/{practice.slug}/new/")
    else:
        page.goto(f"/practice/{practice.slug}/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text(practice.name)
    if check_form and phone and any(f.kind == "choice" for f in practice.steps[0].fields):
        check_page(page)

    def fill_step(index):
        for spec in practice.steps[index].fields:
            fill(page, spec, answer_for(practice, spec))

    if phone:
        step_through(page, fill_step, len(practice.steps))
    else:
        expect(page.get_by_role("button", name="Next", exact=True)).to_be_hidden()
        for index in range(len(practice.steps)):
            fill_step(index)
    if check_form:
        check_page(page)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(practice.name)
    expect(page.get_by_role("status").first).to_contain_text(practice.saved_message)
    answers = page.locator("dl.answers")
    for spec in practice.fields:
        expect(answers).to_contain_text(spec.label)
        expect(answers).to_contain_text(shown_as(spec, answer_for(practice, spec)))
    if check_entry:
        check_page(page)
    return Entry.objects.get(pk=int(re.search(r"/entries/(\d+)/", page.url)[1]))


@pytest.mark.parametrize("practice", WORKSHEETS, ids=[p.slug for p in WORKSHEETS])
def test_each_worksheet_on_a_phone(new_page, db, practice):
    user = UserFactory()
    if practice.slug == "signs-check":
        # A first check, a while ago: the second one compares with it.
        services.save_worksheet(
            user, practice, {sign.name: "not-lately" for sign in practice.fields}
        )
    motion = "reduce" if practice.celebrate else "no-preference"
    page = new_page(PHONE, user=user, reduced_motion=motion)
    entry = do_worksheet(page, practice)

    if practice.slug == "grounding":
        expect(page.get_by_text("Distress went from 7 to 3, out of 10.")).to_be_visible()
    if practice.slug == "emotion":
        expect(page.locator("dl.answers dd").first).to_have_text("Lonely")
    if practice.slug == "signs-check":
        expect(page.get_by_role("heading", name="Since last time")).to_be_visible()
        expect(
            page.get_by_role("row", name=re.compile("Going back over decisions"))
        ).to_contain_text("more often")
    if practice.slug == "strengths":
        expect(page.get_by_role("heading", name="Evidence of your strengths")).to_be_visible()
    if practice.celebrate:
        spark = page.locator(".celebration .spark")
        expect(page.locator(".celebration")).to_contain_text("Small wins are how trust")
        assert spark.evaluate("el => getComputedStyle(el).animationName") == "none"

    # It is in the timeline, under its title; and saving it cleared its draft for good.
    page.goto("/practice/mine/")
    expect(page.get_by_role("link", name=entry.title, exact=True).first).to_be_visible()
    expect(page.locator(".timeline-list")).to_contain_text(practice.name)
    assert not Draft.objects.filter(user=user).exists()


# Pages with something of their own to check in dark colours; the rest are made of the same parts.
DARK_FORMS = {"body-check-in", "grounding", "emotion", "signs-check"}
DARK_ENTRIES = {"body-check-in", "grounding", "win", "strengths", "signs-check"}


def test_every_worksheet_on_a_dark_desktop(new_page, db):
    """Every step at once on a wide screen (no Next), in dark colours."""
    user = UserFactory()
    page = new_page(DESKTOP, color_scheme="dark", user=user)
    for practice in WORKSHEETS:
        do_worksheet(
            page,
            practice,
            phone=False,
            via_hub=False,  # the phone tests go through /practice/
            check_form=practice.slug in DARK_FORMS,
            check_entry=practice.slug in DARK_ENTRIES,
        )
        if practice.celebrate:
            # Motion is welcome here: the spark glows (the phone test asks for less motion).
            spark = page.locator(".celebration .spark")
            assert spark.evaluate("el => getComputedStyle(el).animationName") == "glow"
    page.goto("/practice/mine/")
    expect(page.locator(".timeline-list li")).to_have_count(len(WORKSHEETS))
    check_page(page)


def record_decision(page, *, review_on, confidence=80, phone=False):
    page.goto("/practice/")
    check_page(page)
    page.get_by_role("link", name="Decision journal", exact=True).click()
    expect(page).to_have_url("/practice/decision/new/")
    values = [
        [
            ("What is the decision?", "Whether to go to the party"),
            ("What are the options?", "Go for an hour\nStay in and rest"),
        ],
        [
            ("What does your gut say?", "Go, but leave early"),
            (re.compile(r"^How sure does your gut feel"), str(confidence)),
        ],
        [
            ("What did you choose?", "Went for an hour"),
            ("I asked someone else before deciding", True),
            ("Who did you ask? (optional)", "my sister"),
        ],
        [("When would you like to look back on it?", review_on.isoformat())],
    ]

    def fill_step(index):
        for label, value in values[index]:
            field = (
                page.get_by_label(label, exact=True)
                if isinstance(label, str)
                else page.get_by_label(label)
            )
            if value is True:
                field.check()
            else:
                field.fill(value)

    if phone:
        step_through(page, fill_step, len(values))
    else:
        for index in range(len(values)):
            fill_step(index)
    check_page(page)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/(\?saved=1)?$"))
    expect(page.locator("dl.answers")).to_contain_text("Whether to go to the party")
    expect(page.locator("dl.answers")).to_contain_text("You asked my sister")
    check_page(page)


@pytest.mark.parametrize(
    ("viewport", "scheme"), [(PHONE, "light"), (DESKTOP, "dark")], ids=["phone", "desktop-dark"]
)
def test_decision_journal_record_review_and_calibration(new_page, db, viewport, scheme):
    user = UserFactory()
    page = new_page(viewport, color_scheme=scheme, user=user)
    record_decision(page, review_on=user.local_today(), phone=viewport is PHONE)

    # Ready to look back, on Today.
    open_site_menu(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Today").click()
    due = page.locator("aside", has=page.get_by_role("heading", name="Ready to look back"))
    expect(due).to_be_visible()
    check_page(page)
    due.get_by_role("link", name="Whether to go to the party").click()

    # Look back.
    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/review/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Looking back")
    page.get_by_label("What happened?").fill("It was lovely, and I left when I was tired.")
    page.get_by_role(
        "group", name="Given what you knew then, was it a reasonable call?"
    ).get_by_label("Yes", exact=True).check()
    page.get_by_role("group", name="Did your first instinct serve you?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_label("What did it teach you?").fill("My gut knew the right amount.")
    check_page(page)
    page.get_by_role("button", name="Save", exact=True).click()

    # The journal: one look back is evidence, but too few for figures (they wait for ten).
    expect(page).to_have_url("/practice/decisions/")
    expect(page.get_by_role("status").first).to_contain_text("Thank you for looking back")
    expect(page.locator("#calibration-summary")).to_contain_text(
        "You've looked back on 1 decision so far. After 9 more"
    )
    chart_name = "How often your instinct served you, by how sure you felt"
    expect(page.get_by_role("img", name=chart_name)).to_have_count(0)
    expect(page.locator(".timeline-list")).to_contain_text("looked back: yes")
    check_page(page)
    decision = Decision.objects.get(entry__user=user)
    assert decision.reviewed_at is not None and decision.reasonable_call == "yes"

    # Nine more looked back on: now the summary, chart and table.
    today = user.local_today()
    for _ in range(9):
        form = DecisionForm(
            {"decision": "Whether to rest", "confidence": 85, "review_on": today.isoformat()},
            today=today,
        )
        assert form.is_valid(), form.errors
        entry = services.save_modelled(user, DECISION, form)
        Decision.objects.filter(entry=entry).update(
            instinct_served="yes", reviewed_at=entry.created_at
        )
    page.reload()
    expect(page.locator("#calibration-summary")).to_contain_text(
        "Across 10 decisions you looked back on, your first instinct served you 100% of the time"
    )
    expect(page.get_by_role("img", name=chart_name)).to_be_visible()
    table = page.get_by_role("table", name=re.compile("How often your instinct served you"))
    expect(table.get_by_role("row", name=re.compile("80–89 %"))).to_contain_text("100%")
    expect(page.get_by_text("Brier")).to_have_count(0)
    check_page(page)


@pytest.mark.parametrize(
    ("viewport", "scheme"), [(PHONE, "light"), (DESKTOP, "dark")], ids=["phone", "desktop-dark"]
)
def test_thought_record(new_page, db, viewport, scheme):
    user = UserFactory()
    page = new_page(viewport, color_scheme=scheme, user=user)
    page.goto("/practice/")
    page.get_by_role("link", name="Thought record", exact=True).click()
    expect(page).to_have_url("/practice/thought-record/new/")

    def fill_step(index):
        if index == 0:
            page.get_by_label("What was happening?").fill("A friend didn't answer my message.")
        elif index == 1:
            page.get_by_label("What went through your mind?").fill("She's annoyed with me.")
            page.get_by_label("How much do you believe the thought, from 0 to 10?").fill("8")
        elif index == 2:
            page.get_by_label("Feeling 1", exact=True).select_option(label="Anxious")
            page.get_by_label("How strong, feeling 1 (0 to 10)").fill("7")
        elif index == 3:
            details = page.locator("details", has_text="What each trap means")
            details.locator("summary").click()
            expect(details.get_by_text("Being sure you know what others think")).to_be_visible()
            check_page(page)
            traps = page.get_by_role("group", name=re.compile("Which thinking traps"))
            traps.get_by_label("Mind reading").check()
            traps.get_by_label("Fortune telling").check()
        elif index == 4:
            page.get_by_label("What supports the thought?").fill("She usually replies fast.")
            page.get_by_label("What doesn't fit with it?").fill("She's at work today.")
        elif index == 5:
            page.get_by_label("A more balanced thought").fill("She's probably busy.")
        elif index == 6:
            # Each box says what was rated before; feelings not named stay out of the way.
            expect(page.get_by_text("8 before.")).to_be_visible()
            expect(page.get_by_text("Anxious, 7 before.")).to_be_visible()
            expect(page.get_by_label("How strong now, feeling 2 (0 to 10)")).to_be_hidden()
            page.get_by_label("And how much do you believe the first thought now?").fill("3")
            page.get_by_label("How strong now, feeling 1 (0 to 10)").fill("2")
            check_page(page)

    if viewport is PHONE:
        step_through(page, fill_step, 7)
    else:
        expect(page.get_by_role("button", name="Next", exact=True)).to_be_hidden()
        for index in range(7):
            fill_step(index)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/(\?saved=1)?$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Thought record")
    answers = page.locator("dl.answers")
    expect(answers).to_contain_text("She's annoyed with me.")
    expect(answers).to_contain_text("Mind reading, Fortune telling")
    expect(answers).to_contain_text("She's probably busy.")
    table = page.get_by_role("region", name="Before and after").get_by_role("table")
    expect(table.get_by_role("row", name=re.compile("Belief in the thought"))).to_have_text(
        re.compile(r"Belief in the thought\s*8 of 10\s*3 of 10\s*-5")
    )
    expect(table.get_by_role("row", name=re.compile("Anxious"))).to_have_text(
        re.compile(r"Anxious\s*7 of 10\s*2 of 10\s*-5")
    )
    check_page(page)


def test_timeline_search_filter_edit_delete_and_undo(new_page, db):
    user = UserFactory()
    body, win = PRACTICES["body-check-in"], PRACTICES["win"]
    services.save_worksheet(
        user, body, {"where": "shoulders", "sensation": "tight and heavy", "intensity": 6}
    )
    services.save_worksheet(user, win, {"win": "Made a phone call I'd been avoiding"})
    services.save_worksheet(user, win, {"win": "Cooked a proper meal"})
    old = services.save_worksheet(user, win, {"win": "Went for a walk in the rain"})
    Entry.objects.filter(pk=old.pk).update(created_at=old.created_at.replace(year=2020))
    today = user.local_today().isoformat()

    page = new_page(PHONE, user=user)
    page.goto("/practice/mine/")
    expect(page.get_by_role("status")).to_have_text("4 entries.")

    # A word.
    page.get_by_label("Words").fill("heavy")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("status")).to_have_text("1 entry found.")
    expect(page.locator(".timeline-list li")).to_have_text(re.compile("tight and heavy"))

    # A practice and dates.
    page.get_by_role("link", name="Show everything").click()
    page.get_by_label("Practice").select_option(label="A small win")
    page.get_by_label("From").fill(today)
    page.get_by_label("To").fill(today)
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("status")).to_have_text("2 entries found.")
    expect(page.get_by_role("link", name="Went for a walk in the rain")).to_have_count(0)
    expect(page.get_by_label("Practice")).to_have_value("win")
    expect(page.get_by_label("From")).to_have_value(today)
    check_page(page)

    # Open one and edit it.
    page.get_by_role("link", name="Cooked a proper meal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A small win")
    expect(page.locator(".celebration")).to_have_count(0)  # only just after saving a win
    page.get_by_role("link", name="Edit").click()
    field = page.get_by_label("What went well?")
    expect(field).to_have_value("Cooked a proper meal")
    expect(page.get_by_role("button", name="Save changes")).to_be_visible()
    field.fill("Cooked a proper meal for friends")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("status").first).to_contain_text("Your changes are saved.")
    expect(page.locator("dl.answers")).to_contain_text("Cooked a proper meal for friends")

    # Delete it, then undo.
    page.get_by_role("button", name="Delete").click()
    expect(page).to_have_url("/practice/mine/")
    notice = page.get_by_role("status").filter(has_text="was deleted")
    expect(notice).to_contain_text("Cooked a proper meal for friends")
    expect(page.get_by_role("link", name="Cooked a proper meal for friends")).to_have_count(0)
    check_page(page)
    notice.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status").first).to_contain_text("It's back.")
    expect(page.locator("dl.answers")).to_contain_text("Cooked a proper meal for friends")
    page.goto("/practice/mine/")
    expect(page.get_by_role("link", name="Cooked a proper meal for friends")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("4 entries.")


@pytest.mark.parametrize(
    ("viewport", "scheme"), [(PHONE, "light"), (DESKTOP, "dark")], ids=["phone", "desktop-dark"]
)
def test_a_mistake_keeps_every_word_and_says_kindly_what_to_fix(new_page, db, viewport, scheme):
    user = UserFactory()
    page = new_page(viewport, color_scheme=scheme, user=user)
    page.goto("/practice/body-check-in/new/")
    phrase = "Tight shoulders, like before a storm 🌧️"
    # "Where" left empty (required), strength never chosen (required too).
    if viewport is PHONE:
        page.get_by_label("What is the sensation like?").fill(phrase)
        # Enter in a one-line box goes on to the next step rather than sending the form.
        page.get_by_label("What is the sensation like?").press("Enter")
        expect(page.locator("[data-step-progress]")).to_have_text("Step 2 of 3")
        expect(page.locator("legend", has_text="How strong")).to_be_focused()
        page.get_by_role("button", name="Next").click()
        page.get_by_label("What might it be telling you?").fill("Slow down.\nBreathe.")
    else:
        page.get_by_label("What is the sensation like?").fill(phrase)
        page.get_by_label("What might it be telling you?").fill("Slow down.\nBreathe.")
    page.get_by_role("button", name="Save", exact=True).click()

    summary = page.get_by_role("alert").filter(has_text="Something below needs another look")
    expect(summary).to_contain_text("Everything you wrote is still here.")
    expect(summary.get_by_role("link")).to_have_text(
        ["Where in your body do you notice something?", "How strong is it?"]
    )
    expect(
        page.get_by_text("This part helps the practice work. A few words are enough.")
    ).to_be_visible()
    # Everything typed is still there (on a phone, in the steps it was typed in).
    expect(page.get_by_label("What is the sensation like?")).to_have_value(phrase)
    expect(page.get_by_label("What might it be telling you?")).to_have_value("Slow down.\nBreathe.")
    check_page(page)
    # The summary's link opens the step with that field (on a phone) and puts the cursor in it.
    summary.get_by_role("link", name="How strong is it?").click()
    expect(page.get_by_label("How strong is it?")).to_be_focused()
    expect(page.get_by_text("Choose a number from 0 to 10 on the slider")).to_be_visible()
    if viewport is PHONE:
        expect(page.locator("[data-step-progress]")).to_have_text("Step 2 of 3")
        expect(page.get_by_label("Where in your body do you notice something?")).to_be_hidden()
    check_page(page)
    assert not Entry.objects.filter(user=user).exists()


def test_practice_pages_in_dark_on_a_phone(new_page, db):
    """The pages the other tests see in light on a phone, with something in them, in dark."""
    user = UserFactory()
    grounding = PRACTICES["grounding"]
    for before, after, exercise in ((7, 4, "breathing"), (6, 2, "senses")):
        services.save_worksheet(
            user, grounding, {"before": before, "exercise": exercise, "after": after}
        )
    today = user.local_today()
    form = DecisionForm(
        {"decision": "Whether to rest", "confidence": 70, "review_on": today.isoformat()},
        today=today,
    )
    assert form.is_valid(), form.errors
    services.save_modelled(user, DECISION, form)

    page = new_page(PHONE, color_scheme="dark", user=user)
    page.goto("/practice/")
    expect(page.get_by_role("heading", name="Ready to look back")).to_be_visible()
    check_page(page)
    page.goto("/practice/grounding/new/")
    helped = page.get_by_role("table", name=re.compile("What has helped"))
    expect(helped.get_by_role("row", name=re.compile("5-4-3-2-1"))).to_contain_text("6 → 2")
    check_page(page)
    page.goto("/practice/mine/")
    expect(page.locator(".timeline-list li")).to_have_count(3)
    check_page(page)
    page.goto("/practice/decisions/")
    expect(page.get_by_text("Once you've looked back on a decision or two")).to_be_visible()
    check_page(page)
