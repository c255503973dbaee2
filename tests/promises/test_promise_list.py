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
