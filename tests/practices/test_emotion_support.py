"""After naming an emotion: which feelings bring the gentle reach-out card, and the word of care
that comes with hopelessness. From the clinical content review (issue 10)."""

import pytest
from django.urls import reverse

from selftrust.practices.models import Entry
from selftrust.practices.vocabulary import EMOTION_GROUPS, EMOTIONS, HEAVY_EMOTIONS

pytestmark = pytest.mark.django_db
NEW = reverse("practices:new", args=["emotion"])
HELP = reverse("safety:help")
REACH_OUT = "Would it help to reach out to someone you trust?"
HOPELESSNESS = (
    "Hopelessness can be very heavy. If it comes with thoughts of not wanting to be alive, "
    f'<a href="{HELP}">Get help now</a> is here.'
)
PANEL = "You don't have to hold this alone"


def name_emotion(client, emotion, intensity, makes_sense="A long week"):
    data = {"emotion": emotion, "intensity": str(intensity), "makes_sense": makes_sense}
    return client.post(NEW, data, follow=True).content.decode()


def test_the_heavy_feelings_are_fear_sadness_shame_and_numbness():
    groups = ("Fear", "Sadness", "Shame and guilt", "Numb or unsure")
    assert {e.slug for group in groups for e in EMOTION_GROUPS[group]} == HEAVY_EMOTIONS
    assert {"hopeless", "betrayed", "unreal", "scared", "ashamed", "numb"} <= HEAVY_EMOTIONS
    assert not {"happy", "proud", "relieved", "hopeful", "calm", "safe"} & HEAVY_EMOTIONS


@pytest.mark.parametrize("emotion", sorted(HEAVY_EMOTIONS))
def test_a_heavy_feeling_at_8_or_more_offers_to_reach_out(owner_client, user, emotion):
    assert REACH_OUT in name_emotion(owner_client, emotion, 8)


@pytest.mark.parametrize("emotion", ["scared", "betrayed", "unreal"])
def test_a_heavy_feeling_below_8_offers_nothing(owner_client, user, emotion):
    assert REACH_OUT not in name_emotion(owner_client, emotion, 7)


@pytest.mark.parametrize("emotion", sorted(set(EMOTIONS) - HEAVY_EMOTIONS))
def test_other_feelings_never_bring_the_card_even_at_10(owner_client, user, emotion):
    page = name_emotion(owner_client, emotion, 10)
    assert Entry.objects.filter(user=user, practice="emotion").exists()
    assert REACH_OUT not in page


@pytest.mark.parametrize("intensity", [0, 3, 7])
def test_hopelessness_at_any_intensity_offers_get_help_now_with_care(owner_client, user, intensity):
    page = name_emotion(owner_client, "hopeless", intensity)
    assert HOPELESSNESS in page
    assert REACH_OUT not in page


def test_strong_hopelessness_brings_both_the_word_of_care_and_the_card(owner_client, user):
    page = name_emotion(owner_client, "hopeless", 9)
    assert HOPELESSNESS in page and REACH_OUT in page
    assert page.index(HOPELESSNESS) < page.index(REACH_OUT)


def test_other_sad_feelings_do_not_bring_the_hopelessness_words(owner_client, user):
    assert "Hopelessness can be very heavy" not in name_emotion(owner_client, "sad", 9)


def test_the_hopelessness_words_come_at_saving_not_on_every_later_visit(owner_client, user):
    name_emotion(owner_client, "hopeless", 5)
    entry = Entry.objects.get(user=user)
    page = owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    assert "Hopelessness can be very heavy" not in page


def test_when_words_suggest_crisis_the_support_panel_is_the_only_response(owner_client, user):
    page = name_emotion(owner_client, "hopeless", 9, makes_sense="I want to kill myself")
    assert PANEL in page
    assert "Hopelessness can be very heavy" not in page and REACH_OUT not in page
