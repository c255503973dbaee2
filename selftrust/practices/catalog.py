"""Every practice, declared as data. A new worksheet is a definition here, nothing more.

A worksheet's fields are grouped into steps; each step is one screen of the guided page on a
phone. The decision journal and the thought record have models of their own (see models.py)
but are registered here too, so the timeline, drafts and API treat every practice alike.

Pacing is data too. Every practice says how to stop, soften or skip it if it becomes too much
(staying inside what trauma therapists call the window of tolerance); the heavier ones add a
short note before starting and a word of aftercare once saved.

Behaviour is data as well. What sets one kind of practice apart from another (its form, its
page, where its answers live, whether it has a look back later) is declared once, in `KINDS`;
and how support after saving is chosen is declared per practice. Views, the API and services
ask `practice.behaviour` and the practice itself instead of checking which kind it is.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import import_string

from selftrust.practices.vocabulary import (
    EMOTION_GROUPS,
    EMOTIONS,
    GROUNDING_EXERCISES,
    HEAVY_EMOTIONS,
    SIGN_ANSWERS,
    SIGNS,
    VALUES,
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
    # (other field, its answers): a follow-up shown only after one of those answers. Without
    # script it is always shown, so its label must make sense on its own.
    shown_if: tuple[str, tuple[str, ...]] | None = None
    # Answers of a choice that mean there may be danger now: the entry puts safety first, with
    # this note above everything else and Get help now beside it.
    danger_answers: tuple[str, ...] = ()
    danger_note: str = ""
    # Offer Get help now right under this field (for a follow-up that may touch on danger).
    get_help: bool = False

    @property
    def max_length(self) -> int:
        return LONG if self.kind == "long" else SHORT


@dataclass(frozen=True)
class GuidedExercise:
    """An exercise to do rather than a question to answer, in steps to follow one by one."""

    slug: str
    name: str
    steps: tuple[str, ...]
    intro: str = ""
    note: str = ""


@dataclass(frozen=True)
class Step:
    title: str
    fields: tuple[Field, ...]
    intro: str = ""
    # Offer Get help now right in this step, before anything else is asked.
    get_help: bool = False
    # Something to do in this step, not only to answer: the exercises it can guide through,
    # the one chosen in `guide_choice` (one of this step's fields) leading, else the first.
    guide: tuple[GuidedExercise, ...] = ()
    guide_choice: str = ""
    # Answered later, when the person looks back (the trust experiment's look back), not when
    # the entry is written: the entry's own form leaves it out until then.
    later: bool = False

    @property
    def guide_slugs(self) -> tuple[str, ...]:
        return tuple(exercise.slug for exercise in self.guide)


@dataclass(frozen=True)
class Kind:
    """What one kind of practice does differently from the others.

    Code is named by dotted path (as Django's settings do) because the forms and services
    import this catalog themselves; it is looked up when first asked for.
    """

    name: str  # worksheet | decision | thought: what the API and the export call it
    # The form the web page and the API both fill: a class with a `for_practice()` builder.
    form: str
    # The page with that form, and how a saved entry's answers read on the entry's page.
    template: str
    answers_template: str
    # Where the answers live: "" for Entry.data, else the related name of the entry's own
    # one-to-one record (whose model has describe(), written_words() and as_answers()).
    record: str = ""
    # A look back later on, after the fact (the decision journal's review): its form.
    review_form: str = ""
    # Where its look backs add up (a URL name), and a link's words for it.
    summary_page: str = ""
    summary_link: str = ""

    @property
    def form_class(self):
        return import_string(self.form)

    @property
    def looks_back(self) -> bool:
        return bool(self.review_form)

    @property
    def review_form_class(self):
        return import_string(self.review_form) if self.review_form else None

    def record_of(self, entry):
        """The entry's own record holding its answers, or None when they are in Entry.data."""
        return getattr(entry, self.record) if self.record else None


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            name="worksheet",
            form="selftrust.practices.forms.WorksheetForm",
            template="practices/worksheet_form.html",
            answers_template="practices/_worksheet_answers.html",
        ),
        Kind(
            name="decision",
            form="selftrust.practices.forms.DecisionForm",
            template="practices/decision_form.html",
            answers_template="practices/_decision_answers.html",
            record="decision",
            review_form="selftrust.practices.forms.DecisionReviewForm",
            summary_page="practices:decisions",
            summary_link="How reliable is my gut?",
        ),
        Kind(
            name="thought",
            form="selftrust.practices.forms.ThoughtRecordForm",
            template="practices/thought_form.html",
            answers_template="practices/_thought_answers.html",
            record="thought_record",
        ),
    )
}


# --- support after saving ----------------------------------------------------------------------
# Each takes an entry's answers as plain data (what the API and the export show) and says
# whether it recorded strong distress: then reaching out to someone may help. The whole entry
# counts: where a feeling was rated again after the practice, the second rating is the one
# that says how the person is now. Still strong afterwards (it stayed high, or it grew) is
# when someone else may help; strong before and lower afterwards came down as they worked
# through it, a good sign rather than a reason to worry, and is acknowledged instead.

# Every rating is 0 to 10 (ratings.py). The two lines were set apart, and keep their meaning:
HARD_DISTRESS = 7  # SUDS and feelings in a thought record (70 when they were 0 to 100)
HARD_INTENSITY = 8  # body sensations and named emotions (always 0 to 10)

# Feelings whose fall is not relief and whose strength is not distress: strong joy or calm
# brings no offer to reach out, and calm that came down is not acknowledged as easing.
PLEASANT_EMOTIONS: frozenset[str] = frozenset(
    e.slug for group in ("Calm and connection", "Joy") for e in EMOTION_GROUPS[group]
)


@dataclass(frozen=True)
class Easing:
    """A feeling that came down while the person worked through a practice.

    `feeling` reads after "How … you felt" ("distressed", "anxious"); the page words it.
    """

    feeling: str
    before: int
    after: int


def still_strong(before: int | None, after: int | None, hard: int) -> bool:
    """Strong by the end of the entry: after, where it was rated again; else before."""
    if after is not None:
        return after >= hard
    return (before or 0) >= hard


def came_down(before: int | None, after: int | None) -> bool:
    return before is not None and after is not None and after < before


def never(answers: dict) -> bool:
    return False


def nothing_eased(answers: dict) -> tuple[Easing, ...]:
    return ()


def distress_still_strong(answers: dict) -> bool:
    return still_strong(answers.get("before"), answers.get("after"), HARD_DISTRESS)


def distress_eased(answers: dict) -> tuple[Easing, ...]:
    before, after = answers.get("before"), answers.get("after")
    return (Easing("distressed", before, after),) if came_down(before, after) else ()


def _heavy_feelings(answers: dict):
    """The thought record's rated feelings, less the pleasant ones."""
    return (
        feeling
        for feeling in answers.get("emotions") or ()
        if feeling.get("emotion") not in PLEASANT_EMOTIONS
    )


def strong_feelings(answers: dict) -> bool:
    return any(
        still_strong(feeling.get("before"), feeling.get("after"), HARD_DISTRESS)
        for feeling in _heavy_feelings(answers)
    )


def feelings_eased(answers: dict) -> tuple[Easing, ...]:
    return tuple(
        Easing(EMOTIONS[feeling["emotion"]].name.lower(), feeling["before"], feeling["after"])
        for feeling in _heavy_feelings(answers)
        if feeling.get("emotion") in EMOTIONS
        and came_down(feeling.get("before"), feeling.get("after"))
    )


def strong_sensation(answers: dict) -> bool:
    return (answers.get("intensity") or 0) >= HARD_INTENSITY


def strong_heavy_feeling(answers: dict) -> bool:
    # Strong joy or calm is not distress: only the heavy feelings bring the offer.
    return answers.get("emotion") in HEAVY_EMOTIONS and strong_sensation(answers)


def hopelessness_named(answers: dict) -> bool:
    # At any intensity: hopelessness is one of the feelings that can come with thoughts of not
    # wanting to live, so Get help now is offered with care.
    return answers.get("emotion") == "hopeless"


# Shown on every practice that has no note of its own.
GENTLE_PACE = (
    "Go at your own pace. If this starts to feel like too much, you can stop, do a smaller part, "
    "or leave it for another day."
)


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
    # How to stop, soften or skip: shown on the practice's page.
    pacing: str = GENTLE_PACE
    # For heavier practices: what to expect, before starting; and care once it is saved.
    content_note: str = ""
    aftercare: str = ""
    # Slugs of other practices worth offering from this one's page.
    see_also: tuple[str, ...] = ()
    # Support after saving: did an entry (its answers) record strong distress, then a gentle
    # offer to reach out; did it name hopelessness, then Get help now, offered with care.
    felt_hard: Callable[[dict], bool] = never
    names_hopelessness: Callable[[dict], bool] = never
    # What came down as the person worked through it (a re-rating lower than the first
    # rating): said back to them after saving, plainly. Never a rise.
    eased: Callable[[dict], tuple[Easing, ...]] = nothing_eased
    # A behaviour of its own, where the practice is its kind and a little more (the trust
    # experiment: a worksheet that is looked back on later); else its kind's.
    own_behaviour: Kind | None = None

    @property
    def behaviour(self) -> Kind:
        return self.own_behaviour or KINDS[self.kind]

    def form(self, data=None, *, entry=None, initial=None, today=None):
        """The form for this practice (bound to `data` if given), for a new entry or `entry`."""
        return self.behaviour.form_class.for_practice(
            self, data, entry=entry, initial=initial, today=today
        )

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for step in self.steps for f in step.fields)

    @property
    def multi_value_fields(self) -> set[str]:
        return {f.name for f in self.fields if f.kind == "multi"}

    @property
    def later_fields(self) -> tuple[Field, ...]:
        """The look back's questions, kept with the rest (Step.later)."""
        return tuple(f for step in self.steps if step.later for f in step.fields)


def _suds(name: str, label: str) -> Field:
    return Field(
        name,
        label,
        kind="scale",
        low=0,
        high=10,
        low_label="0 calm",
        high_label="10 the most distress I can imagine",
        help="Your own number for distress right now (SUDS), from 0 to 10. A rough guess is fine.",
    )


_EMOTION_CHOICES = {
    group: tuple((e.slug, e.name) for e in emotions) for group, emotions in EMOTION_GROUPS.items()
}

# Each grounding exercise, step by step, as the practice page guides it. Names and cautions
# come from the vocabulary (the timeline and Ground me now use the same ones); the 5-4-3-2-1,
# body scan and safe-now steps say what Ground me now says, and TIPP and STOP follow the DBT
# skills handouts.
_GROUNDING_STEPS: dict[str, tuple[str, ...]] = {
    "senses": (
        "Look around and name five things you can see: a colour, a shape, a patch of light.",
        "Notice four things you can feel: your feet on the floor, the fabric on your skin, "
        "the air.",
        "Listen for three things you can hear, near and far. There is no wrong answer.",
        "Find two things you can smell, or think of two smells you like.",
        "Notice one thing you can taste, or say one kind thing to yourself.",
    ),
    "breathing": (
        "Sit or stand in a way that feels steady. Your eyes can stay open.",
        "Breathe in gently, for about four counts.",
        "Breathe out slowly, for about six counts. A longer out-breath tells your body it can "
        "settle.",
        "Keep going for a minute or two, at your own pace.",
    ),
    "body-scan": (
        "Notice your feet. Are they warm, cool, heavy? Just notice.",
        "Move your attention up slowly: legs, hips, belly, chest.",
        "Then shoulders, arms and hands. Let them be as they are.",
        "Last, your neck, jaw and face. If something softens, let it.",
    ),
    "safe-now": (
        "Where are you? Say it plainly: “I'm in my kitchen.”",
        "What is true in this moment? “It's Tuesday. The door is closed.”",
        "Name one thing near you that is steady: a chair, a wall, a cup.",
    ),
    "tipp": (
        "Temperature: cool your face with cold water or a cold pack, for up to half a minute.",
        "Intense movement, gently: walk briskly or march on the spot for a few minutes, as "
        "your body allows.",
        "Paced breathing: breathe out for longer than you breathe in.",
        "Paired muscle relaxation: tense one group of muscles as you breathe in, then let it "
        "go as you breathe out.",
    ),
    "stop": (
        "Stop: pause for a moment. You don't have to do anything yet.",
        "Take a step back: one breath, or one step away.",
        "Observe: what is happening in you and around you? What are your choices?",
        "Proceed mindfully: choose your next move with what matters to you in mind, not only "
        "what the urge wants.",
    ),
}
_GROUNDING_INTROS = {
    "breathing": "If paying attention to your breath makes things feel worse, stop and try "
    "5-4-3-2-1 senses instead.",
    "body-scan": "If noticing a place feels like too much, move on, or open your eyes and look "
    "around the room.",
    "tipp": "Use one or two of these; skip any that don't suit your body or health.",
}
_GROUNDING_NOTES = {
    "stop": "If the urge is to hurt yourself, your next step is your safety plan or Get help now.",
}
GROUNDING_GUIDE: tuple[GuidedExercise, ...] = tuple(
    GuidedExercise(
        slug=exercise.slug,
        name=exercise.name,
        steps=_GROUNDING_STEPS[exercise.slug],
        intro=_GROUNDING_INTROS.get(exercise.slug, ""),
        note=exercise.note or _GROUNDING_NOTES.get(exercise.slug, ""),
    )
    for exercise in GROUNDING_EXERCISES
)

# Survivors are often told, or tell themselves, that they must make peace with whoever hurt
# them. Amends here are only ever for harm the person caused, and never require contact.
AMENDS_INTRO = (
    "Amends are for harm you caused. Nobody owes amends for what was done to them, and you never "
    "owe contact with anyone who hurt you."
)
AMENDS_HELP = (
    "Making something right can be an apology, a repair, or simply doing it differently next "
    "time, and it can stay private. If there is nothing to make right, leave this empty."
)

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
        pacing=(
            "If noticing your body feels like too much, you can stop, or move your attention to "
            "a part that feels neutral, like your hands or your feet."
        ),
        felt_hard=strong_sensation,
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
                "The exercise",
                (
                    Field(
                        "exercise",
                        "Which exercise?",
                        kind="choice",
                        required=True,
                        choices=tuple((g.slug, g.name) for g in GROUNDING_EXERCISES),
                    ),
                ),
                guide=GROUNDING_GUIDE,
                guide_choice="exercise",
            ),
            Step(
                "How is it now?",
                (
                    _suds("after", "And now, after the exercise?"),
                    Field("notes", "Anything you noticed? (optional)", kind="long"),
                ),
            ),
        ),
        saved_message="Saved. Each time you ground yourself, you learn what works for you.",
        pacing=(
            "If an exercise makes you feel worse, stop and try another one. If paying attention "
            "to your breath feels uneasy, 5-4-3-2-1 senses is a good one to try instead."
        ),
        felt_hard=distress_still_strong,
        eased=distress_eased,
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
                        "What kind words could you offer yourself, in your own words? (optional)",
                        kind="long",
                        help=(
                            "For example: “This is hard, and I'm doing what I can.” or “I can go "
                            "gently today.” If nothing comes yet, that's all right."
                        ),
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
        pacing=(
            "Kindness can sometimes stir up old sadness. That is common, and you can keep it "
            "brief, soften it, or stop."
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
                        help=(
                            "Just the facts, as you'd tell them to someone kind. "
                            "A few words are enough."
                        ),
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
                        help=AMENDS_HELP,
                    ),
                ),
                intro=AMENDS_INTRO,
            ),
        ),
        saved_message="Saved. A mistake you learn from is information, not a verdict.",
        pacing=(
            "If shame gets loud, soften it: write less, speak to yourself as you would to a "
            "friend, or stop here for today."
        ),
        content_note=(
            "This is for something you did and would like to learn from. If you are thinking "
            "of something that was done to you, it is not your mistake to examine here."
        ),
        aftercare=(
            "Looking honestly at a mistake is hard work. You might let it rest now, and do "
            "something gentle for yourself before you move on."
        ),
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
                            ("unsafe", "No, and I felt unsafe"),
                            ("not-yet", "Too early to tell"),
                        ),
                        # Feeling unsafe is a danger answer: the saved entry puts Get help now
                        # first, as Then or now? does when there may be danger now.
                        danger_answers=("unsafe",),
                        danger_note=(
                            "You said you felt unsafe. That matters most, and it deserves to be "
                            "taken seriously before anything else. A domestic abuse service can "
                            "help you plan."
                        ),
                    ),
                    Field(
                        "after_not_respected",
                        "If it wasn't respected: what might help you now? (optional)",
                        kind="long",
                        help=(
                            "When someone crosses a line you set, that says something about "
                            "them, not about your right to set it. You might think about who is "
                            "on your side, or what would help you feel safer. If you felt unsafe, "
                            "that matters most: a domestic abuse service can help you plan."
                        ),
                        shown_if=("respected", ("partly", "no", "unsafe")),
                        get_help=True,
                    ),
                    Field("felt_after", "How did you feel afterwards?", kind="long"),
                ),
            ),
        ),
        saved_message="Saved. Saying what you need is a way of trusting yourself.",
        pacing=(
            "If thinking about how it went brings back fear, you can stop, write only a few "
            "words, or come back to it another day."
        ),
        content_note=(
            "This asks about a limit you set and how someone responded. If setting a limit with "
            "someone could put you in danger, your safety comes first, and a domestic abuse service "
            "can help you plan (their lines are on Get help now)."
        ),
        aftercare=(
            "Whatever happened, you named what you need. If it went badly, you deserve some "
            "extra care now: rest, something soothing, or a word with someone on your side."
        ),
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
                (
                    Field(
                        "grateful_for",
                        "One thing you're grateful for today (optional)",
                        help=(
                            "Small things count: warm tea, a kind message, a quiet minute. "
                            "If nothing comes today, that's all right too."
                        ),
                    ),
                ),
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
                (
                    Field(
                        "past_success",
                        "Something hard you've come through before",
                        kind="long",
                        help=(
                            "A few words are enough, like “the winter of 2019”. You don't need "
                            "to write out what happened."
                        ),
                    ),
                ),
            ),
        ),
        pacing="Skip any part that doesn't fit today; an empty answer is fine.",
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
                (
                    Field(
                        "makes_sense",
                        "This feeling makes sense because …",
                        kind="long",
                        help=(
                            "A feeling can make sense given what you've been through without "
                            "being the whole truth about you."
                        ),
                    ),
                ),
            ),
        ),
        pacing=(
            "If a feeling grows too strong as you name it, you can stop and ground yourself "
            "first. Naming it can wait."
        ),
        felt_hard=strong_heavy_feeling,
        names_hopelessness=hopelessness_named,
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
        pacing="If the questions stir up too much, you can stop and come back another day.",
        content_note=(
            "These questions ask about habits that hard experiences can leave behind. They don't "
            "ask about what happened, and there are no right answers."
        ),
        aftercare=(
            "Noticing these habits can stir things up. They once protected you, and they can "
            "ease with time. You might take a moment to settle before you move on."
        ),
    ),
)

THEN_OR_NOW = Practice(
    slug="then-or-now",
    name="Then or now?",
    kind="worksheet",
    summary="When an alarm goes off inside, tell an old danger from a present one.",
    lesson="then-or-now",
    title_field="situation",
    steps=(
        Step(
            "The situation",
            (
                Field(
                    "situation",
                    "What is happening, or what just happened?",
                    kind="long",
                    required=True,
                    help="A few words are enough.",
                ),
            ),
        ),
        Step(
            "The alarm",
            (
                Field(
                    "alarm",
                    "What is your body or your alarm telling you?",
                    kind="long",
                    required=True,
                    help="For example: my chest went tight and everything in me said “get out”.",
                ),
            ),
        ),
        Step(
            "Then and now",
            (
                Field(
                    "then",
                    "Then: what did a moment like this mean back then?",
                    kind="long",
                    help=(
                        "A few words are enough. You don't need to write out the memory, or go "
                        "into it at all."
                    ),
                ),
                Field(
                    "now",
                    "Now: what is different today: where you are, who is with you, what you can do?",
                    kind="long",
                ),
            ),
        ),
        Step(
            "Danger now?",
            (
                Field(
                    "danger_now",
                    "Is there danger now?",
                    kind="choice",
                    required=True,
                    choices=(
                        ("no", "No, I think this is an old alarm"),
                        ("not-sure", "I'm not sure"),
                        ("yes", "Yes, there may be danger now"),
                    ),
                    danger_answers=("not-sure", "yes"),
                    danger_note=(
                        "You said there may be danger now. Your alarm may be right, and it "
                        "deserves to be taken seriously before anything else."
                    ),
                ),
            ),
            intro=(
                "Your alarm may be right. If there may be danger now, your safety comes before "
                "anything else on this page."
            ),
            get_help=True,
        ),
        Step(
            "What you'll do",
            (
                Field(
                    "next_step",
                    "What will you do now?",
                    kind="long",
                    help=(
                        "For example: look around and name where I am, step outside, call "
                        "someone, or go somewhere safer."
                    ),
                ),
            ),
        ),
    ),
    saved_message="Saved. Each time you check then against now, your judgement has more to go on.",
    pacing=(
        "If the memory starts to pull you in, stop and come back to the room: feel your feet on "
        "the floor, look around and name what you see."
    ),
    content_note=(
        "This practice touches an old alarm, so it can stir up feelings. You don't need to go "
        "into the memory itself; a few words are enough. If you may be in danger now, go to Get "
        "help now first."
    ),
    aftercare=(
        "Telling then from now is real work, even when the alarm stays loud. You might name "
        "where you are, take a few slow breaths, or do something ordinary and soothing before "
        "you move on."
    ),
)

SETBACK_PLAN = Practice(
    slug="setback-plan",
    name="My setback plan",
    kind="worksheet",
    summary="Notice early signs of slipping, and decide now what you'll do then.",
    lesson="healing-is-not-linear",
    steps=(
        Step(
            "Early signs",
            (
                Field(
                    "early_signs",
                    "What does slipping look like for you, early on?",
                    kind="long",
                    required=True,
                    help=(
                        "For example: skipping meals, staying up late, going quiet with friends, "
                        "old thoughts getting louder. If slipping ever includes thoughts of "
                        "suicide or hurting yourself, your safety plan is the place for those."
                    ),
                ),
            ),
        ),
        Step(
            "What you'll do",
            (
                Field(
                    "what_i_will_do",
                    "What will you do when you notice them?",
                    kind="long",
                    required=True,
                    help=(
                        "Small and specific helps: go back to one small promise, rest, a "
                        "grounding exercise, a walk."
                    ),
                ),
            ),
        ),
        Step(
            "Who you'll tell",
            (
                Field(
                    "who_to_tell",
                    "Who could you tell, if you want to?",
                    help="A friend, someone in your family, a therapist or a support line.",
                ),
                Field(
                    "reminder",
                    "A few words for yourself, for that day (optional)",
                    kind="long",
                    help="For example: “A dip is part of healing. I've come back before.”",
                ),
            ),
        ),
    ),
    saved_message="Saved. Your plan will be here when you need it.",
    pacing=(
        "Write it on a steadier day if you can, so it is ready for a harder one. Skip any part "
        "that doesn't fit."
    ),
)

VALUES_SORT = Practice(
    slug="values",
    name="A values sort",
    kind="worksheet",
    summary="Choose a few values that matter to you, and say what each one means in your life.",
    lesson="values",
    title_field="values",
    steps=(
        Step(
            "Choose a few",
            (
                Field(
                    "values",
                    "Which of these matter most to you?",
                    kind="multi",
                    choices=VALUES,
                    help="Three to five is plenty. There are no right answers.",
                ),
            ),
        ),
        Step(
            "Your own words",
            (
                Field(
                    "own_values",
                    "Any value of your own that isn't on the list? (optional)",
                    help="For example: being a steady presence for my children.",
                ),
            ),
        ),
        Step(
            "What they mean",
            (
                Field(
                    "meaning",
                    "What does each one mean to you?",
                    kind="long",
                    required=True,
                    help=(
                        "A line for each is plenty. For example: “Rest: stopping before I'm "
                        "worn out, without having to earn it.”"
                    ),
                ),
                Field(
                    "small_step",
                    "One small thing you could do this week that fits one of them (optional)",
                    kind="long",
                    help="If you like, it could become one of your promises.",
                ),
            ),
        ),
    ),
    saved_message="Saved. Your values can guide the promises you make to yourself.",
)

DECISION = Practice(
    slug="decision",
    name="Decision journal",
    kind="decision",
    summary="Record a small decision and your gut's view, then look back: your instinct's track record.",
    lesson="deciding-without-reassurance",
    pacing=(
        "Choose small, everyday decisions. If a decision feels big or frightening, it is fine to "
        "leave it out of this journal."
    ),
    see_also=(THEN_OR_NOW.slug,),
)
THOUGHT_RECORD = Practice(
    slug="thought-record",
    name="Thought record",
    kind="thought",
    summary="Slow down a painful thought, look at the evidence, and find a more balanced one.",
    lesson="thinking-traps",
    pacing=(
        "Start with a thought that feels manageable. If your heart races, you go numb or you "
        "feel far away, stop, choose a smaller thought, or leave the rest for another day."
    ),
    content_note=(
        "This practice asks you to look closely at a painful thought. You don't need to write "
        "about the worst things that happened; a few words are enough at every step."
    ),
    aftercare=(
        "You looked closely at something painful. Before you move on, you might take a few slow "
        "breaths, have a drink of water, or do something ordinary and kind for a few minutes."
    ),
    see_also=(THEN_OR_NOW.slug,),
    felt_hard=strong_feelings,
    eased=feelings_eased,
)

# --- the trust experiment ------------------------------------------------------------------------
# Trust in others, step by step: a behavioural experiment in the CBT sense (Bennett-Levy et al.,
# Oxford Guide to Behavioural Experiments in Cognitive Therapy, 2004), a prediction written down
# before a small step and checked against what happened after, here about trusting someone. Trust
# comes back through small, repeated experiences of someone being reliable, not through one big
# leap, so the step is small and chosen, and it can be stopped at any point.
#
# It is a worksheet: every answer, the look back's too, lives in Entry.data, so the API, the
# export and the import treat it as one. What it adds is a look back later, as the decision
# journal has: its own page, its own way of showing its answers, and the look back's form.
TRUST_EXPERIMENT_BEHAVIOUR = Kind(
    name="worksheet",
    form="selftrust.practices.forms.TrustExperimentForm",
    template="practices/trust_experiment_form.html",
    answers_template="practices/trust_experiment_answers.html",
    review_form="selftrust.practices.forms.TrustLookBackForm",
    summary_page="practices:trust_experiments",
    summary_link="What your trust experiments show",
)
YES_PARTLY_NO = (("yes", "Yes"), ("partly", "Partly"), ("no", "No"))

TRUST_EXPERIMENT = Practice(
    slug="trust-experiment",
    name="A trust experiment",
    kind="worksheet",
    own_behaviour=TRUST_EXPERIMENT_BEHAVIOUR,
    summary=(
        "Take one small, chosen step of trust toward someone, then look back: did what you "
        "feared come true, and did they prove reliable?"
    ),
    lesson="safety-before-confidence",
    title_field="step",
    steps=(
        Step(
            "Who",
            (
                Field(
                    "who",
                    "Who would you like to trust a little more? (optional)",
                    help=(
                        "A first name or a nickname is enough. If they are one of the trusted "
                        "people in your safety plan, their name is offered as you type."
                    ),
                ),
            ),
            intro=(
                "Choose someone who has mostly been safe for you. This is not a way to test "
                "anyone who has hurt you, or might: keeping your distance from them is a sound "
                "choice."
            ),
        ),
        Step(
            "The step",
            (
                Field(
                    "step",
                    "What small step of trust will you take?",
                    required=True,
                    help=(
                        "For example: ask them to call you back this week, tell them one small "
                        "worry, let them choose where to meet."
                    ),
                ),
                Field(
                    "feels_safe",
                    "How safe does this step feel?",
                    kind="scale",
                    low=0,
                    high=10,
                    low_label="0 not safe at all",
                    high_label="10 completely safe",
                    help=(
                        "If it feels very unsafe, a smaller step, or someone else, may be kinder "
                        "to you. It's your choice."
                    ),
                ),
            ),
            intro=(
                "Small is the point: a step you would be all right with even if it didn't go as "
                "you hoped. You can change it, or stop, at any time."
            ),
        ),
        Step(
            "Your prediction",
            (
                Field(
                    "prediction",
                    "What do you predict will happen?",
                    kind="long",
                    required=True,
                    help=(
                        "Include what you fear, if you like. For example: “She'll forget, and "
                        "I'll feel silly for asking.”"
                    ),
                ),
                Field(
                    "fear_likely",
                    "How likely is it that what you fear will come true? (optional)",
                    kind="scale",
                    low=0,
                    high=10,
                    low_label="0 not at all likely",
                    high_label="10 almost certain",
                ),
            ),
        ),
        Step(
            "When to look back",
            (
                Field(
                    "look_back_in",
                    "When would you like to look back?",
                    kind="choice",
                    choices=(
                        ("1", "Tomorrow"),
                        ("3", "In three days"),
                        ("7", "In a week"),
                        ("14", "In two weeks"),
                        ("30", "In a month"),
                    ),
                    help=(
                        "Counted from the day you write this (a week, if you don't choose). "
                        "If the step happens sooner, you can look back sooner."
                    ),
                ),
            ),
        ),
        Step(
            "What happened",
            (
                Field(
                    "what_happened",
                    "What happened?",
                    kind="long",
                    help="Just what happened, in a few words.",
                ),
                Field(
                    "fear_came_true",
                    "Did what you feared come true?",
                    kind="choice",
                    choices=YES_PARTLY_NO,
                ),
            ),
            later=True,
        ),
        Step(
            "This person",
            (
                Field(
                    "reliable",
                    "Did they prove reliable this time?",
                    kind="choice",
                    choices=(
                        *YES_PARTLY_NO,
                        ("unsafe", "No, and I felt unsafe with them"),
                        ("too-early", "Too early to tell"),
                    ),
                    help=(
                        "Reliable here means they did what they said, or what you could fairly "
                        "expect. One time is one piece of evidence, not the whole story."
                    ),
                    # Feeling unsafe with someone puts safety first on the entry, as the
                    # boundaries practice does.
                    danger_answers=("unsafe",),
                    danger_note=(
                        "You said you felt unsafe with them. That matters more than any "
                        "experiment, and it deserves to be taken seriously first. You don't owe "
                        "anyone another step of trust."
                    ),
                ),
            ),
            later=True,
        ),
        Step(
            "What it tells you",
            (
                Field(
                    "learned",
                    "What does it tell you?",
                    kind="long",
                    help=(
                        "About them, about your fear, or about what you need. A fear that came "
                        "true is information, not a failure."
                    ),
                ),
            ),
            later=True,
        ),
    ),
    saved_message=(
        "Saved. Take the step when it feels right, or not at all: that stays your choice. It "
        "will be here when it's time to look back."
    ),
    pacing=(
        "You can stop at any point: before the step, halfway through it, or after. Not taking a "
        "step is a choice, not a failure."
    ),
    see_also=(THEN_OR_NOW.slug,),
)


@dataclass(frozen=True)
class Section:
    """A heading on the practice page, and the practices under it."""

    title: str
    practices: tuple[Practice, ...]


# WORKSHEETS above are the body, feelings and kindness ones; these sections add the rest.
SECTIONS: tuple[Section, ...] = (
    Section("Deciding and thinking", (DECISION, THOUGHT_RECORD, THEN_OR_NOW, TRUST_EXPERIMENT)),
    Section("Body, feelings and kindness", WORKSHEETS),
    Section("Plans and values", (SETBACK_PLAN, VALUES_SORT)),
)

PRACTICES: dict[str, Practice] = {
    p.slug: p
    for p in (
        DECISION,
        THOUGHT_RECORD,
        *WORKSHEETS,
        THEN_OR_NOW,
        SETBACK_PLAN,
        VALUES_SORT,
        TRUST_EXPERIMENT,
    )
}


def practice_or_none(slug: str) -> Practice | None:
    return PRACTICES.get(slug)
