"""The drafts kept in the old places (practices.Draft, assessments.AssessmentDraft) move into the
one home without losing a word, and move back if the migration is reversed."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from selftrust.drafts.models import Draft
from tests.factories import EntryFactory, UserFactory

BEFORE = [
    ("drafts", "0001_initial"),
    ("practices", "0003_version"),
    ("assessments", "0001_initial"),
]
LONG_AGO = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def before_the_move(transactional_db):
    old = migrate(BEFORE)
    yield old
    migrate(latest())


def test_old_drafts_move_into_the_one_home_and_back(before_the_move):
    old = before_the_move
    PracticeDraft = old.get_model("practices", "Draft")
    AssessmentDraft = old.get_model("assessments", "AssessmentDraft")
    person = UserFactory()
    win = EntryFactory(user=person, practice="win")
    decision = EntryFactory(user=person, practice="decision", data={})
    rows = {
        "new:thought-record": {"situation": ["Half a thought 🌧️"], "thinking_traps": ["a", "b"]},
        f"edit:{win.pk}": {"win": ["Changed my mind"]},
        f"review:{decision.pk}": {"learned": ["Slowly"]},
        "safety-plan": {"reasons_for_living": ["My cat"]},
        "edit:999999": {"win": ["An entry deleted for good"]},
    }
    for key, data in rows.items():
        draft = PracticeDraft.objects.create(user_id=person.pk, key=key, data=data)
        PracticeDraft.objects.filter(pk=draft.pk).update(updated_at=LONG_AGO)
    paused = AssessmentDraft.objects.create(
        user_id=person.pk,
        instrument_slug="phq-9",
        answers=[2, 0, None] + [None] * 6,
        extra_answer=1,
    )
    AssessmentDraft.objects.filter(pk=paused.pk).update(updated_at=LONG_AGO)

    migrate(latest())

    moved = {d.key: d for d in Draft.objects.filter(user=person)}
    assert {key: d.data for key, d in moved.items()} == {
        "practice:thought-record:new": rows["new:thought-record"],
        f"practice:win:edit:{win.pk}": rows[f"edit:{win.pk}"],
        f"practice:decision:review:{decision.pk}": rows[f"review:{decision.pk}"],
        "safety-plan": rows["safety-plan"],
        "assessment:phq-9": {"item_1": ["2"], "item_2": ["0"], "extra": ["1"]},
    }
    assert {d.updated_at for d in moved.values()} == {LONG_AGO}

    back = migrate(BEFORE)

    restored = back.get_model("practices", "Draft").objects.filter(user_id=person.pk)
    assert {d.key: d.data for d in restored} == {
        key: data for key, data in rows.items() if key != "edit:999999"
    }
    questionnaire = back.get_model("assessments", "AssessmentDraft").objects.get()
    assert questionnaire.answers == [2, 0, None] + [None] * 6
    assert questionnaire.extra_answer == 1
    assert questionnaire.updated_at == LONG_AGO
