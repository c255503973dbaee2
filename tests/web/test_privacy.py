"""Nothing leaves the server: no page loads anything from another host."""

import re
from pathlib import Path

import selftrust

ROOT = Path(selftrust.__file__).parent
# Anything that makes a browser fetch from elsewhere on its own: scripts, styles, fonts, images.
EXTERNAL_LOAD = re.compile(
    r"""(<script[^>]+src=["']?(https?:)?//|<link[^>]+href=["']?(https?:)?//|<img[^>]+src=["']?(https?:)?//"""
    r"""|url\(\s*["']?(https?:)?//|@import\s+["']?(https?:)?//|fetch\(\s*["']https?:)""",
    re.IGNORECASE,
)


def project_files(*suffixes):
    return [p for p in ROOT.rglob("*") if p.suffix in suffixes and "migrations" not in p.parts]


def test_templates_and_assets_load_nothing_from_other_hosts():
    offenders = [
        str(path.relative_to(ROOT))
        for path in project_files(".html", ".css", ".js")
        if EXTERNAL_LOAD.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_no_analytics_or_tracking_snippets():
    words = (
        "google-analytics",
        "googletagmanager",
        "plausible.io",
        "matomo",
        "segment.com",
        "sentry",
    )
    for path in project_files(".html", ".js", ".py"):
        text = path.read_text(encoding="utf-8").lower()
        assert not any(word in text for word in words), path
