"""Browser tests: Playwright (sync API) driving Debian's headless chromium against live_server.

One browser per test session; a fresh context (cookies, viewport, colour scheme) per page.
"""

import os
import threading
import time
from pathlib import Path

# Playwright's sync API runs an asyncio loop in this thread; Django would otherwise refuse
# the ORM calls that the tests make for their data.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from django.test import Client  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
BROWSER_DIR = Path(__file__).resolve().parent

_axe = Axe()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fast_passphrases(settings):
    """Argon2 is deliberately slow; the browser tests make many people."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        # Under `make test` a missing browser is a failure, never a quiet skip.
        if os.environ.get("SELFTRUST_REQUIRE_BROWSER"):
            pytest.fail(
                "Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
            )
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Make a page in a fresh context: new_page(viewport=PHONE, color_scheme="dark", user=...)."""
    contexts = []

    def make(
        viewport=PHONE,
        *,
        color_scheme="light",
        reduced_motion="no-preference",
        user=None,
        locale="en-US",
        timezone_id="UTC",
    ):
        context = browser.new_context(
            viewport=viewport,
            color_scheme=color_scheme,
            reduced_motion=reduced_motion,
            base_url=live_server.url,
            locale=locale,
            timezone_id=timezone_id,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        if user is not None:
            log_in(context, live_server, user)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def _requests_end_before_the_database_is_emptied(request):
    """Torn down before the test database is emptied, because it asks for that database first."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    one_request_at_a_time(live_server)
    server_errors = live_server.thread.httpd.server_errors
    server_errors.clear()
    yield
    wait_for_the_server_to_finish(live_server)
    if server_errors:
        # A request the page made on its own (an autosave, a beacon) can fail with nothing on
        # screen to show it; the person would lose words without knowing.
        pytest.fail(f"the server failed on: {', '.join(server_errors)}", pytrace=False)


def one_request_at_a_time(live_server):
    """Serve requests one after another, as the one shared connection can only do one thing,
    and note every request that fails on the server.

    With the in-memory SQLite test database, every request the live server handles uses the
    test's own connection. Two at once (a form sent while its draft's beacon is still being
    saved) interleave their statements on it, and SQLite answers "database table is locked".
    A deployment gives each request its own connection; here they simply wait their turn.
    """
    server = live_server.thread.httpd
    if getattr(server, "_one_at_a_time", False):
        return
    app = server.get_app()
    turn = threading.Lock()
    server.server_errors = []

    def in_turn(environ, start_response):
        def start_noting_failures(status, headers, *rest):
            if status.startswith("5"):
                server.server_errors.append(
                    f"{environ['REQUEST_METHOD']} {environ['PATH_INFO']} ({status})"
                )
            return start_response(status, headers, *rest)

        with turn:
            response = app(environ, start_noting_failures)
            try:
                return list(response)
            finally:
                if hasattr(response, "close"):
                    response.close()

    server.set_app(in_turn)
    server._one_at_a_time = True


def wait_for_the_server_to_finish(live_server, timeout=10.0):
    """Let every request still on its way (a draft's beacon sent as a page closes) end first.

    The live server shares the test's in-memory SQLite connection. A request that is still
    running while the database is emptied for the next test fails inside its transaction,
    and that leaves the shared connection broken for every test after it.
    """
    server = live_server.thread.httpd
    deadline = time.monotonic() + timeout
    quiet_checks = 0
    while time.monotonic() < deadline and quiet_checks < 2:
        running = [thread for thread in list(getattr(server, "_threads", [])) if thread.is_alive()]
        for thread in running:
            thread.join(max(0.0, deadline - time.monotonic()))
        quiet_checks = 0 if running else quiet_checks + 1
        time.sleep(0.05)


@pytest.fixture
def phone_page(new_page):
    return new_page(PHONE)


@pytest.fixture
def desktop_page(new_page):
    return new_page(DESKTOP)


@pytest.fixture
def dark_phone_page(new_page):
    return new_page(PHONE, color_scheme="dark")


def log_in(context, live_server, user):
    """Copy a Django session made by the test client into the browser context."""
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"]
    context.add_cookies(
        [{"name": "sessionid", "value": session.value, "url": live_server.url, "httpOnly": True}]
    )


def assert_no_axe_violations(page):
    results = _axe.run(page)
    if results.violations_count:
        report = results.generate_report()
        print(report)
        pytest.fail(f"axe found problems on {page.url}:\n{report}", pytrace=False)


def assert_no_horizontal_scroll(page, width=None):
    width = width or page.viewport_size["width"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        wide = page.evaluate(
            """(width) => Array.from(document.querySelectorAll('body *'))
                .filter(el => el.getBoundingClientRect().right > width + 0.5)
                .slice(0, 8)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                     + ' right=' + Math.round(el.getBoundingClientRect().right))""",
            width,
        )
        pytest.fail(
            f"{page.url} scrolls sideways at {width}px (scrollWidth {scroll_width}); "
            f"too wide: {wide}",
            pytrace=False,
        )


def check_page(page, width=None):
    """Both checks every visited page must pass."""
    assert_no_axe_violations(page)
    assert_no_horizontal_scroll(page, width)


def open_site_menu(page):
    """On a phone the links beyond Ground me now, Get help now and Leave quickly are in one
    Menu; open it if it is there and closed (desktop shows the links without one)."""
    menu = page.get_by_role("banner").locator("details.site-menu")
    if menu.count() and menu.locator("summary").is_visible() and not menu.get_attribute("open"):
        menu.locator("summary").click()
