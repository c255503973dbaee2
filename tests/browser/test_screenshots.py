"""The README's screenshots. Off by default, since they change every day:

SELFTRUST_SCREENSHOTS=1 .venv/bin/pytest tests/browser/test_screenshots.py
"""

import os
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from selftrust.assessments.instruments import INSTRUMENTS
from selftrust.care import categories
from selftrust.care.homework import assign
from selftrust.care.links import accept_invitation, create_invitation, set_sharing
from selftrust.insights.models import Energy, Mood
from selftrust.promises.models import Outcome
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.care.conftest import make_therapist, signed_in_verified
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    EntryFactory,
    PromiseFactory,
    ThoughtRecordFactory,
    UserFactory,
)
from tests.insights.factories import DailyCheckFactory, WeeklyReviewFactory

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


# --- the pages of issue 15: Progress, Calendar, the weekly review, sharing, the caseload -----

KEPT, PARTLY, NOT_THIS_TIME, LET_GO = (
    Outcome.KEPT,
    Outcome.PARTLY,
    Outcome.NOT_THIS_TIME,
    Outcome.LET_GO,
)


def _moment(user, days_ago: int, hour: int = 12) -> datetime:
    """`days_ago` days before the person's today, at `hour` o'clock their time."""
    day = user.local_today() - timedelta(days=days_ago)
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _six_weeks(user) -> None:
    """About six weeks of a life being rebuilt, gently: three promises answered most days and
    kept a little more often as the weeks go on, a mood and energy check most days, a PHQ-9 and
    a GAD-7 at the start and again last week, some grounding and one thought record."""
    today = user.local_today()
    plans = [
        ("Drink a glass of water when I wake up", [KEPT, KEPT, PARTLY, KEPT, KEPT, KEPT, LET_GO]),
        ("Step outside for five minutes", [KEPT, NOT_THIS_TIME, PARTLY, KEPT, LET_GO, KEPT]),
        ("Rest for ten minutes when I notice I'm tired", [PARTLY, KEPT, NOT_THIS_TIME, KEPT]),
    ]
    for index, (text, outcomes) in enumerate(plans):
        promise = PromiseFactory(user=user, text=text, starts_on=today - timedelta(days=44))
        for offset in range(44, -1, -1):
            # A day here and there goes unanswered, and nothing is marked against it.
            if (offset + index) % 9 == 4:
                continue
            outcome = outcomes[(offset + index) % len(outcomes)]
            # The later weeks go a little easier.
            if offset < 14 and outcome == NOT_THIS_TIME:
                outcome = PARTLY
            CheckInFactory(promise=promise, day=today - timedelta(days=offset), outcome=outcome)
    moods = [Mood.LOW, Mood.OKAY, Mood.OKAY, Mood.GOOD, Mood.LOW, Mood.OKAY, Mood.GOOD]
    energies = [Energy.LOW, Energy.STEADY, Energy.DRAINED, Energy.STEADY, Energy.LIVELY]
    for offset in range(42, -1, -1):
        if offset % 8 == 5:
            continue
        mood = moods[offset % len(moods)]
        if offset < 14 and mood == Mood.LOW:
            mood = Mood.OKAY
        if offset < 7 and offset % 3 == 0:
            mood = Mood.VERY_GOOD
        DailyCheckFactory(
            user=user,
            day=today - timedelta(days=offset),
            mood=mood,
            energy=energies[offset % len(energies)],
        )
    for days_ago, phq, gad in (
        (40, [2, 1, 2, 2, 1, 1, 1, 1, 0], [2, 2, 1, 2, 1, 1, 1]),
        (6, [1, 1, 1, 1, 0, 1, 0, 1, 0], [1, 1, 1, 1, 0, 1, 0]),
    ):
        AssessmentResponseFactory(
            user=user, instrument_slug="phq-9", answers=phq, completed_at=_moment(user, days_ago)
        )
        AssessmentResponseFactory(
            user=user, instrument_slug="gad-7", answers=gad, completed_at=_moment(user, days_ago)
        )
    for days_ago, exercise, before, after in (
        (37, "senses", 8, 5),
        (29, "breathing", 7, 4),
        (20, "senses", 6, 4),
        (11, "body-scan", 6, 3),
        (3, "breathing", 5, 2),
    ):
        EntryFactory(
            user=user,
            practice="grounding",
            data={"before": before, "exercise": exercise, "after": after, "notes": ""},
            created_at=_moment(user, days_ago, 21),
        )
    ThoughtRecordFactory(
        entry__user=user,
        entry__created_at=_moment(user, 16, 20),
        situation="My manager asked to talk tomorrow",
        automatic_thought="I've done something wrong and they're going to let me go",
        emotions=[{"emotion": "anxious", "before": 8, "after": 4}],
        belief_before=8,
        thinking_traps=["fortune-telling"],
        evidence_for="I was late with one report",
        evidence_against="She thanked me for my work last week",
        balanced_thought="It could be about anything; I can ask what it's about",
        belief_after=3,
    )


def test_progress_on_a_desktop(new_page):
    user = UserFactory()
    _six_weeks(user)
    page = new_page(DESKTOP, user=user)
    page.goto("/progress/")
    expect(page.get_by_role("heading", name="Progress", level=1)).to_be_visible()
    check_page(page)
    page.screenshot(path=SCREENSHOTS / "progress.png", full_page=True)


def test_progress_in_dark_mode_on_a_phone(new_page):
    user = UserFactory()
    _six_weeks(user)
    page = new_page(PHONE, color_scheme="dark", user=user)
    page.goto("/progress/")
    expect(page.get_by_role("heading", name="Progress", level=1)).to_be_visible()
    check_page(page)
    page.screenshot(path=SCREENSHOTS / "progress-dark.png", full_page=True)


def test_the_calendar_on_a_phone(new_page):
    user = UserFactory()
    today = user.local_today()
    promises = [
        PromiseFactory(user=user, text=text, starts_on=today - timedelta(days=60))
        for text in (
            "Drink a glass of water when I wake up",
            "Step outside for five minutes",
            "Rest for ten minutes when I notice I'm tired",
        )
    ]
    # Whole days of each kind, so the month shows them all: everything kept, some kept and
    # some partly, a day let go kindly, and now and then a blank day.
    days = [
        [KEPT, KEPT, KEPT],
        [KEPT, PARTLY, KEPT],
        [KEPT, KEPT, NOT_THIS_TIME],
        None,
        [PARTLY, PARTLY, KEPT],
        [LET_GO, LET_GO, LET_GO],
        [KEPT, KEPT, KEPT],
        [KEPT, NOT_THIS_TIME, PARTLY],
        [KEPT, KEPT, KEPT],
        None,
        [PARTLY, KEPT, LET_GO],
    ]
    first = today.replace(day=1)
    for number in range((today - first).days + 1):
        day = first + timedelta(days=number)
        # Counted back from today, so today is always a day with answers.
        days_ago = (today - day).days
        outcomes = days[(days_ago + 1) % len(days)]
        if outcomes is None:
            continue
        for promise, outcome in zip(promises, outcomes, strict=True):
            CheckInFactory(promise=promise, day=day, outcome=outcome)
        DailyCheckFactory(
            user=user, day=day, mood=[Mood.OKAY, Mood.GOOD, Mood.LOW][days_ago % 3], energy=None
        )
    page = new_page(PHONE, user=user)
    page.goto("/calendar/")
    expect(page.get_by_role("table", name=f"{today:%B} {today.year}")).to_be_visible()
    check_page(page)
    page.screenshot(path=SCREENSHOTS / "calendar.png", full_page=True)


def test_the_weekly_review_on_a_phone(new_page):
    user = UserFactory()
    _six_weeks(user)
    WeeklyReviewFactory(
        user=user,
        week_ending=user.local_today() - timedelta(days=7),
        kept="Water most mornings, and a walk on Saturday",
        got_in_the_way="Two late nights",
        learned="I keep more of my promises on days I rest",
    )
    page = new_page(PHONE, user=user)
    page.goto("/weekly-review/new/")
    expect(page.get_by_text("Question 1 of 4")).to_be_visible()
    check_page(page)
    page.screenshot(path=SCREENSHOTS / "weekly-review.png", full_page=True)


def test_sharing_with_a_therapist_on_a_phone(new_page):
    person = UserFactory()
    therapist = make_therapist(username="dr-rivera", first_name="Ana", last_name="Rivera")
    link = _linked_weeks_ago(person, therapist, weeks=5)
    set_sharing(link, [categories.PROMISES, categories.MOOD], None)
    page = new_page(PHONE, user=person)
    page.goto("/care/")
    section = page.locator(f"#link-{link.pk}")
    expect(section.get_by_role("checkbox", checked=True)).to_have_count(2)
    check_page(page)
    # The link and the first kinds of record, two of them ticked, down to "Safety plan": the
    # whole page lists all 21 kinds one under another and would be a very long picture.
    end = section.get_by_role("checkbox", name="Safety plan").bounding_box()["y"] - 12
    page.screenshot(
        path=SCREENSHOTS / "sharing.png",
        full_page=True,
        clip={"x": 0, "y": 0, "width": PHONE["width"], "height": end},
    )


def test_a_therapists_caseload_on_a_desktop(new_page, live_server):
    therapist = make_therapist(username="dr-rivera", first_name="Ana", last_name="Rivera")
    today = therapist.local_today()
    people = [
        # name, PHQ-9 then and now, GAD-7 then and now, days since the last answer
        ("Robin", "Ellis", (14, 8), (11, 6), 0),
        ("Sam", "Okafor", (9, 7), (8, 7), 1),
        ("Priya", "Nair", (17, 10), (13, 9), 0),
        ("Jonah", "Weiss", (6, 4), (5, 3), 3),
        ("Maya", "Lindqvist", (12, 5), (10, 4), 2),
    ]
    for n, (first_name, last_name, phq, gad, quiet_days) in enumerate(people):
        person = UserFactory(first_name=first_name, last_name=last_name)
        link = _linked_weeks_ago(person, therapist, weeks=6 + n % 3)
        set_sharing(link, [categories.PROMISES, categories.QUESTIONNAIRES], None)
        promise = PromiseFactory(
            user=person, text="Step outside for five minutes", starts_on=today - timedelta(days=40)
        )
        for offset in range(quiet_days, 35):
            if offset % 6 == 2:
                continue
            outcome = [KEPT, KEPT, PARTLY, LET_GO][(offset + n) % 4]
            CheckInFactory(promise=promise, day=today - timedelta(days=offset), outcome=outcome)
        for slug, (then, now) in (("phq-9", phq), ("gad-7", gad)):
            for days_ago, total in ((35, then), (5 + n, now)):
                AssessmentResponseFactory(
                    user=person,
                    instrument_slug=slug,
                    answers=_answers_adding_up_to(total, slug),
                    completed_at=_moment(person, days_ago),
                )
        if n % 2 == 0:
            assign(link, "practice", "grounding", due_on=today + timedelta(days=2 + n))
    page = new_page(DESKTOP)
    session = signed_in_verified(therapist).cookies["sessionid"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": session.value, "url": live_server.url, "httpOnly": True}]
    )
    page.goto("/care/therapist/")
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()
    check_page(page)
    page.screenshot(path=SCREENSHOTS / "caseload.png", full_page=True)


def _linked_weeks_ago(person, therapist, weeks: int):
    """A link the therapist accepted `weeks` weeks ago, an hour after the person made the
    code."""
    made = timezone.now() - timedelta(weeks=weeks)
    _invitation, code = create_invitation(person, now=made)
    return accept_invitation(therapist, code, now=made + timedelta(hours=1))


def _answers_adding_up_to(total: int, slug: str) -> list[int]:
    """Answers from 0 to 3 that add up to `total`, spread evenly; PHQ-9's question 9 (about
    hurting oneself) stays 0, so no row carries that warning."""
    answers = [0] * len(INSTRUMENTS[slug].items)
    spread = len(answers) - 1 if slug == "phq-9" else len(answers)
    for n in range(total):
        answers[n % spread] += 1
    assert max(answers) <= 3
    return answers
