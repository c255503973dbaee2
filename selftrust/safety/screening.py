"""A gentle, offline check of free text for words that suggest someone may be in danger.

This is not a risk assessment and never blocks saving. When it matches, the app shows the
person's safety plan and crisis lines beside what they wrote, and leaves every choice with them.
Nothing is stored about the check and nothing is sent anywhere.

How it reads a text:
1. It is tidied (lower case, one kind of apostrophe, chat spellings like "wanna" spelled out).
2. It is cut into clauses, so "I'm not being dramatic, I really want to die" is two thoughts.
3. Each clause is searched for crisis phrases (`PHRASES`). A phrase found is set aside when
   a negation leans on it ("I don't want to die", "no thoughts of self-harm"), when it is
   about somebody else ("my friend said she wants to die"), or when an idiom wraps it
   ("I wanted to die of embarrassment"). Phrases whose meaning already holds the negation
   ("I don't want to be alive") are never set aside for it.

It leans towards showing help: a past attempt or past self-harm counts, because history is
the strongest sign and the response is kind. The labelled sentences in
`tests/safety/data/` measure how it does; `docs/benchmarks.md` has the figures.

Pure Python with no Django import, so `python -m selftrust screen-text` needs no database.
"""

import json
import re
import re._constants as sre
import re._parser as sre_parse
from bisect import bisect_right
from dataclasses import dataclass

from selftrust.safety.crisis_model import crisis_model
from selftrust.safety.crisis_phrases import PHRASES, Phrase


@dataclass(frozen=True)
class Screening:
    crisis: bool
    matched: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.crisis


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CLAUSE_BREAK = re.compile(r"[.!?;:\n]+|,| - | — | – |\bbut\b|\bthough\b|\bhowever\b")
_NEGATORS = _words(
    """
    not never no nor without don't dont doesn't didn't didnt won't wont wouldn't wouldnt
    isn't aren't wasn't haven't havent hasn't hadn't can't cant couldn't shouldn't ain't
    nothing stopped quit zero none nope denied deny denies denying
    """
)
# Words that may sit between a negation and what it negates: "not really going to",
# "no thoughts of", "nothing in me wants to", "never had any urge to".
_NEGATION_BRIDGE = _words(
    """
    i i'm i've i'd am was were be been being do does did have had has having really actually
    even ever at all any anymore currently right now today tonight going to want wanted
    wanting wants wanna feel feeling felt like thoughts thought thinking think of about urge
    urges plan plans intention intent desire wish need a an the so that just would will
    could should again longer once single serious seriously active actively in for years
    months weeks ages while since it is are considered considering tried try trying there
    there's that's more self me part point bit sign signs risk worries worry intend intending
    planning
    """
)
_FIRST_PERSON = _words(
    """
    i i'm i've i'd i'll ill me myself my we we're us
    """
)
_OTHERS = _words(
    """
    he she they he's she's they're theyre hes shes he'd she'd they'd he'll she'll him her
    them his their hers friend friends mate sister brother mum mom mother dad
    father son daughter cousin uncle aunt auntie partner boyfriend girlfriend bf gf bff
    bestie husband wife ex client clients patient patients character characters someone
    somebody anyone anybody people person man woman guy girl boy kid kids teen teenager teenagers
    student students colleague coworker co-worker nan gran grandma grandad granddad grandpa
    grandfather grandmother neighbour neighbor author singer actor actress celebrity
    protagonist hero heroine narrator stepdad stepmum stepmom niece nephew flatmate roommate
    housemate classmate family relative relatives therapist doctor nurse counsellor
    counselor teacher boss manager poet writer artist musician rapper band speaker lecturer
    professor comedian influencer youtuber streamer commenter song songs film films movie
    show book novel episode video post lyrics chorus meme
    """
)
_SPEECH = _words(
    """
    said says say saying told tells telling texted texts posted posts wrote writes tweeted
    asked asks mentioned admitted confessed joked jokes joking shouted screamed yelled
    messaged sang sings quoted threatened threatens threatening asking ask
    """
)
# Suicide or self-harm as a subject of study, work or media, not as something lived.
_TOPIC_AFTER = re.compile(
    r"(?: \w+){0,1} (?:prevention|awareness|squad|rates?|statistics|research|risks?|"
    r"intervention|training|course|screening|storyline|plot|admissions|figures|data|"
    r"polic(?:y|ies)|stud(?:y|ies)|literature|charit(?:y|ies)|campaign|bereavement|"
    r"survivors?|is painless|epidemic|theme|themes|content warning|trigger warning|scene|"
    r"first aid|assessments?|postvention|module|lecture|workshop|webinar|seminar|helpline numbers|laws?|"
    r"injur(?:y|ies)|patients?|calls?|victims?|cases?|deaths?|crisis team|history|"
    r"in (?:adolescents|teens|teenagers|young|men|women|students|children|the (?:uk|us|"
    r"news|military))|among|amongst)\b"
)
_TOPIC_BEFORE = re.compile(
    r"\b(?:(?:lectures?|talks?|papers?|research|essays?|dissertation|thesis|course|training|"
    r"module|books?|films?|movies?|documentar(?:y|ies)|podcasts?|articles?|episodes?|"
    r"storylines?|theor(?:y|ies)|stud(?:y|ies)|class|seminar|workshop|session|webinar|"
    r"conference|reports?|statistics|news|stor(?:y|ies)|chapter|unit|campaign|charity|"
    r"leaflets?|posters?|videos?|series|shows?|songs?|play|exhibition|coverage|"
    r"awareness|prevention|questions?|novels?|plays?|memoirs?|poems?|characters?|reporting|"
    r"history|laws?|polic(?:y|ies)|guidance|guidelines|procedures?|protocols?|language|words|stigma|conversations?|myths?|facts)"
    r"(?: \w+){0,2} (?:on|about|of|covering|regarding|around|into|discussing|exploring)|"
    r"covers?|covered|covering|discuss(?:es|ed|ing)?|explor(?:es|ed|ing)|depict(?:s|ed|ing)|"
    r"portray(?:s|ed|ing)|tackl(?:es|ed|ing)|address(?:es|ed|ing)|raising awareness of|"
    r"taught|teach(?:es|ing)?|see|seen|treat(?:s|ed|ing)?|attend(?:s|ed|ing)?|assess(?:es|ed|"
    r"ing)?|warnings? for|tw|cw|bereaved by|died by|death by|die by|dies by|dying by|"
    r"(?:lost|losing) (?:\w+ ){1,3}to|what)"
    r"(?: \w+){0,3}\s*$"
)
_DENIED_AFTER = re.compile(
    r"^(?:(?: \w+){0,2}\s*[:=\-–—,?]+\s*(?:none|no|nil|0|zero|n/?a|absent|denied|not today)"
    r"(?=\s*(?:[.!,;)]|$))"
    r"|[^.!?]{0,40}?\b(?:but i (?:don'?t|do not|didn'?t|won'?t|'?m not|am not|wasn'?t|never)"
    r"|(?:the|my) answer (?:is|was) no|i (?:could |can )?(?:honestly |truthfully )?(?:said|say|"
    r"answered|ticked|put|wrote|circled) (?:no|not|never))(?: \w+)?\s*(?:[.!,]|$))"
)
# "I laughed so hard I wanted to die": said while laughing or cringing, not in despair.
_LAUGHING_NEARBY = re.compile(r"laugh|😂|🤣|cring|embarrass|mortif|hilarious")
# "If I have to sit through one more meeting I'll kill myself": a figure of speech.
_HYPERBOLE_BEFORE = re.compile(
    r"\bif (?:i (?:have|had|need) to|i hear|i see|one more|he|she|they|my \w+|this|that|the) "
    r"[^.!?]{0,60}\b(?:i'?ll|i will|i'?m going to|i'?d|i would)(?: literally| actually)? $"
)
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
_WORD = re.compile(r"[a-z0-9']+")


def _tidy(text: str) -> str:
    text = text.translate(_APOSTROPHES).lower()
    text = re.sub(r"(.)\1{3,}", r"\1\1", text)  # "diiiiie" → "diie"; "sooooo" → "soo"
    text = re.sub(r"[*_~]+", "", text)  # "k*ll myself", "_unalive_"
    for pattern, replacement in _CHAT_SPELLINGS:
        text = pattern.sub(replacement, text)
    text = _LETTERS.sub(lambda found: _TYPOS.get(found.group(0), found.group(0)), text)
    return re.sub(r"[ \t]+", " ", text)


def _negated(before: str) -> bool:
    """Does a negation lean on what comes next? Only bridge words may stand between them."""
    for word in reversed(_WORD.findall(before)):
        if word in _NEGATORS or word.endswith("n't"):
            return True
        if word not in _NEGATION_BRIDGE:
            return False
    return False


def _people(words: list[str]) -> list[str]:
    """'writer', 'someone else' or '' for each word; "my friend" is the friend, not the writer."""
    people = []
    for word in words:
        if word == "my":  # possessive: "a girl in my class", "my friend" name someone else
            people.append("")
        elif word in _FIRST_PERSON:
            people.append("writer")
        elif word in _OTHERS or (word.endswith("'s") and word[:-2] in _OTHERS):
            people.append("someone else")
        else:
            people.append("")
    return people


def _about_someone_else(before: str) -> bool:
    """Is the nearest person named before the phrase somebody other than the writer?"""
    for person in reversed(_people(_WORD.findall(before))):
        if person:
            return person == "someone else"
    return False


_OPENING_QUOTE = re.compile(r"(?:^|[\s(])[\"“'](?=\w)")
_CLOSING_QUOTE = re.compile(r"\w[\"”'](?=[\s.,!?;:)]|$)")


def _open_quote(before: str) -> int:
    """Where a quotation still open at the end of `before` starts, or -1."""
    opening = None
    for found in _OPENING_QUOTE.finditer(before):
        opening = found
    if opening is None or _CLOSING_QUOTE.search(before, opening.end()):
        return -1
    return opening.end() - 1


def _reported_from_someone_else(before: str, earlier_speaker: str = "") -> bool:
    """'my flatmate said everyone would be better off without me': their words, not ours.

    Only a speech verb close before the phrase counts; who spoke is the last person named
    between the verb and the phrase, or else the first person named before the verb.
    `earlier_speaker` is the first person named in the clause before `before` begins, when
    `before` is only the end of a long clause.
    """
    quote = _open_quote(before)
    if quote >= 0:
        # Inside a quotation: whoever is quoted speaks, even when they say "I".
        if set(_WORD.findall(before[quote:])) & {"you", "he", "she", "they"}:
            return True
        before = before[:quote]
        return any(word in _SPEECH for word in _WORD.findall(before)[-3:]) and (
            (
                earlier_speaker
                or next((person for person in _people(_WORD.findall(before)) if person), "")
            )
            == "someone else"
        )
    words = _WORD.findall(before)
    people = _people(words)
    for position in range(len(words) - 1, max(-1, len(words) - 8), -1):
        if words[position] not in _SPEECH:
            continue
        between = [person for person in people[position + 1 :] if person]
        if between:
            return between[-1] == "someone else"
        speaker = earlier_speaker or next((person for person in people[:position] if person), "")
        return speaker == "someone else"
    return False


def _required_fragments(pattern: str) -> frozenset[str] | None:
    """Pieces of text that any match of the pattern must contain, one of them at least.

    Scanning a few hundred characters with ~200 patterns costs about a millisecond, because
    patterns that begin with a choice give the regex engine no literal to search for. A
    plain `in` test of these fragments costs almost nothing and rules most patterns out.
    Read from the parsed pattern: the longest literal runs, and for a choice, one from each
    branch. None when no such piece can be named (then the pattern always runs).
    """
    return _fragments_of(sre_parse.parse(pattern))


def _fragments_of(items) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value)
            continue
        if op is sre.AT:  # \b and friends take no room
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        found = None
        if op is sre.SUBPATTERN:
            found = _fragments_of(value[-1])
        elif op is sre.BRANCH:
            branches = [_fragments_of(branch) for branch in value[1]]
            if all(branches):
                found = frozenset().union(*branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            found = _fragments_of(value[2])
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset([run]))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(f) for f in c), -len(c)))


_GATES = [_required_fragments(phrase.pattern.pattern) for phrase in PHRASES]


def _clause_starts(text: str) -> list[int]:
    return [0] + [found.end() for found in _CLAUSE_BREAK.finditer(text)]


# How far either side of a phrase the checks that may set it aside read. Every one of them
# looks only a few words away (a negation, a speaker, "… prevention"), and reading the whole
# rest of a long text for every match made screening quadratic: "end it all " 9,000 times took
# minutes. Far wider than any sentence, so nothing a person writes reads differently.
_CONTEXT = 300
# Stands for "the text goes on" at the end of a cut-short window, where `$` must not match.
_MORE = "\x00"


def _before(text: str, clause_start: int, start: int) -> str:
    """The clause before a phrase, at most _CONTEXT characters of it, from a word's start."""
    window = max(clause_start, start - _CONTEXT)
    if window > clause_start and not text[window - 1].isspace():
        space = text.find(" ", window, start)
        window = start if space < 0 else space + 1
    return text[window:start]


def _first_person_named(text: str, start: int, end: int) -> tuple[int, str]:
    """Where the first person is named in text[start:end], and who: 'writer' or
    'someone else'; (end, '') when nobody is."""
    for found in _WORD.finditer(text, start, end):
        person = _people([found.group(0)])[0]
        if person:
            return found.start(), person
    return end, ""


def _after(text: str, end: int) -> str:
    """What follows a phrase, at most _CONTEXT characters of it."""
    after = text[end : end + _CONTEXT]
    return after + _MORE if end + _CONTEXT < len(text) else after


def screen(text: str) -> Screening:
    """Whether the text suggests suicidal thinking, self-harm or intent to die, and why."""
    if not text or not text.strip():
        return Screening(False)
    matched, set_aside = _read_phrases(text)
    if matched:
        return Screening(True, tuple(matched))
    if set_aside:
        # The list knew these words and read them as denied, someone else's, or a topic:
        # the model, which can't tell, gets no say.
        return Screening(False)
    # A second opinion for phrasings the list doesn't know yet (see crisis_model).
    model = crisis_model()
    if model.score(text) >= model.threshold:
        words = ", ".join(model.strongest_words(text)) or "the whole text"
        return Screening(True, (f"model: {words}",))
    return Screening(False)


def matched_phrases(text: str) -> list[str]:
    """The crisis phrases found in the text and not set aside (the list alone, no model)."""
    return _read_phrases(text)[0]


def _read_phrases(text: str) -> tuple[list[str], bool]:
    """(phrases found and kept, whether any phrase was found but set aside)."""
    tidy = _tidy(text)
    set_aside = False
    starts = _clause_starts(tidy)
    first_named: dict[int, tuple[int, str]] = {}  # per clause, read once: see below
    matched: list[str] = []
    for phrase, gate in zip(PHRASES, _GATES, strict=True):
        if gate is not None and not any(fragment in tidy for fragment in gate):
            continue
        for found in phrase.pattern.finditer(tidy):
            words = found.group(0).strip()
            if words in matched:
                continue  # already found, and not set aside
            clause = bisect_right(starts, found.start()) - 1
            clause_start = starts[clause]
            before = _before(tidy, clause_start, found.start())
            after = _after(tidy, found.end())
            # Who speaks can be the first person named in the clause, however long ago.
            if clause_start not in first_named:
                clause_end = starts[clause + 1] if clause + 1 < len(starts) else len(tidy)
                first_named[clause_start] = _first_person_named(tidy, clause_start, clause_end)
            named_at, person = first_named[clause_start]
            earlier_speaker = person if named_at < found.start() - len(before) else ""
            if _set_aside(phrase, before, after, _names_the_writer(words), earlier_speaker):
                set_aside = True
                continue
            matched.append(words)
    return matched, set_aside


def _names_the_writer(words: str) -> bool:
    return any(word in _FIRST_PERSON for word in _WORD.findall(words))


def _set_aside(
    phrase: Phrase, before: str, after: str, names_the_writer: bool, earlier_speaker: str = ""
) -> bool:
    if before.endswith(("'", '"', "“")) and after[:1] in ("'", '"', "”"):
        return True  # 'overdose' named as a word, not lived
    if phrase.negatable and (_negated(before) or _DENIED_AFTER.match(after)):
        return True
    if phrase.may_be_about_others and not names_the_writer and _about_someone_else(before):
        return True
    if phrase.may_be_a_topic and (_TOPIC_AFTER.match(after) or _TOPIC_BEFORE.search(before)):
        return True
    if phrase.may_be_hyperbole and (
        _HYPERBOLE_BEFORE.search(before) or _LAUGHING_NEARBY.search(before[-80:] + after[:30])
    ):
        return True
    return _reported_from_someone_else(before, earlier_speaker)


def mentions_crisis(*texts: str) -> bool:
    """True when any of the texts suggests the person may be unsafe."""
    return any(screen(text).crisis for text in texts if text)


def screen_lines(lines, out) -> None:
    """One JSON object per input line: {"text": ..., "crisis": ..., "matched": [...]}."""
    for line in lines:
        text = line.rstrip("\r\n")
        result = screen(text)
        record = {"text": text, "crisis": result.crisis, "matched": list(result.matched)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
