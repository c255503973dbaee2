"""Which kind of practice it is gets decided in the catalog, once: a new worksheet really is one
catalog entry, and nothing outside the catalog checks a practice's kind."""

import json
import re
from pathlib import Path

import pytest
from django.template.loader import get_template
from django.urls import reverse

import selftrust
from selftrust.drafts import store
from selftrust.practices.catalog import KINDS, PRACTICES, Field, Practice, Step
from selftrust.practices.models import Entry
from tests.factories import api_token_for

pytestmark = pytest.mark.django_db

KIND_NAMES = "|".join(KINDS)

EVENING = Practice(
    slug="evening-pause",
    name="An evening pause",
    kind="worksheet",
    summary="A minute at the end of the day.",
    lesson="self-compassion",
    title_field="noticed",
    steps=(
        Step(
            "The day",
            (
                Field("noticed", "One thing you noticed today", required=True),
                Field("ease", "How settled do you feel?", kind="scale", low=0, high=10),
            ),
        ),
    ),
)


@pytest.fixture
def evening(monkeypatch):
    monkeypatch.setitem(PRACTICES, EVENING.slug, EVENING)
    return EVENING


def test_a_new_worksheet_works_everywhere_from_its_catalog_entry_alone(
    owner_client, user, client, evening
):
    new = reverse("practices:new", args=[evening.slug])
    assert "One thing you noticed today" in owner_client.get(new).content.decode()
    key = f"practice:{evening.slug}:new"
    assert (
        owner_client.post(reverse("drafts:autosave", args=[key]), {"noticed": "x"}).status_code
        == 204
    )

    response = owner_client.post(new, {"noticed": "The light on the wall", "ease": "6"})
    entry = Entry.objects.get(user=user, practice=evening.slug)
    assert response.status_code == 302 and store.get(user, key) is None
    page = owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    assert "The light on the wall" in page
    assert (
        "The light on the wall" in owner_client.get(reverse("practices:timeline")).content.decode()
    )

    token = {"HTTP_AUTHORIZATION": f"Bearer {api_token_for(user)}"}
    listed = client.get("/api/v1/practices", **token).json()
    assert {"noticed", "ease"} == {
        f["name"] for f in next(p for p in listed if p["slug"] == evening.slug)["fields"]
    }
    written = client.post(
        f"/api/v1/practices/{evening.slug}/entries",
        data=json.dumps({"answers": {"noticed": "A kind word", "ease": 4}}),
        content_type="application/json",
        **token,
    )
    assert written.status_code == 201 and written.json()["title"] == "A kind word"


@pytest.mark.parametrize("slug", sorted(PRACTICES))
def test_every_practice_has_a_form_a_page_and_a_way_to_show_its_answers(slug):
    behaviour = PRACTICES[slug].behaviour
    assert hasattr(behaviour.form_class, "for_practice")
    get_template(behaviour.template)
    get_template(behaviour.answers_template)
    if behaviour.looks_back:
        assert behaviour.review_form_class is not None


def test_only_the_decision_journal_and_the_trust_experiment_look_back():
    assert [p.slug for p in PRACTICES.values() if p.behaviour.looks_back] == [
        "decision",
        "trust-experiment",
    ]


def test_nothing_outside_the_catalog_checks_which_kind_a_practice_is():
    root = Path(selftrust.__file__).parent
    checks = re.compile(
        rf"""kind\s*[!=]=\s*["']({KIND_NAMES})["']|[!=]=\s*(DECISION|THOUGHT_RECORD)\b"""
    )
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in [*root.rglob("*.py"), *root.rglob("*.html")]
        if path.name != "catalog.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if checks.search(line)
    ]
    assert found == []
