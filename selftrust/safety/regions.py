"""Crisis lines and emergency numbers per country, and which country a person is in.

The data lives in `data/regions.json`: every line names its source page and the date it was
checked, because a wrong crisis number does harm. A person chooses their country in Settings
(or on Get help now, without an account); until they do, it is guessed from their time zone
and then their browser's language, and the page says it is a guess.
"""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from selftrust.safety.phones import dialable

DATA_FILE = Path(__file__).with_name("data") / "regions.json"
# Where a visitor's choice, and their browser's time zone, are kept without an account.
REGION_COOKIE = "selftrust_region"
TIME_ZONE_COOKIE = "selftrust_tz"
# Works from mobile phones in most of the world; offered when we cannot tell where someone is.
FALLBACK_EMERGENCY = "112"


@dataclass(frozen=True)
class CrisisLine:
    organisation: str
    description: str
    call: str
    text: str
    hours: str
    source: str
    checked: str
    # For lines beyond the crisis lines: what they are for ("domestic abuse", …).
    kind: str = "crisis"

    @property
    def call_href(self) -> str:
        return f"tel:{dialable(self.call)}" if self.call else ""

    @property
    def text_href(self) -> str:
        return f"sms:{dialable(self.text)}" if self.text else ""


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    emergency: str
    emergency_note: str
    lines: tuple[CrisisLine, ...]
    time_zones: tuple[str, ...]
    # Domestic-abuse and sexual-violence lines, where a sourced one is known.
    support_lines: tuple[CrisisLine, ...] = ()

    @property
    def emergency_href(self) -> str:
        return f"tel:{dialable(self.emergency)}"

    @property
    def display_name(self) -> str:
        """The name on its own, as in a list: "United States" for "the United States"."""
        name = self.name.removeprefix("the ")
        return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class RegionChoice:
    """The region shown to someone, and how we came to it."""

    region: Region | None
    guessed: bool


@dataclass(frozen=True)
class Directory:
    organisation: str
    url: str
    description: str


@cache
def _data() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@cache
def all_regions() -> tuple[Region, ...]:
    regions = []
    for entry in _data()["regions"]:
        regions.append(
            Region(
                code=entry["code"],
                name=entry["name"],
                emergency=entry["emergency"],
                emergency_note=entry.get("emergency_note", ""),
                lines=tuple(CrisisLine(**line) for line in entry["lines"]),
                time_zones=tuple(entry["time_zones"]),
                support_lines=tuple(CrisisLine(**line) for line in entry.get("support_lines", ())),
            )
        )
    return tuple(sorted(regions, key=lambda region: region.display_name))


@cache
def _by_code() -> dict[str, Region]:
    return {region.code: region for region in all_regions()}


@cache
def _by_time_zone() -> dict[str, Region]:
    return {zone: region for region in all_regions() for zone in region.time_zones}


def directory() -> Directory:
    return Directory(**_data()["directory"])


def region_for_code(code: str | None) -> Region | None:
    return _by_code().get((code or "").upper())


def region_from_time_zone(time_zone: str | None) -> Region | None:
    return _by_time_zone().get(time_zone or "")


_LANGUAGE_TAG = re.compile(r"^([a-z]{2,3})(?:-[a-z]{4})?(?:-([a-z]{2}))?\b", re.IGNORECASE)


def region_from_languages(accept_language: str) -> Region | None:
    """The first preferred language that names a country we know ("de-AT"), or that is
    spoken mainly in one ("ja")."""
    bare_languages = _data()["bare_languages"]
    for part in accept_language.split(","):
        found = _LANGUAGE_TAG.match(part.split(";")[0].strip())
        if not found:
            continue
        language, country = found.group(1).lower(), (found.group(2) or "").upper()
        region = region_for_code(country) or region_for_code(bare_languages.get(language))
        if region:
            return region
    return None


def choose_region(
    *, chosen: str | None, time_zones: tuple[str | None, ...], accept_language: str
) -> RegionChoice:
    """The person's own choice if they made one; else a guess from their time zones, in the
    order given, then their languages; else nothing (the page then asks)."""
    if region := region_for_code(chosen):
        return RegionChoice(region, guessed=False)
    for time_zone in time_zones:
        if region := region_from_time_zone(time_zone):
            return RegionChoice(region, guessed=True)
    return RegionChoice(region_from_languages(accept_language), guessed=True)


def region_choices() -> list[tuple[str, str]]:
    """(code, name) for a select, in alphabetical order of the names as shown."""
    return [(region.code, region.display_name) for region in all_regions()]
