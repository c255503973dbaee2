"""One entry, read by the therapist: only in a shared practice, from the day shared, audited."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.care import categories
from selftrust.care.models import AccessRecord
from tests.care.conftest import link_between
from tests.factories import DecisionFactory, EntryFactory, ThoughtRecordFactory, UserFactory

pytestmark = pytest.mark.django_db

GROUNDING = categories.practice_category("grounding")


def entry_page(client, person, entry):
    return client.get(reverse("care:therapist-entry", args=[person.pk, entry.pk]))


def grounding(user, **fields):
    return EntryFactory(
        user=user, practice="grounding", data={"before": 7, "after": 4}, title="Grounding", **fields
    )


def test_an_entry_in_a_shared_practice_opens_and_the_look_is_written_down(
    user, therapist, therapist_client
):
    link_between(user, therapist, shared=[GROUNDING])
    entry = grounding(user)
    response = entry_page(therapist_client, user, entry)
    assert response.status_code == 200
    assert "Distress went from 7 to 4" in response.text
    record = AccessRecord.objects.get()
    assert (record.category, record.allowed) == (GROUNDING, True)


def test_an_entry_in_a_practice_not_shared_is_404_and_the_attempt_is_written_down(
    user, therapist, therapist_client
):
    link_between(user, therapist, shared=[categories.practice_category("body-check-in")])
    response = entry_page(therapist_client, user, grounding(user))
    assert response.status_code == 404
    assert "Distress went" not in response.text
    assert AccessRecord.objects.get().allowed is False


def test_an_entry_from_before_the_day_they_share_from_is_404_and_written_down(
    user, therapist, therapist_client
):
    link_between(user, therapist, shared=[GROUNDING], shared_from=user.local_today())
    old = grounding(user, created_at=timezone.now() - timedelta(days=3))
    assert entry_page(therapist_client, user, old).status_code == 404
    record = AccessRecord.objects.get()
    assert (record.category, record.allowed) == (GROUNDING, False)


def test_a_deleted_entry_is_404(user, therapist, therapist_client):
    link_between(user, therapist, shared=[GROUNDING])
    entry = grounding(user, deleted_at=timezone.now())
    assert entry_page(therapist_client, user, entry).status_code == 404


def test_someone_elses_entry_cannot_be_opened_through_a_linked_person(
    user, therapist, therapist_client
):
    link_between(user, therapist, shared=[GROUNDING])
    elsewhere = grounding(UserFactory())
    assert entry_page(therapist_client, user, elsewhere).status_code == 404


def test_a_thought_record_reads_as_the_person_wrote_it(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.practice_category("thought-record")])
    record = ThoughtRecordFactory(entry__user=user)
    response = entry_page(therapist_client, user, record.entry)
    assert "They are tired of me" in response.text
    assert "They are probably busy" in response.text


def test_a_decision_reads_as_the_person_wrote_it_without_their_look_back_link(
    user, therapist, therapist_client
):
    link_between(user, therapist, shared=[categories.practice_category("decision")])
    decision = DecisionFactory(entry__user=user, review_on=user.local_today())
    response = entry_page(therapist_client, user, decision.entry)
    assert decision.decision in response.text
    assert reverse("practices:review", args=[decision.entry.pk]) not in response.text


def test_words_that_read_as_crisis_are_marked_on_the_entry(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.practice_category("thought-record")])
    record = ThoughtRecordFactory(entry__user=user, automatic_thought="I want to end my life")
    response = entry_page(therapist_client, user, record.entry)
    assert "may point to thoughts of suicide or self-harm" in response.text
