"""Today folds the active promises that ask nothing today, each with the day it next does."""

import re
from datetime import time, timedelta

import pytest
from django.urls import reverse

from selftrust.promises.models import Schedule, Status
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db
URL = reverse("promises:today")


def folded(page: str) -> str:
    found = re.search(r'<details class="not-due-today">(.*?)</details>', page, re.S)
    return found.group(1) if found else ""


def weekly_on(user, days_ahead: int, **kwargs):
    weekday = (user.local_today() + timedelta(days=days_ahead)).weekday()
    return PromiseFactory(user=user, schedule=Schedule.WEEKDAYS, weekdays=[weekday], **kwargs)


def test_a_promise_not_due_today_is_folded_with_its_next_day(owner_client, user):
    weekly_on(user, 3, text="Call my sister")
    page = owner_client.get(URL).content.decode()
    weekday = (user.local_today() + timedelta(days=3)).strftime("%A")
    assert "<summary>Not due today (1)</summary>" in page
    assert "Call my sister" in folded(page)
    assert f"next: {weekday}" in folded(page)
    assert '<details class="not-due-today" open' not in page


def test_tomorrow_reads_as_tomorrow(owner_client, user):
    weekly_on(user, 1, text="Stretch")
    assert "next: tomorrow" in folded(owner_client.get(URL).content.decode())


def test_a_one_time_promise_further_ahead_shows_its_date_day_first_in_berlin(owner_client, user):
    day = user.local_today() + timedelta(days=10)
    PromiseFactory(user=user, text="See the dentist", schedule=Schedule.ONCE, due_date=day)
    page = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").content.decode()
    assert f"next: {day.day} {day:%B}" in folded(page)


def test_a_one_time_promise_further_ahead_shows_its_date_month_first_in_the_us(owner_client, user):
    day = user.local_today() + timedelta(days=10)
    PromiseFactory(user=user, text="See the dentist", schedule=Schedule.ONCE, due_date=day)
    page = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert f"next: {day:%B} {day.day}" in folded(page)


def test_the_folded_list_is_soonest_first_and_counts_them(owner_client, user):
    weekly_on(user, 4, text="Later one")
    weekly_on(user, 2, text="Sooner one")
    page = owner_client.get(URL).content.decode()
    assert "Not due today (2)" in page
    assert folded(page).index("Sooner one") < folded(page).index("Later one")


def test_due_paused_past_and_someone_else_s_promises_are_not_folded(owner_client, user, other_user):
    PromiseFactory(user=user, text="Every day one")
    weekly_on(user, 2, text="Resting one", status=Status.PAUSED)
    PromiseFactory(
        user=user,
        text="Last week's one",
        schedule=Schedule.ONCE,
        due_date=user.local_today() - timedelta(days=3),
        starts_on=user.local_today() - timedelta(days=3),
    )
    weekly_on(other_user, 2, text="Their promise")
    page = owner_client.get(URL).content.decode()
    assert "Not due today" not in page
    assert "Resting one" not in page and "Their promise" not in page


def test_nothing_due_today_still_says_so_above_the_folded_list(owner_client, user):
    weekly_on(user, 2, text="Stretch")
    page = owner_client.get(URL).content.decode()
    assert "Nothing is asked of you today" in page
    assert page.index("Nothing is asked of you today") < page.index("Not due today (1)")


def test_a_new_promise_for_another_day_is_folded_at_once_though_today_is_cached(owner_client, user):
    owner_client.get(URL)
    tomorrow = (user.local_today() + timedelta(days=1)).weekday()
    owner_client.post(
        reverse("promises:create"),
        {"text": "Walk", "schedule": "weekdays", "weekdays": [str(tomorrow)]},
    )
    assert "Walk" in folded(owner_client.get(URL).content.decode())


def test_today_s_date_and_times_are_written_the_person_s_way(owner_client, user):
    PromiseFactory(user=user, text="Tea", time_of_day=time(17, 30))
    today = user.local_today()
    us = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    de = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()
    assert f"{today:%A}, {today:%B} {today.day}" in us and "Around 5:30 pm" in us
    assert f"{today:%A} {today.day} {today:%B}" in de and "Around 17:30" in de
