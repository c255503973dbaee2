"""The Reminders page on a phone: calm, accessible, and every choice works as a plain form."""

import re
from datetime import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import check_page
from tests.factories import PromiseFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def person():
    user = UserFactory(time_zone="Europe/Berlin")
    PromiseFactory(user=user, text="Rest for ten minutes", time_of_day=time(17, 30))
    PromiseFactory(user=user, text="Drink a glass of water")
    return user


def test_reminders_page_on_a_phone_calendar_address_and_pausing(new_page, person):
    page = new_page(user=person)
    page.goto("/settings/")
    page.get_by_role("link", name="Choose reminders").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reminders")
    check_page(page, 360)

    # A promise with a time can be chosen; one without says how to get a reminder.
    page.get_by_role("button", name="Remind me at its time").click()
    expect(page.get_by_text("You'll get a gentle reminder at 17:30.")).to_be_visible()
    expect(page.get_by_role("button", name="Stop reminding me")).to_be_visible()
    expect(page.get_by_role("link", name="add a time")).to_be_visible()

    # The calendar address is shown once, and it really is a calendar.
    page.get_by_role("button", name="Make a private calendar address").click()
    address = page.locator("#calendar-url")
    expect(address).to_have_text(re.compile(r"^http://.+/calendar/[\w-]+\.ics$"))
    feed = page.request.get(address.inner_text())
    assert feed.ok
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in feed.text()
    check_page(page, 360)

    # Pause everything, and come back to it.
    page.get_by_role("button", name="Pause all reminders").click()
    expect(page.get_by_role("heading", name="All reminders are paused")).to_be_visible()
    expect(page.get_by_text("Nothing will be sent until you resume them.")).to_be_visible()
    check_page(page, 360)
    page.get_by_role("button", name="Resume reminders").click()
    expect(page.get_by_role("heading", name="Pause all reminders")).to_be_visible()


def test_quiet_hours_are_saved_and_words_stay_hidden_by_default(new_page, person):
    page = new_page(user=person)
    page.goto("/settings/reminders/")
    expect(page.get_by_label("Show the words of my promise in reminders")).not_to_be_checked()
    page.get_by_label("Quiet from").fill("21:30")
    page.get_by_label("Quiet until").fill("07:15")
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your reminder choices are saved.")).to_be_visible()
    expect(page.get_by_label("Quiet from")).to_have_value("21:30")
    expect(page.get_by_label("Quiet until")).to_have_value("07:15")
    check_page(page, 360)
