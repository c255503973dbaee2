"""What I want to bring: write whenever, keep the drafts, mark as brought, change, delete."""

import pytest
from django.urls import reverse

from selftrust.care import session_notes
from selftrust.care.models import SESSION_NOTE_LIMIT, SessionNote
from selftrust.drafts import keys as draft_keys
from selftrust.drafts import store as drafts
from tests.care.conftest import signed_in_verified

pytestmark = pytest.mark.django_db
NOTES = reverse("care:notes")
SUPPORT = "You don't have to hold this alone"


def page_of(response) -> str:
    return response.content.decode().replace("&#x27;", "'")


def test_a_note_is_written_and_listed_to_bring(owner_client, user):
    response = owner_client.post(NOTES, {"text": "The argument with my sister"}, follow=True)
    assert "on your list to bring" in page_of(response)
    note = SessionNote.objects.get(person=user)
    assert note.text == "The argument with my sister" and note.brought_on is None
    assert "The argument with my sister" in page_of(owner_client.get(NOTES))


def test_the_short_form_on_the_care_page_comes_back_to_it(owner_client, user):
    home = reverse("care:home")
    assert 'action="/care/notes/"' in page_of(owner_client.get(home))
    response = owner_client.post(NOTES, {"text": "Sleep", "next": home})
    assert response["Location"] == home
    assert "Sleep" in page_of(owner_client.get(home))


def test_an_empty_note_is_explained_and_nothing_is_saved(owner_client, user):
    response = owner_client.post(NOTES, {"text": "   "})
    assert response.status_code == 400
    assert "There's nothing written yet." in page_of(response)
    assert not SessionNote.objects.exists()


def test_a_note_that_is_too_long_keeps_every_word_in_a_draft(owner_client, user):
    words = "a" * (SESSION_NOTE_LIMIT + 1)
    response = owner_client.post(NOTES, {"text": words})
    assert response.status_code == 400
    assert f"A note can be up to {SESSION_NOTE_LIMIT} characters" in page_of(response)
    assert drafts.get(user, draft_keys.SESSION_NOTE) == {"text": [words]}
    assert not SessionNote.objects.exists()


def test_a_kept_draft_comes_back_in_the_form_and_goes_once_saved(owner_client, user):
    drafts.save(user, draft_keys.SESSION_NOTE, {"text": ["Half a thought about"]})
    page = page_of(owner_client.get(NOTES))
    assert "Half a thought about" in page and "We kept what you were writing" in page
    owner_client.post(NOTES, {"text": "Half a thought about work"})
    assert drafts.get(user, draft_keys.SESSION_NOTE) is None


def test_the_form_saves_drafts_as_the_person_types(owner_client, user):
    autosave = reverse("drafts:autosave", args=[draft_keys.SESSION_NOTE])
    assert f'data-autosave="{autosave}"' in page_of(owner_client.get(NOTES))
    assert owner_client.post(autosave, {"text": "typing"}).status_code == 204
    assert drafts.get(user, draft_keys.SESSION_NOTE) == {"text": ["typing"]}


def test_nobody_can_keep_a_draft_of_changes_to_someone_elses_note(client, user, other_user):
    note = session_notes.write(user, "Mine")
    client.force_login(other_user)
    autosave = reverse("drafts:autosave", args=[draft_keys.session_note_edit(note.pk)])
    assert client.post(autosave, {"text": "theirs"}).status_code == 404


def test_words_that_read_as_crisis_are_saved_and_support_is_offered(owner_client, user):
    response = owner_client.post(NOTES, {"text": "I feel like I can't go on"}, follow=True)
    assert SUPPORT in page_of(response)
    assert SessionNote.objects.filter(person=user).count() == 1


def test_changed_words_are_screened_too(owner_client, user):
    note = session_notes.write(user, "Work")
    url = reverse("care:note-edit", args=[note.pk])
    response = owner_client.post(url, {"text": "I feel like I can't go on"}, follow=True)
    assert SUPPORT in page_of(response)


def test_a_note_can_be_changed(owner_client, user):
    note = session_notes.write(user, "Work")
    url = reverse("care:note-edit", args=[note.pk])
    assert "Work" in page_of(owner_client.get(url))
    owner_client.post(url, {"text": "Work, and the move"})
    note.refresh_from_db()
    assert note.text == "Work, and the move"


def test_marking_as_brought_keeps_the_note_under_already_brought(owner_client, user):
    note = session_notes.write(user, "Work")
    owner_client.post(reverse("care:note-brought", args=[note.pk]), {"brought": "1"})
    note.refresh_from_db()
    assert note.brought_on == user.local_today()
    page = page_of(owner_client.get(NOTES))
    assert "Already brought (1)" in page and "Nothing on the list right now." in page
    owner_client.post(reverse("care:note-brought", args=[note.pk]), {"brought": "0"})
    note.refresh_from_db()
    assert note.brought_on is None


def test_deleting_asks_first_then_removes_the_note_and_its_draft(owner_client, user):
    note = session_notes.write(user, "Work")
    drafts.save(user, draft_keys.session_note_edit(note.pk), {"text": ["Wor"]})
    url = reverse("care:note-delete", args=[note.pk])
    assert "Delete this note?" in page_of(owner_client.get(url))
    assert SessionNote.objects.filter(pk=note.pk).exists()
    owner_client.post(url)
    assert not SessionNote.objects.filter(pk=note.pk).exists()
    assert drafts.get(user, draft_keys.session_note_edit(note.pk)) is None


@pytest.mark.parametrize("name", ["care:note-edit", "care:note-delete", "care:note-brought"])
def test_another_person_can_neither_read_nor_change_my_note(client, user, other_user, name):
    note = session_notes.write(user, "Only mine")
    client.force_login(other_user)
    url = reverse(name, args=[note.pk])
    if name != "care:note-brought":
        assert client.get(url).status_code == 404
    assert client.post(url, {"text": "Changed", "brought": "1"}).status_code == 404
    note.refresh_from_db()
    assert (note.text, note.brought_on) == ("Only mine", None)
    assert "Only mine" not in page_of(client.get(NOTES))


def test_a_therapist_cannot_open_a_persons_notes_here(user, therapist):
    note = session_notes.write(user, "Only mine")
    client = signed_in_verified(therapist)
    assert client.get(NOTES).status_code == 404
    assert client.get(reverse("care:note-edit", args=[note.pk])).status_code == 404
