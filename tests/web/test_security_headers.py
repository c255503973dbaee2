"""Every page carries a strict Content-Security-Policy; every answer that can hold a
person's words tells browsers and proxies not to store it."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db


def _paths_without_parameters(patterns=None, prefix=""):
    """Every route of the site that needs no id, e.g. /today/, /help/, /settings/."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _paths_without_parameters(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and "<" not in route and "(" not in route:
            if "^" in route or "$" in route:  # ninja's regex routes carry their own syntax
                continue
            yield "/" + prefix + route


PAGES = sorted(set(_paths_without_parameters()))


def test_the_walk_finds_the_pages_people_use():
    for page in ["/today/", "/help/", "/ground/", "/settings/", "/practice/", "/healthz"]:
        assert page in PAGES


# /healthz is answered as JSON before any other middleware runs (web/health.py): no page.
WEB_PAGES = [page for page in PAGES if page != "/healthz"]


@pytest.mark.parametrize("path", WEB_PAGES)
def test_every_page_has_a_strict_content_security_policy(owner_client, path):
    response = owner_client.get(path)
    policy = response.headers.get("Content-Security-Policy", "")
    assert "default-src 'none'" in policy, path
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.parametrize("path", PAGES)
def test_every_page_seen_signed_in_is_never_stored(owner_client, path):
    response = owner_client.get(path)
    assert "no-store" in response.headers.get("Cache-Control", ""), path


def test_api_answers_are_never_stored(client, user):
    from tests.factories import api_token_for

    response = client.get("/api/v1/promises", HTTP_AUTHORIZATION=f"Bearer {api_token_for(user)}")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


def test_an_anonymous_api_refusal_is_never_stored_either(client):
    response = client.get("/api/v1/promises")
    assert response.status_code == 401
    assert "no-store" in response.headers["Cache-Control"]


def test_public_pages_for_visitors_may_be_cached_by_their_own_browser(client):
    # Nothing personal on the visitor's home page: no need to forbid caching there.
    response = client.get("/privacy/")
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_static_files_keep_their_own_caching(owner_client):
    response = owner_client.get("/static/selftrust/selftrust.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_no_template_uses_inline_styles_or_scripts():
    # The policy would block them silently in the browser; catch them here first.
    from pathlib import Path

    import selftrust

    offenders = []
    for template in Path(selftrust.__file__).parent.rglob("templates/**/*.html"):
        text = template.read_text()
        if " style=" in text or "<style" in text.replace("<style> htmx", ""):
            offenders.append(str(template))
        for chunk in text.split("<script")[1:]:
            opening = chunk.split(">", 1)[0]
            if "src=" not in opening and 'type="application/json"' not in opening:
                offenders.append(str(template))
        for handler in (" onclick=", " onload=", " onchange=", " onsubmit=", "hx-on"):
            if handler in text:
                offenders.append(str(template))
    assert offenders == []
