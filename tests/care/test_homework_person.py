"""Homework on Today ("From your therapist"): open it, make a promise your own, or let it go."""

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.care import homework
from selftrust.care.links import end_link
from selftrust.care.models import HomeworkAnswer
from selftrust.promises.models import Promise
from tests.care.conftest import link_between, signed_in_verified
from tests.conftest import forget_kept_pages
from tests.factories import EntryFactory, PromiseFactory

pytestmark = pytest.mark.django_db
TODAY = reverse("promises:today")


@pytest.fixture
def link(user, therapist):
    return link_between(user, therapist)


def today_page(client) -> str:
    return client.get(TODAY).content.decode().replace("&#x27;", "'")


def test_today_shows_nothing_of_care_without_homework(owner_client):
    assert "From your therapist" not in today_page(owner_client)


def test_a_practice_opens_the_practice(owner_client, link):
    homework.assign(link, "practice", "win", note="Three this week")
    page = today_page(owner_client)
    assert "From your therapist" in page and "A small win" in page
    assert "Three this week" in page
    assert f'href="{reverse("practices:new", args=["win"])}"' in page


def test_a_lesson_opens_the_lesson_and_can_be_noted_as_read(owner_client, link):
    work = homework.assign(link, "lesson", "what-is-self-trust")
    assert f'href="{reverse("lessons:detail", args=["what-is-self-trust"])}"' in today_page(
        owner_client
    )
    owner_client.post(reverse("care:lesson-read", args=[work.pk]), {"next": TODAY})
    work.refresh_from_db()
    assert work.answer == HomeworkAnswer.ACCEPTED
    assert "From your therapist" not in today_page(owner_client)


def test_a_suggested_promise_opens_the_promise_form_with_its_words(owner_client, link):
    work = homework.assign(link, "promise", "Walk for ten minutes after lunch")
    page = owner_client.get(TODAY).content.decode()
    start = page.index(reverse("promises:create") + "?")
    href = page[start : page.index('"', start)].replace("&amp;", "&")
    query = parse_qs(urlparse(href).query)
    assert query == {"text": ["Walk for ten minutes after lunch"], "from_homework": [str(work.pk)]}
    form = owner_client.get(href).content.decode()
    assert "Walk for ten minutes after lunch" in form


def test_the_promise_made_in_the_persons_own_words_takes_the_suggestion_on(
    owner_client, user, link
):
    work = homework.assign(link, "promise", "Walk for ten minutes after lunch")
    url = f"{reverse('promises:create')}?from_homework={work.pk}"
    owner_client.post(url, {"text": "A short walk after lunch", "schedule": "daily"})
    promise = Promise.objects.get(user=user)
    work.refresh_from_db()
    assert (work.answer, work.promise, promise.text) == (
        HomeworkAnswer.ACCEPTED,
        promise,
        "A short walk after lunch",
    )
    assert "From your therapist" not in today_page(owner_client)


def test_someone_elses_suggestion_is_never_taken_on_through_my_promise(
    owner_client, user, other_user, therapist
):
    theirs = homework.assign(link_between(other_user, therapist), "promise", "Rest")
    url = f"{reverse('promises:create')}?from_homework={theirs.pk}"
    owner_client.post(url, {"text": "Rest a little", "schedule": "daily"})
    theirs.refresh_from_db()
    assert theirs.answer == HomeworkAnswer.OPEN
    assert Promise.objects.filter(user=user).count() == 1


def test_a_promise_form_with_a_nonsense_homework_id_still_saves_the_promise(owner_client, user):
    url = f"{reverse('promises:create')}?from_homework=not-a-number"
    owner_client.post(url, {"text": "Rest a little", "schedule": "daily"})
    assert Promise.objects.filter(user=user).count() == 1


def test_not_for_me_declines_without_asking_why(owner_client, link):
    work = homework.assign(link, "practice", "win")
    response = owner_client.post(
        reverse("care:not-for-me", args=[work.pk]), {"next": TODAY}, follow=True
    )
    page = response.content.decode().replace("&#x27;", "'")
    assert response.redirect_chain[-1][0] == TODAY
    assert "No reason needed" in page
    work.refresh_from_db()
    assert work.answer == HomeworkAnswer.DECLINED
    assert "From your therapist" not in page


def test_a_practice_is_done_once_an_entry_is_saved_after_it_was_set(owner_client, user, link):
    EntryFactory(user=user, practice="win", created_at=timezone.now() - timedelta(days=2))
    work = homework.assign(link, "practice", "win")
    assert homework.practice_done_at(work) is None
    assert "Done on" not in today_page(owner_client)
    EntryFactory(user=user, practice="win", created_at=timezone.now())
    assert homework.practice_done_at(work) is not None
    assert "Done on" in today_page(owner_client)


def test_an_entry_deleted_since_does_not_count_as_done(user, link):
    work = homework.assign(link, "practice", "win")
    EntryFactory(user=user, practice="win", created_at=timezone.now(), deleted_at=timezone.now())
    assert homework.practice_done_at(work) is None


def test_a_practice_done_on_an_earlier_day_leaves_today_and_stays_on_the_care_page(
    owner_client, user, link
):
    work = homework.assign(link, "practice", "win")
    homework_model = type(work)
    homework_model.objects.filter(pk=work.pk).update(assigned_at=timezone.now() - timedelta(days=3))
    EntryFactory(user=user, practice="win", created_at=timezone.now() - timedelta(days=2))
    assert "From your therapist" not in today_page(owner_client)
    assert "Done on" in owner_client.get(reverse("care:home")).content.decode()


def test_homework_of_an_ended_link_stays_to_keep_or_let_go(owner_client, link, therapist):
    # The therapist's end page promises it: "Suggestions of yours they haven't answered stay
    # with them to keep or let go."
    work = homework.assign(link, "practice", "win")
    end_link(link, "therapist")
    page = today_page(owner_client)
    assert "A small win" in page
    assert f"Your link with {therapist.username} ended on" in page
    care_page = owner_client.get(reverse("care:home")).content.decode()
    assert "A small win" in care_page
    owner_client.post(reverse("care:not-for-me", args=[work.pk]), {"next": TODAY})
    work.refresh_from_db()
    assert work.answer == HomeworkAnswer.DECLINED


def test_a_suggested_promise_of_an_ended_link_can_still_be_made_my_own(owner_client, link):
    work = homework.assign(link, "promise", "Drink water at lunch")
    end_link(link, "person")
    promise = PromiseFactory(user=link.person, text="Water at lunch")
    assert homework.take_on_suggested_promise(link.person, work.pk, promise)
    work.refresh_from_db()
    assert work.answer == HomeworkAnswer.ACCEPTED


def test_another_person_cannot_answer_homework_of_my_ended_link(client, other_user, link):
    work = homework.assign(link, "lesson", "what-is-self-trust")
    end_link(link, "therapist")
    client.force_login(other_user)
    assert client.post(reverse("care:not-for-me", args=[work.pk])).status_code == 404
    assert client.post(reverse("care:lesson-read", args=[work.pk])).status_code == 404
    work.refresh_from_db()
    assert work.answer == HomeworkAnswer.OPEN


def test_another_person_cannot_decline_or_read_my_homework(client, other_user, link):
    work = homework.assign(link, "lesson", "what-is-self-trust")
    client.force_login(other_user)
    assert client.post(reverse("care:not-for-me", args=[work.pk])).status_code == 404
    assert client.post(reverse("care:lesson-read", args=[work.pk])).status_code == 404
    work.refresh_from_db()
    assert work.answer == HomeworkAnswer.OPEN
    assert "From your therapist" not in today_page(client)


def test_the_therapist_cannot_answer_for_the_person(link, therapist):
    work = homework.assign(link, "practice", "win")
    client = signed_in_verified(therapist)
    assert client.post(reverse("care:not-for-me", args=[work.pk])).status_code == 404
    work.refresh_from_db()
    assert work.answer == HomeworkAnswer.OPEN


def test_homework_answered_already_cannot_be_declined_again(owner_client, link):
    work = homework.assign(link, "practice", "win")
    homework.take_on(work)
    assert owner_client.post(reverse("care:not-for-me", args=[work.pk])).status_code == 404


def test_a_practice_that_is_not_a_lesson_cannot_be_noted_as_read(owner_client, link):
    work = homework.assign(link, "practice", "win")
    assert owner_client.post(reverse("care:lesson-read", args=[work.pk])).status_code == 404


def test_the_care_page_lists_answered_homework_in_plain_words(owner_client, user, link):
    declined = homework.assign(link, "practice", "win")
    homework.decline(declined)
    page = owner_client.get(reverse("care:home")).content.decode()
    assert "You set this one aside." in page


def test_today_asks_the_same_questions_however_much_homework_is_waiting(
    client, user, link, django_assert_num_queries
):
    from tests.promises.test_query_counts import TODAY_QUERIES

    for _ in range(5):
        homework.assign(link, "practice", "win")
        homework.assign(link, "promise", "Rest")
    client.force_login(user)
    client.get(TODAY)
    # As many as without any: the homework and whether each practice was done, in one query.
    forget_kept_pages()  # made afresh: the kept page would ask only two
    with django_assert_num_queries(TODAY_QUERIES):
        page = client.get(TODAY).content.decode()
    assert page.count('class="homework-item"') == 10
