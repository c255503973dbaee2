"""The daily check's note is kept as it is typed: back in the card on Today's next look, gone
once the card is saved, and kept when a plain form's answer is refused."""

import pytest
from django.urls import reverse

from selftrust.drafts import store
from selftrust.drafts.keys import DAILY_CHECK
from selftrust.drafts.models import Draft
from selftrust.insights.models import DailyCheck, Energy, Mood
from tests.factories import UserFactory
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db
URL = reverse("insights:daily_check")
TODAY_URL = reverse("promises:today")
AUTOSAVE = reverse("drafts:autosave", args=[DAILY_CHECK])
HTMX = {"HX-Request": "true"}
NOTE = "Heavy morning, lighter after tea 🍵 · יום קשה"


def note_box(page: str) -> str:
    start = page.index('id="daily-check-note"')
    return page[start : page.index(">", start)].split('value="', 1)[1].split('"', 1)[0]


def test_the_note_box_keeps_a_draft_as_it_is_typed(owner_client):
    page = owner_client.get(TODAY_URL).content.decode()
    assert f'hx-post="{AUTOSAVE}"' in page and note_box(page) == ""
    assert AUTOSAVE == "/drafts/daily-check/"


def test_a_note_typed_comes_back_in_the_card_on_the_next_look(owner_client, user):
    owner_client.get(TODAY_URL)  # kept as rendered: the draft must still show
    data = {"day": user.local_today().isoformat(), "note": NOTE}
    assert owner_client.post(AUTOSAVE, data).status_code == 204
    page = owner_client.get(TODAY_URL).content.decode()
    assert note_box(page) == NOTE
    assert "We kept the note you were writing" in page


def test_a_note_typed_over_a_saved_one_comes_back_instead_of_it(owner_client, user):
    DailyCheckFactory(user=user, day=user.local_today(), mood=Mood.OKAY, note="Saved words")
    owner_client.post(AUTOSAVE, {"note": "Saved words, and then some"})
    assert note_box(owner_client.get(TODAY_URL).content.decode()) == "Saved words, and then some"


def test_saving_the_card_lets_the_draft_go_and_a_late_autosave_is_ignored(owner_client, user):
    today = user.local_today().isoformat()
    owner_client.post(AUTOSAVE, {"day": today, "note": NOTE})
    assert store.get(user, DAILY_CHECK)["note"] == [NOTE]
    response = owner_client.post(
        URL, {"day": today, "mood": Mood.LOW, "note": "A slow day"}, headers=HTMX
    )
    assert "Saved." in response.content.decode()
    assert "We kept the note" not in response.content.decode()
    assert DailyCheck.objects.get(user=user).note == "A slow day"
    assert not Draft.objects.filter(user=user).exists()
    owner_client.post(AUTOSAVE, {"day": today, "note": "A slow d"})  # late, just after
    assert not Draft.objects.filter(user=user).exists()
    page = owner_client.get(TODAY_URL).content.decode()
    assert note_box(page) == "A slow day" and "We kept the note" not in page


def test_a_plain_forms_refusal_keeps_the_note_for_today(owner_client, user):
    # Without JavaScript: a note, and Save pressed before choosing a word.
    response = owner_client.post(URL, {"day": user.local_today().isoformat(), "note": NOTE})
    assert response.status_code == 302 and response.url == TODAY_URL
    assert not DailyCheck.objects.exists()
    page = owner_client.get(TODAY_URL).content.decode()
    assert "Choose a word for mood or for energy" in page
    assert note_box(page) == NOTE


def test_a_refused_note_with_a_nul_keeps_the_rest_of_it(owner_client, user):
    owner_client.post(
        URL,
        {"day": user.local_today().isoformat(), "mood": Mood.GOOD, "note": "Half\x00 a day"},
        headers=HTMX,
    )
    assert not DailyCheck.objects.exists()
    assert store.get(user, DAILY_CHECK)["note"] == ["Half a day"]
    assert note_box(owner_client.get(TODAY_URL).content.decode()) == "Half a day"


def test_someone_else_never_sees_my_note(owner_client, user, client):
    owner_client.post(AUTOSAVE, {"note": NOTE})
    assert note_box(owner_client.get(TODAY_URL).content.decode()) == NOTE
    client.force_login(UserFactory())
    page = client.get(TODAY_URL).content.decode()
    assert note_box(page) == "" and "We kept the note" not in page


def test_a_skip_keeps_the_draft_for_tomorrow(owner_client, user):
    owner_client.post(AUTOSAVE, {"note": NOTE})
    owner_client.post(reverse("insights:skip_daily_check"))
    assert store.get(user, DAILY_CHECK)["note"] == [NOTE]
    assert NOTE not in owner_client.get(TODAY_URL).content.decode()


def test_an_answer_without_a_note_keeps_no_draft(owner_client, user):
    owner_client.post(URL, {"day": user.local_today().isoformat(), "energy": Energy.LOW})
    owner_client.post(URL, {"day": "yesterday", "energy": Energy.LOW})
    assert not Draft.objects.exists()
