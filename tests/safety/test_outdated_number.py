"""A plan begun while the country was guessed keeps the emergency number we filled in then; once
the person chooses another country, the plan's pages say the number where they are now."""

import pytest
from django.urls import reverse

from selftrust.safety.models import SafetyPlan

pytestmark = pytest.mark.django_db

STARTED_IN_THE_US = (
    "988 Suicide & Crisis Lifeline: call 988, text 988\nEmergency services: call 911"
)
NOTE = "Your plan says to call 911 for emergency services, as it was started with."


@pytest.fixture
def plan(user):
    return SafetyPlan.objects.create(
        user=user, professionals=STARTED_IN_THE_US, coping_on_my_own="A hot shower"
    )


def page(client, name) -> str:
    return client.get(reverse(name)).content.decode().replace("&#x27;", "'")


def test_after_choosing_the_uk_the_plan_page_and_get_help_now_say_999(owner_client, user, plan):
    user.crisis_region = "GB"
    user.save()
    for name in ("safety:plan", "safety:help"):
        shown = page(owner_client, name)
        assert NOTE in shown
        assert 'In the United Kingdom, the emergency number is <a href="tel:999">999</a>.' in shown
    # The person's own words are theirs: nothing is changed for them.
    plan.refresh_from_db()
    assert plan.professionals == STARTED_IN_THE_US


def test_the_support_panel_says_it_too(owner_client, user, plan):
    user.crisis_region = "GB"
    user.save()
    response = owner_client.post(
        reverse("practices:new", args=["self-compassion"]),
        {"moment": "I want to kill myself", "kind_words": "Stay"},
        follow=True,
    )
    assert NOTE in response.content.decode().replace("&#x27;", "'")


def test_a_plan_whose_number_still_fits_says_nothing_more(owner_client, user, plan):
    user.crisis_region = "US"
    user.save()
    assert NOTE not in page(owner_client, "safety:plan")


def test_a_number_the_person_wrote_in_their_own_words_is_left_alone(owner_client, user):
    SafetyPlan.objects.create(user=user, professionals="Call 911 if it gets bad")
    user.crisis_region = "GB"
    user.save()
    assert "as it was started with" not in page(owner_client, "safety:plan")
