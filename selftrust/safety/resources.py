"""Crisis resources: the lines for the person's country, or a list the operator configures.

Without configuration the lines come from `regions.py` (a data file of countries, each line
with its source). An operator can replace everything with their own JSON file, no code needed.

The file (SELFTRUST_CRISIS_RESOURCES) holds a JSON list of objects:
  {"name": "...", "description": "...", "contacts": [{"label": "Call", "value": "988",
   "href": "tel:988"}], "region": "United States"}
Only "name" is required. Links may be tel:, sms: or https: addresses.
"""

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from selftrust.safety.phones import dialable
from selftrust.safety.regions import (
    FALLBACK_EMERGENCY,
    REGION_COOKIE,
    TIME_ZONE_COOKIE,
    RegionChoice,
    choose_region,
    directory,
)

ALLOWED_LINK_SCHEMES = ("tel:", "sms:", "https:", "http:", "mailto:")


@dataclass(frozen=True)
class Contact:
    label: str
    value: str
    href: str = ""


@dataclass(frozen=True)
class CrisisResource:
    name: str
    description: str = ""
    region: str = ""
    contacts: tuple[Contact, ...] = field(default_factory=tuple)


def _parse(entries) -> tuple[CrisisResource, ...]:
    if not isinstance(entries, list) or not entries:
        raise ValueError("expected a non-empty JSON list of resources")
    resources = []
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not str(entry.get("name", "")).strip():
            raise ValueError(f"entry {position} needs a non-empty 'name'")
        contacts = []
        for contact in entry.get("contacts") or []:
            href = str(contact.get("href", ""))
            if href and not href.startswith(ALLOWED_LINK_SCHEMES):
                raise ValueError(
                    f"entry {position}: link {href!r} must start with tel:, sms: or https:"
                )
            contacts.append(
                Contact(str(contact.get("label", "")), str(contact.get("value", "")), href)
            )
        resources.append(
            CrisisResource(
                name=str(entry["name"]).strip(),
                description=str(entry.get("description", "")),
                region=str(entry.get("region", "")),
                contacts=tuple(contacts),
            )
        )
    return tuple(resources)


@lru_cache(maxsize=4)
def _load(path: str, modified: float) -> tuple[CrisisResource, ...]:
    try:
        return _parse(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        raise ImproperlyConfigured(f"SELFTRUST_CRISIS_RESOURCES ({path}): {error}") from error


def operator_resources() -> tuple[CrisisResource, ...] | None:
    """The operator's list (re-read when the file changes), or None when there is none."""
    path = settings.CRISIS_RESOURCES_FILE
    if not path:
        return None
    return _load(path, Path(path).stat().st_mtime if Path(path).exists() else 0.0)


@dataclass(frozen=True)
class ShownResources:
    """What Get help now and the support panel show one person."""

    resources: tuple[CrisisResource, ...]
    # The country the lines are for (None: the operator's list, or we could not tell).
    choice: RegionChoice | None
    emergency_number: str
    emergency_note: str

    @property
    def emergency_href(self) -> str:
        return f"tel:{dialable(self.emergency_number)}" if self.emergency_number else ""

    @property
    def lines(self) -> tuple[CrisisResource, ...]:
        """The crisis lines with a number to call or text, for the buttons at the top."""
        return tuple(
            resource
            for resource in self.resources
            if any(contact.href.startswith(("tel:", "sms:")) for contact in resource.contacts)
            and resource.name != IMMEDIATE_DANGER
        )


IMMEDIATE_DANGER = "If you might act on thoughts of suicide, are hurt, or are in danger now"


def resources_for(request) -> ShownResources:
    """The operator's list when configured; else the lines for the person's country."""
    if (configured := operator_resources()) is not None:
        return ShownResources(configured, None, "", "")
    choice = region_choice_for(request)
    return resources_for_region(choice)


def region_choice_for(request) -> RegionChoice:
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    cookies = getattr(request, "COOKIES", {})
    return choose_region(
        chosen=user.crisis_region if signed_in else cookies.get(REGION_COOKIE),
        time_zones=(user.time_zone if signed_in else None, cookies.get(TIME_ZONE_COOKIE)),
        accept_language=request.META.get("HTTP_ACCEPT_LANGUAGE", "") if request else "",
    )


def resources_for_region(choice: RegionChoice) -> ShownResources:
    region = choice.region
    emergency = region.emergency if region else FALLBACK_EMERGENCY
    note = (
        region.emergency_note
        if region
        else "112 works from mobile phones in many countries; your local number may differ."
    )
    entries = [
        CrisisResource(
            name=IMMEDIATE_DANGER,
            # The number is its contact ("Call 911"): said once, not again in the words.
            description=note,
            region=region.display_name if region else "",
            contacts=(Contact("Call", emergency, f"tel:{dialable(emergency)}"),),
        )
    ]
    for line in region.lines if region else ():
        contacts = []
        if line.call:
            contacts.append(Contact("Call", line.call, line.call_href))
        if line.text:
            contacts.append(Contact("Text", line.text, line.text_href))
        description = line.description + (f" Hours: {line.hours}." if line.hours else "")
        entries.append(
            CrisisResource(line.organisation, description, region.display_name, tuple(contacts))
        )
    found = directory()
    entries.append(
        CrisisResource(
            name=f"{found.organisation}: helplines in other countries",
            description=found.description,
            region="Worldwide",
            contacts=(Contact("Directory", found.url.removeprefix("https://"), found.url),),
        )
    )
    return ShownResources(tuple(entries), choice, emergency, note)


def crisis_resources() -> tuple[CrisisResource, ...]:
    """The operator's list, or the lines for a person we know nothing about (used where no
    request is at hand, e.g. the command line)."""
    configured = operator_resources()
    if configured is not None:
        return configured
    return resources_for_region(
        choose_region(chosen=None, time_zones=(), accept_language="")
    ).resources
