"""What a person may share with a therapist, one category at a time.

Nothing is shared by default. Each category names what the therapist would see, in the words
the sharing page uses. Warnings travel with their category: a questionnaire answer about
hurting oneself is seen only where questionnaire results are shared, and words that read as
crisis only where the practice or notes they were written in are shared. Nothing about a
screening is stored (decision 0004); it is worked out when the therapist looks.
"""

from dataclasses import dataclass
from functools import cache

from selftrust.practices.catalog import PRACTICES

PRACTICE_PREFIX = "practice-"


@dataclass(frozen=True)
class Category:
    slug: str
    # What the person shares, as the sharing page names it ("Your thought records").
    name: str
    # The same thing as the audit list says it ("your thought records").
    in_a_sentence: str
    # What the therapist would see, in a plain sentence for the sharing page.
    explains: str = ""
    # Does sharing this also show the therapist warnings about safety found in it?
    carries_warnings: bool = False


PROMISES = "promises"
MOOD = "mood"
QUESTIONNAIRES = "questionnaires"
SAFETY_PLAN = "safety-plan"
SESSION_NOTES = "session-notes"
WEEKLY_REVIEWS = "weekly-reviews"


def practice_category(practice_slug: str) -> str:
    return PRACTICE_PREFIX + practice_slug


def _practice_categories() -> list[Category]:
    return [
        Category(
            slug=practice_category(practice.slug),
            name=f"{practice.name}",
            # "your entries in “A small win”": a practice's name is a title, and lower-cased
            # into a sentence it reads wrongly ("your a small win entries").
            in_a_sentence=f"your entries in “{practice.name}”",
            explains="Each entry, as you wrote it.",
            carries_warnings=True,
        )
        for practice in PRACTICES.values()
    ]


@cache
def _categories() -> tuple[Category, ...]:
    return tuple(_all_categories())


def all_categories() -> list[Category]:
    """Every category, in the order the sharing page lists them (the catalog is fixed for the
    life of a process, so they are worked out once)."""
    return list(_categories())


def _all_categories() -> list[Category]:
    """Every category, in the order the sharing page lists them."""
    return [
        Category(
            PROMISES,
            "Promises and track record",
            "your promises and track record",
            "Your promises, how each day went, and your track record. Notes on check-ins too.",
            carries_warnings=True,
        ),
        Category(
            MOOD,
            "Mood and energy",
            "your mood and energy",
            "Your daily mood and energy, and the notes beside them.",
            carries_warnings=True,
        ),
        Category(
            QUESTIONNAIRES,
            "Questionnaire results",
            "your questionnaire results",
            "Your scores and what they mean in plain words. This includes when an answer about "
            "hurting yourself was above 0.",
            carries_warnings=True,
        ),
        Category(
            SAFETY_PLAN,
            "Safety plan",
            "your safety plan",
            "Your safety plan as it is now, with the people in it.",
        ),
        Category(
            SESSION_NOTES,
            "Notes for your sessions",
            "your notes for your sessions",
            "What you wrote down to bring to your next session.",
            carries_warnings=True,
        ),
        Category(
            WEEKLY_REVIEWS,
            "Weekly reviews",
            "your weekly reviews",
            "Your weekly reviews, as you wrote them.",
            carries_warnings=True,
        ),
        *_practice_categories(),
    ]


@cache
def _by_slug() -> dict[str, Category]:
    return {category.slug: category for category in _categories()}


def categories_by_slug() -> dict[str, Category]:
    return dict(_by_slug())


def category_or_none(slug: str) -> Category | None:
    return _by_slug().get(slug)


def known(slugs) -> list[str]:
    """The given slugs that are categories, in the sharing page's order, each once."""
    wanted = set(slugs)
    return [category.slug for category in _categories() if category.slug in wanted]
