"""Drafts are never lost: not on reload, not across logging in again, not when the server dies.

What a person types in a practice is posted as a draft while they type (debounced) and once
more by sendBeacon when the page is hidden; a validation error never clears it either.
"""

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import OperationalError
from playwright.sync_api import expect

from selftrust.drafts.models import Draft
from selftrust.practices.models import Entry
from tests.browser.conftest import DESKTOP, PHONE, check_page, open_site_menu
from tests.factories import UserFactory

SELFTRUST = Path(sys.executable).parent / "selftrust"
PASSPHRASE = "a long slow walk home"
# Long, with an emoji, right-to-left Hebrew and Arabic, and line breaks.
WORDS = (
    "It was a hard morning 😔 and I was tired before it began.\n"
    "היום היה קשה, אבל אני עדיין כאן.\n"
    "كان يومًا صعبًا، لكنني ما زلت هنا.\n" + "I am allowed to go slowly. " * 20
).strip()
SELF_COMPASSION = "/practice/self-compassion/new/"
SELF_COMPASSION_DRAFT = "practice:self-compassion:new"
MOMENT = "What is hard right now?"


def wait_for_draft(page):
    """The debounced autosave has reached the server and been confirmed."""
    expect(page.locator("[data-draft-status]")).to_have_text("Draft kept safe.")


def test_a_draft_survives_reload_and_logging_in_again(new_page, db):
    user = UserFactory()
    user.set_password(PASSPHRASE)
    user.save()
    page = new_page(PHONE, user=user)
    page.goto(SELF_COMPASSION)
    expect(page.locator("[data-draft-status]")).to_have_text(
        "What you type is kept as a draft until you save it."
    )
    page.get_by_label(MOMENT).fill(WORDS)
    wait_for_draft(page)

    page.reload()
    expect(page.get_by_label(MOMENT)).to_have_value(WORDS)
    notice = page.get_by_role("status").filter(has_text="We kept what you were writing")
    expect(notice).to_be_visible()
    check_page(page)

    # Log out, log in again: still there.
    open_site_menu(page)
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login/$"))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/today/$"))
    page.goto(SELF_COMPASSION)
    expect(page.get_by_label(MOMENT)).to_have_value(WORDS)

    # Clearing it is the person's choice, and then it is gone.
    page.get_by_role("button", name="Clear it and start fresh").click()
    expect(page).to_have_url(SELF_COMPASSION)
    expect(page.get_by_role("status").first).to_contain_text("Cleared. You can start fresh.")
    expect(page.get_by_label(MOMENT)).to_have_value("")
    expect(page.get_by_text("We kept what you were writing")).to_have_count(0)
    check_page(page)
    assert not Draft.objects.filter(user=user).exists()


def test_leaving_before_the_autosave_still_keeps_the_words(new_page, db):
    """No time for the 800 ms debounce: sendBeacon on pagehide saves it."""
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto(SELF_COMPASSION)
    sent = []
    page.on(
        "request",
        lambda request: (
            "/drafts/practice:" in request.url and sent.append(request.headers.get("hx-request"))
        ),
    )
    page.get_by_label(MOMENT).fill("Leaving in a hurry 🏃")
    page.get_by_role("link", name="Leave for now").click()
    expect(page).to_have_url("/practice/")
    for _ in range(50):  # the beacon is on its way while the next page loads
        with contextlib.suppress(OperationalError):  # the shared in-memory test database
            if Draft.objects.filter(user=user, key=SELF_COMPASSION_DRAFT).exists():
                break
        time.sleep(0.1)
    # htmx never had the chance; the draft came by beacon (which Playwright may not list).
    assert "true" not in sent
    assert Draft.objects.filter(user=user, key=SELF_COMPASSION_DRAFT).exists()
    page.goto(SELF_COMPASSION)
    expect(page.get_by_label(MOMENT)).to_have_value("Leaving in a hurry 🏃")
    expect(page.get_by_text("We kept what you were writing")).to_be_visible()


def test_a_validation_error_on_a_decision_keeps_every_word(new_page, db):
    user = UserFactory()
    page = new_page(DESKTOP, color_scheme="dark", user=user)
    page.goto("/practice/decision/new/")
    # The decision itself left empty, and a confidence below 50.
    page.get_by_label("What are the options?").fill("Call her back\nWrite instead ✍️")
    page.get_by_label("What does your gut say?").fill("לכתוב. Write.")
    page.get_by_label(re.compile(r"^How sure does your gut feel")).fill("30")
    page.get_by_label("What did you choose?").fill("Wrote a short note")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("alert")).to_contain_text("Everything you wrote is still here.")
    expect(page.get_by_text("Name the decision in a few words.")).to_be_visible()
    expect(page.get_by_text("Please choose a number from 50 to 100.")).to_be_visible()
    expect(page.get_by_label("What are the options?")).to_have_value(
        "Call her back\nWrite instead ✍️"
    )
    expect(page.get_by_label("What does your gut say?")).to_have_value("לכתוב. Write.")
    expect(page.get_by_label(re.compile(r"^How sure does your gut feel"))).to_have_value("30")
    expect(page.get_by_label("What did you choose?")).to_have_value("Wrote a short note")
    check_page(page)
    # And it was kept as a draft too: coming back later, it is all there.
    page.goto("/practice/decision/new/")
    expect(page.get_by_label("What does your gut say?")).to_have_value("לכתוב. Write.")
    expect(page.get_by_text("We kept what you were writing")).to_be_visible()
    assert not Entry.objects.filter(user=user).exists()


# --- the restart test: a real server, killed mid-draft ----------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RealServer:
    """`selftrust serve` in its own process group, on a data folder of its own."""

    def __init__(self, data_dir: Path):
        self.env = {**os.environ, "SELFTRUST_DATA_DIR": str(data_dir)}
        for name in ("DATABASE_URL", "SELFTRUST_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"):
            self.env.pop(name, None)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        subprocess.run([SELFTRUST, "migrate"], env=self.env, check=True, capture_output=True)

    def start(self):
        self.process = subprocess.Popen(
            [SELFTRUST, "serve", "--port", str(self.port), "--workers", "1"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the worker dies with it
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the server exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        pytest.fail("the server did not start within 20 seconds")

    def kill(self):
        """As abrupt as a crash: SIGKILL to the master and its worker, no clean shutdown."""
        if self.process is None:
            return
        # The whole group, even if the master is gone already: no worker is left behind.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@pytest.fixture
def real_server(tmp_path, request):
    server = RealServer(tmp_path)
    request.addfinalizer(server.kill)
    server.start()
    return server


def test_a_draft_survives_the_server_being_killed(browser, real_server):
    """Its own server and data folder: no live_server and no test database here."""
    context = browser.new_context(viewport=PHONE, base_url=real_server.url)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto("/signup/")
        page.get_by_label("Username").fill("river")
        page.get_by_label(re.compile(r"^Passphrase")).fill(PASSPHRASE)
        page.get_by_label("The same passphrase again").fill(PASSPHRASE)
        page.get_by_role("button", name="Create my account").click()
        # Signed in (whichever page a new account is shown first).
        expect(page).not_to_have_url(re.compile(r"/signup/$"))

        page.goto(SELF_COMPASSION)
        page.get_by_label(MOMENT).fill(WORDS)
        wait_for_draft(page)

        real_server.kill()
        real_server.start()

        page.reload()
        expect(page.get_by_label(MOMENT)).to_have_value(WORDS)
        expect(page.get_by_text("We kept what you were writing")).to_be_visible()
        # A fresh page too, so nothing can come from the browser's own memory of the form.
        fresh = context.new_page()
        fresh.goto(SELF_COMPASSION)
        expect(fresh.get_by_label(MOMENT)).to_have_value(WORDS)
    finally:
        context.close()
