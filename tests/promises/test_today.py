import re
from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.promises.models import Schedule, Status
from tests.factories import CheckInFactory, PromiseFactory

pytestmark = pytest.mark.django_db
URL = reverse("promises:today")


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_today_lists_promises_due_today_with_the_four_answers(owner_client, user):
    PromiseFactory(user=user, text="Drink water when I wake")
    page = owner_client.get(URL).content.decode()
    assert "Drink water when I wake" in page
    for label in ("Kept", "Partly", "Not this time", "Let it go kindly"):
        assert label in page


def test_paused_and_not_due_promises_are_not_asked_for_today(owner_client, user):
    PromiseFactory(user=user, text="Resting promise", status=Status.PAUSED)
    not_today = (user.local_today().weekday() + 1) % 7
    PromiseFactory(user=user, text="Another day", schedule=Schedule.WEEKDAYS, weekdays=[not_today])
    page = owner_client.get(URL).content.decode()
    assert "Resting promise" not in page
    assert 'class="promise-text" id="promise-' not in page
    assert "Nothing is asked of you today" in page


def test_someone_else_s_promises_never_appear(owner_client, other_user):
    PromiseFactory(user=other_user, text="Their private promise")
    assert "Their private promise" not in owner_client.get(URL).content.decode()


def test_an_answer_already_given_shows_as_pressed(owner_client, user):
    promise = PromiseFactory(user=user)
    CheckInFactory(promise=promise, outcome="partly")
    page = owner_client.get(URL).content.decode()
    assert re.search(r'value="partly" class="outcome"[^>]*aria-pressed="true"', page)


def test_earlier_days_of_the_week_can_still_be_answered(owner_client, user):
    PromiseFactory(
        user=user, text="Step outside", starts_on=user.local_today() - timedelta(days=10)
    )
    page = owner_client.get(URL).content.decode()
    assert "Earlier this week (6 without an answer)" in page
    assert page.count("Step outside") == 1
    full = owner_client.get(URL, {"earlier": "1"}).content.decode()
    assert full.count("Step outside") == 7


def test_earlier_days_load_as_a_fragment_for_htmx(owner_client, user):
    PromiseFactory(
        user=user, text="Step outside", starts_on=user.local_today() - timedelta(days=10)
    )
    fragment = owner_client.get(URL, {"earlier": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.lstrip().startswith('<div class="earlier-days">')
    assert fragment.count("Step outside") == 6
    assert "<html" not in fragment


def test_first_visit_offers_the_welcome(client, user):
    user.has_seen_welcome = False
    user.save()
    client.force_login(user)
    assert reverse("accounts:welcome") in client.get(URL).content.decode()


def test_no_streak_counters_or_failure_marks(owner_client, user):
    promise = PromiseFactory(user=user)
    CheckInFactory(promise=promise, outcome="not_this_time")
    page = owner_client.get(URL).content.decode().lower()
    assert "streak" not in page
    assert "failed" not in page
