"""Grounding from the practice list guides the exercise itself: distress before, then the
chosen exercise's steps in the open (not folded away), then how it is now. The form around
them posts the same answers, and drafts work as before. (Issue "Insights that connect, and
the everyday made easy", item 11.)"""

import html
import re

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from selftrust.drafts import store as drafts
from selftrust.practices.catalog import GROUNDING_GUIDE, PRACTICES
from selftrust.practices.models import Entry
from selftrust.practices.vocabulary import GROUNDING_EXERCISES

pytestmark = pytest.mark.django_db

NEW = reverse("practices:new", args=["grounding"])
AUTOSAVE = reverse("drafts:autosave", args=["practice:grounding:new"])
GUIDE = {exercise.slug: exercise for exercise in GROUNDING_GUIDE}


def page_of(client, **params) -> str:
    return html.unescape(client.get(NEW, params).content.decode())


def form_of(page: str) -> str:
    start = page.rindex("<form", 0, page.index("data-stepper-form"))
    return page[start : page.index("</form>", start)]


def first_step(slug: str) -> str:
    return GUIDE[slug].steps[0]


def inside_a_closed_details(page: str, index: int) -> bool:
    """Is the text at `index` inside a <details> that is not open?"""
    before = page[:index]
    opened = [m for m in re.finditer(r"<details(?![^>]*\bopen\b)[^>]*>", before)]
    return any("</details>" not in before[m.end() :] for m in opened)


def test_every_grounding_exercise_has_steps_to_follow():
    assert [g.slug for g in GROUNDING_EXERCISES] == list(GUIDE)
    for exercise in GROUNDING_GUIDE:
        assert len(exercise.steps) >= 3, exercise.slug
        assert all(step.strip() and "!" not in step for step in exercise.steps)


def test_the_steps_come_after_distress_before_and_ahead_of_how_it_is_now(owner_client):
    form = form_of(page_of(owner_client))
    steps = form.index(first_step("senses"))
    assert form.index('name="before"') < steps < form.index('name="after"')
    assert steps < form.index('name="notes"')
    assert form.index("How is it now?") > steps


def test_the_steps_are_not_folded_away(owner_client):
    page = page_of(owner_client)
    for exercise in GROUNDING_GUIDE:
        for step in exercise.steps:
            assert step in page
            assert not inside_a_closed_details(page, page.index(step)), step
    assert "<details" not in form_of(page)


def test_before_a_choice_the_first_exercise_leads(owner_client):
    form = form_of(page_of(owner_client))
    assert form.index(first_step("senses")) < form.index("The other exercises, step by step")
    # Shown first, not chosen on the person's behalf.
    assert not [
        tag for tag in re.findall(r'<input[^>]*name="exercise"[^>]*>', form) if " checked" in tag
    ]


def test_a_chosen_exercise_leads_and_the_others_follow_in_order(owner_client):
    form = form_of(page_of(owner_client, exercise="tipp"))
    others = form.index("The other exercises, step by step")
    assert form.index(first_step("tipp")) < others < form.index(first_step("senses"))
    assert form.index(first_step("senses")) < form.index(first_step("stop"))
    # Its caution comes with it.
    assert form.index(GUIDE["tipp"].note) < others


def test_each_exercise_is_a_labelled_section_with_numbered_steps(owner_client):
    form = form_of(page_of(owner_client))
    for exercise in GROUNDING_GUIDE:
        section = form.split(f'data-exercise="{exercise.slug}"')[1].split("</section>")[0]
        assert f'aria-labelledby="guide-{exercise.slug}"' in section
        assert f'<h2 id="guide-{exercise.slug}">{exercise.name}</h2>' in section
        assert section.count("<li>") == len(exercise.steps)
        assert '<ol class="guide-steps">' in section


def test_the_guide_keeps_safety_first_and_a_way_to_the_breathing_circle(owner_client):
    form = form_of(page_of(owner_client))
    help_url, ground_url = reverse("safety:help"), reverse("safety:ground")
    assert f'that matters more than any exercise: <a href="{help_url}">Get help now</a>' in form
    assert f'<a href="{ground_url}">open Ground me now</a>' in form


def test_the_form_still_posts_the_same_answers(owner_client, user):
    response = owner_client.post(
        NEW, {"before": "7", "exercise": "body-scan", "after": "4", "notes": "Feet felt warm"}
    )
    entry = Entry.objects.get(user=user, practice="grounding")
    assert response.status_code == 302
    assert entry.data == {
        "before": 7,
        "exercise": "body-scan",
        "after": 4,
        "notes": "Feet felt warm",
    }


def test_a_missing_choice_keeps_what_was_typed_and_the_steps(owner_client, user):
    response = owner_client.post(NEW, {"before": "8", "after": "3"})
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert 'name="before" min="0" max="10" step="1" value="8"' in page
    assert 'name="after" min="0" max="10" step="1" value="3"' in page
    assert first_step("senses") in form_of(page)
    assert not Entry.objects.filter(user=user).exists()


def test_a_draft_brings_back_the_rating_and_its_exercise_leads(owner_client, user):
    owner_client.post(AUTOSAVE, {"before": "6", "exercise": "safe-now"})
    assert drafts.get(user, "practice:grounding:new") is not None
    form = form_of(page_of(owner_client))
    assert 'name="before" min="0" max="10" step="1" value="6"' in form
    assert form.index(first_step("safe-now")) < form.index("The other exercises, step by step")


def test_the_page_loads_the_script_that_follows_the_choice(owner_client):
    page = page_of(owner_client)
    assert re.search(r'<script src="[^"]*practices/practice\.js"', page)
    assert 'data-guide="exercise"' in page


def test_the_guided_step_is_one_step_of_the_phone_sequence():
    titles = [step.title for step in PRACTICES["grounding"].steps]
    assert titles == ["Before", "The exercise", "How is it now?"]


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(NEW)
    assert response.status_code == 302
    assert response.url.startswith(resolve_url(settings.LOGIN_URL))
