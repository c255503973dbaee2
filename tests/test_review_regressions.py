"""Defects found in review, each pinned by a test so it stays fixed."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.assessments.instruments import PHQ9
from selftrust.drafts.models import Draft
from selftrust.practices.models import Entry, ThoughtRecord
from selftrust.promises.models import CheckIn, Schedule
from selftrust.promises.track_record import track_record_for
from tests.factories import CheckInFactory, PromiseFactory, api_token_for

pytestmark = pytest.mark.django_db


def test_answering_the_same_day_in_another_date_format_changes_the_answer(owner_client, user):
    promise = PromiseFactory(user=user)
    today = user.local_today()
    url = reverse("promises:check_in", args=[promise.pk])
    owner_client.post(url, {"day": today.isoformat(), "outcome": "kept"})
    response = owner_client.post(url, {"day": today.strftime("%m/%d/%Y"), "outcome": "partly"})
    assert response.status_code == 302
    assert list(CheckIn.objects.values_list("outcome", flat=True)) == ["partly"]


def test_letting_go_kindly_never_lowers_overall_strength(user):
    steady = PromiseFactory(user=user, starts_on=user.local_today() - timedelta(days=20))
    for days_ago in range(10):
        CheckInFactory(promise=steady, day=user.local_today() - timedelta(days=days_ago))
    before = track_record_for(user, user.local_today()).strength
    rested = PromiseFactory(user=user)
    CheckInFactory(promise=rested, outcome="let_go")
    user.note_record_changed()
    record = track_record_for(user, user.local_today())
    assert record.strength == before
    assert next(p for p in record.promises if p.id == rested.pk).strength is None


def test_a_thought_record_edit_draft_wins_over_the_saved_values(owner_client, user):
    owner_client.post(
        reverse("practices:new", args=["thought-record"]),
        {
            "situation": "s",
            "automatic_thought": "t",
            "belief_before": "6",
            "emotion_1": "anxious",
            "emotion_1_before": "5",
            "thinking_traps": ["labelling"],
        },
    )
    entry = Entry.objects.get()
    owner_client.post(
        reverse("drafts:autosave", args=[f"practice:thought-record:edit:{entry.pk}"]),
        {
            "situation": "s",
            "automatic_thought": "t",
            "belief_before": "6",
            "emotion_1": "sad",
            "emotion_1_before": "9",
        },
    )
    page = owner_client.get(reverse("practices:edit", args=[entry.pk])).content.decode()
    assert 'value="sad" selected' in page
    assert 'name="emotion_1_before" min="0" max="10" step="1" value="9"' in page
    labelling = re.search(r'<input[^>]*value="labelling"[^>]*>', page).group(0)
    assert "checked" not in labelling
    assert ThoughtRecord.objects.get().emotions[0]["emotion"] == "anxious"


def test_nul_characters_never_reach_the_database(owner_client, user):
    owner_client.post(reverse("drafts:autosave", args=["practice:win:new"]), {"win": "a\x00b"})
    assert Draft.objects.get().data == {"win": ["ab"]}
    assert owner_client.get(reverse("practices:timeline"), {"q": "a\x00b"}).status_code == 200
    response = owner_client.post(reverse("practices:new", args=["win"]), {"win": "x\x00" * 3})
    assert response.status_code == 400


def test_unknown_promise_status_filter_is_a_kind_422(client, user):
    token = api_token_for(user)
    response = client.get(
        "/api/v1/promises", {"status": "\x00"}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 422


def test_a_huge_offset_is_refused_not_crashed(client, user):
    token = api_token_for(user)
    response = client.get(
        "/api/v1/practices/grounding/entries",
        {"offset": "999999999999999999999999"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 422


def test_non_ascii_digits_in_a_draft_key_are_not_found(owner_client):
    assert owner_client.post("/drafts/practice:win:edit:²/", {"x": "y"}).status_code == 404


def test_token_requests_filter_dates_in_the_persons_time_zone(client, user):
    user.time_zone = "Pacific/Auckland"
    user.save()
    entry = Entry.objects.create(
        user=user,
        practice="win",
        data={"win": "x"},
        title="x",
        created_at=datetime(2026, 11, 10, 20, 0, tzinfo=UTC),
    )
    token = api_token_for(user)
    response = client.get(
        "/api/v1/practices/win/entries",
        {"since": "2026-11-11", "until": "2026-11-11"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert [e["id"] for e in response.json()] == [entry.pk]


def test_the_words_of_a_past_one_time_promise_can_still_be_edited(owner_client, user):
    past = user.local_today() - timedelta(days=10)
    promise = PromiseFactory(user=user, schedule=Schedule.ONCE, due_date=past, starts_on=past)
    response = owner_client.post(
        reverse("promises:edit", args=[promise.pk]),
        {"text": "Call the dentist, gently", "schedule": "once", "due_date": past.isoformat()},
    )
    assert response.status_code == 302
    promise.refresh_from_db()
    assert promise.text == "Call the dentist, gently"


def test_a_late_autosave_does_not_bring_a_saved_draft_back(owner_client, user):
    owner_client.post(reverse("practices:new", args=["win"]), {"win": "Saved"})
    owner_client.post(reverse("drafts:autosave", args=["practice:win:new"]), {"win": "Sav"})
    assert not Draft.objects.exists()


def test_a_late_questionnaire_autosave_does_not_bring_the_draft_back(owner_client, user):
    answers = {f"item_{n}": "0" for n in range(1, 10)}
    owner_client.post(
        reverse("assessments:take", args=[PHQ9.slug]), {**answers, "action": "finish"}
    )
    owner_client.post(reverse("drafts:autosave", args=[f"assessment:{PHQ9.slug}"]), answers)
    assert not Draft.objects.exists()


def test_deleting_purges_older_deleted_entries(owner_client, user):
    old = Entry.objects.create(
        user=user,
        practice="win",
        data={},
        title="old",
        created_at=timezone.now(),
        deleted_at=timezone.now() - timedelta(hours=1),
    )
    fresh = Entry.objects.create(
        user=user, practice="win", data={}, title="new", created_at=timezone.now()
    )
    owner_client.post(reverse("practices:delete", args=[fresh.pk]))
    assert not Entry.objects.filter(pk=old.pk).exists()
    assert Entry.objects.filter(pk=fresh.pk).exists()
