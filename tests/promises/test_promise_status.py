import pytest
from django.urls import reverse

from selftrust.promises.models import Status
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db


def change(client, promise, action):
    return client.post(reverse("promises:status", args=[promise.pk]), {"action": action})


@pytest.mark.parametrize(
    "start, action, end",
    [
        (Status.ACTIVE, "pause", Status.PAUSED),
        (Status.PAUSED, "resume", Status.ACTIVE),
        (Status.ACTIVE, "archive", Status.ARCHIVED),
        (Status.ARCHIVED, "restore", Status.ACTIVE),
    ],
)
def test_owner_can_pause_resume_archive_and_bring_back(owner_client, user, start, action, end):
    promise = PromiseFactory(user=user, status=start)
    assert change(owner_client, promise, action).status_code == 302
    promise.refresh_from_db()
    assert promise.status == end


def test_an_unknown_action_changes_nothing(owner_client, user):
    promise = PromiseFactory(user=user)
    change(owner_client, promise, "delete-everything")
    promise.refresh_from_db()
    assert promise.status == Status.ACTIVE


def test_another_persons_promise_is_not_found_and_unchanged(owner_client, other_user):
    theirs = PromiseFactory(user=other_user)
    assert change(owner_client, theirs, "archive").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.ACTIVE


def test_anonymous_cannot_change_status(client, user):
    promise = PromiseFactory(user=user)
    change(client, promise, "pause")
    promise.refresh_from_db()
    assert promise.status == Status.ACTIVE
