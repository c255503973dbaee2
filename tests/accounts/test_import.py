import copy
import json
from datetime import time, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from selftrust.accounts.export import export_for
from selftrust.accounts.importing import ImportRefused, import_export, read_export
from selftrust.assessments.instruments import INSTRUMENTS
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import score
from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as draft_store
from selftrust.practices.catalog import PRACTICES
from selftrust.practices.models import Entry
from selftrust.promises.models import CheckIn, Outcome, Promise, Schedule, Status
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    DecisionFactory,
    EntryFactory,
    PromiseFactory,
    SafetyPlanFactory,
    ThoughtRecordFactory,
    TrustedPersonFactory,
    UserFactory,
)
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db


def rich_account(user):
    """Something of everything an account can hold, each field with a value of its own."""
    user.time_zone = "Europe/Berlin"
    user.save()
    today = user.local_today()
    now = timezone.now()
    daily = PromiseFactory(
        user=user,
        text="Drink a glass of water",
        time_of_day=time(8, 30),
        starts_on=today - timedelta(days=60),
    )
    for days_ago, outcome in enumerate(Outcome.values, start=1):
        CheckInFactory(
            promise=daily,
            day=today - timedelta(days=days_ago * 9),  # long before the answer window
            outcome=outcome,
            note=f"How it went: {outcome}",
        )
    resting = PromiseFactory(
        user=user,
        text="Stretch for five minutes",
        schedule=Schedule.WEEKDAYS,
        weekdays=[0, 2, 4],
        starts_on=today - timedelta(days=90),
        status=Status.PAUSED,
    )
    CheckInFactory(promise=resting, day=today - timedelta(days=80), outcome=Outcome.PARTLY)
    finished = PromiseFactory(
        user=user,
        text="Call the dentist",
        schedule=Schedule.ONCE,
        due_date=today - timedelta(days=200),
        starts_on=today - timedelta(days=205),
        status=Status.ARCHIVED,
    )
    CheckInFactory(promise=finished, day=finished.due_date, outcome=Outcome.KEPT, note="Done")
    for days_ago, practice in enumerate(PRACTICES.values(), start=1):
        if practice.kind == "worksheet":
            EntryFactory(
                user=user, practice=practice.slug, created_at=now - timedelta(days=days_ago)
            )
    DecisionFactory(
        entry__user=user,
        entry__created_at=now - timedelta(days=300),
        review_on=today - timedelta(days=290),
        sought_reassurance=True,
        reassurance_from="My sister",
        what_happened="It went fine",
        reasonable_call="yes",
        instinct_served="partly",
        learned="Asking helped",
        reviewed_at=now - timedelta(days=280),
    )
    DecisionFactory(entry__user=user, entry__created_at=now - timedelta(days=2))
    ThoughtRecordFactory(
        entry__user=user,
        entry__created_at=now - timedelta(days=3),
        emotions=[
            {"emotion": "anxious", "before": 7, "after": 4},
            {"emotion": "lonely", "before": 5, "after": None},
        ],
    )
    for days_ago, slug in enumerate(INSTRUMENTS, start=1):
        AssessmentResponseFactory(
            user=user, instrument_slug=slug, completed_at=now - timedelta(days=days_ago * 14)
        )
    AssessmentResponseFactory(
        user=user, instrument_slug="phq-9", extra_answer=1, completed_at=now - timedelta(hours=5)
    )
    DailyCheckFactory(user=user, day=today - timedelta(days=40), mood=1, energy=4, note="Rainy")
    DailyCheckFactory(user=user, day=today, mood=5, energy=None)
    sam = TrustedPersonFactory(user=user, name="Sam")
    ana = TrustedPersonFactory(user=user, name="Ana", phone="", email="", good_for="")
    SafetyPlanFactory(user=user, company_people=[sam], help_people=[sam, ana])
    # Words typed and not saved yet: a new entry, the plan, a questionnaire paused halfway.
    draft_store.save(user, draft_keys.practice_new("win"), {"win": ["Half a sentence about"]})
    draft_store.save(user, draft_keys.SAFETY_PLAN, {"reasons_for_living": ["My cat\nThe sea"]})
    draft_store.save(user, draft_keys.assessment("phq-9"), {"item_0": ["1"], "item_1": ["2"]})
    return user


def comparable(export: dict) -> dict:
    """An export without what is new in any account: ids (a record's own, and a check-in's
    promise's), entries' titles, creation times and the username."""
    data = without_ids(copy.deepcopy(export))
    del data["exported_at"]
    del data["account"]["username"]
    del data["account"]["joined"]
    for promise in data["promises"]:
        for check_in in promise["check_ins"]:
            del check_in["promise_id"]
    for entry in data["practice_entries"]:
        # Worked out from the answers whenever an entry is saved, as the import saves each
        # anew (the factories' decisions and thought records carry the practice's name).
        del entry["title"]
    return data


def without_ids(value):
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def round_trip(data: dict) -> dict:
    return json.loads(json.dumps(data))


@pytest.fixture
def rich_export(user):
    return round_trip(export_for(rich_account(user)))


def test_the_rich_account_holds_something_of_everything(rich_export):
    outcomes = {c["outcome"] for p in rich_export["promises"] for c in p["check_ins"]}
    assert outcomes == set(Outcome.values)
    assert {p["status"] for p in rich_export["promises"]} == set(Status.values)
    assert {p["schedule"] for p in rich_export["promises"]} == set(Schedule.values)
    assert {e["practice"] for e in rich_export["practice_entries"]} == set(PRACTICES)
    assert {a["instrument"] for a in rich_export["assessments"]} == set(INSTRUMENTS)
    assert all(rich_export["safety_plan"][field] for field in rich_export["safety_plan"])
    assert len(rich_export["trusted_people"]) == 2
    assert [c["mood_words"] for c in rich_export["daily_checks"]] == ["Very low", "Very good"]


def test_an_export_brought_into_a_new_account_exports_again_the_same(rich_export):
    newcomer = UserFactory()
    summary = import_export(newcomer, rich_export)
    again = round_trip(export_for(newcomer))
    assert comparable(again) == comparable(rich_export)
    assert again["account"]["username"] == newcomer.username
    assert (summary.promises, summary.check_ins, summary.trusted_people) == (3, 6, 2)
    assert summary.safety_plan
    assert summary.drafts == 3


def test_unsaved_changes_to_an_old_entry_stay_in_the_file_and_the_summary_says_so(rich_export):
    entry_id = 4242
    rich_export["drafts"].append(
        {
            "key": draft_keys.practice_edit("win", entry_id),
            "updated_at": "2026-11-20T10:00:00+00:00",
            "fields": {"win": ["A change never saved"]},
        }
    )
    summary = import_export(UserFactory(), rich_export)
    assert summary.drafts == 3
    assert "1 unsaved draft stayed in the file" in summary.in_words()


def test_a_draft_already_typed_in_the_new_account_is_never_overwritten(rich_export):
    newcomer = UserFactory()
    draft_store.save(newcomer, draft_keys.SAFETY_PLAN, {"warning_signs": ["Typed here first"]})
    import_export(newcomer, rich_export)
    assert draft_store.get(newcomer, draft_keys.SAFETY_PLAN) == {
        "warning_signs": ["Typed here first"]
    }


def test_a_draft_for_a_form_we_do_not_know_refuses_the_file(rich_export):
    rich_export["drafts"].append({"key": "something-else", "fields": {"a": ["b"]}})
    with pytest.raises(ImportRefused, match="isn't a form we know"):
        import_export(UserFactory(), rich_export)


def test_the_comparison_notices_a_field_left_behind(rich_export):
    newcomer = UserFactory()
    import_export(newcomer, rich_export)
    Promise.objects.filter(user=newcomer, time_of_day__isnull=False).update(time_of_day=None)
    assert comparable(round_trip(export_for(newcomer))) != comparable(rich_export)


def test_ids_in_the_file_are_never_used(rich_export, other_user):
    theirs = PromiseFactory(user=other_user)
    for promise in rich_export["promises"]:
        promise["id"] = theirs.pk
    newcomer = UserFactory()
    import_export(newcomer, rich_export)
    assert Promise.objects.filter(user=other_user).get() == theirs
    assert not theirs.check_ins.exists()
    water = Promise.objects.get(user=newcomer, text="Drink a glass of water")
    assert water.check_ins.count() == len(Outcome.values)


@pytest.mark.parametrize(
    "what, make",
    [
        ("1 promise", lambda user: PromiseFactory(user=user)),
        ("1 practice entry", lambda user: EntryFactory(user=user)),
        ("1 questionnaire", lambda user: AssessmentResponseFactory(user=user)),
        ("1 trusted person", lambda user: TrustedPersonFactory(user=user)),
        ("a safety plan", lambda user: SafetyPlan.objects.create(user=user, warning_signs="Tired")),
    ],
)
def test_an_account_with_something_in_it_is_refused_and_left_as_it_was(rich_export, what, make):
    newcomer = UserFactory()
    make(newcomer)
    before = comparable(round_trip(export_for(newcomer)))
    with pytest.raises(ImportRefused) as refused:
        import_export(newcomer, rich_export)
    assert f"already holds {what}" in refused.value.message
    assert "nothing was brought in" in refused.value.message
    assert comparable(round_trip(export_for(newcomer))) == before


def test_a_safety_plan_saved_empty_is_not_in_the_way(rich_export):
    newcomer = UserFactory()
    SafetyPlan.objects.create(user=newcomer)
    import_export(newcomer, rich_export)
    assert SafetyPlan.objects.get(user=newcomer).reasons_for_living.startswith("My cat")


def test_a_file_that_is_not_json_is_refused():
    with pytest.raises(ImportRefused, match="isn't valid JSON"):
        read_export(b"promises: drink water")
    with pytest.raises(ImportRefused, match="isn't text"):
        read_export(b"\xff\xfe\x00\x01")


def test_a_file_in_another_format_is_refused():
    with pytest.raises(ImportRefused, match="format is “someone-elses/2”"):
        read_export(json.dumps({"format": "someone-elses/2", "promises": []}))
    with pytest.raises(ImportRefused, match="format is not named"):
        read_export(b"{}")
    with pytest.raises(ImportRefused, match="not a Selftrust export"):
        read_export(b"[1, 2]")


def nothing_in(user) -> bool:
    return not (
        Promise.objects.filter(user=user).exists()
        or CheckIn.objects.filter(promise__user=user).exists()
        or Entry.objects.filter(user=user).exists()
        or AssessmentResponse.objects.filter(user=user).exists()
        or TrustedPerson.objects.filter(user=user).exists()
        or SafetyPlan.objects.filter(user=user).exists()
    )


def refused_import(data: dict) -> ImportRefused:
    newcomer = UserFactory(time_zone="UTC")
    with pytest.raises(ImportRefused) as refused:
        import_export(newcomer, data)
    assert nothing_in(newcomer)
    newcomer.refresh_from_db()
    assert newcomer.time_zone == "UTC"
    return refused.value


def test_one_check_in_that_does_not_fit_refuses_the_whole_file_and_names_it(rich_export):
    rich_export["promises"][0]["check_ins"][1]["outcome"] = "failed"
    refused = refused_import(rich_export)
    assert refused.message == "Some of this file doesn't fit, so nothing was brought in:"
    (problem,) = refused.problems
    assert problem.startswith("Promise 1 (“Drink a glass of water”), check-in of ")
    assert "Choose kept, partly, not this time, or let it go kindly." in problem


def test_a_promise_with_markup_is_refused_by_the_promise_rules(rich_export):
    rich_export["promises"][1]["text"] = "<script>alert(1)</script>"
    (problem,) = refused_import(rich_export).problems
    assert problem.startswith("Promise 2")
    assert "leave out tags" in problem


def test_a_promise_not_to_hurt_oneself_is_not_brought_in_as_a_promise(rich_export):
    rich_export["promises"][0]["text"] = "I won't hurt myself"
    (problem,) = refused_import(rich_export).problems
    assert "safety plan is the place for it" in problem


def test_a_worksheet_answer_outside_its_scale_is_refused(rich_export):
    body = next(e for e in rich_export["practice_entries"] if e["practice"] == "body-check-in")
    body["answers"]["intensity"] = 11
    (problem,) = refused_import(rich_export).problems
    assert "(Body check-in, " in problem
    assert "Please choose a number from 0 to 10." in problem


def test_an_unknown_practice_or_question_is_refused(rich_export):
    rich_export["practice_entries"][0]["practice"] = "tarot"
    rich_export["practice_entries"][-1]["answers"]["mood_ring"] = "blue"
    problems = refused_import(rich_export).problems
    assert "“tarot” isn't a practice Selftrust knows." in problems[0]
    assert "“mood_ring”, which Selftrust doesn't know" in problems[1]


def test_a_thought_record_with_a_feeling_not_in_the_list_is_refused(rich_export):
    record = next(e for e in rich_export["practice_entries"] if e["practice"] == "thought-record")
    record["answers"]["emotions"][0]["emotion"] = "ecstatic-ish"
    (problem,) = refused_import(rich_export).problems
    assert "feeling 1, emotion" in problem


def test_questionnaire_totals_in_the_file_are_scored_again(rich_export):
    gad = next(a for a in rich_export["assessments"] if a["instrument"] == "gad-7")
    gad["answers"] = [3, 3, 3, 3, 3, 3, 3]
    gad["total"], gad["band"], gad["subscales"] = 0, "Minimal", {}
    newcomer = UserFactory()
    import_export(newcomer, rich_export)
    stored = AssessmentResponse.objects.get(user=newcomer, instrument_slug="gad-7")
    expected = score(INSTRUMENTS["gad-7"], [3] * 7)
    assert (stored.total, stored.band) == (21, expected.band.label)


def test_answers_that_cannot_be_scored_are_refused(rich_export):
    rich_export["assessments"][0]["answers"] = [1, 2]
    (problem,) = refused_import(rich_export).problems
    assert problem.startswith("Questionnaire 1 (")
    assert "answers were given" in problem


def test_a_plan_choosing_someone_not_in_the_file_is_refused(rich_export):
    rich_export["safety_plan"]["help_people"] = ["Someone else"]
    (problem,) = refused_import(rich_export).problems
    assert "“Someone else”, who isn't among the trusted people" in problem


def test_a_record_in_the_wrong_shape_is_refused(rich_export):
    rich_export["trusted_people"].append("Sam")
    rich_export["assessments"] = {"gad-7": []}
    problems = refused_import(rich_export).problems
    assert "“assessments”: should be a list." in problems
    assert "Trusted person 3: isn't in the shape an export gives it." in problems


def test_an_unknown_time_zone_is_refused(rich_export):
    rich_export["account"]["time_zone"] = "Nowhere/Land"
    (problem,) = refused_import(rich_export).problems
    assert "We don't recognise that time zone" in problem


def test_a_reviewed_decision_keeps_its_look_back_and_when(rich_export):
    newcomer = UserFactory()
    import_export(newcomer, rich_export)
    decision = Entry.objects.get(user=newcomer, decision__reviewed_at__isnull=False).decision
    original = next(
        e["answers"] for e in rich_export["practice_entries"] if e["answers"].get("reviewed_at")
    )
    assert decision.reviewed_at.isoformat() == original["reviewed_at"]
    assert (decision.instinct_served, decision.learned) == ("partly", "Asking helped")


def test_an_empty_export_brings_in_nothing_and_says_so():
    summary = import_export(UserFactory(), {"format": "selftrust-export/1"})
    assert summary.in_words() == "nothing (the export was empty)"


def test_the_import_command_brings_a_file_into_an_account(rich_export, tmp_path, capsys):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(rich_export))
    newcomer = UserFactory()
    call_command("import", newcomer.username, str(path))
    assert "3 promises, 6 check-ins" in capsys.readouterr().out
    newcomer.refresh_from_db()
    assert comparable(round_trip(export_for(newcomer))) == comparable(rich_export)


def test_the_import_command_refuses_with_the_reasons_and_changes_nothing(rich_export, tmp_path):
    rich_export["promises"][2]["status"] = "forgotten"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(rich_export))
    newcomer = UserFactory()
    with pytest.raises(CommandError) as refused:
        call_command("import", newcomer.username, str(path))
    assert "- Promise 3 (“Call the dentist”): “forgotten” isn't active" in str(refused.value)
    assert nothing_in(newcomer)


def test_the_import_command_needs_an_existing_account_and_file(tmp_path, user):
    with pytest.raises(CommandError, match="no account called nobody"):
        call_command("import", "nobody", str(tmp_path / "export.json"))
    with pytest.raises(CommandError, match="Couldn't read"):
        call_command("import", user.username, str(tmp_path / "missing.json"))
