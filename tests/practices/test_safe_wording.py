"""Words that could hurt a survivor if they drifted: pinned here so a rewrite has to face them."""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from selftrust.practices.catalog import AMENDS_INTRO, PRACTICES
from selftrust.practices.vocabulary import EMOTIONS, GROUNDING, TRAPS

pytestmark = pytest.mark.django_db
HELP = reverse("safety:help")


def new_url(slug):
    return reverse("practices:new", args=[slug])


def test_holding_someone_responsible_for_harm_is_never_called_a_trap():
    trap = TRAPS["personalising"]
    assert "someone else" not in trap.definition.lower()
    assert "blaming" not in trap.name.lower().replace("self-blame", "")
    assert "Holding someone responsible for harm they caused is not a thinking trap." in trap.note
    assert "Responsibility for harm belongs to whoever caused it." in trap.note


def test_fortune_telling_is_not_illustrated_by_a_prediction_that_can_be_true_when_controlled():
    trap = TRAPS["fortune-telling"]
    assert not re.search(r"say no|stop talking|leave me|angry|hurt", trap.example, re.IGNORECASE)
    assert "A thought about real danger now is not a trap to argue with." in trap.note
    assert "your safety comes first" in trap.note


def test_thought_record_says_what_is_not_a_trap_and_puts_safety_first(owner_client):
    page = owner_client.get(new_url("thought-record")).content.decode().replace("&#x27;", "'")
    # In the thinking traps step and again beside the evidence.
    assert page.count("responsibility for harm belongs to whoever caused it") == 2
    assert page.count("if a thought is about real danger now, don't dispute it here") == 2
    assert page.count(f'Safety comes first: <a href="{HELP}">Get help now</a>') == 2
    assert TRAPS["personalising"].note in page


def test_thought_record_asks_for_no_evidence_for_blaming_yourself_for_harm_done_to_you(
    owner_client,
):
    page = owner_client.get(new_url("thought-record")).content.decode().replace("&#x27;", "'")
    lesson = reverse("lessons:detail", args=["self-blame-about-the-trauma"])
    assert (
        page.count(
            "If the thought blames you for harm someone else did, you don't need to list "
            "evidence for it here. Ask instead: what did I actually know then, and which "
            "choices were really safe?"
        )
        == 2
    )
    assert (
        page.count(
            f'<a href="{lesson}">lesson on self-blame about the trauma</a>, or a therapist '
            "trained in cognitive processing therapy (CPT), can help more."
        )
        == 2
    )


def test_thinking_traps_lesson_says_the_same():
    body = render_to_string("lessons/body/thinking-traps.html")
    assert "Responsibility for harm belongs to whoever caused it" in body
    assert "A thought about real danger now is not something to argue yourself out of" in body
    assert f'href="{HELP}"' in body


def test_amends_are_only_for_harm_you_caused_and_never_require_contact(owner_client):
    assert "Amends are for harm you caused." in AMENDS_INTRO
    assert "Nobody owes amends for what was done to them" in AMENDS_INTRO
    assert "you never owe contact with anyone who hurt you" in AMENDS_INTRO
    page = owner_client.get(new_url("mistake")).content.decode().replace("&#x27;", "'")
    assert AMENDS_INTRO in page
    assert "If you are thinking of something that was done to you" in page


def test_the_facts_step_needs_only_a_few_words_and_no_written_memory(owner_client):
    page = owner_client.get(new_url("thought-record")).content.decode().replace("&#x27;", "'")
    assert "in a few words. You don't need to write out the memory." in page
    strengths = {f.name: f for f in PRACTICES["strengths"].fields}
    assert "A few words are enough" in strengths["past_success"].help
    assert "You don't need to write out what happened" in strengths["past_success"].help


def test_the_emotion_list_has_words_for_betrayal_disgust_and_feeling_unreal():
    assert {"betrayed", "disgusted", "unreal"} <= set(EMOTIONS)
    assert "detached" in EMOTIONS["unreal"].name.lower()


def test_gratitude_and_kind_words_are_optional_with_examples(owner_client, user):
    fields = {f.name: f for p in ("strengths", "self-compassion") for f in PRACTICES[p].fields}
    for name in ("grateful_for", "kind_words"):
        assert not fields[name].required
        assert "For example" in fields[name].help or "Small things count" in fields[name].help
    response = owner_client.post(new_url("self-compassion"), {"moment": "A hard morning"})
    assert response.status_code == 302
    assert owner_client.post(new_url("strengths"), {"strength": "Patience"}).status_code == 302


def test_naming_what_is_safe_now_says_safety_matters_more_if_you_are_not_safe(owner_client):
    assert "If you are not safe where you are" in GROUNDING["safe-now"].note
    page = owner_client.get(new_url("grounding")).content.decode()
    assert f'that matters more than any exercise: <a href="{HELP}">Get help now</a>' in page


def test_the_decision_journal_does_not_praise_deciding_alone(owner_client):
    page = owner_client.get(new_url("decision")).content.decode()
    assert "asking someone as well is fine" in page
    assert "Asking someone is a sound way to decide too." in page
    for words in PRACTICES["decision"].summary, PRACTICES["decision"].pacing:
        assert "strong" not in words.lower()


# --- from the clinical content review (issue 10) -------------------------------------------


def test_catastrophising_carries_the_same_danger_now_note_as_fortune_telling():
    assert TRAPS["catastrophising"].note == TRAPS["fortune-telling"].note
    assert "A thought about real danger now is not a trap to argue with." in (
        TRAPS["catastrophising"].note
    )


def test_emotional_reasoning_treats_fear_of_a_person_as_information():
    assert TRAPS["emotional-reasoning"].note == (
        "A feeling isn't proof, but it is information. Fear around a particular person "
        "deserves to be taken seriously; Then or now? can help."
    )


def test_mind_reading_says_reading_the_mood_of_someone_who_hurt_you_is_not_a_trap():
    assert TRAPS["mind-reading"].note == (
        "If someone has hurt you, reading their mood may be how you stayed safe. "
        "That is not a trap."
    )


def test_the_thought_record_shows_the_three_trap_notes(owner_client):
    page = owner_client.get(new_url("thought-record")).content.decode().replace("&#x27;", "'")
    for slug in ("emotional-reasoning", "mind-reading", "catastrophising"):
        assert f'<strong class="trap-note">{TRAPS[slug].note}</strong>' in page


def test_stop_asks_you_to_pause_not_to_freeze():
    definition = GROUNDING["stop"].definition
    assert "Stop: pause for a moment and do nothing yet." in definition
    assert "freeze" not in definition.lower()


def test_tipp_warns_about_cold_water_and_hard_exercise_for_hearts_and_eating_disorders():
    assert GROUNDING["tipp"].note == (
        "Cold water slows the heart and hard exercise speeds it up. Skip them, or ask your "
        "doctor first, if you have a heart condition, take medicine that slows your heart "
        "(such as beta-blockers), have another medical condition, or live with an eating "
        "disorder."
    )


def test_then_or_now_asks_what_is_different_today():
    fields = {f.name: f for f in PRACTICES["then-or-now"].fields}
    assert fields["now"].label == (
        "Now: what is different today: where you are, who is with you, what you can do?"
    )


def test_the_setback_plan_sends_thoughts_of_suicide_to_the_safety_plan():
    fields = {f.name: f for f in PRACTICES["setback-plan"].fields}
    assert fields["early_signs"].help.endswith(
        "If slipping ever includes thoughts of suicide or hurting yourself, your safety plan "
        "is the place for those."
    )


def test_a_feeling_can_make_sense_without_being_the_whole_truth_about_you():
    fields = {f.name: f for f in PRACTICES["emotion"].fields}
    assert fields["makes_sense"].help == (
        "A feeling can make sense given what you've been through without being the whole "
        "truth about you."
    )


def test_feeling_unsafe_after_a_boundary_is_a_danger_answer():
    respected = {f.name: f for f in PRACTICES["boundary"].fields}["respected"]
    assert ("unsafe", "No, and I felt unsafe") in respected.choices
    assert respected.danger_answers == ("unsafe",)
    assert "You said you felt unsafe." in respected.danger_note
