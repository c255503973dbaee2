import pytest

from selftrust.safety.screening import mentions_crisis


@pytest.mark.parametrize(
    "text",
    [
        "Sometimes I want to die",
        "I've been thinking about suicide",
        "I feel suicidal tonight",
        "everyone would be better off without me",
        "I want to hurt myself",
        "I keep thinking about self-harm",
        "I can't go on like this",
        "I can’t go on",
        "thinking of killing myself",
        "I wish I could disappear",
        "there's no point in living",
    ],
)
def test_crisis_language_is_noticed(text):
    assert mentions_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "I killed it at the interview",
        "This deadline is killing me",
        "I'm dying to see the film",
        "Went for a walk and felt calmer",
        "",
    ],
)
def test_everyday_phrases_are_left_alone(text):
    assert not mentions_crisis(text)


def test_any_of_several_texts_counts():
    assert mentions_crisis("fine", "", "I want to end my life")
