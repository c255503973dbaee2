"""Words a survivor could be hurt by if they changed: pinned, sentence by sentence.

Each of these came from the clinical content review (issue 10). If one fails, the wording was
changed; check the change with someone who has the review in mind before updating the test.
"""

import re

import pytest
from django.template.loader import render_to_string

from selftrust.lessons.catalog import ALL_LESSONS, LESSONS
from tests.lessons.reading import body_text


def sentences(slug: str) -> list[str]:
    return re.split(r"(?<=[.?!])\s+", " ".join(body_text(LESSONS[slug]).split()))


def has_sentence(slug: str, *parts: str) -> bool:
    return any(all(part in sentence for part in parts) for sentence in sentences(slug))


def test_amends_are_for_harm_you_caused_and_never_owed_for_harm_done_to_you():
    assert has_sentence("mistakes-as-information", "Amends are for harm you caused.")
    assert has_sentence("mistakes-as-information", "Nobody owes amends for what was done to them.")
    assert has_sentence("mistakes-as-information", "If someone hurt you", "contact of any kind")


def test_therapy_lesson_names_the_first_line_trauma_therapies_of_current_guidelines():
    assert has_sentence(
        "therapy-approaches",
        "first-line therapies",
        "trauma-focused CBT",
        "cognitive processing therapy (CPT)",
        "prolonged exposure (PE)",
        "EMDR",
    )
    assert has_sentence(
        "therapy-approaches",
        "NICE",
        "American Psychological Association",
        "International Society for Traumatic Stress Studies",
        "VA/DoD",
    )


def test_therapy_lesson_labels_the_other_approaches_and_calls_theories_theories():
    body = render_to_string(LESSONS["therapy-approaches"].body_template)
    labels = re.findall(
        r'class="evidence-inline">How sure are we: (?:<strong>(\w+)</strong>)?', body
    )
    # Trauma-focused CBT and EMDR, then EFT, schema, somatic, narrative; psychoeducation's
    # note says plainly that reading alone is not a treatment.
    assert labels == ["strong", "strong", "emerging", "emerging", "emerging", "emerging", ""]
    assert has_sentence("therapy-approaches", "The idea behind it, which is still a theory")
    assert has_sentence("therapy-approaches", "reading alone is not a treatment for PTSD")


def test_self_compassion_names_backdraft_and_offers_comfort_without_touch():
    assert has_sentence("self-compassion", "backdraft", "fire")
    assert has_sentence("self-compassion", "a warm mug in both hands")
    assert has_sentence("self-compassion", "touch feels wrong or unsafe, and that is fine")
    assert has_sentence("self-compassion", "still a theory")


def test_self_blame_lesson_puts_responsibility_for_harm_where_it_belongs():
    assert has_sentence(
        "self-blame-about-the-trauma", "Responsibility for harm belongs to whoever caused it."
    )
    assert has_sentence("self-blame-about-the-trauma", "hindsight bias")


def test_self_blame_lesson_says_no_survival_response_is_consent_or_makes_it_your_fault():
    # Freezing is automatic, but going along can be a split-second decision; neither is consent.
    assert has_sentence(
        "self-blame-about-the-trauma",
        "others are split-second decisions made to survive.",
    )
    assert has_sentence(
        "self-blame-about-the-trauma",
        "Either way, none of them is consent, and none makes what happened your fault.",
    )
    assert "not choices" not in body_text(LESSONS["self-blame-about-the-trauma"])


def test_post_traumatic_growth_is_never_an_obligation():
    assert has_sentence(
        "post-traumatic-growth", "Growth is possible, and it is never an obligation."
    )
    assert has_sentence("post-traumatic-growth", "Healing without growth is still healing.")


def test_then_or_now_puts_safety_first_when_danger_may_be_real():
    assert has_sentence("then-or-now", "If there may be real danger now, act on that first")
    assert has_sentence("then-or-now", "frightening, controlling or hurtful", "signal about now")


def test_sleep_lesson_leaves_nightmare_rescripting_to_a_therapist():
    assert has_sentence("sleep-and-nightmares", "nightmare rescripting")
    assert has_sentence("sleep-and-nightmares", "trained therapist", "not on your own")


def test_sleep_lesson_says_alcohol_breaks_up_sleep_and_can_worsen_nightmares_and_low_mood():
    assert has_sentence(
        "sleep-and-nightmares",
        "Alcohol can make you drowsy, but it breaks up sleep later and can make nightmares and "
        "low mood worse.",
    )
    assert "help you drop off" not in body_text(LESSONS["sleep-and-nightmares"])


def test_safety_first_never_means_waiting_to_feel_calm_before_trauma_focused_therapy():
    assert has_sentence(
        "safety-before-confidence",
        "You don't need to feel calm before starting trauma-focused therapy; most people can "
        "begin once they're not in current danger.",
    )
    assert has_sentence("safety-before-confidence", "can help ease you out of threat mode")
    assert "keeps you out of threat mode" not in body_text(LESSONS["safety-before-confidence"])


def test_thinking_traps_lesson_does_not_ask_for_evidence_for_self_blame_about_harm_done_to_you():
    assert has_sentence(
        "thinking-traps",
        "If the thought blames you for harm someone else did, you don't need to list evidence "
        "for it.",
    )
    assert has_sentence(
        "thinking-traps", "what did I actually know then, and which choices were really safe?"
    )
    body = render_to_string(LESSONS["thinking-traps"].body_template)
    assert (
        '<a href="/lessons/self-blame-about-the-trauma/">lesson on self-blame about the '
        "trauma</a>, or a therapist trained in cognitive processing therapy (CPT), can help more."
    ) in body


def test_window_of_tolerance_says_dissociation_protects_and_when_to_get_help():
    assert has_sentence("window-of-tolerance-and-dissociation", "It is not a failing.")
    assert has_sentence("window-of-tolerance-and-dissociation", "model")
    assert has_sentence("window-of-tolerance-and-dissociation", "doctor or therapist", "lose")


def test_boundaries_sends_people_to_get_help_now_and_owes_no_contact_to_anyone_who_hurt_them():
    body = render_to_string(LESSONS["boundaries"].body_template)
    assert '<a href="/help/">Get help now</a>' in body
    assert has_sentence("boundaries", "domestic abuse", "sexual violence")
    assert has_sentence("boundaries", "You don't owe contact", "anyone who has hurt you")
    assert "a support service" not in body_text(LESSONS["boundaries"])


def test_boundaries_sends_a_wish_to_disappear_that_means_not_wanting_to_live_to_get_help_now():
    body = render_to_string(LESSONS["boundaries"].body_template)
    assert "sudden wish to disappear. That is a fine place to start" not in body
    assert has_sentence("boundaries", "resentment, exhaustion or a wish to get away.")
    assert (
        "(If wanting to disappear feels like not wanting to be alive, please use "
        '<a href="/help/">Get help now</a>.)'
    ) in body


def test_boundaries_says_to_plan_a_dangerous_no_with_a_domestic_abuse_service_right_after_no_contact():
    body = render_to_string(LESSONS["boundaries"].body_template)
    plan = (
        "<p>If saying no or cutting contact with someone could put you in danger, plan it with "
        '<a href="/help/#support-lines">a domestic abuse service</a> first.</p>'
    )
    assert plan in body
    # Directly under the sections on saying no and on owing no contact, before anything else.
    no_contact = body.index("<h2>You don't owe contact</h2>")
    next_section = body.index("<h2>", no_contact + 1)
    assert no_contact < body.index(plan) < next_section
    assert body.index("<h2>Saying no, and leaving it there</h2>") < no_contact


@pytest.mark.parametrize("slug", ["healing-is-not-linear", "self-blame-about-the-trauma"])
def test_only_the_emergency_number_is_promised_to_answer_at_any_hour(slug):
    assert has_sentence(
        slug,
        "Get help now",
        "lists people you can talk to, and the emergency number, which answers at any hour.",
    )
    assert "people you can talk to at any hour" not in body_text(LESSONS[slug])


def test_self_blame_summary_says_it_lands_on_the_wrong_person_not_that_it_is_rarely_fair():
    summary = LESSONS["self-blame-about-the-trauma"].summary
    assert "so often lands on the wrong person" in summary
    assert "rarely fair" not in summary


def test_survival_responses_include_shutting_down_and_going_along():
    assert has_sentence(
        "trauma-and-the-nervous-system", "fight, run, freeze, or shut down and go along"
    )


def test_dissociation_can_be_protection_rather_than_always_is():
    body = render_to_string(LESSONS["window-of-tolerance-and-dissociation"].body_template)
    assert "<h2>Dissociation can be protection</h2>" in body
    assert "Dissociation is protection" not in body


def test_emdr_note_says_nice_recommends_it_for_trauma_that_is_not_combat_related():
    assert has_sentence(
        "therapy-approaches",
        "first-line trauma therapy (NICE recommends it for trauma that is not combat-related)",
    )


@pytest.mark.parametrize(
    "slug", ["trauma-and-the-nervous-system", "small-steps-and-neuroplasticity"]
)
def test_brain_lessons_state_group_findings_as_group_findings(slug):
    assert has_sentence(slug, "on average")
    assert "groups of people" in LESSONS[slug].evidence_note


def test_the_amygdala_is_described_as_an_average_not_as_every_survivors_brain():
    assert not has_sentence("trauma-and-the-nervous-system", "stays on high alert")
    assert has_sentence(
        "trauma-and-the-nervous-system", "averages across many people, not a picture of your brain"
    )


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lambda lesson: lesson.slug)
def test_no_lesson_calls_reaching_out_strong_or_weak_or_praises_deciding_alone(lesson):
    for sentence in sentences(lesson.slug):
        if re.search(r"reach(ing)? out|ask(ing)? for help|asking (anyone|others)", sentence):
            assert not re.search(r"\b(strong|stronger|brave|weak|weakness)\b", sentence), sentence
    text = body_text(lesson)
    assert "didn't ask anyone else first" not in text
    assert "don't need a dozen opinions" not in text
