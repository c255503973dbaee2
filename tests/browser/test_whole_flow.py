"""The whole path a new person takes, at phone size, checking every page on the way."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import check_page

PASSPHRASE = "slow river morning"


def test_sign_up_promise_check_in_and_find_support(phone_page, live_server):
    page = phone_page

    # Sign up.
    page.goto("/signup/")
    check_page(page, 360)
    page.get_by_label("Username").fill("river")
    page.get_by_label(re.compile(r"^Passphrase")).fill(PASSPHRASE)  # password1
    page.get_by_label("The same passphrase again").fill(PASSPHRASE)  # password2
    page.get_by_role("button", name="Create my account").click()

    # Recovery codes, shown once: there is no email reset.
    expect(page.get_by_role("heading", level=1)).to_contain_text("recovery codes")
    check_page(page, 360)
    page.get_by_role("button", name="I have saved them").click()

    # Welcome: three calm sentences, then the first promise.
    expect(page).to_have_url(re.compile(r"/welcome/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, river")
    expect(page.locator("main .card p")).to_have_count(3)
    check_page(page, 360)
    page.get_by_role("button", name="Make my first small promise").click()

    # Make a promise.
    expect(page).to_have_url(re.compile(r"/promises/new/$"))
    check_page(page, 360)
    page.get_by_label("My small promise to myself").fill("Drink a glass of water")
    page.get_by_role("button", name="Make this promise").click()

    # Today shows it.
    expect(page).to_have_url(re.compile(r"/today/$"))
    expect(page.get_by_role("status").first).to_contain_text("Drink a glass of water")
    card = page.locator("form.due-item", has_text="Drink a glass of water")
    expect(card).to_have_count(1)
    check_page(page, 360)

    # Tap "Kept": htmx swaps the card in place.
    card.get_by_role("button", name="Kept", exact=True).click()
    card = page.locator("form.due-item", has_text="Drink a glass of water")
    expect(card.get_by_role("button", name="Kept", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(card.locator(".answered")).to_contain_text("Saved.")
    expect(card.locator(".answered")).to_contain_text("You answered: kept.")
    expect(page.locator("[data-announcer]")).to_have_text("Saved. You answered: kept.")
    expect(page).to_have_url(re.compile(r"/today/$"))
    check_page(page, 360)

    # Track record shows the new evidence (on a phone, Progress is in the header's Menu, and
    # the track record one of the pages it joins).
    page.get_by_role("banner").locator("summary", has_text="Menu").click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    page.get_by_role("navigation", name="Looking back").get_by_role(
        "link", name="Track record"
    ).click()
    expect(page).to_have_url(re.compile(r"/track-record/$"))
    figures = page.locator(".figures")
    # One day of answers: the whole record is that day, so "since" says it (a "last 7 days"
    # box would only repeat it).
    expect(figures.locator(".figure", has_text="kept, since")).to_contain_text("100%")
    strength = figures.locator(".figure", has_text="strength").locator(".value")
    assert int(strength.inner_text().rstrip("%")) > 0
    expect(page.get_by_role("img", name="Overall strength over time")).to_be_visible()
    page.get_by_text("The figures as a table").click()
    expect(
        page.get_by_role("table", name=re.compile(r"^Overall strength at the end of each"))
    ).to_be_visible()
    expect(
        page.get_by_role("table", name="Kept share and strength for each promise")
    ).to_contain_text("Drink a glass of water")
    check_page(page, 360)

    # Ground me now, from the header.
    page.get_by_role("navigation", name="Support right now").get_by_role(
        "link", name="Ground me now"
    ).click()
    expect(page).to_have_url(re.compile(r"/ground/$"))
    check_page(page, 360)
    steps = page.locator("[data-steps] li")
    expect(page.locator("[data-step-status]")).to_contain_text("Step 1 of 5: Name 5 things")
    expect(steps.nth(0)).to_be_visible()
    next_button = page.get_by_role("button", name="Next")
    for number in range(2, 6):
        next_button.click()
        expect(page.locator("[data-step-status]")).to_contain_text(f"Step {number} of 5")
        expect(steps.nth(number - 1)).to_be_visible()
        expect(steps.nth(number - 2)).to_be_hidden()
    expect(page.get_by_role("button", name="Start again")).to_be_visible()
    check_page(page, 360)

    # Get help now, from Ground me now's calm bar (its only other link is the way back).
    page.get_by_role("banner").get_by_role("link", name="Get help now").click()
    expect(page).to_have_url(re.compile(r"/help/$"))
    expect(page.get_by_role("link", name="Call: 988")).to_be_visible()
    expect(page.get_by_role("link", name="Call 911")).to_be_visible()
    expect(page.get_by_role("heading", name="988 Suicide & Crisis Lifeline")).to_be_visible()
    check_page(page, 360)

    # Log out (in the Menu), back to the login page.
    page.get_by_role("banner").locator("summary", has_text="Menu").click()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login/$"))
    expect(page.get_by_role("status")).to_contain_text("You're logged out")
    check_page(page, 360)
