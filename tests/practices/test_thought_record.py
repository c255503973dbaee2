import pytest
from django.urls import reverse

from selftrust.practices.models import Entry, ThoughtRecord

pytestmark = pytest.mark.django_db
NEW = reverse("practices:new", args=["thought-record"])

VALID = {
    "situation": "My friend didn't reply",
    "automatic_thought": "She's angry with me",
    "belief_before": "9",
    "emotion_1": "anxious",
    "emotion_1_before": "8",
    "emotion_1_after": "3",
    "thinking_traps": ["mind-reading", "catastrophising"],
    "evidence_for": "She usually replies fast",
    "evidence_against": "She told me she's busy this week",
    "balanced_thought": "She's probably busy; I can ask",
    "belief_after": "3",
}


def test_a_thought_record_is_saved_and_shows_before_and_after(owner_client, user):
    response = owner_client.post(NEW, VALID, follow=True)
    record = ThoughtRecord.objects.get(entry__user=user)
    assert record.emotions == [{"emotion": "anxious", "before": 8, "after": 3}]
    assert record.thinking_traps == ["mind-reading", "catastrophising"]
    page = response.content.decode()
    assert "Before and after" in page and "Each rated from 0 to 10." in page
    assert "Belief in the thought" in page and "-6" in page
    assert '<td>9 <span class="muted">of 10</span></td>' in page
    assert "Anxious" in page and "-5" in page
    assert "Mind reading" in page


def test_the_form_lists_every_thinking_trap_with_a_definition(owner_client):
    page = owner_client.get(NEW).content.decode()
    for trap in [
        "All-or-nothing",
        "Overgeneralising",
        "Mental filter",
        "Discounting the positive",
        "Mind reading",
        "Fortune telling",
        "Catastrophising",
        "Emotional reasoning",
        "Labelling",
        "Comparing",
    ]:
        assert trap in page
    assert "For example" in page


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"belief_before": "120"}, "Please choose a number from 0 to 10."),
        ({"belief_before": "85"}, "Ratings are now 0 to 10; 85 would be 9."),
        ({"emotion_1_after": "40"}, "Ratings are now 0 to 10; 40 would be 4."),
        ({"belief_before_asked": "1"}, "Choose a number from 0 to 10 on the slider"),
        ({"emotion_1_before_asked": "1"}, "How strong was it, from 0 to 10?"),
        ({"emotion_1": ""}, "Name at least one feeling"),
        ({"emotion_1_before": ""}, "How strong was it"),
        ({"emotion_1": "ecstatic-ish"}, "choose a feeling from the list"),
        ({"thinking_traps": ["not-a-trap"]}, "choose from the traps listed"),
        ({"situation": ""}, "A few words about what was happening"),
        ({"balanced_thought": "<b>ok</b>"}, "Plain words"),
    ],
)
def test_bad_thought_records_are_explained_and_nothing_is_saved(owner_client, overrides, message):
    response = owner_client.post(NEW, {**VALID, **overrides})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Entry.objects.exists()


def test_editing_keeps_the_emotions(owner_client, user):
    owner_client.post(NEW, VALID)
    entry = Entry.objects.get()
    page = owner_client.get(reverse("practices:edit", args=[entry.pk])).content.decode()
    assert 'value="anxious" selected' in page
    owner_client.post(reverse("practices:edit", args=[entry.pk]), {**VALID, "belief_after": "2"})
    assert ThoughtRecord.objects.get().belief_after == 2
