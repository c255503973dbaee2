"""Suggesting homework from a person's page, and what the therapist sees of the answer."""

from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.care import categories
from selftrust.care.homework import assign, decline
from selftrust.care.models import Homework, HomeworkAnswer
from tests.care.conftest import link_between
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

GROUNDING = categories.practice_category("grounding")


def suggest(client, person, **fields):
    return client.post(reverse("care:therapist-homework", args=[person.pk]), fields)


def test_a_practice_is_suggested_with_a_note_and_a_day(user, therapist, therapist_client):
    link = link_between(user, therapist)
    due = therapist.local_today() + timedelta(days=7)
    response = suggest(
        therapist_client,
        user,
        kind="practice",
        practice="grounding",
        note="When the evenings feel long",
        due_on=due.isoformat(),
    )
    assert response.status_code == 302
    assert response.url == reverse("care:therapist-person", args=[user.pk]) + "#homework"
    homework = Homework.objects.get()
    assert (homework.link, homework.kind, homework.target) == (link, "practice", "grounding")
    assert (homework.note, homework.due_on) == ("When the evenings feel long", due)


def test_a_lesson_is_suggested(user, therapist, therapist_client):
    link_between(user, therapist)
    suggest(therapist_client, user, kind="lesson", lesson="self-compassion")
    assert Homework.objects.get().target == "self-compassion"


def test_a_promise_is_suggested_in_the_therapists_words(user, therapist, therapist_client):
    link_between(user, therapist)
    suggest(therapist_client, user, kind="promise", promise="Step outside for five minutes")
    assert Homework.objects.get().target == "Step outside for five minutes"


def test_only_the_field_of_the_chosen_kind_is_read(user, therapist, therapist_client):
    link_between(user, therapist)
    suggest(therapist_client, user, kind="lesson", lesson="values", practice="grounding")
    assert (Homework.objects.get().kind, Homework.objects.get().target) == ("lesson", "values")


def test_a_promise_without_words_is_refused_and_the_form_is_kept(user, therapist, therapist_client):
    link_between(user, therapist)
    response = suggest(therapist_client, user, kind="promise", note="Kept note")
    assert response.status_code == 400
    assert "Please write the promise to suggest." in response.text
    assert "Kept note" in response.text
    assert not Homework.objects.exists()


def test_a_day_already_past_is_refused(user, therapist, therapist_client):
    link_between(user, therapist)
    yesterday = therapist.local_today() - timedelta(days=1)
    response = suggest(
        therapist_client, user, kind="lesson", lesson="values", due_on=yesterday.isoformat()
    )
    assert response.status_code == 400
    assert "Please choose today or a day after it." in response.text
    assert not Homework.objects.exists()


def test_a_practice_not_in_the_catalog_is_refused(user, therapist, therapist_client):
    link_between(user, therapist)
    response = suggest(therapist_client, user, kind="practice", practice="no-such-practice")
    assert response.status_code == 400
    assert not Homework.objects.exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"kind": "practice", "practice": "nope"}, "Please choose one of the practices."),
        ({"kind": "lesson", "lesson": "nope"}, "Please choose one of the lessons."),
        ({"kind": "promise", "promise": "x" * 201}, "promise to 200 characters or fewer"),
        ({"kind": "promise", "promise": "Rest", "note": "x" * 5000}, "characters or fewer"),
        ({"kind": "promise", "promise": "Re\x00st"}, "invisible control characters"),
    ],
)
def test_each_refusal_is_in_the_apps_own_words(user, therapist, therapist_client, fields, message):
    link_between(user, therapist)
    response = suggest(therapist_client, user, **fields)
    assert response.status_code == 400
    page = response.content.decode().replace("&#x27;", "'")
    assert message in page
    assert "Ensure this value" not in page and "Select a valid choice" not in page
    assert not Homework.objects.exists()


def test_the_list_shows_the_persons_answer(user, therapist, therapist_client):
    link = link_between(user, therapist)
    decline(assign(link, "lesson", "values"))
    assign(link, "promise", "Rest after lunch")
    response = therapist_client.get(reverse("care:therapist-person", args=[user.pk]))
    assert "Their answer: Declined" in response.text
    assert "Their answer: Not answered yet" in response.text


def test_whether_a_practice_was_done_shows_only_where_that_practice_is_shared(
    user, therapist, therapist_client
):
    link = link_between(user, therapist)
    assign(link, "practice", "grounding")
    EntryFactory(user=user, practice="grounding", data={}, title="Grounding")
    page = reverse("care:therapist-person", args=[user.pk])
    response = therapist_client.get(page)
    assert "You see whether it's done only if they share “Grounding”." in response.text
    assert "Done:" not in response.text
    link.shared = [GROUNDING]
    link.save()
    assert "Done: they saved an entry of it since you suggested it." in (
        therapist_client.get(page).text
    )


def test_an_entry_from_before_the_suggestion_does_not_count_as_done(
    user, therapist, therapist_client
):
    EntryFactory(user=user, practice="grounding", data={}, title="Grounding")
    link = link_between(user, therapist, shared=[GROUNDING])
    assign(link, "practice", "grounding")
    response = therapist_client.get(reverse("care:therapist-person", args=[user.pk]))
    assert "No entry of it yet since you suggested it." in response.text
    assert Homework.objects.get().answer == HomeworkAnswer.OPEN
