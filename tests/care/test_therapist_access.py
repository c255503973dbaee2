"""Who may open the therapist's workspace, page by page: only a therapist who passed two-factor
sign-in, and of a person only through an active link. Every refusal is a 404 that says nothing
about whether the person exists; signed-out visitors go to the sign-in page."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from selftrust.care import categories, views_therapist
from selftrust.care.access import NotVerified
from selftrust.care.links import end_link
from selftrust.care.models import AccessRecord, CareLink, Homework
from tests.care.conftest import link_between, make_therapist, signed_in_verified
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

GROUNDING = categories.practice_category("grounding")
EVERYTHING = [category.slug for category in categories.all_categories()]


def pages_of(person, entry):
    """(method, url) of every therapist page that is about one person."""
    return [
        ("get", reverse("care:therapist-person", args=[person.pk])),
        ("get", reverse("care:therapist-entry", args=[person.pk, entry.pk])),
        ("get", reverse("care:therapist-summary", args=[person.pk])),
        ("get", reverse("care:therapist-end", args=[person.pk])),
        ("post", reverse("care:therapist-end", args=[person.pk])),
        ("post", reverse("care:therapist-homework", args=[person.pk])),
        ("post", reverse("care:therapist-session-held", args=[person.pk])),
    ]


WORKSPACE_PAGES = [reverse("care:therapist-caseload"), reverse("care:therapist-accept")]
HOMEWORK = {"kind": "lesson", "lesson": "self-compassion"}


def ask(client, method, url):
    if method == "post":
        return client.post(url, HOMEWORK)
    return client.get(url)


@pytest.fixture
def shared_entry(user, therapist):
    link_between(user, therapist, shared=EVERYTHING)
    return EntryFactory(user=user, practice="grounding")


def _nothing_changed(user, therapist):
    assert CareLink.objects.get(person=user, therapist=therapist).is_active
    assert not Homework.objects.exists()
    assert CareLink.objects.get(person=user, therapist=therapist).last_session_on is None


def test_the_linked_therapist_opens_every_page(user, therapist_client, shared_entry):
    for method, url in pages_of(user, shared_entry):
        if method == "get":
            assert therapist_client.get(url).status_code == 200, url
    for url in WORKSPACE_PAGES:
        assert therapist_client.get(url).status_code == 200, url


def test_signed_out_visitors_are_sent_to_sign_in(client, user, therapist, shared_entry):
    for method, url in [*pages_of(user, shared_entry), *(("get", u) for u in WORKSPACE_PAGES)]:
        response = ask(client, method, url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url
    _nothing_changed(user, therapist)


def test_a_person_who_is_not_a_therapist_gets_404_everywhere(
    client, user, other_user, therapist, shared_entry
):
    client.force_login(other_user)
    for method, url in [*pages_of(user, shared_entry), *(("get", u) for u in WORKSPACE_PAGES)]:
        assert ask(client, method, url).status_code == 404, url
    # Not even the person themselves may open the therapist's view of their own record.
    client.force_login(user)
    for method, url in pages_of(user, shared_entry):
        assert ask(client, method, url).status_code == 404, url
    _nothing_changed(user, therapist)


def test_a_therapist_without_two_factor_sign_in_is_sent_to_that_step(user, therapist, shared_entry):
    client = Client()
    client.force_login(therapist)
    for method, url in [*pages_of(user, shared_entry), *(("get", u) for u in WORKSPACE_PAGES)]:
        response = ask(client, method, url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("care:two-factor")), url
    _nothing_changed(user, therapist)
    assert not AccessRecord.objects.exists()


def test_the_workspace_itself_sends_an_unverified_therapist_to_two_factor_sign_in(therapist, rf):
    """Whatever runs before it, the workspace's own guard refuses too (views_therapist.py)."""
    request = rf.get("/care/therapist/?sort=name")
    therapist.is_verified = lambda: False
    request.user = therapist
    response = views_therapist.caseload(request)
    assert response.status_code == 302
    assert (
        response.url
        == f"{reverse('care:two-factor')}?{urlencode({'next': request.get_full_path()})}"
    )


def test_a_lapse_in_two_factor_while_the_page_is_made_is_sent_to_that_step_too(therapist, rf):
    @views_therapist.therapist_workspace
    def page(request):
        raise NotVerified

    request = rf.get("/care/therapist/")
    therapist.is_verified = lambda: True
    request.user = therapist
    assert page(request).url.startswith(reverse("care:two-factor"))


def test_another_therapist_gets_404_for_every_page_about_the_person(user, therapist, shared_entry):
    stranger = signed_in_verified(make_therapist())
    for method, url in pages_of(user, shared_entry):
        assert ask(stranger, method, url).status_code == 404, url
    _nothing_changed(user, therapist)


def test_after_the_link_ends_every_page_about_the_person_is_404(
    user, therapist, therapist_client, shared_entry
):
    end_link(CareLink.objects.get(person=user, therapist=therapist), "person")
    for method, url in pages_of(user, shared_entry):
        assert ask(therapist_client, method, url).status_code == 404, url
    assert not Homework.objects.exists()


def test_a_person_who_does_not_exist_is_404_like_one_not_linked(therapist_client):
    for url in (
        reverse("care:therapist-person", args=[999999]),
        reverse("care:therapist-summary", args=[999999]),
        reverse("care:therapist-entry", args=[999999, 1]),
    ):
        assert therapist_client.get(url).status_code == 404


def test_two_therapists_of_one_person_each_see_only_what_they_were_given(user, therapist):
    link_between(user, therapist, shared=[GROUNDING])
    second = make_therapist()
    link_between(user, second, shared=[categories.SAFETY_PLAN])
    entry = EntryFactory(user=user, practice="grounding")
    url = reverse("care:therapist-entry", args=[user.pk, entry.pk])
    assert signed_in_verified(therapist).get(url).status_code == 200
    assert signed_in_verified(second).get(url).status_code == 404
    assert AccessRecord.objects.filter(therapist=second, category=GROUNDING, allowed=False).exists()
    page = signed_in_verified(second).get(reverse("care:therapist-person", args=[user.pk]))
    assert "Safety plan" in page.text
    assert 'id="practices-heading"' not in page.text
