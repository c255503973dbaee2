import re
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
    assert f"to {today:%b} {today.day}, {today.year}," in us
    assert f"to {today.day} {today:%b} {today.year}," in de


def test_two_weeks_of_answers_show_no_box_that_repeats_another(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=20))
    answer(promise, today, [(days, "kept") for days in range(14)])
    page = owner_client.get(URL).content.decode()
    labels = re.findall(r'<span class="label">(.*?)</span>', page)
    assert labels[0].startswith("kept, last 7 days")
    assert labels[1].startswith("kept, since ")
    assert not any("4 weeks" in label or "90 days" in label for label in labels)
    assert '<span class="value">14</span><span class="label">times kept, all told' in page


def test_a_longer_record_shows_a_week_a_month_and_since_you_began(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=100))
    answer(promise, today, [(days, "kept") for days in range(0, 100, 3)])
    page = owner_client.get(URL).content.decode()
    labels = re.findall(r'<span class="label">kept, (.*?) ·', page)
    assert labels[0] == "last 7 days" and labels[1] == "last 4 weeks"
    assert labels[2].startswith("since ")


def test_strength_is_explained_in_one_sentence_beside_its_figure(owner_client, user):
    CheckInFactory(promise=PromiseFactory(user=user))
    page = owner_client.get(URL).content.decode()
    meaning = re.search(r'<p class="muted" id="strength-meaning">(.*?)</p>', page).group(1)
    assert "not a lower mark" in meaning and meaning.count(". ") == 0


def test_the_chart_spans_from_the_first_answer_to_today(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=200))
    answer(promise, today, [(days, "kept") for days in range(14)])
    page = owner_client.get(URL).content.decode()
    first = today - timedelta(days=13)
    assert (
        f"From {first:%b} {first.day}, {first.year} to {today:%b} {today.day}, {today.year}, a point every day."
        in page
    )
    table = page.split('id="strength-caption"')[1].split("</table>")[0]
    assert table.count("<tr><td>") == 14
    assert "no answers yet" not in table


def test_a_range_can_be_chosen_once_the_record_is_long_enough(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=200))
    answer(promise, today, [(days, "kept") for days in range(0, 200, 2)])
    page = owner_client.get(URL, {"range": "4w"}).content.decode()
    assert 'href="?range=4w#chart-heading" aria-current="true"' in page
    table = page.split('id="strength-caption"')[1].split("</table>")[0]
    assert table.count("<tr><td>") == 28
    page = owner_client.get(URL, {"range": "all"}).content.decode()
    table = page.split('id="strength-caption"')[1].split("</table>")[0]
    assert table.count("<tr><td>") == 29  # a point a week
