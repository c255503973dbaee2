"""Every form that keeps a draft, by the key its draft is stored under.

    practice:<slug>:new            a new entry in a practice
    practice:<slug>:edit:<id>      changes to an entry
    practice:<slug>:review:<id>    a look back on an entry (the decision journal's review)
    safety-plan                    the safety plan
    assessment:<slug>              a questionnaire's answers so far
    weekly-review:new              a new weekly review
    weekly-review:edit:<id>        changes to a weekly review
    session-note:new               a new note of what I want to bring to a session (care)
    session-note:edit:<id>         changes to one of those notes
    promise:new                    a new promise
    promise:edit:<id>              changes to a promise
    promise:check-in:<id>:<day>    the note of one promise's answer for one day, on Today
    daily-check                    the note of the day's mood and energy check, on Today

The first part says which app the form belongs to; that app decides whether a key names a form
this person may keep a draft of (drafts/views.py asks it).
"""

import re
from dataclasses import dataclass

SAFETY_PLAN = "safety-plan"
# The note of the day's mood and energy check (insights), on Today.
DAILY_CHECK = "daily-check"

# Only ASCII digits: "²" is a digit to Python's isdigit() but never an entry's id.
_PRACTICE = re.compile(r"practice:([a-z0-9-]{1,40}):(new|edit:[0-9]{1,18}|review:[0-9]{1,18})")


def app_of(key: str) -> str:
    """The app a key belongs to: "practice", "assessment" or "safety-plan"."""
    return key.split(":", 1)[0]


def practice_new(slug: str) -> str:
    return f"practice:{slug}:new"


def practice_edit(slug: str, entry_id: int) -> str:
    return f"practice:{slug}:edit:{entry_id}"


def practice_review(slug: str, entry_id: int) -> str:
    return f"practice:{slug}:review:{entry_id}"


def assessment(slug: str) -> str:
    return f"assessment:{slug}"


@dataclass(frozen=True)
class PracticeKey:
    slug: str
    action: str  # new | edit | review
    entry_id: int | None


def parse_practice(key: str) -> PracticeKey | None:
    """The parts of a practice draft's key; None if it isn't one."""
    match = _PRACTICE.fullmatch(key)
    if match is None:
        return None
    action, _, entry_id = match.group(2).partition(":")
    return PracticeKey(match.group(1), action, int(entry_id) if entry_id else None)


WEEKLY_REVIEW_NEW = "weekly-review:new"
_WEEKLY_REVIEW_EDIT = re.compile(r"weekly-review:edit:([0-9]{1,18})")


def weekly_review_edit(review_id: int) -> str:
    return f"weekly-review:edit:{review_id}"


def weekly_review_id(key: str) -> int | None:
    """The review a draft of changes is about; None if the key isn't one."""
    match = _WEEKLY_REVIEW_EDIT.fullmatch(key)
    return int(match.group(1)) if match else None


SESSION_NOTE = "session-note:new"


def session_note_edit(note_id: int) -> str:
    return f"session-note:edit:{note_id}"


def assessment_slug(key: str) -> str | None:
    prefix, _, slug = key.partition(":")
    return slug if prefix == "assessment" and slug else None
