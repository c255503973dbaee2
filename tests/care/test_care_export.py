"""The person's care data travels with their data: the JSON export, the spreadsheets, the
import (notes for sessions), and deleting the account."""

import io
import json
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from selftrust.accounts.deletion import delete_account
from selftrust.accounts.export import export_for
from selftrust.accounts.importing import ImportRefused, import_export
from selftrust.care import categories, homework, session_notes
from selftrust.care.access import record_access
from selftrust.care.links import create_invitation, mark_session_held
from selftrust.care.models import AccessRecord, CareLink, Homework, Invitation, SessionNote
from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts
from tests.care.conftest import link_between, make_therapist
from tests.factories import PASSPHRASE, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cared_for(user, therapist):
    """Someone with a link that shares two things, homework, notes and a look or two."""
    link = link_between(user, therapist, shared=[categories.MOOD, categories.SESSION_NOTES])
    link.shared_from = date(2026, 9, 1)
    link.save()
    mark_session_held(link, date(2026, 11, 2))
    homework.assign(link, "practice", "win", note="Three this week")
    homework.decline(homework.assign(link, "promise", "Rest after work"))
    brought = session_notes.write(user, "The move")
    session_notes.mark_brought(brought, date(2026, 11, 2))
    session_notes.write(user, "Sleep, again")
    record_access(user.pk, therapist, categories.MOOD, True)
    record_access(user.pk, therapist, categories.SAFETY_PLAN, False)
    return user


def test_the_json_export_holds_links_homework_notes_and_every_look(cared_for, therapist):
    care = export_for(cared_for)["care"]
    assert care["links"] == [
        {
            "id": CareLink.objects.get(person=cared_for).pk,
            "therapist": therapist.username,
            "started_at": care["links"][0]["started_at"],
            "ended_at": None,
            "ended_by": None,
            "shared": [categories.MOOD, categories.SESSION_NOTES],
            "shared_from": "2026-09-01",
            "last_session_on": "2026-11-02",
        }
    ]
    assert [(h["kind"], h["title"], h["answer"]) for h in care["homework"]] == [
        ("practice", "A small win", "open"),
        ("promise", "Rest after work", "declined"),
    ]
    assert [(n["text"], n["brought_on"]) for n in care["session_notes"]] == [
        ("The move", "2026-11-02"),
        ("Sleep, again", None),
    ]
    assert [(look["category"], look["allowed"]) for look in care["looks"]] == [
        (categories.MOOD, True),
        (categories.SAFETY_PLAN, False),
    ]


def test_the_export_holds_none_of_anyone_elses_care(cared_for, other_user):
    assert export_for(other_user)["care"] == {
        "links": [],
        "homework": [],
        "session_notes": [],
        "looks": [],
    }


def test_the_spreadsheets_hold_a_file_for_each_part_of_care(client, cared_for):
    client.force_login(cared_for)
    response = client.get(reverse("accounts:export_csv"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        files = {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}
    assert (
        files["therapist-links.csv"]
        .splitlines()[1]
        .endswith("mood; session-notes,2026-09-01,2026-11-02")
    )
    assert "A small win" in files["homework.csv"]
    assert "Sleep, again" in files["session-notes.csv"]
    assert files["therapist-looks.csv"].count("\n") == 3
    assert "therapist-looks.csv" in files["README.txt"]


def test_someone_without_a_therapist_gets_no_care_spreadsheets(client, user):
    client.force_login(user)
    response = client.get(reverse("accounts:export_csv"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert not any(
            name.startswith(("therapist-", "session-notes")) for name in archive.namelist()
        )


def test_notes_for_sessions_come_in_with_an_import_and_links_stay_in_the_file(cared_for):
    data = json.loads(json.dumps(export_for(cared_for)))
    newcomer = UserFactory()
    summary = import_export(newcomer, data)
    assert [
        (n["text"], n["brought_on"]) for n in export_for(newcomer)["care"]["session_notes"]
    ] == [
        ("The move", "2026-11-02"),
        ("Sleep, again", None),
    ]
    assert summary.session_notes == 2
    words = summary.in_words()
    assert "2 notes for your sessions" in words
    assert "Links with a therapist stay in the file" in words
    assert not CareLink.objects.filter(person=newcomer).exists()
    assert not AccessRecord.objects.filter(person=newcomer).exists()


def test_a_note_for_sessions_that_does_not_fit_refuses_the_whole_file(cared_for):
    data = json.loads(json.dumps(export_for(cared_for)))
    data["care"]["session_notes"][0]["text"] = "<script>alert(1)</script>"
    newcomer = UserFactory()
    with pytest.raises(ImportRefused) as refused:
        import_export(newcomer, data)
    assert "Note for your sessions 1" in str(refused.value)
    assert not SessionNote.objects.filter(person=newcomer).exists()


def test_an_account_with_notes_for_sessions_is_not_empty(cared_for):
    data = json.loads(json.dumps(export_for(cared_for)))
    with pytest.raises(ImportRefused, match="notes for your sessions"):
        import_export(cared_for, data)


def test_a_draft_of_a_new_note_comes_in_and_one_of_changes_stays_in_the_file(cared_for):
    drafts.save(cared_for, draft_keys.SESSION_NOTE, {"text": ["Half"]})
    note = SessionNote.objects.filter(person=cared_for).first()
    drafts.save(cared_for, draft_keys.session_note_edit(note.pk), {"text": ["Changed"]})
    newcomer = UserFactory()
    summary = import_export(newcomer, json.loads(json.dumps(export_for(cared_for))))
    assert drafts.get(newcomer, draft_keys.SESSION_NOTE) == {"text": ["Half"]}
    assert summary.drafts_left_in_file == 1


def test_deleting_the_account_removes_every_care_row(owner_client, cared_for, therapist):
    create_invitation(cared_for)
    response = owner_client.post(reverse("accounts:delete"), {"password": PASSPHRASE})
    assert response.status_code == 302
    for model in (Invitation, CareLink, Homework, SessionNote, AccessRecord):
        assert not model.objects.exists(), model.__name__
    assert type(therapist).objects.filter(pk=therapist.pk).exists()


def test_a_therapist_deleting_their_account_leaves_the_persons_list_of_looks(cared_for, therapist):
    someone_else = make_therapist()
    link_between(cared_for, someone_else)
    delete_account(therapist)
    records = AccessRecord.objects.filter(person=cared_for)
    assert records.count() == 2
    assert {(r.therapist_id, r.therapist_name) for r in records} == {(None, therapist.username)}
    assert SessionNote.objects.filter(person=cared_for).count() == 2
    assert CareLink.objects.filter(person=cared_for).count() == 1
