"""Choosing what a therapist sees: one category at a time, nothing by default, at once."""

import html
from datetime import date

import pytest
from django.http import Http404
from django.urls import reverse

from selftrust.care import categories
from selftrust.care.access import open_for_therapist
from selftrust.care.links import end_link
from selftrust.care.models import CareLink
from tests.care.conftest import link_between, make_therapist, signed_in_verified

pytestmark = pytest.mark.django_db
HOME = reverse("care:home")


def sharing_url(link) -> str:
    return reverse("care:sharing", args=[link.pk])


def field(link, name: str) -> str:
    return f"link-{link.pk}-{name}"


def verified(therapist):
    """The therapist as django-otp leaves them after two-factor sign-in."""
    therapist.is_verified = lambda: True
    return therapist


def test_every_category_is_offered_with_its_words_and_none_is_ticked(owner_client, user, therapist):
    link = link_between(user, therapist)
    page = owner_client.get(HOME).content.decode()
    for category in categories.all_categories():
        assert f'value="{category.slug}"' in page
        assert category.explains in page
    assert f'name="{field(link, "shared")}"' in page
    assert " checked" not in page


def test_the_page_says_warnings_travel_with_their_category_and_nobody_is_alerted(
    owner_client, user, therapist
):
    link_between(user, therapist)
    page = owner_client.get(HOME).content.decode()
    assert "an answer about hurting yourself was above 0" in page
    assert "read as being in crisis" in page
    assert f"{therapist.username} is not alerted" in page
    assert "Nobody outside Selftrust is told" in page


def test_saving_shares_what_was_ticked_from_the_next_request(owner_client, user, therapist):
    link = link_between(user, therapist)
    with pytest.raises(Http404):
        open_for_therapist(verified(therapist), user.pk, categories.MOOD)
    response = owner_client.post(
        sharing_url(link),
        {field(link, "shared"): [categories.MOOD, "practice-thought-record"]},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{HOME}#link-{link.pk}"
    link.refresh_from_db()
    assert link.shared == [categories.MOOD, "practice-thought-record"]
    assert open_for_therapist(verified(therapist), user.pk, categories.MOOD)


def test_unticking_everything_shares_nothing_at_once(owner_client, user, therapist):
    link = link_between(user, therapist, shared=[categories.MOOD])
    response = owner_client.post(sharing_url(link), {}, follow=True)
    assert "sees nothing of yours now" in response.content.decode()
    with pytest.raises(Http404):
        open_for_therapist(verified(therapist), user.pk, categories.MOOD)


def test_what_is_shared_shows_ticked_next_time(owner_client, user, therapist):
    link = link_between(user, therapist, shared=[categories.SAFETY_PLAN])
    page = owner_client.get(HOME).content.decode()
    assert f'value="{categories.SAFETY_PLAN}" id="share-{link.pk}-safety-plan"' in page
    assert page.count(" checked") == 1


def test_a_share_from_date_is_kept(owner_client, user, therapist):
    link = link_between(user, therapist)
    owner_client.post(
        sharing_url(link),
        {field(link, "shared"): [categories.MOOD], field(link, "shared_from"): "2026-09-01"},
    )
    link.refresh_from_db()
    assert link.shared_from == date(2026, 9, 1)


def test_a_date_that_does_not_parse_is_explained_and_nothing_changes(owner_client, user, therapist):
    link = link_between(user, therapist, shared=[categories.MOOD])
    response = owner_client.post(
        sharing_url(link),
        {field(link, "shared"): [categories.PROMISES], field(link, "shared_from"): "31/31/2026"},
    )
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "Nothing was changed" in page and "That date doesn't look right" in page
    link.refresh_from_db()
    assert link.shared == [categories.MOOD]


def test_something_that_is_not_a_category_is_refused_and_nothing_changes(
    owner_client, user, therapist
):
    link = link_between(user, therapist, shared=[categories.MOOD])
    response = owner_client.post(sharing_url(link), {field(link, "shared"): ["drafts"]})
    assert response.status_code == 400
    link.refresh_from_db()
    assert link.shared == [categories.MOOD]


def test_two_therapists_are_chosen_for_separately(owner_client, user, therapist):
    second = make_therapist()
    first_link = link_between(user, therapist)
    second_link = link_between(user, second)
    owner_client.post(sharing_url(first_link), {field(first_link, "shared"): [categories.MOOD]})
    second_link.refresh_from_db()
    assert second_link.shared == []


def test_another_person_cannot_change_what_i_share(client, user, other_user, therapist):
    link = link_between(user, therapist, shared=[categories.MOOD])
    client.force_login(other_user)
    response = client.post(sharing_url(link), {field(link, "shared"): [categories.SAFETY_PLAN]})
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.shared == [categories.MOOD]


def test_the_therapist_cannot_change_what_they_are_shown(user, therapist):
    link = link_between(user, therapist)
    client = signed_in_verified(therapist)
    response = client.post(sharing_url(link), {field(link, "shared"): [categories.SAFETY_PLAN]})
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.shared == []


def test_an_ended_link_cannot_be_shared_with_again(owner_client, user, therapist):
    link = link_between(user, therapist)
    end_link(link, "therapist")
    response = owner_client.post(sharing_url(link), {field(link, "shared"): [categories.MOOD]})
    assert response.status_code == 404
    assert CareLink.objects.get(pk=link.pk).shared == []
