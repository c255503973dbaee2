"""Two pages saving one plan, and a strict Content-Security-Policy that breaks nothing."""

import re

import pytest
from playwright.sync_api import expect

from selftrust.safety.models import SafetyPlan
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import EntryFactory, PromiseFactory, SafetyPlanFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _open_reasons_step(page):
    page.goto("/safety-plan/edit/")
    for _ in range(6):
        page.get_by_role("button", name="Next", exact=True).click()
    return page.locator("form.guided [data-step]").nth(6).get_by_role("textbox")


def test_two_pages_saving_one_plan_show_both_versions_and_lose_nothing(new_page):
    user = UserFactory()
    SafetyPlanFactory(user=user, reasons_for_living="My cat")
    laptop = new_page(PHONE, user=user)
    phone = new_page(PHONE, user=user)

    laptop_reasons = _open_reasons_step(laptop)
    phone_reasons = _open_reasons_step(phone)
    phone_reasons.fill("My cat\nThe sea")
    phone.get_by_role("button", name="Save my plan").click()
    expect(phone).to_have_url("/safety-plan/")

    laptop_reasons.fill("My cat\nMy niece")
    laptop.get_by_role("button", name="Save my plan").click()

    notice = laptop.get_by_role("alert").filter(has_text="changed somewhere else")
    expect(notice).to_be_visible()
    table = laptop.get_by_role("table", name="Where the two differ")
    expect(table.get_by_role("row", name=re.compile("reasons for living"))).to_contain_text(
        "The sea"
    )
    expect(table.get_by_role("row", name=re.compile("reasons for living"))).to_contain_text(
        "My niece"
    )
    assert SafetyPlan.objects.get(user=user).reasons_for_living == "My cat\nThe sea"
    check_page(laptop)

    # Combine them by hand, then save: the laptop's page now carries the newer version.
    for _ in range(6):
        laptop.get_by_role("button", name="Next", exact=True).click()
    laptop.locator("form.guided [data-step]").nth(6).get_by_role("textbox").fill(
        "My cat\nThe sea\nMy niece"
    )
    laptop.get_by_role("button", name="Save my plan").click()
    expect(laptop).to_have_url("/safety-plan/")
    assert SafetyPlan.objects.get(user=user).reasons_for_living == "My cat\nThe sea\nMy niece"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_page_trips_the_content_security_policy(new_page, viewport):
    user = UserFactory()
    promise = PromiseFactory(user=user)
    entry = EntryFactory(user=user)
    SafetyPlanFactory(user=user)
    page = new_page(viewport, user=user)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    for path in [
        "/today/",
        "/track-record/",
        "/promises/",
        f"/promises/{promise.pk}/edit/",
        "/practice/",
        "/practice/mine/",
        f"/practice/entries/{entry.pk}/",
        "/practice/thought-record/new/",
        "/safety-plan/",
        "/safety-plan/edit/",
        "/ground/",
        "/help/",
        "/assessments/",
        "/lessons/",
        "/settings/",
        "/privacy/",
        "/api/v1/docs",
    ]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    # htmx at work under the policy: typing autosaves a draft through an htmx request.
    page.goto("/practice/thought-record/new/")
    with page.expect_response(re.compile(r"/draft|/autosave")):
        page.locator("textarea").first.fill("Testing the policy")
    assert violations == []
