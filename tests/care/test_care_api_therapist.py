"""The therapist's side of care through the API: the caseload, a person's shared records in
their one shape, and homework. Every look is written down for the person; anything not
shared is 404 like someone not there."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from selftrust.api.api import api as the_api
from selftrust.care import categories, homework, session_notes
from selftrust.care.caseload import PER_PAGE
from selftrust.care.links import end_link
from selftrust.care.models import AccessRecord, CareLink, Homework
from tests.api.conftest import ApiClient
from tests.care.conftest import link_between, make_therapist, with_second_factor
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


@pytest.fixture
def api(client, user):
    return ApiClient(client, api_token_for(user))


@pytest.fixture
def therapist_api(client, therapist):
    with_second_factor(therapist)
    return ApiClient(client, api_token_for(therapist))


def link_sharing(person, therapist, *shared, shared_from=None):
    return link_between(person, therapist, shared=list(shared), shared_from=shared_from)


def looks(person):
    return list(
        AccessRecord.objects.filter(person=person).order_by("pk").values_list("category", "allowed")
    )


# --- the caseload ------------------------------------------------------------------------------


def test_the_caseload_lists_each_person_with_what_they_share(therapist_api, therapist, user):
    link = link_sharing(user, therapist, categories.QUESTIONNAIRES, categories.MOOD)
    link_sharing(UserFactory(), make_therapist())  # someone else's
    first = timezone.now() - timedelta(days=40)
    AssessmentResponseFactory(
        user=user, instrument_slug="phq-9", answers=[2] * 9, completed_at=first
    )
    AssessmentResponseFactory(user=user, instrument_slug="phq-9", answers=[0] * 9)
    homework.assign(link, "practice", "win", due_on=date(2030, 1, 1))
    response = therapist_api.get("/care/people")
    assert response.status_code == 200
    page = response.json()
    assert (page["count"], page["page"], page["pages"]) == (1, 1, 1)
    [person] = page["people"]
    assert person["id"] == user.pk
    assert person["username"] == user.username
    assert person["shared"] == [categories.MOOD, categories.QUESTIONNAIRES]
    assert [
        (m["instrument"], m["first"], m["latest"], m["reliable"]) for m in person["measures"]
    ] == [("phq-9", 18, 0, True)]
    assert (person["homework_open"], person["homework_next_due"]) == (1, "2030-01-01")


def test_measures_and_warnings_show_only_where_questionnaires_are_shared(
    therapist_api, therapist, user
):
    link_sharing(user, therapist, categories.MOOD)
    AssessmentResponseFactory(user=user, instrument_slug="phq-9", answers=[3] * 9)
    [person] = therapist_api.get("/care/people").json()["people"]
    assert (person["measures"], person["item_nine_on"]) == ([], None)


def test_the_caseload_comes_a_page_at_a_time_and_each_look_is_written_down(
    therapist_api, therapist
):
    people = [UserFactory() for _ in range(PER_PAGE + 1)]
    for person in people:
        link_sharing(person, therapist, categories.MOOD)
    first = therapist_api.get("/care/people").json()
    second = therapist_api.get("/care/people?page=2").json()
    assert (first["pages"], len(first["people"]), len(second["people"])) == (2, PER_PAGE, 1)
    assert AccessRecord.objects.filter(category="caseload").count() == PER_PAGE + 1


def test_an_unknown_sort_is_refused(therapist_api):
    response = therapist_api.get("/care/people?sort=age")
    assert response.status_code == 422
    assert response.json()["errors"] == {"sort": ["Use name, activity or homework."]}


def test_a_person_has_no_caseload(api):
    assert api.get("/care/people").status_code == 404


def test_after_the_link_ends_the_person_leaves_the_caseload(therapist_api, therapist, user):
    end_link(link_sharing(user, therapist, categories.MOOD), "person")
    assert therapist_api.get("/care/people").json()["people"] == []


# --- a person and their records -----------------------------------------------------------------


def test_a_linked_person_is_the_link_itself(therapist_api, therapist, user):
    link_sharing(user, therapist, categories.MOOD, shared_from=date(2026, 9, 1))
    response = therapist_api.get(f"/care/people/{user.pk}")
    assert response.json() == {
        "id": user.pk,
        "username": user.username,
        "linked_since": response.json()["linked_since"],
        "shared": [categories.MOOD],
        "shared_from": "2026-09-01",
        "last_session_on": None,
    }


def test_someone_not_linked_is_404_and_the_attempt_is_written_down(therapist_api, user):
    assert therapist_api.get(f"/care/people/{user.pk}").status_code == 404
    assert therapist_api.get(f"/care/people/{user.pk}/mood").status_code == 404
    assert looks(user) == [("link", False), (categories.MOOD, False)]


def test_a_shared_category_is_read_and_the_look_written_down(therapist_api, therapist, user):
    link_sharing(user, therapist, categories.MOOD)
    DailyCheckFactory(user=user, mood=2, note="Heavy week")
    response = therapist_api.get(f"/care/people/{user.pk}/mood")
    assert response.status_code == 200
    assert response.json()["daily_checks"] == [
        {
            "date": user.local_today().isoformat(),
            "mood": 2,
            "mood_words": "Low",
            "energy": 3,
            "energy_words": response.json()["daily_checks"][0]["energy_words"],
            "note": "Heavy week",
            "reads_as_crisis": False,
        }
    ]
    assert looks(user) == [(categories.MOOD, True)]


def test_a_category_not_shared_is_404_and_the_attempt_written_down(therapist_api, therapist, user):
    link_sharing(user, therapist, categories.MOOD)
    for path in ("promises", "questionnaires", "safety-plan", "session-notes", "practice-win"):
        assert therapist_api.get(f"/care/people/{user.pk}/{path}").status_code == 404, path
    assert [allowed for _category, allowed in looks(user)] == [False] * 5


def test_records_before_the_day_sharing_starts_stay_hidden(therapist_api, therapist, user):
    today = user.local_today()
    link_sharing(user, therapist, categories.PROMISES, shared_from=today - timedelta(days=3))
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=10))
    CheckInFactory(promise=promise, day=today - timedelta(days=5), note="Before")
    CheckInFactory(promise=promise, day=today - timedelta(days=1), note="After")
    check_ins = therapist_api.get(f"/care/people/{user.pk}/promises").json()["check_ins"]
    assert [c["note"] for c in check_ins] == ["After"]


def test_the_records_come_in_their_one_shape(therapist_api, therapist, user, client):
    link_sharing(user, therapist, categories.QUESTIONNAIRES, categories.PROMISES)
    result = AssessmentResponseFactory(user=user, instrument_slug="phq-9", answers=[1] * 9)
    promise = PromiseFactory(user=user)
    own = ApiClient(client, api_token_for(user))
    shared = therapist_api.get(f"/care/people/{user.pk}/questionnaires").json()["results"]
    assert shared == own.get("/assessments/phq-9/responses").json()
    assert shared[0]["id"] == result.pk and shared[0]["safety_alert"] is True
    promises = therapist_api.get(f"/care/people/{user.pk}/promises").json()["promises"]
    assert [{**p, "nudge": None} for p in promises] == [own.get(f"/promises/{promise.pk}").json()]


def test_words_that_read_as_crisis_are_marked_where_shared(therapist_api, therapist, user):
    link_sharing(user, therapist, categories.SESSION_NOTES)
    session_notes.write(user, "I want to end my life")
    session_notes.write(user, "Work was fine")
    notes = therapist_api.get(f"/care/people/{user.pk}/session-notes").json()["session_notes"]
    assert [(n["text"], n["reads_as_crisis"]) for n in notes] == [
        ("Work was fine", False),
        ("I want to end my life", True),
    ]


def test_the_safety_plan_comes_with_the_people_in_it(therapist_api, therapist, user):
    link_sharing(user, therapist, categories.SAFETY_PLAN)
    sam = TrustedPersonFactory(user=user, name="Sam")
    TrustedPersonFactory(user=user, name="Not in the plan")
    SafetyPlanFactory(user=user, help_people=[sam])
    shared = therapist_api.get(f"/care/people/{user.pk}/safety-plan").json()
    assert shared["safety_plan"]["help_people"] == [{"id": sam.pk, "name": "Sam"}]
    assert [p["name"] for p in shared["trusted_people"]] == ["Sam"]


def test_without_a_plan_the_shared_plan_is_empty(therapist_api, therapist, user):
    link_sharing(user, therapist, categories.SAFETY_PLAN)
    shared = therapist_api.get(f"/care/people/{user.pk}/safety-plan").json()
    assert shared == {"safety_plan": None, "trusted_people": []}


def test_each_practice_is_shared_on_its_own(therapist_api, therapist, user):
    link_sharing(user, therapist, categories.practice_category("win"))
    win = EntryFactory(user=user, practice="win")
    EntryFactory(user=user, practice="body-check-in")
    entries = therapist_api.get(f"/care/people/{user.pk}/practice-win").json()["entries"]
    assert [(e["id"], e["practice"]) for e in entries] == [(win.pk, "win")]
    assert therapist_api.get(f"/care/people/{user.pk}/practice-body-check-in").status_code == 404
    assert therapist_api.get(f"/care/people/{user.pk}/practice-no-such").status_code == 404


def test_weekly_reviews_are_shared_from_the_weeks_last_day(therapist_api, therapist, user):
    today = user.local_today()
    link_sharing(user, therapist, categories.WEEKLY_REVIEWS, shared_from=today)
    WeeklyReviewFactory(user=user, week_ending=today - timedelta(days=7), kept="Older")
    WeeklyReviewFactory(user=user, week_ending=today, kept="This week")
    reviews = therapist_api.get(f"/care/people/{user.pk}/weekly-reviews").json()
    assert [r["kept"] for r in reviews["weekly_reviews"]] == ["This week"]


def test_two_therapists_of_one_person_see_only_what_each_was_given(client, therapist, user):
    second = make_therapist()
    with_second_factor(therapist)
    with_second_factor(second)
    link_sharing(user, therapist, categories.MOOD)
    link_sharing(user, second, categories.PROMISES)
    first_api = ApiClient(client, api_token_for(therapist))
    second_api = ApiClient(client, api_token_for(second))
    assert first_api.get(f"/care/people/{user.pk}/mood").status_code == 200
    assert first_api.get(f"/care/people/{user.pk}/promises").status_code == 404
    assert second_api.get(f"/care/people/{user.pk}/promises").status_code == 200
    assert second_api.get(f"/care/people/{user.pk}/mood").status_code == 404


def test_a_therapists_token_works_only_with_two_factor_sign_in_set_up(client, therapist, user):
    link_sharing(user, therapist, categories.MOOD)
    token_only = ApiClient(client, api_token_for(therapist))
    assert token_only.get(f"/care/people/{user.pk}/mood").status_code == 401
    assert not AccessRecord.objects.exists()


def test_a_very_large_id_is_simply_not_found(therapist_api):
    assert therapist_api.get(f"/care/people/{2**63}").status_code in (404, 422)
    assert therapist_api.get(f"/care/people/{2**63 - 1}/mood").status_code == 404


# --- homework ---------------------------------------------------------------------------------


def test_a_suggestion_reaches_the_persons_open_homework(therapist_api, therapist, user, client):
    link_sharing(user, therapist)
    due = (user.local_today() + timedelta(days=7)).isoformat()
    response = therapist_api.post(
        f"/care/people/{user.pk}/homework",
        {"kind": "promise", "target": "A walk after lunch", "note": "Small", "due_on": due},
    )
    assert response.status_code == 201
    made = response.json()
    assert (made["kind"], made["title"], made["due_on"], made["answer"]) == (
        "promise",
        "A walk after lunch",
        due,
        "open",
    )
    own = ApiClient(client, api_token_for(user)).get("/care/homework").json()
    assert [h["id"] for h in own] == [made["id"]]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"kind": "practice", "target": "no-such-practice"}, "target"),
        ({"kind": "lesson", "target": "no-such-lesson"}, "target"),
        ({"kind": "chore", "target": "Tidy"}, "kind"),
        ({"kind": "practice", "target": "win", "due_on": "2020-01-01"}, "due_on"),
        ({"kind": "promise", "target": "<b>Loud</b>"}, "target"),
    ],
)
def test_a_suggestion_that_does_not_fit_is_refused_and_nothing_is_set(
    therapist_api, therapist, user, body, field
):
    link_sharing(user, therapist)
    response = therapist_api.post(f"/care/people/{user.pk}/homework", body)
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not Homework.objects.exists()


def test_a_homework_body_cannot_make_anyone_a_therapist(therapist_api, therapist, user):
    link_sharing(user, therapist)
    response = therapist_api.post(
        f"/care/people/{user.pk}/homework",
        {"kind": "practice", "target": "win", "is_therapist": True},
    )
    assert response.status_code == 422
    user.refresh_from_db()
    assert not user.is_therapist


def test_no_suggestion_for_someone_not_linked(therapist_api, user):
    body = {"kind": "practice", "target": "win"}
    assert therapist_api.post(f"/care/people/{user.pk}/homework", body).status_code == 404
    assert not Homework.objects.exists()


def test_whether_a_practice_is_done_shows_only_where_it_is_shared(therapist_api, therapist, user):
    link = link_sharing(user, therapist)
    homework.assign(link, "practice", "win")
    EntryFactory(user=user, practice="win")
    [hidden] = therapist_api.get(f"/care/people/{user.pk}/homework").json()
    assert hidden["done_at"] is None
    assert looks(user) == []
    CareLink.objects.filter(pk=link.pk).update(shared=[categories.practice_category("win")])
    [shown] = therapist_api.get(f"/care/people/{user.pk}/homework").json()
    assert shown["done_at"] is not None
    assert looks(user) == [(categories.practice_category("win"), True)]


def test_an_entry_before_the_shared_range_does_not_count_as_done(therapist_api, therapist, user):
    link = link_sharing(
        user,
        therapist,
        categories.practice_category("win"),
        shared_from=user.local_today() + timedelta(days=1),
    )
    homework.assign(link, "practice", "win")
    EntryFactory(user=user, practice="win")
    [item] = therapist_api.get(f"/care/people/{user.pk}/homework").json()
    assert item["done_at"] is None


def test_the_promise_made_from_a_suggestion_stays_the_persons_to_share(
    therapist_api, therapist, user
):
    link = link_sharing(user, therapist)
    suggestion = homework.assign(link, "promise", "A walk")
    homework.take_on(suggestion, PromiseFactory(user=user, text="A short walk"))
    [item] = therapist_api.get(f"/care/people/{user.pk}/homework").json()
    assert (item["answer"], item["promise_id"]) == ("accepted", None)


# --- nobody gains a role through the API ----------------------------------------------------------


def _every_name_in(schema) -> set[str]:
    names = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            names.add(key)
            if key == "properties" and isinstance(value, dict):
                names |= set(value)
            names |= _every_name_in(value)
    elif isinstance(schema, list):
        for value in schema:
            names |= _every_name_in(value)
    return names


def test_no_operation_takes_or_gives_a_role():
    names = _every_name_in(the_api.get_openapi_schema(path_prefix="/api/v1/"))
    assert not {"is_therapist", "is_staff", "is_superuser", "role"} & names
