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
