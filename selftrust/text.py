"""Rules for the short plain text people write, shared by every form and API schema."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Something that looks like an HTML tag: "<b>", "</script>", "<img src=x>". "I <3 rest" is fine.
_TAG = re.compile(r"</?[a-zA-Z!][^>]*>")
# Control characters other than tab and newline; PostgreSQL refuses NUL outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Left-to-right and right-to-left overrides: they turn the text after them around wherever it is
# shown (a therapist's page, a reminder), and nobody types them; the marks and isolates that
# right-to-left writing does use (U+200E, U+200F, U+2066-U+2069) are welcome.
_OVERRIDES = re.compile("[\u202d\u202e]")


def _nothing_visible(value: str) -> bool:
    """Only invisible format characters (a zero-width space, a joiner), maybe with spaces: it
    would show as a blank promise or a blank name. Plain spaces alone are left to each field,
    which strips them and calls what is left empty."""
    if not value.strip():
        return False
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in value)


def validate_plain_text(value: str) -> None:
    if _TAG.search(value):
        raise ValidationError(
            _("Plain words are all we need here — please leave out tags like <b> or <script>."),
            code="markup",
        )
    if _CONTROL.search(value):
        raise ValidationError(
            _("Some invisible control characters slipped in. Please type the text again."),
            code="control_characters",
        )
    if _OVERRIDES.search(value):
        raise ValidationError(
            _(
                "Some invisible characters that turn text around slipped in. Please type the "
                "text again."
            ),
            code="direction_override",
        )
    if _nothing_visible(value):
        raise ValidationError(
            _(
                "This looks empty: only invisible characters came through. Please type the "
                "words again."
            ),
            code="invisible",
        )
