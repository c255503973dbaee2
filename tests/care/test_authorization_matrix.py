"""Who may open what in care: every page and every API operation, for everyone who might ask.

Two tables below name, for every care page (walked from selftrust/care/urls*.py) and every
care API operation (walked from the API's routers), what each of these gets, with the link
between the person and their therapist active and ended:

- the person themself;
- their therapist, with the page's category shared, and with it not shared (for a page that
  shows no one category: everything shared, and nothing shared);
- another therapist (linked with someone else, sharing everything);
- another person (with a therapist of their own);
- someone not signed in;
- their therapist before two-factor sign-in (beyond the six the issue names).

A page or operation missing from its table fails `test_every_..._is_in_the_table`, so a new
one can't be added without saying who may open it. Every denial to someone signed in is a 404,
with the same body as for an id that doesn't exist; someone not signed in is sent to sign in
(the web) or told to (the API, 401), the same for ids that exist and ids that don't. And no
answer to anyone but the person, or their therapist with the category shared while the link
is active, holds the person's username or any of their words.
"""

import re
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

import selftrust.care
from selftrust.api.api import api
from selftrust.care import categories, homework, session_notes
from selftrust.care.links import create_invitation, end_link
from selftrust.care.models import CareLink
from tests.care.conftest import link_between, make_therapist, signed_in_verified
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    EntryFactory,
    PromiseFactory,
    SafetyPlanFactory,
    TrustedPersonFactory,
    UserFactory,
    api_token_for,
)
from tests.insights.factories import DailyCheckFactory, WeeklyReviewFactory

pytestmark = pytest.mark.django_db

PERSON = "person"
SHARED = "their therapist, shared"
NOT_SHARED = "their therapist, not shared"
OTHER_THERAPIST = "another therapist"
OTHER_PERSON = "another person"
ANONYMOUS = "not signed in"
UNVERIFIED = "their therapist, before two-factor"
ACTORS = (PERSON, SHARED, NOT_SHARED, OTHER_THERAPIST, OTHER_PERSON, ANONYMOUS, UNVERIFIED)
THERAPIST_ACTORS = (SHARED, NOT_SHARED, UNVERIFIED)

# Expected answers besides plain statuses.
LOGIN = "to sign in"  # 302 to the sign-in page, coming back here
TWO_FACTOR = "to two-factor"  # 302 to the two-factor step
MOVED_ON = "302 onwards"  # done, and on to another page (not sign-in, not two-factor)

# Every word the person wrote, and their username: none may reach anyone not allowed.
USERNAME = "marigold_person"
WORDS = {
    categories.PROMISES: ("Marigold promise", "Marigold check-in note"),
    categories.MOOD: ("Marigold mood note",),
    categories.SAFETY_PLAN: ("Marigold reason to live", "Marigold Friend"),
    categories.SESSION_NOTES: ("Marigold session note",),
    categories.WEEKLY_REVIEWS: ("Marigold weekly kept",),
    "practice-win": ("Marigold win words",),
}
EVERY_CATEGORY = [category.slug for category in categories.all_categories()]
MISSING_ID = 987_654


@dataclass
class World:
    person: object
    therapist: object
    other_therapist: object
    other_person: object
    link: CareLink
    invitation_id: int
    practice_homework_id: int
    lesson_homework_id: int
    note_id: int
    entry_id: int


def build_world(*, ended: bool) -> World:
    """The person with something in every category, their therapist, and two others each
    with a link of their own."""
    person = UserFactory(username=USERNAME)
    therapist = make_therapist()
    link = link_between(person, therapist, shared=EVERY_CATEGORY)
    promise = PromiseFactory(user=person, text="Marigold promise")
    CheckInFactory(promise=promise, note="Marigold check-in note")
    DailyCheckFactory(user=person, note="Marigold mood note")
    AssessmentResponseFactory(user=person, instrument_slug="phq-9", answers=[1] * 9)
    friend = TrustedPersonFactory(user=person, name="Marigold Friend")
    SafetyPlanFactory(
        user=person, reasons_for_living="Marigold reason to live", help_people=[friend]
    )
    note = session_notes.write(person, "Marigold session note")
    WeeklyReviewFactory(user=person, kept="Marigold weekly kept")
    entry = EntryFactory(
        user=person,
        practice="win",
        data={"win": "Marigold win words", "honoured": "Marigold win words too"},
        title="Marigold win words",
    )
    practice_homework = homework.assign(link, "practice", "win")
    lesson_homework = homework.assign(link, "lesson", _a_lesson())
    invitation, _code = create_invitation(person)

    other_person = UserFactory(username="someone_else")
    other_therapist = make_therapist(username="another_therapist")
    link_between(other_person, other_therapist, shared=EVERY_CATEGORY)
    session_notes.write(other_person, "Someone else's note")
    if ended:
        end_link(link, "person")
    return World(
        person=person,
        therapist=therapist,
        other_therapist=other_therapist,
        other_person=other_person,
        link=link,
        invitation_id=invitation.pk,
        practice_homework_id=practice_homework.pk,
        lesson_homework_id=lesson_homework.pk,
        note_id=note.pk,
        entry_id=entry.pk,
    )


def _a_lesson() -> str:
    from selftrust.lessons.catalog import ALL_LESSONS

    return ALL_LESSONS[0].slug


def share(world: World, actor: str, category: str | None) -> None:
    """What the link shares for this actor's row: the category, or everything but it."""
    if actor == NOT_SHARED:
        shared = [c for c in EVERY_CATEGORY if c != category] if category else []
    elif actor == SHARED and category:
        shared = [category]
    else:
        shared = EVERY_CATEGORY
    CareLink.objects.filter(pk=world.link.pk).update(shared=shared)


def who(world: World, actor: str):
    return {
        PERSON: world.person,
        SHARED: world.therapist,
        NOT_SHARED: world.therapist,
        UNVERIFIED: world.therapist,
        OTHER_THERAPIST: world.other_therapist,
        OTHER_PERSON: world.other_person,
        ANONYMOUS: None,
    }[actor]


def may_show(actor: str, ended: bool) -> bool:
    """May this answer hold anything of the person's? (What of it, exactly, is checked
    against the category where the page has one.)"""
    return actor == PERSON or (actor in (SHARED, NOT_SHARED) and not ended)


def leaks(body: str, actor: str, ended: bool, category: str | None) -> list[str]:
    """The person's username or words in an answer that should hold none of them."""
    if not may_show(actor, ended):
        return [w for w in [USERNAME, *sum(WORDS.values(), ())] if w.lower() in body.lower()]
    if actor == NOT_SHARED:
        hidden = WORDS.get(category, ()) if category else sum(WORDS.values(), ())
        return [w for w in hidden if w.lower() in body.lower()]
    return []


# --- the pages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """What each actor gets from one page and method, with the link active; `ended` changes
    some of them when the link has ended."""

    kwargs: str = ""  # the URL's arguments, by the world's attribute names: "link_id=link.pk"
    data: tuple = ()  # what a POST sends
    category: str | None = None
    person: object = 404
    shared: object = 404
    not_shared: object = 404
    other_therapist: object = 404
    other_person: object = 404
    anonymous: object = LOGIN
    unverified: object = TWO_FACTOR
    ended: tuple = ()  # (actor, answer) pairs for an ended link

    def expected(self, actor: str, ended: bool):
        if ended and actor in dict(self.ended):
            return dict(self.ended)[actor]
        return {
            PERSON: self.person,
            SHARED: self.shared,
            NOT_SHARED: self.not_shared,
            OTHER_THERAPIST: self.other_therapist,
            OTHER_PERSON: self.other_person,
            ANONYMOUS: self.anonymous,
            UNVERIFIED: self.unverified,
        }[actor]


LINK_ENDED = ((PERSON, 404),)
THERAPIST_LINK_ENDED = ((SHARED, 404), (NOT_SHARED, 404))
# The person's own pages: theirs to use; another person has pages of their own at the same
# address, and a therapist's account has no person's side.
OWN = {"person": 200, "other_person": 200}
# The therapist's pages of a person: for their therapist while the link is active, whatever
# is shared; 404 for everyone else.
OF_THE_LINK = {"shared": 200, "not_shared": 200, "ended": THERAPIST_LINK_ENDED}

PAGES: dict[tuple[str, str], Row] = {
    # The person's side (urls_person.py).
    ("home", "GET"): Row(**OWN, shared=200, not_shared=200, other_therapist=200),
    ("invite", "POST"): Row(**OWN),
    ("withdraw-invitation", "POST"): Row("invitation_id=invitation_id", person=MOVED_ON),
    ("sharing", "POST"): Row(
        "link_id=link.pk", (("shared", "mood"),), person=MOVED_ON, ended=LINK_ENDED
    ),
    ("end-link", "GET"): Row("link_id=link.pk", person=200, ended=LINK_ENDED),
    ("end-link", "POST"): Row("link_id=link.pk", person=MOVED_ON, ended=LINK_ENDED),
    ("session-held", "POST"): Row("link_id=link.pk", person=MOVED_ON, ended=LINK_ENDED),
    ("who-looked", "GET"): Row(**OWN),
    # Homework outlives its link: what the person has not answered stays theirs to answer.
    ("not-for-me", "POST"): Row(
        "homework_id=practice_homework_id", person=MOVED_ON, ended=((PERSON, MOVED_ON),)
    ),
    ("lesson-read", "POST"): Row(
        "homework_id=lesson_homework_id", person=MOVED_ON, ended=((PERSON, MOVED_ON),)
    ),
    ("notes", "GET"): Row(**OWN),
    ("notes", "POST"): Row(data=(("text", "A note"),), person=MOVED_ON, other_person=MOVED_ON),
    ("note-edit", "GET"): Row("note_id=note_id", person=200),
    ("note-edit", "POST"): Row("note_id=note_id", (("text", "Changed"),), person=MOVED_ON),
    ("note-delete", "GET"): Row("note_id=note_id", person=200),
    ("note-delete", "POST"): Row("note_id=note_id", person=MOVED_ON),
    ("note-brought", "POST"): Row("note_id=note_id", person=MOVED_ON),
    ("summary", "GET"): Row(**OWN),
    # The therapist's workspace (urls_therapist.py).
    ("therapist-caseload", "GET"): Row(shared=200, not_shared=200, other_therapist=200),
    ("therapist-accept", "GET"): Row(shared=200, not_shared=200, other_therapist=200),
    ("therapist-accept", "POST"): Row(shared=400, not_shared=400, other_therapist=400),
    ("therapist-person", "GET"): Row("person_id=person.pk", **OF_THE_LINK),
    ("therapist-entry", "GET"): Row(
        "person_id=person.pk entry_id=entry_id",
        category="practice-win",
        shared=200,
        ended=THERAPIST_LINK_ENDED,
    ),
    ("therapist-homework", "POST"): Row(
        "person_id=person.pk",
        (("kind", "lesson"), ("lesson", "__lesson__")),
        shared=MOVED_ON,
        not_shared=MOVED_ON,
        ended=THERAPIST_LINK_ENDED,
    ),
    ("therapist-summary", "GET"): Row("person_id=person.pk", **OF_THE_LINK),
    ("therapist-session-held", "POST"): Row(
        "person_id=person.pk", shared=MOVED_ON, not_shared=MOVED_ON, ended=THERAPIST_LINK_ENDED
    ),
    ("therapist-end", "GET"): Row("person_id=person.pk", **OF_THE_LINK),
    ("therapist-end", "POST"): Row(
        "person_id=person.pk", shared=MOVED_ON, not_shared=MOVED_ON, ended=THERAPIST_LINK_ENDED
    ),
    # Two-factor sign-in (urls_two_factor.py): a verified therapist is sent on; before it,
    # the step itself (nothing of anyone's there).
    ("two-factor", "GET"): Row(
        shared=MOVED_ON, not_shared=MOVED_ON, other_therapist=MOVED_ON, unverified=200
    ),
    ("two-factor-set-up", "GET"): Row(
        shared=MOVED_ON, not_shared=MOVED_ON, other_therapist=MOVED_ON, unverified=TWO_FACTOR
    ),
    # The clinic (urls_clinic.py): staff only, and none of these is staff.
    ("clinic-therapists", "GET"): Row(),
    ("clinic-create-therapist", "POST"): Row(data=(("username", "new_therapist"),)),
    ("clinic-switch-off-therapist", "POST"): Row("user_id=therapist.pk"),
}


def _names(patterns) -> set[str]:
    found = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found |= _names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found.add(pattern.name)
    return found


def care_page_names() -> set[str]:
    """Every named page in selftrust/care/urls*.py, each module read on its own."""
    folder = Path(selftrust.care.__file__).parent
    names: set[str] = set()
    for module in sorted(folder.glob("urls*.py")):
        names |= _names(import_module(f"selftrust.care.{module.stem}").urlpatterns)
    return names


def test_every_care_page_is_in_the_table():
    assert care_page_names() == {name for name, _method in PAGES}


def _value(world: World, path: str):
    value = world
    for part in path.split("."):
        value = getattr(value, part)
    return value


def page_url(world: World, name: str, row: Row, *, missing: bool = False) -> str:
    kwargs = {}
    for pair in row.kwargs.split():
        key, path = pair.split("=")
        kwargs[key] = MISSING_ID if missing else _value(world, path)
    return reverse(f"care:{name}", kwargs=kwargs)


def client_for(world: World, actor: str) -> Client:
    user = who(world, actor)
    if user is None:
        return Client()
    if user.is_therapist and actor != UNVERIFIED:
        return signed_in_verified(user)
    client = Client()
    client.force_login(user)
    return client


def post_data(row: Row) -> dict:
    from selftrust.lessons.catalog import ALL_LESSONS

    data = dict(row.data)
    for key, value in data.items():
        if value == "__lesson__":
            data[key] = ALL_LESSONS[-1].slug
    return data


def _ask(client: Client, method: str, url: str, row: Row, link_pk: int):
    if method == "GET":
        return client.get(url)
    data = post_data(row)
    if "shared" in data:  # the sharing form's fields carry the link's prefix
        data = {f"link-{link_pk}-{key}": value for key, value in data.items()}
    return client.post(url, data)


# What differs between two answers for reasons of their own: the CSRF token, masked afresh
# for every answer (64 letters and digits), and any nonce.
_VARYING = re.compile(r'\b[A-Za-z0-9]{64}\b|nonce="[^"]*"')


def _same_page(first: str, second: str, first_url: str, second_url: str) -> bool:
    def plain(body: str, url: str) -> str:
        return _VARYING.sub("", body).replace(url, "URL")

    return plain(first, first_url) == plain(second, second_url)


def judged(response, expected, *, url: str) -> str | None:
    """What is wrong with this answer, or None."""
    location = response.get("Location", "")
    if expected == LOGIN:
        wanted = f"{reverse('accounts:login')}?next="
        ok = response.status_code == 302 and location.startswith(wanted)
    elif expected == TWO_FACTOR:
        ok = response.status_code == 302 and location.startswith("/care/two-factor/")
    elif expected == MOVED_ON:
        ok = (
            response.status_code == 302
            and not location.startswith(reverse("accounts:login"))
            and not location.startswith("/care/two-factor/")
        )
    else:
        ok = response.status_code == expected
    if ok:
        return None
    return f"{response.status_code} {location}".strip() + f", expected {expected}"


@pytest.mark.parametrize("ended", [False, True], ids=["link active", "link ended"])
@pytest.mark.parametrize("name, method", list(PAGES), ids=[f"{n} {m}" for n, m in PAGES])
def test_each_page_answers_each_actor_as_the_table_says(name, method, ended):
    row = PAGES[(name, method)]
    world = build_world(ended=ended)
    problems = []
    for actor in ACTORS:
        cache.clear()
        with transaction.atomic():
            share(world, actor, row.category)
            if actor == UNVERIFIED:
                TOTPDevice.objects.create(user=world.therapist, name="App", confirmed=True)
            url = page_url(world, name, row)
            response = _ask(client_for(world, actor), method, url, row, world.link.pk)
            expected = row.expected(actor, ended)
            wrong = judged(response, expected, url=url)
            body = response.content.decode()
            leaked = leaks(body, actor, ended, row.category)
            # Denials look the same whether or not what was asked for exists.
            if not wrong and (expected in (404, LOGIN)) and row.kwargs:
                other_url = page_url(world, name, row, missing=True)
                other = _ask(client_for(world, actor), method, other_url, row, MISSING_ID)
                if other.status_code != response.status_code or (
                    expected == LOGIN
                    and other["Location"] != response["Location"].replace(url, other_url)
                ):
                    wrong = f"a missing id answers {other.status_code}"
                elif expected == 404 and not _same_page(
                    body, other.content.decode(), url, other_url
                ):
                    wrong = "the 404 differs from the one for a missing id"
            transaction.set_rollback(True)
        if wrong or leaked:
            problems.append(f"{actor}: {wrong or ''} {'leaks ' + str(leaked) if leaked else ''}")
    assert not problems, "\n".join(problems)


# The words of which categories each page shows (the summary gives the others as figures).
SHOWS_WORDS = {
    "therapist-person": set(WORDS),
    "therapist-summary": {categories.PROMISES, categories.SESSION_NOTES, "practice-win"},
}


@pytest.mark.parametrize("name", list(SHOWS_WORDS))
@pytest.mark.parametrize("category", sorted(WORDS))
def test_a_therapist_page_shows_each_category_only_while_it_is_shared(name, category):
    world = build_world(ended=False)
    client = signed_in_verified(world.therapist)
    url = reverse(f"care:{name}", args=[world.person.pk])
    CareLink.objects.filter(pk=world.link.pk).update(shared=[category])
    shown = client.get(url).content.decode()
    CareLink.objects.filter(pk=world.link.pk).update(
        shared=[c for c in EVERY_CATEGORY if c != category]
    )
    hidden = client.get(url).content.decode()
    if category in SHOWS_WORDS[name]:
        # The check can fail: what is shared is there (the summary names a practice's
        # entries by their titles).
        assert any(word in shown for word in WORDS[category])
    assert not [word for word in WORDS[category] if word in hidden]


# --- the API ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    """What each actor gets from one API operation with the link active; `ended` as above."""

    body: object = None
    category: str | None = None
    person: int = 404
    shared: int = 404
    not_shared: int = 404
    other_therapist: int = 404
    other_person: int = 404
    anonymous: int = 401
    unverified: int = 401
    ended: tuple = ()

    expected = Row.expected


API_OWN = {"person": 200, "other_person": 200}
API_OF_THE_LINK = {"shared": 200, "not_shared": 200, "ended": THERAPIST_LINK_ENDED}


def _category_operation(category: str) -> Operation:
    return Operation(category=category, shared=200, ended=THERAPIST_LINK_ENDED)


OPERATIONS: dict[tuple[str, str], Operation] = {
    # The person's side.
    ("GET", "/care/links"): Operation(**API_OWN),
    ("PUT", "/care/links/{link_id}/sharing"): Operation(
        {"shared": ["mood"]}, person=200, ended=LINK_ENDED
    ),
    ("DELETE", "/care/links/{link_id}"): Operation(person=204, ended=LINK_ENDED),
    ("POST", "/care/invitations"): Operation(person=201, other_person=201),
    ("GET", "/care/homework"): Operation(**API_OWN),
    ("POST", "/care/homework/{homework_id}/decline"): Operation(person=200, ended=((PERSON, 200),)),
    ("GET", "/care/session-notes"): Operation(**API_OWN),
    ("POST", "/care/session-notes"): Operation({"text": "A note"}, person=201, other_person=201),
    ("GET", "/care/looks"): Operation(**API_OWN),
    # The therapist's side.
    ("GET", "/care/people"): Operation(shared=200, not_shared=200, other_therapist=200),
    ("GET", "/care/people/{person_id}"): Operation(**API_OF_THE_LINK),
    ("GET", "/care/people/{person_id}/promises"): _category_operation(categories.PROMISES),
    ("GET", "/care/people/{person_id}/mood"): _category_operation(categories.MOOD),
    ("GET", "/care/people/{person_id}/questionnaires"): _category_operation(
        categories.QUESTIONNAIRES
    ),
    ("GET", "/care/people/{person_id}/safety-plan"): _category_operation(categories.SAFETY_PLAN),
    ("GET", "/care/people/{person_id}/session-notes"): _category_operation(
        categories.SESSION_NOTES
    ),
    ("GET", "/care/people/{person_id}/weekly-reviews"): _category_operation(
        categories.WEEKLY_REVIEWS
    ),
    ("GET", "/care/people/{person_id}/practice-{practice}"): _category_operation("practice-win"),
    ("GET", "/care/people/{person_id}/homework"): Operation(**API_OF_THE_LINK),
    ("POST", "/care/people/{person_id}/homework"): Operation(
        {"kind": "practice", "target": "win"},
        shared=201,
        not_shared=201,
        ended=THERAPIST_LINK_ENDED,
    ),
}


def care_operations() -> set[tuple[str, str]]:
    """Every operation of every router the API serves whose path is under /care."""
    found = set()
    for _prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            if not path.startswith("/care"):
                continue
            for operation in path_view.operations:
                found |= {(method, path) for method in operation.methods}
    return found


def test_every_care_api_operation_is_in_the_table():
    assert care_operations() == set(OPERATIONS)


def api_path(world: World, path: str, *, missing: bool = False) -> str:
    values = {
        "link_id": world.link.pk,
        "homework_id": world.practice_homework_id,
        "person_id": world.person.pk,
    }
    for name, value in values.items():
        path = path.replace("{" + name + "}", str(MISSING_ID if missing else value))
    return "/api/v1" + path.replace("{practice}", "win")


def api_headers(world: World, actor: str) -> dict:
    user = who(world, actor)
    if user is None:
        return {}
    if user.is_therapist and actor != UNVERIFIED:
        TOTPDevice.objects.get_or_create(user=user, name="App", defaults={"confirmed": True})
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_for(user)}"}


def _call(method: str, url: str, body, headers: dict):
    client = Client()
    if body is None:
        return getattr(client, method.lower())(url, **headers)
    return getattr(client, method.lower())(
        url, data=body, content_type="application/json", **headers
    )


@pytest.mark.parametrize("ended", [False, True], ids=["link active", "link ended"])
@pytest.mark.parametrize("method, path", list(OPERATIONS), ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_each_api_operation_answers_each_actor_as_the_table_says(method, path, ended):
    operation = OPERATIONS[(method, path)]
    world = build_world(ended=ended)
    problems = []
    for actor in ACTORS:
        cache.clear()
        with transaction.atomic():
            share(world, actor, operation.category)
            headers = api_headers(world, actor)
            url = api_path(world, path)
            response = _call(method, url, operation.body, headers)
            expected = operation.expected(actor, ended)
            wrong = None
            if response.status_code != expected:
                wrong = f"{response.status_code}, expected {expected}"
            body = response.content.decode()
            leaked = leaks(body, actor, ended, operation.category)
            if not wrong and expected in (401, 404) and "{" in path:
                other = _call(method, api_path(world, path, missing=True), operation.body, headers)
                if (other.status_code, other.content) != (response.status_code, response.content):
                    wrong = f"a missing id answers {other.status_code} {other.content!r}"
            transaction.set_rollback(True)
        if wrong or leaked:
            problems.append(f"{actor}: {wrong or ''} {'leaks ' + str(leaked) if leaked else ''}")
    assert not problems, "\n".join(problems)


def test_the_world_is_what_the_tables_assume():
    """The person's words are really there to be leaked: shared, an answer holds them."""
    world = build_world(ended=False)
    client = signed_in_verified(world.therapist)
    page = client.get(reverse("care:therapist-person", args=[world.person.pk])).content.decode()
    for words in WORDS.values():
        assert any(word in page for word in words), words
    assert USERNAME in page
