"""Selftrust on a phone's home screen, and what it keeps for when the network is not there.

The web app manifest lets a browser install Selftrust. The service worker (/sw.js, built from
templates/web/service-worker.js with the settings below) keeps three pages on the device:

- Ground me now, fetched with no cookies at all, so the copy is the same for everyone;
- Get help now as /offline/help/: the crisis lines for the country the person chose (or we
  guessed), rendered without their trusted people, plan, messages or anything else of theirs;
- a calm offline page for every other page that can't be reached.

The person's own safety plan and trusted people are kept only when they tick "Keep my plan on
this phone" (keep-plan-on-device.js), in a cache of its own that is wiped at logout, at lock
and when they untick it. The README's "Install on your phone, and offline" says why.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

# Colours from selftrust.css (:root and its dark twin): the page (--bg) and the header bar
# (--surface). The manifest has room for one theme colour, light; base.html's theme-color
# meta tags give the browser both. tests/web/test_installable.py keeps the three in step.
LIGHT_PAGE = "#f7f5f0"
LIGHT_HEADER = "#ffffff"
DARK_PAGE = "#141a19"
DARK_HEADER = "#1c2422"

# (file under static/, size in pixels, purpose). Made once from icon.svg: icons/README.md.
ICONS = (
    ("selftrust/icons/icon-192.png", 192, "any"),
    ("selftrust/icons/icon-512.png", 512, "any"),
    ("selftrust/icons/icon-maskable-512.png", 512, "maskable"),
)
APPLE_TOUCH_ICON = "selftrust/icons/apple-touch-icon.png"

# Everything the kept pages load (base.html's head and the offline pages' own script), kept
# at install so Ground me now and Get help now look and work the same without a network.
OFFLINE_STATIC = (
    "selftrust/selftrust.css",
    "selftrust/offline.css",
    "selftrust/icon.svg",
    "django_htmx/htmx-2.min.js",
    "selftrust/selftrust.js",
    "selftrust/remember-time-zone.js",
    "selftrust/register-service-worker.js",
    "selftrust/offline-forms.js",
    "selftrust/keep-plan-on-device.js",
    "selftrust/offline-page.js",
    # Leave quickly and the lock work on the kept Ground me now and Get help now too.
    "accounts/leave-quickly.js",
    "accounts/lock-when-idle.js",
)
SERVICE_WORKER_TEMPLATE = "web/service-worker.js"


def manifest() -> dict:
    """The web app manifest: what a phone needs to put Selftrust on its home screen."""
    start = reverse("promises:today")
    return {
        "id": start,
        "name": "Selftrust",
        "short_name": "Selftrust",
        "description": "A quiet place to rebuild trust in yourself.",
        "lang": "en",
        "dir": "ltr",
        "start_url": start,
        "scope": reverse("web:home"),
        "display": "standalone",
        "background_color": LIGHT_PAGE,
        "theme_color": LIGHT_HEADER,
        "icons": [
            {
                "src": static(path),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for path, size, purpose in ICONS
        ],
        # A long press on the icon: the two pages that must always be one tap away.
        "shortcuts": [
            {"name": "Ground me now", "url": reverse("safety:ground")},
            {"name": "Get help now", "url": reverse("safety:help")},
        ],
    }


def service_worker_settings() -> dict:
    """What the service worker keeps, and where; its version changes with any file it keeps."""
    kept = {
        "offline": reverse("web:offline"),
        "ground": reverse("safety:ground"),
        "help": reverse("safety:help"),
        "offline_help": reverse("web:offline_help"),
        # Kept only after "Keep my plan on this phone", in their own cache.
        "plan_pages": [reverse("safety:plan"), reverse("safety:people")],
        "static": [static(path) for path in OFFLINE_STATIC],
        # After these pages the country may have changed: the Get help now copy is renewed.
        "renew_after": [
            reverse("safety:help"),
            reverse("safety:region"),
            reverse("accounts:settings"),
        ],
        # Form posts the service worker leaves to the browser: their answers end a session
        # and may carry Clear-Site-Data, which must reach the browser untouched.
        # Autosaves go straight to the network without waking the worker (drafts/urls.py).
        "network_only_prefix": reverse("drafts:autosave", args=["x"]).removesuffix("x/"),
        "pass_through": [
            reverse("accounts:logout"),
            reverse("accounts:sign_out_everywhere"),
            reverse("accounts:delete"),
            reverse("accounts:lock"),
            reverse("accounts:leave"),
        ],
    }
    return {"version": _version(json.dumps(kept, sort_keys=True)), **kept}


def service_worker_settings_json() -> str:
    return json.dumps(service_worker_settings(), indent=2, sort_keys=True)


def _version(settings_text: str) -> str:
    if settings.DEBUG:  # files change under a developer's hands
        return _content_hash(settings_text)
    return _cached_content_hash(settings_text)


@cache
def _cached_content_hash(settings_text: str) -> str:
    return _content_hash(settings_text)


def _content_hash(settings_text: str) -> str:
    """A short hash of the worker's code, its settings and every static file it keeps.

    A browser installs a new worker when /sw.js differs by one byte; the version in it makes
    a new CSS or script file a new worker, which keeps the new file and drops the old.
    """
    digest = hashlib.sha256(settings_text.encode())
    template = Path(__file__).parent / "templates" / SERVICE_WORKER_TEMPLATE
    digest.update(template.read_bytes())
    for path in OFFLINE_STATIC:
        found = finders.find(path)
        digest.update(path.encode())
        digest.update(Path(found).read_bytes() if found else b"missing")
    return digest.hexdigest()[:16]
