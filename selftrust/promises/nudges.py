"""A gentle nudge towards smaller promises. Never a rule: the person can keep their words."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

LONG_PROMISE_CHARACTERS = 80

# Words that usually make a promise big or open-ended ("always", "never", "be better").
# Narrow on purpose: ordinary words such as "stop", "more" or "all" are often part of a small,
# concrete promise ("I'll stop answering work messages at seven", the boundaries lesson's own
# example), and a nudge there would second-guess a promise that is already the right size.
_VAGUE = re.compile(
    r"\b(always|never|forever|everything|everyone|perfect(ly)?|completely|totally|be better)\b",
    re.IGNORECASE,
)


def size_nudge(text: str) -> str | None:
    """A kind suggestion when a promise looks long or open-ended, else None."""
    text = text.strip()
    if len(text) > LONG_PROMISE_CHARACTERS:
        return _(
            "This promise is quite long. Smaller promises are easier to keep, and each one you "
            "keep still counts. If you like, you could keep just the first small step."
        )
    if _VAGUE.search(text):
        return _(
            "Words like “always” or “never” can make a promise feel big. "
            "Smaller promises are easier to keep, and each one you keep still counts. "
            "If you like, you could make it something you can do once, today."
        )
    return None


# Examples drawn from the small, low-risk choices that rebuild self-trust.
EXAMPLES = [
    _lazy("Rest for ten minutes when I notice I'm tired"),
    _lazy("Say no to one thing without explaining why"),
    _lazy("Notice one thing that calms me and write it down"),
    _lazy("Go at my own pace on one task today"),
    _lazy("Drink a glass of water when I wake up"),
    _lazy("Step outside for five minutes"),
]
