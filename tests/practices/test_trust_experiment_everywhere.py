"""The trust experiment is a catalog practice like any other: in the API (looked back on with a
change to its answers), the export and the spreadsheets, and back in with the import."""

import json

import pytest
from django.urls import reverse

from selftrust.accounts.export import export_for
from selftrust.accounts.export_csv import csv_tables
from selftrust.accounts.importing import import_export
from selftrust.practices.catalog import TRUST_EXPERIMENT
from selftrust.practices.models import Entry
from tests.api.conftest import ApiClient
from tests.factories import UserFactory, api_token_for

pytestmark = pytest.mark.django_db

PLAN = {
    "who": "Sam",
    "step": "Ask Sam to call me back this week",
    "feels_safe": 6,
    "prediction": "He'll forget",
    "fear_likely": 7,
    "look_back_in": "3",
}
LOOK_BACK = {"what_happened": "He called", "fear_came_true": "no", "reliable": "yes"}
ENTRIES = "/practices/trust-experiment/entries"


@pytest.fixture
def api(client, user):
    return ApiClient(client, api_token_for(user))


@pytest.fixture
def other_api(client, other_user):
    return ApiClient(client, api_token_for(other_user))


def test_the_api_lists_the_practice_with_its_questions_and_its_look_back(api):
    listed = next(p for p in api.get("/practices").json() if p["slug"] == "trust-experiment")
    assert listed["kind"] == "worksheet"
    fields = {f["name"]: f for f in listed["fields"]}
    assert {spec.name for spec in TRUST_EXPERIMENT.fields} == set(fields)
    assert (fields["feels_safe"]["kind"], fields["feels_safe"]["low"]) == ("scale", 0)
    assert fields["feels_safe"]["high"] == 10
    review = {f["name"]: f for f in listed["review_fields"]}
    assert list(review) == ["what_happened", "fear_came_true", "reliable", "learned"]
    assert review["fear_came_true"]["required"]
    assert [c["value"] for c in review["reliable"]["choices"]] == [
        "yes",
        "partly",
        "no",
        "unsafe",
        "too-early",
    ]


def test_a_step_is_written_then_looked_back_on_through_the_api(api, user):
    created = api.post(ENTRIES, {"answers": PLAN})
    assert created.status_code == 201, created.json()
    written = created.json()
    assert written["title"] == "Ask Sam to call me back this week"
    assert written["answers"] == PLAN
    changed = api.patch(f"{ENTRIES}/{written['id']}", {"answers": LOOK_BACK})
    assert changed.status_code == 200, changed.json()
    assert changed.json()["answers"] == {**PLAN, **LOOK_BACK}
    (listed,) = api.get(ENTRIES).json()
    assert listed["answers"]["fear_came_true"] == "no"


def test_crisis_words_sent_through_the_api_come_back_with_support(api):
    created = api.post(ENTRIES, {"answers": {**PLAN, "prediction": "I want to die"}}).json()
    assert created["support"]["suggested"] is True


def test_the_api_refuses_an_answer_the_form_refuses_and_saves_nothing(api):
    refused = api.post(ENTRIES, {"answers": {**PLAN, "fear_came_true": "maybe"}})
    assert refused.status_code == 422
    assert not Entry.objects.exists()


def test_another_persons_step_is_not_found_through_the_api(api, other_api):
    created = api.post(ENTRIES, {"answers": PLAN}).json()
    assert other_api.get(f"{ENTRIES}/{created['id']}").status_code == 404
    assert other_api.patch(f"{ENTRIES}/{created['id']}", {"answers": LOOK_BACK}).status_code == 404
    assert other_api.get(ENTRIES).json() == []


def test_the_export_and_the_spreadsheet_hold_the_step_and_its_look_back(owner_client, user):
    owner_client.post(reverse("practices:new", args=["trust-experiment"]), PLAN)
    entry = Entry.objects.get()
    owner_client.post(reverse("practices:review", args=[entry.pk]), LOOK_BACK)
    (exported,) = export_for(user)["practice_entries"]
    assert exported["practice"] == "trust-experiment"
    assert exported["answers"] == {**PLAN, **LOOK_BACK}
    header, row = csv_tables(export_for(user))["practice-trust-experiment.csv"]
    assert header[2:] == [spec.name for spec in TRUST_EXPERIMENT.fields]
    by_name = dict(zip(header, row, strict=True))
    assert (by_name["step"], by_name["fear_came_true"], by_name["learned"]) == (
        "Ask Sam to call me back this week",
        "no",
        "",
    )


def test_an_exported_step_comes_back_with_the_import_looked_back_on_or_not(owner_client, user):
    owner_client.post(reverse("practices:new", args=["trust-experiment"]), PLAN)
    owner_client.post(reverse("practices:new", args=["trust-experiment"]), {**PLAN, "who": "Ana"})
    looked = Entry.objects.get(data__who="Sam")
    owner_client.post(reverse("practices:review", args=[looked.pk]), LOOK_BACK)
    exported = json.loads(json.dumps(export_for(user)))
    newcomer = UserFactory()
    import_export(newcomer, exported)
    again = json.loads(json.dumps(export_for(newcomer)))
    assert [e["answers"] for e in again["practice_entries"]] == [
        e["answers"] for e in exported["practice_entries"]
    ]
