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
