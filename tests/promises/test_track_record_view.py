from datetime import timedelta

import pytest
from django.urls import reverse

from tests.factories import CheckInFactory, PromiseFactory

pytestmark = pytest.mark.django_db
URL = reverse("promises:track_record")


def test_empty_record_invites_a_first_answer(owner_client):
    assert "your evidence will gather here" in owner_client.get(URL).content.decode()


def test_record_shows_summary_chart_and_table(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, text="Drink water", starts_on=today - timedelta(days=40))
    for days_ago, outcome in [(0, "kept"), (1, "partly"), (2, "not_this_time"), (3, "let_go")]:
        CheckInFactory(promise=promise, day=today - timedelta(days=days_ago), outcome=outcome)
    page = owner_client.get(URL).content.decode()
    assert "In the last 7 days you kept 50% of the promises you answered (3 answers)" in page
    assert '<svg class="chart"' in page and 'role="img"' in page
    assert "<table>" in page
    assert "Drink water" in page
    assert "streak" not in page.lower()


def test_answering_changes_the_record(owner_client, user):
    promise = PromiseFactory(user=user)
    assert "kept 100%" not in owner_client.get(URL).content.decode()
    owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"day": user.local_today().isoformat(), "outcome": "kept"},
    )
    assert "kept 100%" in owner_client.get(URL).content.decode()


def test_another_persons_record_is_never_shown(owner_client, other_user):
    theirs = PromiseFactory(user=other_user, text="Their secret promise")
    CheckInFactory(promise=theirs)
    assert "Their secret promise" not in owner_client.get(URL).content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


SETBACK_PLAN = reverse("practices:new", args=["setback-plan"])


def answer(promise, today, outcomes):
    """outcomes: (days ago, outcome) pairs."""
    for days_ago, outcome in outcomes:
        CheckInFactory(promise=promise, day=today - timedelta(days=days_ago), outcome=outcome)


def test_a_recent_dip_gently_offers_the_setback_plan(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=40))
    # Kept all month, then a harder week.
    answer(promise, today, [(days, "kept") for days in range(8, 29)])
    answer(promise, today, [(1, "not_this_time"), (2, "kept"), (3, "not_this_time")])
    page = owner_client.get(URL).content.decode()
    assert SETBACK_PLAN in page
    assert "Dips are part of healing, not a return to the start." in page
    # The calm note style the promise nudge uses: no alert, nothing that reads as a warning.
    note = page.split('<div class="nudge setback-note">')[1].split("</div>")[0]
    assert "alert" not in note and "error" not in note


def test_a_steady_or_rising_week_shows_no_setback_link(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=40))
    answer(promise, today, [(days, "not_this_time") for days in range(8, 29)])
    answer(promise, today, [(1, "kept"), (2, "kept")])
    assert SETBACK_PLAN not in owner_client.get(URL).content.decode()


def test_the_record_s_dates_follow_the_reader_though_the_page_is_cached(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=20))
    CheckInFactory(promise=promise, day=today, outcome="kept")
    us = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    de = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()
    assert f"to {today:%b} {today.day}." in us
    assert f"to {today.day} {today:%b}." in de
