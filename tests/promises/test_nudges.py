import pytest
from django.urls import reverse

from selftrust.promises import nudges
from selftrust.promises.nudges import size_nudge


def test_small_concrete_promise_gets_no_nudge():
    assert size_nudge("Rest for ten minutes after lunch") is None


def test_long_promise_gets_a_gentle_nudge():
    nudge = size_nudge("Go for a walk " * 10)
    assert "Smaller promises are easier to keep" in nudge


def test_open_ended_words_get_a_gentle_nudge():
    assert size_nudge("Always be better at saying no") is not None
    assert size_nudge("Never doubt myself") is not None


def test_words_merely_containing_vague_words_are_fine():
    assert size_nudge("Call my friend Allison") is None


def test_the_boundaries_lessons_own_example_gets_no_nudge():
    # "I'll stop answering work messages at seven" is small and concrete already.
    assert size_nudge("I'll stop answering work messages at seven") is None


def test_ordinary_words_in_small_promises_get_no_nudge():
    for promise in ("Drink more water at lunch", "Fix the shelf on Sunday", "Eat all my dinner"):
        assert size_nudge(promise) is None, promise


def test_the_nudge_is_an_offer_not_a_correction():
    for nudge in (size_nudge("Always rest"), size_nudge("Go for a walk " * 10)):
        assert "If you like" in nudge
        assert "that is the point" not in nudge
        assert "Could you" not in nudge


@pytest.mark.parametrize(
    "text",
    [
        "I will never hurt myself again",
        "No self-harm this week",
        "Stay alive today",
        "sh free week",
    ],
)
def test_a_no_harm_pledge_gets_a_word_about_support_not_about_size(text):
    assert nudges.is_safety_promise(text)
    assert "Keeping yourself safe is too much for a single promise" in nudges.size_nudge(text)


@pytest.mark.parametrize(
    "text", ["Text Sam if I feel suicidal", "Call Ana when I want to self-harm", "Never skip lunch"]
)
def test_coping_steps_and_ordinary_promises_are_not_pledges(text):
    assert not nudges.is_safety_promise(text)


@pytest.mark.django_db
def test_a_no_harm_pledge_points_to_the_plan_and_brings_support_once_kept(owner_client, user):
    url = reverse("promises:create")
    page = owner_client.post(url, {"text": "No self-harm this week", "schedule": "daily"})
    html = page.content.decode()
    assert 'href="/safety-plan/"' in html and 'href="/help/"' in html
    assert not user.promises.exists()
    response = owner_client.post(
        url, {"text": "No self-harm this week", "schedule": "daily", "keep_as_is": "1"}, follow=True
    )
    assert user.promises.filter(text="No self-harm this week").exists()
    assert "You don't have to hold this alone" in response.content.decode()
