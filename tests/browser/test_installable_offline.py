"""Installable, and there when the network is not: the service worker in a real browser.

Service workers run on http://localhost (a secure context), so live_server is enough. The
browser context goes offline with context.set_offline(True), for the pages and the worker.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from selftrust.drafts import store as drafts
from selftrust.promises.models import Promise
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.browser.conftest import PHONE, check_page, log_in, open_site_menu
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

KEPT_PLAN_CACHE = "selftrust-kept-plan"


def _worker_in_charge(page):
    """Wait until the service worker is installed (its copies kept) and controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def _kept(page, cache_name, path):
    return page.evaluate(
        """async ([name, path]) => {
            if (!(await caches.has(name))) return false;
            return Boolean(await (await caches.open(name)).match(path));
        }""",
        [cache_name, path],
    )


def _offline_cache_holds(page, path):
    return page.evaluate(
        """async (path) => {
            for (const name of await caches.keys()) {
                if (name.startsWith("selftrust-offline-")
                    && await (await caches.open(name)).match(path)) return true;
            }
            return false;
        }""",
        path,
    )


def _person_with_plan_and_people():
    user = UserFactory(crisis_region="GB")
    ana = TrustedPerson.objects.create(user=user, name="Ana Okafor", phone="+44 7700 900123")
    plan = SafetyPlan.objects.create(
        user=user,
        coping_on_my_own="A hot shower\nWalk round the block",
        reasons_for_living="My cat, Miso\nSeeing the sea again",
    )
    plan.help_people.add(ana)
    return user


def test_selftrust_can_be_installed_and_its_worker_looks_after_the_pages(new_page):
    page = new_page(PHONE)
    page.goto("/")
    manifest_url = page.locator("link[rel=manifest]").get_attribute("href")
    assert manifest_url == "/manifest.webmanifest"
    cdp = page.context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"].endswith("/manifest.webmanifest")
    _worker_in_charge(page)
    installability = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # A test browser is a private window: the one thing that keeps it from installing.
    assert [
        error["errorId"] for error in installability if error["errorId"] != "in-incognito"
    ] == []
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == page.url.split("?")[0].rstrip("/") + "/"
    assert _offline_cache_holds(page, "/ground/")
    assert _offline_cache_holds(page, "/offline/help/")


def test_ground_me_now_and_get_help_now_open_without_a_connection(new_page):
    page = new_page(PHONE, locale="en-GB", timezone_id="Europe/London")
    page.goto("/")
    _worker_in_charge(page)
    page.context.set_offline(True)

    page.goto("/ground/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You're here. Let's slow down together."
    )
    expect(page.get_by_role("button", name="Next")).to_be_visible()  # its script came too
    check_page(page)

    page.goto("/help/")
    expect(page.get_by_role("heading", name="Get help now", level=1)).to_be_visible()
    expect(page.locator(".call-now a[href='tel:116123']")).to_be_visible()
    expect(page.get_by_text("Showing lines for the United Kingdom (our guess)")).to_be_visible()
    check_page(page)


def test_the_copy_kept_for_someone_signed_in_holds_nothing_of_theirs(new_page):
    page = new_page(PHONE, user=_person_with_plan_and_people())
    page.goto("/help/")
    expect(page.get_by_text("Ana Okafor").first).to_be_visible()
    _worker_in_charge(page)
    page.context.set_offline(True)

    page.goto("/help/")

    expect(page.locator("a[href^='tel:']").first).to_be_visible()
    expect(page.get_by_text("Lines for the United Kingdom")).to_be_visible()
    content = page.content()
    assert "Ana Okafor" not in content and "Miso" not in content
    assert "7700" not in content


def test_any_other_page_offline_shows_the_calm_offline_page(new_page):
    page = new_page(PHONE, user=UserFactory())
    page.goto("/today/")
    _worker_in_charge(page)
    page.context.set_offline(True)

    page.goto("/track-record/")

    expect(page).to_have_url(re.compile(r"/track-record/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline right now")
    expect(page.get_by_text("Nothing you typed is lost")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name="Ground me now")).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name="Get help now")).to_be_visible()
    expect(page.get_by_role("link", name="My safety plan")).to_be_hidden()  # nothing kept
    check_page(page)

    page.context.set_offline(False)
    # Back online, the page tries again by itself.
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("track record", re.I))


def test_offline_pages_in_dark_mode_use_the_dark_colours(new_page):
    page = new_page(PHONE, color_scheme="dark")
    page.goto("/")
    _worker_in_charge(page)
    theme = page.evaluate(
        """() => [...document.querySelectorAll('meta[name=theme-color]')]
            .map((meta) => [meta.media, meta.content])"""
    )
    assert ["(prefers-color-scheme: dark)", "#1c2422"] in theme
    page.context.set_offline(True)
    for path in ["/somewhere/", "/help/"]:
        page.goto(path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(20, 26, 25)", path  # --bg in the dark
        check_page(page)


def test_words_sent_offline_stay_on_the_page_and_go_when_back_online(new_page):
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto("/promises/new/")
    _worker_in_charge(page)
    page.get_by_label("My small promise to myself").fill("Drink a glass of water after lunch")
    page.context.set_offline(True)

    page.get_by_role("button", name="Make this promise").click()

    notice = page.get_by_role("status").filter(has_text="You're offline")
    expect(notice).to_have_text(
        "You're offline. Your words are safe on this page; we'll send them when you're back online."
    )
    expect(page).to_have_url(re.compile(r"/promises/new/$"))
    expect(page.get_by_label("My small promise to myself")).to_have_value(
        "Drink a glass of water after lunch"
    )
    expect(page.get_by_role("button", name="Send now")).to_be_visible()
    check_page(page)
    assert not Promise.objects.filter(user=user).exists()

    page.context.set_offline(False)

    expect(page).to_have_url(re.compile(r"/today/$"))
    assert Promise.objects.get(user=user).text == "Drink a glass of water after lunch"
    assert (
        page.evaluate("Object.keys(sessionStorage).filter((k) => k.startsWith('selftrust:'))") == []
    )


def test_words_typed_offline_survive_a_reload_and_come_back_into_the_form(new_page):
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto("/promises/new/")
    _worker_in_charge(page)
    page.context.set_offline(True)
    page.get_by_label("My small promise to myself").fill("Step outside for five minutes")

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline right now")

    page.context.set_offline(False)  # the offline page opens the form again by itself
    expect(page.get_by_label("My small promise to myself")).to_have_value(
        "Step outside for five minutes"
    )
    expect(page.get_by_text("We put back the words you hadn't sent yet.")).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Make this promise").click()
    expect(page).to_have_url(re.compile(r"/today/$"))
    assert Promise.objects.get(user=user).text == "Step outside for five minutes"
    page.goto("/promises/new/")
    expect(page.get_by_label("My small promise to myself")).to_have_value(
        ""
    )  # the copy went once sent


def test_a_send_that_fails_on_the_way_keeps_the_page_and_the_words(new_page):
    # The browser thinks it's online, but the server can't be reached: the worker answers
    # "no content", so the page stays, and says so.
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto("/promises/new/")
    _worker_in_charge(page)
    page.get_by_label("My small promise to myself").fill("Call my sister on Sunday")
    page.context.route("**/promises/new/", lambda route: route.abort())

    page.get_by_role("button", name="Make this promise").click()

    expect(page.get_by_text("You're offline. Your words are safe on this page;")).to_be_visible()
    expect(page.get_by_label("My small promise to myself")).to_have_value(
        "Call my sister on Sunday"
    )
    page.context.unroute("**/promises/new/")
    page.get_by_role("button", name="Send now").click()
    expect(page).to_have_url(re.compile(r"/today/$"))
    assert Promise.objects.get(user=user).text == "Call my sister on Sunday"


def test_a_button_pressed_offline_says_it_was_not_sent_and_is_not_sent_later(new_page):
    page = new_page(PHONE, user=UserFactory())
    page.goto("/today/")
    _worker_in_charge(page)
    assert page.locator(".offline-notice").count() == 0  # nothing added beside the buttons
    page.context.set_offline(True)

    open_site_menu(page)
    page.get_by_role("button", name="Log out").click()

    expect(page.get_by_role("status").filter(has_text="You're offline")).to_have_text(
        "You're offline, so this couldn't be sent. Try again when you're back online."
    )
    expect(page).to_have_url(re.compile(r"/today/$"))
    check_page(page)
    page.context.set_offline(False)
    page.wait_for_timeout(500)
    expect(page).to_have_url(re.compile(r"/today/$"))  # still signed in, as they left it


def test_keep_my_plan_on_this_phone_makes_it_readable_offline_until_unticked(new_page):
    page = new_page(PHONE, user=_person_with_plan_and_people())
    page.goto("/safety-plan/")
    _worker_in_charge(page)
    keep = page.get_by_label("Keep my plan on this phone")
    expect(keep).not_to_be_checked()
    check_page(page)

    keep.check()
    expect(page.get_by_role("status").filter(has_text="kept on this phone")).to_contain_text(
        "Your plan is kept on this phone."
    )
    assert _kept(page, KEPT_PLAN_CACHE, "/safety-plan/")
    assert _kept(page, KEPT_PLAN_CACHE, "/trusted-people/")

    page.context.set_offline(True)
    page.goto("/safety-plan/")
    expect(page.get_by_text("Seeing the sea again")).to_be_visible()
    expect(page.get_by_label("Keep my plan on this phone")).to_be_checked()
    page.goto("/trusted-people/")
    expect(page.get_by_text("Ana Okafor").first).to_be_visible()
    page.goto("/help/")
    page.get_by_role("link", name="Open my safety plan").click()
    expect(page.get_by_text("Seeing the sea again")).to_be_visible()

    page.get_by_label("Keep my plan on this phone").uncheck()  # even offline
    expect(page.get_by_text("Your plan is no longer kept on this phone.")).to_be_visible()
    assert not _kept(page, KEPT_PLAN_CACHE, "/safety-plan/")
    assert page.evaluate("localStorage.getItem('selftrust:kept-plan')") is None
    page.goto("/safety-plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline right now")
    expect(page.get_by_role("link", name="My safety plan")).to_be_hidden()


def test_logging_out_wipes_the_kept_plan_and_the_login_page_keeps_the_crisis_pages_again(
    new_page,
):
    page = new_page(PHONE, user=_person_with_plan_and_people())
    # Was the page, as it opened, in the hands of a service worker?
    page.add_init_script("window.controlledAtStart = Boolean(navigator.serviceWorker.controller)")
    page.goto("/safety-plan/")
    _worker_in_charge(page)
    page.get_by_label("Keep my plan on this phone").check()
    expect(page.get_by_text("Your plan is kept on this phone.")).to_be_visible()
    page.reload()
    assert page.evaluate("window.controlledAtStart") is True
    # Things only Clear-Site-Data can take: no script of ours knows of them.
    page.evaluate(
        """async () => {
            localStorage.setItem("left-behind", "1");
            await (await caches.open("left-behind")).put("/left-behind", new Response("1"));
            sessionStorage.setItem("selftrust:unsent:/promises/new/", '{"forms": []}');
        }"""
    )

    open_site_menu(page)
    page.get_by_role("button", name="Log out").click()

    expect(page).to_have_url(re.compile(r"/login/"))
    expect(page.get_by_text("You're logged out. Take good care.")).to_be_visible()
    # Clear-Site-Data took the worker (the login page opened without one), its copies and
    # storage; the login page registers a new worker, which keeps the crisis pages again.
    assert page.evaluate("window.controlledAtStart") is False
    _worker_in_charge(page)
    assert page.evaluate("caches.has('left-behind')") is False
    assert page.evaluate("localStorage.length") == 0
    assert not _kept(page, KEPT_PLAN_CACHE, "/safety-plan/")
    unsent = "Object.keys(sessionStorage).filter((key) => key.startsWith('selftrust:'))"
    assert page.evaluate(unsent) == []
    assert _offline_cache_holds(page, "/offline/help/")

    page.context.set_offline(True)
    page.goto("/safety-plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline right now")
    page.goto("/help/")
    expect(page.locator("a[href^='tel:']").first).to_be_visible()
    assert "Ana Okafor" not in page.content() and "Miso" not in page.content()


def test_the_lock_can_wipe_the_kept_plan_with_one_event_or_one_message(new_page):
    page = new_page(PHONE, user=_person_with_plan_and_people())
    page.goto("/safety-plan/")
    _worker_in_charge(page)
    keep = page.get_by_label("Keep my plan on this phone")
    keep.check()
    expect(page.get_by_text("Your plan is kept on this phone.")).to_be_visible()

    page.evaluate("document.dispatchEvent(new Event('selftrust:wipe-offline-plan'))")

    page.wait_for_function(f"caches.has('{KEPT_PLAN_CACHE}').then((kept) => !kept)")
    assert page.evaluate("localStorage.getItem('selftrust:kept-plan')") is None

    # The same, asked of the service worker (from a page, or from the lock's own script).
    page.reload()
    keep.check()
    expect(page.get_by_text("Your plan is kept on this phone.")).to_be_visible()
    page.evaluate(
        "navigator.serviceWorker.controller.postMessage({type: 'selftrust:wipe-offline-plan'})"
    )
    page.wait_for_function(f"caches.has('{KEPT_PLAN_CACHE}').then((kept) => !kept)")
    page.reload()  # the page sees the copy gone, and forgets the choice
    expect(keep).not_to_be_checked()
    assert page.evaluate("localStorage.getItem('selftrust:kept-plan')") is None


def test_a_plan_kept_by_one_account_is_wiped_when_another_signs_in(new_page, live_server):
    page = new_page(PHONE, user=_person_with_plan_and_people())
    page.goto("/safety-plan/")
    _worker_in_charge(page)
    page.get_by_label("Keep my plan on this phone").check()
    expect(page.get_by_text("Your plan is kept on this phone.")).to_be_visible()

    # Their session ends without logging out; someone else signs in on the same browser.
    page.context.clear_cookies()
    log_in(page.context, live_server, UserFactory())
    page.goto("/today/")

    page.wait_for_function(f"caches.has('{KEPT_PLAN_CACHE}').then((kept) => !kept)")
    assert page.evaluate("localStorage.getItem('selftrust:kept-plan')") is None


def test_words_put_back_find_their_form_when_the_page_opens_with_a_form_more(new_page):
    """A copy kept offline goes back into its own form even when the page opens with another
    form above it (a draft that reached the server adds "Discard"): matched by where the form
    is sent, not by its place on the page."""
    user = UserFactory()
    page = new_page(PHONE, user=user)
    page.goto(reverse("practices:new", args=["thought-record"]))
    _worker_in_charge(page)
    page.context.set_offline(True)
    page.get_by_label("What was happening?").fill("The bus was late again")
    # Meanwhile an older draft of this form reached the server (another tab, say).
    drafts.save(user, "practice:thought-record:new", {"situation": ["An older draft"]})

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("You're offline right now")
    page.context.set_offline(False)  # the offline page opens the form again by itself
    expect(page.locator(".draft-notice form")).to_have_count(1)
    expect(page.get_by_label("What was happening?")).to_have_value("The bus was late again")
    expect(page.get_by_text("We put back the words you hadn't sent yet.")).to_be_visible()
