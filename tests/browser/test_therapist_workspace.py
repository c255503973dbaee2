"""The therapist's caseload and a person's page, on a phone and a desktop, light and dark: no
axe violations, no sideways scrolling, and the person's shared record readable."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from selftrust.care import categories
from selftrust.care.homework import assign
from selftrust.care.models import SessionNote
from selftrust.insights.models import DailyCheck
from selftrust.promises.models import Outcome
from tests.browser.conftest import DESKTOP, PHONE, check_page, open_site_menu
from tests.care.conftest import link_between, make_therapist, signed_in_verified
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    EntryFactory,
    PromiseFactory,
    SafetyPlanFactory,
    ThoughtRecordFactory,
    UserFactory,
)

EVERYTHING = [category.slug for category in categories.all_categories()]
OUTCOMES = [Outcome.KEPT, Outcome.KEPT, Outcome.PARTLY, Outcome.NOT_THIS_TIME, Outcome.LET_GO]


def _person_with_a_shared_record(therapist):
    person = UserFactory(username="robin-with-a-rather-long-username", first_name="Robin")
    link = link_between(person, therapist, shared=EVERYTHING)
    today = person.local_today()
    water = PromiseFactory(
        user=person, text="Drink a glass of water", starts_on=today - timedelta(days=40)
    )
    for n in range(30):
        CheckInFactory(
            promise=water,
            day=today - timedelta(days=n),
            outcome=OUTCOMES[n % len(OUTCOMES)],
            note="Easier than I thought" if n == 2 else "",
        )
    for n in range(20):
        DailyCheck.objects.create(
            user=person, day=today - timedelta(days=n), mood=1 + n % 5, energy=1 + n % 4
        )
    for weeks, answer in ((8, 2), (4, 2), (0, 1)):
        AssessmentResponseFactory(
            user=person,
            instrument_slug="phq-9",
            answers=[answer] * 8 + [0],
            completed_at=timezone.now() - timedelta(weeks=weeks),
        )
    AssessmentResponseFactory(user=person, instrument_slug="pcl-5", answers=[2] * 20)
    EntryFactory(
        user=person, practice="grounding", data={"before": 7, "after": 3}, title="Grounding"
    )
    ThoughtRecordFactory(entry__user=person)
    SafetyPlanFactory(user=person)
    SessionNote.objects.create(person=person, text="The argument with my sister")
    assign(
        link,
        "practice",
        "grounding",
        note="When evenings feel long",
        due_on=today + timedelta(days=3),
    )
    assign(link, "promise", "Step outside for five minutes")
    return person


def _open_as_therapist(new_page, live_server, therapist, viewport, color_scheme):
    page = new_page(viewport, color_scheme=color_scheme)
    session = signed_in_verified(therapist).cookies["sessionid"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": session.value, "url": live_server.url, "httpOnly": True}]
    )
    return page


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_caseload_and_a_persons_page_read_well_everywhere(
    new_page, live_server, viewport, color_scheme
):
    therapist = make_therapist()
    person = _person_with_a_shared_record(therapist)
    for n in range(3):
        link_between(UserFactory(username=f"someone-{n}"), therapist)
    page = _open_as_therapist(new_page, live_server, therapist, viewport, color_scheme)
    width = viewport["width"]

    page.goto(reverse("care:therapist-caseload"))
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()
    expect(page.get_by_text("Nothing shared yet").first).to_be_visible()
    expect(page.locator(".change-mark.meaningful")).to_have_text(
        "Clinically meaningful improvement"
    )
    check_page(page, width)
    page.get_by_role("link", name="Last activity").click()
    expect(page.get_by_role("link", name="Last activity")).to_have_attribute("aria-current", "true")
    check_page(page, width)

    page.get_by_role("link", name="Robin").click()
    expect(page.get_by_role("heading", level=1, name="Robin")).to_be_visible()
    expect(page.get_by_role("heading", name="Promises and track record")).to_be_visible()
    expect(page.get_by_text("Easier than I thought")).to_be_visible()
    expect(page.get_by_text("The argument with my sister")).to_be_visible()
    expect(page.get_by_role("heading", name="My warning signs")).to_be_visible()
    check_page(page, width)

    page.get_by_role("link", name="Grounding").first.click()
    expect(page.get_by_text("Distress went from 7 to 3")).to_be_visible()
    check_page(page, width)

    page.goto(reverse("care:therapist-summary", args=[person.pk]))
    expect(page.get_by_role("heading", name="Session summary: Robin")).to_be_visible()
    check_page(page, width)

    # Ground me now and Get help now stay one tap away in the workspace too.
    expect(page.get_by_role("link", name="Ground me now")).to_be_visible()
    expect(page.get_by_role("link", name="Get help now")).to_be_visible()
    open_site_menu(page)


def test_a_suggestion_made_on_a_phone_is_listed_at_once(new_page, live_server):
    therapist = make_therapist()
    person = _person_with_a_shared_record(therapist)
    page = _open_as_therapist(new_page, live_server, therapist, PHONE, "light")
    page.goto(reverse("care:therapist-person", args=[person.pk]))
    form = page.locator("form.homework-form")
    form.get_by_role("radio", name="A lesson").check()
    form.get_by_role("combobox", name="Lesson").select_option(label="Values: what matters to you")
    form.get_by_label("A note for them (optional)").fill("Whenever you have a quiet moment")
    form.get_by_role("button", name="Suggest").click()
    expect(page.get_by_text("Suggested. It's on their Today")).to_be_visible()
    expect(page.locator(".homework-set").get_by_text("Values: what matters to you")).to_be_visible()
    check_page(page, 360)


def test_the_persons_own_summary_reads_well_on_a_dark_phone(new_page):
    therapist = make_therapist()
    person = _person_with_a_shared_record(therapist)
    page = new_page(PHONE, color_scheme="dark", user=person)
    page.goto(reverse("care:summary"))
    expect(page.get_by_role("heading", name="Your summary for your next session")).to_be_visible()
    expect(page.get_by_text(f"This is what {therapist.username} sees")).to_be_visible()
    check_page(page, 360)
