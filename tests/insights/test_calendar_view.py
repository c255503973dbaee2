from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selftrust.insights.models import DailyCheck, Energy, Mood
from selftrust.promises.models import CheckIn, Outcome, Promise
from tests.factories import CheckInFactory, PromiseFactory
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db
URL = reverse("insights:calendar")


def page(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_someone_not_signed_in_is_asked_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response.url


def test_the_calendar_is_a_table_with_the_month_as_its_caption(owner_client, user):
    today = user.local_today()
    html = page(owner_client)
    assert '<table class="month-calendar">' in html
    assert f"<caption>{today:%B} {today.year}</caption>" in html
    assert html.count('<th scope="col">') == 7


def test_the_week_starts_on_sunday_for_a_browser_in_the_us(client, user):
    client.force_login(user)
    html = client.get(URL, headers={"Accept-Language": "en-US"}).content.decode()
    headers = html[html.index("<thead>") : html.index("</thead>")]
    assert headers.index("Sunday") < headers.index("Monday")


def test_the_week_starts_on_monday_for_a_browser_in_germany(client, user):
    client.force_login(user)
    html = client.get(URL, headers={"Accept-Language": "de-DE"}).content.decode()
    headers = html[html.index("<thead>") : html.index("</thead>")]
    assert headers.index("Monday") < headers.index("Sunday")


def test_a_day_says_in_words_how_many_were_kept_and_how_it_felt(owner_client, user):
    today = user.local_today()
    for text, outcome in (
        ("Water", Outcome.KEPT),
        ("Walk", Outcome.KEPT),
        ("Rest", "not_this_time"),
    ):
        promise = PromiseFactory(user=user, text=text, starts_on=today - timedelta(days=40))
        CheckInFactory(promise=promise, day=today, outcome=outcome)
    DailyCheckFactory(user=user, day=today, mood=Mood.GOOD, energy=Energy.STEADY)
    html = page(owner_client)
    assert "2 of 3 kept" in html
    assert "(1 not this time)" in html
    assert "Mood</span> Good" in html and "Energy</span> Steady" in html
    assert 'class="day kept-most today" aria-current="date"' in html


def test_letting_go_is_said_kindly_and_never_fills_the_day(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=40))
    CheckInFactory(promise=promise, day=today, outcome=Outcome.LET_GO)
    html = page(owner_client)
    assert '1 let go<span class="wide-only"> kindly</span>' in html
    assert "kept-" not in html[html.index("<tbody>") : html.index("</tbody>")]


def test_days_without_answers_stay_blank(owner_client, user):
    html = page(owner_client)
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    assert "kept" not in body and "Mood" not in body and "not this time" not in body


def test_the_last_seven_days_open_on_today(owner_client, user):
    today = user.local_today()
    html = page(owner_client)
    today_url = reverse("promises:today")
    assert f'href="{today_url}"' in html
    if today.day > 1:
        assert f'href="{today_url}?earlier=1"' in html


def test_another_month_is_named_in_the_link(owner_client, user):
    html = page(owner_client, month="2024-02")
    assert "<caption>February 2024</caption>" in html
    assert 'href="?month=2024-01"' in html and 'href="?month=2024-03"' in html
    assert f'href="{URL}">This month</a>' in html


def test_this_month_has_no_link_to_the_months_still_to_come(owner_client, user):
    html = page(owner_client)
    assert "Next month" not in html and "This month</a>" not in html
    assert "Previous month" in html


def test_a_month_that_cannot_be_read_shows_this_month_and_says_so(owner_client, user):
    today = user.local_today()
    html = page(owner_client, month="someday")
    assert "couldn't read which month" in html
    assert f"<caption>{today:%B} {today.year}</caption>" in html


def test_someone_elses_days_never_appear(owner_client, user, other_user):
    today = user.local_today()
    theirs = PromiseFactory(user=other_user, text="Their promise", starts_on=today)
    CheckInFactory(promise=theirs, day=today, outcome=Outcome.KEPT)
    DailyCheckFactory(user=other_user, day=today, mood=Mood.VERY_GOOD)
    html = page(owner_client)
    assert "kept" not in html[html.index("<tbody>") : html.index("</tbody>")]
    assert "Very good" not in html


def test_today_and_the_progress_pages_link_to_the_calendar(owner_client):
    html = owner_client.get(reverse("promises:today")).content.decode()
    assert html.count(f'href="{URL}"') == 1
    progress = owner_client.get(reverse("insights:progress")).content.decode()
    assert f'href="{URL}"' in progress
    calendar = page(owner_client)
    # On the calendar, it is the current page of the pages that look back, and the menu's
    # Progress entry is current too.
    assert f'href="{URL}" aria-current="page"' in calendar
    assert f'href="{reverse("insights:progress")}" aria-current="page"' in calendar


def _years_of_days(user, days: int, promises: int = 3) -> None:
    """`days` days of answers to `promises` daily promises, and a daily check each day."""
    today = user.local_today()
    start = today - timedelta(days=days - 1)
    made = [
        PromiseFactory(user=user, text=f"Promise {n}", starts_on=start) for n in range(promises)
    ]
    outcomes = Outcome.values
    CheckIn.objects.bulk_create(
        CheckIn(promise=promise, day=start + timedelta(days=offset), outcome=outcomes[offset % 4])
        for promise in made
        for offset in range(days)
    )
    DailyCheck.objects.bulk_create(
        DailyCheck(user=user, day=start + timedelta(days=offset), mood=1 + offset % 5)
        for offset in range(days)
    )


def _queries_for_the_page(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_the_page_asks_the_same_few_queries_for_a_month_or_ten_years(client, user, other_user):
    _years_of_days(user, days=30)
    _years_of_days(other_user, days=3650)
    assert Promise.objects.filter(user=other_user).count() == 3
    client.force_login(user)
    a_month = _queries_for_the_page(client)
    client.force_login(other_user)
    ten_years = _queries_for_the_page(client)
    assert ten_years == a_month
    assert ten_years <= 6  # the session, the person, the month's answers and its checks


def test_ten_years_of_data_still_shows_the_month_asked_for(client, user):
    _years_of_days(user, days=3650)
    client.force_login(user)
    html = client.get(URL, {"month": "2020-03"}).content.decode()
    assert "<caption>March 2020</caption>" in html
    said = ("3 of 3 kept", "3 of 3 partly kept", "3 not this time", "3 let go<span")
    assert sum(html.count(words) for words in said) == 31
