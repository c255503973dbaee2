"""Questionnaire trends: the score ranges shaded and named, the axis marked where each range
begins, dates along the whole axis, in the person's own date style."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.assessments.instruments import GSE, PCL5, PHQ9, WHO5
from selftrust.assessments.trend import axis_marks, band_shading, history_chart
from tests.factories import AssessmentResponseFactory

TODAY = date(2026, 11, 26)
URL = reverse("assessments:history", args=["phq-9"])


def test_the_axis_is_marked_where_each_range_begins_and_at_the_top():
    assert axis_marks(PHQ9) == [0, 5, 10, 15, 20, 27]
    assert axis_marks(PCL5) == [0, 31, 80]
    assert axis_marks(WHO5) == [0, 8, 13, 25]


def test_a_questionnaire_without_ranges_is_marked_at_even_steps():
    assert axis_marks(GSE) == [10, 20, 30, 40]


def test_neighbouring_ranges_meet_halfway_so_the_shading_has_no_gaps():
    shading = band_shading(PHQ9)
    assert shading[0] == (0, 4.5, "Minimal")
    assert shading[1] == (4.5, 9.5, "Mild")
    assert shading[-1] == (19.5, 27, "Severe")
    assert all(
        low_top == high_bottom
        for (_b, low_top, _n), (high_bottom, _t, _m) in zip(shading, shading[1:])
    )


def test_each_result_sits_at_its_own_date_from_the_first_to_today():
    results = [(TODAY - timedelta(days=60), 14), (TODAY - timedelta(days=3), 6)]
    chart = history_chart(PHQ9, results, TODAY)
    assert chart.axis.start <= TODAY - timedelta(days=60) and chart.axis.end == TODAY
    first, latest = chart.lines[0].drawn
    assert first.x == chart.left or first.x - chart.left < 0.15 * chart.inner_width
    assert latest.x > 0.9 * chart.right
    assert len(chart.ticks) == 5
    assert [shade.label for shade in chart.shades] == [band.label for band in PHQ9.bands]
    assert all(shade.labelled for shade in chart.shades)


@pytest.mark.django_db
def test_the_trend_page_names_its_ranges_marks_their_limits_and_shows_five_dates(
    owner_client, user
):
    for days_ago, answer in ((60, 2), (30, 1), (2, 0)):
        AssessmentResponseFactory(
            user=user,
            instrument_slug="phq-9",
            answers=[answer] * 9,
            completed_at=timezone.now() - timedelta(days=days_ago),
        )
    page = owner_client.get(URL).content.decode()
    svg = page.split('<svg class="chart"')[1].split("</svg>")[0]
    labels = re.findall(r'<text class="band-label"[^>]*>([^<]+)</text>', svg)
    assert labels == ["Minimal", "Mild", "Moderate", "Moderately severe", "Severe"]
    marks = re.findall(r'text-anchor="end" dominant-baseline="middle">(\d+)</text>', svg)
    assert marks == ["0", "5", "10", "15", "20", "27"]
    dates = re.findall(r'<text x="[\d.]+" y="228" text-anchor="\w+">([^<]+)</text>', svg)
    assert len(dates) == 5
    assert "Shaded areas are the score ranges, each named inside" in svg


@pytest.mark.django_db
def test_the_trend_page_writes_dates_the_reader_s_way(owner_client, user):
    taken = timezone.now() - timedelta(days=3)
    AssessmentResponseFactory(user=user, instrument_slug="phq-9", completed_at=taken)
    day = timezone.localtime(taken).date()
    us = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    de = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()
    assert f"<td>{day:%b} {day.day}, {day.year}</td>" in us
    assert f"<td>{day.day} {day:%b} {day.year}</td>" in de


@pytest.mark.django_db
def test_another_persons_results_are_not_on_the_trend_page(owner_client, other_user):
    AssessmentResponseFactory(user=other_user, instrument_slug="phq-9")
    page = owner_client.get(URL).content.decode()
    assert '<svg class="chart"' not in page
    assert "No results yet." in page


@pytest.mark.django_db
def test_the_trend_page_sends_an_anonymous_visitor_to_log_in(client):
    assert client.get(URL).status_code == 302
