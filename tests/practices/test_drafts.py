import pytest
from django.urls import reverse

from selftrust.drafts.models import Draft
from selftrust.practices.models import Entry
from tests.factories import PASSPHRASE

pytestmark = pytest.mark.django_db


def autosave(client, key, data):
    return client.post(reverse("drafts:autosave", args=[key]), data)


def test_typing_is_kept_as_a_draft_and_restored(owner_client, user):
    assert (
        autosave(
            owner_client,
            "practice:self-compassion:new",
            {"moment": "Rough morning 🌧️", "kind_words": "أنا بخير"},
        ).status_code
        == 204
    )
    page = owner_client.get(reverse("practices:new", args=["self-compassion"])).content.decode()
    assert "Rough morning 🌧️" in page and "أنا بخير" in page
    assert "We kept what you were writing" in page


def test_a_draft_survives_logging_out_and_in(client, user):
    client.force_login(user)
    autosave(client, "practice:mistake:new", {"what_happened": "Words I don't want to lose"})
    client.post(reverse("accounts:logout"))
    client.post(reverse("accounts:login"), {"username": user.username, "password": PASSPHRASE})
    page = client.get(reverse("practices:new", args=["mistake"])).content.decode()
    assert "Words I don&#x27;t want to lose" in page


def test_saving_clears_the_draft(owner_client, user):
    autosave(owner_client, "practice:win:new", {"win": "Half typed"})
    owner_client.post(reverse("practices:new", args=["win"]), {"win": "A full win"})
    assert not Draft.objects.exists()


def test_drafts_are_kept_even_for_text_that_would_not_validate(owner_client, user):
    autosave(owner_client, "practice:win:new", {"win": "x" * 300})
    assert Draft.objects.get().data["win"] == ["x" * 300]


def test_a_draft_can_be_cleared(owner_client, user):
    autosave(owner_client, "practice:win:new", {"win": "Half typed"})
    response = owner_client.post(
        reverse("drafts:discard", args=["practice:win:new"]),
        {"next": "https://elsewhere.example/"},
    )
    assert not Draft.objects.exists()
    # Never off to another site: back to the practices instead.
    assert response["Location"] == reverse("practices:hub")


def test_edit_drafts_restore_over_the_saved_text(owner_client, user):
    owner_client.post(reverse("practices:new", args=["win"]), {"win": "Saved words"})
    entry = Entry.objects.get()
    autosave(owner_client, f"practice:win:edit:{entry.pk}", {"win": "Edited but not saved"})
    page = owner_client.get(reverse("practices:edit", args=[entry.pk])).content.decode()
    assert "Edited but not saved" in page


def test_multi_choice_drafts_keep_every_choice(owner_client, user):
    autosave(
        owner_client,
        "practice:thought-record:new",
        {"situation": "x", "thinking_traps": ["labelling", "comparing"]},
    )
    page = owner_client.get(reverse("practices:new", args=["thought-record"])).content.decode()
    assert 'value="labelling"' in page
    assert page.count("checked") >= 2


@pytest.mark.parametrize(
    "key",
    [
        "practice:juggling:new",
        "practice:win:edit:999999",
        "practice:decision:review:abc",
        "practice:win:review:1",
        "new:win",
        "anything",
    ],
)
def test_unknown_draft_keys_are_not_found(owner_client, key):
    assert autosave(owner_client, key, {"x": "y"}).status_code == 404
    assert not Draft.objects.exists()


def test_another_persons_entry_cannot_get_a_draft(owner_client, other_user):
    entry = Entry.objects.create(
        user=other_user, practice="win", data={}, title="x", created_at="2026-11-01T10:00Z"
    )
    assert (
        autosave(owner_client, f"practice:win:edit:{entry.pk}", {"win": "sneaky"}).status_code
        == 404
    )


def test_drafts_need_a_login(client):
    assert autosave(client, "practice:win:new", {"win": "x"}).status_code == 302
    assert not Draft.objects.exists()
