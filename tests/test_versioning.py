"""Versions: every save counts up, a stale copy never reuses a number, a stale save is refused."""

import pytest

from selftrust.promises.models import Promise
from selftrust.versioning import (
    StaleVersion,
    UnreadableIfMatch,
    unchanged_since,
    version_from_form,
    version_from_if_match,
)
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db


def test_a_new_thing_starts_at_version_one_and_each_save_counts_up():
    promise = PromiseFactory()
    assert promise.version == 1
    promise.text = "Drink a glass of water"
    promise.save()
    assert promise.version == 2
    promise.save(update_fields=["text"])
    assert Promise.objects.get(pk=promise.pk).version == 3


def test_a_copy_read_before_another_save_still_gets_a_new_number():
    first = PromiseFactory()
    stale_copy = Promise.objects.get(pk=first.pk)
    first.save()  # version 2
    stale_copy.save()
    assert stale_copy.version == 3
    assert Promise.objects.get(pk=first.pk).version == 3


def test_a_save_based_on_an_older_version_is_refused_before_anything_is_written():
    promise = PromiseFactory(text="Rest for ten minutes")
    Promise.objects.get(pk=promise.pk).save()  # someone else saves: version 2
    promise.text = "Go for a walk"
    with pytest.raises(StaleVersion) as refused, unchanged_since(promise, 1):
        promise.save()
    assert refused.value.current_version == 2
    assert Promise.objects.get(pk=promise.pk).text == "Rest for ten minutes"


def test_a_save_based_on_the_current_version_goes_ahead():
    promise = PromiseFactory()
    promise.text = "Go for a walk"
    with unchanged_since(promise, 1):
        promise.save()
    assert Promise.objects.get(pk=promise.pk).text == "Go for a walk"


def test_no_version_given_means_an_old_client_and_the_save_goes_ahead():
    promise = PromiseFactory()
    Promise.objects.get(pk=promise.pk).save()
    with unchanged_since(promise, None):
        promise.save()
    assert promise.version == 3


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("*", None),
        ('"v3"', {3}),
        ('W/"v3"', {3}),
        ('"v3", "v4"', {3, 4}),
    ],
)
def test_if_match_headers_are_read_as_http_writes_them(header, expected):
    assert version_from_if_match(header) == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize("header", ["3", "v3", '"3"', '"v3', '"vx"'])
def test_an_if_match_we_cannot_read_is_said_to_be_unreadable(header):
    with pytest.raises(UnreadableIfMatch):
        version_from_if_match(header)


@pytest.mark.parametrize(("posted", "expected"), [("4", 4), (" 4 ", 4), ("", None), ("x", None)])
def test_the_version_a_form_posted_is_read_kindly(posted, expected):
    assert version_from_form(posted) == expected
