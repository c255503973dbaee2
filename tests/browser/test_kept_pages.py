"""Kept pages in a real browser (web/page_cache.py): one person on two devices.

The phone's Today is kept; the laptop is given that kept page with its own CSRF token, checks in
through it, and the phone's next look shows the answer at once.
"""

from django.urls import reverse
from playwright.sync_api import expect

from selftrust.promises.models import CheckIn
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import PromiseFactory, UserFactory


def test_a_kept_today_works_on_a_second_device_and_a_check_in_shows_on_the_first(new_page):
    user = UserFactory()
    PromiseFactory(user=user, text="Drink a glass of water")
    phone = new_page(PHONE, user=user)
    laptop = new_page(DESKTOP, user=user)

    phone.goto(reverse("promises:today"))
    expect(phone.locator("form.due-item", has_text="Drink a glass of water")).to_have_count(1)

    # The laptop's Today is the kept page; its forms carry the laptop's own token.
    laptop.goto(reverse("promises:today"))
    card = laptop.locator("form.due-item", has_text="Drink a glass of water")
    card.get_by_role("button", name="Kept", exact=True).click()
    card = laptop.locator("form.due-item", has_text="Drink a glass of water")
    expect(card.locator(".answered")).to_contain_text("You answered: kept.")
    laptop.wait_for_load_state("networkidle")
    assert CheckIn.objects.get(promise__user=user).outcome == "kept"

    # The phone's next look is made afresh: the check-in is there.
    phone.reload()
    card = phone.locator("form.due-item", has_text="Drink a glass of water")
    expect(card.get_by_role("button", name="Kept", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    # Moving about and back gives the kept page again, still right.
    phone.goto(reverse("insights:progress"))
    phone.goto(reverse("promises:today"))
    expect(
        phone.locator("form.due-item", has_text="Drink a glass of water").locator(".answered")
    ).to_contain_text("You answered: kept.")
