"""The lessons, as data: short plain-language reading, open to anyone before signing up.

Each lesson's words live in a template, lessons/body/<slug>.html; this table says what the
lesson is called, what it is about in one sentence, how long it takes, where to go next, how
sure the research lets us be about it, and where its facts come from.

`minutes` is stated, not computed at import: it is the body's word count at about 200 words a
minute, rounded up, and tests/lessons checks the two agree whenever a lesson is edited.

Evidence labels follow the idea of PTSD Coach's: one plain word for how well tested a lesson's
main claims are, with a sentence saying what the word means. A theory is labelled "idea"; a
clinical model used widely but with few trials is "emerging". docs/lessons.md lists every
lesson's label and sources; tests/lessons checks that it stays in step with this table.
"""

from dataclasses import dataclass

# The four labels, strongest first, each with the sentence a reader sees beside it.
EVIDENCE_LEVELS: dict[str, tuple[str, str]] = {
    "strong": (
        "Strong",
        "Many good-quality studies agree, and major treatment guidelines recommend it.",
    ),
    "moderate": (
        "Moderate",
        "Good studies support it, but there are fewer of them or the results are less certain.",
    ),
    "emerging": (
        "Emerging",
        "Early studies or clinical experience suggest it helps; there is not yet enough "
        "research to be sure.",
    ),
    "idea": (
        "Idea",
        "A useful way of understanding things, such as a theory or a model, that has not been "
        "tested as a treatment.",
    ),
}


@dataclass(frozen=True)
class Source:
    """One published source, cited as author (year), title, where it was published."""

    authors: str
    year: int
    title: str
    published_in: str

    def __str__(self) -> str:
        return f"{self.authors} ({self.year}). {self.title}. {self.published_in}."


@dataclass(frozen=True, kw_only=True)
class Lesson:
    slug: str
    title: str
    summary: str  # one sentence, shown in the list and in links
    minutes: int
    related: tuple[str, ...] = ()  # slugs of lessons to suggest at the end
    evidence: str  # a key of EVIDENCE_LEVELS
    # One sentence on what the label covers, where a lesson mixes firmer and softer claims.
    evidence_note: str
    sources: tuple[Source, ...]
    # Lessons about the brain, symptoms or treatment end with a reminder that they are general
    # information, not therapy or a diagnosis.
    general_information_note: bool = False

    def __post_init__(self):
        if self.evidence not in EVIDENCE_LEVELS:
            raise ValueError(f"{self.slug}: unknown evidence level {self.evidence!r}")

    @property
    def body_template(self) -> str:
        return f"lessons/body/{self.slug}.html"

    @property
    def evidence_label(self) -> str:
        return EVIDENCE_LEVELS[self.evidence][0]

    @property
    def evidence_meaning(self) -> str:
        return EVIDENCE_LEVELS[self.evidence][1]


# Sources used by more than one lesson. Treatment guidelines first.
NICE_PTSD = Source(
    "National Institute for Health and Care Excellence (NICE)",
    2018,
    "Post-traumatic stress disorder (NICE guideline NG116)",
    "London: NICE",
)
APA_PTSD_2017 = Source(
    "American Psychological Association, Guideline Development Panel for the Treatment of PTSD "
    "in Adults",
    2017,
    "Clinical practice guideline for the treatment of posttraumatic stress disorder (PTSD) in "
    "adults",
    "Washington, DC: American Psychological Association",
)
APA_PTSD_2025 = Source(
    "American Psychological Association",
    2025,
    "Clinical practice guideline for the treatment of posttraumatic stress disorder (PTSD) in "
    "adults",
    "Washington, DC: American Psychological Association",
)
ISTSS_2019 = Source(
    "International Society for Traumatic Stress Studies (ISTSS)",
    2019,
    "Posttraumatic stress disorder prevention and treatment guidelines: methodology and "
    "recommendations",
    "ISTSS",
)
VA_DOD_2023 = Source(
    "US Department of Veterans Affairs and Department of Defense",
    2023,
    "VA/DoD clinical practice guideline for the management of posttraumatic stress disorder "
    "and acute stress disorder, version 4.0",
    "Washington, DC: VA/DoD",
)
HERMAN_1992 = Source("Herman, J. L.", 1992, "Trauma and recovery", "New York: Basic Books")
RESICK_CPT_2017 = Source(
    "Resick, P. A., Monson, C. M., & Chard, K. M.",
    2017,
    "Cognitive processing therapy for PTSD: a comprehensive manual",
    "New York: Guilford Press",
)
EHLERS_CLARK_2000 = Source(
    "Ehlers, A., & Clark, D. M.",
    2000,
    "A cognitive model of posttraumatic stress disorder",
    "Behaviour Research and Therapy, 38(4), 319–345",
)
BANDURA_1977 = Source(
    "Bandura, A.",
    1977,
    "Self-efficacy: toward a unifying theory of behavioral change",
    "Psychological Review, 84(2), 191–215",
)
NEFF_2003 = Source(
    "Neff, K. D.",
    2003,
    "Self-compassion: an alternative conceptualization of a healthy attitude toward oneself",
    "Self and Identity, 2(2), 85–101",
)
CLOITRE_2011 = Source(
    "Cloitre, M., Courtois, C. A., Charuvastra, A., Carapezza, R., Stolbach, B. C., & Green, B. L.",
    2011,
    "Treatment of complex PTSD: results of the ISTSS expert clinician survey on best practices",
    "Journal of Traumatic Stress, 24(6), 615–627",
)
LINEHAN_2015 = Source(
    "Linehan, M. M.",
    2015,
    "DBT skills training manual (2nd ed.)",
    "New York: Guilford Press",
)
OGDEN_2006 = Source(
    "Ogden, P., Minton, K., & Pain, C.",
    2006,
    "Trauma and the body: a sensorimotor approach to psychotherapy",
    "New York: W. W. Norton",
)
KAHNEMAN_KLEIN_2009 = Source(
    "Kahneman, D., & Klein, G.",
    2009,
    "Conditions for intuitive expertise: a failure to disagree",
    "American Psychologist, 64(6), 515–526",
)
TEDESCHI_CALHOUN_2004 = Source(
    "Tedeschi, R. G., & Calhoun, L. G.",
    2004,
    "Posttraumatic growth: conceptual foundations and empirical evidence",
    "Psychological Inquiry, 15(1), 1–18",
)


ALL_LESSONS: tuple[Lesson, ...] = (
    Lesson(
        slug="what-is-self-trust",
        title="What self-trust is",
        summary="Self-trust is a steady sense that you can count on yourself, and it has nothing to do with being perfect.",
        minutes=2,
        related=("trauma-and-the-nervous-system", "safety-before-confidence"),
        evidence="idea",
        evidence_note="Self-trust is a concept from philosophy and psychology, not a treatment; this lesson describes it rather than testing it.",
        sources=(
            Source(
                "Govier, T.",
                1993,
                "Self-trust, autonomy, and self-esteem",
                "Hypatia, 8(1), 99–120",
            ),
            Source(
                "Lehrer, K.",
                1997,
                "Self-trust: a study of reason, knowledge, and autonomy",
                "Oxford: Clarendon Press",
            ),
            HERMAN_1992,
        ),
    ),
    Lesson(
        slug="trauma-and-the-nervous-system",
        title="How trauma affects self-trust",
        summary="Why your body may still be braced for danger, and why the doubt that came with it can ease.",
        minutes=3,
        related=(
            "window-of-tolerance-and-dissociation",
            "safety-before-confidence",
            "listening-to-your-body",
        ),
        evidence="moderate",
        evidence_note="The brain findings come from studies of groups of people and describe averages, not any one person; the idea that self-doubt began as protection is a way of understanding, not a tested fact.",
        sources=(
            Source(
                "Etkin, A., & Wager, T. D.",
                2007,
                "Functional neuroimaging of anxiety: a meta-analysis of emotional processing "
                "in PTSD, social anxiety disorder, and specific phobia",
                "American Journal of Psychiatry, 164(10), 1476–1488",
            ),
            Source(
                "Shin, L. M., Rauch, S. L., & Pitman, R. K.",
                2006,
                "Amygdala, medial prefrontal cortex, and hippocampal function in PTSD",
                "Annals of the New York Academy of Sciences, 1071, 67–79",
            ),
            Source(
                "Felmingham, K., Kemp, A., Williams, L., Das, P., Hughes, G., Peduto, A., & "
                "Bryant, R.",
                2007,
                "Changes in anterior cingulate and amygdala after cognitive behavior therapy "
                "of posttraumatic stress disorder",
                "Psychological Science, 18(2), 127–129",
            ),
            HERMAN_1992,
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="window-of-tolerance-and-dissociation",
        title="The window of tolerance and dissociation",
        summary="A simple picture of when feelings feel manageable, what being pushed above or below that range can be like, and gentle ways back.",
        minutes=3,
        related=("listening-to-your-body", "then-or-now", "trauma-and-the-nervous-system"),
        evidence="idea",
        evidence_note="The window of tolerance is a clinical model, a helpful picture rather than a tested finding; that dissociation often follows overwhelming experiences is well documented in studies of groups of people.",
        sources=(
            Source(
                "Siegel, D. J.",
                1999,
                "The developing mind: toward a neurobiology of interpersonal experience",
                "New York: Guilford Press",
            ),
            OGDEN_2006,
            Source(
                "Lanius, R. A., Vermetten, E., Loewenstein, R. J., Brand, B., Schmahl, C., "
                "Bremner, J. D., & Spiegel, D.",
                2010,
                "Emotion modulation in PTSD: clinical and neurobiological evidence for a "
                "dissociative subtype",
                "American Journal of Psychiatry, 167(6), 640–647",
            ),
            Source(
                "Schauer, M., & Elbert, T.",
                2010,
                "Dissociation following traumatic stress: etiology and treatment",
                "Zeitschrift für Psychologie / Journal of Psychology, 218(2), 109–127",
            ),
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="safety-before-confidence",
        title="Why safety comes before confidence",
        summary="Pushing yourself to feel confident rarely lasts; feeling safe enough is what lets trust grow.",
        minutes=3,
        related=("small-steps-and-neuroplasticity", "self-compassion"),
        evidence="emerging",
        evidence_note="Putting safety first is a widely used clinical model in trauma care, drawn more from expert agreement than from trials.",
        sources=(HERMAN_1992, CLOITRE_2011),
    ),
    Lesson(
        slug="small-steps-and-neuroplasticity",
        title="Small steps and a changing brain",
        summary="Your brain keeps reshaping itself around what you repeat, which is why small, steady steps matter.",
        minutes=3,
        related=("healing-is-not-linear", "mistakes-as-information", "values"),
        evidence="idea",
        evidence_note="That the brain changes with practice is well established in studies of groups of people; that small kept promises build self-trust is an idea drawn from research on habits and confidence, not something tested directly.",
        sources=(
            Source(
                "Draganski, B., Gaser, C., Busch, V., Schuierer, G., Bogdahn, U., & May, A.",
                2004,
                "Neuroplasticity: changes in grey matter induced by training",
                "Nature, 427(6972), 311–312",
            ),
            Source(
                "Lally, P., van Jaarsveld, C. H. M., Potts, H. W. W., & Wardle, J.",
                2010,
                "How are habits formed: modelling habit formation in the real world",
                "European Journal of Social Psychology, 40(6), 998–1009",
            ),
            Source(
                "Cepeda, N. J., Pashler, H., Vul, E., Wixted, J. T., & Rohrer, D.",
                2006,
                "Distributed practice in verbal recall tasks: a review and quantitative synthesis",
                "Psychological Bulletin, 132(3), 354–380",
            ),
            BANDURA_1977,
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="self-compassion",
        title="Self-compassion instead of self-criticism",
        summary="Being kind to yourself is not letting yourself off the hook; it calms the part of you that feels under attack.",
        minutes=3,
        related=("mistakes-as-information", "self-blame-about-the-trauma", "thinking-traps"),
        evidence="moderate",
        evidence_note="Self-compassion programmes have done well in randomised trials, many of them small; the threat and soothing systems used to explain why are a theory.",
        sources=(
            NEFF_2003,
            Source(
                "Neff, K. D., & Germer, C. K.",
                2013,
                "A pilot study and randomized controlled trial of the Mindful Self-Compassion "
                "program",
                "Journal of Clinical Psychology, 69(1), 28–44",
            ),
            Source(
                "Germer, C. K., & Neff, K. D.",
                2013,
                "Self-compassion in clinical practice",
                "Journal of Clinical Psychology, 69(8), 856–867",
            ),
            Source(
                "Ferrari, M., Hunt, C., Harrysunker, A., Abbott, M. J., Beath, A. P., & "
                "Einstein, D. A.",
                2019,
                "Self-compassion interventions and psychosocial outcomes: a meta-analysis of RCTs",
                "Mindfulness, 10(8), 1455–1473",
            ),
            Source(
                "Gilbert, P.",
                2014,
                "The origins and nature of compassion focused therapy",
                "British Journal of Clinical Psychology, 53(1), 6–41",
            ),
            Source(
                "Breines, J. G., & Chen, S.",
                2012,
                "Self-compassion increases self-improvement motivation",
                "Personality and Social Psychology Bulletin, 38(9), 1133–1143",
            ),
        ),
    ),
    Lesson(
        slug="self-blame-about-the-trauma",
        title="When you blame yourself for what happened",
        summary="Why self-blame after trauma is so common, why it so often lands on the wrong person, and where responsibility for harm belongs.",
        minutes=3,
        related=("self-compassion", "then-or-now", "therapy-approaches"),
        evidence="moderate",
        evidence_note="Hindsight bias is well established, and working with self-blame is a core part of cognitive processing therapy, which has strong evidence; reading about it on your own has been studied less.",
        sources=(
            RESICK_CPT_2017,
            Source(
                "Kubany, E. S., & Manke, F. P.",
                1995,
                "Cognitive therapy for trauma-related guilt: conceptual bases and treatment "
                "outlines",
                "Cognitive and Behavioral Practice, 2(1), 27–61",
            ),
            Source(
                "Fischhoff, B.",
                1975,
                "Hindsight ≠ foresight: the effect of outcome knowledge on judgment under "
                "uncertainty",
                "Journal of Experimental Psychology: Human Perception and Performance, 1(3), "
                "288–299",
            ),
            Source(
                "Möller, A., Söndergaard, H. P., & Helström, L.",
                2017,
                "Tonic immobility during sexual assault – a common reaction predicting "
                "post-traumatic stress disorder and severe depression",
                "Acta Obstetricia et Gynecologica Scandinavica, 96(8), 932–938",
            ),
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="mistakes-as-information",
        title="Mistakes as information",
        summary="A mistake can tell you something useful without saying anything about your worth.",
        minutes=3,
        related=("self-compassion", "boundaries"),
        evidence="idea",
        evidence_note="The difference between shame and guilt is well studied; reading mistakes as information is a sensible practice rather than a tested treatment.",
        sources=(
            Source(
                "Tangney, J. P., Stuewig, J., & Mashek, D. J.",
                2007,
                "Moral emotions and moral behavior",
                "Annual Review of Psychology, 58, 345–372",
            ),
            Source(
                "Tangney, J. P., & Dearing, R. L.",
                2002,
                "Shame and guilt",
                "New York: Guilford Press",
            ),
        ),
    ),
    Lesson(
        slug="therapy-approaches",
        title="Therapy approaches that can help",
        summary="A plain guide to some therapies used after trauma, what a session of each can be like, and how well each is supported by research.",
        minutes=4,
        related=("trauma-and-the-nervous-system", "thinking-traps", "listening-to-your-body"),
        evidence="strong",
        evidence_note="Strong for the first-line trauma therapies named in current guidelines; each of the other approaches carries its own label in the lesson.",
        sources=(
            NICE_PTSD,
            APA_PTSD_2017,
            APA_PTSD_2025,
            ISTSS_2019,
            VA_DOD_2023,
            RESICK_CPT_2017,
            Source(
                "Foa, E. B., Hembree, E. A., & Rothbaum, B. O.",
                2007,
                "Prolonged exposure therapy for PTSD: emotional processing of traumatic "
                "experiences, therapist guide",
                "New York: Oxford University Press",
            ),
            Source(
                "Shapiro, F.",
                2018,
                "Eye movement desensitization and reprocessing (EMDR) therapy: basic "
                "principles, protocols, and procedures (3rd ed.)",
                "New York: Guilford Press",
            ),
            Source(
                "Paivio, S. C., Jarry, J. L., Chagigiorgis, H., Hall, I., & Ralston, M.",
                2010,
                "Efficacy of two versions of emotion-focused therapy for resolving child "
                "abuse trauma",
                "Psychotherapy Research, 20(3), 353–366",
            ),
            Source(
                "Young, J. E., Klosko, J. S., & Weishaar, M. E.",
                2003,
                "Schema therapy: a practitioner's guide",
                "New York: Guilford Press",
            ),
            Source(
                "Boterhoven de Haan, K. L., et al.",
                2020,
                "Imagery rescripting and eye movement desensitisation and reprocessing as "
                "treatment for adults with post-traumatic stress disorder from childhood "
                "trauma: randomised clinical trial",
                "British Journal of Psychiatry, 217(5), 609–615",
            ),
            Source(
                "Brom, D., Stokar, Y., Lawi, C., Nuriel-Porat, V., Ziv, Y., Lerner, K., & Ross, G.",
                2017,
                "Somatic experiencing for posttraumatic stress disorder: a randomized "
                "controlled outcome study",
                "Journal of Traumatic Stress, 30(3), 304–312",
            ),
            Source(
                "Kuhfuß, M., Maldei, T., Hetmanek, A., & Baumann, N.",
                2021,
                "Somatic experiencing – effectiveness and key factors of a body-oriented trauma "
                "therapy: a scoping literature review",
                "European Journal of Psychotraumatology, 12(1), 1929023",
            ),
            Source(
                "White, M., & Epston, D.",
                1990,
                "Narrative means to therapeutic ends",
                "New York: W. W. Norton",
            ),
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="healing-is-not-linear",
        title="Healing is not a straight line",
        summary="Hard days and dips are part of recovery, not proof that you are going backwards.",
        minutes=2,
        related=("small-steps-and-neuroplasticity", "post-traumatic-growth", "self-compassion"),
        evidence="idea",
        evidence_note="Studies show people recover along different paths and at different speeds; that individual recovery has dips is common clinical experience rather than a measured finding.",
        sources=(
            Source(
                "Galatzer-Levy, I. R., Huang, S. H., & Bonanno, G. A.",
                2018,
                "Trajectories of resilience and dysfunction following potential trauma: a "
                "review and statistical evaluation",
                "Clinical Psychology Review, 63, 41–55",
            ),
            Source(
                "Marlatt, G. A., & Gordon, J. R. (Eds.)",
                1985,
                "Relapse prevention: maintenance strategies in the treatment of addictive "
                "behaviors",
                "New York: Guilford Press",
            ),
        ),
    ),
    Lesson(
        slug="post-traumatic-growth",
        title="Post-traumatic growth",
        summary="Some people find that good changes grow alongside the pain of trauma, but growth is never something you owe anyone.",
        minutes=2,
        related=("healing-is-not-linear", "values", "self-compassion"),
        evidence="idea",
        evidence_note="Post-traumatic growth is a model, a way of understanding change after trauma: many people report growth, but studies disagree about how much of it is lasting change.",
        sources=(
            Source(
                "Tedeschi, R. G., & Calhoun, L. G.",
                1996,
                "The Posttraumatic Growth Inventory: measuring the positive legacy of trauma",
                "Journal of Traumatic Stress, 9(3), 455–471",
            ),
            TEDESCHI_CALHOUN_2004,
            Source(
                "Frazier, P., Tennen, H., Gavian, M., Park, C., Tomich, P., & Tashiro, T.",
                2009,
                "Does self-reported posttraumatic growth reflect genuine positive change?",
                "Psychological Science, 20(7), 912–919",
            ),
            Source(
                "Zoellner, T., & Maercker, A.",
                2006,
                "Posttraumatic growth in clinical psychology: a critical review and "
                "introduction of a two component model",
                "Clinical Psychology Review, 26(5), 626–653",
            ),
        ),
    ),
    Lesson(
        slug="boundaries",
        title="Boundaries and keeping your word to yourself",
        summary="Boundaries mark where your limits are, and keeping them teaches you that your needs count.",
        minutes=3,
        related=("values", "mistakes-as-information", "deciding-without-reassurance"),
        evidence="emerging",
        evidence_note="Skills for saying no and asking for what you need are taught in several tested therapies, but boundaries on their own have been studied little.",
        sources=(
            Source(
                "Speed, B. C., Goldstein, B. L., & Goldfried, M. R.",
                2018,
                "Assertiveness training: a forgotten evidence-based treatment",
                "Clinical Psychology: Science and Practice, 25(1), e12216",
            ),
            LINEHAN_2015,
            Source(
                "Cloitre, M., Koenen, K. C., Cohen, L. R., & Han, H.",
                2002,
                "Skills training in affective and interpersonal regulation followed by "
                "exposure: a phase-based treatment for PTSD related to childhood abuse",
                "Journal of Consulting and Clinical Psychology, 70(5), 1067–1074",
            ),
            HERMAN_1992,
        ),
    ),
    Lesson(
        slug="values",
        title="Values: what matters to you",
        summary="Values are the directions you want your life to face, and small promises can be steps in those directions.",
        minutes=2,
        related=("boundaries", "small-steps-and-neuroplasticity", "what-is-self-trust"),
        evidence="emerging",
        evidence_note="Values work is a central part of acceptance and commitment therapy, which has a growing body of trials; values exercises on their own have been studied less.",
        sources=(
            Source(
                "Hayes, S. C., Strosahl, K. D., & Wilson, K. G.",
                2012,
                "Acceptance and commitment therapy: the process and practice of mindful "
                "change (2nd ed.)",
                "New York: Guilford Press",
            ),
            Source(
                "A-Tjak, J. G. L., Davis, M. L., Morina, N., Powers, M. B., Smits, J. A. J., "
                "& Emmelkamp, P. M. G.",
                2015,
                "A meta-analysis of the efficacy of acceptance and commitment therapy for "
                "clinically relevant mental and physical health problems",
                "Psychotherapy and Psychosomatics, 84(1), 30–36",
            ),
            Source(
                "Wilson, K. G., Sandoz, E. K., Kitchens, J., & Roberts, M.",
                2010,
                "The Valued Living Questionnaire: defining and measuring valued action within "
                "a behavioral framework",
                "The Psychological Record, 60(2), 249–272",
            ),
        ),
    ),
    Lesson(
        slug="thinking-traps",
        title="Thinking traps and thought records",
        summary="Some thoughts feel like facts but are habits of the mind, and writing them down helps you check them.",
        minutes=3,
        related=("deciding-without-reassurance", "then-or-now", "self-compassion"),
        evidence="emerging",
        evidence_note="Thought records are a core skill of cognitive therapies, which have strong evidence; practised on your own, as here, they have been studied less.",
        sources=(
            Source(
                "Beck, A. T.",
                1976,
                "Cognitive therapy and the emotional disorders",
                "New York: International Universities Press",
            ),
            Source(
                "Burns, D. D.",
                1980,
                "Feeling good: the new mood therapy",
                "New York: William Morrow",
            ),
            RESICK_CPT_2017,
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="listening-to-your-body",
        title="Listening to your body",
        summary="Gentle ways to notice what your body is telling you, including grounding and rating distress from 0 to 10.",
        minutes=2,
        related=(
            "trauma-and-the-nervous-system",
            "window-of-tolerance-and-dissociation",
            "sleep-and-nightmares",
        ),
        evidence="emerging",
        evidence_note="Grounding and body awareness are widely used in trauma care but have been tested less than full therapies; rating distress on a scale (0 to 100 in clinics, 0 to 10 here) is a long-standing clinical tool.",
        sources=(
            Source(
                "Wolpe, J.",
                1969,
                "The practice of behavior therapy",
                "New York: Pergamon Press",
            ),
            Source(
                "Price, C. J., & Hooven, C.",
                2018,
                "Interoceptive awareness skills for emotion regulation: theory and approach "
                "of mindful awareness in body-oriented therapy (MABT)",
                "Frontiers in Psychology, 9, 798",
            ),
            OGDEN_2006,
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="sleep-and-nightmares",
        title="Sleep and nightmares",
        summary="Why trauma so often disturbs sleep, some habits that can help, and what you can do after a nightmare.",
        minutes=3,
        related=(
            "window-of-tolerance-and-dissociation",
            "listening-to-your-body",
            "therapy-approaches",
        ),
        evidence="emerging",
        evidence_note="CBT for insomnia and imagery rehearsal for nightmares, done with a clinician, have good evidence; the habits here, on their own, have weak evidence: a sensible first step, but not enough for everyone.",
        sources=(
            Source(
                "Edinger, J. D., et al.",
                2021,
                "Behavioral and psychological treatments for chronic insomnia disorder in "
                "adults: an American Academy of Sleep Medicine clinical practice guideline",
                "Journal of Clinical Sleep Medicine, 17(2), 255–262",
            ),
            Source(
                "Morgenthaler, T. I., et al.",
                2018,
                "Position paper for the treatment of nightmare disorder in adults: an "
                "American Academy of Sleep Medicine position paper",
                "Journal of Clinical Sleep Medicine, 14(6), 1041–1055",
            ),
            Source(
                "Krakow, B., et al.",
                2001,
                "Imagery rehearsal therapy for chronic nightmares in sexual assault survivors "
                "with posttraumatic stress disorder: a randomized controlled trial",
                "JAMA, 286(5), 537–545",
            ),
            Source(
                "Irish, L. A., Kline, C. E., Gunn, H. E., Buysse, D. J., & Hall, M. H.",
                2015,
                "The role of sleep hygiene in promoting public health: a review of empirical "
                "evidence",
                "Sleep Medicine Reviews, 22, 23–36",
            ),
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="then-or-now",
        title="Then or now?",
        summary="How to tell an old alarm from what your senses are telling you about today, so that trusting yourself means trusting with your eyes open.",
        minutes=3,
        related=(
            "deciding-without-reassurance",
            "window-of-tolerance-and-dissociation",
            "thinking-traps",
        ),
        evidence="emerging",
        evidence_note="Telling then from now is a core skill in cognitive therapy for PTSD, which has strong evidence; practised on your own, as here, it has been studied less.",
        sources=(
            EHLERS_CLARK_2000,
            Source(
                "Ehlers, A., Clark, D. M., Hackmann, A., McManus, F., & Fennell, M.",
                2005,
                "Cognitive therapy for post-traumatic stress disorder: development and evaluation",
                "Behaviour Research and Therapy, 43(4), 413–431",
            ),
            KAHNEMAN_KLEIN_2009,
            NICE_PTSD,
        ),
        general_information_note=True,
    ),
    Lesson(
        slug="deciding-without-reassurance",
        title="Deciding without needing reassurance",
        summary="How second-guessing keeps doubt going, and how a decision journal can show you that your judgement holds up.",
        minutes=3,
        related=("then-or-now", "thinking-traps", "what-is-self-trust"),
        evidence="idea",
        evidence_note="Studies of anxiety find that repeated reassurance seeking tends to keep doubt going; keeping a decision journal is a reasonable practice that has not been tested as a treatment.",
        sources=(
            Source(
                "Rachman, S.",
                2002,
                "A cognitive theory of compulsive checking",
                "Behaviour Research and Therapy, 40(6), 625–639",
            ),
            Source(
                "Kobori, O., & Salkovskis, P. M.",
                2013,
                "Patterns of reassurance seeking and reassurance-related behaviours in OCD "
                "and anxiety disorders",
                "Behavioural and Cognitive Psychotherapy, 41(1), 1–23",
            ),
            KAHNEMAN_KLEIN_2009,
            Source(
                "Tetlock, P. E., & Gardner, D.",
                2015,
                "Superforecasting: the art and science of prediction",
                "New York: Crown",
            ),
        ),
    ),
)

LESSONS: dict[str, Lesson] = {lesson.slug: lesson for lesson in ALL_LESSONS}


def lesson_or_none(slug: str) -> Lesson | None:
    return LESSONS.get(slug)


def related_lessons(lesson: Lesson) -> list[Lesson]:
    return [LESSONS[slug] for slug in lesson.related]
