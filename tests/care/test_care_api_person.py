"""The person's side of care through the API: their links and what each therapist sees,
invitations, suggestions, notes for sessions, and the audit of looks, which is theirs alone."""

from datetime import date

import pytest
from django.urls import reverse

from selftrust.care import categories, homework, session_notes
from selftrust.care.access import record_access
from selftrust.care.links import MOST_OPEN_INVITATIONS, accept_invitation, end_link
from selftrust.care.models import CareLink, Homework, HomeworkAnswer, Invitation, SessionNote
from tests.api.conftest import ApiClient
from tests.care.conftest import link_between, make_therapist, with_second_factor
from tests.factories import EntryFactory, api_token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, user):
    return ApiClient(client, api_token_for(user))


@pytest.fixture
def other_api(client, other_user):
    return ApiClient(client, api_token_for(other_user))


@pytest.fixture
def anonymous_api(client):
    return ApiClient(client)


@pytest.fixture
def linked(user, therapist):
    return link_between(user, therapist, shared=[categories.MOOD])


@pytest.fixture
def therapist_api(client, therapist):
    with_second_factor(therapist)
    return ApiClient(client, api_token_for(therapist))


def put(api, path, body):
    return api.send("put", path, body)


# --- links and sharing ---------------------------------------------------------------------


def test_my_links_say_with_whom_and_what_each_sees(api, linked, therapist, other_user):
    link_between(other_user, make_therapist())
    response = api.get("/care/links")
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": linked.pk,
            "therapist": therapist.username,
            "started_at": response.json()[0]["started_at"],
            "ended_at": None,
            "ended_by": None,
            "shared": [categories.MOOD],
            "shared_from": None,
            "last_session_on": None,
        }
    ]


def test_an_ended_link_is_no_longer_listed(api, linked):
    end_link(linked, "therapist")
    assert api.get("/care/links").json() == []


def test_choosing_what_is_shared_counts_from_the_next_request(api, linked, therapist_api, user):
    assert therapist_api.get(f"/care/people/{user.pk}/session-notes").status_code == 404
    response = put(
        api,
        f"/care/links/{linked.pk}/sharing",
        {"shared": [categories.SESSION_NOTES], "shared_from": "2026-09-01"},
    )
    assert response.status_code == 200
    assert (response.json()["shared"], response.json()["shared_from"]) == (
        [categories.SESSION_NOTES],
        "2026-09-01",
    )
    assert therapist_api.get(f"/care/people/{user.pk}/session-notes").status_code == 200
    assert therapist_api.get(f"/care/people/{user.pk}/mood").status_code == 404


def test_sharing_nothing_takes_everything_back_at_once(api, linked, therapist_api, user):
    assert therapist_api.get(f"/care/people/{user.pk}/mood").status_code == 200
    assert put(api, f"/care/links/{linked.pk}/sharing", {"shared": []}).json()["shared"] == []
    assert therapist_api.get(f"/care/people/{user.pk}/mood").status_code == 404


def test_a_category_selftrust_does_not_know_changes_nothing(api, linked):
    response = put(api, f"/care/links/{linked.pk}/sharing", {"shared": ["mood", "diary"]})
    assert response.status_code == 422
    assert "isn't something Selftrust can share" in response.json()["errors"]["shared"][0]
    linked.refresh_from_db()
    assert linked.shared == [categories.MOOD]


def test_a_sharing_body_cannot_make_me_a_therapist(api, linked, user):
    response = put(api, f"/care/links/{linked.pk}/sharing", {"shared": [], "is_therapist": True})
    assert response.status_code == 422
    assert "is_therapist" in response.json()["errors"]
    user.refresh_from_db()
    assert not user.is_therapist
    linked.refresh_from_db()
    assert linked.shared == [categories.MOOD]


def test_another_persons_link_is_not_found_and_unchanged(other_api, linked):
    assert put(other_api, f"/care/links/{linked.pk}/sharing", {"shared": []}).status_code == 404
    assert other_api.delete(f"/care/links/{linked.pk}").status_code == 404
    linked.refresh_from_db()
    assert (linked.shared, linked.ended_at) == ([categories.MOOD], None)


def test_ending_a_link_shuts_the_therapist_out_at_once(api, linked, therapist_api, user):
    assert api.delete(f"/care/links/{linked.pk}").status_code == 204
    linked.refresh_from_db()
    assert linked.ended_by == "person"
    assert therapist_api.get(f"/care/people/{user.pk}/mood").status_code == 404
    assert therapist_api.get(f"/care/people/{user.pk}").status_code == 404
    assert api.delete(f"/care/links/{linked.pk}").status_code == 404


def test_a_therapist_has_no_persons_side(therapist_api, linked):
    for path in ("/care/links", "/care/homework", "/care/session-notes", "/care/looks"):
        assert therapist_api.get(path).status_code == 404, path
    assert put(therapist_api, f"/care/links/{linked.pk}/sharing", {"shared": []}).status_code == 404
    assert therapist_api.post("/care/invitations", {}).status_code == 404


def test_signed_out_the_care_operations_ask_to_sign_in(anonymous_api, linked):
    assert anonymous_api.get("/care/links").status_code == 401
    assert anonymous_api.delete(f"/care/links/{linked.pk}").status_code == 401


# --- invitations -----------------------------------------------------------------------------


def test_an_invitation_code_links_my_therapist_when_they_use_it(api, user, therapist):
    response = api.post("/care/invitations", {})
    assert response.status_code == 201
    made = response.json()
    assert made["accept_url"].endswith(
        f"{reverse('care:therapist-accept')}?code={made['code'].replace('-', '')}"
    )
    link = accept_invitation(therapist, made["code"])
    assert (link.person, link.shared) == (user, [])


def test_only_a_few_codes_wait_at_once(api, user):
    for _ in range(MOST_OPEN_INVITATIONS):
        assert api.post("/care/invitations", {}).status_code == 201
    response = api.post("/care/invitations", {})
    assert response.status_code == 409
    assert "nothing new was made" in response.json()["detail"]
    assert Invitation.objects.filter(person=user).count() == MOST_OPEN_INVITATIONS


# --- homework ------------------------------------------------------------------------------------


def test_open_suggestions_are_listed_with_whether_a_practice_is_done(api, user, linked):
    practice = homework.assign(linked, "practice", "win", note="Three this week")
    homework.decline(homework.assign(linked, "promise", "Rest after work"))
    EntryFactory(user=user, practice="win")
    response = api.get("/care/homework")
    assert response.status_code == 200
    [item] = response.json()
    assert (item["id"], item["title"], item["note"], item["answer"]) == (
        practice.pk,
        "A small win",
        "Three this week",
        "open",
    )
    assert item["done_at"] is not None


def test_letting_a_suggestion_go_needs_no_reason(api, linked):
    suggestion = homework.assign(linked, "lesson", "what-is-self-trust")
    response = api.post(f"/care/homework/{suggestion.pk}/decline", {})
    assert response.status_code == 200
    assert response.json()["answer"] == HomeworkAnswer.DECLINED
    assert api.post(f"/care/homework/{suggestion.pk}/decline", {}).status_code == 404


def test_another_persons_suggestion_is_not_found(other_api, linked):
    suggestion = homework.assign(linked, "practice", "win")
    assert other_api.post(f"/care/homework/{suggestion.pk}/decline", {}).status_code == 404
    assert Homework.objects.get().answer == HomeworkAnswer.OPEN


# --- notes for sessions ------------------------------------------------------------------------


def test_a_note_for_my_next_session_is_kept_and_listed(api, user):
    response = api.post("/care/session-notes", {"text": "The move, and sleep"})
    assert response.status_code == 201
    assert response.json()["support"]["suggested"] is False
    note = SessionNote.objects.get(person=user)
    listed = api.get("/care/session-notes").json()
    assert [(n["id"], n["text"], n["brought_on"]) for n in listed] == [
        (note.pk, "The move, and sleep", None)
    ]


def test_words_that_read_as_crisis_are_met_with_support(api):
    response = api.post("/care/session-notes", {"text": "I want to end my life"})
    assert response.status_code == 201
    assert response.json()["support"] == {"suggested": True, "help_url": reverse("safety:help")}


def test_an_empty_note_is_refused_and_nothing_is_kept(api, user):
    response = api.post("/care/session-notes", {"text": "   "})
    assert response.status_code == 422
    assert not SessionNote.objects.filter(person=user).exists()


def test_another_persons_notes_are_not_listed(api, other_user):
    session_notes.write(other_user, "Theirs")
    assert api.get("/care/session-notes").json() == []


# --- who looked -----------------------------------------------------------------------------------


def test_every_look_is_mine_to_read_newest_first(api, user, therapist, other_user):
    record_access(user.pk, therapist, categories.MOOD, True)
    record_access(user.pk, therapist, categories.SAFETY_PLAN, False)
    record_access(other_user.pk, therapist, categories.MOOD, True)
    looks = api.get("/care/looks").json()
    assert [(look["therapist"], look["category"], look["allowed"]) for look in looks] == [
        (therapist.username, categories.SAFETY_PLAN, False),
        (therapist.username, categories.MOOD, True),
    ]


def test_a_therapist_can_never_read_the_audit(therapist_api, linked, user):
    therapist_api.get(f"/care/people/{user.pk}/mood")
    assert therapist_api.get("/care/looks").status_code == 404


def test_the_looks_come_a_page_at_a_time(api, user, therapist):
    for _ in range(3):
        record_access(user.pk, therapist, categories.MOOD, True)
    assert len(api.get("/care/looks?limit=2").json()) == 2
    assert len(api.get("/care/looks?limit=2&offset=2").json()) == 1


def test_a_session_marked_held_is_in_my_links(api, linked):
    CareLink.objects.filter(pk=linked.pk).update(last_session_on=date(2026, 11, 2))
    assert api.get("/care/links").json()[0]["last_session_on"] == "2026-11-02"
