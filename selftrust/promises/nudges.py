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


# A pledge not to hurt oneself, or to stay alive ("I will never hurt myself again", "No
# self-harm this week"); not a coping step such as "Text Sam if I feel suicidal". No-harm pledges have no evidence behind them and can make it harder
# to say when things are bad, and a "not this time" logged against one invites shame; such a
# promise gets a word about support instead of a word about its size.
_HARM = (
    r"(?:self[- ]?(?:harm|injur|mutilat)\w*|sh|"
    r"(?:hang|hurt|harm|kill|cut|burn|hit|starve)(?:ing)?\s+"
    r"(?:myself(?! (?:out|off|up|working|over|at|by))|my (?:body|wrists?|arms?|legs?|skin))|"
    r"cutting(?! (?:corners|back|down|my hair|hair|myself off|off|out|(?:people|someone|him|her|them) off))|cut again|suicid\w*|kms|unalive\w*|"
    r"(?:take |taking )?(?:an )?overdos\w*|od|"
    r"(?:take|taking|swallow\w*) (?:all )?(?:my|the) (?:pills|tablets|meds)|"
    r"end(?:ing)? (?:my life|it all)|take (?:my|my own) life|act on (?:the|my|an) urges?)"
)
_SAFETY_PROMISE = re.compile(
    r"\b(?:never|not|no|won'?t|don'?t|do not|will not|stop|quit|avoid|without|refrain from|"
    r"hold off(?: on)?|resist(?: the urge to)?|abstain from|clean from)\b(?:\s+\w+){0,3}?\s+"
    + _HARM
    + r"\b|\bstay(?:ing)? alive\b|\bkeep(?:ing)? myself alive\b"
    r"|\b(?:self[- ]?harm|sh)[- ]free\b",
    re.IGNORECASE,
)
# "Keep myself safe" may be about not hurting oneself, or about staying safe from someone: it
# gets the note, but the person can keep their words.
_MAYBE_SAFETY_PROMISE = re.compile(
    r"\b(?:keep|keeping|stay|staying) myself safe\b|\bsafe from\b|\bprotect myself from\b|"
    r"\b(?:let|letting) (?:him|her|them|anyone|someone|my \w+) (?:hurt|hit|touch|harm)",
    re.IGNORECASE,
)
# Words of the promises we offer instead of a pledge, however the person rewords them.
_COPING_STEP = re.compile(
    r"\b(?:if tonight gets hard|when the urge|crisis line|safety plan|feel like dying)\b",
    re.IGNORECASE,
)
# A "never" that names someone is often a limit with a person who hurt you, and right as it is.
_NAMES_SOMEONE = re.compile(r"\b(?:him|her|them|his|my ex|he|she)\b", re.IGNORECASE)


def is_safety_promise(text: str) -> bool:
    """Is this promise plainly a pledge not to hurt oneself, or to stay alive?"""
    return bool(_SAFETY_PROMISE.search(text))


def may_be_safety_promise(text: str) -> bool:
    """Could it be one? ("keep myself safe" may be about someone else.)"""
    return bool(_MAYBE_SAFETY_PROMISE.search(text))


SAFETY_PROMISE_NOTE = _lazy(
    "Thank you for writing this. Keeping yourself safe is too much for a single promise to "
    "hold on a hard day, and if it slips, that is a sign to reach for more support, not a "
    "failure. Instead of a promise not to hurt yourself, you could promise what you'll do when "
    "it gets hard. Your safety plan and the people on it can hold this with you."
)
MAYBE_SAFETY_PROMISE_NOTE = _lazy(
    "If this is about staying safe from someone, it can stay just as it is: what someone else "
    "does is never a promise you can fail, and Get help now has people who can help you plan. If it's about not hurting yourself, a promise of what "
    "you'll do when it gets hard may hold better."
)
# Promises of what to do when it gets hard, offered in place of a no-harm pledge.
SAFETY_PROMISE_ALTERNATIVES = [
    _lazy("When the urge comes, I'll open my safety plan"),
    _lazy("If tonight gets hard, I'll text someone I trust"),
    _lazy("When it gets hard, I'll use Ground me now for five minutes"),
]


def size_nudge(text: str) -> str | None:
    """A kind suggestion when a promise looks long or open-ended, else None."""
    text = text.strip()
    if is_safety_promise(text):
        return str(SAFETY_PROMISE_NOTE)
    if may_be_safety_promise(text):
        return str(MAYBE_SAFETY_PROMISE_NOTE)
    if len(text) > LONG_PROMISE_CHARACTERS:
        return _(
            "This promise is quite long. Smaller promises are easier to keep, and each one you "
            "keep still counts. If you like, you could keep just the first small step."
        )
    if _VAGUE.search(text):
        if _NAMES_SOMEONE.search(text):
            return _(
                "If “never” is a limit with someone who hurt you, it can be exactly right as it "
                "is. If it's a promise to yourself, a smaller one you can do once, today, may be "
                "easier to keep."
            )
        return _(
            "Words like “always” or “never” can make a promise feel big. "
            "Smaller promises are easier to keep, and each one you keep still counts. "
            "If you like, you could make it something you can do once, today."
        )
    return None


# Examples drawn from the small, low-risk choices that rebuild self-trust.
EXAMPLES = [
    _lazy("Rest for ten minutes when I notice I'm tired"),
    _lazy("Say no to one small thing, with someone it's safe to say no to"),
    _lazy("Notice one thing that calms me and write it down"),
    _lazy("Go at my own pace on one task today"),
    _lazy("Drink a glass of water when I wake up"),
    _lazy("Step outside for five minutes"),
]


def about_hurting_oneself(text: str) -> bool:
    """Is this promise about not hurting oneself: a pledge, a "keep myself safe", or one of the
    promises of what to do when it gets hard that we offer instead? A slip on such a promise
    may mean harm, so it is never met with a neutral word."""
    offered = {str(option).casefold() for option in SAFETY_PROMISE_ALTERNATIVES}
    return (
        is_safety_promise(text)
        or may_be_safety_promise(text)
        or bool(_COPING_STEP.search(text))
        or text.strip().casefold() in offered
    )
