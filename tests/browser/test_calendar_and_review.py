"""The month calendar and the weekly review, on a 360 px phone and a 1280 px desktop, in light
and in dark: axe-clean, no sideways scrolling, a real table a screen reader can read, and a
review that works with the keyboard, step by step on a phone, and without JavaScript."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from selftrust.insights.models import DailyCheck, Energy, Mood, WeeklyReview
from selftrust.promises.models import Outcome, Promise
from tests.browser.conftest import DESKTOP, PHONE, check_page, log_in, open_site_menu
from tests.factories import CheckInFactory, PromiseFactory, UserFactory
from tests.insights.factories import WeeklyReviewFactory

LOOKS = {
    "phone-light": (PHONE, "light"),
    "phone-dark": (PHONE, "dark"),
    "desktop-light": (DESKTOP, "light"),
    "desktop-dark": (DESKTOP, "dark"),
}
CYCLE = [Outcome.KEPT, Outcome.KEPT, Outcome.PARTLY, Outcome.NOT_THIS_TIME, Outcome.LET_GO]


def person_with_weeks():
    """Six weeks of three promises and daily checks, with a few days left unanswered."""
    user = UserFactory()
    today = user.local_today()
    promises = [
        PromiseFactory(user=user, text=text, starts_on=today - timedelta(days=60))
        for text in ("Drink a glass of water", "Step outside", "Rest for ten minutes")
    ]
    for offset in range(42):
        if offset % 5 == 3:
            continue
        day = today - timedelta(days=offset)
        for index, promise in enumerate(promises):
            CheckInFactory(promise=promise, day=day, outcome=CYCLE[(offset + index) % 5])
        DailyCheck.objects.create(
            user=user, day=day, mood=1 + offset % 5, energy=1 + (offset // 2) % 4
        )
    return user


@pytest.mark.parametrize("look", LOOKS)
def test_the_calendar_is_a_readable_table_in_every_look(new_page, look):
    viewport, scheme = LOOKS[look]
    user = person_with_weeks()
    today = user.local_today()
    page = new_page(viewport, color_scheme=scheme, user=user)
    page.goto(reverse("insights:calendar"))

    table = page.get_by_role("table", name=f"{today:%B} {today.year}")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader")).to_have_count(7)
    # en-US: a Sunday-first week, the names whole for a screen reader.
    expect(table.get_by_role("columnheader").first).to_have_text("SunSunday")
    marked = table.locator('td[aria-current="date"]')
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("Today")
    expect(marked.get_by_role("link")).to_have_accessible_name(re.compile(r"today, open on Today"))
    # Every day with answers says so in words; a filled day is never only a colour.
    for cell in table.locator("td[class*='kept-']").all():
        expect(cell).to_contain_text(re.compile(r"\d+ of \d+ (partly )?kept"))
    check_page(page, viewport["width"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_months_change_with_the_keyboard(new_page, scheme):
    user = person_with_weeks()
    today = user.local_today()
    page = new_page(DESKTOP, color_scheme=scheme, user=user)
    page.goto(reverse("insights:calendar"))
    previous = page.get_by_role("link", name=re.compile("^Previous month"))
    previous.focus()
    page.keyboard.press("Enter")
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    expect(page.get_by_role("table", name=f"{last_month:%B} {last_month.year}")).to_be_visible()
    page.get_by_role("link", name="This month").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("table", name=f"{today:%B} {today.year}")).to_be_visible()
    check_page(page, DESKTOP["width"])


def test_the_calendar_is_reached_from_progress_in_the_menu_on_a_phone(new_page):
    page = new_page(PHONE, user=UserFactory())
    page.goto(reverse("promises:today"))
    open_site_menu(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    looking_back = page.get_by_role("navigation", name="Looking back")
    looking_back.get_by_role("link", name="Calendar").click()
    expect(page).to_have_url(re.compile(r"/calendar/$"))
    expect(looking_back.get_by_role("link", name="Calendar")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_role("heading", name="Calendar", exact=True)).to_be_visible()


def test_a_day_in_the_last_week_opens_on_today(new_page):
    user = person_with_weeks()
    page = new_page(PHONE, user=user)
    page.goto(reverse("insights:calendar"))
    page.locator('td[aria-current="date"]').get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/today/$"))


@pytest.mark.parametrize("look", LOOKS)
def test_the_weekly_review_is_axe_clean_in_every_look(new_page, look):
    viewport, scheme = LOOKS[look]
    user = person_with_weeks()
    review = WeeklyReviewFactory(user=user, next_promise_text="")
    page = new_page(viewport, color_scheme=scheme, user=user)
    page.goto(reverse("insights:weekly_reviews"))
    expect(page.get_by_role("link", name=re.compile("The week to"))).to_have_count(1)
    check_page(page, viewport["width"])
    page.goto(reverse("insights:weekly_review_new"))
    expect(page.get_by_role("heading", name="Your week in plain words")).to_be_visible()
    expect(page.get_by_role("heading", name="Something to notice")).to_be_visible()
    expect(page.get_by_text("This is something to notice, not a rule.")).to_be_visible()
    check_page(page, viewport["width"])
    page.goto(reverse("insights:weekly_review", args=[review.pk]))
    expect(page.get_by_role("heading", name="That week in plain words")).to_be_visible()
    check_page(page, viewport["width"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_review_goes_one_question_at_a_time(new_page, scheme):
    user = UserFactory()
    page = new_page(PHONE, color_scheme=scheme, user=user)
    page.goto(reverse("insights:weekly_review_new"))
    expect(page.get_by_text("Question 1 of 4")).to_be_visible()
    page.get_by_role("textbox", name="In my words").fill("Drank water every morning")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 2 of 4")).to_be_visible()
    expect(page.get_by_role("group", name="2. What got in the way")).to_be_visible()
    expect(page.get_by_role("group", name="1. What I kept")).to_be_hidden()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Question 4 of 4")).to_be_visible()
    page.get_by_role("textbox", name="In a few words").fill("Stretch after lunch")
    check_page(page, PHONE["width"])
    page.get_by_role("button", name="Keep this review").click()

    expect(page.get_by_text("Your review is kept.")).to_be_visible()
    expect(page.get_by_text("Drank water every morning")).to_be_visible()
    check_page(page, PHONE["width"])
    review = WeeklyReview.objects.get(user=user)
    assert review.next_promise == Promise.objects.get(user=user, text="Stretch after lunch")


def test_what_is_typed_survives_a_reload_as_a_draft(new_page):
    user = UserFactory()
    page = new_page(DESKTOP, user=user)
    page.goto(reverse("insights:weekly_review_new"))
    box = page.get_by_role("group", name="3. What I learned about myself").get_by_role("textbox")
    with page.expect_response(re.compile(r"/drafts/weekly-review:new/")):
        box.fill("Rest helps more than I thought")
    page.reload()
    expect(page.get_by_text("We kept what you were writing last time")).to_be_visible()
    expect(
        page.get_by_role("group", name="3. What I learned about myself").get_by_role("textbox")
    ).to_have_value("Rest helps more than I thought")


def test_the_review_works_without_javascript(browser, live_server):
    user = UserFactory()
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=False, base_url=live_server.url
    )
    context.set_default_timeout(10_000)
    try:
        log_in(context, live_server, user)
        page = context.new_page()
        page.goto(reverse("insights:weekly_review_new"))
        # Every question on one page, none hidden.
        for question in ("1. What I kept", "2. What got in the way", "4. One promise"):
            expect(page.get_by_role("group", name=re.compile(re.escape(question)))).to_be_visible()
        page.get_by_role("button", name="Keep this review").click()
        expect(page.get_by_text("Write a few words in any part")).to_be_visible()
        page.get_by_role("group", name="2. What got in the way").get_by_role("textbox").fill(
            "A late night"
        )
        page.get_by_role("button", name="Keep this review").click()
        expect(page.get_by_text("Your review is kept.")).to_be_visible()
        assert WeeklyReview.objects.get(user=user).got_in_the_way == "A late night"
    finally:
        context.close()


def test_a_link_between_energy_and_promises_is_shown_with_its_numbers(new_page):
    user = UserFactory()
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=30))
    for offset in range(14):
        day = today - timedelta(days=offset)
        lively = offset % 2 == 0
        DailyCheck.objects.create(
            user=user, day=day, mood=Mood.OKAY, energy=Energy.LIVELY if lively else Energy.LOW
        )
        outcome = Outcome.KEPT if lively else Outcome.NOT_THIS_TIME
        CheckInFactory(promise=promise, day=day, outcome=outcome)
    page = new_page(PHONE, color_scheme="dark", user=user)
    page.goto(reverse("insights:weekly_review_new"))
    notice = page.locator('[data-measure="energy"]')
    expect(notice).to_contain_text("you kept more of the promises you answered")
    expect(notice).to_contain_text("Steady or Lively: 7 days, 100% kept of 7 answers")
    expect(page.locator('[data-measure="mood"]')).to_contain_text("Not enough yet")
    check_page(page, PHONE["width"])
