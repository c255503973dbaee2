"""Lists the practices choose from: emotions, thinking traps, grounding exercises, signs.

All definitions and examples are our own words.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Named:
    slug: str
    name: str
    definition: str
    example: str = ""
    # A word of care shown with the definition, where a trap could be misread as a rule.
    note: str = ""


EMOTION_GROUPS: dict[str, tuple[Named, ...]] = {
    "Fear": (
        Named("anxious", "Anxious", "A worried, uneasy feeling about what might happen."),
        Named("scared", "Scared", "Sensing danger, close by or imagined."),
        Named("overwhelmed", "Overwhelmed", "Too much at once; hard to think straight."),
        Named("insecure", "Insecure", "Unsure of your place or of yourself."),
    ),
    "Sadness": (
        Named("sad", "Sad", "A heavy, low feeling, often after a loss."),
        Named("lonely", "Lonely", "Wanting connection that isn't there right now."),
        Named("disappointed", "Disappointed", "Something hoped for didn't happen."),
        Named("hopeless", "Hopeless", "It's hard to picture things getting better."),
        Named("betrayed", "Betrayed", "Let down or hurt by someone you trusted or relied on."),
    ),
    "Anger and disgust": (
        Named("angry", "Angry", "A surge of energy when something feels unfair or crosses a line."),
        Named("irritated", "Irritated", "Small things rubbing you the wrong way."),
        Named("resentful", "Resentful", "Old hurt or unfairness that still stings."),
        Named("frustrated", "Frustrated", "Blocked from something you're trying to do."),
        Named(
            "disgusted",
            "Disgusted",
            "A strong pull away from something or someone that feels wrong or repellent.",
        ),
    ),
    "Shame and guilt": (
        Named("ashamed", "Ashamed", "Feeling that something is wrong with who you are."),
        Named("guilty", "Guilty", "Feeling you did something wrong, or failed someone."),
        Named("embarrassed", "Embarrassed", "Uncomfortable at being seen in a certain way."),
    ),
    "Calm and connection": (
        Named("calm", "Calm", "Settled; your body isn't bracing for anything."),
        Named("safe", "Safe", "A sense that right now, nothing needs guarding against."),
        Named("connected", "Connected", "Close to someone, or part of something."),
        Named("grateful", "Grateful", "Noticing something good that came your way."),
    ),
    "Joy": (
        Named("happy", "Happy", "Light, pleased, glad to be where you are."),
        Named("proud", "Proud", "Glad about something you did or who you are."),
        Named("hopeful", "Hopeful", "Believing something good could happen."),
        Named("relieved", "Relieved", "A weight lifting after worry."),
    ),
    "Numb or unsure": (
        Named("numb", "Numb", "Feeling little or nothing, as if switched off."),
        Named(
            "unreal",
            "Unreal or detached",
            "As if you, or the world around you, aren't quite real, or you're watching from far off.",
        ),
        Named("confused", "Confused", "Mixed feelings that are hard to tell apart."),
        Named("tired", "Tired", "Drained, in body or mind."),
    ),
}
EMOTIONS: dict[str, Named] = {e.slug: e for group in EMOTION_GROUPS.values() for e in group}

# The groups whose feelings, named at a high intensity, bring a gentle offer to reach out to
# someone. Strong joy, calm or anger alone does not: the offer is for feelings that can be
# heavy to carry (fear, sadness with hopelessness and betrayal, shame, numbness and feeling
# unreal), as the clinical content review asked.
HEAVY_EMOTION_GROUPS: tuple[str, ...] = ("Fear", "Sadness", "Shame and guilt", "Numb or unsure")
HEAVY_EMOTIONS: frozenset[str] = frozenset(
    e.slug for group in HEAVY_EMOTION_GROUPS for e in EMOTION_GROUPS[group]
)

# Shown with a trap that can be misread as "your fear is wrong" when the fear may be accurate.
DANGER_NOW_NOTE = (
    "A thought about real danger now is not a trap to argue with. "
    "If someone may hurt you, your safety comes first."
)


THINKING_TRAPS: tuple[Named, ...] = (
    Named(
        "all-or-nothing",
        "All-or-nothing thinking",
        "Seeing things as total success or total failure, with nothing in between.",
        "“I missed one day, so the whole week is ruined.”",
    ),
    Named(
        "overgeneralising",
        "Overgeneralising",
        "Treating one event as a rule for everything.",
        "“This went badly, so things always go badly for me.”",
    ),
    Named(
        "mental-filter",
        "Mental filter",
        "Noticing only the painful part and filtering out the rest.",
        "Remembering the one awkward moment of a good evening.",
    ),
    Named(
        "discounting-positive",
        "Discounting the positive",
        "Deciding good things don't count.",
        "“They were only being nice; it doesn't mean anything.”",
    ),
    Named(
        "mind-reading",
        "Mind reading",
        "Being sure you know what others think, without asking.",
        "“She didn't reply, so she must be annoyed with me.”",
        # Watching someone's mood closely is how many survivors of abuse kept themselves safe.
        note=(
            "If someone has hurt you, reading their mood may be how you stayed safe. "
            "That is not a trap."
        ),
    ),
    Named(
        "fortune-telling",
        "Fortune telling",
        "Predicting that things will go wrong as if it were fact.",
        "“I'll be hopeless at the class, so there's no point trying.”",
        note=DANGER_NOW_NOTE,
    ),
    Named(
        "catastrophising",
        "Catastrophising",
        "Jumping to the worst possible outcome.",
        "“A small mistake at work means I'll lose my job.”",
        note=DANGER_NOW_NOTE,
    ),
    Named(
        "emotional-reasoning",
        "Emotional reasoning",
        "Taking a feeling as proof of a fact.",
        "“I feel stupid, so I must be stupid.”",
        # Fear of a particular person can be an accurate reading; it is not to be argued away.
        note=(
            "A feeling isn't proof, but it is information. Fear around a particular person "
            "deserves to be taken seriously; Then or now? can help."
        ),
    ),
    Named(
        "should-statements",
        "“Should” statements",
        "Holding yourself to rigid rules, and feeling bad when you don't meet them.",
        "“I should be over this by now.”",
    ),
    Named("labelling", "Labelling", "Summing yourself up with one harsh word.", "“I'm a failure.”"),
    Named(
        "personalising",
        "Personalising or self-blame",
        "Taking the blame for something that wasn't yours to carry, or wasn't in your control.",
        "“They're upset; it must be my fault.”",
        # A survivor who holds the person who harmed them responsible is being accurate; calling
        # that a distortion would feed the self-blame this practice is meant to ease.
        note=(
            "Holding someone responsible for harm they caused is not a thinking trap. "
            "Responsibility for harm belongs to whoever caused it."
        ),
    ),
    Named(
        "comparing",
        "Comparing",
        "Measuring yourself against others in a way that leaves you short.",
        "“Everyone else copes better than I do.”",
    ),
    Named(
        "disqualifying-oneself",
        "Disqualifying yourself",
        "Deciding you don't deserve good things or a say.",
        "“Who am I to ask for that?”",
    ),
)
TRAPS: dict[str, Named] = {t.slug: t for t in THINKING_TRAPS}


GROUNDING_EXERCISES: tuple[Named, ...] = (
    Named(
        "senses",
        "5-4-3-2-1 senses",
        "Name five things you can see, four you can feel, three you can hear, two you can smell and one you can taste.",
    ),
    Named(
        "breathing",
        "Paced breathing",
        "Breathe in for about four counts and out for about six, following the circle, for a minute or two.",
    ),
    Named(
        "body-scan",
        "Short body scan",
        "Move your attention slowly from your feet to the top of your head, noticing without changing anything.",
    ),
    Named(
        "safe-now",
        "Name what is safe right now",
        "Say, out loud or silently, three things that are safe in this moment: where you are, who is near, what is true.",
        note="If you are not safe where you are, that matters more than this exercise.",
    ),
    # Two distress tolerance skills from dialectical behaviour therapy (DBT), for when feelings
    # run very high. The cold-water caution follows the DBT skills handouts.
    Named(
        "tipp",
        "TIPP: settle a body in overdrive",
        "Temperature: cool your face with cold water or a cold pack for up to half a minute. "
        "Intense movement, gently: walk briskly or march on the spot for a few minutes. "
        "Paced breathing: breathe out for longer than you breathe in. "
        "Paired muscle relaxation: tense one group of muscles as you breathe in, then let it go "
        "as you breathe out.",
        note=(
            "Cold water slows the heart and hard exercise speeds it up. Skip them, or ask your "
            "doctor first, if you have a heart condition, take medicine that slows your heart "
            "(such as beta-blockers), have another medical condition, or live with an eating "
            "disorder."
        ),
    ),
    Named(
        "stop",
        "STOP: pause before you act",
        "Stop: pause for a moment and do nothing yet. Take a step back: one breath, or one "
        "step away. Observe: what is happening in you and around you. Proceed mindfully: choose "
        "your next move with what matters to you in mind. If the urge is to hurt yourself, your "
        "next step is your safety plan or Get help now.",
    ),
)
GROUNDING: dict[str, Named] = {g.slug: g for g in GROUNDING_EXERCISES}


# The six signs from the self-trust guide, in our words, framed as reflection.
SIGNS: tuple[Named, ...] = (
    Named("second-guessing", "Going back over decisions long after making them", ""),
    Named("reassurance", "Looking for reassurance even for small choices", ""),
    Named("intuition", "Feeling out of touch with my gut sense", ""),
    Named("doubting-self", "Doubting my own memories or feelings", ""),
    Named("alone-with-thoughts", "Feeling uneasy when alone with my thoughts", ""),
    Named("over-analysing", "Going over conversations again and again", ""),
)
SIGN_ANSWERS: tuple[tuple[str, str], ...] = (
    ("not-lately", "Not lately"),
    ("sometimes", "Sometimes"),
    ("often", "Often"),
)


# For the values sort: common values to choose from, with room for the person's own words.
# What each one means is theirs to say, so there are no definitions here.
VALUES: tuple[tuple[str, str], ...] = (
    ("honesty", "Honesty"),
    ("kindness", "Kindness"),
    ("safety", "Safety"),
    ("rest", "Rest"),
    ("courage", "Courage"),
    ("fairness", "Fairness"),
    ("freedom", "Freedom"),
    ("connection", "Connection"),
    ("family", "Family"),
    ("friendship", "Friendship"),
    ("creativity", "Creativity"),
    ("learning", "Learning"),
    ("health", "Health"),
    ("nature", "Nature"),
    ("faith", "Faith or spirituality"),
    ("humour", "Humour"),
    ("calm", "Calm"),
    ("respect", "Respect"),
    ("caring", "Caring for others"),
    ("play", "Play"),
)
