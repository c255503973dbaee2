"""Safety plan, trusted people and the crisis-language safety net, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from selftrust.practices.models import Entry
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PLAN_ANSWERS = [
    "Not sleeping\nCancelling on friends",
    "A hot shower\nWalk round the block",
    "The library",
    "My cousin Ana",
    "",  # professionals: keeps the crisis line it starts with
    "Ask Sam to keep my tablets for a while",
    "My cat, Miso\nSeeing the sea again",
]


def _full_plan(user) -> SafetyPlan:
    sam = TrustedPerson.objects.create(
        user=user, name="Sam", phone="+44 7700 900123", good_for="will come over"
    )
    plan = SafetyPlan.objects.create(
        user=user,
        warning_signs="Not sleeping\nCancelling on friends\nThe thought that nothing will change",
        coping_on_my_own="A hot shower\nGround me now\nWalk round the block\nMy calm playlist",
        people_and_places="The library\nThe café on the corner\nTexting my cousin about football",
        asking_for_help="My cousin Ana\nMy friend from the Tuesday group",
        professionals=(
            "988 Suicide & Crisis Lifeline: call 988, text 988\n"
            "My therapist, Dr Ade: 020 7946 0000 (weekdays)\nMy GP surgery: 020 7946 0999"
        ),
        safer_surroundings="Ask Sam to keep my tablets for a while\nLeave the car keys next door",
        reasons_for_living="My cat, Miso\nSeeing the sea again\nMy niece's laugh\nFinishing my course",
    )
    plan.help_people.add(sam)
    plan.company_people.add(sam)
    return plan


def test_make_a_plan_on_a_phone_and_find_it_first_on_get_help_now(new_page):
    user = UserFactory()
    page = new_page(PHONE, user=user)

    # Someone to trust, with a number that becomes Call and Text links.
    page.goto("/trusted-people/")
    check_page(page)
    page.get_by_role("link", name="Add someone").click()
    page.get_by_label("Name").fill("Sam")
    page.get_by_label("Phone number (optional)").fill("+44 7700 900123")
    page.get_by_label("What they're good for (optional)").fill("will come over")
    check_page(page)
    page.get_by_role("button", name="Add to my list").click()
    expect(page).to_have_url("/trusted-people/")
    expect(page.get_by_role("link", name="Call Sam")).to_have_attribute("href", "tel:+447700900123")
    expect(page.get_by_role("link", name="Text Sam")).to_have_attribute("href", "sms:+447700900123")

    # Get help now, before there is a plan: the crisis lines, and an invitation.
    page.get_by_role("link", name="Get help now").click()
    check_page(page)
    page.get_by_role("link", name="Make my safety plan").click()
    expect(page).to_have_url("/safety-plan/")
    page.get_by_role("link", name="Make my safety plan").click()
    expect(page).to_have_url("/safety-plan/edit/")
    check_page(page)

    # Seven parts, one per screen on a phone.
    steps = page.locator("form.guided [data-step]")
    expect(steps).to_have_count(7)
    next_button = page.get_by_role("button", name="Next", exact=True)
    for index, answer in enumerate(PLAN_ANSWERS):
        expect(page.locator("[data-step-progress]")).to_have_text(f"Part {index + 1} of 7")
        step = steps.nth(index)
        box = step.get_by_role("textbox")
        if index == 4:
            expect(box).to_have_value(re.compile("988"))
        else:
            box.fill(answer)
        if index == 3:
            step.get_by_role(
                "group", name="People from my trusted list I can ask for help"
            ).get_by_label("Sam").check()
        if index < 6:
            next_button.click()
    check_page(page)
    page.get_by_role("button", name="Save my plan").click()

    expect(page).to_have_url("/safety-plan/")
    expect(page.get_by_role("status").first).to_contain_text("Your safety plan is saved")
    coping = page.get_by_role("region", name=re.compile("Things I can do on my own"))
    expect(coping.get_by_role("listitem")).to_have_text(["A hot shower", "Walk round the block"])
    asking = page.get_by_role("region", name=re.compile("People I can ask for help"))
    expect(asking.get_by_role("link", name="Call Sam")).to_be_visible()
    expect(asking).to_contain_text("My cousin Ana")
    professionals = page.get_by_role("region", name=re.compile("Professionals and services"))
    expect(professionals.get_by_role("link", name="988").first).to_have_attribute("href", "tel:988")
    check_page(page)

    # One tap from any page, and first on Get help now.
    page.goto("/today/")
    page.get_by_role("link", name="Get help now").click()
    plan_heading = page.get_by_role("heading", name="My safety plan")
    lines_heading = page.get_by_role("heading", name="Crisis lines", exact=True)
    expect(plan_heading).to_be_visible()
    assert plan_heading.bounding_box()["y"] < lines_heading.bounding_box()["y"]
    expect(page.get_by_text("My cat, Miso")).to_be_visible()
    check_page(page)


def test_the_plan_form_keeps_words_through_a_reload(new_page):
    page = new_page(DESKTOP, user=UserFactory())
    page.goto("/safety-plan/edit/")
    page.get_by_role("group", name="1. My warning signs").get_by_role("textbox").fill(
        "Staying in bed past noon"
    )
    expect(page.locator("[data-draft-status]")).to_have_text("Draft kept safe.")
    page.reload()
    expect(page.get_by_text("We kept what you were writing last time")).to_be_visible()
    expect(
        page.get_by_role("group", name="1. My warning signs").get_by_role("textbox")
    ).to_have_value("Staying in bed past noon")


def test_printed_plan_fits_on_one_page(new_page, tmp_path):
    user = UserFactory()
    _full_plan(user)
    page = new_page(DESKTOP, user=user)
    page.goto("/safety-plan/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("link", name="Change my plan")).to_be_hidden()
    expect(page.get_by_text("Finishing my course")).to_be_visible()
    expect(
        page.get_by_text(
            "If I might act on thoughts of suicide or hurting myself, am hurt, or am in danger"
        )
    ).to_be_visible()
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the printed plan takes {pages} pages"
    # A letter-size printer too.
    letter = page.pdf(format="Letter")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", letter)) == 1


def _shown(page, locator):
    """On a phone the form shows one step at a time: move on until the field is there."""
    while not locator.is_visible():
        page.get_by_role("button", name="Next", exact=True).click()
    return locator


def _write_thought_record(page, situation: str, thought: str) -> None:
    page.goto("/practice/thought-record/new/")
    _shown(page, page.get_by_label("What was happening?")).fill(situation)
    _shown(page, page.get_by_label("What went through your mind?")).fill(thought)
    page.get_by_label("How much do you believe the thought, from 0 to 10?").fill("6")
    _shown(page, page.get_by_label("Feeling 1", exact=True)).select_option(label="Sad")
    page.get_by_label("How strong, feeling 1 (0 to 10)").fill("4")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/(\?saved=1)?$"))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_crisis_words_in_a_thought_record_bring_the_plan_forward(new_page, viewport):
    user = UserFactory()
    _full_plan(user)
    page = new_page(viewport, color_scheme="dark" if viewport is DESKTOP else "light", user=user)

    _write_thought_record(
        page,
        "Sunday evening, alone after the call with Mum.",
        "Everyone would be better off without me.",
    )
    entry = Entry.objects.get(user=user)
    assert entry.thought_record.automatic_thought == "Everyone would be better off without me."
    panel = page.get_by_role("region", name="You don't have to hold this alone")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("What you wrote is saved")
    expect(panel.get_by_text("A hot shower")).to_be_visible()
    expect(panel.get_by_role("link", name="Call Sam")).to_have_attribute(
        "href", "tel:+447700900123"
    )
    expect(panel.get_by_role("link", name=re.compile("Call 988"))).to_have_attribute(
        "href", "tel:988"
    )
    expect(panel.get_by_role("link", name="See my whole safety plan")).to_be_visible()
    # A screen reader starts with the panel.
    expect(panel.get_by_role("heading", name="You don't have to hold this alone")).to_be_focused()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thought record")
    check_page(page)

    # Shown once, in the moment; the entry itself stays quiet afterwards.
    page.reload()
    expect(page.get_by_role("region", name="You don't have to hold this alone")).to_have_count(0)

    # An everyday idiom is just an entry.
    _write_thought_record(
        page,
        "The presentation at work.",
        "I absolutely killed it and the traffic home was killing me.",
    )
    assert Entry.objects.filter(user=user).count() == 2
    expect(page.get_by_role("heading", level=1)).to_have_text("Thought record")
    expect(page.get_by_role("region", name="You don't have to hold this alone")).to_have_count(0)
    check_page(page)


def test_crisis_words_meet_help_even_when_the_form_asks_for_a_correction(new_page):
    user = UserFactory()
    _full_plan(user)
    page = new_page(PHONE, user=user)
    page.goto("/practice/thought-record/new/")
    _shown(page, page.get_by_label("What was happening?")).fill("Alone at night.")
    thought = "I want to end it all, everyone would be better off without me."
    _shown(page, page.get_by_label("What went through your mind?")).fill(thought)
    page.get_by_label("How much do you believe the thought, from 0 to 10?").fill("8")
    # Saved before any feeling is named: the form comes back asking for one.
    page.get_by_role("button", name="Save", exact=True).click()
    panel = page.get_by_role("region", name="You don't have to hold this alone")
    expect(panel).to_contain_text("Your words are kept on this page")
    expect(panel.get_by_role("link", name="Call Sam")).to_be_visible()
    expect(panel.get_by_role("heading", name="You don't have to hold this alone")).to_be_focused()
    expect(page.get_by_text("Name at least one feeling")).to_have_count(1)
    assert not Entry.objects.filter(user=user).exists()
    check_page(page)


def test_a_suggestion_from_my_practice_goes_into_the_plan_only_when_i_add_it(new_page):
    from django.utils import timezone

    user = UserFactory()
    Entry.objects.create(
        user=user,
        practice="grounding",
        data={"before": 8, "exercise": "breathing", "after": 4},
        created_at=timezone.now(),
    )
    page = new_page(DESKTOP, user=user)
    page.goto("/safety-plan/edit/")
    coping = page.locator("#id_coping_on_my_own")
    expect(coping).to_have_value("")
    page.get_by_role("button", name="Add “Paced breathing” to Things I can do on my own").click()
    expect(coping).to_have_value("Paced breathing")
    check_page(page)
    page.get_by_role("button", name=re.compile("Save")).last.click()
    # Exact: the form's own heading, "Make my safety plan", holds these words too.
    expect(page.get_by_role("heading", name="My safety plan", exact=True)).to_be_visible()
    assert SafetyPlan.objects.get(user=user).coping_on_my_own == "Paced breathing"


def test_changing_a_whole_plan_starts_at_its_first_part(new_page):
    # People on the trusted list left unticked in a part answered in words: still answered.
    user = UserFactory()
    plan = _full_plan(user)
    plan.company_people.clear()
    plan.help_people.clear()
    page = new_page(PHONE, user=user)
    page.goto("/safety-plan/edit/")
    expect(page.locator("[data-step-progress]")).to_have_text("Part 1 of 7")
