"""Progress in a real browser: every chart on one time axis, readable on a 360 px phone and a
1280 px desktop, light and dark; the track record and questionnaire trends it changed too."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, check_page, open_site_menu
from tests.factories import AssessmentResponseFactory, UserFactory
from tests.insights.test_progress_view import at, gather

VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
SCHEMES = ["light", "dark"]


def drawing_edges(page, selector):
    """(left, right) of the drawn dots of the first chart matching `selector`, and the chart's
    own (left, right), in CSS pixels."""
    return page.evaluate(
        """(selector) => {
            const svg = document.querySelector(selector);
            const dots = svg.querySelector('path.dot').getBoundingClientRect();
            const box = svg.getBoundingClientRect();
            return [dots.left, dots.right, box.left, box.right];
        }""",
        selector,
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_progress_brings_everything_together_and_two_weeks_fill_the_charts(
    new_page, db, viewport, scheme
):
    user = UserFactory()
    gather(user, days=14)
    page = new_page(viewport, color_scheme=scheme, user=user)
    page.goto(reverse("promises:today"))
    open_site_menu(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()

    expect(page.get_by_role("heading", name="Progress", level=1)).to_be_visible()
    for heading in ("Promises kept", "Mood and energy", "Questionnaires", "Decisions"):
        expect(page.get_by_role("heading", name=heading, level=2)).to_be_visible()
    expect(page.locator("#strength-meaning")).to_contain_text("is not a lower mark")
    # Two weeks of answers reach from one side of the chart to the other.
    first, last, left, right = drawing_edges(page, "svg[aria-labelledby^='kept-chart']")
    assert first - left < 0.2 * (right - left)
    assert right - last < 0.05 * (right - left)
    # Named score ranges in the questionnaire chart.
    expect(
        page.locator("svg[aria-labelledby^='q-phq-9'] .band-label", has_text="Mild")
    ).to_be_visible()
    check_page(page, viewport["width"])

    # Each chart's table opens, and a keyboard gets there too.
    table = page.get_by_text("The figures as a table").first
    table.focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("region", name="Share of promises kept in the week up to each day")
    ).to_be_visible()
    check_page(page, viewport["width"])


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_longer_record_offers_ranges_and_keeps_every_chart_on_one_axis(new_page, db, scheme):
    user = UserFactory()
    gather(user, days=120)
    page = new_page(PHONE, color_scheme=scheme, user=user)
    page.goto(reverse("insights:progress"))
    choices = page.get_by_role("navigation", name="How far back the charts go")
    expect(choices.get_by_role("link")).to_have_text(["4 weeks", "3 months", "All"])
    expect(choices.get_by_role("link", name="3 months")).to_have_attribute("aria-current", "true")

    choices.get_by_role("link", name="4 weeks").click()
    expect(page).to_have_url(re.compile(r"\?range=4w$"))
    expect(
        page.get_by_role("navigation", name="How far back the charts go").get_by_role(
            "link", name="4 weeks"
        )
    ).to_have_attribute("aria-current", "true")
    # The same days, one above the other: every time chart starts and ends at the same place.
    ticks = page.evaluate(
        """() => [...document.querySelectorAll('svg.chart')]
            .filter(svg => svg.querySelector('text[text-anchor=start]'))
            .map(svg => {
                const first = svg.querySelector('text[text-anchor=start]').getBoundingClientRect();
                const last = svg.querySelector('text[text-anchor=end]').getBoundingClientRect();
                return [first.left, last.right, svg.querySelector('text[text-anchor=start]').textContent];
            })"""
    )
    assert len(ticks) == 6
    assert len({(round(a), round(b), label) for a, b, label in ticks}) == 1
    check_page(page, 360)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_first_visit_to_progress_is_calm_and_points_the_way(new_page, db, viewport):
    page = new_page(viewport, color_scheme="dark", user=UserFactory())
    page.goto(reverse("insights:progress"))
    expect(page.get_by_text("Nothing here yet, and that's all right.")).to_be_visible()
    check_page(page, viewport["width"])


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_track_record_chart_adapts_and_strength_is_explained(new_page, db, viewport, scheme):
    user = UserFactory()
    gather(user, days=14)
    page = new_page(viewport, color_scheme=scheme, user=user)
    page.goto(reverse("promises:track_record"))
    expect(page.locator("#strength-meaning")).to_contain_text("13 kept days")
    # Two weeks of answers: no 4-week or 90-day box saying the same thing again.
    figures = page.locator(".figure .label")
    expect(figures).to_have_count(4)
    expect(figures.first).to_contain_text("kept, last 7 days")
    expect(figures.nth(1)).to_contain_text("kept, since")
    first, last, left, right = drawing_edges(page, "svg.chart")
    assert first - left < 0.2 * (right - left)
    page.get_by_role("link", name="Progress").last.click()
    expect(page.get_by_role("heading", name="Progress", level=1)).to_be_visible()
    page.go_back()
    check_page(page, viewport["width"])


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_questionnaire_trends_name_their_ranges_and_show_several_dates(
    new_page, db, viewport, scheme
):
    user = UserFactory()
    for days_ago, answer in ((60, 2), (45, 2), (30, 1), (15, 1), (1, 0)):
        AssessmentResponseFactory(
            user=user,
            instrument_slug="phq-9",
            answers=[answer] * 9,
            completed_at=at(user, days_ago),
        )
    page = new_page(viewport, color_scheme=scheme, user=user)
    page.goto(reverse("assessments:history", args=["phq-9"]))
    chart = page.locator("svg.chart")
    for band in ("Minimal", "Mild", "Moderate", "Moderately severe", "Severe"):
        expect(chart.locator(".band-label", has_text=band).first).to_be_visible()
    marks = chart.locator("text:not(.band-label)[text-anchor=end][dominant-baseline=middle]")
    expect(marks).to_have_text(["0", "5", "10", "15", "20", "27"])
    expect(chart.locator("text[y='228']")).to_have_count(5)
    # Nothing overlaps: the date labels sit apart from one another.
    boxes = [box for box in (t.bounding_box() for t in chart.locator("text[y='228']").all())]
    for before, after in zip(boxes, boxes[1:], strict=False):
        assert before["x"] + before["width"] <= after["x"] + 1
    check_page(page, viewport["width"])
