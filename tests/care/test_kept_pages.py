"""A therapist's caseload and person pages are kept as rendered (web/page_cache.py), yet every
look is still written down for the person, and a change on either side shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selftrust.care import categories
from selftrust.care.homework import assign
from selftrust.care.links import set_sharing
from selftrust.care.models import AccessRecord
from tests.care.conftest import link_between, make_therapist, signed_in_verified
from tests.factories import CheckInFactory, PromiseFactory, UserFactory

pytestmark = pytest.mark.django_db
CASELOAD = reverse("care:therapist-caseload")


def looked(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.fixture
def clinic():
    therapist = make_therapist()
    people = [UserFactory() for _ in range(3)]
    links = [link_between(p, therapist, shared=[categories.PROMISES]) for p in people]
    return therapist, people, links, signed_in_verified(therapist)


def test_every_look_at_the_caseload_is_written_down_kept_or_not(clinic):
    therapist, people, _links, client = clinic
    fresh, _ = looked(client, CASELOAD)
    kept, _ = looked(client, CASELOAD)
    assert kept < fresh
    for person in people:
        assert AccessRecord.objects.filter(person=person, category="caseload").count() == 2


def test_the_caseload_shows_a_persons_check_in_at_once(clinic):
    _therapist, people, _links, client = clinic
    nothing_yet = "Nothing yet in what they share"
    assert looked(client, CASELOAD)[1].count(nothing_yet) == 3
    promise = PromiseFactory(user=people[0], text="Walk")
    signed_in_person(people[0]).post(
        reverse("promises:check_in", args=[promise.pk]),
        {"day": people[0].local_today().isoformat(), "outcome": "kept"},
    )
    assert looked(client, CASELOAD)[1].count(nothing_yet) == 2


def signed_in_person(person):
    from django.test import Client

    client = Client()
    client.force_login(person)
    return client


def test_every_look_at_a_persons_page_is_written_down_kept_or_not(clinic):
    therapist, people, _links, client = clinic
    url = reverse("care:therapist-person", args=[people[0].pk])
    fresh, _ = looked(client, url)
    kept, _ = looked(client, url)
    assert kept < fresh
    assert AccessRecord.objects.filter(person=people[0], category=categories.PROMISES).count() == 2


def test_a_persons_page_follows_what_they_share_and_write(clinic):
    therapist, people, links, client = clinic
    person = people[0]
    url = reverse("care:therapist-person", args=[person.pk])
    CheckInFactory(promise=PromiseFactory(user=person), note="Water the basil")
    assert "Water the basil" in looked(client, url)[1]
    set_sharing(links[0], [categories.MOOD], None)
    assert "Water the basil" not in looked(client, url)[1]
    set_sharing(links[0], [categories.PROMISES], None)
    CheckInFactory(promise=PromiseFactory(user=person), note="Text my brother")
    assert "Text my brother" in looked(client, url)[1]


def test_homework_set_shows_on_the_persons_page_at_once(clinic):
    therapist, people, links, client = clinic
    url = reverse("care:therapist-person", args=[people[0].pk])
    looked(client, url)
    assign(links[0], "promise", "Stretch for five minutes")
    assert "Stretch for five minutes" in looked(client, url)[1]


def test_a_kept_page_of_one_therapist_never_reaches_another(clinic):
    therapist, people, _links, client = clinic
    CheckInFactory(promise=PromiseFactory(user=people[0]), note="Words for the first therapist")
    looked(client, CASELOAD)
    looked(client, reverse("care:therapist-person", args=[people[0].pk]))
    other = make_therapist()
    other_client = signed_in_verified(other)
    assert "Words for the first therapist" not in looked(other_client, CASELOAD)[1]
    response = other_client.get(reverse("care:therapist-person", args=[people[0].pk]))
    assert response.status_code == 404
