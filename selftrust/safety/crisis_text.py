"""Text as the screener reads it: tidied, and cut into sentences.

Shared by the model (`crisis_model`) and the phrase list (`screening`), so both read
"wanna", "dont" and "kilin myself" the same way as "want to", "don't" and "killing myself".
Pure Python, no Django.
"""

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CHAT_SPELLINGS = (
    (re.compile(r"\bgonna\b"), "going to"),
    (re.compile(r"\b(?:wana|wann|wnna|wnt to|wamt to|wan to)\b"), "want to"),
    (re.compile(r"\b(?:wanted 2|want 2|wanna 2)\b"), "want to"),
    (re.compile(r"\b(?:dont|do nt)\b"), "don't"),
    (re.compile(r"\b(?:cant|cannot|can not)\b"), "can't"),
    (re.compile(r"\bwont\b"), "won't"),
    (re.compile(r"\bdidnt\b"), "didn't"),
    (re.compile(r"\bu\b"), "you"),
    (re.compile(r"\b(?:rly|rlly|realy)\b"), "really"),
    (re.compile(r"\b(?:jus|jst)\b"), "just"),
    (re.compile(r"\b(?:ur|youre)\b"), "you're"),
    (re.compile(r"\b(?:any ?more|no ?more)\b"), "anymore"),
    (re.compile(r"\bim\b"), "i'm"),
    (re.compile(r"\bive\b"), "i've"),
    (re.compile(r"\bid\b"), "i'd"),
    (re.compile(r"\bw/o\b"), "without"),
    (re.compile(r"\bexs(?=ist)"), "ex"),
    (re.compile(r"\b(?:wld|wud)\b"), "would"),
    (re.compile(r"\b(?:whats|wats)\b"), "what's"),
)


def _typo_table() -> dict[str, str]:
    """One slip of the thumb (a letter left out, doubled or two swapped) in the words that
    matter most, mapped back to the word."""
    words = _words(
        """
        myself alive killing wanted wanting want life living dying hurting harming cutting
        thinking anymore overdose pills tablets suicide suicidal disappear existing forever
        without everyone better ending worth exist
        """
    )
    # Slips that are words in their own right, and must keep their own meaning.
    real_words = _words(
        """
        live exit ding seep waned waning gong haring writs wan ant diet ever lief bette cuing
        thing tinking tables tablet overdoes exiting ills arming wated wating hurtling wort
        wroth exit exits
        """
    )
    table = {}
    for word in sorted(words):
        slips = {word[:i] + word[i + 1 :] for i in range(len(word))}
        slips |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
        if len(word) >= 6:  # a doubled or stray letter inside a longer word
            slips |= {
                word[:i] + letter + word[i:]
                for i in range(1, len(word))
                for letter in "abcdefghijklmnopqrstuvwxyz"
            }
        for slip in slips - words - real_words:
            if len(slip) >= 4:
                table.setdefault(slip, word)
    return table


_TYPOS = _typo_table()
_LETTERS = re.compile(r"[a-z]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def tidy(text: str) -> str:
    """Lower case, one kind of apostrophe, chat spellings and one-letter slips spelled out."""
    text = text.translate(_APOSTROPHES).lower()
    text = re.sub(r"(.)\1{3,}", r"\1\1", text)  # "diiiiie" → "diie"; "sooooo" → "soo"
    text = re.sub(r"[*_~]+", "", text)  # "k*ll myself", "_unalive_"
    for pattern, replacement in _CHAT_SPELLINGS:
        text = pattern.sub(replacement, text)
    text = _LETTERS.sub(lambda found: _TYPOS.get(found.group(0), found.group(0)), text)
    return re.sub(r"[ \t]+", " ", text)


# Sentence ends, line breaks, and the dashes people use as full stops in a quick note.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|\s+[-–—]\s+")


def sentences(text: str) -> list[str]:
    """The text's sentences, in order, without empty ones."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]
