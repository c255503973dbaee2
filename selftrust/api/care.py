"""Care through the API: the person beside their therapist, and the therapist's side.

The rules are the web pages' own: care/links.py, homework.py and session_notes.py, filled
through the same forms. Each thing goes out in its one shape (each app's shapes.py), as the
export writes it.

Each side sees nothing of the other's operations: a therapist's token gets 404 from the
person's, and a person's token 404 from the therapist's. Every look by a therapist at a
person's records passes `care.access.open_for_therapist`, once per category it reads: it
re-reads the link, writes the row the person reads in "Who looked" (whether or not anything
is shown), and raises 404 for anything not shared, an unlinked person, or a link that has
ended, so "not shared" and "no such person" can't be told apart. Therapists never read that
audit, and nothing here can make anyone a therapist: no body takes such a field (a field
this doesn't know is refused by name), and no answer holds one.
"""

from datetime import date, datetime
from typing import Annotated

from django.http import Http404
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from ninja import Field, Query, Schema
from pydantic import WithJsonSchema

from selftrust.api.assessments import ResponseOut
from selftrust.api.errors import InputRefused
from selftrust.api.insights import DailyCheckOut, WeeklyReviewOut
from selftrust.api.practices import EntryOut
from selftrust.api.router import Router
from selftrust.api.safety import SafetyPlanOut, TrustedPersonOut, support_for
from selftrust.api.schemas import (
    PLAIN_WORDS,
    CheckInOut,
    Day,
    Error,
    PromiseShape,
    Strict,
    SupportOut,
)
from selftrust.assessments import shapes as assessment_shapes
from selftrust.care import caseload, categories, records, shapes
from selftrust.care import homework as homework_rules
from selftrust.care import links as link_rules
from selftrust.care import session_notes as notes
from selftrust.care.access import open_for_therapist, open_link_for_therapist
from selftrust.care.forms import PersonSharingForm, SessionNoteForm
from selftrust.care.forms_therapist import HomeworkForm
from selftrust.care.measures import TRACKED
from selftrust.care.models import (
    NOTE_LIMIT,
    SESSION_NOTE_LIMIT,
    AccessRecord,
    EndedBy,
    Homework,
    HomeworkAnswer,
    HomeworkKind,
)
from selftrust.care.shared_record import shared_from_moment
from selftrust.insights import shapes as insight_shapes
from selftrust.insights.weekly_review import written_words as review_words
from selftrust.lessons.catalog import ALL_LESSONS
from selftrust.practices import shapes as practice_shapes
from selftrust.practices.catalog import PRACTICES
from selftrust.practices.services import written_words
from selftrust.promises import shapes as promise_shapes
from selftrust.safety import plan as plans
from selftrust.safety import shapes as safety_shapes

PERSON = "care: the person"
THERAPIST = "care: the therapist"
router = Router()

# The largest id the database can hold; anything bigger can't be anyone's.
LARGEST_ID = 2**63 - 1
CATEGORY = {"type": "string", "enum": [c.slug for c in categories.all_categories()]}
SORT = {"type": "string", "enum": list(caseload.SORTS)}
PRACTICE_SLUGS = list(PRACTICES)


def _id(value: int) -> int:
    if not 0 < value <= LARGEST_ID:
        raise Http404  # no database holds that id
    return value


def _person(request):
    """The signed-in person; a therapist's account has no person's side (404)."""
    if request.auth.is_therapist:
        raise Http404
    return request.auth


def _therapist(request):
    """The signed-in therapist; anyone else is told there is nothing here (404). Signed in
    with a token or a session, a therapist has passed two-factor sign-in (api/auth.py)."""
    if not request.auth.is_therapist:
        raise Http404
    return request.auth


# --- what goes out -----------------------------------------------------------------------------


class CarePersonOut(Schema):
    """A person as their therapist sees them: the link's own facts, none of their records."""

    id: int
    username: str
    linked_since: datetime
    shared: list[str] = Field(
        description="What they share with you, by category, in the order of their sharing page",
        json_schema_extra={"items": CATEGORY},
    )
    shared_from: date | None = Field(description="They share records from this day on; null: all")
    last_session_on: date | None = Field(description="The last session either of you marked")


class MeasureOut(Schema):
    instrument: str = Field(json_schema_extra={"enum": list(TRACKED)})
    first: int = Field(description="The first total they share")
    first_on: date
    latest: int
    latest_on: date
    taken: int = Field(description="How many results from the first to the latest, both included")
    change: int = Field(description="latest − first")
    reliable: bool = Field(description="Larger than the published reliable-change threshold")
    meaningful: bool = Field(description="Clinically meaningful improvement, by the same source")
    mark: str = Field(description="The mark in words; empty inside the thresholds")


class CaseloadPersonOut(CarePersonOut):
    last_activity: date | None = Field(
        description="The latest day with a record in what they share; null when none"
    )
    measures: list[MeasureOut] = Field(
        description="PHQ-9, GAD-7 and PCL-5, each they have taken, where they share their "
        "questionnaire results (docs/instruments.md has the thresholds and their sources)"
    )
    item_nine_on: date | None = Field(
        description="The day of the latest PHQ-9 whose question about hurting themselves was "
        "answered above 0, since the last session; only where they share questionnaire results"
    )
    homework_open: int = Field(description="Your suggestions they haven't answered yet")
    homework_next_due: date | None


class CaseloadOut(Schema):
    count: int = Field(description="How many people are linked with you")
    page: int
    pages: int
    per_page: int
    people: list[CaseloadPersonOut]


class SharedCheckInOut(CheckInOut):
    reads_as_crisis: bool = Field(
        description="The note reads as crisis: screened as you asked, never stored"
    )


class SharedPromisesOut(Schema):
    shared_from: date | None
    promises: list[PromiseShape] = Field(description="All their promises, oldest first")
    check_ins: list[SharedCheckInOut] = Field(
        description="How each day went, newest first, from the day they share from; a page "
        "of them, by limit and offset"
    )


class SharedDailyCheckOut(DailyCheckOut):
    reads_as_crisis: bool = Field(description="The note reads as crisis (never stored)")


class SharedMoodOut(Schema):
    shared_from: date | None
    daily_checks: list[SharedDailyCheckOut] = Field(description="Newest first; a page of them")


class SharedQuestionnairesOut(Schema):
    shared_from: date | None
    results: list[ResponseOut] = Field(
        description="Newest first; a page of them. safety_alert: the PHQ-9's question about "
        "hurting themselves was answered above 0"
    )


class SharedSafetyPlanOut(Schema):
    safety_plan: SafetyPlanOut | None = Field(
        description="As it is now (a plan is shared whole, whatever day they share from); "
        "null when they haven't written one"
    )
    trusted_people: list[TrustedPersonOut] = Field(description="The people the plan chooses")


class SessionNoteOut(Schema):
    id: int
    text: str
    created_at: datetime
    brought_on: date | None = Field(description="The day it was talked about; null: not yet")


class SharedSessionNoteOut(SessionNoteOut):
    reads_as_crisis: bool = Field(description="The words read as crisis (never stored)")


class SharedSessionNotesOut(Schema):
    shared_from: date | None
    session_notes: list[SharedSessionNoteOut] = Field(description="Newest first; a page of them")


class SharedWeeklyReviewOut(WeeklyReviewOut):
    reads_as_crisis: bool = Field(description="The words read as crisis (never stored)")


class SharedWeeklyReviewsOut(Schema):
    shared_from: date | None
    weekly_reviews: list[SharedWeeklyReviewOut] = Field(
        description="Newest first, by the week's last day; a page of them"
    )


class SharedEntryOut(EntryOut):
    reads_as_crisis: bool = Field(description="The words read as crisis (never stored)")


class SharedEntriesOut(Schema):
    shared_from: date | None
    practice: str = Field(json_schema_extra={"enum": PRACTICE_SLUGS})
    entries: list[SharedEntryOut] = Field(description="Newest first; a page of them")


class HomeworkOut(Schema):
    id: int
    therapist: str
    kind: str = Field(json_schema_extra={"enum": HomeworkKind.values})
    target: str = Field(description="A practice's slug, a lesson's slug, or the promise's words")
    title: str = Field(description="The practice's or lesson's name; a promise's words")
    note: str
    due_on: date | None
    assigned_at: datetime
    answer: str = Field(
        description="open, accepted (taken on) or declined",
        json_schema_extra={"enum": HomeworkAnswer.values},
    )
    answered_at: datetime | None
    promise_id: int | None = Field(
        description="The promise made from a suggested one, in the person's own words (null on "
        "the therapist's list: it is theirs to share with their promises)"
    )
    done_at: datetime | None = Field(
        description="A practice: when an entry of it was first saved after it was suggested. "
        "A therapist sees it only where the person shares that practice"
    )


class LinkOut(Schema):
    id: int
    therapist: str
    started_at: datetime
    ended_at: datetime | None
    ended_by: str | None = Field(
        json_schema_extra={"anyOf": [{"enum": EndedBy.values, "type": "string"}, {"type": "null"}]}
    )
    shared: list[str] = Field(
        description="What this therapist sees, by category", json_schema_extra={"items": CATEGORY}
    )
    shared_from: date | None = Field(description="Shared records start on this day; null: all")
    last_session_on: date | None


class InvitationOut(Schema):
    id: int
    code: str = Field(
        description="For your therapist: shown this once (only a digest of it is kept). It works "
        "once, for 24 hours"
    )
    expires_at: datetime
    accept_url: str = Field(description="The page where your therapist types the code, with it")


class LookOut(Schema):
    therapist: str
    category: str = Field(
        description="What they opened (a category of yours), or link: your page, asked for "
        "while not linked"
    )
    at: datetime
    allowed: bool = Field(description="false: it wasn't shared with them, and nothing was shown")


class SessionNoteSavedOut(SessionNoteOut):
    support: SupportOut


# --- what comes in -----------------------------------------------------------------------------


class Window(Schema):
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=10_000_000)


class CaseloadQuery(Schema):
    sort: Annotated[str, WithJsonSchema(SORT | {"default": caseload.DEFAULT_SORT})] = Field(
        caseload.DEFAULT_SORT, description="name, activity (latest first) or homework (soonest due)"
    )
    page: int = Field(1, ge=1, le=10_000_000, description="A page past the last gives the last")


class SharingIn(Strict):
    shared: list[str] = Field(
        description="Every category this therapist may see, all at once: what isn't named is not "
        "shared from the next request on. An empty list shares nothing",
        json_schema_extra={"items": CATEGORY},
    )
    shared_from: Day | None = Field(
        None, description="Share only what is from this day on; null or left out: everything"
    )


class HomeworkIn(Strict):
    kind: str = Field(
        description="practice, lesson or promise", json_schema_extra={"enum": HomeworkKind.values}
    )
    target: str = Field(
        description="For a practice, its slug ("
        + ", ".join(PRACTICE_SLUGS)
        + "); for a lesson, its slug ("
        + ", ".join(lesson.slug for lesson in ALL_LESSONS)
        + f"); for a promise, its words, up to 200 characters. {PLAIN_WORDS}",
        json_schema_extra={"maxLength": 200, "minLength": 1, "pattern": r"\S"},
    )
    note: str = Field(
        "",
        description=f"A note for them, up to {NOTE_LIMIT} characters. {PLAIN_WORDS}",
        json_schema_extra={"maxLength": NOTE_LIMIT},
    )
    due_on: Day | None = Field(None, description="By when: today or a day after it; optional")


class SessionNoteIn(Strict):
    text: str = Field(
        description=f"What you want to bring, up to {SESSION_NOTE_LIMIT} characters. {PLAIN_WORDS}",
        json_schema_extra={"maxLength": SESSION_NOTE_LIMIT, "minLength": 1, "pattern": r"\S"},
    )


# --- the therapist: the caseload and a person --------------------------------------------------


@router.get(
    "/care/people",
    response={200: CaseloadOut, 404: Error},
    summary="Your caseload: each person linked with you, a page at a time",
    description="Every figure comes only from what each person shares, inside the range they "
    "share; opening a page is written down for each person on it, category by category, as "
    "they can read in their list of looks. 404 for an account that isn't a therapist's.",
    tags=[THERAPIST],
)
def list_caseload(request, query: Query[CaseloadQuery]):
    therapist = _therapist(request)
    if query.sort not in caseload.SORTS:
        raise InputRefused({"sort": ["Use name, activity or homework."]})
    page = caseload.caseload_page(therapist, therapist.local_today(), query.sort, query.page)
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "per_page": page.paginator.per_page,
        "people": [shapes.caseload_row(row) for row in page.object_list],
    }


def _link(request, person_id: int):
    return open_link_for_therapist(_therapist(request), _id(person_id))


def _open(request, person_id: int, category: str):
    """The link, if `category` of this person is shared with the therapist asking; written
    down for the person either way; 404 otherwise."""
    return open_for_therapist(_therapist(request), _id(person_id), category)


@router.get(
    "/care/people/{person_id}",
    response=CarePersonOut,
    summary="A person linked with you, and what they share",
    description="404 when they aren't linked with you (or the link has ended).",
    tags=[THERAPIST],
)
def get_person(request, person_id: int):
    return shapes.person(_link(request, person_id))


def _page(queryset, window: Window) -> list:
    return list(queryset[window.offset : window.offset + window.limit])


def _shared_description(name: str) -> str:
    return (
        f"Only where they share {name}; 404 otherwise, as for someone not linked with you. "
        "Each look is written down for them to read."
    )


@router.get(
    "/care/people/{person_id}/promises",
    response=SharedPromisesOut,
    summary="Their promises and how each day went",
    description=_shared_description("their promises and track record"),
    tags=[THERAPIST],
)
def shared_promises(request, person_id: int, window: Query[Window]):
    link = _open(request, person_id, categories.PROMISES)
    return {
        "shared_from": link.shared_from,
        "promises": [promise_shapes.promise(p) for p in records.promises(link)],
        "check_ins": [
            {**promise_shapes.check_in(c), "reads_as_crisis": records.reads_as_crisis(c.note)}
            for c in _page(records.check_ins(link), window)
        ],
    }


@router.get(
    "/care/people/{person_id}/mood",
    response=SharedMoodOut,
    summary="Their daily mood and energy",
    description=_shared_description("their mood and energy"),
    tags=[THERAPIST],
)
def shared_mood(request, person_id: int, window: Query[Window]):
    link = _open(request, person_id, categories.MOOD)
    return {
        "shared_from": link.shared_from,
        "daily_checks": [
            {**insight_shapes.daily_check(c), "reads_as_crisis": records.reads_as_crisis(c.note)}
            for c in _page(records.daily_checks(link), window)
        ],
    }


@router.get(
    "/care/people/{person_id}/questionnaires",
    response=SharedQuestionnairesOut,
    summary="Their questionnaire results",
    description=_shared_description("their questionnaire results"),
    tags=[THERAPIST],
)
def shared_questionnaires(request, person_id: int, window: Query[Window]):
    link = _open(request, person_id, categories.QUESTIONNAIRES)
    return {
        "shared_from": link.shared_from,
        "results": [
            assessment_shapes.result(r) for r in _page(records.questionnaire_results(link), window)
        ],
    }


@router.get(
    "/care/people/{person_id}/safety-plan",
    response=SharedSafetyPlanOut,
    summary="Their safety plan, with the people in it",
    description=_shared_description("their safety plan"),
    tags=[THERAPIST],
)
def shared_safety_plan(request, person_id: int):
    link = _open(request, person_id, categories.SAFETY_PLAN)
    plan = plans.plan_for(link.person)
    if plan is None:
        return {"safety_plan": None, "trusted_people": []}
    chosen = {}
    for section in plans.SECTIONS:
        if section.people_field:
            chosen.update({p.pk: p for p in getattr(plan, section.people_field).all()})
    return {
        "safety_plan": safety_shapes.plan(plan),
        "trusted_people": [
            safety_shapes.trusted_person(p) for p in sorted(chosen.values(), key=_by_name)
        ],
    }


def _by_name(person) -> tuple:
    return (person.name.casefold(), person.pk)


@router.get(
    "/care/people/{person_id}/session-notes",
    response=SharedSessionNotesOut,
    summary="What they want to bring to your sessions",
    description=_shared_description("their notes for sessions"),
    tags=[THERAPIST],
)
def shared_session_notes(request, person_id: int, window: Query[Window]):
    link = _open(request, person_id, categories.SESSION_NOTES)
    return {
        "shared_from": link.shared_from,
        "session_notes": [
            {**shapes.session_note(n), "reads_as_crisis": records.reads_as_crisis(n.text)}
            for n in _page(records.session_notes(link), window)
        ],
    }


@router.get(
    "/care/people/{person_id}/weekly-reviews",
    response=SharedWeeklyReviewsOut,
    summary="Their weekly reviews",
    description=_shared_description("their weekly reviews"),
    tags=[THERAPIST],
)
def shared_weekly_reviews(request, person_id: int, window: Query[Window]):
    link = _open(request, person_id, categories.WEEKLY_REVIEWS)
    return {
        "shared_from": link.shared_from,
        "weekly_reviews": [
            {
                **insight_shapes.weekly_review(r),
                "reads_as_crisis": records.reads_as_crisis(*review_words(r)),
            }
            for r in _page(records.weekly_reviews(link), window)
        ],
    }


PracticeSlug = Annotated[str, WithJsonSchema({"type": "string", "enum": PRACTICE_SLUGS})]


@router.get(
    "/care/people/{person_id}/practice-{practice}",
    response=SharedEntriesOut,
    summary="Their entries in one practice",
    description="Each practice is shared on its own (its category is practice-<slug>: "
    + ", ".join(PRACTICE_SLUGS)
    + "). "
    + _shared_description("that practice's entries"),
    tags=[THERAPIST],
)
def shared_entries(request, person_id: int, practice: PracticeSlug, window: Query[Window]):
    link = _open(request, person_id, categories.practice_category(practice))
    return {
        "shared_from": link.shared_from,
        "practice": practice,
        "entries": [
            {
                **practice_shapes.entry(e),
                "reads_as_crisis": records.reads_as_crisis(*written_words(e)),
            }
            for e in _page(records.entries(link, practice), window)
        ],
    }


# --- the therapist: homework ---------------------------------------------------------------------


def _homework_seen_by(request, link) -> list[dict]:
    """Everything this therapist has suggested through this link, newest first. Whether a
    practice was done is read, and written down as a look, only where it is shared."""
    suggested = list(
        homework_rules.with_done_at(
            Homework.objects.filter(link=link).select_related("link__therapist"),
            since=shared_from_moment(link, link.person),
        ).order_by("-assigned_at", "-pk")
    )
    practices = {h.target for h in suggested if h.kind == HomeworkKind.PRACTICE}
    opened = set()
    for slug in sorted(practices):
        category = categories.practice_category(slug)
        if link.shares(category):
            link = open_for_therapist(request.auth, link.person_id, category)
            opened.add(slug)
    for item in suggested:
        if item.kind == HomeworkKind.PRACTICE and item.target not in opened:
            item.done_at = None
    return [shapes.homework(item, seen_by_therapist=True) for item in suggested]


@router.get(
    "/care/people/{person_id}/homework",
    response=list[HomeworkOut],
    summary="What you have suggested to them, and their answers",
    description="Newest first. Whether a practice was done shows only where they share that "
    "practice (done_at null otherwise). 404 when they aren't linked with you.",
    tags=[THERAPIST],
)
def list_homework_set(request, person_id: int):
    return _homework_seen_by(request, _link(request, person_id))


# The form's field for each kind's target, and the API's name for each of the form's fields.
_TARGET_FIELD = {
    HomeworkKind.PRACTICE: "practice",
    HomeworkKind.LESSON: "lesson",
    HomeworkKind.PROMISE: "promise",
}
_FROM_FORM = {"practice": "target", "lesson": "target", "promise": "target", "__all__": "body"}


@router.post(
    "/care/people/{person_id}/homework",
    response={201: HomeworkOut},
    summary="Suggest a practice, a lesson or a promise",
    description="It appears on their Today as something from you; they can take it on or let "
    "it go. Refused (422, nothing saved) for a practice or lesson that doesn't exist and a "
    "day before today. 404 when they aren't linked with you.",
    tags=[THERAPIST],
)
def set_homework(request, person_id: int, payload: HomeworkIn):
    link = _link(request, person_id)
    data = {"kind": payload.kind, "note": payload.note}
    if payload.kind in _TARGET_FIELD:
        data[_TARGET_FIELD[payload.kind]] = payload.target
    if payload.due_on is not None:
        data["due_on"] = payload.due_on.isoformat()
    form = HomeworkForm(data, today=request.auth.local_today())
    if not form.is_valid():
        raise InputRefused.from_form(form, rename=_FROM_FORM)
    try:
        made = homework_rules.assign(link, **form.assignment())
    except homework_rules.HomeworkProblem as problem:
        raise InputRefused({"target": [str(problem)]}) from problem
    made = Homework.objects.select_related("link__therapist").get(pk=made.pk)
    return 201, shapes.homework(made, seen_by_therapist=True)


# --- the person: links, sharing, invitations ------------------------------------------------------


def _own_link(request, link_id: int):
    link = link_rules.link_of_person(_person(request), _id(link_id))
    if link is None:
        raise Http404
    return link


@router.get(
    "/care/links",
    response={200: list[LinkOut], 404: Error},
    summary="Your therapists, and what each of them sees",
    description="Links in use now, newest first (ended ones are in your export). 404 for a "
    "therapist's account, which has no person's side.",
    tags=[PERSON],
)
def list_links(request):
    return [shapes.link(link) for link in link_rules.links_of_person(_person(request))]


@router.put(
    "/care/links/{link_id}/sharing",
    response=LinkOut,
    summary="Choose what a therapist sees",
    description="Send everything they may see: it replaces what was shared, and counts from "
    "their very next request. Nothing is shared unless named. Sharing questionnaire results "
    "also shows them when an answer about hurting yourself was above 0; sharing something "
    "you write in shows them where your words read as crisis. Nobody is alerted outside "
    "Selftrust. Refused (422, nothing changed) for a category Selftrust doesn't know.",
    tags=[PERSON],
)
def put_sharing(request, link_id: int, payload: SharingIn):
    link = _own_link(request, link_id)
    # As the sharing page posts it: the form, not this module, decides what can be shared.
    prefix = f"link-{link.pk}"
    posted = MultiValueDict()
    posted.setlist(f"{prefix}-shared", payload.shared)
    if payload.shared_from is not None:
        posted[f"{prefix}-shared_from"] = payload.shared_from.isoformat()
    form = PersonSharingForm(posted, link=link)
    if not form.is_valid():
        raise InputRefused.from_form(form)
    link_rules.set_sharing(link, form.cleaned_data["shared"], form.cleaned_data["shared_from"])
    return shapes.link(link)


@router.delete(
    "/care/links/{link_id}",
    response={204: None},
    summary="End the link with a therapist",
    description="At once: from their next request they see nothing of yours. Nothing of "
    "yours is deleted, and your homework stays yours to keep or let go.",
    tags=[PERSON],
)
def end_link(request, link_id: int):
    link_rules.end_link(_own_link(request, link_id), EndedBy.PERSON)
    return 204, None


@router.post(
    "/care/invitations",
    response={201: InvitationOut, 404: Error, 409: Error},
    summary="Make an invitation code for your therapist",
    description=f"Give them the code (or the link); it works once, for 24 hours, and links "
    f"them with you sharing nothing until you choose. At most "
    f"{link_rules.MOST_OPEN_INVITATIONS} codes wait at once: another is refused (409) until "
    "one is used, runs out or is withdrawn. 404 for a therapist's account.",
    tags=[PERSON],
)
def make_invitation(request):
    person = _person(request)
    if link_rules.open_invitations(person).count() >= link_rules.MOST_OPEN_INVITATIONS:
        return 409, {
            "detail": f"You have {link_rules.MOST_OPEN_INVITATIONS} codes waiting to be used. "
            "Please withdraw one on your care page first; nothing new was made."
        }
    invitation, code = link_rules.create_invitation(person)
    grouped = link_rules.grouped(code)
    return 201, {
        "id": invitation.pk,
        "code": grouped,
        "expires_at": invitation.expires_at,
        "accept_url": request.build_absolute_uri(f"{reverse('care:therapist-accept')}?code={code}"),
    }


# --- the person: homework, notes for sessions, who looked ----------------------------------------


@router.get(
    "/care/homework",
    response={200: list[HomeworkOut], 404: Error},
    summary="Suggestions from your therapists waiting for your answer",
    description="Soonest due first. To take a suggested promise on, make it in your own "
    "words (POST /promises); to let one go, decline it. 404 for a therapist's account.",
    tags=[PERSON],
)
def list_open_homework(request):
    return [shapes.homework(h) for h in homework_rules.waiting_for_person(_person(request))]


@router.post(
    "/care/homework/{homework_id}/decline",
    response=HomeworkOut,
    summary="Let a suggestion go",
    description="No reason needed, and nobody is told one. 404 when it isn't yours or was "
    "answered already.",
    tags=[PERSON],
)
def decline_homework(request, homework_id: int):
    waiting = homework_rules.waiting_for_person(_person(request))
    homework = waiting.filter(pk=_id(homework_id)).first()
    if homework is None:
        raise Http404
    homework_rules.decline(homework)
    return shapes.homework(homework)


@router.get(
    "/care/session-notes",
    response={200: list[SessionNoteOut], 404: Error},
    summary="What you want to bring to your sessions",
    description="Those still to bring first, newest first; then those brought. 404 for a "
    "therapist's account.",
    tags=[PERSON],
)
def list_session_notes(request):
    return [shapes.session_note(note) for note in notes.notes_of(_person(request))]


@router.post(
    "/care/session-notes",
    response={201: SessionNoteSavedOut, 404: Error},
    summary="Write something down to bring to your next session",
    description="Yours whether or not you share notes for sessions with a therapist. Refused "
    "(422, nothing saved) for tags in the words. A draft half-typed in the browser is left "
    "alone. 404 for a therapist's account.",
    tags=[PERSON],
)
def write_session_note(request, payload: SessionNoteIn):
    person = _person(request)
    form = SessionNoteForm({"text": payload.text})
    if not form.is_valid():
        raise InputRefused.from_form(form)
    note = notes.write(person, form.cleaned_data["text"])
    return 201, {**shapes.session_note(note), "support": support_for(note.text)}


@router.get(
    "/care/looks",
    response={200: list[LookOut], 404: Error},
    summary="Every time a therapist opened something of yours",
    description="Newest first, one look a row, including what they asked for and were not "
    "shown. Yours alone: a therapist's account gets 404.",
    tags=[PERSON],
)
def list_looks(request, window: Query[Window]):
    looks = AccessRecord.objects.filter(person=_person(request)).order_by("-at", "-pk")
    return [shapes.look(record) for record in _page(looks, window)]
