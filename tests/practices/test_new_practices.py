"""Then or now?, My setback plan and A values sort; pacing, content notes and aftercare."""

import re

import pytest
from django.urls import reverse

from selftrust.drafts.models import Draft
from selftrust.practices.catalog import PRACTICES, SECTIONS
from selftrust.practices.models import Entry

pytestmark = pytest.mark.django_db
HELP = reverse("safety:help")
GROUND = reverse("safety:ground")
HEAVY = {"thought-record", "mistake", "boundary", "signs-check", "then-or-now"}

THEN_OR_NOW = {
    "situation": "A door slammed downstairs",
    "alarm": "My chest went tight",
    "then": "Someone was angry",
    "now": "I live alone now and the neighbour was carrying boxes",
    "danger_now": "no",
    "next_step": "Name five things I can see",
}
SETBACK_PLAN = {
    "early_signs": "Skipping lunch and staying up late",
    "what_i_will_do": "Go back to one small promise",
    "who_to_tell": "My sister",
}
VALUES = {
    "values": ["honesty", "rest", "play"],
    "own_values": "Being a steady friend",
    "meaning": "Rest: an early night without guilt.",
}
NEW = {"then-or-now": THEN_OR_NOW, "setback-plan": SETBACK_PLAN, "values": VALUES}
# What the timeline lists each one as.
TITLES = {
    "then-or-now": "A door slammed downstairs",
    "setback-plan": "My setback plan",
    "values": "Honesty, Rest, Play",
}


def new_url(slug):
    return reverse("practices:new", args=[slug])


def ticked(page, value) -> bool:
    """Is the box or radio button with this value ticked on the page?"""
    return re.search(rf'<input [^>]*value="{value}"[^>]* checked[ >]', page) is not None


def entry_page(client, entry, **params):
    return client.get(reverse("practices:entry", args=[entry.pk]), params).content.decode()


@pytest.mark.parametrize("slug", sorted(NEW))
def test_each_new_practice_saves_shows_and_joins_the_timeline(owner_client, user, slug):
    assert owner_client.get(new_url(slug)).status_code == 200
    response = owner_client.post(new_url(slug), NEW[slug])
    assert response.status_code == 302, response.content.decode()
    entry = Entry.objects.get(user=user, practice=slug)
    assert entry.title == TITLES[slug]
    page = entry_page(owner_client, entry).replace("&#x27;", "'")
    for spec in PRACTICES[slug].fields:
        if spec.name in NEW[slug]:
            assert spec.label in page
    timeline = owner_client.get(reverse("practices:timeline")).content.decode()
    assert TITLES[slug] in timeline and PRACTICES[slug].name in timeline
    assert not Draft.objects.filter(user=user).exists()


def test_the_new_practices_are_on_the_practice_page_in_their_sections(owner_client):
    page = owner_client.get(reverse("practices:hub")).content.decode()
    for slug in NEW:
        assert new_url(slug) in page
    assert [s.title for s in SECTIONS] == [
        "Deciding and thinking",
        "Body, feelings and kindness",
        "Plans and values",
    ]
    listed = [p.slug for section in SECTIONS for p in section.practices]
    assert sorted(listed) == sorted(PRACTICES)


def test_the_thought_record_offers_then_or_now(owner_client):
    assert new_url("then-or-now") in owner_client.get(new_url("thought-record")).content.decode()


def test_then_or_now_asks_about_danger_now_with_get_help_first(owner_client):
    page = owner_client.get(new_url("then-or-now")).content.decode()
    step = page[page.index("<legend>Danger now?</legend>") :]
    assert step.index(f'href="{HELP}"') < step.index("Is there danger now?")
    assert "You don&#x27;t need to go into the memory itself" in page


@pytest.mark.parametrize("answer", ["yes", "not-sure"])
def test_danger_now_puts_safety_first_on_the_entry(owner_client, user, answer):
    owner_client.post(new_url("then-or-now"), {**THEN_OR_NOW, "danger_now": answer})
    entry = Entry.objects.get(user=user)
    page = entry_page(owner_client, entry)
    assert "Your safety comes first" in page
    assert page.index(f'<a class="button" href="{HELP}">Get help now</a>') < page.index(
        "A door slammed downstairs"
    )


def test_an_old_alarm_gets_no_danger_card(owner_client, user):
    owner_client.post(new_url("then-or-now"), THEN_OR_NOW)
    assert "Your safety comes first" not in entry_page(owner_client, Entry.objects.get())


def test_values_are_chosen_from_the_list_only(owner_client, user):
    response = owner_client.post(new_url("values"), {**VALUES, "values": ["rest", "money"]})
    assert response.status_code == 400
    assert "Please choose from the answers shown." in response.content.decode()
    assert not Entry.objects.exists()


def test_a_values_draft_keeps_every_ticked_value(owner_client, user):
    owner_client.post(
        reverse("drafts:autosave", args=["practice:values:new"]), {"values": ["rest", "play"]}
    )
    page = owner_client.get(new_url("values")).content.decode()
    assert ticked(page, "rest") and ticked(page, "play")
    assert not ticked(page, "honesty")


def test_a_values_sort_can_be_edited(owner_client, user):
    owner_client.post(new_url("values"), VALUES)
    entry = Entry.objects.get()
    owner_client.post(reverse("practices:edit", args=[entry.pk]), {**VALUES, "values": ["courage"]})
    entry.refresh_from_db()
    assert entry.data["values"] == ["courage"] and entry.title == "Courage"


def test_a_boundary_not_respected_gets_a_gentle_follow_up(owner_client, user):
    page = owner_client.get(new_url("boundary")).content.decode()
    assert 'data-shown-if="respected" data-shown-values="partly no unsafe"' in page
    assert "If it wasn&#x27;t respected: what might help you now? (optional)" in page
    owner_client.post(
        new_url("boundary"),
        {"boundary": "No calls after nine", "respected": "no", "after_not_respected": "Rest"},
    )
    assert Entry.objects.get().data["after_not_respected"] == "Rest"


def test_a_boundary_can_be_answered_no_and_i_felt_unsafe(owner_client):
    page = owner_client.get(new_url("boundary")).content.decode()
    assert re.search(r'<input [^>]*value="unsafe"', page)
    assert "No, and I felt unsafe" in page
    # The follow-up says feeling unsafe matters most, with Get help now right under it.
    follow_up = page[page.index('data-shown-if="respected"') :]
    follow_up = follow_up[: follow_up.index("</div>\n", follow_up.index("safety-first"))]
    assert (
        "If you felt unsafe, that matters most: a domestic abuse service can help you plan."
        in follow_up
    )
    assert f'<a class="button secondary" href="{HELP}">Get help now</a>' in follow_up


def test_feeling_unsafe_after_a_boundary_puts_get_help_now_first_on_the_entry(owner_client, user):
    owner_client.post(
        new_url("boundary"), {"boundary": "No more visits unannounced", "respected": "unsafe"}
    )
    page = entry_page(owner_client, Entry.objects.get(user=user), saved=1)
    assert "Your safety comes first" in page
    assert "You said you felt unsafe. That matters most" in page
    assert "A domestic abuse service can help you plan." in page
    assert "You said there may be danger now" not in page
    assert page.index(f'<a class="button" href="{HELP}">Get help now</a>') < page.index(
        "No more visits unannounced"
    )


@pytest.mark.parametrize("answer", ["yes", "partly", "no", "not-yet"])
def test_other_boundary_answers_get_no_danger_card(owner_client, user, answer):
    owner_client.post(new_url("boundary"), {"boundary": "No calls after nine", "respected": answer})
    assert "Your safety comes first" not in entry_page(owner_client, Entry.objects.get(user=user))


@pytest.mark.parametrize("slug", ["tipp", "stop"])
def test_grounding_logs_tipp_and_stop_and_a_link_can_choose_them(owner_client, user, slug):
    page = owner_client.get(new_url("grounding"), {"exercise": slug}).content.decode()
    assert ticked(page, slug)
    assert sum(ticked(page, other) for other in ("senses", "breathing", "tipp", "stop")) == 1
    owner_client.post(new_url("grounding"), {"before": "8", "exercise": slug, "after": "5"})
    assert Entry.objects.get().data["exercise"] == slug


def test_grounding_ignores_an_exercise_it_does_not_know(owner_client):
    page = owner_client.get(new_url("grounding"), {"exercise": "skydiving"}).content.decode()
    assert not any(ticked(page, other) for other in ("senses", "breathing", "tipp", "stop"))


def test_a_link_choice_wins_over_a_draft_but_keeps_the_rest_of_it(owner_client, user):
    owner_client.post(
        reverse("drafts:autosave", args=["practice:grounding:new"]),
        {"before": "7", "exercise": "senses"},
    )
    page = owner_client.get(new_url("grounding"), {"exercise": "stop"}).content.decode()
    assert 'name="before" min="0" max="10" step="1" value="7"' in page
    assert 'name="before_rated" id="id_before_rated" checked>' in page
    assert ticked(page, "stop") and not ticked(page, "senses")


@pytest.mark.parametrize("slug", sorted(PRACTICES))
def test_every_practice_says_how_to_stop_soften_or_skip(owner_client, slug):
    practice = PRACTICES[slug]
    assert practice.pacing
    page = owner_client.get(new_url(slug)).content.decode().replace("&#x27;", "'")
    assert practice.pacing in page
    assert f'href="{GROUND}"' in page


@pytest.mark.parametrize("slug", sorted(PRACTICES))
def test_heavy_practices_have_a_content_note_before_and_aftercare_after(slug):
    practice = PRACTICES[slug]
    assert bool(practice.content_note) == (slug in HEAVY)
    assert bool(practice.aftercare) == (slug in HEAVY)


HEAVY_SAMPLES = {
    "mistake": {"what_happened": "I forgot the call", "information": "I was overloaded"},
    "boundary": {"boundary": "No calls after nine", "respected": "yes"},
    "signs-check": {
        "second-guessing": "often",
        "reassurance": "sometimes",
        "intuition": "not-lately",
        "doubting-self": "sometimes",
        "alone-with-thoughts": "often",
        "over-analysing": "often",
    },
    "then-or-now": THEN_OR_NOW,
    "thought-record": {
        "situation": "A friend didn't answer",
        "automatic_thought": "She's annoyed with me",
        "belief_before": "6",
        "emotion_1": "anxious",
        "emotion_1_before": "4",
    },
}


@pytest.mark.parametrize("slug", sorted(HEAVY))
def test_heavy_practice_shows_its_note_first_and_aftercare_once_saved(owner_client, user, slug):
    practice = PRACTICES[slug]
    form = owner_client.get(new_url(slug)).content.decode().replace("&#x27;", "'")
    assert "Before you start" in form
    assert form.index(practice.content_note) < form.index('<form method="post" novalidate')
    response = owner_client.post(new_url(slug), HEAVY_SAMPLES[slug], follow=True)
    saved = response.content.decode().replace("&#x27;", "'")
    assert "Take a moment" in saved and practice.aftercare in saved
    # Aftercare belongs to the moment of saving, not to every later visit.
    later = entry_page(owner_client, Entry.objects.get(user=user))
    assert "Take a moment" not in later


def test_lighter_practices_show_no_aftercare(owner_client, user):
    response = owner_client.post(new_url("win"), {"win": "A walk"}, follow=True)
    assert "Take a moment" not in response.content.decode()


def test_crisis_words_replace_aftercare_with_the_support_panel(owner_client, user):
    response = owner_client.post(
        new_url("mistake"),
        {"what_happened": "I feel like I can't go on", "information": "Too much"},
        follow=True,
    )
    page = response.content.decode()
    assert "You don't have to hold this alone" in page.replace("&#x27;", "'")
    assert "Take a moment" not in page
