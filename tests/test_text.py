import pytest
from django.core.exceptions import ValidationError

from selftrust.text import validate_plain_text


@pytest.mark.parametrize(
    "text",
    [
        "Rest when tired 🌿",
        "أرتاح عندما أتعب",
        "I <3 quiet mornings",
        "a < b and c > d",
        "line one\nline two",
    ],
)
def test_plain_words_emoji_and_rtl_text_are_welcome(text):
    validate_plain_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<b>bold</b>",
        "<img src=x onerror=alert(1)>",
        "</p>",
        "<!-- x -->",
    ],
)
def test_markup_is_refused_kindly(text):
    with pytest.raises(ValidationError, match="Plain words"):
        validate_plain_text(text)


def test_control_characters_are_refused():
    with pytest.raises(ValidationError):
        validate_plain_text("rest\x00")
