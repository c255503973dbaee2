"""Mood and energy on Today, on a phone: two taps, saved, in light and in dark."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from selftrust.insights.models import DailyCheck
from tests.browser.conftest import PHONE, check_page
from tests.factories import UserFactory


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_mood_and_energy_are_two_taps_on_today(new_page, color_scheme):
    user = UserFactory()
    page = new_page(PHONE, color_scheme=color_scheme, user=user)
    page.goto(reverse("promises:today"))
    card = page.locator("#daily-check")
    expect(card.get_by_role("heading", name="How is today feeling?")).to_be_visible()
    check_page(page, 360)

    card.get_by_role("group", name="Mood").get_by_label("Good", exact=True).click()
    expect(page.locator("#daily-check").get_by_role("status")).to_contain_text("Saved.")
    # Waiting for the answer itself: the page reached "network idle" long before this tap,
    # so waiting for that state again returns at once, sometimes before the save.
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.locator("#daily-check").get_by_role("group", name="Energy").get_by_label(
            "Steady"
        ).click()
    expect(page.get_by_role("group", name="Energy").get_by_label("Steady")).to_be_checked()
    expect(page.get_by_role("group", name="Energy").get_by_label("Steady")).to_be_focused()
    check = DailyCheck.objects.get(user=user)
    assert (check.mood, check.energy) == (4, 3)
    check_page(page, 360)

    page.reload()
    expect(page.get_by_role("group", name="Mood").get_by_label("Good", exact=True)).to_be_checked()
    expect(page.get_by_role("group", name="Energy").get_by_label("Steady")).to_be_checked()


def test_not_today_hides_the_check_and_saves_nothing(new_page):
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto(reverse("promises:today"))
    page.get_by_role("button", name="Not today").click()
    expect(page.get_by_text("Hidden for today.")).to_be_visible()
    page.reload()
    expect(page.locator("#daily-check")).to_have_count(0)
    assert not DailyCheck.objects.filter(user=user).exists()
