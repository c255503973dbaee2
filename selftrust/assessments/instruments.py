"""The self-assessment instruments, as data: items, response scales, keys and bands.

Item wording is reproduced exactly as published, which each licence below allows; everything
around the items (introductions, band descriptions) is our own. Sources, licences and the
reasons for leaving the Self-Compassion Scale out are in docs/instruments.md.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str
    # Our plain, non-alarming words for what a score in this range usually means.
    meaning: str


@dataclass(frozen=True)
class LoincForm:
    """How LOINC's own FHIR Questionnaire for a panel (http://loinc.org/q/<panel>) names things.

    Taken from the Questionnaire resources Regenstrief publishes on fhir.loinc.org. Its linkIds
    are LOINC's form-row numbers, not the item codes: the item codes sit in `item.code`. The
    answers are LOINC answer codes (LA...). A response that uses anything else fails against the
    form a validator resolves from the canonical url.
    """

    item_link_ids: tuple[str, ...]  # one per item, in item order
    item_codes: tuple[str, ...]  # the LOINC code of each item, in item order
    answer_codes: dict[int, str]  # option value -> LOINC answer code
    total_link_id: str
    extra_link_id: str | None = None
    extra_code: str | None = None
    extra_answer_codes: tuple[str, ...] = ()  # one per extra option, in option order


@dataclass(frozen=True)
class Instrument:
    slug: str
    name: str
    short_name: str
    measures: str
    timeframe: str
    stem: str
    items: tuple[str, ...]
    options: tuple[tuple[int, str], ...]
    citation: str
    licence: str
    reverse_items: frozenset[int] = frozenset()  # 1-based item numbers
    # Reverse scoring maps a value v to (min + max - v) of the response scale.
    subscales: dict[str, tuple[int, ...]] = field(default_factory=dict)  # name -> 1-based items
    bands: tuple[Band, ...] = ()
    total_label: str = "Total"
    # LOINC codes where they exist, for the FHIR export.
    loinc_panel: str | None = None
    loinc_total: str | None = None
    # LOINC's own form for the panel; without one the FHIR export describes its own form.
    loinc_form: LoincForm | None = None
    # True where a higher total means feeling better (wellbeing, self-esteem, self-efficacy),
    # so the trend page can say which direction is worth a clinician's ear.
    higher_is_better: bool = False
    # Shown before the first question and after the result, for questionnaires about trauma.
    content_note: str = ""
    aftercare: str = ""
    # WHO-5 only: the percentage score is the raw total times this.
    percent_factor: int | None = None
    # 1-based item whose answer above 0 brings the safety response forward.
    safety_item: int | None = None
    extra_question: str | None = None
    extra_options: tuple[str, ...] = ()
    about: str = ""
    does_not_tell: str = ""
    cutoff_note: str = ""
    # Lessons (selftrust/lessons) worth reading beside a result.
    lessons: tuple[str, ...] = ("healing-is-not-linear",)

    @property
    def min_value(self) -> int:
        return min(value for value, _label in self.options)

    @property
    def max_value(self) -> int:
        return max(value for value, _label in self.options)

    @property
    def min_total(self) -> int:
        return self.min_value * len(self.items)

    @property
    def max_total(self) -> int:
        return self.max_value * len(self.items)

    def percent(self, total: int) -> int | None:
        return total * self.percent_factor if self.percent_factor else None

    def band_for(self, total: int) -> Band | None:
        return next((band for band in self.bands if band.low <= total <= band.high), None)


FREQUENCY_2_WEEKS = (
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
)

# LOINC answer codes of the frequency scale the PHQ-9 and GAD-7 items share.
FREQUENCY_2_WEEKS_LOINC = {0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9"}

PHQ9 = Instrument(
    slug="phq-9",
    lessons=("self-compassion", "healing-is-not-linear", "therapy-approaches"),
    name="Patient Health Questionnaire (PHQ-9)",
    short_name="PHQ-9",
    measures="low mood",
    timeframe="the last 2 weeks",
    stem="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    options=FREQUENCY_2_WEEKS,
    citation="Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606-613.",
    licence="Developed by Drs. Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer Inc. No permission is required to reproduce, translate, display or distribute.",
    bands=(
        Band(0, 4, "Minimal", "Few signs of low mood right now."),
        Band(5, 9, "Mild", "Some low mood has been around lately."),
        Band(
            10,
            14,
            "Moderate",
            "Low mood has been weighing on you a fair amount. Talking it over with a clinician could help.",
        ),
        Band(
            15,
            19,
            "Moderately severe",
            "Low mood has been heavy lately. Please talk with a doctor or therapist soon.",
        ),
        Band(
            20,
            27,
            "Severe",
            "Things have been very heavy. Please contact a doctor in the next few days. If you have thoughts of ending your life, Get help now has people to talk to now.",
        ),
    ),
    loinc_panel="44249-1",
    loinc_total="44261-6",
    loinc_form=LoincForm(
        item_link_ids=(
            "14363",
            "14364",
            "14365",
            "14366",
            "14367",
            "14368",
            "14369",
            "14370",
            "14371",
        ),
        item_codes=(
            "44250-9",
            "44255-8",
            "44259-0",
            "44254-1",
            "44251-7",
            "44258-2",
            "44252-5",
            "44253-3",
            "44260-8",
        ),
        answer_codes=FREQUENCY_2_WEEKS_LOINC,
        total_link_id="14372",
        extra_link_id="57492",
        extra_code="69722-7",
        # Not difficult at all, Somewhat, Very, Extremely difficult (LOINC's order of codes).
        extra_answer_codes=("LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3"),
    ),
    safety_item=9,
    extra_question="If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
    extra_options=(
        "Not difficult at all",
        "Somewhat difficult",
        "Very difficult",
        "Extremely difficult",
    ),
    about="The PHQ-9 asks about nine experiences of low mood over the last two weeks.",
    does_not_tell="It can't tell why you feel this way, and it can't diagnose depression: only a conversation with a clinician can.",
)

GAD7 = Instrument(
    slug="gad-7",
    lessons=("trauma-and-the-nervous-system", "listening-to-your-body", "healing-is-not-linear"),
    name="Generalized Anxiety Disorder scale (GAD-7)",
    short_name="GAD-7",
    measures="anxiety",
    timeframe="the last 2 weeks",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ),
    options=FREQUENCY_2_WEEKS,
    citation="Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097.",
    licence="Developed by Drs. Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer Inc. No permission is required to reproduce, translate, display or distribute.",
    bands=(
        Band(0, 4, "Minimal", "Few signs of anxiety right now."),
        Band(5, 9, "Mild", "Some worry and tension have been around lately."),
        Band(
            10,
            14,
            "Moderate",
            "Anxiety has been taking up a fair amount of room. Talking it over with a clinician could help.",
        ),
        Band(
            15,
            21,
            "Severe",
            "Anxiety has been very present. You don't have to manage it alone; a clinician can help.",
        ),
    ),
    loinc_panel="69737-5",
    loinc_total="70274-6",
    loinc_form=LoincForm(
        item_link_ids=("57541", "57542", "57543", "57544", "57545", "57546", "57547"),
        item_codes=("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"),
        answer_codes=FREQUENCY_2_WEEKS_LOINC,
        total_link_id="58628",
    ),
    about="The GAD-7 asks about seven experiences of worry and tension over the last two weeks.",
    does_not_tell="It can't tell what the worry is about, and it can't diagnose an anxiety disorder.",
)

PCL5 = Instrument(
    slug="pcl-5",
    lessons=("trauma-and-the-nervous-system", "therapy-approaches", "safety-before-confidence"),
    name="PTSD Checklist for DSM-5 (PCL-5)",
    short_name="PCL-5",
    measures="reactions to a very stressful experience",
    timeframe="the past month",
    stem="Below is a list of problems that people sometimes have in response to a very stressful experience. In the past month, how much were you bothered by:",
    items=(
        "Repeated, disturbing, and unwanted memories of the stressful experience?",
        "Repeated, disturbing dreams of the stressful experience?",
        "Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?",
        "Feeling very upset when something reminded you of the stressful experience?",
        "Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?",
        "Avoiding memories, thoughts, or feelings related to the stressful experience?",
        "Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?",
        "Trouble remembering important parts of the stressful experience?",
        "Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?",
        "Blaming yourself or someone else for the stressful experience or what happened after it?",
        "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
        "Loss of interest in activities that you used to enjoy?",
        "Feeling distant or cut off from other people?",
        "Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?",
        "Irritable behavior, angry outbursts, or acting aggressively?",
        "Taking too many risks or doing things that could cause you harm?",
        "Being “superalert” or watchful or on guard?",
        "Feeling jumpy or easily startled?",
        "Having difficulty concentrating?",
        "Trouble falling or staying asleep?",
    ),
    options=(
        (0, "Not at all"),
        (1, "A little bit"),
        (2, "Moderately"),
        (3, "Quite a bit"),
        (4, "Extremely"),
    ),
    citation="Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD, 2013.",
    licence="Developed by staff of the US Department of Veterans Affairs National Center for PTSD; in the public domain.",
    subscales={
        "Intrusions (cluster B)": (1, 2, 3, 4, 5),
        "Avoidance (cluster C)": (6, 7),
        "Changes in thinking and mood (cluster D)": (8, 9, 10, 11, 12, 13, 14),
        "Changes in arousal and reactivity (cluster E)": (15, 16, 17, 18, 19, 20),
    },
    # The published guidance gives 31-33 as the range for a provisional PTSD result; we use 31
    # as the start of "worth discussing" and never name a diagnosis.
    bands=(
        Band(
            0,
            30,
            "Below the range clinicians look at more closely",
            "This is not a measure of how much you went through or how much it hurts. Whatever you feel is real, and worth support if you want it.",
        ),
        Band(
            31,
            80,
            "Worth discussing with a clinician",
            "Your answers are in the range where talking with a trauma-informed clinician is worthwhile. It is not a diagnosis.",
        ),
    ),
    loinc_panel=None,
    loinc_total=None,
    about="The PCL-5 asks how much twenty common reactions to a very stressful experience have bothered you in the past month. The four groups below follow the clusters clinicians use.",
    content_note="These questions ask about reactions to a very stressful experience, and reading them can bring it closer. Keep your worst event in mind, but you don't need to describe it or think it through. You can pause, skip or stop at any time, and Ground me now is at the top of every page.",
    aftercare="That took something. Whatever your score, be gentle with yourself for a while: a drink of water, a few slow breaths, or Ground me now if the questions stirred things up.",
    does_not_tell="It can't diagnose PTSD; only a clinician's interview can. A high score doesn't mean you are broken or weak. It means these reactions have been weighing on you, and trauma-focused therapies help many people with them.",
    cutoff_note="The published guidance places a total of 31–33 or more in the range where a closer look by a clinician is suggested.",
)

WHO5 = Instrument(
    slug="who-5",
    higher_is_better=True,
    lessons=("small-steps-and-neuroplasticity", "healing-is-not-linear"),
    name="WHO-5 Well-Being Index",
    short_name="WHO-5",
    measures="wellbeing",
    timeframe="the last two weeks",
    stem="Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.",
    items=(
        "I have felt cheerful and in good spirits",
        "I have felt calm and relaxed",
        "I have felt active and vigorous",
        "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me",
    ),
    options=(
        (5, "All of the time"),
        (4, "Most of the time"),
        (3, "More than half of the time"),
        (2, "Less than half of the time"),
        (1, "Some of the time"),
        (0, "At no time"),
    ),
    citation="World Health Organization. Wellbeing Measures in Primary Health Care: The DepCare Project. WHO Regional Office for Europe, 1998. Topp CW et al. The WHO-5 Well-Being Index: a systematic review. Psychother Psychosom. 2015;84:167-176.",
    licence="© World Health Organization. Free to use without permission (WHO-5 2024 revision: CC BY-NC-SA 3.0 IGO), with attribution.",
    total_label="Raw score",
    percent_factor=4,
    # Topp et al. 2015: 50% or less is poor wellbeing; 28% or less (raw 7) suggests screening for
    # depression. We name neither; we say it is worth talking over, and never diagnose.
    bands=(
        Band(
            0,
            7,
            "Worth talking to a professional about",
            "Your days have held very little wellbeing lately. At 28% or less, the WHO-5's authors suggest talking it over with a doctor or therapist. It is not a diagnosis, and it can change.",
        ),
        Band(
            8,
            12,
            "Low wellbeing lately",
            "Your days have held less wellbeing lately. Below 13 is where the WHO-5's authors suggest taking a closer look at low mood.",
        ),
        Band(
            13, 25, "Wellbeing present", "There has been a fair amount of wellbeing in your days."
        ),
    ),
    loinc_panel=None,
    loinc_total=None,
    about="The WHO-5 asks about five good things in your days over the last two weeks. Higher is better; it is shown out of 25 and as a percentage.",
    does_not_tell="It can't tell what is helping or what is missing, and it is not a diagnosis.",
    cutoff_note="The WHO-5's authors suggest a closer look at 50% or less, and a conversation about low mood with a professional at 28% or less (Topp et al. 2015).",
)

ROSENBERG = Instrument(
    slug="rses",
    higher_is_better=True,
    lessons=("what-is-self-trust", "self-compassion", "mistakes-as-information"),
    name="Rosenberg Self-Esteem Scale",
    short_name="Self-esteem (RSES)",
    measures="self-esteem",
    timeframe="how you generally feel",
    stem="Below is a list of statements dealing with your general feelings about yourself.",
    items=(
        "On the whole, I am satisfied with myself.",
        "At times I think I am no good at all.",
        "I feel that I have a number of good qualities.",
        "I am able to do things as well as most other people.",
        "I feel I do not have much to be proud of.",
        "I certainly feel useless at times.",
        "I feel that I'm a person of worth, at least on an equal plane with others.",
        "I wish I could have more respect for myself.",
        "All in all, I am inclined to feel that I am a failure.",
        "I take a positive attitude toward myself.",
    ),
    options=((3, "Strongly agree"), (2, "Agree"), (1, "Disagree"), (0, "Strongly disagree")),
    reverse_items=frozenset({2, 5, 6, 8, 9}),
    citation="Rosenberg M. Society and the Adolescent Self-Image. Princeton University Press, 1965.",
    licence="Free to use without permission (the Morris Rosenberg Foundation asks for citation).",
    # Rosenberg published no cut-offs; 15 and 25 are the ranges commonly used with 0-30 scoring.
    bands=(
        Band(
            0,
            14,
            "A harsher view of yourself",
            "Your answers show a harsh view of yourself. Many people see themselves this way after hard experiences; it is not your fault, and views like this can soften.",
        ),
        Band(
            15,
            25,
            "Within the usual range",
            "Your view of yourself is in the range most people report.",
        ),
        Band(26, 30, "Higher self-esteem", "You're seeing a lot of worth in yourself right now."),
    ),
    about="Ten statements about how you see yourself. Higher scores mean a kinder view of yourself.",
    does_not_tell="It has no official cut-offs; the ranges shown are common conventions. It measures a view, not your worth.",
)

GSE = Instrument(
    slug="gse",
    higher_is_better=True,
    lessons=("deciding-without-reassurance", "small-steps-and-neuroplasticity"),
    name="General Self-Efficacy Scale",
    short_name="Self-efficacy (GSE)",
    measures="confidence in handling what comes",
    timeframe="how you generally feel",
    stem="How true is each statement for you?",
    items=(
        "I can always manage to solve difficult problems if I try hard enough.",
        "If someone opposes me, I can find the means and ways to get what I want.",
        "It is easy for me to stick to my aims and accomplish my goals.",
        "I am confident that I could deal efficiently with unexpected events.",
        "Thanks to my resourcefulness, I know how to handle unforeseen situations.",
        "I can solve most problems if I invest the necessary effort.",
        "I can remain calm when facing difficulties because I can rely on my coping abilities.",
        "When I am confronted with a problem, I can usually find several solutions.",
        "If I am in trouble, I can usually think of a solution.",
        "I can usually handle whatever comes my way.",
    ),
    options=(
        (1, "Not at all true"),
        (2, "Hardly true"),
        (3, "Moderately true"),
        (4, "Exactly true"),
    ),
    citation="Schwarzer R, Jerusalem M. Generalized Self-Efficacy scale. In: Weinman J, Wright S, Johnston M. Measures in health psychology. NFER-NELSON, 1995:35-37.",
    licence="Free to use for non-commercial purposes without permission, with citation (authors' statement).",
    bands=(),
    about="Ten statements about trusting your own ability to cope. Higher scores mean more confidence in yourself.",
    does_not_tell="It has no cut-offs: what matters is how your own score moves over time.",
)

INSTRUMENTS: dict[str, Instrument] = {i.slug: i for i in (PHQ9, GAD7, PCL5, WHO5, ROSENBERG, GSE)}
