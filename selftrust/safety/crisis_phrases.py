"""The phrases the crisis-language screener looks for, and what may set each one aside.

Each phrase is a regular expression over tidied text (lower case, one kind of apostrophe, chat
spellings spelled out; see `screening._tidy`). The flags say how `screening` may read it:
whether a negation before it can undo it, whether it could be about somebody else, whether it
can be a subject of study ("suicide prevention"), and whether it can be said in exasperation.

When a new phrasing is missed, add it here with the most general wording that stays clear of
everyday speech, and add the sentence to `tests/safety/data/`.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern
    # Phrases like "don't want to live" carry their own negation: never set aside for one.
    negatable: bool = True
    # Phrases naming the writer ("kill myself", "without me") can't be about somebody else.
    may_be_about_others: bool = True
    # "Suicide" and "self-harm" can be a subject of study or a storyline, not something lived.
    may_be_a_topic: bool = False
    # "… one more meeting and I'll kill myself" is said in exasperation, not despair.
    may_be_hyperbole: bool = False


def _phrase(
    regex: str,
    *,
    negatable: bool = True,
    about_others: bool = True,
    topic: bool = False,
    hyperbole: bool = False,
) -> Phrase:
    return Phrase(re.compile(regex), negatable, about_others, topic, hyperbole)


# Building blocks, forgiving of common misspellings and chat spellings.
_MYSELF = r"(?:my ?s[ae]?l[fv]e?|my ?slef|meself|mysel|myslf|myelf|mself)"
_KILL = r"(?:ki+l+|kil)"
_SUICIDE = (
    r"(?:s[ue]{1,2}[i1!]?[cs]{1,2}[i1!]?d(?:e|es|al|el|ial|ality|le|ale|il)?|sewer ?slide|sooicide)"
)
_DIE = r"(?:die|dye(?! (?:my|it|the|your|her|his|their|our|some|a|an|hair|them)\b)|dy|be dead|be ded|be gone|not exist|stop existing|not be here|not be alive)"
_LIFE = r"(?:life|lfie|liefe|lief|lyfe|lif)"
_END = r"(?:end(?:ing|ng|in|ed)?)"
_WANT = r"(?:want(?:ed|s|ing)?|wish(?:ed|es|ing)?|hope(?:d|s)?|long(?:ed)? ?(?:to)?|need(?:ed)?)"
_SELF_HARM_ACT = (
    r"(?:cut+(?:ing|ed)?|slash(?:ed|ing)?|burn(?:t|ed|ing)?|h[eu]rt(?:ing)?|harm(?:ed|ing)?"
    r"|scratch(?:ed|ing)?|hit+(?:ing)?|punch(?:ed|ing)?|starv(?:e|ed|ing)|strangl(?:e|ed|ing)"
    r"|poison(?:ed|ing)?|injur(?:e|ed|ing)|punish(?:ed|ing)?|bang(?:ed|ing)? my head"
    r"|drown(?:ed|ing)?|suffocat(?:e|ed|ing)|gas(?:sed|sing)?|stab(?:bed|bing)?|shoot(?:ing)?"
    r"|shot|electrocut(?:e|ed|ing)|off|top|delete)"
)
_BODY = r"(?:wrists?|forearms?|upper arms?|arms?|thighs?|legs?|skin|stomach|hips?|ankles?)"
_PILLS = (
    r"(?:pills?|tablets?|meds|medication|paracetamol|tylenol|acetaminophen|ibuprofen|"
    r"sleeping pills|painkillers|antidepressants|insulin)"
)
# What a harmless "cut myself …" or "hurt myself …" is usually followed by.
_ACCIDENT = (
    r"(?! (?:shaving|cooking|chopping|slicing|gardening|opening|playing|lifting|running|"
    r"training|climbing|skiing|cycling|falling|at (?:the )?(?:gym|work|training)|on (?:a|the|some) "
    r"(?:paper|tin|can|step|stairs|corner|edge|door|table|bike|ice)|by accident|accidentally|"
    r"while|in (?:the|a) (?:kitchen|garden|gym|match|game|fall)|doing|moving|carrying|"
    r"badly|a bit|pretty badly|slightly)\b)"
)
# Idioms that turn a death word into a figure of speech.
_IDIOM_AFTER_DIE = r"(?! (?:of|from|laughing|for (?:a|some|one)|inside a little|a little inside)\b)"

PHRASES: tuple[Phrase, ...] = (
    # Suicide named outright, with room for misspellings and euphemisms.
    _phrase(
        rf"\b{_SUICIDE}\b(?! (?:bomb(?:er|ing)?s?|mission|doors?|pact film|note in the|"
        r"of (?:a|the) (?:character|singer|poet))\b)",
        topic=True,
    ),
    _phrase(r"\bun-?aliv(?:e|ing|ed)\b"),
    _phrase(r"\b(?:kms|ctb|kmsl?)\b"),
    # Killing or ending oneself and one's life.
    _phrase(rf"\b{_KILL}(?:ing|ed|s)? ?{_MYSELF}\b", about_others=False, hyperbole=True),
    _phrase(
        rf"\b(?:{_END}|take|taking|took) (?:my|me) (?:own )?{_LIFE}\b(?! back)", about_others=False
    ),
    _phrase(
        r"\bend(?:ing)? it(?: all)?(?: for good| forever| permanently| tonight| now)?\b"
        r"(?! (?:with|between|there|here|early|on a|on good|off|up|at|before|by|in|"
        r"when|if|for the day|for now|once|and move|politely|kindly|properly)\b)"
    ),
    _phrase(
        r"\bend(?:ing)? (?:everything|things|my pain|the pain|my suffering|all this|"
        r"all of this|it all)\b(?: for good| forever| permanently)?(?! (?:with|between|"
        r"off|up|at work|early|on a)\b)"
    ),
    _phrase(
        r"\b(?:make|making) (?:it|the pain|everything|this) (?:all )?stop (?:for good|"
        r"forever|permanently)\b"
    ),
    _phrase(r"\b(?:stop|end) (?:for good|forever|permanently)\b"),
    _phrase(r"\bpermanent (?:solution|way out|escape|sleep|end)\b"),
    _phrase(r"\bway out\b(?= (?:for good|forever|that|of (?:this|it all|everything|life)))"),
    # Wishing to die, to be dead, to not exist.
    _phrase(
        rf"\b{_WANT} (?:to |2 |i (?:could|would|was|were|had|would just|could just) )?"
        rf"(?:just |simply |really )?{_DIE}\b{_IDIOM_AFTER_DIE}",
        hyperbole=True,
    ),
    _phrase(rf"\bwanna (?:just )?{_DIE}\b{_IDIOM_AFTER_DIE}", hyperbole=True),
    _phrase(r"\b(?:i'?d|i would|i'?m) (?:\w+ )?(?:rather|better off) (?:be )?dead\b"),
    _phrase(
        r"\bbetter off (?:dead|gone|without me|if i (?:was|were)n'?t (?:here|around|alive)"
        r"|if i (?:died|never existed|wasn'?t born|had never been born))\b",
        about_others=False,
    ),
    _phrase(
        r"\b(?:wish|wished|wishing) i (?:was|were|had)(?:n'?t| not| never) (?:born|been "
        r"born|here|alive|around|existed)\b",
        negatable=False,
        about_others=False,
    ),
    _phrase(
        r"\b(?:wish|wished) i (?:could )?(?:just )?(?:disappear(?:ed)?|vanish(?:ed)?)"
        r"(?: forever| for good| permanently| and never| completely)?\b(?! (?:for (?:a|the) "
        r"(?:day|week|weekend|bit|while|few)|from (?:this|the|that|my) \w+ ?\w*)\b)"
    ),
    _phrase(
        r"\b(?:want|wanna|need) to (?:just )?(?:disappear|vanish) (?:forever|for good|"
        r"permanently|completely|and never come back)\b"
    ),
    _phrase(
        r"\b(?:i )?(?:wish|want|hope|pray)(?:ed)?(?: that)? (?:i'?d |i could |i would |to )"
        r"(?:just )?(?:go to sleep|fall asleep|sleep) (?:and|forever|for ever)\b"
    ),
    _phrase(
        r"\b(?:not|never|don'?t|didn'?t) (?:want to |wanna )?wak(?:e|ing) up(?: again|"
        r" ever| tomorrow| in the morning| anymore| any more)?\b(?! (?:early|before|at|"
        r"till|until|on time|in time|late|for)\b)",
        negatable=False,
    ),
    _phrase(r"\bhope i (?:don'?t|do not|never) wake up\b", negatable=False),
    _phrase(
        r"\b(?:don'?t|do not|dont|no longer|never|didn'?t|not) (?:really |even )?"
        r"(?:want|wanting|wanna|wish|care|feel like)(?: to)? (?:be alive|live|living|exist|existing|be "
        r"here|be around|stay alive|go on|keep going|keep living|carry on|wake up)\b"
        r"(?! (?:with|in|near|like|at|there|for|on|without|until|after|here in)\b)",
        negatable=False,
        about_others=False,
    ),
    _phrase(
        r"\b(?:tired|sick|exhausted) of (?:being alive|living|existing|life itself|"
        r"being here|breathing)\b(?! (?:with|in|like|at|near|here|there|on)\b)"
    ),
    _phrase(
        r"\b(?:no|not any|nothing|don'?t see a|can'?t see a|can'?t find a|lost my) "
        r"(?:reason|point|purpose|will) (?:to|in|for|of) (?:live|living|life|go on|"
        r"going on|stay|staying|keep going|carrying on|be alive|being alive|being here|"
        r"exist|existing)\b",
        negatable=False,
    ),
    _phrase(r"\bnothing (?:left )?to live for\b", negatable=False),
    _phrase(
        r"\bwhat'?s the point (?:of|in) (?:living|being alive|going on|life|existing|"
        r"carrying on|anything anymore|any of it anymore)\b"
    ),
    _phrase(
        r"\blife (?:isn'?t|is not|ain'?t|wasn'?t) worth (?:living|it anymore|it any more)\b",
        negatable=False,
    ),
    _phrase(
        r"\bcan'?t (?:go on|keep going|carry on|do this anymore|do this any more|take it "
        r"anymore|take it any more|live like this)\b(?! (?:with|the|a|an|to|at|holiday|"
        r"trip|tour|vacation|stage|that|tomorrow|today|tonight|without)\b)",
        negatable=False,
    ),
    _phrase(
        r"\b(?:world|everyone|everybody|my family|my kids|they|people)(?:'?d| would| will| "
        r"is| are)? (?:be )?better (?:off )?without me\b",
        about_others=False,
    ),
    _phrase(
        r"\b(?:won'?t|will not|wont|not going to|not gonna|don'?t think i'?ll) be "
        r"(?:here|around|alive)(?: by| for| much longer| next| to see| anymore| any more"
        r"| when| after)\b",
        negatable=False,
        about_others=False,
    ),
    # Wishing to be dead or never to have been, and waiting for life to end.
    _phrase(
        r"\bwish(?:ed|ing)? i (?:was|were|'?d be|could be|would be) (?:dead|ded|gone|not "
        r"here|not alive|never born)\b(?! (?:tired|to the world|on my feet|set on)\b)",
        about_others=False,
    ),
    _phrase(
        r"\bwish(?:ed|ing)? i (?:just |could just |could )?(?:didn'?t|did not|don'?t|could "
        r"stop|wouldn'?t) (?:exist|existing|wake up|be here|have to be alive)\b",
        negatable=False,
        about_others=False,
    ),
    _phrase(
        r"\b(?:want|wanna|wish|need)(?:ed|ing)? (?:to )?stop (?:living|existing|breathing|"
        r"being alive)\b"
    ),
    _phrase(
        rf"\b(?:want|wish|need|waiting for|wait for) (?:my {_LIFE}|it all|everything) to "
        r"(?:be over|end|stop)\b(?! (?:with|at|so|soon so)\b)"
    ),
    _phrase(
        r"\b(?:want|wanna|need) (?:it )?all to (?:be over|end|stop)(?: for good| forever"
        r"| permanently)?\b"
    ),
    _phrase(
        r"\bif i (?:was|were) (?:dead|ded|gone for good|gone forever|not alive|never born)"
        r"\b",
        about_others=False,
    ),
    _phrase(
        r"\b(?:better|easier|happier|lighter|simpler|relieved|relief|for the best|notice|"
        r"care|miss me)\b[^.]{0,40}\bif i (?:was gone|were gone|wasn'?t (?:here|around|"
        r"alive|born)|weren'?t (?:here|around|alive)|died|disappeared for good|didn'?t "
        r"exist|never existed|was never born|killed myself)\b",
        about_others=False,
    ),
    _phrase(
        r"\b(?:world|everyone|everybody|they|people|family|kids|life|things)\b[^.]{0,30}\b"
        r"(?:better|lighter|happier|easier|freer|fine|simpler)\b[^.]{0,15}\bwithout me\b",
        about_others=False,
    ),
    _phrase(
        r"\b(?:don'?t think i'?ll|won'?t|will not|not going to|might not|may not|don'?t "
        r"expect to|don'?t plan (?:on|to)|don'?t intend to) (?:still )?(?:be|being) "
        r"(?:here|around|alive)(?! (?:for (?:the|a|an|your|our|his|her|their|dinner|lunch|"
        r"breakfast|tea|work|school|class)|at|in|on|when you|this|that|tomorrow "
        r"(?:morning|afternoon)|to help|to answer|to pick)\b)",
        negatable=False,
        about_others=False,
    ),
    _phrase(r"\bdone with (?:life|living|being alive|existing|it all|this life|this world)\b"),
    _phrase(
        rf"\b(?:living|{_LIFE}|being alive|existing|my existence) (?:feels|is|seems|has "
        r"become|became) (?:so |completely |totally |utterly )?(?:pointless|meaningless|"
        r"unbearable|not worth it|not worth living|like a waste)\b"
    ),
    _phrase(
        r"\bby (?:not existing|not being (?:here|around|alive)|dying|disappearing for good|"
        r"being gone|ending it)\b"
    ),
    _phrase(
        r"\b(?:i'?d|would) (?:much )?(?:rather|prefer to) (?:not exist|be gone|not be here|"
        r"not be alive|disappear forever)\b",
        about_others=False,
    ),
    _phrase(r"\bwhy (?:i'?m|am i|i am) (?:still |even )*(?:alive|here|breathing)\b"),
    _phrase(
        r"\b(?:counting down|waiting) (?:until|till|for) (?:it|everything|my life|life) "
        r"(?:ends|is over|to end|to be over)\b"
    ),
    _phrase(
        r"\b(?:hope|hoping|wish|wishing|pray|praying)(?:d|ed)? (?:that )?(?:a|the|some) "
        r"(?:car|bus|train|truck|lorry|plane) (?:hits|would hit|will hit|crashes|kills|runs "
        r"me over|would crash)\b"
    ),
    _phrase(
        r"\b(?:hope|hoping|wish|wishing|pray|praying)(?:d|ed)? (?:that )?i (?:get|got|gets|"
        r"would get|'?d get) (?:hit|run over|killed|sick and die|cancer)\b"
    ),
    _phrase(
        r"\b(?:hope|hoping|wish|wishing|pray|praying)(?:d|ed)? (?:that )?i (?:wouldn'?t|won'?t"
        r"|don'?t|didn'?t|never) wake up\b",
        negatable=False,
    ),
    _phrase(
        r"\b(?:got|get|getting) (?:sick|ill|cancer) and (?:just )?(?:die|died|didn'?t "
        r"recover|don'?t recover|never recover)\b"
    ),
    _phrase(
        r"\b(?:go|going|slip|slipping|sink|sinking) under and (?:not|never) (?:come|coming) "
        r"(?:up|back)\b"
    ),
    _phrase(r"\bswerv(?:e|ing|ed) (?:into|in front of|off)\b"),
    _phrase(r"\b(?:have|got|there'?s|keep) a way out if\b"),
    # Hurting oneself, said plainly or in passing.
    _phrase(
        r"\b(?:want|wanna|need|urges?|urge|itching|tempted)(?:ed|s|ing)? to (?:cut|burn|"
        r"bleed|self-?harm)\b(?! (?:the|a|an|some|down|back|out|off|corners|ties|my hair|"
        r"his|her|their|our|in|it|them|him|up|through|across|short|costs|loose|calories|"
        r"sugar|carbs|fat|bread|cake|candles?|wood|bridges|toast|dinner|this|that)\b)"
    ),
    _phrase(
        r"\bdeserve(?:s|d)? to (?:be hurt|hurt|suffer|bleed|die|be punished|feel pain|be "
        r"dead|not exist)\b"
    ),
    _phrase(r"\bwant(?:ed)? (?:it|myself|my body) to (?:hurt|bleed|feel pain)\b"),
    _phrase(
        rf"\b(?:more|too many|extra|all my|a lot of|loads of|a handful of) {_PILLS} "
        r"(?:than|on purpose|to (?:feel|stop|sleep forever|not))"
    ),
    _phrase(rf"\b{_PILLS}\b[^.]{{0,50}}\b(?:on purpose|to end|to die|ready when|just in case)\b"),
    _phrase(
        rf"\b(?:bit|bite|biting|pinch\w*|hit|hitting|punch\w*|slap\w*) (?:my|my own) "
        rf"(?:{_BODY}|face|thighs?)\b(?! (?:on|against the (?:door|table|car)|by accident|"
        r"accidentally|playing)\b)",
        about_others=False,
    ),
    _phrase(
        r"\b(?:bang(?:ed|ing|s)?|hit(?:ting|s)?|smash(?:ed|ing|es)?|slam(?:med|ming|s)?) my head (?:against|into) (?:the|a) "
        r"(?:wall|floor|door)\b"
        r"(?! by accident)",
        about_others=False,
    ),
    _phrase(
        rf"\b(?:blade|razor|razors|scissors|knife|lighter|compass) (?:to|on|against|across|"
        rf"into) my (?:skin|{_BODY}|body|flesh)\b",
        about_others=False,
    ),
    _phrase(r"\bfresh (?:cuts|wounds|scars|burns)\b"),
    _phrase(rf"\bscars? (?:on|across|all over) my (?:{_BODY})\b", about_others=False),
    _phrase(
        r"\b(?:hid|hidden|hide|hiding|threw away|thrown away|got rid of|bought|buy|buying|"
        r"have|keep|kept) (?:the|my|some|new|a pack of) (?:razors?|blades?|razor blades?)\b"
        r"(?! (?:for|to shave)\b)"
    ),
    _phrase(
        r"\b(?:been|started|start|keep|kept|stopped|stop|was|i'?m|avoid|avoiding|quit)"
        r"(?: \w+)? cutting(?: myself)?\b(?! (?:back|down|out|off|up|the|my|your|his|her|a|"
        r"an|it|them|corners|ties|carbs|sugar|onions|bread|costs|class|classes|school|"
        r"people|hair|grass|wood|paper|fabric|coupons|through|in|edge|board|room|"
        r"for the|teeth)\b)"
    ),
    _phrase(r"\bcut (?:for|since) (?:years|months|weeks|ages|a while|a long time)\b"),
    _phrase(
        r"\bused to (?:cut|self[- ]?harm|burn myself|hurt myself|starve myself)\b(?! (?:the|"
        r"my|our|his|her|a|an|hair|grass|lawn|wood|paper|fabric|down|back|up|out|off|"
        r"class|school|corners|it|them|through|across)\b)"
    ),
    _phrase(
        r"\bsh\b(?= (?:again|urges?|relaps|last night|last nite|tonight|clean|free|scars?|"
        r"cuts?|wounds?))|\b(?:relaps\w*(?: on| into| with)?|urges? to|want(?:ing)? to|clean from|"
        r"free from|free of|since i last|scars from|marks from) sh\b"
    ),
    # Plans, preparations and goodbyes.
    _phrase(
        r"\b(?:know|knew|decided|worked out|figured out|planned|plan) (?:exactly |just )?"
        r"(?:how|where|when) (?:i'?d|i would|i'?ll|i will|i'?m going to|to) (?:do it|end it|die|kill|go)\b"
    ),
    _phrase(r"\b(?:a|my|the) plan and (?:a|the) (?:date|time|day|method|way)\b"),
    _phrase(
        r"\b(?:go|going|went|follow|following) through with it\b(?! (?:and (?:book|buy|"
        r"sign|apply)|anyway,? the (?:move|trip|wedding|interview))\b)"
    ),
    _phrase(
        r"\b(?:researched|research|researching|looked up|looking up|googled|googling|"
        r"searched|searching|reading about) [\w' ]{0,20}\b(?:methods|ways to (?:die|end it)|how "
        r"to (?:die|end it|kill)|lethal|painless ways|the quickest way|how much it would "
        r"take|how many it would take)\b"
    ),
    _phrase(
        r"\bworking up (?:the )?(?:courage|nerve)\b(?! to (?!jump|do it|end it|go through)"
        r")"
    ),
    _phrase(
        r"\bbought (?:some |a )?(?:rope|ropes|a noose|razor blades?)\b(?! (?:for (?:the|my|"
        r"a) (?:garden|tent|boat|climbing|swing|washing|camping))\b)"
    ),
    _phrase(
        r"\b(?:after|once|when|if) i'?m (?:gone|dead|ded|not here anymore|no longer here)\b"
        r"(?! (?:on|for (?:a|the|two|three|\d)|to|away|abroad|out|shopping|travelling|"
        r"traveling)\b)"
    ),
    _phrase(
        r"\b(?:this is|this'?ll be|this will be|this might be) my (?:very )?last (?:journal )?"
        r"(?:entry|post|message|note|day|night)\b"
    ),
    _phrase(
        r"\b(?:thank you|thanks|goodbye|bye|sorry) to (?:anyone|everyone|all of you) who "
        r"(?:tried|cared|helped|loved me)\b"
    ),
    _phrase(
        rf"\b(?:stockpil|hoard|sav|collect)\w* (?:up )?(?:my |the |some |all (?:of )?my )?"
        rf"{_PILLS}\b(?! (?:for (?:my|the) (?:trip|holiday|travel))\b)"
    ),
    _phrase(
        r"\b(?:i'?m|am|was|i was) (?:going to|about to|ready to|gonna) jump\b(?! (?:in|into|"
        r"on|at|for|rope|the queue|ship|through|around|up|back|ahead|over|out of my skin"
        r"|the gun)\b)"
    ),
    _phrase(
        r"\b(?:roof|bridge|cliff|balcony|ledge)\b[^.]{0,60}\b(?:jump|jumped|jumping|let go|"
        r"step off|stepped off|fall)\b(?! (?:in(?:to)? the (?:sea|river|lake|water) for fun|"
        r"at the chance)\b)"
    ),
    _phrase(
        r"\bwhat'?s (?:even )?the point (?:of|in) (?:even )?(?:being alive|living|life|"
        r"existing|going on|carrying on|being here)\b"
    ),
    _phrase(
        r"\bno (?:reason|point|purpose) for me to (?:live|be alive|keep going|go on|stay|"
        r"be here|exist|carry on)\b",
        negatable=False,
    ),
    # Seeing no future with oneself in it.
    _phrase(
        r"\b(?:not|no longer|never) (?:be|being) (?:here|around|alive)(?: anymore| much "
        r"longer| for much longer| for long| forever| by (?:christmas|spring|summer|autumn|"
        r"winter|next|the end|then|new year|my birthday))\b",
        negatable=False,
    ),
    _phrase(
        r"\b(?:don'?t|do not|doesn'?t|no longer|not sure i|not) (?:[\w']+ ){0,3}(?:want|"
        r"wanna|going|plan|expect|intend) (?:to )?be (?:here|around|alive)(?: much longer|"
        r" for much longer| for long| anymore| by\b)",
        negatable=False,
        about_others=False,
    ),
    _phrase(
        r"\b(?:don'?t|can'?t|cannot|never) (?:see|imagine|picture) (?:myself|me) (?:being |"
        r"still |ever )*(?:here|around|alive|growing old|getting old|living|in (?:the|a) "
        r"future|in five years|in a year|next year)\b",
        negatable=False,
        about_others=False,
    ),
    _phrase(
        r"\bno (?:version of (?:the|my) )?future (?:for me|that i'?m in|with me in it|where "
        r"i'?m (?:in it|alive|here))\b",
        negatable=False,
    ),
    _phrase(
        r"\b(?:world|everyone|everybody|life|things)\b[^.]{0,40}\b(?:keep (?:turning|going|"
        r"spinning|moving)|go on|carry on|be (?:fine|okay|ok|better)|move on|manage|cope)"
        r"\b[^.]{0,10}\bwithout me\b",
        about_others=False,
    ),
    _phrase(
        r"\b(?:don'?t|can'?t) see (?:a|the|any) (?:point|reason) (?:in|to|of|for) (?:going "
        r"on|carrying on|living|being alive|being here|staying|keeping going|any of it|trying "
        r"anymore|life)\b",
        negatable=False,
    ),
    _phrase(
        r"\b(?:don'?t|can'?t|cannot) see why i (?:should|would|need to) (?:stay|keep|live|go "
        r"on|carry on|be here|bother living|stick around)\b",
        negatable=False,
    ),
    _phrase(r"\bwhy i should (?:stay|keep) (?:alive|living|going|here)\b"),
    _phrase(
        r"\b(?:picture|picturing|imagine|imagining|plan|planning|planned|think about|"
        r"thinking about) my (?:own )?funeral\b"
    ),
    _phrase(r"\bif (?:a|the) (?:car|bus|train|truck|lorry) (?:hit|hits|ran over|killed) me\b"),
    _phrase(
        r"\bhow easy it would be to (?:just )?(?:end|die|jump|turn the wheel|step|let go|"
        r"go under|take|drive|crash|swallow|fall|disappear|not wake)\b"
    ),
    _phrase(
        r"\b(?:turn|jerk|yank|swerv)(?:e|ed|ing|s)? the (?:steering )?wheel\b(?! (?:to avoid|round|"
        r"around|back|left|right)\b)"
    ),
    _phrase(r"\bno point (?:anymore|any more)(?=\s*(?:[.!?,;]|$|fr|tbh|honestly|lol))"),
    _phrase(
        r"\b(?:dip|check|bow|tap|opt|log|clock) out (?:of (?:life|this world|existence|"
        r"everything)(?: permanently| for good| forever)?|permanently|for good|forever)\b"
    ),
    _phrase(
        r"\b(?:want|wanna|wish|hope|ready|long|need) (?:to )?(?:just )?(?:go to sleep|fall "
        r"asleep|sleep) (?:forever|for ever|permanently|and never)\b"
    ),
    _phrase(
        r"\b(?:ready to|want to|wanna|going to|gonna|time to) catch the bus\b(?! (?:to|"
        r"home|into|back|at|from|in|with|because|before|after)\b)"
    ),
    _phrase(
        r"\bin case i (?:do it|go through with it|don'?t make it|end it|die|kill myself|"
        r"don'?t wake up)\b"
    ),
    _phrase(
        r"\bsorry to (?:everyone|everybody|all of you|the people i love|anyone i'?ve hurt)"
        r"(?=\s*(?:[.!]|$))"
    ),
    _phrase(
        r"\b(?:picked|chosen|chose|set|decided on) (?:a|the) (?:date|day)(?=\s*(?:[.!]|$"
        r"| and| for it))"
    ),
    _phrase(
        r"\b(?:stood|standing|sat|sitting|stand|sit|drove|went|walked|climbed) (?:on|at|to|"
        r"onto|up to) (?:the )?(?:edge of )?(?:the|a) (?:[\w-]+ ){0,2}(?:roof|bridge|cliff|"
        r"balcony|ledge|tracks|railway|platform edge)\b[^.]{0,50}\b(?:an hour|hours|a long "
        r"time|ages|working up|nerve|courage|thinking about|again|tonight|for a while)\b"
    ),
    _phrase(
        r"\b(?:attempted|tried)(?: it)? (?:twice|once|three times|\d+ times|before|again|"
        r"suicide)\b",
        topic=True,
    ),
    _phrase(
        r"\b(?:survived|since|after|before|during) (?:my|an|the|a|that) (?:suicide )?attempt"
        r"\b(?! (?:at|to|on the (?:exam|test|record)))"
    ),
    _phrase(
        r"\b(?:my (?:brain|head|mind|thoughts|inner (?:voice|critic))|the voices?|a voice)"
        r" (?:\w+ ){0,2}(?:tells?|telling|told|says?|saying|whispers?|whispering)(?: to me)?"
        r" (?:to )?(?:kys|kill (?:myself|yourself)|you should die|i should die|die|end it|"
        r"you'?d be better off dead|just do it)\b"
    ),
    _phrase(r"\bkys\b[^.]{0,20}\b(?:my (?:brain|head|mind)|to me|to myself|myself)\b"),
    _phrase(r"\bi (?:cut|burned|burnt|harmed|hurt) (?:again|myself again)\b"),
    # Marks, hiding them, and the tools kept close.
    _phrase(
        r"\b(?:hid(?:e|ing|den)?|cover(?:ing|ed)? up|nobody sees|no one sees|nobody can "
        r"see|long sleeves)\b[^.]{0,50}\b(?:marks|cuts|scars|burns|wounds|what i (?:did|do|"
        r"have done))\b"
    ),
    _phrase(
        rf"\b(?:marks|cuts|scars|burns|wounds) on my {_BODY}\b[^.]{{0,30}}\b(?:hid|hide|"
        r"hiding|cover|covering|nobody|no one|long sleeves|again|fresh|new)\b"
    ),
    _phrase(
        rf"\bwhat i (?:did|do|have done|'?ve done) to my (?:{_BODY}|body|skin)\b",
        about_others=False,
    ),
    _phrase(r"\b(?:dig|digging|dug) my (?:nails|fingernails) into\b", about_others=False),
    _phrase(
        r"\b(?:keep|kept|have|hid|hide|hiding|stash(?:ed)?) (?:a|the|my|some) (?:blade|"
        r"blades|razor|razors|knife|pills|tablets|rope)\b[^.]{0,40}\b(?:just in case|in case"
        r"|for when|ready|for later|for the day)\b"
    ),
    # Living framed as a burden, waking as a disappointment, dying as a hope.
    _phrase(r"\b(?:whether|if) i live or (?:die|not)\b"),
    _phrase(r"\b(?:having|have|had) to keep (?:living|being alive|existing|waking up|breathing)\b"),
    _phrase(
        r"\b(?:don'?t|do not|doesn'?t|never) deserve(?:d)? to (?:live|be alive|exist|be here|"
        r"be born)\b",
        negatable=False,
    ),
    _phrase(r"\b(?:die|dying|go|pass|pass away|slip away) in my sleep\b"),
    _phrase(
        r"\b(?:god|he|death|something|someone) (?:just )?takes? me (?:in my sleep|away|home)\b"
    ),
    _phrase(
        r"\b(?:angry|furious|disappointed|upset|annoyed|gutted|sad|sorry) (?:that )?(?:i|i'?m) "
        r"(?:woke up|am still (?:here|alive)|'?m still (?:here|alive)|still (?:here|alive)|"
        r"survived|didn'?t die)\b"
    ),
    _phrase(
        r"\bhop(?:e|ing|ed) (?:the|my) (?:cancer|illness|tumou?r|disease) (?:comes back|returns|"
        r"wins|spreads|gets me)\b"
    ),
    _phrase(
        r"\bhope (?:the|a) (?:car|bus|train|driver|lorry|truck) (?:doesn'?t|won'?t|"
        r"wouldn'?t|does not) stop\b"
    ),
    _phrase(
        r"\bsaying goodbye to (?:people|everyone|everybody|the people i love)\b"
        r"(?! (?:at|from) (?:work|the|my|our|school|uni)\b)"
    ),
    _phrase(
        r"\b(?:nothing|no one|nobody|nothing left) (?:is )?(?:worth|left) (?:staying|living|"
        r"sticking around|being alive) for\b",
        negatable=False,
    ),
    _phrase(r"\bnothing (?:keeping|to keep|holding|left holding) me here\b", negatable=False),
    _phrase(r"\bi(?:'?m| am| was| were|'?d be| would be) gone (?:for good|forever|for ever)\b"),
    _phrase(r"\bin case i'?m not (?:here|around|alive)\b"),
    _phrase(
        r"\bif i (?:just |simply )?(?:wasn'?t|weren'?t|was not|were not) (?:in it|here|"
        r"around|alive)(?: anymore)?\b(?! (?:for|at|on|to|with|when|this|today|tomorrow)\b)",
        about_others=False,
    ),
    _phrase(
        r"\b(?:future|world|life) (?:i|that i) (?:want|wanna|would want) to (?:be alive|live|"
        r"be here|stay) (?:for|in)\b"
    ),
    _phrase(
        r"\bnot (?:being|be) (?:here|around|alive) (?:next|by next|this time next) (?:year|"
        r"month|week|christmas|summer|spring|winter|autumn|birthday)\b",
        negatable=False,
    ),
    _phrase(
        r"\bnot (?:have|need|having) to (?:be alive|live|exist|be here)(?: much longer|"
        r" anymore| for long)?\b",
        negatable=False,
    ),
    _phrase(r"\bbetter off (?:with|having) (?:a |me )?dead\b", about_others=False),
    _phrase(r"\bcan'?t wait to (?:not exist|die|be dead|be gone|stop existing|not be here)\b"),
    _phrase(r"\bto not exist\b(?! (?:in|on|at|for)\b)"),
    _phrase(r"\b(?:just )?die already\b"),
    _phrase(
        r"\byou should (?:just )?(?:end it|die|kill yourself|disappear|not exist|not be "
        r"here|be dead)\b(?! (?:with|between)\b)"
    ),
    _phrase(
        r"\b(?:my )?(?:brain|head|mind) (?:keeps? |kept )?(?:going|saying|telling me|"
        r"screaming|whispering)\b[^.]{0,10}\b(?:die|kill|end it|kys|dead)\b"
    ),
    _phrase(r"\bjump (?:off|from) (?:something|somewhere) (?:high|tall)\b"),
    _phrase(rf"\b(?:plann?(?:ed|ing)|plan) my (?:own )?(?:death|{_SUICIDE}|exit|last day)\b"),
    # Means kept near, places weighed up, rehearsal.
    _phrase(
        r"\b(?:keep|kept|carry|carrying|have|hid|hide|hiding|stash\w*) (?:a|the|my|some) "
        r"(?:blade|blades|razor blades?)\b(?! (?:for|to) shav\w*\b)"
    ),
    _phrase(r"\bnot for shaving\b"),
    _phrase(
        r"\b(?:thinking|thought|think) (?:about|of) (?:the|my|a) (?:razor|blade|blades|"
        r"knife|pills|rope|bridge|train tracks|tracks|top floor|ledge)\b"
    ),
    _phrase(r"\bdeserved? (?:the|this|that|to feel (?:the|that)) pain\b"),
    _phrase(
        r"\b(?:punch\w*|hit|hitting|cut\w*|burn\w*|crash\w*|hurt\w*|scratch\w*|bit|bite|open\w*|"
        r"pick\w*|drove|swerv\w*|starv\w*)\b[^.]{0,40}\bon purpose\b(?! (?:to (?:annoy|make)|"
        r"because (?:it was|the))\b)"
    ),
    _phrase(
        r"\b(?:new|deeper|more|fresh) (?:cuts|burns|marks|wounds|scars)\b(?! (?:on|in) "
        r"(?:the|my) (?:car|table|desk|wall|door|leather|paint|floor|wood)\b)"
    ),
    _phrase(rf"\bplasters? on my {_BODY}\b"),
    _phrase(r"\bhurt\w* my (?:own )?(?:skin|body)\b", about_others=False),
    _phrase(
        r"\b(?:floor|storey|story|bridge|building|roof|drop|fall|height|car park)\b[^.]{0,40}"
        r"\b(?:high enough|would be (?:quick|quicker|painless|fast|over quickly)|it would be "
        r"quick)\b"
    ),
    _phrase(rf"\b{_PILLS}\b[^!?]{{0,60}}\b(?:there'?s|i have|i'?ve got|got|have) enough\b"),
    _phrase(
        r"\brehears(?:e|ed|ing) (?:it|my death|dying|crashing|jumping|the (?:crash|jump|"
        r"fall)|how i)\b"
    ),
    _phrase(r"\b(?:knife|blade|razor|rope|pills)\b[^.]{0,90}\bto myself\b"),
    _phrase(r"\bready (?:for )?when i (?:decide|'?m ready|choose)\b"),
    _phrase(
        r"\b(?:picked|chosen|found|chose) (?:the|a) (?:spot|place|bridge|building|method|way)"
        r"\b(?=\s*(?:[.!]|$| where i| to do it| for it| and (?:the|a) (?:time|date|day)))"
    ),
    _phrase(
        r"\bworked out (?:which|what|where|when) (?:bridge|building|floor|train|time|day|"
        r"pills|method|way|dose)\b"
    ),
    _phrase(
        r"\b(?:written|wrote|finished|left) (?:the|my) (?:note|letter)\b(?! (?:for|to) "
        r"(?:the|my|our) (?:teacher|school|landlord|boss|neighbou?r|office|milkman|council|"
        r"gp|doctor)\b)"
    ),
    _phrase(
        r"\bplanned (?:exactly |it all |everything )?how\b(?=\s*(?:[.!]|$| to (?:do it|end|"
        r"die)))"
    ),
    _phrase(r"\b(?:where|when|how) i'?m going to do it\b"),
    # Said the way people often say it.
    _phrase(
        r"\b(?:passive|active|having|had|some|more|constant) (?:si|suicidal ideation|"
        r"ideation)\b"
    ),
    _phrase(r"\bwhy am i (?:even |still )+(?:alive|here|breathing)\b"),
    _phrase(
        r"(?<!power )(?<!signal )(?<!call )(?<!line )(?<!wifi )(?<!sound )\b(?:cut|cutting|"
        r"harmed|sh'?d) again\b(?! to\b)"
    ),
    _phrase(
        rf"\b(?:took|take|taken|taking|swallowed|swallow) (?:way )?(?:too many|loads of|a "
        rf"lot of|a bunch of|handfuls of|a handful of|a whole bunch of)\b[^.]{{0,20}}"
        rf"{_PILLS}"
    ),
    _phrase(
        rf"\b{_PILLS}\b[^.]{{0,20}}\b(?:counted out|lined up|saved up|i'?ve saved|i'?ve "
        r"been saving|stockpiled|hoarded)\b"
    ),
    _phrase(
        r"\b(?:take|swallow|down) everything in (?:the|my) (?:medicine|bathroom) (?:cabinet|"
        r"cupboard|drawer|box)\b"
    ),
    _phrase(r"\bdisappear(?:ing)? (?:forever|for good|permanently|for ever)\b"),
    _phrase(r"\bif i (?:just )?(?:stopped|stop) (?:existing|living|breathing|being alive)\b"),
    _phrase(
        r"\b(?:want|wanna|wish|hope|ready|long|need) (?:to )?(?:just )?rest (?:forever|for "
        r"ever|permanently)\b"
    ),
    _phrase(
        r"\b(?:walk(?:ed|ing)?|swim(?:ming)?|swam|wade|waded|wading|drove|drive|driving) "
        r"(?:out )?into the (?:sea|ocean|water|river|lake|reservoir)\b(?! (?:for|to (?:cool|"
        r"swim|paddle))\b)"
    ),
    _phrase(r"\bmeaning (?:not to|to not|never to) (?:come back|return|wake up|survive)\b"),
    _phrase(
        r"(?<!on )\b(?:my|the|first|second|third|last|previous) (?:suicide )?attempt\b"
        r"(?! (?:at|to|on|of)\b)"
    ),
    _phrase(
        r"\b(?:sorted|ready|in order) (?:before|for when) i (?:go|'?m gone|die)\b"
        r"(?! (?:on|away|to|abroad|back|out|home)\b)"
    ),
    _phrase(
        r"\b(?:need|want|have|got) a way out\b(?! of (?!it all|everything|life|this life|"
        r"this world)\b)"
    ),
    _phrase(
        r"\b(?:use|used|using) (?:it|them|one|the blade|a blade|the razor|the knife) on myself\b"
    ),
    # Found in a fourth blind set.
    _phrase(rf"\bcarv(?:e|ed|ing) [^.]{{0,40}}\binto my (?:{_BODY}|body|skin|hand|hands)\b"),
    _phrase(
        r"\b(?:bit|bite|biting|scratch\w*|pick\w*|hit|hitting|punch\w*|dug|dig\w*) [^.]{0,30}"
        r"\b(?:until|till) (?:it|they|i) (?:bled|bleed|bruised|broke)\b"
    ),
    _phrase(
        r"\bwon'?t need (?:it|them|this|that|anything|any of it|my \w+) (?:after|anymore|"
        r"where i'?m going)\b"
    ),
    _phrase(
        r"\b(?:go|going|went|drive|driving|drove|step|stepping|jump|jumping) over the edge\b"
        r"(?! of (?:the|my) (?:bed|sofa|couch|pool|chair)\b)"
    ),
    _phrase(
        r"\b(?:gun|pistol|rifle|barrel|revolver) (?:in|to|against|under) my (?:mouth|head|"
        r"temple|chin)\b",
        about_others=False,
    ),
    _phrase(r"\bhate (?:being alive|existing|that i'?m (?:still )?alive|still being alive)\b"),
    _phrase(
        r"\b(?:planning|plan|going|intend(?:ing)?|expect(?:ing)?) (?:on |to )?(?:be|being) "
        r"gone\b(?! (?:for|on|to|away|abroad|till|until)\b)"
    ),
    _phrase(
        r"\b(?:steer|steering|steered|swerv\w*|driv\w*|drove|crash\w*) (?:the car |my car )?"
        r"(?:into|off) (?:the|a) (?:river|sea|lake|wall|tree|barrier|bridge|oncoming traffic|"
        r"traffic|lorry|truck|cliff|reservoir)\b"
    ),
    _phrase(
        r"\b(?:hope|hoping|wish|wishing|pray|praying)(?:d|ed)? (?:\w+ ){0,3}(?:that )?i "
        r"(?:wouldn'?t|won'?t|don'?t|didn'?t|never) wake up\b",
        negatable=False,
    ),
    _phrase(
        r"\bwaiting (?:to die|for death|for it all to end|to be gone|for the end)\b"
        r"(?! (?:of|from)\b)"
    ),
    # Plans, means and preparations.
    _phrase(
        r"\b(?:overdos(?:e|ed|ing|es)|od'?d|od'?ing)\b(?! on (?:the )?(?:sugar|chocolate|cake|"
        r"caffeine|coffee|tea|netflix|tv|telly|sunshine|carbs|candy|sweets|cheese|pizza|"
        r"nostalgia|cuteness|love|drama|content|memes|music|podcasts|christmas|fun|work|"
        r"screen time|social media|sleep|vitamin|cookies|biscuits|snacks|junk food)\b)",
        topic=True,
    ),
    _phrase(
        rf"\b(?:take|took|taking|swallow(?:ed|ing)?|down(?:ed|ing)?|stockpil\w+|saving "
        rf"up|sav(?:ed|ing)|hoard(?:ed|ing)?|collect(?:ed|ing)?) (?:all (?:of )?(?:my|the) |"
        rf"a (?:whole )?(?:bottle|box|load|handful|bunch|lot) of (?:my )?|every |enough )"
        rf"{_PILLS}\b"
    ),
    _phrase(rf"\bhow many (?:of )?(?:my |the |those |these )?{_PILLS}\b"),
    _phrase(rf"\benough {_PILLS} to\b"),
    _phrase(r"\bhang(?:ing|ed)? ?(?:my ?self|meself)\b", about_others=False),
    _phrase(r"\b(?:noose|rope to hang|a rope for)\b"),
    _phrase(
        r"\b(?:jump(?:ing|ed)?|throw(?:ing)? myself|step(?:ping)?|walk(?:ing)?|drive|"
        r"driving|drove|crash(?:ing)? my car) (?:off|from|in front of|into) (?:a|the|my) "
        r"(?:bridge|building|roof|cliff|balcony|train|bus|lorry|truck|car|traffic|tower|"
        r"motorway|highway|sea|river|window|platform|wall|tree)\b(?! (?:to get|for|and "
        r"(?:back|home)|station|stop|timetable)\b)"
    ),
    _phrase(r"\b(?:slit|slash|cut|open) (?:my|me) (?:wrists?|throat|veins?)\b", about_others=False),
    _phrase(rf"\b{_SELF_HARM_ACT} ?{_MYSELF}\b{_ACCIDENT}", about_others=False),
    _phrase(
        rf"\b(?:cut+(?:ing)?|slash(?:ed|ing)?|burn(?:t|ed|ing)?|scratch(?:ed|ing)?) my "
        rf"{_BODY}\b{_ACCIDENT}",
        about_others=False,
    ),
    _phrase(r"\bself[- ]?(?:harm\w*|injur\w*|hurt\w*|destruct\w*|mutilat\w*)\b", topic=True),
    _phrase(
        r"\b(?:goodbye|suicide|farewell) (?:letters?|notes?|messages?|videos?)\b"
        r"(?! (?:for|to)\b (?:the|my) (?:team|job|old job|class|colleagues|flat|house))"
    ),
    _phrase(
        r"\b(?:wrote|writing|written|write) (?:a |my )?(?:letters?|notes?) to "
        r"(?:everyone|everybody|all of them|the people i love|my family|my kids)"
        r"(?: i love)?(?:,? just in case| for after| for when i'?m gone| to say goodbye)\b"
    ),
    _phrase(
        r"\b(?:giv(?:e|ing)|gave) (?:away )?(?:all )?(?:my|of my) (?:things|stuff|"
        r"belongings|possessions)(?: away)?\b(?! (?:to (?:charity|a charity|the charity "
        r"shop)|because|as (?:i'?m|we'?re) moving|before (?:the|my) move)\b)"
    ),
    _phrase(
        r"\b(?:made|making|have|got) (?:a |my )?plan(?:s)? (?:to|for) (?:end|die|kill|do it"
        r"|when i go|how i'?d do it)\b"
    ),
    _phrase(
        r"\b(?:thinking|thought|think|dreaming|dream|fantasi[sz]ing) (?:a lot |so much |"
        r"constantly |again |more )?(?:about|of) (?:dying|dyeing|death|being dead|my death|my own "
        r"death|not being here|not existing|not being alive|ending (?:it|my life|things)|"
        r"taking my (?:own )?life|how to die|ways to die)\b"
    ),
    _phrase(
        r"\b(?:tried|try|trying|attempt(?:ed|ing)?)(?: to)? (?:to )?(?:end (?:it|my life)|"
        r"take my (?:own )?life|die)\b(?! (?:of|from|laughing)\b)"
    ),
    _phrase(r"\bmy (?:suicide )?attempts?\b"),
    _phrase(
        r"\b(?:the|an|my) (?:urges?|impulses?|need) to (?:cut|hurt|harm|burn|die|hit "
        r"myself|punish myself)\b"
    ),
    _phrase(
        r"\bdeath (?:would be|is|feels like) (?:a relief|better|easier|peaceful|the "
        r"answer|the only way|my only way)\b"
    ),
    _phrase(r"\bwouldn'?t mind (?:dying|being dead|not waking up|if i died|if i didn'?t wake)\b"),
    _phrase(
        r"\b(?:if|when) i'?m (?:dead|gone)\b(?!,? (?:and buried,? )?(?:i'?ll|someone|who)"
        r" (?:want|will|should) (?:my|the) (?:record|vinyl|books))"
    ),
    _phrase(r"\bbetter (?:if|when) i (?:was|were|am) (?:dead|gone|not here|not around)\b"),
)
