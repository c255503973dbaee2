"""Your therapist, on a phone and a desktop, in light and dark: make a code, choose what is
shared, end the link. Every page axe clean and without sideways scrolling."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from selftrust.care import categories
from selftrust.care.links import accept_invitation
from selftrust.care.models import CareLink, EndedBy
from tests.browser.conftest import DESKTOP, PHONE, check_page, open_site_menu
from tests.care.conftest import make_therapist
from tests.factories import UserFactory


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_invite_share_and_end_the_link(new_page, viewport, color_scheme):
    person = UserFactory()
    therapist = make_therapist(username="dr-rivera")
    page = new_page(viewport, color_scheme=color_scheme, user=person)
    width = viewport["width"]

    page.goto(reverse("promises:today"))
    open_site_menu(page)
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Therapist", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1, name="Your therapist")).to_be_visible()
    expect(page.get_by_text("Nothing is shared until you choose.")).to_be_visible()
    check_page(page, width)

    page.get_by_role("button", name="Make an invitation code").click()
    code = page.locator("[data-invitation-code]").inner_text()
    assert len(code) == 14 and code.count("-") == 2
    expect(page.get_by_role("img", name="A QR code of the same link")).to_be_visible()
    check_page(page, width)

    link = accept_invitation(therapist, code)
    page.goto(reverse("care:home"))
    section = page.locator(f"#link-{link.pk}")
    expect(section.get_by_role("heading", name="Linked with dr-rivera")).to_be_visible()
    expect(section.get_by_role("checkbox", checked=True)).to_have_count(0)
    check_page(page, width)

    section.get_by_label("Mood and energy", exact=True).check()
    section.get_by_label("Thought record", exact=True).check()
    section.get_by_role("button", name="Save what dr-rivera can see").click()
    expect(
        page.get_by_text("Saved. From now on, dr-rivera sees only what you ticked.")
    ).to_be_visible()
    link.refresh_from_db()
    assert link.shared == [categories.MOOD, "practice-thought-record"]
    expect(page.locator(f"#link-{link.pk}").get_by_role("checkbox", checked=True)).to_have_count(2)
    check_page(page, width)

    page.locator(f"#link-{link.pk}").get_by_role("link", name="End the link with dr-rivera").click()
    expect(
        page.get_by_role("heading", level=1, name="End the link with dr-rivera?")
    ).to_be_visible()
    check_page(page, width)
    page.get_by_role("button", name="Yes, end the link now").click()
    expect(page.get_by_text("The link with dr-rivera has ended.")).to_be_visible()
    link = CareLink.objects.get(pk=link.pk)
    assert (link.is_active, link.ended_by) == (False, EndedBy.PERSON)
    check_page(page, width)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_an_ending_by_the_therapist_is_told_and_their_suggestion_stays(new_page, color_scheme):
    from selftrust.care import homework
    from selftrust.care.links import end_link
    from tests.care.conftest import link_between

    person = UserFactory()
    link = link_between(person, make_therapist(username="dr-okafor"))
    homework.assign(link, "practice", "win", note="One small thing this week")
    end_link(link, EndedBy.THERAPIST)

    page = new_page(PHONE, color_scheme=color_scheme, user=person)
    page.goto(reverse("promises:today"))
    card = page.locator(".from-therapist")
    expect(card.locator(".link-ended")).to_contain_text("Your link with dr-okafor ended on")
    expect(card.get_by_text("A small win")).to_be_visible()
    check_page(page)

    card.get_by_role("link", name="Your therapist page").click()
    ended = page.get_by_role("region", name="Links that have ended")
    expect(ended).to_contain_text("dr-okafor ended it")
    check_page(page)
    page.get_by_role("button", name="Not for me").first.click()
    expect(page.get_by_text("Set aside.")).to_be_visible()
