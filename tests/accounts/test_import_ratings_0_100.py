"""An export made before ratings moved to 0 to 10 (format 1) still comes in, its ratings moved
the way the migration moves them; a current export (format 2) is taken as it is."""

import json

import pytest

from selftrust.accounts.export import EXPORT_FORMAT, export_for
from selftrust.accounts.export_csv import README
from selftrust.accounts.importing import (
    RATINGS_OUT_OF_100,
    ImportRefused,
    import_export,
    read_export,
)
from selftrust.drafts import store as draft_store
from selftrust.practices.models import Entry, ThoughtRecord
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OLD = {
    "format": "selftrust-export/1",
    "practice_entries": [
        {
            "practice": "grounding",
            "created_at": "2026-09-01T08:00:00+00:00",
            "updated_at": "2026-09-01T08:00:00+00:00",
            "answers": {"before": 45, "exercise": "senses", "after": 55},
        },
        {
            "practice": "grounding",
            "created_at": "2026-09-02T08:00:00+00:00",
            "answers": {"before": 100, "exercise": "tipp", "after": None},
        },
        {
            "practice": "thought-record",
            "created_at": "2026-09-03T08:00:00+00:00",
            "answers": {
                "situation": "At work",
                "automatic_thought": "They think I'm useless",
                "belief_before": 5,
                "belief_after": 0,
                "emotions": [{"emotion": "anxious", "before": 70, "after": None}],
                "thinking_traps": [],
            },
        },
        {
            "practice": "body-check-in",
            "created_at": "2026-09-04T08:00:00+00:00",
            "answers": {"where": "Chest", "sensation": "Tight", "intensity": 6},
        },
    ],
    "drafts": [
        {
            "key": "practice:thought-record:new",
            "updated_at": "2026-09-05T08:00:00+00:00",
            "fields": {"situation": ["Half a thought"], "belief_before": ["80"]},
        }
    ],
}


def test_an_export_from_before_the_change_comes_in_on_0_to_10():
    person = UserFactory()
    summary = import_export(person, read_export(json.dumps(OLD)))
    assert summary.practice_entries == 4
    grounding = Entry.objects.filter(user=person, practice="grounding").order_by("created_at")
    assert [e.data for e in grounding] == [
        {"before": 5, "exercise": "senses", "after": 6},
        {"before": 10, "exercise": "tipp"},
    ]
    record = ThoughtRecord.objects.get(entry__user=person)
    assert (record.belief_before, record.belief_after) == (1, 0)
    assert record.emotions == [{"emotion": "anxious", "before": 7, "after": None}]
    body = Entry.objects.get(user=person, practice="body-check-in")
    assert body.data["intensity"] == 6  # always 0 to 10: as it was
    draft = draft_store.get(person, "practice:thought-record:new")
    assert draft["belief_before"] == ["8"] and draft["situation"] == ["Half a thought"]


@pytest.mark.parametrize("format_", ["selftrust-export/2", EXPORT_FORMAT])
def test_an_export_made_after_the_change_is_taken_as_it_is(format_):
    person = UserFactory()
    after_the_change = {
        "format": format_,
        "practice_entries": [
            {
                "practice": "grounding",
                "created_at": "2026-12-01T08:00:00+00:00",
                "answers": {"before": 8, "exercise": "senses", "after": 3},
            }
        ],
    }
    import_export(person, read_export(json.dumps(after_the_change)))
    assert Entry.objects.get(user=person).data == {"before": 8, "exercise": "senses", "after": 3}
    assert export_for(person)["format"] not in RATINGS_OUT_OF_100


def test_a_current_export_holding_a_number_from_the_old_scale_is_refused_kindly():
    current = {**OLD, "format": EXPORT_FORMAT, "drafts": []}
    with pytest.raises(ImportRefused) as refused:
        import_export(UserFactory(), current)
    assert "Ratings are now 0 to 10; 45 would be 5." in str(refused.value)
    assert not Entry.objects.exists()


def test_the_spreadsheet_readme_says_ratings_are_0_to_10():
    assert "are all from 0 to 10" in README and "70 became 7" in README
