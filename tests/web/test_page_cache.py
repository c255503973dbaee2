"""Kept pages (web/page_cache.py): given out again only while nothing they show has changed.

Each test makes a page kept, changes something the way a person (or their therapist) does,
and checks the next page shows the change; and that a kept page never reaches anyone else.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from selftrust.accounts import data_version
from selftrust.accounts.deletion import delete_account
from selftrust.care.homework import assign
from selftrust.promises.models import CheckIn
from tests.care.conftest import link_between, make_therapist
from tests.factories import EntryFactory, PromiseFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = reverse("promises:today")
KEPT_PAGES = [
    reverse("promises:today"),
    reverse("promises:track_record"),
    reverse("practices:timeline"),
    reverse("practices:decisions"),
    reverse("practices:trust_experiments"),
    reverse("insights:progress"),
    reverse("insights:calendar"),
    reverse("insights:weekly_review_new"),
]
# Signed in, a kept page costs the session and the user, nothing more.
QUERIES_FOR_A_KEPT_PAGE = 2


def queries_for(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def csrf_tokens(page: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))


@pytest.mark.parametrize("url", KEPT_PAGES)
def test_a_second_look_is_given_out_as_kept_with_the_same_words(owner_client, user, url):
    PromiseFactory(user=user, text="Drink a glass of water")
    first_count, first = queries_for(owner_client, url)
    second_count, second = queries_for(owner_client, url)
    assert second_count == QUERIES_FOR_A_KEPT_PAGE < first_count
    # The same page, but for the CSRF tokens, which every answer makes afresh.
    assert re.sub(r"[A-Za-z0-9]{64}", "T", first) == re.sub(r"[A-Za-z0-9]{64}", "T", second)


def test_a_check_in_shows_at_once(owner_client, user):
    promise = PromiseFactory(user=user, text="Drink a glass of water")
    assert "You answered: kept." not in owner_client.get(TODAY).content.decode()
    owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"day": user.local_today().isoformat(), "outcome": "kept"},
    )
    page = owner_client.get(TODAY).content.decode()
    assert "Noted: kept." in page  # the message is shown once, on a page made fresh
    assert "You answered: kept." in page
    # The page after it is kept again, and still shows the answer.
    count, again = queries_for(owner_client, TODAY)
    assert "You answered: kept." in again and "Noted: kept." not in again
    assert count > QUERIES_FOR_A_KEPT_PAGE
    assert queries_for(owner_client, TODAY)[0] == QUERIES_FOR_A_KEPT_PAGE


def test_a_new_entry_shows_on_the_timeline_at_once(owner_client, user):
    owner_client.get(reverse("practices:timeline"))
    EntryFactory(user=user, practice="grounding", data={"before": 6, "exercise": "senses"})
    assert "Grounding" in owner_client.get(reverse("practices:timeline")).content.decode()


def test_homework_from_a_therapist_shows_on_today_at_once(owner_client, user):
    therapist = make_therapist()
    link = link_between(user, therapist)
    assert "From your therapist" not in owner_client.get(TODAY).content.decode()
    assign(link, "practice", "grounding", note="Try it before bed")
    assert "Try it before bed" in owner_client.get(TODAY).content.decode()


def test_a_kept_page_carries_a_token_for_the_session_that_reads_it(user):
    PromiseFactory(user=user, text="Drink a glass of water")
    phone, laptop = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    phone.force_login(user)
    laptop.force_login(user)
    phone.get(TODAY)  # kept now, with the phone's token in a placeholder
    count, page = queries_for(laptop, TODAY)
    assert count == QUERIES_FOR_A_KEPT_PAGE
    tokens = csrf_tokens(page)
    assert tokens and "\x00" not in page
    answer = laptop.post(
        reverse("promises:check_in", args=[user.promises.get().pk]),
        {
            "csrfmiddlewaretoken": tokens.pop(),
            "day": user.local_today().isoformat(),
            "outcome": "kept",
        },
    )
    assert answer.status_code == 302  # accepted: the token fits the laptop's session


def test_a_kept_page_is_never_given_to_someone_else(owner_client, user, other_user):
    PromiseFactory(user=user, text="Call my sister on Sunday")
    owner_client.get(TODAY)
    other = Client()
    other.force_login(other_user)
    assert "Call my sister on Sunday" not in other.get(TODAY).content.decode()


def test_a_new_account_given_a_deleted_ones_number_sees_only_its_own(client):
    gone = UserFactory()
    PromiseFactory(user=gone, text="Words of an account that was deleted")
    client.force_login(gone)
    client.get(TODAY)
    number = gone.pk
    delete_account(gone)
    newcomer = UserFactory(pk=number)  # SQLite gives a freed number out again
    fresh = Client()
    fresh.force_login(newcomer)
    assert "Words of an account that was deleted" not in fresh.get(TODAY).content.decode()


def test_the_timeline_is_made_fresh_while_an_undo_is_offered(owner_client, user):
    entry = EntryFactory(user=user, practice="grounding", data={"before": 6, "exercise": "senses"})
    owner_client.post(reverse("practices:delete", args=[entry.pk]))
    first_count, page = queries_for(owner_client, reverse("practices:timeline"))
    second_count, _ = queries_for(owner_client, reverse("practices:timeline"))
    assert second_count == first_count > QUERIES_FOR_A_KEPT_PAGE


def test_fragments_and_other_methods_are_never_kept(owner_client, user):
    PromiseFactory(user=user)
    owner_client.get(TODAY, {"earlier": "1"}, HTTP_HX_REQUEST="true")
    count, _ = queries_for(owner_client, TODAY)
    assert count > QUERIES_FOR_A_KEPT_PAGE  # the fragment kept nothing for the full page


def test_changing_the_time_zone_changes_the_page(owner_client, user):
    owner_client.get(TODAY)
    before = user.data_version
    user.time_zone = "Pacific/Auckland"
    user.save()
    user.refresh_from_db()
    assert user.data_version > before
    assert queries_for(owner_client, TODAY)[0] > QUERIES_FOR_A_KEPT_PAGE


def test_every_model_that_belongs_to_a_person_bumps_their_version_or_says_why_not():
    from django.apps import apps

    person = get_user_model()
    belonging = {
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("selftrust")
        and (
            model is person
            or any(
                field.is_relation and field.related_model in (person,) or _through_owner(field)
                for field in model._meta.get_fields()
                if field.concrete
            )
        )
    }
    assert belonging <= set(data_version.MODELS) | data_version.LEFT_OUT
    assert not set(data_version.MODELS) & data_version.LEFT_OUT


def _through_owner(field) -> bool:
    """A row that belongs to a person through its parent (a check-in through its promise)."""
    related = field.related_model if field.is_relation else None
    return related is not None and related._meta.label in data_version.MODELS


def test_deleting_an_account_does_not_bump_row_by_row(user):
    promise = PromiseFactory(user=user)
    CheckIn.objects.bulk_create(
        CheckIn(promise=promise, day=user.local_today(), outcome="kept") for _ in range(1)
    )
    with CaptureQueriesContext(connection) as queries:
        delete_account(user)
    assert not any("data_version" in query["sql"] for query in queries.captured_queries)
