"""The export writes each thing in its one shape (format 3) and still reads the files written
before: a format 2 file, where the safety plan named its people by name alone and records
carried no ids, comes in whole."""

import json

import pytest

from selftrust.accounts.export import EXPORT_FORMAT, OLDER_FORMATS, export_for
from selftrust.accounts.importing import ImportRefused, import_export, read_export
from selftrust.care import session_notes
from selftrust.care.models import SessionNote
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.accounts.test_import import comparable, rich_account, round_trip
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def written_before_shapes(export: dict) -> dict:
    """The same export as format 2 wrote it."""
    old = json.loads(json.dumps(export))
    old["format"] = "selftrust-export/2"
    for promise in old["promises"]:
        for check_in in promise["check_ins"]:
            del check_in["promise_id"]
    for entry in old["practice_entries"]:
        del entry["id"], entry["title"]
    for result in old["assessments"]:
        for name in ("id", "safety_alert", "percent"):
            del result[name]
        result["band"] = result["band"] or ""
    for person in old["trusted_people"]:
        del person["id"], person["links"]
    for field in ("company_people", "help_people"):
        old["safety_plan"][field] = [person["name"] for person in old["safety_plan"][field]]
    for note in old["care"]["session_notes"]:
        del note["id"]
    return old


@pytest.fixture
def rich_export(user):
    rich_account(user)
    session_notes.write(user, "The move")
    return round_trip(export_for(user))


def test_the_export_is_format_4_and_reads_the_older_ones():
    assert EXPORT_FORMAT == "selftrust-export/4"
    assert OLDER_FORMATS == ("selftrust-export/1", "selftrust-export/2", "selftrust-export/3")
    for older in OLDER_FORMATS:
        assert read_export(json.dumps({"format": older}))["format"] == older


def test_a_file_written_before_the_shapes_comes_in_whole(rich_export):
    newcomer = UserFactory()
    summary = import_export(newcomer, written_before_shapes(rich_export))
    assert (summary.promises, summary.trusted_people, summary.session_notes) == (3, 2, 1)
    assert comparable(round_trip(export_for(newcomer))) == comparable(rich_export)


def test_the_plan_chooses_its_people_by_the_ids_in_the_file(user):
    TrustedPerson.objects.create(user=user, name="Sam", phone="111")
    second = TrustedPerson.objects.create(user=user, name="Sam", phone="222")
    plan = SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    plan.help_people.add(second)
    data = round_trip(export_for(user))
    assert data["safety_plan"]["help_people"] == [{"id": second.pk, "name": "Sam"}]
    newcomer = UserFactory()
    import_export(newcomer, data)
    # Two people of one name: the file's id says which one the plan chose.
    [chosen] = SafetyPlan.objects.get(user=newcomer).help_people.all()
    assert chosen.phone == "222"


def test_a_plan_choosing_an_id_the_file_does_not_hold_is_refused(user):
    TrustedPerson.objects.create(user=user, name="Sam")
    data = round_trip(export_for(user))
    data["safety_plan"] = {"help_people": [{"id": 4242, "name": "Ana"}]}
    with pytest.raises(ImportRefused, match="it chooses “Ana”, who isn't among"):
        import_export(UserFactory(), data)


def test_a_session_note_keeps_its_words_but_not_its_id(user):
    note = session_notes.write(user, "Sleep")
    data = round_trip(export_for(user))
    assert data["care"]["session_notes"][0]["id"] == note.pk
    newcomer = UserFactory()
    import_export(newcomer, data)
    assert SessionNote.objects.get(person=newcomer).text == "Sleep"
