"""Crisis resources: a list the operator can replace with a JSON file, no code needed.

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


DEFAULT_RESOURCES = [
    {
        "name": "If you are in immediate danger",
        "description": "Call your local emergency number now (for example 911, 999, 112 or 000).",
        "region": "Anywhere",
        "contacts": [],
    },
    {
        "name": "988 Suicide & Crisis Lifeline",
        "description": "Free and confidential support, any time of day or night.",
        "region": "United States",
        "contacts": [
            {"label": "Call", "value": "988", "href": "tel:988"},
            {"label": "Text", "value": "988", "href": "sms:988"},
        ],
    },
    {
        "name": "Samaritans",
        "description": "Someone to listen, any time, free from any phone.",
        "region": "United Kingdom and Ireland",
        "contacts": [{"label": "Call", "value": "116 123", "href": "tel:116123"}],
    },
    {
        "name": "Find a helpline in your country",
        "description": "An international directory of free, confidential helplines.",
        "region": "Worldwide",
        "contacts": [
            {
                "label": "Directory",
                "value": "findahelpline.com",
                "href": "https://findahelpline.com",
            }
        ],
    },
]


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


def crisis_resources() -> tuple[CrisisResource, ...]:
    """The operator's list if one is configured (re-read when the file changes), else ours."""
    path = settings.CRISIS_RESOURCES_FILE
    if not path:
        return _default()
    return _load(path, Path(path).stat().st_mtime if Path(path).exists() else 0.0)


@lru_cache(maxsize=1)
def _default() -> tuple[CrisisResource, ...]:
    return _parse(DEFAULT_RESOURCES)
