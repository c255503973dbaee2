"""Every practice, declared as data. A new worksheet is a definition here, nothing more.

A worksheet's fields are grouped into steps; each step is one screen of the guided page on a
phone. The decision journal and the thought record have models of their own (see models.py)
but are registered here too, so the timeline, drafts and API treat every practice alike.
"""

from dataclasses import dataclass

from selftrust.practices.vocabulary import (
    EMOTION_GROUPS,
    GROUNDING_EXERCISES,
    SIGN_ANSWERS,
    SIGNS,
)

SHORT = 200
LONG = 4000


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text | long | scale | choice | multi | date
    help: str = ""
    required: bool = False
    low: int = 0
    high: int = 10
    low_label: str = ""
    high_label: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    groups: dict[str, tuple[tuple[str, str], ...]] | None = None  # grouped choices

    @property
    def max_length(self) -> int:
        return LONG if self.kind == "long" else SHORT


@dataclass(frozen=True)
class Step:
    title: str
    fields: tuple[Field, ...]
    intro: str = ""


@dataclass(frozen=True)
class Practice:
    slug: str
    name: str
    kind: str  # worksheet | decision | thought
    summary: str
    lesson: str
    steps: tuple[Step, ...] = ()
    # The field whose words stand for the entry in the timeline.
    title_field: str = ""
    celebrate: bool = False
    saved_message: str = "Saved. Thank you for taking this time for yourself."

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for step in self.steps for f in step.fields)


def _suds(name: str, label: str) -> Field:
    return Field(
        name,
        label,
        kind="scale",
        low=0,
        high=100,
        low_label="0 calm",
        high_label="100 the most distress imaginable",
        help="Your own number for distress right now (SUDS). A rough guess is fine.",
    )


_EMOTION_CHOICES = {
    group: tuple((e.slug, e.name) for e in emotions) for group, emotions in EMOTION_GROUPS.items()
}

WORKSHEETS = (
    Practice(
        slug="body-check-in",
        name="Body check-in",
        kind="worksheet",
        summary="Notice what your body is saying, without needing to fix it.",
        lesson="listening-to-your-body",
        title_field="sensation",
        steps=(
            Step(
                "Where",
                (
                    Field(
                        "where",
                        "Where in your body do you notice something?",
                        required=True,
                        help="For example: chest, shoulders, stomach, jaw.",
                    ),
                    Field(
                        "sensation",
                        "What is the sensation like?",
                        required=True,
                        help="Tight, warm, fluttery, heavy, numb … any words work.",
                    ),
                ),
            ),
            Step(
                "How strong",
                (
                    Field(
                        "intensity",
                        "How strong is it?",
                        kind="scale",
                        low=0,
                        high=10,
                        low_label="0 barely there",
                        high_label="10 very strong",
                        required=True,
                    ),
                ),
            ),
            Step(
                "Listening",
                (
                    Field("message", "What might it be telling you?", kind="long"),
                    Field(
                        "what_would_help", "What would help right now, even a little?", kind="long"
                    ),
                ),
            ),
        ),
    ),
    Practice(
        slug="grounding",
        name="Grounding",
        kind="worksheet",
        summary="A short exercise to come back to the present, with a before-and-after check.",
        lesson="listening-to-your-body",
        title_field="exercise",
        steps=(
            Step(
                "Before",
                (_suds("before", "How distressed do you feel right now?"),),
                intro="Rate it before you begin.",
            ),
            Step(
                "Choose an exercise",
                (
                    Field(
                        "exercise",
                        "Which exercise?",
                        kind="choice",
                        required=True,
                        choices=tuple((g.slug, g.name) for g in GROUNDING_EXERCISES),
                    ),
                ),
            ),
            Step(
                "After",
                (
                    _suds("after", "And now, after the exercise?"),
                    Field("notes", "Anything you noticed? (optional)", kind="long"),
                ),
            ),
        ),
        saved_message="Saved. Each time you ground yourself, you learn what works for you.",
    ),
    Practice(
        slug="self-compassion",
        name="Self-compassion break",
        kind="worksheet",
        summary="Meet a hard moment the way you would meet a friend's.",
        lesson="self-compassion",
        title_field="moment",
        steps=(
            Step(
                "Name the moment",
                (
                    Field(
                        "moment",
                        "What is hard right now?",
                        kind="long",
                        required=True,
                        help="Name it simply, like “this is a moment of hurt”.",
                    ),
                ),
            ),
            Step(
                "You're not alone",
                (
                    Field(
                        "common_humanity",
                        "Who else might feel something like this?",
                        kind="long",
                        help="Struggle is part of being human, not a sign that you're failing.",
                    ),
                ),
            ),
            Step(
                "Kindness",
                (
                    Field(
                        "kind_words",
                        "What kind words could you offer yourself, in your own words?",
                        kind="long",
                        required=True,
                    ),
                ),
            ),
            Step(
                "A friend",
                (
                    Field(
                        "friend", "What would you say to a friend in the same moment?", kind="long"
                    ),
                ),
            ),
        ),
    ),
    Practice(
        slug="mistake",
        name="Mistake as information",
        kind="worksheet",
        summary="Turn a mistake into something useful, without shame.",
        lesson="mistakes-as-information",
        title_field="what_happened",
        steps=(
            Step(
                "What happened",
                (
                    Field(
                        "what_happened",
                        "What happened?",
                        kind="long",
                        required=True,
                        help="Just the facts, as you'd tell them to someone kind.",
                    ),
                ),
            ),
            Step(
                "What it tells you",
                (
                    Field(
                        "information",
                        "What does it tell you?",
                        kind="long",
                        required=True,
                        help="About what you needed, what was hard, what you value.",
                    ),
                ),
            ),
            Step(
                "Next time",
                (Field("next_time", "What would you like to try next time?", kind="long"),),
            ),
            Step(
                "Amends",
                (
                    Field(
                        "amends",
                        "Is there anything you'd like to make right? (optional)",
                        kind="long",
                    ),
                ),
            ),
        ),
        saved_message="Saved. A mistake you learn from is information, not a verdict.",
    ),
    Practice(
        slug="win",
        name="A small win",
        kind="worksheet",
        summary="Notice something that went well, however small, and let it count.",
        lesson="small-steps-and-neuroplasticity",
        title_field="win",
        celebrate=True,
        steps=(
            Step(
                "Your win",
                (
                    Field(
                        "win",
                        "What went well?",
                        required=True,
                        help="Small counts: you got up, you rested, you said what you needed.",
                    ),
                    Field(
                        "honoured",
                        "How could you honour it?",
                        kind="long",
                        help="A moment to notice it, telling someone, writing it here.",
                    ),
                ),
            ),
        ),
        saved_message="That counts. Well noticed.",
    ),
    Practice(
        slug="boundary",
        name="Boundaries",
        kind="worksheet",
        summary="Record a boundary you set, how it went and how you felt.",
        lesson="boundaries",
        title_field="boundary",
        steps=(
            Step(
                "The boundary",
                (
                    Field("boundary", "What was the boundary?", required=True),
                    Field("expressed", "How did you express it?", kind="long"),
                ),
            ),
            Step(
                "How it went",
                (
                    Field("how_it_went", "How did it go?", kind="long"),
                    Field(
                        "respected",
                        "Was it respected?",
                        kind="choice",
                        choices=(
                            ("yes", "Yes"),
                            ("partly", "Partly"),
                            ("no", "No"),
                            ("not-yet", "Too early to tell"),
                        ),
                    ),
                    Field("felt_after", "How did you feel afterwards?", kind="long"),
                ),
            ),
        ),
        saved_message="Saved. Saying what you need is a way of trusting yourself.",
    ),
    Practice(
        slug="strengths",
        name="Gratitude and strengths",
        kind="worksheet",
        summary="Gather evidence of what is good, what you're good at, and what you've come through.",
        lesson="what-is-self-trust",
        title_field="grateful_for",
        steps=(
            Step(
                "Gratitude",
                (Field("grateful_for", "One thing you're grateful for today", required=True),),
            ),
            Step(
                "A strength",
                (
                    Field(
                        "strength",
                        "A strength of yours you noticed lately",
                        help="It joins your list of evidence of your strengths.",
                    ),
                ),
            ),
            Step(
                "Past success",
                (Field("past_success", "Something hard you've come through before", kind="long"),),
            ),
        ),
    ),
    Practice(
        slug="emotion",
        name="Naming an emotion",
        kind="worksheet",
        summary="Put a name to what you feel, and let it make sense.",
        lesson="self-compassion",
        title_field="emotion",
        steps=(
            Step(
                "Which emotion",
                (
                    Field(
                        "emotion",
                        "Which word fits best?",
                        kind="choice",
                        required=True,
                        groups=_EMOTION_CHOICES,
                    ),
                ),
            ),
            Step(
                "How strong",
                (
                    Field(
                        "intensity",
                        "How strong is it?",
                        kind="scale",
                        low=0,
                        high=10,
                        low_label="0 faint",
                        high_label="10 very strong",
                        required=True,
                    ),
                ),
            ),
            Step(
                "It makes sense",
                (Field("makes_sense", "This feeling makes sense because …", kind="long"),),
            ),
        ),
    ),
    Practice(
        slug="signs-check",
        name="Signs check",
        kind="worksheet",
        summary="A gentle look at six signs that hard experiences have touched your self-trust. Reflection, not a diagnosis.",
        lesson="trauma-and-the-nervous-system",
        steps=(
            Step(
                "Lately, how often …",
                tuple(
                    Field(sign.slug, sign.name, kind="choice", required=True, choices=SIGN_ANSWERS)
                    for sign in SIGNS
                ),
                intro="These are protective habits, not flaws. There are no right answers.",
            ),
        ),
        saved_message="Saved. Noticing these is part of the work, and you did it.",
    ),
)

DECISION = Practice(
    slug="decision",
    name="Decision journal",
    kind="decision",
    summary="Record a small decision and your gut's view, then look back: your instinct's track record.",
    lesson="deciding-without-reassurance",
)
THOUGHT_RECORD = Practice(
    slug="thought-record",
    name="Thought record",
    kind="thought",
    summary="Slow down a painful thought, look at the evidence, and find a more balanced one.",
    lesson="thinking-traps",
)

PRACTICES: dict[str, Practice] = {p.slug: p for p in (DECISION, THOUGHT_RECORD, *WORKSHEETS)}


def practice_or_none(slug: str) -> Practice | None:
    return PRACTICES.get(slug)
