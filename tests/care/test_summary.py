"""Session preparation: one page since the last session, shared categories only, for both."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.care import categories
from selftrust.care.homework import assign, decline
from selftrust.care.links import end_link, mark_session_held
from selftrust.care.models import AccessRecord, CareLink, SessionNote
from selftrust.care.summary import build_summary, period_start
from selftrust.insights.models import DailyCheck
from selftrust.promises.models import Outcome
from tests.care.conftest import link_between, make_therapist
from tests.factories import AssessmentResponseFactory, CheckInFactory, EntryFactory, PromiseFactory

pytestmark = pytest.mark.django_db

GROUNDING = categories.practice_category("grounding")
EVERYTHING = [category.slug for category in categories.all_categories()]


def summary_page(client, person):
    return client.get(reverse("care:therapist-summary", args=[person.pk]))


def test_the_summary_starts_at_the_last_session_or_four_weeks_back(user, therapist):
    link = link_between(user, therapist)
    today = user.local_today()
    assert period_start(link, today) == today - timedelta(days=28)
    mark_session_held(link, today - timedelta(days=6))
    assert period_start(link, today) == today - timedelta(days=6)


def test_promises_kept_count_only_the_days_since_the_last_session(user, therapist):
    link = link_between(user, therapist, shared=[categories.PROMISES])
    today = user.local_today()
    mark_session_held(link, today - timedelta(days=2))
    water = PromiseFactory(user=user, text="Drink water", starts_on=today - timedelta(days=10))
    CheckInFactory(promise=water, day=today - timedelta(days=5), outcome=Outcome.NOT_THIS_TIME)
    CheckInFactory(promise=water, day=today - timedelta(days=1), outcome=Outcome.KEPT)
    CheckInFactory(promise=water, day=today, outcome=Outcome.PARTLY)
    summary = build_summary(user, link, today)
    assert (summary.promises.answered, summary.promises.kept_percent) == (2, 75)
    assert summary.promises.promises[0].counts == {"kept": 1, "partly": 1}


def test_only_shared_categories_are_in_the_summary(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.MOOD])
    today = user.local_today()
    DailyCheck.objects.create(user=user, day=today, mood=2, energy=1)
    DailyCheck.objects.create(user=user, day=today - timedelta(days=1), mood=4, energy=3)
    CheckInFactory(promise=PromiseFactory(user=user, text="Drink water", starts_on=today))
    SessionNote.objects.create(person=user, text="About my sister")
    response = summary_page(therapist_client, user)
    assert response.status_code == 200
    assert "Mood ranged from low to good." in response.text
    assert "Energy ranged from drained to steady." in response.text
    for hidden in ("Drink water", "About my sister", "Promises</h2>", "Practice</h2>"):
        assert hidden not in response.text
    assert list(AccessRecord.objects.values_list("category", flat=True)) == [categories.MOOD]


def test_nothing_shared_yet_is_said_plainly(user, therapist, therapist_client):
    link_between(user, therapist)
    response = summary_page(therapist_client, user)
    assert "Nothing shared yet, so there is nothing to sum up." in response.text


def test_measures_practices_notes_homework_and_warnings_are_gathered(
    user, therapist, therapist_client
):
    link = link_between(user, therapist, shared=EVERYTHING)
    AssessmentResponseFactory(
        user=user,
        instrument_slug="gad-7",
        answers=[2] * 7,
        completed_at=timezone.now() - timedelta(days=60),
    )
    AssessmentResponseFactory(user=user, instrument_slug="gad-7", answers=[1] * 7)
    AssessmentResponseFactory(user=user, instrument_slug="phq-9", answers=[0] * 8 + [1])
    EntryFactory(user=user, practice="grounding", data={}, title="Evening grounding")
    SessionNote.objects.create(person=user, text="I want to end my life, some nights")
    decline(assign(link, "lesson", "values"))
    response = summary_page(therapist_client, user)
    text = response.text
    assert "GAD-7</strong>: 7 (mild)" in text
    assert "Since the first shared, 14" in text and "down 7" in text
    assert "clinically meaningful improvement by published thresholds" in text
    assert 'Grounding</strong>: 1 time (<span dir="auto">Evening grounding</span>)' in text
    assert "I want to end my life, some nights" in text
    assert "declined" in text
    assert "To ask about first" in text
    assert "Question 9 of the PHQ-9 answered above 0" in text
    assert "in a note for the session" in text


def test_the_summary_prints_without_the_sites_header(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.MOOD])
    response = summary_page(therapist_client, user)
    assert "care/summary-print" in response.text
    assert 'class="no-print"' in response.text


def test_marking_the_session_held_starts_the_next_summary_today(user, therapist, therapist_client):
    link_between(user, therapist)
    response = therapist_client.post(reverse("care:therapist-session-held", args=[user.pk]))
    assert response.status_code == 302
    assert response.url == reverse("care:therapist-summary", args=[user.pk])
    assert CareLink.objects.get().last_session_on == therapist.local_today()


def test_a_person_sees_their_summary_as_their_therapist_sees_it(user, therapist, owner_client):
    link_between(user, therapist, shared=[categories.MOOD])
    DailyCheck.objects.create(user=user, day=user.local_today(), mood=3)
    SessionNote.objects.create(person=user, text="About my sister")
    response = owner_client.get(reverse("care:summary"))
    assert response.status_code == 200
    assert f"This is what {therapist.username} sees" in response.text
    assert "Mood was okay each time." in response.text
    assert "About my sister" not in response.text
    assert not AccessRecord.objects.exists()


def test_a_person_with_two_therapists_chooses_whose_view(user, therapist, owner_client):
    second = make_therapist()
    link_between(user, therapist, shared=[categories.MOOD])
    other = link_between(user, second, shared=[categories.SESSION_NOTES])
    SessionNote.objects.create(person=user, text="About my sister")
    response = owner_client.get(reverse("care:summary"), {"with": other.pk})
    assert f"This is what {second.username} sees" in response.text
    assert "About my sister" in response.text


def test_a_link_that_is_not_the_persons_own_is_ignored(user, other_user, owner_client):
    not_theirs = link_between(other_user, make_therapist(), shared=EVERYTHING)
    SessionNote.objects.create(person=other_user, text="Someone else's words")
    response = owner_client.get(reverse("care:summary"), {"with": not_theirs.pk})
    assert response.status_code == 200
    assert "Someone else" not in response.text
    assert "You aren't linked with a therapist" in response.text


def test_a_person_without_a_therapist_sees_their_own_last_four_weeks(user, owner_client):
    SessionNote.objects.create(person=user, text="About my sister")
    response = owner_client.get(reverse("care:summary"))
    assert "You aren't linked with a therapist" in response.text
    assert "About my sister" in response.text


def test_an_ended_link_is_not_a_view_of_the_summary(user, therapist, owner_client):
    end_link(link_between(user, therapist, shared=[categories.MOOD]), "person")
    response = owner_client.get(reverse("care:summary"))
    assert "You aren't linked with a therapist" in response.text


def test_the_persons_summary_is_theirs_alone(client, user):
    response = client.get(reverse("care:summary"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_a_therapists_account_has_no_summary_of_its_own(therapist_client):
    assert therapist_client.get(reverse("care:summary")).status_code == 404
