"""Rules for the short plain text people write, shared by every form and API schema."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Something that looks like an HTML tag: "<b>", "</script>", "<img src=x>". "I <3 rest" is fine.
_TAG = re.compile(r"</?[a-zA-Z!][^>]*>")
# Control characters other than tab and newline; PostgreSQL refuses NUL outright.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
