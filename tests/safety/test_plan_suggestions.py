"""Closing the loop: the person's own practice suggests lines for their safety plan."""

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.practices.models import Entry, ThoughtRecord
from selftrust.safety.models import SafetyPlan

pytestmark = pytest.mark.django_db
EDIT = reverse("safety:plan_edit")


def grounding(user, exercise, before, after):
    return Entry.objects.create(
        user=user,
        practice="grounding",
        data={"before": before, "exercise": exercise, "after": after},
        created_at=timezone.now(),
    )


def thought(user, text, belief):
    entry = Entry.objects.create(user=user, practice="thought-record", created_at=timezone.now())
    return ThoughtRecord.objects.create(
        entry=entry, situation="At work", automatic_thought=text, belief_before=belief
    )


def suggestions(page: str, field: str) -> str:
    return page.split(f'data-suggestions-for="id_{field}"')[1].split("</div>")[0]


def test_grounding_that_helped_is_offered_for_things_i_can_do_on_my_own(owner_client, user):
    grounding(user, "breathing", 8, 4)
    grounding(user, "senses", 6, 6)  # barely helped (half a point on average): not offered
    grounding(user, "senses", 6, 5)
    page = owner_client.get(EDIT).content.decode()
    offered = suggestions(page, "coping_on_my_own")
    assert "Paced breathing" in offered and "5-4-3-2-1" not in offered
    assert 'data-add-line="Paced breathing"' in offered


def test_strongly_believed_hot_thoughts_are_offered_as_warning_signs(owner_client, user):
    thought(user, "Nothing will ever change", 9)
    thought(user, "Maybe they were busy", 3)
    page = owner_client.get(EDIT).content.decode()
    offered = suggestions(page, "warning_signs")
    assert "The thought “Nothing will ever change”" in offered
    assert "Maybe they were busy" not in offered


def test_a_suggestion_already_in_the_plan_is_not_offered_again(owner_client, user):
    grounding(user, "breathing", 8, 4)
    SafetyPlan.objects.create(user=user, coping_on_my_own="A hot shower\npaced breathing")
    page = owner_client.get(EDIT).content.decode()
    assert 'data-suggestions-for="id_coping_on_my_own"' not in page


def test_nothing_is_added_to_the_plan_without_the_person(owner_client, user):
    grounding(user, "breathing", 8, 4)
    owner_client.get(EDIT)
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_another_persons_practice_never_suggests_anything(owner_client, other_user):
    grounding(other_user, "breathing", 8, 4)
    thought(other_user, "Nothing will ever change", 9)
    page = owner_client.get(EDIT).content.decode()
    assert "data-suggestions-for" not in page
