"""Words typed and not saved yet are in the person's export too."""

import json
from datetime import datetime

import pytest
from django.urls import reverse

from selftrust.accounts.export import export_for
from selftrust.drafts import store
from tests.drafts.factories import DraftFactory

pytestmark = pytest.mark.django_db


def test_the_export_holds_every_draft_as_it_was_typed(user):
    store.save(user, "practice:thought-record:new", {"situation": ["Half a thought 🌧️"]})
    store.save(user, "assessment:phq-9", {"item_1": ["2"]})
    drafts = export_for(user)["drafts"]
    assert [d["key"] for d in drafts] == ["assessment:phq-9", "practice:thought-record:new"]
    assert drafts[1]["fields"] == {"situation": ["Half a thought 🌧️"]}
    assert set(drafts[1]) == {"key", "updated_at", "fields"}
    assert datetime.fromisoformat(drafts[1]["updated_at"]).tzinfo is not None


def test_the_downloaded_export_holds_my_drafts_and_nobody_elses(owner_client, user, other_user):
    DraftFactory(user=user, key="safety-plan", data={"warning_signs": ["Mine"]})
    DraftFactory(user=other_user, key="safety-plan", data={"warning_signs": ["Theirs"]})
    exported = json.loads(owner_client.get(reverse("accounts:export")).content)
    assert [d["fields"] for d in exported["drafts"]] == [{"warning_signs": ["Mine"]}]
