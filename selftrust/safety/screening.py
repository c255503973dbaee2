"""A gentle check of free text for words that suggest someone may be in danger.

This is not a risk assessment and never blocks saving. When it matches, we show crisis
resources beside what the person wrote, kindly, and leave every choice with them. The list
leans towards showing help too often rather than too rarely.
"""

import re

_PHRASES = (
    r"kill(ing)? my ?self",
    r"end(ing)? (it all|my life|things)",
    r"suicid(e|al)",
    r"(want|wanted|wish|wishing) (to|i could|i was|i were) (die|be dead|dead|disappear|not wake up)",
    r"better off (dead|without me)",
    r"no (reason|point) (to|in) (live|living|going on)",
    r"(hurt|hurting|harm|harming|cut|cutting) my ?self",
    r"self[- ]harm",
    r"can'?t go on",
    r"take my (own )?life",
    r"not (want|wanting) to (be alive|live|exist)",
    r"overdose",
)
_PATTERN = re.compile(r"\b(" + "|".join(_PHRASES) + r")\b", re.IGNORECASE)


def mentions_crisis(*texts: str) -> bool:
    """True when any text contains language that suggests the person may be unsafe."""
    return any(text and _PATTERN.search(text.replace("’", "'")) for text in texts)
