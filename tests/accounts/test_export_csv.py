"""Settings → Your data → Download as spreadsheets: one ZIP, a README and a CSV for each kind."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from selftrust.accounts.export import export_for
from selftrust.accounts.export_csv import cell, csv_tables
from selftrust.practices.catalog import PRACTICES
from selftrust.safety.plan import SECTIONS
from tests.accounts.test_import import rich_account
from tests.factories import (
    CheckInFactory,
    EntryFactory,
    PromiseFactory,
    TrustedPersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("accounts:export_csv")
BOM = "\ufeff"


def download(client) -> dict[str, str]:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="selftrust-spreadsheets.zip"' in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def rows(files: dict[str, str], name: str) -> list[list[str]]:
    text = files[name]
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(BOM))))


def records(files: dict[str, str], name: str) -> list[dict[str, str]]:
    header, *body = rows(files, name)
    return [dict(zip(header, row, strict=True)) for row in body]


@pytest.fixture
def rich(user):
    return rich_account(user)


@pytest.fixture
def files(client, rich):
    client.force_login(rich)
    return download(client)


def test_settings_offer_the_spreadsheets_beside_the_json(owner_client):
    page = owner_client.get(reverse("accounts:settings")).content.decode()
    assert f'href="{URL}"' in page
    assert page.index(reverse("accounts:export")) < page.index(URL)


def test_the_zip_holds_a_readme_and_a_file_for_each_kind_of_record(files, rich):
    practices = {f"practice-{slug}.csv" for slug in PRACTICES}
    assert set(files) == {
        "README.txt",
        "promises.csv",
        "check-ins.csv",
        "questionnaires.csv",
        "daily-checks.csv",
        "weekly-reviews.csv",
        "trusted-people.csv",
        "safety-plan.csv",
        *practices,
    }
    readme = files["README.txt"]
    assert rich.username in readme
    assert "apostrophe" in readme and "=, +, -, @" in readme
    assert "practice-*.csv" in readme


def test_promises_and_check_ins_have_a_row_each(files, rich):
    export = export_for(rich)
    promises = records(files, "promises.csv")
    assert rows(files, "promises.csv")[0][:3] == ["id", "text", "schedule"]
    assert [p["text"] for p in promises] == [p["text"] for p in export["promises"]]
    weekly = next(p for p in promises if p["text"] == "Stretch for five minutes")
    assert (weekly["weekdays"], weekly["status"]) == ("0; 2; 4", "paused")
    check_ins = records(files, "check-ins.csv")
    assert rows(files, "check-ins.csv")[0] == ["promise_id", "promise", "date", "outcome", "note"]
    assert len(check_ins) == sum(len(p["check_ins"]) for p in export["promises"]) == 6
    dentist = next(c for c in check_ins if c["promise"] == "Call the dentist")
    assert (dentist["outcome"], dentist["note"]) == ("kept", "Done")


def test_each_practice_has_a_column_for_each_of_its_questions(files, rich):
    export = export_for(rich)
    for slug, practice in PRACTICES.items():
        header, *body = rows(files, f"practice-{slug}.csv")
        entries = [e for e in export["practice_entries"] if e["practice"] == slug]
        assert header[:2] == ["created_at", "updated_at"]
        assert [f.name for f in practice.fields] == header[2 : 2 + len(practice.fields)]
        assert set(header[2:]) >= set(entries[0]["answers"])
        assert len(body) == len(entries)


def test_practice_answers_read_as_written(files, rich):
    entry = next(e for e in export_for(rich)["practice_entries"] if e["practice"] == "win")
    (row,) = records(files, "practice-win.csv")
    for name, value in entry["answers"].items():
        assert row[name] == cell(value)
    decisions = records(files, "practice-decision.csv")
    reviewed = next(d for d in decisions if d["reviewed_at"])
    assert (reviewed["reassurance_from"], reviewed["sought_reassurance"]) == ("My sister", "yes")
    (thought,) = records(files, "practice-thought-record.csv")
    assert '"emotion": "anxious"' in thought["emotions"]


def test_questionnaires_have_one_row_per_result(files, rich):
    results = export_for(rich)["assessments"]
    header, *body = rows(files, "questionnaires.csv")
    assert header[:5] == ["instrument", "completed", "total", "band", "answers"]
    assert len(body) == len(results)
    first = dict(zip(header, body[0], strict=True))
    assert first["instrument"] == results[0]["instrument"]
    assert first["total"] == str(results[0]["total"])
    assert first["answers"] == "; ".join(str(a) for a in results[0]["answers"])


def test_trusted_people_and_the_safety_plan_one_line_a_row(files):
    people = records(files, "trusted-people.csv")
    assert rows(files, "trusted-people.csv")[0] == ["name", "phone", "email", "good_for"]
    assert {p["name"] for p in people} == {"Sam", "Ana"}
    plan = rows(files, "safety-plan.csv")
    assert plan[0] == ["section", "line"]
    assert ["My warning signs", "Not sleeping"] in plan
    assert ["My reasons for living", "Seeing the sea again"] in plan
    written = [r for r in plan[1:] if not r[0].endswith("(my trusted people)")]
    assert len(written) == 2 * len(SECTIONS)  # the factory writes two lines in each part
    chosen = [r for r in plan[1:] if r[0].endswith("(my trusted people)")]
    assert sorted(name for _, name in chosen) == ["Ana", "Sam", "Sam"]


def test_an_empty_account_gets_headers_only_and_no_practice_files(client, user):
    client.force_login(user)
    files = download(client)
    assert not any(name.startswith("practice-") for name in files)
    assert rows(files, "safety-plan.csv") == [["section", "line"]]
    assert rows(files, "promises.csv")[1:] == []


@pytest.mark.parametrize("typed", ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_words_that_look_like_a_formula_get_an_apostrophe(client, user, typed):
    promise = PromiseFactory(user=user, text=typed)
    CheckInFactory(promise=promise, note=typed)
    TrustedPersonFactory(user=user, name=typed, good_for=typed)
    client.force_login(user)
    files = download(client)
    assert records(files, "promises.csv")[0]["text"] == "'" + typed
    assert records(files, "check-ins.csv")[0]["note"] == "'" + typed
    person = records(files, "trusted-people.csv")[0]
    assert person["name"] == person["good_for"] == "'" + typed


def test_practice_answers_that_look_like_a_formula_are_disarmed_too(client, user):
    answers = {"win": "=cmd|' /C calc'!A0", "how": "+ it helped"}
    EntryFactory(user=user, practice="win", data=answers)
    client.force_login(user)
    row = records(download(client), "practice-win.csv")[0]
    assert row["win"] == "'=cmd|' /C calc'!A0"
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values())


def test_numbers_stay_numbers_and_accents_survive():
    assert cell(-3) == "-3"
    assert cell("Zoë’s café") == "Zoë’s café"
    assert cell(None) == ""
    assert cell(["a", "b"]) == "a; b"


def test_the_files_agree_with_the_json_export(rich):
    export = export_for(rich)
    tables = csv_tables(export)
    assert len(tables["promises.csv"]) - 1 == len(export["promises"])
    practice_rows = sum(len(t) - 1 for n, t in tables.items() if n.startswith("practice-"))
    assert practice_rows == len(export["practice_entries"])


def test_another_persons_records_are_never_in_my_spreadsheets(client, rich):
    someone = UserFactory()
    PromiseFactory(user=someone, text="Someone else's promise")
    TrustedPersonFactory(user=someone, name="Someone else's friend")
    EntryFactory(user=someone, practice="win")
    client.force_login(someone)
    files = download(client)
    everything = "".join(files.values())
    assert "Drink a glass of water" not in everything
    assert "Sam" not in everything
    assert "Someone else's promise" in everything
    assert len(records(files, "practice-win.csv")) == 1


def test_the_spreadsheets_need_signing_in(client, rich):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_spreadsheets_are_never_stored_by_a_browser_or_proxy(client, user):
    client.force_login(user)
    assert "no-store" in client.get(URL)["Cache-Control"]
