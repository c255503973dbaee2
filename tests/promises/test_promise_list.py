from datetime import time, timedelta

import pytest
from django.urls import reverse

from selftrust.promises.models import Status
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db
URL = reverse("promises:list")


def test_promises_are_grouped_by_active_resting_and_archived(owner_client, user):
    PromiseFactory(user=user, text="Walk")
    PromiseFactory(user=user, text="Read", status=Status.PAUSED)
    PromiseFactory(user=user, text="Old one", status=Status.ARCHIVED)
    page = owner_client.get(URL).content.decode()
    assert (
        page.index("Walk") < page.index("Resting") < page.index("Read") < page.index("Archived (1)")
    )
    assert page.index("Archived (1)") < page.index("Old one")


def test_only_own_promises_are_listed(owner_client, other_user):
    PromiseFactory(user=other_user, text="Their promise")
    assert "Their promise" not in owner_client.get(URL).content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


def test_a_one_time_promise_s_day_and_time_are_written_the_reader_s_way(owner_client, user):
    day = user.local_today() + timedelta(days=5)
    PromiseFactory(user=user, schedule="once", due_date=day, time_of_day=time(17, 30))
    us = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    de = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()
    assert f"Once, on {day:%B} {day.day}, {day.year}, around 5:30 pm" in us
    assert f"Once, on {day.day} {day:%B} {day.year}, around 17:30" in de
