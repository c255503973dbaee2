"""The addresses every page's frame links to, worked out once per process.

base.html links to the same twenty or so pages on every request (the menu, Ground me now, Get
help now, the scripts' data). Reversing each of them on every request was about a tenth of a
page's cost (bench/profile_views.py). They depend only on the URL configuration and the
prefix the site is served under, so they are kept per both.
"""

from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

FRAME = {
    "today": "promises:today",
    "promises": "promises:list",
    "progress": "insights:progress",
    "practice": "practices:hub",
    "how_i_am_doing": "assessments:overview",
    "care": "care:home",
    "caseload": "care:therapist-caseload",
    "settings": "accounts:settings",
    "lock_now": "accounts:lock_now",
    "logout": "accounts:logout",
    "ground": "safety:ground",
    "help": "safety:help",
    "plan": "safety:plan",
    "people": "safety:people",
    "home": "web:home",
    "manifest": "web:manifest",
    "privacy": "web:privacy",
    "service_worker": "web:service_worker",
}


@cache
def _frame_urls(prefix: str, urlconf: str) -> dict[str, str]:
    return {key: reverse(name) for key, name in FRAME.items()}


def frame_urls(request) -> dict:
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return {"frame_url": _frame_urls(get_script_prefix(), str(urlconf))}
