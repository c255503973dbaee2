"""The promise form on a phone in Berlin: only the chosen schedule's fields, and Today's fold."""

from datetime import timedelta

from django.urls import reverse
from playwright.sync_api import expect

from selftrust.promises.models import Schedule
from tests.browser.conftest import PHONE, check_page
from tests.factories import PromiseFactory, UserFactory


def berlin_phone(new_page, user):
    return new_page(PHONE, user=user, locale="de-DE", timezone_id="Europe/Berlin")


def test_the_form_shows_only_the_chosen_schedule_s_fields(new_page):
    page = berlin_phone(new_page, UserFactory(time_zone="Europe/Berlin"))
    page.goto(reverse("promises:create"))
    weekdays = page.locator('[data-for-schedule="weekdays"]')
    day = page.locator('input[name="due_date"]')
    # Present on the page (hidden is not the same as missing).
    expect(weekdays.locator('input[type="checkbox"]')).to_have_count(7)
    expect(day).to_have_count(1)

    expect(page.get_by_label("Every day")).to_be_checked()
    expect(weekdays).to_be_hidden()
    expect(day).to_be_hidden()
    expect(day).to_be_disabled()  # not posted
    expect(page.get_by_text("Only for “Once”.")).to_have_count(1)
    expect(page.get_by_text("Only for “Once”.")).to_be_hidden()
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"new-promise form, 360x740, Every day: {height}px tall")
    check_page(page, 360)

    page.get_by_label("On days I choose").check()
    expect(weekdays).to_be_visible()
    expect(page.get_by_role("group", name="Which days")).to_be_visible()
    expect(page.get_by_label("Friday")).to_be_enabled()
    expect(day).to_be_hidden()
    expect(page.get_by_label("On days I choose")).to_be_focused()
    check_page(page, 360)

    page.get_by_label("Once").check()
    expect(day).to_be_visible()
    expect(day).to_be_enabled()
    expect(weekdays).to_be_hidden()
    # An ISO date input: the browser writes it the person's way.
    assert day.get_attribute("type") == "date"
    check_page(page, 360)


def test_a_promise_for_chosen_days_is_saved_with_only_those_days(new_page):
    user = UserFactory(time_zone="Europe/Berlin")
    page = berlin_phone(new_page, user)
    page.goto(reverse("promises:create"))
    page.get_by_label("My small promise to myself").fill("Stretch for two minutes")
    page.get_by_label("On days I choose").check()
    page.get_by_label("Tuesday").check()
    page.get_by_label("Every day").check()  # changed my mind: the ticked day no longer counts
    page.get_by_role("button", name="Make this promise").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    promise = user.promises.get()
    assert (promise.schedule, promise.weekdays) == ("daily", [])


def test_today_folds_what_is_not_due_with_the_next_day_day_first(new_page):
    user = UserFactory(time_zone="Europe/Berlin")
    today = user.local_today()
    later = today + timedelta(days=12)
    PromiseFactory(user=user, text="Drink a glass of water")
    PromiseFactory(user=user, text="See the dentist", schedule=Schedule.ONCE, due_date=later)
    page = berlin_phone(new_page, user)
    page.goto(reverse("promises:today"))
    fold = page.locator("details.not-due-today")
    expect(fold.locator("summary")).to_have_text("Not due today (1)")
    expect(fold.get_by_text("See the dentist")).to_be_hidden()
    fold.locator("summary").click()
    expect(fold.get_by_text(f"next: {later.day} {later:%B}")).to_be_visible()
    expect(page.get_by_text(f"{today:%A} {today.day} {today:%B}")).to_be_visible()
    check_page(page, 360)
