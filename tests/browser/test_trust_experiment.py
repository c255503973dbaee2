"""A trust experiment in the browser: a small step of trust planned step by step on a 360 px
phone, looked back on, and gathered on its own page; the page with its chart and tables on a
1280 px desktop. Light and dark; every page passes axe and has no sideways scroll."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from selftrust.practices.catalog import TRUST_EXPERIMENT
from selftrust.practices.models import Entry
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import EntryFactory, TrustedPersonFactory, UserFactory

SUMMARY = "/practice/trust/"


def looked_back(user, who, fear, reliable, *, days_ago, fear_likely=None):
    data = {
        "who": who,
        "step": f"A small step toward {who}, {days_ago} days ago",
        "prediction": "They won't answer",
        "fear_came_true": fear,
        "reliable": reliable,
        **({} if fear_likely is None else {"fear_likely": fear_likely}),
    }
    return EntryFactory(
        user=user,
        practice="trust-experiment",
        data=data,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_a_step_of_trust_planned_and_looked_back_on_on_a_phone(new_page, db, color_scheme):
    user = UserFactory()
    TrustedPersonFactory(user=user, name="Sam")
    page = new_page(PHONE, color_scheme=color_scheme, user=user)
    page.goto("/practice/")
    page.get_by_role("link", name=TRUST_EXPERIMENT.name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TRUST_EXPERIMENT.name)
    expect(page.get_by_text("Choose someone who has mostly been safe for you.")).to_be_visible()
    check_page(page, 360)

    # One screen a step, and only what comes before the step: four of them.
    steps = page.locator("form.guided [data-step]")
    expect(steps).to_have_count(4)
    who = page.get_by_label(re.compile("^Who would you like to trust a little more"))
    expect(who).to_have_attribute("list", "trust-who-suggestions")
    expect(page.locator("#trust-who-suggestions option")).to_have_attribute("value", "Sam")
    who.fill("Sam")
    page.get_by_role("button", name="Next", exact=True).click()
    expect(page.locator("[data-step-progress]")).to_have_text("Step 2 of 4")
    page.get_by_label("What small step of trust will you take?").fill("Ask Sam to call me back")
    slider = page.get_by_role("slider", name=re.compile("How safe does this step feel"))
    slider.focus()
    slider.press("ArrowRight")
    check_page(page, 360)
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_label("What do you predict will happen?").fill("He'll forget")
    page.get_by_role("button", name="Next", exact=True).click()
    expect(
        page.get_by_role("group", name=re.compile("When would you like to look back"))
    ).to_be_visible()
    page.get_by_label("Tomorrow").check()
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page).to_have_url(re.compile(r"/practice/entries/\d+/\?saved=1$"))
    expect(page.get_by_role("status").first).to_contain_text("It will be here when it's time")
    entry = Entry.objects.get(user=user, practice="trust-experiment")
    assert entry.data["who"] == "Sam" and entry.data["feels_safe"] == 6
    expect(page.get_by_text("It will be ready to look back on")).to_be_visible()
    check_page(page, 360)

    # The step happened sooner: the person looks back now.
    page.get_by_role("link", name="you can look back now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Looking back")
    expect(page.locator(".card")).to_contain_text("Ask Sam to call me back")
    check_page(page, 360)
    page.get_by_label("What happened?").fill("He called the next evening")
    page.get_by_role("group", name="Did what you feared come true?").get_by_label("No").check()
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_role("group", name="Did they prove reliable this time?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_label("What does it tell you?").fill("Asking plainly worked")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page).to_have_url(re.compile(rf"/practice/entries/{entry.pk}/\?saved=1$"))
    expect(page.locator("dl.answers").last).to_contain_text("He called the next evening")
    expect(page.get_by_role("link", name="Look back on it now")).to_have_count(0)
    check_page(page, 360)

    page.get_by_role("link", name="What your trust experiments add up to").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trust, step by step")
    expect(page.locator("#trust-summary")).to_contain_text("You've looked back on 1 step so far")
    people = page.get_by_role("region", name=re.compile("Each person"))
    expect(people).to_contain_text("Sam")
    check_page(page, 360)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_what_the_steps_add_up_to_on_a_desktop(new_page, db, color_scheme):
    user = UserFactory()
    looked_back(user, "Sam", "no", "yes", days_ago=30, fear_likely=8)
    looked_back(user, "Sam", "partly", "partly", days_ago=20, fear_likely=6)
    looked_back(user, "Ana", "yes", "no", days_ago=12)
    looked_back(user, "Alex", "no", "too-early", days_ago=10)
    EntryFactory(
        user=user,
        practice="trust-experiment",
        data={"who": "Ana", "step": "Tell Ana about the interview", "prediction": "She'll laugh"},
        created_at=timezone.now() - timedelta(days=9),
    )
    page = new_page(DESKTOP, color_scheme=color_scheme, user=user)
    page.goto(SUMMARY)
    expect(page.locator("#trust-summary")).to_contain_text(
        "Across 4 steps you looked back on, what you feared came true 1 time (25%)"
    )
    expect(page.get_by_role("img", name="How often what you feared came true")).to_be_visible()
    expect(page.get_by_text("A fear that came true is information, not a failure.")).to_be_visible()
    figures = page.get_by_role("region", name=re.compile("How often what you feared came true"))
    expect(figures.get_by_role("row")).to_have_count(4)
    people = page.get_by_role("region", name=re.compile("Each person"))
    expect(people.get_by_role("row")).to_have_count(4)
    expect(people.get_by_role("row").nth(1)).to_contain_text("Ana")
    ready = page.get_by_role("region", name="Ready to look back")
    ready.get_by_role("link", name="Tell Ana about the interview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Looking back")
    check_page(page, 1280)
    page.goto(SUMMARY)
    check_page(page, 1280)
