"""One autosave and one "clear it" for every form: practices, the safety plan, questionnaires."""

import pytest
from django.urls import reverse

from selftrust.drafts import store
from selftrust.drafts.models import Draft
from tests.drafts.factories import DraftFactory
from tests.factories import DecisionFactory, EntryFactory

pytestmark = pytest.mark.django_db


def autosave(client, key, data):
    return client.post(reverse("drafts:autosave", args=[key]), data)


def discard(client, key, data=None):
    return client.post(reverse("drafts:discard", args=[key]), data or {})


def test_every_kind_of_form_keeps_its_draft_through_the_same_url(owner_client, user):
    entry = EntryFactory(user=user, practice="win")
    decision = DecisionFactory(entry__user=user)
    keys = [
        "practice:win:new",
        f"practice:win:edit:{entry.pk}",
        f"practice:decision:review:{decision.entry_id}",
        "safety-plan",
        "assessment:phq-9",
    ]
    for key in keys:
        assert autosave(owner_client, key, {"words": "Half a thought"}).status_code == 204, key
    assert sorted(Draft.objects.filter(user=user).values_list("key", flat=True)) == sorted(keys)


@pytest.mark.parametrize(
    "key",
    [
        "practice:juggling:new",
        "practice:win:edit:999999",
        "assessment:not-a-test",
        "assessment:",
        "safety-plan:extra",
        "draft",
        "",
    ],
)
def test_a_key_naming_no_form_is_not_found_and_keeps_nothing(owner_client, key):
    url = f"/drafts/{key}/" if key else "/drafts//"
    assert owner_client.post(url, {"x": "y"}).status_code == 404
    assert not Draft.objects.exists()


def test_a_look_back_is_only_for_practices_that_have_one(owner_client, user):
    entry = EntryFactory(user=user, practice="win")
    assert autosave(owner_client, f"practice:win:review:{entry.pk}", {"x": "y"}).status_code == 404


def test_an_entry_is_named_with_its_own_practice(owner_client, user):
    entry = EntryFactory(user=user, practice="win")
    assert (
        autosave(owner_client, f"practice:mistake:edit:{entry.pk}", {"x": "y"}).status_code == 404
    )


def test_nobody_can_keep_a_draft_about_someone_elses_entry(owner_client, other_user):
    theirs = EntryFactory(user=other_user, practice="win")
    response = autosave(owner_client, f"practice:win:edit:{theirs.pk}", {"win": "sneaky"})
    assert response.status_code == 404
    assert not Draft.objects.exists()


def test_drafts_need_a_sign_in(client):
    response = autosave(client, "safety-plan", {"warning_signs": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert discard(client, "safety-plan").status_code == 302
    assert not Draft.objects.exists()


def test_autosave_and_clearing_need_a_post(owner_client, user):
    DraftFactory(user=user, key="safety-plan")
    assert owner_client.get(reverse("drafts:autosave", args=["safety-plan"])).status_code == 405
    assert owner_client.get(reverse("drafts:discard", args=["safety-plan"])).status_code == 405
    assert Draft.objects.filter(user=user).exists()


def test_a_draft_far_larger_than_any_form_is_refused_and_the_last_one_kept(owner_client, user):
    autosave(owner_client, "practice:win:new", {"win": "Mine"})
    huge = {"win": "x" * (store.MAX_CHARACTERS + 1)}
    assert autosave(owner_client, "practice:win:new", huge).status_code == 413
    assert store.get(user, "practice:win:new") == {"win": ["Mine"]}


def test_an_autosave_just_after_a_questionnaire_is_finished_is_ignored(owner_client, user):
    answers = {f"item_{n}": "0" for n in range(1, 8)}
    owner_client.post(reverse("assessments:take", args=["gad-7"]), {**answers, "action": "finish"})
    assert autosave(owner_client, "assessment:gad-7", answers).status_code == 204
    assert not Draft.objects.exists()


def test_clearing_goes_back_to_the_page_it_was_asked_from(owner_client, user):
    DraftFactory(user=user, key="practice:win:new")
    response = discard(owner_client, "practice:win:new", {"next": "/practice/win/new/"})
    assert response.status_code == 302 and response["Location"] == "/practice/win/new/"
    assert not Draft.objects.exists()
    page = owner_client.get("/practice/win/new/").content.decode()
    assert "Cleared. You can start fresh." in page
    assert "We kept what you were writing" not in page


@pytest.mark.parametrize(
    "key, back_to, message",
    [
        ("practice:win:new", "practices:hub", "Cleared. You can start fresh."),
        ("safety-plan", "safety:plan_edit", "Cleared. You can start from your saved plan."),
        ("assessment:phq-9", "assessments:overview", "Those answers are cleared."),
    ],
)
def test_without_a_page_to_go_back_to_clearing_goes_to_the_forms_own_place(
    owner_client, user, key, back_to, message
):
    DraftFactory(user=user, key=key)
    response = discard(owner_client, key, {"next": "https://elsewhere.example/"})
    assert response["Location"] == reverse(back_to)
    assert message in owner_client.get(response["Location"]).content.decode()


def test_clearing_my_draft_leaves_someone_elses_alone(owner_client, user, other_user):
    DraftFactory(user=user, key="safety-plan")
    DraftFactory(user=other_user, key="safety-plan")
    discard(owner_client, "safety-plan")
    assert list(Draft.objects.values_list("user", flat=True)) == [other_user.pk]


def test_clearing_a_key_naming_no_form_is_not_found(owner_client):
    assert discard(owner_client, "practice:juggling:new").status_code == 404
