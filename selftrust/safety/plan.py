"""The safety plan: its sections, what we pre-fill, and reading it back.

The structure follows the Stanley–Brown Safety Planning Intervention (seven steps, from
noticing that a hard time is starting to the reasons that make life worth living). Every
word the person sees here is ours.
"""

import re
from dataclasses import dataclass

from selftrust.safety.models import SafetyPlan, TrustedPerson
from selftrust.safety.resources import ShownResources

SECTION_LIMIT = 1000


@dataclass(frozen=True)
class Section:
    field: str
    title: str
    prompt: str
    examples: str
    # Which trusted-people choice belongs with this section, if any.
    people_field: str = ""
    # Longer guidance, shown beside the form as a list of short points.
    guidance: tuple[str, ...] = ()


SECTIONS = (
    Section(
        "warning_signs",
        "My warning signs",
        "The thoughts, feelings, places or moments that tell me a hard time may be starting.",
        "Not sleeping. Cancelling on friends. The thought “what’s the point”.",
    ),
    Section(
        "coping_on_my_own",
        "Things I can do on my own",
        "Small things that steady me a little, without needing anyone else.",
        "A hot shower. Ground me now. Walk round the block. A playlist that calms me.",
    ),
    Section(
        "people_and_places",
        "People and places that help me feel better",
        "Company or places that take my mind off things — I don’t have to talk about it.",
        "The library. The café on the corner. Texting my cousin about football.",
        people_field="company_people",
    ),
    Section(
        "asking_for_help",
        "People I can ask for help",
        "People I could tell that I’m struggling.",
        "My sister. My friend from the group.",
        people_field="help_people",
    ),
    Section(
        "professionals",
        "Professionals and services I can contact",
        "My therapist, my doctor, a crisis line, the nearest emergency department.",
        "My therapist (weekdays). My GP surgery. The crisis line below.",
    ),
    Section(
        "safer_surroundings",
        "Making my surroundings safer",
        "What I can put out of reach, or ask someone to keep for me, while things are hard.",
        "Ask my friend to keep my medication. Leave the car keys with a neighbour.",
        # Lethal-means counselling as the Stanley–Brown intervention and CALM teach it:
        # distance and time between a hard moment and the most dangerous means save lives,
        # and firearms are the most lethal of them.
        guidance=(
            "If there is a gun in your home, the safest place for it while things are hard is "
            "somewhere else: with someone you trust, or with a gun shop or police station that "
            "stores firearms. Check the law where you live first: in some places lending a gun "
            "needs a licence or a background check.",
            "If it has to stay, keep it unloaded and locked, with the ammunition locked away "
            "separately, and have someone else change the code or keep the key, so you don't have "
            "it. Taking out a key part (such as the slide or the cylinder) and keeping it "
            "elsewhere helps too. If the gun "
            "belongs to someone who has threatened you, a domestic abuse service can help you "
            "plan around it.",
            "Medicines: keep only small amounts at home, a few days' worth at most, including "
            "painkillers you can buy without a prescription, such as paracetamol "
            "(acetaminophen). Take old or unused ones back to a pharmacy and ask someone you "
            "trust to hold the rest. This includes medicines that belong to others in your home; "
            "lock away what must stay, with someone else holding the key. Your doctor or "
            "pharmacist can arrange smaller prescriptions or blister packs; keep taking what "
            "you are prescribed unless they advise otherwise.",
            "Alcohol and drugs make it harder to ride out an urge. Keeping less, or none, at "
            "home while things are hard helps.",
            "Anything else you have thought of using can go out of reach too, for now. Time "
            "and distance help a hard moment pass. Write down who will do each step, and by "
            "when.",
        ),
    ),
    Section(
        "reasons_for_living",
        "My reasons for living",
        "What matters to me and is worth staying for, however small.",
        "My cat. Seeing the sea again. My niece’s laugh.",
    ),
)
SECTION_FIELDS = tuple(section.field for section in SECTIONS)


def lines(text: str) -> list[str]:
    """A section's items: one per line, blank lines left out."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def plan_for(user) -> SafetyPlan | None:
    if not user.is_authenticated:
        return None
    return (
        SafetyPlan.objects.filter(user=user)
        .prefetch_related("company_people", "help_people")
        .first()
    )


def is_empty(plan: SafetyPlan) -> bool:
    return not any(getattr(plan, field).strip() for field in SECTION_FIELDS) and not (
        plan.company_people.exists() or plan.help_people.exists()
    )


def plan_with_something_in_it(user) -> SafetyPlan | None:
    """The plan to offer in a hard moment: none when it was saved with nothing in it, so
    the person's trusted people and an invitation to write one are offered instead."""
    plan = plan_for(user)
    return None if plan is None or is_empty(plan) else plan


def starter_professionals(shown: ShownResources) -> str:
    """The person's crisis lines and emergency number, so a new plan never starts without."""
    starters = []
    for resource in shown.lines:
        ways = ", ".join(
            f"{contact.label.lower()} {contact.value.strip() or _number_in(contact.href)}".strip()
            for contact in resource.contacts
            if contact.href.startswith(("tel:", "sms:"))
        )
        if ways:
            starters.append(f"{resource.name}: {ways}")
    starters = starters[:2]
    if shown.emergency_number:
        starters.append(f"Emergency services: call {shown.emergency_number}")
    return "\n".join(starters)


# How starter_professionals writes the emergency number, so a plan started for one country can be
# recognised after the person chooses another.
_EMERGENCY_LINE = re.compile(r"^Emergency services: call ([0-9+][0-9 ]*[0-9])\s*$", re.MULTILINE)


@dataclass(frozen=True)
class OutdatedNumber:
    """The emergency number a plan was started with, and the one where the person is now."""

    in_plan: str
    now: str
    where: str  # the country the person chose or we guessed; "" if unknown


def outdated_emergency_number(plan: SafetyPlan | None, shown: ShownResources):
    """An OutdatedNumber when the plan still holds the emergency line we filled in for another
    country (a plan begun while the country was guessed, then chosen in Settings); else None.
    The person's words are never changed for them: the pages say it and offer the change."""
    if plan is None or not shown.emergency_number:
        return None
    now = shown.emergency_number.replace(" ", "")
    for found in _EMERGENCY_LINE.finditer(plan.professionals or ""):
        if found.group(1).replace(" ", "") != now:
            region = shown.choice.region if shown.choice else None
            return OutdatedNumber(
                found.group(1), shown.emergency_number, region.name if region else ""
            )
    return None


def _number_in(href: str) -> str:
    """The number a tel: or sms: link dials, for a contact given without one written out."""
    return href.partition(":")[2].split("?")[0].split(";")[0]


@dataclass(frozen=True)
class ReadSection:
    section: Section
    items: list[str]
    people: list[TrustedPerson]


def read_back(plan: SafetyPlan) -> list[ReadSection]:
    """Each section with its items and chosen people, in the plan's order."""
    read = []
    for section in SECTIONS:
        people = list(getattr(plan, section.people_field).all()) if section.people_field else []
        read.append(ReadSection(section, lines(getattr(plan, section.field)), people))
    return read


def suggestions_not_yet_in(form, suggestions: dict[str, list[str]]) -> dict[str, list[str]]:
    """The suggestions for each section that its text (as the form shows it) doesn't hold."""
    kept = {}
    for field, offered in suggestions.items():
        current = form[field].value() or ""
        already = {line.casefold() for line in lines(current)}
        fresh = [text for text in offered if text.casefold() not in already]
        if fresh:
            kept[field] = fresh
    return kept
