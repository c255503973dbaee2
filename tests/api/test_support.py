"""API writes of free text say whether support is worth offering, as the web pages do."""

import pytest

from selftrust.practices.models import Decision, Entry, ThoughtRecord
from selftrust.promises.models import CheckIn, Promise
from tests.api.test_decisions_api import decide, review
from tests.api.test_thought_records_api import VALID as THOUGHT_RECORD
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db

CRISIS = "Some days I want to kill myself"
IDIOM = "I killed it at work"
WORDS = pytest.mark.parametrize("words, suggested", [(CRISIS, True), (IDIOM, False)])


def assert_support(response, suggested: bool):
    assert response.json()["support"] == {"suggested": suggested, "help_url": "/help/"}


# --- practice entries ---------------------------------------------------------------------


@WORDS
def test_writing_a_worksheet_entry(api, user, words, suggested):
    response = api.post("/practices/win/entries", {"answers": {"win": words}})
    assert response.status_code == 201, response.json()
    assert_support(response, suggested)
    assert Entry.objects.get(user=user).data == {"win": words}


@WORDS
def test_changing_a_worksheet_entry(api, user, words, suggested):
    created = api.post("/practices/win/entries", {"answers": {"win": "A walk"}}).json()
    assert created["support"]["suggested"] is False
    response = api.patch(f"/practices/win/entries/{created['id']}", {"answers": {"win": words}})
    assert response.status_code == 200, response.json()
    assert_support(response, suggested)
    assert Entry.objects.get(user=user).data == {"win": words}


@WORDS
def test_only_what_was_typed_is_read_not_the_choices(api, user, words, suggested):
    answers = {"where": "Chest", "sensation": "Tight", "intensity": 4, "message": words}
    response = api.post("/practices/body-check-in/entries", {"answers": answers})
    assert response.status_code == 201, response.json()
    assert_support(response, suggested)


@WORDS
def test_writing_a_thought_record(api, user, words, suggested):
    response = api.post(
        "/practices/thought-record/entries", {**THOUGHT_RECORD, "automatic_thought": words}
    )
    assert response.status_code == 201, response.json()
    assert_support(response, suggested)
    assert ThoughtRecord.objects.get(entry__user=user).automatic_thought == words


@WORDS
def test_changing_a_thought_record(api, user, words, suggested):
    created = api.post("/practices/thought-record/entries", THOUGHT_RECORD).json()
    response = api.patch(
        f"/practices/thought-record/entries/{created['id']}", {"balanced_thought": words}
    )
    assert response.status_code == 200, response.json()
    assert_support(response, suggested)
    assert ThoughtRecord.objects.get(entry__user=user).balanced_thought == words


@WORDS
def test_writing_a_decision(api, user, words, suggested):
    response = api.post(
        "/practices/decision/entries",
        {"decision": words, "confidence": 70, "review_on": user.local_today().isoformat()},
    )
    assert response.status_code == 201, response.json()
    assert_support(response, suggested)
    assert Decision.objects.get(entry__user=user).decision == words


@WORDS
def test_reviewing_a_decision(api, user, words, suggested):
    created = decide(api, user)
    assert created["support"]["suggested"] is False
    response = review(api, created["id"], what_happened=words, instinct_served="partly")
    assert response.status_code == 200, response.json()
    assert_support(response, suggested)
    decision = Decision.objects.get(entry__user=user)
    assert (decision.what_happened, decision.is_reviewed) == (words, True)


def test_a_review_reads_the_decision_too(api, user):
    """As on the web page: every word of the entry is read again after a review."""
    created = decide(api, user, gut_says=CRISIS)
    response = review(api, created["id"], what_happened="It went fine", instinct_served="yes")
    assert_support(response, True)


# --- promises and check-ins ---------------------------------------------------------------


@WORDS
def test_making_a_promise(api, user, words, suggested):
    response = api.post("/promises", {"text": words, "schedule": "daily"})
    assert response.status_code == 201, response.json()
    assert_support(response, suggested)
    assert Promise.objects.get(user=user).text == words


@WORDS
def test_changing_a_promise(api, user, words, suggested):
    promise = PromiseFactory(user=user, text="Walk")
    response = api.patch(f"/promises/{promise.pk}", {"text": words})
    assert response.status_code == 200, response.json()
    assert_support(response, suggested)
    promise.refresh_from_db()
    assert promise.text == words


@WORDS
def test_recording_a_check_in(api, user, words, suggested):
    promise = PromiseFactory(user=user)
    body = {"date": user.local_today().isoformat(), "outcome": "not_this_time", "note": words}
    response = api.post(f"/promises/{promise.pk}/check-ins", body)
    assert response.status_code == 201, response.json()
    assert_support(response, suggested)
    assert CheckIn.objects.get(promise=promise).note == words


@WORDS
def test_changing_a_check_in(api, user, words, suggested):
    promise = PromiseFactory(user=user)
    body = {"date": user.local_today().isoformat(), "outcome": "kept", "note": "Fine"}
    first = api.post(f"/promises/{promise.pk}/check-ins", body)
    assert first.json()["support"]["suggested"] is False
    response = api.post(f"/promises/{promise.pk}/check-ins", {**body, "note": words})
    assert response.status_code == 200, response.json()
    assert_support(response, suggested)
    assert CheckIn.objects.get(promise=promise).note == words


def test_a_check_in_without_a_note_suggests_nothing(api, user):
    promise = PromiseFactory(user=user)
    body = {"date": user.local_today().isoformat(), "outcome": "kept"}
    assert_support(api.post(f"/promises/{promise.pk}/check-ins", body), False)


# --- what it leaves alone -----------------------------------------------------------------


def test_a_refused_write_says_nothing_about_support(api, user):
    response = api.post("/promises", {"text": f"<b>{CRISIS}</b>", "schedule": "daily"})
    assert response.status_code == 422
    assert "support" not in response.json()
    assert not Promise.objects.exists()


def test_reads_do_not_carry_support(api, user):
    promise = api.post("/promises", {"text": CRISIS, "schedule": "daily"}).json()
    entry = api.post("/practices/win/entries", {"answers": {"win": CRISIS}}).json()
    assert "support" not in api.get(f"/promises/{promise['id']}").json()
    assert "support" not in api.get(f"/practices/win/entries/{entry['id']}").json()
    assert all("support" not in p for p in api.get("/promises").json())


def test_nothing_is_stored_about_the_check(owner_client, user):
    """Unlike the web pages, the API leaves no offer waiting in the browser session."""
    response = owner_client.post(
        "/api/v1/practices/win/entries",
        data={"answers": {"win": CRISIS}},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["support"]["suggested"] is True
    assert "offer-support" not in owner_client.session
    assert Entry.objects.get(user=user).data == {"win": CRISIS}


def test_the_openapi_document_describes_support_on_writes(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schemas = response.json()["components"]["schemas"]
    assert set(schemas["SupportOut"]["properties"]) == {"suggested", "help_url"}
    for name in ("EntrySavedOut", "PromiseSavedOut", "CheckInSavedOut"):
        assert "support" in schemas[name]["properties"]
        assert "support" in schemas[name]["required"]
    assert "support" not in schemas["PromiseOut"]["properties"]
