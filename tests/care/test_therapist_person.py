"""A person's page in the therapist's workspace: only what they share, in their own words."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.care import categories
from selftrust.care.links import set_sharing
from selftrust.care.models import AccessRecord, SessionNote
from selftrust.insights.models import DailyCheck, WeeklyReview
from tests.care.conftest import link_between
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    EntryFactory,
    PromiseFactory,
    SafetyPlanFactory,
)

pytestmark = pytest.mark.django_db

GROUNDING = categories.practice_category("grounding")
CRISIS_WORDS = "I want to end my life tonight"
CRISIS_FLAG = "may point to thoughts of suicide or self-harm"


def page_of(client, person, **params):
    return client.get(reverse("care:therapist-person", args=[person.pk]), params)


def test_nothing_shared_yet_is_said_plainly_and_nothing_is_shown(user, therapist, therapist_client):
    link_between(user, therapist)
    PromiseFactory(user=user, text="Drink a glass of water")
    SafetyPlanFactory(user=user)
    response = page_of(therapist_client, user)
    assert response.status_code == 200
    assert "Nothing shared yet." in response.text
    assert "Drink a glass of water" not in response.text
    assert "My warning signs" not in response.text
    assert not AccessRecord.objects.exists()


def test_each_shared_category_is_opened_and_written_down_once(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.MOOD, GROUNDING])
    page_of(therapist_client, user)
    assert sorted(AccessRecord.objects.values_list("category", "allowed")) == [
        ("mood", True),
        (GROUNDING, True),
    ]


def test_only_the_shared_categories_appear(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.MOOD])
    today = user.local_today()
    DailyCheck.objects.create(user=user, day=today, mood=4, energy=3, note="Walked by the sea")
    PromiseFactory(user=user, text="Drink a glass of water")
    SafetyPlanFactory(user=user)
    EntryFactory(user=user, practice="grounding")
    response = page_of(therapist_client, user)
    assert "Walked by the sea" in response.text
    assert "Good" in response.text and "Steady" in response.text
    for hidden in ("Drink a glass of water", "My warning signs", "STOP: pause", "Practice</h2>"):
        assert hidden not in response.text


def test_a_change_of_sharing_counts_from_the_very_next_request(user, therapist, therapist_client):
    link = link_between(user, therapist, shared=[categories.MOOD])
    DailyCheck.objects.create(user=user, day=user.local_today(), mood=2, note="Heavy day")
    assert "Heavy day" in page_of(therapist_client, user).text
    set_sharing(link, [], None)
    response = page_of(therapist_client, user)
    assert "Heavy day" not in response.text
    assert "Nothing shared yet." in response.text


def test_records_before_the_day_they_share_from_are_left_out(user, therapist, therapist_client):
    today = user.local_today()
    link_between(
        user, therapist, shared=[categories.MOOD, GROUNDING], shared_from=today - timedelta(days=2)
    )
    DailyCheck.objects.create(user=user, day=today - timedelta(days=5), mood=1, note="Long ago")
    DailyCheck.objects.create(user=user, day=today, mood=4, note="This morning")
    old = EntryFactory(
        user=user,
        practice="grounding",
        data={"exercise": "5-4-3-2-1"},
        title="Older entry",
        created_at=timezone.now() - timedelta(days=5),
    )
    response = page_of(therapist_client, user)
    assert "This morning" in response.text
    assert "Long ago" not in response.text
    assert "Older entry" not in response.text
    assert reverse("care:therapist-entry", args=[user.pk, old.pk]) not in response.text


def test_the_track_record_shows_the_figures_the_person_sees(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.PROMISES])
    today = user.local_today()
    water = PromiseFactory(user=user, text="Drink a glass of water", starts_on=today)
    CheckInFactory(promise=water, day=today, note="Easier than I thought")
    response = page_of(therapist_client, user)
    assert "In the last 7 days they kept 100% of the promises they answered" in response.text
    assert "Drink a glass of water" in response.text
    assert "Easier than I thought" in response.text
    assert 'id="strength-chart-title"' in response.text


def test_crisis_words_are_marked_beside_the_note_they_were_written_in(
    user, therapist, therapist_client
):
    link_between(user, therapist, shared=[categories.PROMISES])
    today = user.local_today()
    CheckInFactory(promise=PromiseFactory(user=user, starts_on=today), day=today, note=CRISIS_WORDS)
    response = page_of(therapist_client, user)
    note_at = response.text.index(CRISIS_WORDS)
    assert CRISIS_FLAG in response.text[note_at : note_at + 600]


def test_crisis_words_in_a_category_not_shared_are_neither_shown_nor_flagged(
    user, therapist, therapist_client
):
    link_between(user, therapist, shared=[categories.MOOD])
    today = user.local_today()
    CheckInFactory(promise=PromiseFactory(user=user, starts_on=today), day=today, note=CRISIS_WORDS)
    response = page_of(therapist_client, user)
    assert CRISIS_WORDS not in response.text
    assert "Some words here may point" not in response.text


def test_questionnaire_results_show_the_trend_and_question_nine(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.QUESTIONNAIRES])
    AssessmentResponseFactory(
        user=user,
        instrument_slug="phq-9",
        answers=[2] * 9,
        completed_at=timezone.now() - timedelta(days=30),
    )
    AssessmentResponseFactory(user=user, instrument_slug="phq-9", answers=[1] * 8 + [0])
    response = page_of(therapist_client, user)
    assert "Latest 8" in response.text
    assert "the first they shared was 18" in response.text
    assert "Clinically meaningful improvement" in response.text
    assert "Question 9 answered above 0" in response.text  # the first result's answer


def test_the_safety_plan_is_shown_read_only(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.SAFETY_PLAN])
    SafetyPlanFactory(user=user)
    response = page_of(therapist_client, user)
    assert "My warning signs" in response.text and "Seeing the sea again" in response.text
    assert reverse("safety:plan_edit") not in response.text


def test_a_shared_safety_plan_not_yet_written_is_said_plainly(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.SAFETY_PLAN])
    assert "They haven't written a safety plan yet." in page_of(therapist_client, user).text


def test_notes_for_sessions_show_whether_they_were_talked_about(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.SESSION_NOTES])
    SessionNote.objects.create(person=user, text="The argument with my sister")
    SessionNote.objects.create(person=user, text=CRISIS_WORDS, brought_on=user.local_today())
    response = page_of(therapist_client, user)
    assert "The argument with my sister" in response.text
    assert "not talked about yet" in response.text and "talked about on" in response.text
    assert CRISIS_FLAG in response.text


def test_weekly_reviews_are_shown_in_their_own_words(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.WEEKLY_REVIEWS])
    WeeklyReview.objects.create(
        user=user, week_ending=user.local_today(), kept="Three walks", learned="Mornings help"
    )
    response = page_of(therapist_client, user)
    assert "Three walks" in response.text and "Mornings help" in response.text


def test_entries_are_listed_newest_first_ten_to_a_page(user, therapist, therapist_client):
    link_between(user, therapist, shared=[GROUNDING])
    now = timezone.now()
    for n in range(12):
        EntryFactory(
            user=user,
            practice="grounding",
            data={"exercise": "5-4-3-2-1"},
            title=f"Grounding number {n:02d}",
            created_at=now - timedelta(hours=n),
        )
    first = page_of(therapist_client, user).text
    assert first.index("Grounding number 00") < first.index("Grounding number 09")
    assert "Grounding number 10" not in first
    second = page_of(therapist_client, user, page=2).text
    assert "Grounding number 10" in second and "Grounding number 11" in second


def test_entries_of_practices_not_shared_are_not_listed(user, therapist, therapist_client):
    link_between(user, therapist, shared=[GROUNDING])
    EntryFactory(user=user, practice="body-check-in", title="Body entry")
    EntryFactory(user=user, practice="grounding", data={}, title="Grounding entry")
    response = page_of(therapist_client, user)
    assert "Grounding entry" in response.text
    assert "Body entry" not in response.text
