"""Installable, and there when the network is not: the manifest, the service worker and the
pages it keeps on a device (selftrust/web/installable.py)."""

import json
import re
import struct
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from selftrust.safety.support import offer_support
from selftrust.web import installable
from tests.factories import SafetyPlanFactory, TrustedPersonFactory, UserFactory

pytestmark = pytest.mark.django_db

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CSS = Path(finders.find("selftrust/selftrust.css")).read_text()


def _manifest(client) -> dict:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    return json.loads(response.content)


def _png_size(path: str) -> tuple[int, int, int]:
    """(width, height, colour type) from a PNG's header, which starts with its IHDR chunk."""
    data = Path(finders.find(path)).read_bytes()[:26]
    assert data[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height, data[25]


def _static_path(url: str) -> str:
    return url.removeprefix("/static/")


def _css_colour(variable: str, *, dark: bool) -> str:
    light_block, dark_block = CSS.split("@media (prefers-color-scheme: dark)", 1)
    block = dark_block if dark else light_block
    return re.search(rf"{variable}:\s*(#[0-9a-fA-F]{{6}})", block).group(1).lower()


# --- the manifest -------------------------------------------------------------------------


def test_the_manifest_is_json_with_what_a_phone_needs_to_install_selftrust(client):
    manifest = _manifest(client)
    assert manifest["name"] == "Selftrust"
    assert manifest["short_name"] == "Selftrust"
    assert manifest["start_url"] == "/today/"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])


def test_the_manifest_offers_icons_of_192_and_512_pixels_and_a_maskable_one(client):
    icons = _manifest(client)["icons"]
    assert {icon["sizes"] for icon in icons} >= {"192x192", "512x512"}
    assert any(icon["purpose"] == "maskable" for icon in icons)
    assert all(icon["type"] == "image/png" for icon in icons)


def test_every_icon_is_a_png_of_the_size_the_manifest_states(client):
    for icon in _manifest(client)["icons"]:
        width, height, _colour_type = _png_size(_static_path(icon["src"]))
        assert f"{width}x{height}" == icon["sizes"], icon["src"]
        assert client.get(icon["src"]).status_code == 200


def test_the_maskable_icon_and_the_apple_touch_icon_have_a_solid_background():
    # Colour type 2 is RGB without alpha: a launcher's mask never shows a hole behind it.
    maskable = next(path for path, _size, purpose in installable.ICONS if purpose == "maskable")
    assert _png_size(maskable)[2] == 2
    assert _png_size(installable.APPLE_TOUCH_ICON) == (180, 180, 2)


def test_the_shortcuts_on_the_icon_are_ground_me_now_and_get_help_now(client):
    shortcuts = {item["name"]: item["url"] for item in _manifest(client)["shortcuts"]}
    assert shortcuts == {"Ground me now": "/ground/", "Get help now": "/help/"}


def test_the_manifest_and_theme_colours_are_the_stylesheets_own(client):
    manifest = _manifest(client)
    assert manifest["background_color"] == _css_colour("--bg", dark=False)
    assert manifest["theme_color"] == _css_colour("--surface", dark=False)
    page = client.get("/").content.decode()
    light = _css_colour("--surface", dark=False)
    dark = _css_colour("--surface", dark=True)
    assert (
        f'<meta name="theme-color" media="(prefers-color-scheme: light)" content="{light}">' in page
    )
    assert (
        f'<meta name="theme-color" media="(prefers-color-scheme: dark)" content="{dark}">' in page
    )


def test_every_page_links_the_manifest_an_apple_touch_icon_and_the_worker(client, owner_client):
    for page in [Client().get("/").content.decode(), owner_client.get("/today/").content.decode()]:
        assert '<link rel="manifest" href="/manifest.webmanifest">' in page
        assert 'rel="apple-touch-icon" href="/static/selftrust/icons/apple-touch-icon.png"' in page
        assert 'src="/static/selftrust/register-service-worker.js"' in page
        assert 'data-service-worker="/sw.js"' in page


# --- the service worker -------------------------------------------------------------------


def _worker_settings(response) -> dict:
    found = re.search(r"const SETTINGS = (\{.*?\});\n", response.content.decode(), re.DOTALL)
    return json.loads(found.group(1))


def test_the_service_worker_is_served_from_the_root_as_javascript_never_from_a_cache(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    assert "Service-Worker-Allowed" not in response  # served at /, its scope is / already


def test_the_worker_is_registered_for_the_whole_site_by_a_script_of_our_own(client):
    page = client.get("/").content.decode()
    registration = re.search(r'<script src="([^"]+)" data-service-worker="/sw.js"[^>]*>', page)
    assert registration.group(1) == "/static/selftrust/register-service-worker.js"
    assert 'data-scope="/"' in registration.group(0)
    assert client.get(registration.group(1)).status_code == 200


def test_the_worker_keeps_the_crisis_pages_and_every_file_they_load(client):
    kept = _worker_settings(client.get("/sw.js"))
    assert (kept["ground"], kept["help"], kept["offline_help"]) == (
        "/ground/",
        "/help/",
        "/offline/help/",
    )
    assert kept["offline"] == "/offline/"
    for page in ["/ground/", "/offline/help/", "/offline/"]:
        html = client.get(page).content.decode()
        loaded = set(re.findall(r'(?:src|href)="(/static/[^"]+\.(?:css|js))"', html))
        assert loaded <= set(kept["static"]), (page, loaded - set(kept["static"]))
    for url in kept["static"]:
        assert client.get(url).status_code == 200, url


def test_the_worker_leaves_logging_out_to_the_browser(client):
    # Its answer carries Clear-Site-Data, which must reach the browser untouched.
    assert "/logout/" in _worker_settings(client.get("/sw.js"))["pass_through"]


def test_a_changed_file_the_worker_keeps_gives_it_a_new_version(settings, monkeypatch):
    settings.DEBUG = True
    before = installable.service_worker_settings()["version"]
    real_find = finders.find
    monkeypatch.setattr(
        finders, "find", lambda path: real_find("selftrust/icon.svg" if "css" in path else path)
    )
    assert installable.service_worker_settings()["version"] != before


# --- the pages kept on a device -----------------------------------------------------------


def test_the_kept_help_page_has_crisis_lines_to_call(client):
    page = client.get("/offline/help/").content.decode()
    assert 'href="tel:' in page
    assert "<h1>Get help now</h1>" in page


def test_the_kept_help_page_holds_nothing_of_the_person_signed_in(client):
    user = UserFactory(crisis_region="GB")
    ana = TrustedPersonFactory(user=user, name="Ana Okafor", phone="+44 7700 900123")
    SafetyPlanFactory(user=user, reasons_for_living="My cat Miso", help_people=[ana])
    client.force_login(user)
    assert "Ana Okafor" in client.get("/help/").content.decode()  # the live page has them

    page = client.get("/offline/help/").content.decode()

    assert "Ana Okafor" not in page and "7700 900123" not in page and "+447700900123" not in page
    assert "My cat Miso" not in page and "My safety plan" not in page
    assert "Log out" not in page and "csrfmiddlewaretoken" not in page
    assert user.username not in page
    assert 'href="tel:116123"' in page  # Samaritans: the country they chose


def test_the_kept_help_page_shows_a_visitors_chosen_country(client):
    client.cookies["selftrust_region"] = "GB"
    page = client.get("/offline/help/").content.decode()
    assert 'href="tel:116123"' in page and 'href="tel:999"' in page


def test_keeping_the_help_page_leaves_the_support_offered_after_saving(client, user):
    # The worker renews its copy in the background; that must never take the support panel
    # meant for the next page the person sees.
    client.force_login(user)
    session = client.session
    offer_support(type("Request", (), {"session": session})())
    session.save()
    client.get("/offline/help/")
    assert "You don't have to hold this alone" in client.get("/today/").content.decode()


def test_the_kept_help_page_leaves_messages_for_the_page_they_were_meant_for(client, user):
    client.force_login(user)
    client.post("/logout/")  # "You're logged out. Take good care."
    client.get("/offline/help/")
    assert "Take good care" in client.get("/login/").content.decode()


def test_the_offline_page_says_what_still_works_and_that_nothing_is_lost(client):
    page = client.get("/offline/").content.decode()
    assert "You're offline right now" in page
    assert "Nothing you typed is lost" in page
    assert 'href="/ground/"' in page and 'href="/help/"' in page
    assert "My safety plan" in page  # shown by offline-page.js only when it is kept


def test_the_offline_page_is_the_same_for_everyone(client, user):
    anonymous = client.get("/offline/").content.decode()
    client.force_login(user)
    assert client.get("/offline/").content.decode() == anonymous


def test_the_safety_plan_page_offers_to_keep_it_on_this_phone(owner_client, user):
    SafetyPlanFactory(user=user)
    page = owner_client.get("/safety-plan/").content.decode()
    assert "Keep my plan on this phone" in page
    assert "data-keep-plan-toggle" in page


def test_each_account_gets_its_own_key_for_a_plan_kept_on_a_device(client):
    def key(person):
        client.force_login(person)
        page = client.get("/today/").content.decode()
        return re.search(r'data-account="([^"]*)"', page).group(1)

    first, second = UserFactory(), UserFactory()
    assert key(first) and key(first) == key(first)
    assert key(first) != key(second)
    assert str(first.pk) != key(first)
    assert re.search(r'data-account="([^"]*)"', Client().get("/").content.decode()).group(1) == ""


# --- logging out ----------------------------------------------------------------------------


def test_logging_out_asks_the_browser_to_clear_this_sites_cache_and_storage(owner_client):
    response = owner_client.post("/logout/")
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'
