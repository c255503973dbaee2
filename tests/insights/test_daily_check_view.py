from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.insights.models import DailyCheck, Energy, Mood
from tests.insights.factories import DailyCheckFactory

pytestmark = pytest.mark.django_db
URL = reverse("insights:daily_check")
SKIP_URL = reverse("insights:skip_daily_check")
TODAY_URL = reverse("promises:today")
HTMX = {"HX-Request": "true"}


def post(client, user, htmx=False, **values):
    data = {"day": user.local_today().isoformat(), **values}
    return client.post(URL, data, headers=HTMX if htmx else {})


def test_a_plain_form_saves_the_days_mood_and_energy_and_goes_back_to_today(owner_client, user):
    response = post(owner_client, user, mood=Mood.GOOD, energy=Energy.STEADY)
    assert response.status_code == 302 and response.url == TODAY_URL
    check = DailyCheck.objects.get(user=user)
    assert (check.day, check.mood, check.energy) == (user.local_today(), 4, 3)


def test_htmx_gets_the_card_back_with_the_answer_chosen(owner_client, user):
    response = post(owner_client, user, htmx=True, mood=Mood.LOW)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="daily-check"' in page and "<html" not in page
    assert 'id="mood-2" checked' in page and "Saved." in page
    assert DailyCheck.objects.get(user=user).energy is None


def test_mood_alone_then_energy_makes_one_check_not_two(owner_client, user):
    post(owner_client, user, htmx=True, mood=Mood.OKAY)
    post(owner_client, user, htmx=True, mood=Mood.OKAY, energy=Energy.LIVELY)
    check = DailyCheck.objects.get(user=user)
    assert (check.mood, check.energy) == (3, 4)


def test_a_second_answer_the_same_day_changes_the_first(owner_client, user):
    post(owner_client, user, mood=Mood.VERY_LOW, energy=Energy.DRAINED, note="Heavy morning")
    post(owner_client, user, mood=Mood.GOOD, energy=Energy.STEADY, note="Better by lunch")
    check = DailyCheck.objects.get(user=user)
    assert (check.mood, check.energy, check.note) == (4, 3, "Better by lunch")


def test_nothing_chosen_saves_nothing_and_says_so_kindly(owner_client, user):
    response = post(owner_client, user, htmx=True, note="Just a note")
    assert "Choose a word for mood or for energy" in response.content.decode()
    assert not DailyCheck.objects.exists()


def test_an_answer_can_be_changed_within_the_answer_window(owner_client, user):
    six_days_ago = user.local_today() - timedelta(days=6)
    DailyCheckFactory(user=user, day=six_days_ago, mood=Mood.LOW)
    owner_client.post(URL, {"day": six_days_ago.isoformat(), "mood": Mood.OKAY})
    assert DailyCheck.objects.get(user=user, day=six_days_ago).mood == Mood.OKAY


def test_a_day_before_the_answer_window_is_refused_and_nothing_changes(owner_client, user):
    week_ago = user.local_today() - timedelta(days=7)
    DailyCheckFactory(user=user, day=week_ago, mood=Mood.LOW)
    response = owner_client.post(
        URL, {"day": week_ago.isoformat(), "mood": Mood.GOOD}, headers=HTMX
    )
    assert "last 7 days only" in response.content.decode()
    assert DailyCheck.objects.get(user=user, day=week_ago).mood == Mood.LOW


def test_a_day_not_come_yet_is_refused(owner_client, user):
    tomorrow = user.local_today() + timedelta(days=1)
    owner_client.post(URL, {"day": tomorrow.isoformat(), "mood": Mood.GOOD})
    assert not DailyCheck.objects.exists()


def test_a_word_that_is_not_a_step_is_refused(owner_client, user):
    response = post(owner_client, user, htmx=True, mood="9")
    assert "Choose one of the words for mood." in response.content.decode()
    assert not DailyCheck.objects.exists()


def test_not_today_hides_the_card_for_the_day_and_records_nothing(owner_client, user):
    assert "How is today feeling?" in owner_client.get(TODAY_URL).content.decode()
    response = owner_client.post(SKIP_URL)
    assert response.status_code == 302 and response.url == TODAY_URL
    assert "How is today feeling?" not in owner_client.get(TODAY_URL).content.decode()
    assert not DailyCheck.objects.exists()


def test_not_today_with_htmx_leaves_a_quiet_line_in_place_of_the_card(owner_client, user):
    page = owner_client.post(SKIP_URL, headers=HTMX).content.decode()
    assert "Hidden for today" in page and "How is today feeling?" not in page
    assert not DailyCheck.objects.exists()


def test_the_card_comes_back_the_next_day_after_not_today(owner_client, user):
    from selftrust.insights import services

    session = owner_client.session
    services.skip_today(session, user.local_today() - timedelta(days=1))
    session.save()
    assert "How is today feeling?" in owner_client.get(TODAY_URL).content.decode()


def test_crisis_words_in_the_note_bring_the_support_panel_in_the_card(owner_client, user):
    response = post(owner_client, user, htmx=True, mood=Mood.VERY_LOW, note="I want to die")
    page = response.content.decode()
    assert "You don't have to hold this alone" in page
    assert DailyCheck.objects.get(user=user).note == "I want to die"


def test_crisis_words_in_a_plain_form_bring_support_on_the_next_page(owner_client, user):
    post(owner_client, user, mood=Mood.VERY_LOW, note="I want to kill myself")
    page = owner_client.get(TODAY_URL).content.decode()
    assert "You don't have to hold this alone" in page


def test_an_ordinary_note_brings_no_support_panel(owner_client, user):
    page = post(owner_client, user, htmx=True, mood=Mood.OKAY, note="Tired, ok").content.decode()
    assert "You don't have to hold this alone" not in page


def test_another_persons_answer_is_never_changed_by_mine(owner_client, user, other_user):
    theirs = DailyCheckFactory(user=other_user, mood=Mood.VERY_GOOD, note="Their words")
    post(owner_client, user, mood=Mood.LOW, note="Mine")
    theirs.refresh_from_db()
    assert (theirs.mood, theirs.note) == (Mood.VERY_GOOD, "Their words")
    assert DailyCheck.objects.get(user=user).note == "Mine"


def test_another_persons_answer_never_shows_on_my_today(owner_client, user, other_user):
    DailyCheckFactory(user=other_user, mood=Mood.VERY_GOOD, note="Their private words")
    page = owner_client.get(TODAY_URL).content.decode()
    assert "Their private words" not in page and " checked" not in page


def test_signed_out_is_sent_to_sign_in_and_nothing_is_saved(client, user):
    response = client.post(URL, {"day": user.local_today().isoformat(), "mood": "3"})
    assert response.status_code == 302 and "next=" in response.url
    assert client.post(SKIP_URL).status_code == 302
    assert not DailyCheck.objects.exists()


def test_reading_the_endpoint_is_not_allowed(owner_client):
    assert owner_client.get(URL).status_code == 405
