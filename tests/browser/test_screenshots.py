"""The README's screenshots. Off by default, since they change every day:

SELFTRUST_SCREENSHOTS=1 .venv/bin/pytest tests/browser/test_screenshots.py
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from selftrust.promises.models import Outcome
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import CheckInFactory, PromiseFactory, UserFactory

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.skipif(
    not os.environ.get("SELFTRUST_SCREENSHOTS"),
    reason="set SELFTRUST_SCREENSHOTS=1 to refresh docs/screenshots",
)


@pytest.fixture(autouse=True)
def _folder():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)


def test_today_on_a_phone(new_page):
    user = UserFactory()
    water = PromiseFactory(user=user, text="Drink a glass of water when I wake up")
    PromiseFactory(user=user, text="Step outside for five minutes")
    PromiseFactory(user=user, text="Say no to one thing without explaining why")
    CheckInFactory(promise=water, outcome=Outcome.KEPT)
    page = new_page(PHONE, user=user)
    page.goto("/today/")
    expect(page.get_by_role("button", name="Kept", exact=True).first).to_have_attribute(
        "aria-pressed", "true"
    )
    check_page(page)
    page.screenshot(path=SCREENSHOTS / "today.png", full_page=True)


def test_track_record_on_a_desktop(new_page):
    user = UserFactory()
    today = user.local_today()
    plans = [
        ("Drink a glass of water when I wake up", 84, [Outcome.KEPT] * 4 + [Outcome.PARTLY]),
        ("Step outside for five minutes", 60, [Outcome.KEPT, Outcome.NOT_THIS_TIME, Outcome.KEPT]),
        ("Rest for ten minutes when I notice I'm tired", 30, [Outcome.PARTLY, Outcome.KEPT]),
    ]
    for text, days, outcomes in plans:
        promise = PromiseFactory(user=user, text=text, starts_on=today - timedelta(days=days))
        for offset in range(days, -1, -1):
            # Not every day is answered, and the record still grows.
            if offset % 4 == 3:
                continue
            outcome = outcomes[offset % len(outcomes)]
            CheckInFactory(promise=promise, day=today - timedelta(days=offset), outcome=outcome)
    page = new_page(DESKTOP, user=user)
    page.goto("/track-record/")
    check_page(page)
    page.screenshot(path=SCREENSHOTS / "track-record.png", full_page=True)


def test_safety_plan_printed_and_on_a_phone(new_page):
    from tests.browser.test_safety_plan import _full_plan

    user = UserFactory()
    _full_plan(user)
    page = new_page(PHONE, user=user)
    page.goto("/help/")
    check_page(page)
    page.screenshot(path=SCREENSHOTS / "get-help-now-with-plan.png", full_page=True)
    printed = new_page(DESKTOP, user=user)
    printed.goto("/safety-plan/")
    printed.emulate_media(media="print")
    printed.screenshot(path=SCREENSHOTS / "safety-plan-print.png", full_page=True)
    printed.pdf(path=SCREENSHOTS.parent / "safety-plan-example.pdf", format="A4")
