"""The lessons, as data: short plain-language reading, open to anyone before signing up.

Each lesson's words live in a template, lessons/body/<slug>.html; this table says what the
lesson is called, what it is about in one sentence, how long it takes, and where to go next.

`minutes` is stated, not computed at import: it is the body's word count at about 200 words a
minute, rounded up, and tests/lessons checks the two agree whenever a lesson is edited.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    summary: str  # one sentence, shown in the list and in links
    minutes: int
    related: tuple[str, ...] = ()  # slugs of lessons to suggest at the end
    # Lessons about the brain, symptoms or treatment end with a reminder that they are general
    # information, not therapy or a diagnosis.
    general_information_note: bool = False

    @property
    def body_template(self) -> str:
        return f"lessons/body/{self.slug}.html"


ALL_LESSONS: tuple[Lesson, ...] = (
    Lesson(
        slug="what-is-self-trust",
        title="What self-trust is",
        summary="Self-trust is a steady sense that you can count on yourself, and it has nothing to do with being perfect.",
        minutes=2,
        related=("trauma-and-the-nervous-system", "safety-before-confidence"),
    ),
    Lesson(
        slug="trauma-and-the-nervous-system",
        title="How trauma affects self-trust",
        summary="Why your body may still be braced for danger, and why the doubt that came with it can ease.",
        minutes=3,
        related=("safety-before-confidence", "listening-to-your-body"),
        general_information_note=True,
    ),
    Lesson(
        slug="safety-before-confidence",
        title="Why safety comes before confidence",
        summary="Pushing yourself to feel confident rarely lasts; feeling safe enough is what lets trust grow.",
        minutes=2,
        related=("small-steps-and-neuroplasticity", "self-compassion"),
    ),
    Lesson(
        slug="small-steps-and-neuroplasticity",
        title="Small steps and a changing brain",
        summary="Your brain keeps reshaping itself around what you repeat, which is why small, steady steps matter.",
        minutes=2,
        related=("healing-is-not-linear", "mistakes-as-information"),
        general_information_note=True,
    ),
    Lesson(
        slug="self-compassion",
        title="Self-compassion instead of self-criticism",
        summary="Being kind to yourself is not letting yourself off the hook; it calms the part of you that feels under attack.",
        minutes=2,
        related=("mistakes-as-information", "thinking-traps"),
    ),
    Lesson(
        slug="mistakes-as-information",
        title="Mistakes as information",
        summary="A mistake can tell you something useful without saying anything about your worth.",
        minutes=2,
        related=("self-compassion", "boundaries"),
    ),
    Lesson(
        slug="therapy-approaches",
        title="Therapy approaches that can help",
        summary="A plain guide to some therapies used after trauma, and what a session of each can be like.",
        minutes=3,
        related=("trauma-and-the-nervous-system", "thinking-traps", "listening-to-your-body"),
        general_information_note=True,
    ),
    Lesson(
        slug="healing-is-not-linear",
        title="Healing is not a straight line",
        summary="Hard days and dips are part of recovery, not proof that you are going backwards.",
        minutes=2,
        related=("small-steps-and-neuroplasticity", "self-compassion"),
    ),
    Lesson(
        slug="boundaries",
        title="Boundaries and keeping your word to yourself",
        summary="Boundaries mark where your limits are, and keeping them teaches you that your needs count.",
        minutes=3,
        related=("mistakes-as-information", "deciding-without-reassurance"),
    ),
    Lesson(
        slug="thinking-traps",
        title="Thinking traps and thought records",
        summary="Some thoughts feel like facts but are habits of the mind, and writing them down helps you check them.",
        minutes=2,
        related=("deciding-without-reassurance", "self-compassion"),
        general_information_note=True,
    ),
    Lesson(
        slug="listening-to-your-body",
        title="Listening to your body",
        summary="Gentle ways to notice what your body is telling you, including grounding and rating distress from 0 to 100.",
        minutes=2,
        related=("trauma-and-the-nervous-system", "safety-before-confidence"),
        general_information_note=True,
    ),
    Lesson(
        slug="deciding-without-reassurance",
        title="Deciding without needing reassurance",
        summary="How second-guessing keeps doubt going, and how a decision journal can show you that your judgement holds up.",
        minutes=2,
        related=("thinking-traps", "what-is-self-trust"),
    ),
)

LESSONS: dict[str, Lesson] = {lesson.slug: lesson for lesson in ALL_LESSONS}


def lesson_or_none(slug: str) -> Lesson | None:
    return LESSONS.get(slug)


def related_lessons(lesson: Lesson) -> list[Lesson]:
    return [LESSONS[slug] for slug in lesson.related]
