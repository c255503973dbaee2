"""Ratings stored on 0 to 100 move to 0 to 10 (migration 0006_ratings_0_to_10) and back again
exactly, run by Django's own migration executor: grounding's distress, a thought record's
belief and feelings, and drafts of those forms. Empty ratings stay empty."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory

BEFORE = [("practices", "0005_visible_entries_index"), ("drafts", "0002_move_old_drafts")]
AFTER = [("practices", "0006_ratings_0_to_10")]
WHEN = datetime(2026, 10, 1, 9, 30, tzinfo=UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_scale(transactional_db):
    old = migrate(BEFORE)
    yield old
    migrate(latest())


def grounding(apps, user, data):
    Entry = apps.get_model("practices", "Entry")
    return Entry.objects.create(
        user_id=user.pk, practice="grounding", data=data, title="Grounding", created_at=WHEN
    )


def thought_record(apps, user, belief_before, belief_after, emotions):
    Entry = apps.get_model("practices", "Entry")
    ThoughtRecord = apps.get_model("practices", "ThoughtRecord")
    entry = Entry.objects.create(
        user_id=user.pk, practice="thought-record", title="A thought", created_at=WHEN
    )
    return ThoughtRecord.objects.create(
        entry=entry,
        situation="At work",
        automatic_thought="They think I'm useless",
        belief_before=belief_before,
        belief_after=belief_after,
        emotions=emotions,
    )


def test_every_rating_moves_to_0_to_10_and_back_exactly(old_scale):
    person = UserFactory()
    halves = grounding(old_scale, person, {"before": 45, "exercise": "senses", "after": 55})
    ends = grounding(old_scale, person, {"before": 100, "exercise": "tipp", "after": 0})
    unrated = grounding(old_scale, person, {"before": 5, "exercise": "stop", "after": None})
    never_after = grounding(old_scale, person, {"before": 70, "exercise": "breathing"})
    body = old_scale.get_model("practices", "Entry").objects.create(
        user_id=person.pk,
        practice="body-check-in",
        data={"where": "Chest", "sensation": "Tight", "intensity": 6},
        created_at=WHEN,
    )
    record = thought_record(
        old_scale,
        person,
        100,
        None,
        [
            {"emotion": "anxious", "before": 55, "after": 45},
            {"emotion": "sad", "before": 0, "after": None},
        ],
    )
    Entry = old_scale.get_model("practices", "Entry")
    before_move = {e.pk: (e.data, e.version, e.updated_at) for e in Entry.objects.all()}

    new = migrate(AFTER)

    data = {e.pk: e.data for e in new.get_model("practices", "Entry").objects.all()}
    assert {k: v for k, v in data[halves.pk].items() if k != "ratings_0_100"} == {
        "before": 5,
        "exercise": "senses",
        "after": 6,
    }
    assert (data[ends.pk]["before"], data[ends.pk]["after"]) == (10, 0)
    assert (data[unrated.pk]["before"], data[unrated.pk]["after"]) == (1, None)
    assert data[never_after.pk]["before"] == 7 and "after" not in data[never_after.pk]
    assert data[body.pk] == {"where": "Chest", "sensation": "Tight", "intensity": 6}
    moved = new.get_model("practices", "ThoughtRecord").objects.get(pk=record.pk)
    assert (moved.belief_before, moved.belief_after) == (10, None)
    assert moved.emotions == [
        {"emotion": "anxious", "before": 6, "after": 5},
        {"emotion": "sad", "before": 0, "after": None},
    ]
    # Nobody changed what they wrote: same version, same "last changed".
    after_move = {e.pk: (e.version, e.updated_at) for e in Entry.objects.all()}
    assert after_move == {pk: (v, u) for pk, (_d, v, u) in before_move.items()}

    back = migrate(BEFORE)

    restored = {e.pk: e.data for e in back.get_model("practices", "Entry").objects.all()}
    assert restored == {pk: d for pk, (d, _v, _u) in before_move.items()}
    again = back.get_model("practices", "ThoughtRecord").objects.get(pk=record.pk)
    assert (again.belief_before, again.belief_after, again.emotions) == (
        100,
        None,
        [
            {"emotion": "anxious", "before": 55, "after": 45},
            {"emotion": "sad", "before": 0, "after": None},
        ],
    )


def test_a_rating_changed_or_written_after_the_move_goes_back_times_ten(old_scale):
    person = UserFactory()
    kept = grounding(old_scale, person, {"before": 45, "exercise": "senses", "after": 55})
    record = thought_record(old_scale, person, 80, 30, [{"emotion": "anxious", "before": 70}])

    new = migrate(AFTER)
    Entry = new.get_model("practices", "Entry")
    entry = Entry.objects.get(pk=kept.pk)
    entry.data = {**entry.data, "after": 2}  # re-rated on 0 to 10 since
    entry.save()
    later = Entry.objects.create(
        user_id=person.pk,
        practice="grounding",
        data={"before": 8, "exercise": "breathing", "after": 3},
        created_at=WHEN,
    )
    new.get_model("practices", "ThoughtRecord").objects.filter(pk=record.pk).update(belief_after=1)

    back = migrate(BEFORE)

    Entry = back.get_model("practices", "Entry")
    assert Entry.objects.get(pk=kept.pk).data == {"before": 45, "exercise": "senses", "after": 20}
    assert Entry.objects.get(pk=later.pk).data == {
        "before": 80,
        "exercise": "breathing",
        "after": 30,
    }
    again = back.get_model("practices", "ThoughtRecord").objects.get(pk=record.pk)
    assert (again.belief_before, again.belief_after) == (80, 10)
    assert again.emotions == [{"emotion": "anxious", "before": 70}]


def test_drafts_of_those_forms_move_too_and_back(old_scale):
    person = UserFactory()
    Draft = old_scale.get_model("drafts", "Draft")
    typed = {
        "practice:grounding:new": {"before": ["45"], "exercise": ["senses"], "after": [""]},
        "practice:thought-record:new": {
            "situation": ["At work"],
            "belief_before": ["100"],
            "emotion_1": ["anxious"],
            "emotion_1_before": ["55"],
            "emotion_2_before": ["lots"],
        },
        "practice:body-check-in:new": {"intensity": ["6"]},
        "safety-plan": {"reasons_for_living": ["My cat"]},
    }
    for key, data in typed.items():
        draft = Draft.objects.create(user_id=person.pk, key=key, data=data)
        Draft.objects.filter(pk=draft.pk).update(updated_at=WHEN)

    new = migrate(AFTER)

    moved = {d.key: d for d in new.get_model("drafts", "Draft").objects.filter(user_id=person.pk)}
    grounding_draft = moved["practice:grounding:new"].data
    assert (grounding_draft["before"], grounding_draft["after"]) == (["5"], [""])
    thought = moved["practice:thought-record:new"].data
    assert (thought["belief_before"], thought["emotion_1_before"]) == (["10"], ["6"])
    assert thought["emotion_2_before"] == ["lots"]  # not a number: left as typed
    assert moved["practice:body-check-in:new"].data == typed["practice:body-check-in:new"]
    assert moved["safety-plan"].data == typed["safety-plan"]
    assert {d.updated_at for d in moved.values()} == {WHEN}

    back = migrate(BEFORE)

    restored = back.get_model("drafts", "Draft").objects.filter(user_id=person.pk)
    assert {d.key: d.data for d in restored} == typed
