"""Bringing a Selftrust export back in: the other half of export.py.

An export goes only into an empty account, all of it or none of it: everything happens in one
transaction, and one record that doesn't fit refuses the whole file with a message naming it.
Every record passes through the forms and the scoring the app uses when a person writes it, so
a file can't hold anything the app itself would refuse. The only rules left out are the ones
about *when* (a check-in only for the last seven days and only on the days the promise asks
for now, a one-time promise's day or a decision's look-back day near today): an export
carries what was written long ago, under schedules that may have changed since. Ids in the file are never used; new rows
are made, and promises keep their own check-ins.

Not brought in: API tokens (their secrets are never exported; make new ones) and anything a
later format adds that this one does not read.
"""

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from django.db import transaction
from django.forms import Form
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.dateparse import parse_date, parse_datetime

from selftrust.accounts import data_version
from selftrust.accounts.export import EXPORT_FORMAT, OLDER_FORMATS
from selftrust.accounts.forms import TimeZoneForm
from selftrust.accounts.models import User
from selftrust.assessments import services as assessments_services
from selftrust.assessments.instruments import INSTRUMENTS
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import AnswersInvalid, score
from selftrust.care.forms import SessionNoteForm
from selftrust.care.models import SessionNote
from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as draft_store
from selftrust.drafts.models import Draft as DraftModel
from selftrust.insights import weekly_review
from selftrust.insights.forms import DailyCheckForm, WeeklyReviewForm
from selftrust.insights.models import DailyCheck, WeeklyReview
from selftrust.practices import ratings as practice_ratings
from selftrust.practices import services as practice_services
from selftrust.practices.catalog import PRACTICES, Practice
from selftrust.practices.forms import (
    EMOTION_ROWS,
    DecisionForm,
    DecisionReviewForm,
    ThoughtRecordForm,
    WorksheetForm,
)
from selftrust.practices.models import Decision, Entry
from selftrust.promises import drafts as promise_drafts
from selftrust.promises.forms import CheckInForm, PromiseForm
from selftrust.promises.models import CheckIn, Promise, Status
from selftrust.safety import plan as safety_plan
from selftrust.safety.forms import SafetyPlanForm, TrustedPersonForm
from selftrust.safety.models import SafetyPlan, TrustedPerson

# Exports made before every rating moved to 0 to 10 (issue 15).
RATINGS_OUT_OF_100 = ("selftrust-export/1",)

# An export of ten years of daily writing is a few megabytes; this leaves room and still keeps
# one upload from filling the server's memory.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
PROBLEMS_SHOWN = 5

DECISION_FIELDS = (
    "decision",
    "options",
    "gut_says",
    "confidence",
    "chosen",
    "sought_reassurance",
    "reassurance_from",
    "review_on",
)
REVIEW_FIELDS = ("what_happened", "reasonable_call", "instinct_served", "learned")
THOUGHT_FIELDS = (
    "situation",
    "automatic_thought",
    "emotions",
    "belief_before",
    "thinking_traps",
    "evidence_for",
    "evidence_against",
    "balanced_thought",
    "belief_after",
)


class ImportRefused(Exception):
    """Why a file can't be brought in. Nothing was changed; the words are for the person."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    @property
    def problems_shown(self) -> list[str]:
        shown = self.problems[:PROBLEMS_SHOWN]
        hidden = len(self.problems) - len(shown)
        if hidden:
            shown.append(f"… and {hidden} more.")
        return shown

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"- {problem}" for problem in self.problems_shown)])


@dataclass
class ImportSummary:
    promises: int = 0
    check_ins: int = 0
    practice_entries: int = 0
    assessments: int = 0
    trusted_people: int = 0
    daily_checks: int = 0
    weekly_reviews: int = 0
    safety_plan: bool = False
    session_notes: int = 0
    # Links with a therapist, their suggestions and their looks are kept in the file, never
    # brought in: a link is made afresh, with a new invitation, on the new server.
    care_left_in_file: bool = False
    # Reminder choices stay in the file too: a device subscribes again on the new server, and
    # an email address is confirmed again there.
    reminders_left_in_file: bool = False
    drafts: int = 0
    # Unsaved changes to an entry: the export names entries without ids, so these can't be
    # tied to the new entries. Their words stay in the file; the summary says so.
    drafts_left_in_file: int = 0

    def in_words(self) -> str:
        parts = [
            _count(self.promises, "promise"),
            _count(self.check_ins, "check-in"),
            _count(self.practice_entries, "practice entry", "practice entries"),
            _count(self.assessments, "questionnaire"),
            _count(self.daily_checks, "daily check-in", "daily check-ins"),
            _count(self.weekly_reviews, "weekly review"),
            _count(self.trusted_people, "trusted person", "trusted people"),
        ]
        if self.safety_plan:
            parts.append("your safety plan")
        parts.append(
            _count(self.session_notes, "note for your sessions", "notes for your sessions")
        )
        parts.append(_count(self.drafts, "unfinished draft"))
        said = _joined([part for part in parts if part]) or "nothing (the export was empty)"
        if self.drafts_left_in_file:
            said += (
                f". {_count(self.drafts_left_in_file, 'unsaved draft')} stayed in the file "
                "(changes to an old entry, or a form you had already started here): copy them "
                "across by hand if you want them"
            )
        if self.care_left_in_file:
            said += (
                ". Links with a therapist stay in the file: to link again, make a new "
                "invitation code on Your therapist"
            )
        if self.reminders_left_in_file:
            said += (
                ". Your reminder choices stay in the file: turn on the ones you want again "
                "in Reminders"
            )
        return said


def _count(number: int, one: str, many: str | None = None) -> str:
    if not number:
        return ""
    return f"{number} {one if number == 1 else (many or one + 's')}"


def _joined(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# --- reading the file ---------------------------------------------------------------------------


def read_export(raw: bytes | str) -> dict:
    """The export as a dictionary, or ImportRefused if the file isn't one."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused(
                "This file isn't a Selftrust export: it isn't text. An export is the JSON file "
                "that “Download my data” gives you."
            ) from None
    try:
        data = json.loads(raw)
    except ValueError as error:
        raise ImportRefused(
            "This file isn't a Selftrust export: it isn't valid JSON "
            f"(the first problem is on line {getattr(error, 'lineno', '?')}). "
            "Nothing was changed."
        ) from None
    if not isinstance(data, dict):
        raise ImportRefused("This file is JSON, but not a Selftrust export. Nothing was changed.")
    found = data.get("format")
    if found != EXPORT_FORMAT and found not in OLDER_FORMATS:
        named = f"“{found}”" if isinstance(found, str) and found else "not named"
        raise ImportRefused(
            f"This file's format is {named}; Selftrust reads exports in the format "
            f"“{EXPORT_FORMAT}”. Nothing was changed."
        )
    return data


def read_upload(uploaded) -> dict:
    """An uploaded file (Django's UploadedFile) as an export, refused kindly if too big."""
    if uploaded is None:
        raise ImportRefused("Please choose the export file to bring in.")
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ImportRefused(
            f"This file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB, more than an export "
            "from Selftrust would be. Please check it is the file “Download my data” gave you. "
            "The person who runs this server can also bring it in with `selftrust import`."
        )
    return read_export(uploaded.read())


# --- is the account empty? -----------------------------------------------------------------------


def what_is_already_there(user) -> list[str]:
    """What this account holds that an import could be mixed up with; [] when it is empty."""
    plan = safety_plan.plan_for(user)
    found = [
        _count(Promise.objects.filter(user=user).count(), "promise"),
        _count(
            Entry.objects.filter(user=user, deleted_at__isnull=True).count(),
            "practice entry",
            "practice entries",
        ),
        _count(AssessmentResponse.objects.filter(user=user).count(), "questionnaire"),
        _count(DailyCheck.objects.filter(user=user).count(), "daily check-in", "daily check-ins"),
        _count(WeeklyReview.objects.filter(user=user).count(), "weekly review"),
        _count(TrustedPerson.objects.filter(user=user).count(), "trusted person", "trusted people"),
        "a safety plan" if plan is not None and not safety_plan.is_empty(plan) else "",
        _count(
            SessionNote.objects.filter(person=user).count(),
            "note for your sessions",
            "notes for your sessions",
        ),
    ]
    return [part for part in found if part]


# --- bringing it in --------------------------------------------------------------------------------


@dataclass
class _Import:
    user: Any
    problems: list[str] = field(default_factory=list)
    summary: ImportSummary = field(default_factory=ImportSummary)
    # The promises made, by the id the file gave them, so a weekly review can name its own.
    promises_by_id_in_file: dict = field(default_factory=dict)
    # The trusted people made, by the id the file gave them (format 3 on), so the safety plan
    # can choose them again; and every id the file gave, made or not.
    people_by_id_in_file: dict = field(default_factory=dict)
    people_ids_in_file: set = field(default_factory=set)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def form_problems(self, where: str, form: Form, rename: dict[str, str] | None = None) -> None:
        for name, errors in form.errors.items():
            label = (rename or {}).get(name, name)
            for message in errors:
                self.problem(where if name == "__all__" else f"{where}, “{label}”", message)


def import_export(user, data: dict) -> ImportSummary:
    """Bring an export (as read_export gives it) into an empty account, all or nothing.

    Raises ImportRefused, having changed nothing, if the account already holds something or any
    record in the file doesn't fit.
    """
    # One bump at the end (note_record_changed) instead of one for every row brought in.
    with transaction.atomic(), data_version.paused():
        # One import at a time for an account: a second one waits, then finds it no longer empty.
        User.objects.select_for_update().filter(pk=user.pk).first()
        already = what_is_already_there(user)
        if already:
            raise ImportRefused(
                f"This account already holds {_joined(already)}, so nothing was brought in. "
                "An export only goes into an account with nothing in it yet, so that nothing "
                "here is mixed up or overwritten. You could make a new account and bring it in "
                "there."
            )
        if data.get("format") in RATINGS_OUT_OF_100:
            # Made before ratings moved to 0 to 10: brought in on the scale the app uses now.
            data = practice_ratings.export_on_0_10(data)
        work = _Import(user)
        _import_account(work, data.get("account"))
        _import_promises(work, _list(work, data, "promises"))
        _import_entries(work, _list(work, data, "practice_entries"))
        _import_assessments(work, _list(work, data, "assessments"))
        _import_daily_checks(work, _list(work, data, "daily_checks"))
        _import_weekly_reviews(work, _list(work, data, "weekly_reviews"))
        people, named = _import_people(work, _list(work, data, "trusted_people"))
        _import_plan(work, data.get("safety_plan"), people, named)
        _import_care(work, data.get("care"))
        _note_reminders(work, data.get("reminders"))
        _import_drafts(work, _list(work, data, "drafts") if "drafts" in data else [])
        if work.problems:
            raise ImportRefused(
                "Some of this file doesn't fit, so nothing was brought in:", work.problems
            )
        user.note_record_changed()
    return work.summary


def _list(work: _Import, data: dict, key: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        work.problem(f"“{key}”", "should be a list.")
        return []
    return value


def _record(work: _Import, where: str, raw) -> dict | None:
    if not isinstance(raw, dict):
        work.problem(where, "isn't in the shape an export gives it.")
        return None
    return raw


def _posted(
    work: _Import,
    where: str,
    values: dict,
    *,
    lists: frozenset = frozenset(),
    booleans: frozenset = frozenset(),
) -> MultiValueDict | None:
    """Values as an HTML form posts them, so the app's own form can judge them."""
    posted = MultiValueDict()
    fine = True
    for name, value in values.items():
        if value is None:
            continue  # as if left empty
        if name in booleans:
            if not isinstance(value, bool):
                work.problem(f"{where}, “{name}”", "should be true or false.")
                fine = False
            elif value:
                posted[name] = "on"
        elif name in lists:
            if not isinstance(value, list) or not all(
                isinstance(v, str | int) and not isinstance(v, bool) for v in value
            ):
                work.problem(f"{where}, “{name}”", "should be a list.")
                fine = False
            else:
                posted.setlist(name, [str(v) for v in value])
        elif isinstance(value, bool) or not isinstance(value, str | int):
            work.problem(f"{where}, “{name}”", "should be text or a whole number.")
            fine = False
        else:
            posted[name] = str(value)
    return posted if fine else None


def _unknown(work: _Import, where: str, values: dict, known) -> bool:
    unknown = [name for name in values if name not in known]
    for name in unknown:
        work.problem(where, f"has something called “{name}”, which Selftrust doesn't know.")
    return bool(unknown)


def _moment(work: _Import, where: str, value, *, required: bool = True) -> datetime | None:
    if value is None and not required:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        work.problem(where, f"the time “{value}” doesn't look right.")
        return None
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, UTC)


def _maybe_day(value) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:  # well formed, but no such day
        return None


def _day(work: _Import, where: str, value) -> date | None:
    parsed = _maybe_day(value)
    if parsed is None:
        work.problem(where, f"the date “{value}” doesn't look right.")
    return parsed


def _short(text) -> str:
    text = str(text)
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


# --- account -----------------------------------------------------------------------------------


def _import_account(work: _Import, account) -> None:
    if account is None:
        return
    if _record(work, "The account", account) is None:
        return
    if account.get("time_zone") in (None, ""):
        return
    posted = _posted(work, "The account", {"time_zone": account["time_zone"]})
    if posted is None:
        return
    form = TimeZoneForm(posted, instance=work.user)
    if form.is_valid():
        form.save()
    else:
        work.form_problems("The account", form, {"time_zone": "time zone"})


# --- promises and check-ins -----------------------------------------------------------------------


class _CheckInFromExport(CheckInForm):
    """The check-in form without its window of days: an export holds answers from long ago,
    and from promises that have since changed their days or been paused."""

    def clean_day(self):
        return self.cleaned_data["day"]


def _import_promises(work: _Import, promises: list) -> None:
    for number, raw in enumerate(promises, start=1):
        where = f"Promise {number}"
        if _record(work, where, raw) is None:
            continue
        if isinstance(raw.get("text"), str):
            where = f"Promise {number} ({_short(raw['text'])})"
        promise = _import_promise(work, where, raw)
        if promise is not None:
            if isinstance(raw.get("id"), int):
                work.promises_by_id_in_file[raw["id"]] = promise
            _import_check_ins(work, where, promise, raw.get("check_ins"))


def _import_promise(work: _Import, where: str, raw: dict) -> Promise | None:
    values = {
        name: raw.get(name) for name in ("text", "schedule", "weekdays", "due_date", "time_of_day")
    }
    posted = _posted(work, where, values, lists=frozenset({"weekdays"}))
    starts_on = _day(work, f"{where}, the day it started", raw.get("starts_on"))
    status = raw.get("status")
    if status not in Status.values:
        work.problem(where, f"“{status}” isn't active, paused or archived.")
    if posted is None or starts_on is None or status not in Status.values:
        return None
    # The form keeps a one-time promise's day near today; judged on its own day instead.
    form = PromiseForm(posted, today=_maybe_day(values["due_date"]) or work.user.local_today())
    if not form.is_valid():
        work.form_problems(where, form)
        return None
    if form.safety_promise:
        work.problem(
            where,
            "this is a promise not to hurt yourself. Selftrust doesn't keep those as promises "
            "to be scored; your safety plan is the place for it.",
        )
        return None
    promise = form.save(commit=False)
    promise.user = work.user
    promise.starts_on = starts_on
    promise.status = status
    promise.save()
    created_at = _moment(work, where, raw.get("created_at"), required=False)
    if created_at is not None:
        # created_at is set on insert; the promise keeps the day it was really made.
        Promise.objects.filter(pk=promise.pk).update(created_at=created_at)
    work.summary.promises += 1
    return promise


def _import_check_ins(work: _Import, where: str, promise: Promise, check_ins) -> None:
    if check_ins is None:
        return
    if not isinstance(check_ins, list):
        work.problem(where, "its check-ins should be a list.")
        return
    days: set[date] = set()
    made = []
    for number, raw in enumerate(check_ins, start=1):
        here = f"{where}, check-in {number}"
        if _record(work, here, raw) is None:
            continue
        if isinstance(raw.get("date"), str):
            here = f"{where}, check-in of {raw['date']}"
        values = {"day": raw.get("date"), "outcome": raw.get("outcome"), "note": raw.get("note")}
        posted = _posted(work, here, values)
        if posted is None:
            continue
        form = _CheckInFromExport(
            posted, instance=CheckIn(promise=promise), promise=promise, today=promise.starts_on
        )
        if not form.is_valid():
            work.form_problems(here, form, {"day": "date"})
            continue
        if form.cleaned_data["day"] in days:
            work.problem(here, "there is already a check-in for that day.")
            continue
        days.add(form.cleaned_data["day"])
        made.append(form.save(commit=False))
    CheckIn.objects.bulk_create(made)
    work.summary.check_ins += len(made)


# --- practice entries ----------------------------------------------------------------------------


def _import_entries(work: _Import, entries: list) -> None:
    for number, raw in enumerate(entries, start=1):
        where = f"Practice entry {number}"
        if _record(work, where, raw) is None:
            continue
        practice = (
            PRACTICES.get(raw.get("practice")) if isinstance(raw.get("practice"), str) else None
        )
        if practice is None:
            work.problem(where, f"“{raw.get('practice')}” isn't a practice Selftrust knows.")
            continue
        where = f"{where} ({practice.name}"
        if isinstance(raw.get("created_at"), str):
            where += f", {raw['created_at'][:10]}"
        where += ")"
        created_at = _moment(work, where, raw.get("created_at"))
        updated_at = _moment(work, where, raw.get("updated_at"), required=False)
        answers = raw.get("answers")
        if not isinstance(answers, dict):
            work.problem(where, "its answers should be an object of names and values.")
            continue
        if created_at is None:
            continue
        entry = Entry(user=work.user, practice=practice.slug, created_at=created_at)
        importer = {
            "worksheet": _import_worksheet,
            "decision": _import_decision,
            "thought": _import_thought,
        }[practice.kind]
        if importer(work, where, practice, entry, answers):
            # updated_at is set on every save; the entry keeps when it was really last changed.
            Entry.objects.filter(pk=entry.pk).update(updated_at=updated_at or created_at)
            work.summary.practice_entries += 1


def _import_worksheet(
    work: _Import, where: str, practice: Practice, entry: Entry, answers: dict
) -> bool:
    if _unknown(work, where, answers, {spec.name for spec in practice.fields}):
        return False
    posted = _posted(work, where, answers, lists=frozenset(practice.multi_value_fields))
    if posted is None:
        return False
    form = WorksheetForm(posted, practice=practice)
    if not form.is_valid():
        work.form_problems(where, form)
        return False
    practice_services.save_worksheet(work.user, practice, form.answers(), entry)
    return True


def _import_decision(
    work: _Import, where: str, practice: Practice, entry: Entry, answers: dict
) -> bool:
    if _unknown(work, where, answers, {*DECISION_FIELDS, *REVIEW_FIELDS, "reviewed_at"}):
        return False
    values = {name: answers.get(name) for name in DECISION_FIELDS}
    posted = _posted(work, where, values, booleans=frozenset({"sought_reassurance"}))
    review = {name: answers.get(name) for name in REVIEW_FIELDS}
    reviewed_at = _moment(work, where, answers.get("reviewed_at"), required=False)
    if answers.get("reviewed_at") is not None and reviewed_at is None:
        return False
    if reviewed_at is None and any(review.values()):
        work.problem(where, "it has a look back, but no time for when it was written.")
        return False
    if posted is None:
        return False
    # The form keeps a new decision's look-back day ahead of today; judged on its own day.
    form = DecisionForm(posted, today=_maybe_day(values["review_on"]) or work.user.local_today())
    if not form.is_valid():
        work.form_problems(where, form)
        return False
    review_posted = None
    if reviewed_at is not None:
        review_posted = _posted(work, where, review)
        if review_posted is None:
            return False
        review_form = DecisionReviewForm(review_posted, instance=Decision())
        if not review_form.is_valid():
            work.form_problems(where, review_form)
            return False
    practice_services.save_modelled(work.user, practice, form, entry)
    if review_posted is not None:
        # Checked above; bound again to the decision just saved, as the look-back page does.
        review_form = DecisionReviewForm(review_posted, instance=entry.decision)
        review_form.full_clean()
        practice_services.review_decision(work.user, entry, review_form)
        Decision.objects.filter(pk=entry.pk).update(reviewed_at=reviewed_at)
    return True


def _import_thought(
    work: _Import, where: str, practice: Practice, entry: Entry, answers: dict
) -> bool:
    if _unknown(work, where, answers, THOUGHT_FIELDS):
        return False
    values = {name: answers.get(name) for name in THOUGHT_FIELDS if name != "emotions"}
    emotions = answers.get("emotions") or []
    if (
        not isinstance(emotions, list)
        or len(emotions) > EMOTION_ROWS
        or not all(isinstance(item, dict) for item in emotions)
    ):
        work.problem(
            where, f"its feelings should be a list of up to {EMOTION_ROWS}, each with a strength."
        )
        return False
    rename = {}
    for row, item in enumerate(emotions, start=1):
        if _unknown(work, where, item, ("emotion", "before", "after")):
            return False
        for suffix, key in (("", "emotion"), ("_before", "before"), ("_after", "after")):
            values[f"emotion_{row}{suffix}"] = item.get(key)
            rename[f"emotion_{row}{suffix}"] = f"feeling {row}, {key}"
    posted = _posted(work, where, values, lists=frozenset({"thinking_traps"}))
    if posted is None:
        return False
    form = ThoughtRecordForm(posted)
    if not form.is_valid():
        work.form_problems(where, form, rename)
        return False
    practice_services.save_modelled(work.user, practice, form, entry)
    return True


# --- questionnaires -------------------------------------------------------------------------------


def _import_assessments(work: _Import, assessments: list) -> None:
    made = []
    for number, raw in enumerate(assessments, start=1):
        where = f"Questionnaire {number}"
        if _record(work, where, raw) is None:
            continue
        instrument = (
            INSTRUMENTS.get(raw.get("instrument"))
            if isinstance(raw.get("instrument"), str)
            else None
        )
        if instrument is None:
            work.problem(where, f"“{raw.get('instrument')}” isn't a questionnaire Selftrust knows.")
            continue
        where = f"Questionnaire {number} ({instrument.short_name})"
        completed_at = _moment(work, where, raw.get("completed_at"))
        # Scored again as published: a total in the file is never taken on trust.
        try:
            result = score(instrument, raw.get("answers"))
        except AnswersInvalid as error:
            work.problem(where, str(error))
            continue
        extra = raw.get("extra_answer")
        if extra is not None and (
            isinstance(extra, bool)
            or not isinstance(extra, int)
            or not 0 <= extra < len(instrument.extra_options)
        ):
            work.problem(where, f"the closing answer “{extra}” isn't one of its answers.")
            continue
        if completed_at is None:
            continue
        made.append(
            AssessmentResponse(
                user=work.user,
                instrument_slug=instrument.slug,
                answers=list(raw["answers"]),
                extra_answer=extra,
                total=result.total,
                band=result.band.label if result.band else "",
                subscales=result.subscales,
                safety_alert=result.safety_alert,
                completed_at=completed_at,
            )
        )
    AssessmentResponse.objects.bulk_create(made)
    work.summary.assessments += len(made)


# --- daily mood and energy -------------------------------------------------------------------------


class _DailyCheckFromExport(DailyCheckForm):
    """The daily check's form without its window of days: an export holds days long gone."""

    def clean_day(self):
        return self.cleaned_data["day"]


# The words beside each number are for people reading the file; the numbers are what count.
_DAILY_CHECK_FIELDS = ("date", "mood", "mood_words", "energy", "energy_words", "note")


def _import_daily_checks(work: _Import, checks: list) -> None:
    days: set[date] = set()
    made = []
    for number, raw in enumerate(checks, start=1):
        where = f"Daily check-in {number}"
        if _record(work, where, raw) is None:
            continue
        if isinstance(raw.get("date"), str):
            where = f"Daily check-in of {raw['date']}"
        if _unknown(work, where, raw, _DAILY_CHECK_FIELDS):
            continue
        values = {name: raw.get(name) for name in ("mood", "energy", "note")}
        posted = _posted(work, where, {"day": raw.get("date"), **values})
        if posted is None:
            continue
        form = _DailyCheckFromExport(
            posted, instance=DailyCheck(user=work.user), today=work.user.local_today()
        )
        if not form.is_valid():
            work.form_problems(where, form, {"day": "date"})
            continue
        if form.cleaned_data["day"] in days:
            work.problem(where, "there is already a daily check-in for that day.")
            continue
        days.add(form.cleaned_data["day"])
        made.append(form.save(commit=False))
    DailyCheck.objects.bulk_create(made)
    work.summary.daily_checks += len(made)


# --- weekly reviews ------------------------------------------------------------------------------

_WEEKLY_REVIEW_FIELDS = (
    "id",
    "week_ending",
    "kept",
    "got_in_the_way",
    "learned",
    "next_promise",
    "promise_id",
    "created_at",
    "updated_at",
)


def _import_weekly_reviews(work: _Import, reviews: list) -> None:
    """Reviews come in judged by the review's own form; the promise a review made came in
    with the promises above, and is linked again by the id the file gave it."""
    made = []
    for number, raw in enumerate(reviews, start=1):
        where = f"Weekly review {number}"
        if _record(work, where, raw) is None:
            continue
        if isinstance(raw.get("week_ending"), str):
            where = f"Weekly review of the week to {raw['week_ending']}"
        if _unknown(work, where, raw, _WEEKLY_REVIEW_FIELDS):
            continue
        week_ending = _day(work, where, raw.get("week_ending"))
        created_at = _moment(work, where, raw.get("created_at"), required=False)
        updated_at = _moment(work, where, raw.get("updated_at"), required=False)
        promise_id = raw.get("promise_id")
        promise = None
        if promise_id is not None:
            if isinstance(promise_id, int) and not isinstance(promise_id, bool):
                promise = work.promises_by_id_in_file.get(promise_id)
            if promise is None:
                work.problem(where, f"it names promise {promise_id}, which isn't in the file.")
                continue
        values = {name: raw.get(name) for name in ("kept", "got_in_the_way", "learned")}
        posted = _posted(work, where, {**values, "next_promise_text": raw.get("next_promise")})
        if posted is None or week_ending is None:
            continue
        # A review that made a promise keeps its words as they were when it made it.
        review = WeeklyReview(user=work.user, week_ending=week_ending, next_promise=promise)
        if promise is not None:
            review.next_promise_text = str(raw.get("next_promise") or "")
        form = WeeklyReviewForm(posted, instance=review, today=week_ending)
        if not form.is_valid():
            work.form_problems(where, form, {"next_promise_text": "next_promise"})
            continue
        made.append((form.save(commit=False), created_at, updated_at))
    WeeklyReview.objects.bulk_create([review for review, _created, _updated in made])
    for review, created_at, updated_at in made:
        # Set on insert; each review keeps when it was really written and last changed.
        review.created_at = created_at or review.created_at
        review.updated_at = updated_at or created_at or review.updated_at
    WeeklyReview.objects.bulk_update(
        [review for review, _created, _updated in made], ["created_at", "updated_at"]
    )
    work.summary.weekly_reviews += len(made)


# --- trusted people and the safety plan -------------------------------------------------------


def _import_people(work: _Import, people: list) -> tuple[dict[str, TrustedPerson], set[str]]:
    """The people made, by name, so the safety plan can choose them again; and every name
    in the file, made or not."""
    by_name: dict[str, TrustedPerson] = {}
    named: set[str] = set()
    for number, raw in enumerate(people, start=1):
        where = f"Trusted person {number}"
        if _record(work, where, raw) is None:
            continue
        if isinstance(raw.get("name"), str):
            where = f"Trusted person {number} ({_short(raw['name'])})"
            named.add(raw["name"])
        id_in_file = raw.get("id") if _is_whole_number(raw.get("id")) else None
        if id_in_file is not None:
            work.people_ids_in_file.add(id_in_file)
        values = {name: raw.get(name) for name in ("name", "phone", "email", "good_for")}
        posted = _posted(work, where, values)
        if posted is None:
            continue
        form = TrustedPersonForm(posted, instance=TrustedPerson(user=work.user))
        if not form.is_valid():
            work.form_problems(where, form)
            continue
        person = form.save()
        by_name.setdefault(person.name, person)
        if id_in_file is not None:
            work.people_by_id_in_file[id_in_file] = person
        work.summary.trusted_people += 1
    return by_name, named


def _is_whole_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_chosen_person(value) -> bool:
    """A name (formats 1 and 2), or {"id", "name"} as the plan's shape gives it (format 3)."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict)
        and isinstance(value.get("name"), str)
        and (value.get("id") is None or _is_whole_number(value.get("id")))
    )


def _chosen_person(
    work: _Import, chosen, people: dict[str, TrustedPerson], named_in_file: set[str]
) -> tuple[TrustedPerson | None, bool]:
    """The person made for someone the plan chooses, and whether the file has them at all
    (someone in the file who didn't fit is named as a problem already)."""
    if isinstance(chosen, dict) and chosen.get("id") is not None:
        found = work.people_by_id_in_file.get(chosen["id"])
        return found, chosen["id"] in work.people_ids_in_file
    name = chosen["name"] if isinstance(chosen, dict) else chosen
    return people.get(name), name in named_in_file


def _import_plan(
    work: _Import, plan, people: dict[str, TrustedPerson], named_in_file: set[str]
) -> None:
    where = "The safety plan"
    if plan is None or _record(work, where, plan) is None:
        return
    values: dict[str, Any] = {}
    for section in safety_plan.SECTIONS:
        items = plan.get(section.field) or []
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            work.problem(f"{where}, “{section.title}”", "should be a list of lines.")
            return
        values[section.field] = "\n".join(items)
    for people_field in ("company_people", "help_people"):
        chosen = plan.get(people_field) or []
        if not isinstance(chosen, list) or not all(_is_chosen_person(c) for c in chosen):
            work.problem(where, f"“{people_field}” should be a list of the people it chooses.")
            return
        made = []
        for one in chosen:
            person, in_file = _chosen_person(work, one, people, named_in_file)
            if person is None and not in_file:
                name = one["name"] if isinstance(one, dict) else one
                work.problem(
                    where,
                    f"it chooses {_short(name)}, who isn't among the trusted people in the file.",
                )
                return
            if person is not None:
                made.append(person.pk)
        values[people_field] = made
    posted = _posted(work, where, values, lists=frozenset({"company_people", "help_people"}))
    if posted is None:
        return
    existing = SafetyPlan.objects.filter(user=work.user).first()  # saved empty, at most
    form = SafetyPlanForm(posted, instance=existing or SafetyPlan(user=work.user), user=work.user)
    if not form.is_valid():
        work.form_problems(where, form)
        return
    saved = form.save()
    updated_at = _moment(work, where, plan.get("updated_at"), required=False)
    if updated_at is not None:
        SafetyPlan.objects.filter(pk=saved.pk).update(updated_at=updated_at)
    work.summary.safety_plan = True


# --- care: notes for sessions ------------------------------------------------------------------

# The id (format 3 on) is the note's in the file only; a new one is made here.
_SESSION_NOTE_FIELDS = ("id", "text", "created_at", "brought_on")


def _note_reminders(work: _Import, reminders) -> None:
    """Reminders come in as a note only: which were on is in the file (format 4 on)."""
    if reminders is None or _record(work, "The reminders part", reminders) is None:
        return
    work.summary.reminders_left_in_file = any(
        reminders.get(name) for name in ("settings", "promise_ids", "email", "devices")
    )


def _import_care(work: _Import, care) -> None:
    """Notes for sessions come in; links, homework and looks stay in the file (they need a
    therapist on this server, who links afresh)."""
    if care is None or _record(work, "The care part", care) is None:
        return
    work.summary.care_left_in_file = any(
        isinstance(care.get(name), list) and care[name] for name in ("links", "homework", "looks")
    )
    made = []
    for number, raw in enumerate(_list(work, care, "session_notes"), start=1):
        where = f"Note for your sessions {number}"
        if _record(work, where, raw) is None or _unknown(work, where, raw, _SESSION_NOTE_FIELDS):
            continue
        posted = _posted(work, where, {"text": raw.get("text")})
        created_at = _moment(work, where, raw.get("created_at"))
        brought_on = raw.get("brought_on")
        brought = None if brought_on is None else _day(work, where, brought_on)
        if posted is None or created_at is None or (brought_on is not None and brought is None):
            continue
        form = SessionNoteForm(posted, instance=SessionNote(person=work.user))
        if not form.is_valid():
            work.form_problems(where, form)
            continue
        note = form.save(commit=False)
        note.created_at = created_at
        note.brought_on = brought
        made.append(note)
    SessionNote.objects.bulk_create(made)
    work.summary.session_notes += len(made)


# --- drafts ----------------------------------------------------------------------------------


def _import_drafts(work: _Import, drafts: list) -> None:
    """Words typed and not yet saved come along: new entries, the plan, questionnaires."""
    for number, raw in enumerate(drafts, start=1):
        where = f"Draft {number}"
        record = _record(work, where, raw)
        if record is None:
            continue
        key, fields = record.get("key"), record.get("fields")
        if not isinstance(key, str) or not isinstance(fields, dict):
            work.problem(where, "it needs a “key” and its “fields”.")
            continue
        if not all(
            isinstance(name, str)
            and isinstance(values, list)
            and all(isinstance(value, str) for value in values)
            for name, values in fields.items()
        ):
            work.problem(where, "each field should hold a list of text.")
            continue
        practice = draft_keys.parse_practice(key)
        if practice is not None and practice.action != "new":
            work.summary.drafts_left_in_file += 1
            continue
        if draft_keys.weekly_review_id(key) is not None:  # a review by its old id, as above
            work.summary.drafts_left_in_file += 1
            continue
        if key.startswith("session-note:edit:"):  # names a note by its old id, as above
            work.summary.drafts_left_in_file += 1
            continue
        if key.startswith(("promise:edit:", promise_drafts.CHECK_IN_NOTES)):  # old ids, as above
            work.summary.drafts_left_in_file += 1
            continue
        allowed = (
            key
            in (
                draft_keys.SAFETY_PLAN,
                draft_keys.SESSION_NOTE,
                promise_drafts.PROMISE_NEW,
                draft_keys.DAILY_CHECK,
            )
            or practice_services.may_keep_draft(work.user, key)
            or assessments_services.may_keep_draft(work.user, key)
            or weekly_review.may_keep_draft(work.user, key)
        )
        if not allowed:
            work.problem(where, f"“{_short(key)}” isn't a form we know.")
            continue
        if draft_store.get(work.user, key) is not None:
            # Typed here already, before the import: never overwritten. The file keeps its own.
            work.summary.drafts_left_in_file += 1
            continue
        if not draft_store.save(work.user, key, fields):
            work.problem(where, "it is far longer than any form holds.")
            continue
        moment = _moment(work, where, record.get("updated_at"), required=False)
        if moment is not None:
            DraftModel.objects.filter(user=work.user, key=key).update(updated_at=moment)
        work.summary.drafts += 1
