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


@pytest.mark.parametrize(
    "text",
    [
        "\u200b\u200b",  # zero-width spaces: a blank promise on Today
        " \u2060 ",
        "\ufeff",
    ],
)
def test_text_with_nothing_visible_is_refused_kindly(text):
    with pytest.raises(ValidationError, match="only invisible characters came through"):
        validate_plain_text(text)


def test_a_direction_override_is_refused():
    with pytest.raises(ValidationError, match="turn text around"):
        validate_plain_text("\u202egnirts desrever")


@pytest.mark.parametrize(
    "text",
    [
        "👩\u200d👩\u200d👧 family time",  # joiners inside an emoji
        "\u2067שלום\u2069 and hello",  # an isolate, as right-to-left writing uses
        "\u200fمرحبا",  # a right-to-left mark
        "zero\u200bwidth inside words",
    ],
)
def test_invisible_characters_beside_visible_words_are_welcome(text):
    validate_plain_text(text)
