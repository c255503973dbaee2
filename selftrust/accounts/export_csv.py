"""Everything a person has stored, as spreadsheet files (CSV) in one ZIP, with a README.

Built from `export.export_for`, the same dictionary as the JSON export, so the two can never
disagree: a new field there is a change here in one place. Drafts and API token names are
left out: they are not records anyone would sort in a spreadsheet (the JSON keeps them).

Two things make the files safe and readable in spreadsheet programs:
- a cell that starts with =, +, -, @, a tab or a carriage return gets an apostrophe in
  front, so a program never runs words someone typed as a formula (OWASP's advice on CSV
  injection); the README says so;
- UTF-8 with a byte-order mark, which Excel needs to read accents and other alphabets.
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterable

from selftrust.accounts.export import export_for
from selftrust.practices.catalog import PRACTICES
from selftrust.safety.plan import SECTIONS

Row = list[str]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def cell(value) -> str:
    """One value as spreadsheet text: lists joined, structures as JSON, formulas disarmed."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, int | float):
        return str(value)  # a number is never a formula, and -3 should stay a number
    elif isinstance(value, list | tuple) and all(
        isinstance(item, str | int | float) for item in value
    ):
        text = LIST_SEPARATOR.join(str(item) for item in value)
    elif isinstance(value, list | tuple | dict):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def table(header: Iterable[str], rows: Iterable[Iterable]) -> list[Row]:
    return [list(header), *([cell(value) for value in row] for row in rows)]


def promises(export: dict) -> list[Row]:
    columns = ("id", "text", "schedule", "weekdays", "due_date", "time_of_day")
    columns += ("starts_on", "status", "created_at")
    return table(columns, ([p[c] for c in columns] for p in export["promises"]))


def check_ins(export: dict) -> list[Row]:
    return table(
        ("promise_id", "promise", "date", "outcome", "note"),
        (
            (p["id"], p["text"], c["date"], c["outcome"], c["note"])
            for p in export["promises"]
            for c in p["check_ins"]
        ),
    )


def answer_columns(slug: str, entries: list[dict]) -> list[str]:
    """The practice's questions in the catalog's order, then any other answers its entries
    hold (the decision journal and thought record keep theirs in models of their own)."""
    practice = PRACTICES.get(slug)
    columns = [field.name for field in practice.fields] if practice else []
    for entry in entries:
        columns += [name for name in entry["answers"] if name not in columns]
    return columns


def practice_entries(export: dict) -> dict[str, list[Row]]:
    """One table for each practice that has entries, named by its slug."""
    by_practice: dict[str, list[dict]] = {}
    for entry in export["practice_entries"]:
        by_practice.setdefault(entry["practice"], []).append(entry)
    tables = {}
    for slug, entries in by_practice.items():
        columns = answer_columns(slug, entries)
        tables[slug] = table(
            ["created_at", "updated_at", *columns],
            (
                [e["created_at"], e["updated_at"], *(e["answers"].get(c) for c in columns)]
                for e in entries
            ),
        )
    return tables


def questionnaires(export: dict) -> list[Row]:
    return table(
        ("instrument", "completed", "total", "band", "answers", "extra_answer", "subscales"),
        (
            (
                a["instrument"],
                a["completed_at"],
                a["total"],
                a["band"],
                a["answers"],
                a["extra_answer"],
                a["subscales"] or None,
            )
            for a in export["assessments"]
        ),
    )


def daily_checks(export: dict) -> list[Row]:
    columns = ("date", "mood", "mood_words", "energy", "energy_words", "note")
    return table(columns, ([c[name] for name in columns] for c in export.get("daily_checks", [])))


def weekly_reviews(export: dict) -> list[Row]:
    columns = ("week_ending", "kept", "got_in_the_way", "learned", "next_promise", "promise_id")
    columns += ("created_at", "updated_at")
    reviews = export.get("weekly_reviews", [])
    return table(columns, ([review[name] for name in columns] for review in reviews))


def trusted_people(export: dict) -> list[Row]:
    columns = ("name", "phone", "email", "good_for")
    return table(columns, ([p[c] for c in columns] for p in export["trusted_people"]))


def safety_plan(export: dict) -> list[Row]:
    """One line of the plan a row; the trusted people chosen in a part come right after it."""
    plan = export["safety_plan"] or {}
    rows = []
    for section in SECTIONS:
        rows += [(section.title, line) for line in plan.get(section.field) or ()]
        if section.people_field:
            people = plan.get(section.people_field) or ()
            rows += [(f"{section.title} (my trusted people)", p["name"]) for p in people]
    return table(("section", "line"), rows)


def _care(export: dict) -> dict:
    return export.get("care") or {}


def therapist_links(export: dict) -> list[Row]:
    columns = ("therapist", "started_at", "ended_at", "ended_by", "shared", "shared_from")
    columns += ("last_session_on",)
    return table(columns, ([link[c] for c in columns] for link in _care(export).get("links", [])))


def homework(export: dict) -> list[Row]:
    columns = ("therapist", "kind", "title", "note", "due_on", "assigned_at", "answer")
    columns += ("answered_at", "done_at")
    return table(columns, ([h[c] for c in columns] for h in _care(export).get("homework", [])))


def session_notes(export: dict) -> list[Row]:
    columns = ("text", "created_at", "brought_on")
    notes = _care(export).get("session_notes", [])
    return table(columns, ([note[c] for c in columns] for note in notes))


def therapist_looks(export: dict) -> list[Row]:
    columns = ("therapist", "category", "at", "allowed")
    return table(columns, ([look[c] for c in columns] for look in _care(export).get("looks", [])))


README = """Your Selftrust data, as spreadsheet files
==========================================

Exported on {exported_on} for {username}.

Each .csv file opens in a spreadsheet program (LibreOffice Calc, Excel, Numbers,
Google Sheets). The first row of each names its columns.

promises.csv        your promises, one a row: how often, since when, and whether each
                    is active, paused or put away.
check-ins.csv       every check-in, one a row: which promise, the day, how it went and
                    any note.
practice-*.csv      one file for each practice you have used (for example
                    practice-thought-record.csv): one entry a row, one column for each
                    question of that practice.
questionnaires.csv  one completed questionnaire a row: which one, when, the total, the
                    band, and each answer in order.
daily-checks.csv    your daily mood and energy, one day a row: each as a number (mood
                    1 to 5, energy 1 to 4) and in the words you chose, and any note.
weekly-reviews.csv  your weekly reviews, one a row: the last day of the week it looks
                    back on, what you wrote for each question, and the promise it made
                    (promise_id is that promise's id in promises.csv).
trusted-people.csv  the people you trust, with the ways to reach them you saved.
safety-plan.csv     your safety plan, one line a row, with the part it belongs to.

Only if you have linked Selftrust with a therapist:
therapist-links.csv each link: with whom, since when, until when, and what you
                    shared (and from which day).
homework.csv        what a therapist suggested, and what you made of it.
session-notes.csv   what you wanted to bring to your sessions, and when you brought it.
therapist-looks.csv every time a therapist opened something of yours, one look a row
                    ("allowed" is no when they asked for something you didn't share
                    and were shown nothing).

A few things to know:
- Where a cell holds several answers, they are separated by "; ". A few answers
  with parts of their own (such as feelings rated before and after) are written
  as JSON, the way the full export writes them.
- Ratings of distress, of how much you believed a thought and of how strong a
  feeling was are all from 0 to 10. (Before they were 0 to 100; earlier ones
  were moved to 0 to 10, so 70 became 7.)
- Any cell that begins with =, +, -, @, a tab or a line break has an apostrophe (')
  added in front. That stops a spreadsheet program treating words as a formula
  and running it. Your words are otherwise exactly as you wrote them.
- The files are UTF-8 text, so accents and other alphabets come through.
- Dates are written year-month-day; times are in UTC (the time in London in winter),
  as in the full export.
- Unsaved drafts and your reminder choices are not in these files. The JSON file
  ("Download my data" in Settings) holds everything, and it is the one to use to
  move to another server.
- These files hold private things. Keep them somewhere only you can open.
"""


def csv_tables(export: dict) -> dict[str, list[Row]]:
    """File name -> rows (the first row is the header), in the order the README lists them."""
    tables = {
        "promises.csv": promises(export),
        "check-ins.csv": check_ins(export),
    }
    for slug, rows in practice_entries(export).items():
        tables[f"practice-{slug}.csv"] = rows
    tables["questionnaires.csv"] = questionnaires(export)
    tables["daily-checks.csv"] = daily_checks(export)
    tables["weekly-reviews.csv"] = weekly_reviews(export)
    tables["trusted-people.csv"] = trusted_people(export)
    tables["safety-plan.csv"] = safety_plan(export)
    if any(_care(export).values()):
        tables["therapist-links.csv"] = therapist_links(export)
        tables["homework.csv"] = homework(export)
        tables["session-notes.csv"] = session_notes(export)
        tables["therapist-looks.csv"] = therapist_looks(export)
    return tables


def csv_text(rows: list[Row]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def export_zip(user) -> bytes:
    """The ZIP that Settings → Your data gives: README.txt and one CSV for each kind."""
    export = export_for(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        readme = README.format(
            exported_on=export["exported_at"][:10],
            username=export["account"]["username"],
        )
        archive.writestr("README.txt", readme.encode("utf-8-sig"))
        for name, rows in csv_tables(export).items():
            archive.writestr(name, csv_text(rows).encode("utf-8-sig"))
    return buffer.getvalue()
