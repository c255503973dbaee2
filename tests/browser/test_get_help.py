"""Get help now and Ground me now in a crisis moment, on a 360 × 740 phone."""

import re

import pytest
from playwright.sync_api import expect

from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

SCREEN_HEIGHT = PHONE["height"]
THUMB = 48  # the smallest comfortable target for a shaking thumb, in CSS pixels


def _person_with_full_plan_and_two_people():
    user = UserFactory()
    ana = TrustedPerson.objects.create(user=user, name="Ana", phone="+44 7700 900123")
    sam = TrustedPerson.objects.create(user=user, name="Sam", phone="020 7946 0111")
    plan = SafetyPlan.objects.create(
        user=user,
        warning_signs="Not sleeping\nCancelling on friends\nThe thought that nothing will change",
        coping_on_my_own="A hot shower\nGround me now\nWalk round the block\nMy calm playlist",
        people_and_places="The library\nThe café on the corner",
        asking_for_help="My cousin Ana\nMy friend from the Tuesday group",
        professionals="My therapist, Dr Ade: 020 7946 0000 (weekdays)",
        safer_surroundings="Ask Sam to keep my tablets for a while",
        reasons_for_living="My cat, Miso\nSeeing the sea again\nMy niece's laugh",
    )
    plan.help_people.add(ana, sam)
    return user


def _call_buttons_on_the_first_screen(page):
    buttons = page.locator(".call-now a.call-button[href^='tel:']")
    on_first_screen = []
    for index in range(buttons.count()):
        box = buttons.nth(index).bounding_box()
        assert box["height"] >= THUMB
        if box["y"] + box["height"] <= SCREEN_HEIGHT:
            on_first_screen.append(buttons.nth(index).get_attribute("href"))
    return on_first_screen


def test_signed_in_with_a_full_plan_and_two_people_every_call_button_is_on_the_first_screen(
    new_page,
):
    user = _person_with_full_plan_and_two_people()
    page = new_page(PHONE, user=user)
    page.goto("/help/")
    assert page.evaluate("window.scrollY") == 0
    hrefs = _call_buttons_on_the_first_screen(page)
    # The person's own people first, then the line for their country, then the emergency number.
    assert hrefs == ["tel:+447700900123", "tel:02079460111", "tel:988", "tel:911"]
    expect(page.get_by_text("Showing lines for the United States (our guess)")).to_be_visible()
    # The plan follows, whole, one tap away.
    page.get_by_role("link", name="Open my plan").click()
    expect(page.get_by_role("heading", name="My safety plan")).to_be_in_viewport()
    expect(page.get_by_text("Seeing the sea again")).to_be_visible()
    check_page(page)


def test_logged_out_the_crisis_line_and_emergency_number_are_on_the_first_screen(new_page):
    page = new_page(PHONE)
    page.goto("/help/")
    assert _call_buttons_on_the_first_screen(page) == ["tel:988", "tel:911"]
    expect(
        page.get_by_role("link", name="Text 988 Suicide & Crisis Lifeline on 988")
    ).to_be_visible()
    check_page(page)


def test_the_country_is_guessed_from_the_browser_and_changed_in_settings(new_page):
    user = UserFactory()
    page = new_page(PHONE, user=user, locale="de-DE", timezone_id="Europe/Berlin")
    page.goto("/help/")
    expect(page.get_by_text("Showing lines for Germany (our guess)")).to_be_visible()
    assert "tel:08001110111" in _call_buttons_on_the_first_screen(page)
    assert "tel:112" in _call_buttons_on_the_first_screen(page)

    page.goto("/settings/")
    page.get_by_label("Your country").select_option(label="Ireland")
    page.get_by_role("button", name="Save country").click()
    expect(page).to_have_url(re.compile(r"/settings/$"))
    expect(page.get_by_text("Get help now will show the lines for Ireland.")).to_be_visible()
    check_page(page)

    page.get_by_role("link", name="Get help now").click()
    expect(page.get_by_text("Lines for Ireland")).to_be_visible()
    expect(page.get_by_text("our guess")).to_have_count(0)
    assert _call_buttons_on_the_first_screen(page)[:2] == ["tel:116123", "tel:1800247247"]


def test_a_visitor_picks_a_country_without_an_account(new_page):
    page = new_page(DESKTOP, locale="en-GB", timezone_id="Europe/London")
    page.goto("/help/")
    expect(page.get_by_text("Showing lines for the United Kingdom (our guess)")).to_be_visible()
    page.get_by_role("link", name="change country").click()
    check_page(page)
    page.get_by_label("Your country").select_option(label="Australia")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".region-note")).to_contain_text("Lines for Australia")
    expect(page.locator(".call-now a[href='tel:000']")).to_be_visible()


def test_ground_me_now_on_a_phone_is_full_screen_with_one_way_back(new_page):
    page = new_page(PHONE, user=UserFactory(), color_scheme="dark")
    page.goto("/promises/")
    page.get_by_role("link", name="Ground me now").click()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_be_in_viewport()
    expect(page.get_by_role("banner").get_by_role("link", name="Get help now")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name="Go back", exact=True).click()
    expect(page).to_have_url(re.compile(r"/promises/$"))
