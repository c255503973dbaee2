"""Support after saving reads the whole entry: a feeling re-rated lower afterwards is a good
sign, said back plainly, not a reason to worry; one that stayed high or grew still brings the
offer to reach out. Words that suggest crisis bring the support panel, whatever the re-rating.
(Issue "Insights that connect, and the everyday made easy", item 10.)"""

import pytest
from django.urls import reverse

from selftrust.practices.catalog import PRACTICES, Easing
from selftrust.practices.models import Entry
from selftrust.safety.models import TrustedPerson

pytestmark = pytest.mark.django_db

REACH_OUT = "Would it help to reach out to someone you trust?"
PANEL = "You don't have to hold this alone"
CRISIS = "I want to kill myself"

THOUGHT_RECORD = {
    "situation": "My friend didn't reply",
    "automatic_thought": "She's angry with me",
    "belief_before": "9",
    "emotion_1": "anxious",
    "emotion_1_before": "8",
    "emotion_1_after": "4",
    "evidence_for": "She usually replies fast",
    "evidence_against": "She told me she's busy this week",
    "balanced_thought": "She's probably busy; I can ask",
    "belief_after": "3",
}
GROUNDING = {"before": "8", "exercise": "senses", "after": "4"}


def save(client, slug, data, **changes) -> str:
    """Save a practice; the entry page that follows, as the person sees it."""
    data = {key: value for key, value in {**data, **changes}.items() if value is not None}
    response = client.post(reverse("practices:new", args=[slug]), data, follow=True)
    assert response.redirect_chain, response.content.decode()
    return response.content.decode().replace("&#x27;", "'")


@pytest.fixture
def sam(user):
    return TrustedPerson.objects.create(user=user, name="Sam", phone="07700 900123")


# --- a thought record -------------------------------------------------------------------------


def test_a_feeling_that_came_down_brings_no_reach_out_and_is_acknowledged(owner_client, sam):
    page = save(owner_client, "thought-record", THOUGHT_RECORD)
    assert REACH_OUT not in page and PANEL not in page
    assert (
        "How anxious you felt came down from 8 to 4, out of 10, as you worked through this." in page
    )


def test_the_acknowledgement_is_plain(owner_client):
    page = save(owner_client, "thought-record", THOUGHT_RECORD)
    line = page.split('class="care-note eased">')[1].split("</p>")[0]
    assert "!" not in line


def test_a_feeling_that_stayed_high_still_brings_the_offer(owner_client, sam):
    page = save(owner_client, "thought-record", THOUGHT_RECORD, emotion_1_after="7")
    assert REACH_OUT in page
    # Still it came down a little, and that is true to say.
    assert "came down from 8 to 7" in page


def test_a_feeling_that_grew_brings_the_offer_and_no_acknowledgement(owner_client, sam):
    page = save(
        owner_client,
        "thought-record",
        THOUGHT_RECORD,
        emotion_1_before="5",
        emotion_1_after="9",
    )
    assert REACH_OUT in page
    assert "came down" not in page


def test_without_an_after_rating_a_strong_feeling_brings_the_offer_as_before(owner_client, sam):
    page = save(owner_client, "thought-record", THOUGHT_RECORD, emotion_1_after=None)
    assert REACH_OUT in page and "came down" not in page


def test_without_an_after_rating_a_milder_feeling_brings_nothing(owner_client, sam):
    page = save(
        owner_client, "thought-record", THOUGHT_RECORD, emotion_1_before="6", emotion_1_after=None
    )
    assert REACH_OUT not in page and "came down" not in page


def test_one_feeling_still_strong_brings_the_offer_beside_one_that_eased(owner_client, sam):
    page = save(
        owner_client,
        "thought-record",
        THOUGHT_RECORD,
        emotion_2="ashamed",
        emotion_2_before="9",
        emotion_2_after="8",
    )
    assert REACH_OUT in page


def test_several_feelings_that_came_down_are_named_together(owner_client, sam):
    page = save(
        owner_client,
        "thought-record",
        THOUGHT_RECORD,
        emotion_2="sad",
        emotion_2_before="7",
        emotion_2_after="3",
    )
    assert REACH_OUT not in page
    assert (
        "As you worked through this, some feelings came down: anxious from 8 to 4, "
        "sad from 7 to 3 (out of 10)." in page
    )


def test_calm_that_fell_is_not_called_easing_and_strong_calm_is_not_distress(owner_client, sam):
    page = save(
        owner_client,
        "thought-record",
        THOUGHT_RECORD,
        emotion_1="calm",
        emotion_1_before="9",
        emotion_1_after="2",
    )
    assert "came down" not in page and REACH_OUT not in page


def test_crisis_words_bring_the_support_panel_even_when_a_feeling_came_down(owner_client, sam):
    page = save(owner_client, "thought-record", THOUGHT_RECORD, situation=CRISIS)
    assert PANEL in page
    # The panel is the only response: no acknowledgement or reach-out card beside it.
    assert REACH_OUT not in page and "came down" not in page


def test_the_acknowledgement_is_only_for_the_moment_of_saving(owner_client, user):
    save(owner_client, "thought-record", THOUGHT_RECORD)
    entry = Entry.objects.get(user=user)
    page = owner_client.get(reverse("practices:entry", args=[entry.pk])).content.decode()
    assert "came down from 8 to 4" not in page


# --- grounding ----------------------------------------------------------------------------


def test_distress_that_came_down_in_grounding_brings_no_reach_out(owner_client, sam):
    page = save(owner_client, "grounding", GROUNDING)
    assert REACH_OUT not in page and PANEL not in page
    assert (
        "How distressed you felt came down from 8 to 4, out of 10, as you worked through this."
        in page
    )


def test_distress_that_stayed_high_after_grounding_brings_the_offer(owner_client, sam):
    assert REACH_OUT in save(owner_client, "grounding", GROUNDING, after="8")


def test_distress_that_rose_after_grounding_brings_the_offer(owner_client, sam):
    page = save(owner_client, "grounding", GROUNDING, before="5", after="9")
    assert REACH_OUT in page and "came down" not in page


def test_grounding_without_an_after_rating_offers_as_before(owner_client, sam):
    assert REACH_OUT in save(owner_client, "grounding", GROUNDING, after=None)
    assert REACH_OUT not in save(owner_client, "grounding", GROUNDING, before="4", after=None)


def test_crisis_words_in_grounding_notes_bring_the_panel_whatever_the_rating(owner_client, sam):
    page = save(owner_client, "grounding", GROUNDING, notes=CRISIS)
    assert PANEL in page
    assert REACH_OUT not in page and "came down" not in page


# --- the rules, practice by practice ----------------------------------------------------------


@pytest.mark.parametrize(
    "slug, answers",
    [
        ("grounding", {"before": 8, "after": 4}),
        ("thought-record", {"emotions": [{"emotion": "scared", "before": 8, "after": 4}]}),
    ],
)
def test_every_practice_with_a_before_and_after_reads_the_fall(slug, answers):
    practice = PRACTICES[slug]
    assert not practice.felt_hard(answers)
    assert practice.eased(answers)


@pytest.mark.parametrize(
    "before, after, hard",
    [(8, 4, False), (8, 6, False), (8, 7, True), (5, 9, True), (8, None, True)],
)
def test_grounding_counts_how_it_is_afterwards(before, after, hard):
    assert PRACTICES["grounding"].felt_hard({"before": before, "after": after}) is hard


def test_an_easing_is_never_a_rise_or_no_change():
    eased = PRACTICES["grounding"].eased
    assert eased({"before": 4, "after": 8}) == ()
    assert eased({"before": 6, "after": 6}) == ()
    assert eased({"before": 6}) == ()
    assert eased({"before": 6, "after": 3}) == (Easing("distressed", 6, 3),)


@pytest.mark.parametrize("slug", sorted(set(PRACTICES) - {"grounding", "thought-record"}))
def test_practices_without_a_re_rating_acknowledge_nothing(slug):
    assert PRACTICES[slug].eased({"before": 8, "after": 4, "intensity": 2}) == ()


# --- words in a form sent back for another look ----------------------------------------------


def _sent_back(client, slug, data, **changes):
    data = {key: value for key, value in {**data, **changes}.items() if value is not None}
    response = client.post(reverse("practices:new", args=[slug]), data)
    return response, response.content.decode().replace("&#x27;", "'")


def test_crisis_words_in_a_form_needing_another_look_bring_support_with_the_correction(
    owner_client, user
):
    # A feeling not named yet: the form comes back. Someone who stops there still meets help.
    response, page = _sent_back(
        owner_client, "thought-record", THOUGHT_RECORD, automatic_thought=CRISIS, emotion_1=""
    )
    assert response.status_code == 400
    assert "Name at least one feeling" in page
    assert PANEL in page
    assert "Your words are kept on this page; nothing is lost" in page
    assert not Entry.objects.exists()
    # The offer is used by this page, not carried to the next one.
    assert PANEL not in owner_client.get(reverse("practices:hub")).content.decode()


def test_a_form_needing_another_look_without_crisis_words_brings_no_panel(owner_client):
    response, page = _sent_back(owner_client, "thought-record", THOUGHT_RECORD, emotion_1="")
    assert response.status_code == 400
    assert PANEL not in page


def test_an_entry_edited_with_crisis_words_and_a_mistake_brings_support_too(owner_client):
    save(owner_client, "thought-record", THOUGHT_RECORD)
    entry = Entry.objects.get()
    data = {**THOUGHT_RECORD, "balanced_thought": CRISIS, "emotion_1": "", "version": entry.version}
    response = owner_client.post(reverse("practices:edit", args=[entry.pk]), data)
    assert response.status_code == 400
    assert PANEL in response.content.decode().replace("&#x27;", "'")
