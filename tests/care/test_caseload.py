"""The caseload: each linked person, only from what they share, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from selftrust.care import categories
from selftrust.care.caseload import caseload_rows, sort_rows
from selftrust.care.homework import assign
from selftrust.care.links import end_link, mark_session_held
from selftrust.care.models import AccessRecord
from selftrust.insights.models import DailyCheck
from tests.care.conftest import link_between, make_therapist, signed_in_verified
from tests.factories import (
    AssessmentResponseFactory,
    CheckInFactory,
    EntryFactory,
    PromiseFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CASELOAD = reverse("care:therapist-caseload")
GROUNDING = categories.practice_category("grounding")


def phq9(user, total_per_item, days_ago=0, item_nine=0):
    answers = [total_per_item] * 8 + [item_nine]
    return AssessmentResponseFactory(
        user=user,
        instrument_slug="phq-9",
        answers=answers,
        completed_at=timezone.now() - timedelta(days=days_ago),
    )


def daily_check(user, days_ago=0, mood=3):
    return DailyCheck.objects.create(
        user=user, day=user.local_today() - timedelta(days=days_ago), mood=mood
    )


def row_of(therapist, person):
    rows = caseload_rows(therapist, therapist.local_today())
    return next(row for row in rows if row.link.person_id == person.pk)


def test_a_person_who_shares_nothing_shows_nothing_shared_yet(user, therapist, therapist_client):
    link_between(user, therapist)
    daily_check(user)
    response = therapist_client.get(CASELOAD)
    assert response.status_code == 200
    assert user.username in response.text
    assert "Nothing shared yet" in response.text


def test_last_activity_comes_only_from_categories_they_share(user, therapist):
    link_between(user, therapist, shared=[categories.MOOD])
    today = user.local_today()
    CheckInFactory(promise=PromiseFactory(user=user, starts_on=today), day=today)
    daily_check(user, days_ago=3)
    assert row_of(therapist, user).last_activity == today - timedelta(days=3)


def test_last_activity_before_the_day_they_share_from_is_not_shown(user, therapist):
    today = user.local_today()
    link_between(user, therapist, shared=[categories.MOOD], shared_from=today - timedelta(days=1))
    daily_check(user, days_ago=5)
    row = row_of(therapist, user)
    assert row.shares_anything and row.last_activity is None


def test_an_entry_counts_as_activity_only_when_its_practice_is_shared(user, therapist):
    link_between(user, therapist, shared=[GROUNDING])
    EntryFactory(user=user, practice="body-check-in")
    assert row_of(therapist, user).last_activity is None
    EntryFactory(user=user, practice="grounding")
    assert row_of(therapist, user).last_activity == user.local_today()


def test_measures_show_the_latest_total_and_its_change_since_the_first_one_shared(
    user, therapist, therapist_client
):
    link_between(user, therapist, shared=[categories.QUESTIONNAIRES])
    phq9(user, 2, days_ago=40)  # 16
    phq9(user, 1, days_ago=1)  # 8
    change = next(cell for cell in row_of(therapist, user).measures if cell.slug == "phq-9").change
    assert (change.first, change.latest, change.taken) == (16, 8, 2)
    assert change.reliable and change.meaningful
    response = therapist_client.get(CASELOAD)
    assert "down 8 since" in response.text
    assert "Clinically meaningful improvement" in response.text


def test_measures_count_only_results_from_the_day_they_share_from(user, therapist):
    today = user.local_today()
    link_between(
        user, therapist, shared=[categories.QUESTIONNAIRES], shared_from=today - timedelta(days=10)
    )
    phq9(user, 3, days_ago=30)  # before sharing starts: not the "first"
    phq9(user, 2, days_ago=5)
    phq9(user, 2, days_ago=1)
    change = next(cell for cell in row_of(therapist, user).measures if cell.slug == "phq-9").change
    assert (change.first, change.latest, change.taken) == (16, 16, 2)


def test_measures_and_warnings_need_questionnaires_shared(user, therapist, therapist_client):
    link_between(user, therapist, shared=[categories.MOOD])
    phq9(user, 2, item_nine=2)
    row = row_of(therapist, user)
    assert not row.shares_questionnaires and row.item_nine_on is None
    response = therapist_client.get(CASELOAD)
    assert "question 9" not in response.text
    assert "Not shared" in response.text


def test_question_nine_above_zero_since_the_last_session_is_shown(
    user, therapist, therapist_client
):
    link = link_between(user, therapist, shared=[categories.QUESTIONNAIRES])
    phq9(user, 1, days_ago=2, item_nine=1)
    assert row_of(therapist, user).item_nine_on == user.local_today() - timedelta(days=2)
    assert "PHQ-9 question 9 answered above 0" in therapist_client.get(CASELOAD).text
    mark_session_held(link, user.local_today() - timedelta(days=1))
    assert row_of(therapist, user).item_nine_on is None


def test_open_homework_shows_how_many_and_the_next_due_day(user, therapist):
    link = link_between(user, therapist)
    today = therapist.local_today()
    assign(link, "practice", "grounding", due_on=today + timedelta(days=5))
    assign(link, "lesson", "self-compassion", due_on=today + timedelta(days=2))
    row = row_of(therapist, user)
    assert (row.homework_open, row.homework_next_due) == (2, today + timedelta(days=2))


def test_an_ended_link_and_another_therapists_people_are_not_in_the_caseload(
    user, other_user, therapist, therapist_client
):
    end_link(link_between(user, therapist), "person")
    link_between(other_user, make_therapist())
    response = therapist_client.get(CASELOAD)
    assert user.username not in response.text
    assert other_user.username not in response.text
    assert "No one is linked with you yet" in response.text


def test_the_caseload_sorts_by_name_last_activity_and_homework_due(therapist):
    today = therapist.local_today()
    people = {name: UserFactory(username=name) for name in ("carol", "alex", "bea")}
    links = {
        name: link_between(person, therapist, shared=[categories.MOOD])
        for name, person in people.items()
    }
    daily_check(people["carol"], days_ago=1)
    daily_check(people["alex"], days_ago=9)
    assign(links["bea"], "lesson", "self-compassion", due_on=today + timedelta(days=1))
    assign(links["carol"], "lesson", "self-compassion", due_on=today + timedelta(days=4))
    rows = caseload_rows(therapist, today)

    def order(sort):
        return [row.name for row in sort_rows(rows, sort)]

    assert order("name") == ["alex", "bea", "carol"]
    assert order("activity") == ["carol", "alex", "bea"]
    assert order("homework") == ["bea", "carol", "alex"]


def test_sorting_is_offered_as_links_and_an_unknown_sort_is_by_name(therapist, therapist_client):
    link_between(UserFactory(username="zoe"), therapist)
    link_between(UserFactory(username="adam"), therapist)
    response = therapist_client.get(CASELOAD, {"sort": "nonsense"})
    assert response.status_code == 200
    assert response.text.index("adam") < response.text.index("zoe")
    assert 'href="?sort=activity"' in response.text


def test_a_page_holds_25_people_and_the_next_page_the_rest(therapist, therapist_client):
    for n in range(27):
        link_between(UserFactory(username=f"person-{n:02d}"), therapist)
    first = therapist_client.get(CASELOAD)
    assert "person-24" in first.text and "person-25" not in first.text
    assert "Page 1 of 2" in first.text
    second = therapist_client.get(CASELOAD, {"page": 2})
    assert "person-25" in second.text and "person-26" in second.text
    assert "person-00" not in second.text


def test_each_person_shown_is_written_down_once_per_shared_category_in_one_query(therapist):
    shown = UserFactory(username="aaron")
    link_between(shown, therapist, shared=[categories.MOOD, GROUNDING, categories.SAFETY_PLAN])
    for n in range(25):
        link_between(UserFactory(username=f"zed-{n:02d}"), therapist, shared=[categories.MOOD])
    on_page_two = UserFactory(username="zzz-last")
    link_between(on_page_two, therapist, shared=[categories.MOOD])
    client = signed_in_verified(therapist)
    with CaptureQueriesContext(connection) as queries:
        client.get(CASELOAD)
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "care_accessrecord"')]
    assert len(inserts) == 1
    # One glance at the person's line on the caseload: one row, whatever they share.
    assert list(AccessRecord.objects.filter(person=shown).values_list("category", flat=True)) == [
        "caseload"
    ]
    assert not AccessRecord.objects.filter(person=on_page_two).exists()


@pytest.mark.parametrize("sort", ["activity", "homework"])
def test_sorted_by_what_people_share_everyone_whose_data_set_the_order_is_written_down(
    therapist, sort
):
    people = [UserFactory(username=f"p-{n:02d}") for n in range(27)]
    for person in people:
        link_between(person, therapist, shared=[categories.MOOD])
    signed_in_verified(therapist).get(CASELOAD, {"sort": sort})
    # Page 1 shows 25, but the order came from all 27 people's shared activity.
    assert set(
        AccessRecord.objects.filter(category="caseload").values_list("person_id", flat=True)
    ) == {person.pk for person in people}


def test_someone_sharing_nothing_the_caseload_reads_has_no_caseload_look(therapist):
    only_plan = UserFactory()
    link_between(only_plan, therapist, shared=[categories.SAFETY_PLAN])
    signed_in_verified(therapist).get(CASELOAD)
    assert not AccessRecord.objects.filter(person=only_plan).exists()


def _caseload_of(therapist, how_many):
    today = therapist.local_today()
    for n in range(how_many):
        person = UserFactory()
        link = link_between(
            person,
            therapist,
            shared=[categories.PROMISES, categories.MOOD, categories.QUESTIONNAIRES, GROUNDING],
        )
        CheckInFactory(promise=PromiseFactory(user=person, starts_on=today), day=today)
        daily_check(person)
        EntryFactory(user=person, practice="grounding")
        phq9(person, 2, days_ago=20)
        phq9(person, 1, item_nine=1)
        assign(link, "practice", "grounding", due_on=today + timedelta(days=n % 5))


def _queries_for_caseload(therapist, sort):
    client = signed_in_verified(therapist)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CASELOAD, {"sort": sort})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("sort", ["name", "activity", "homework"])
def test_the_caseload_asks_the_same_number_of_queries_for_3_and_30_people(sort):
    small, large = make_therapist(), make_therapist()
    _caseload_of(small, 3)
    _caseload_of(large, 30)
    assert _queries_for_caseload(small, sort) == _queries_for_caseload(large, sort)


def test_the_caseload_of_30_people_takes_at_most_a_dozen_queries(django_assert_max_num_queries):
    therapist = make_therapist()
    _caseload_of(therapist, 30)
    client = signed_in_verified(therapist)
    with django_assert_max_num_queries(12):
        client.get(CASELOAD)
