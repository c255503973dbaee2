"""Every page, in light mode on a desktop and dark mode on a phone: no axe violations, no
sideways scrolling."""

import re
from datetime import timedelta
from functools import partial

import pytest
from playwright.sync_api import expect

from selftrust.promises.models import Outcome, Schedule, Status
from tests.browser.conftest import DESKTOP, PHONE, check_page
from tests.factories import CheckInFactory, PromiseFactory, UserFactory

OUTCOME_CYCLE = [Outcome.KEPT, Outcome.KEPT, Outcome.PARTLY, Outcome.NOT_THIS_TIME, Outcome.KEPT]


def _go(page, path, status=200):
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}"
    return page


def home(open_page):
    return _go(open_page(), "/")


def login(open_page):
    return _go(open_page(), "/login/")


def login_error(open_page):
    user = UserFactory()
    page = _go(open_page(), "/login/")
    page.get_by_label(re.compile("Username")).fill(user.username)
    page.get_by_label(re.compile("Passphrase")).fill("not the passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("That username and passphrase don't match.")).to_be_visible()
    return page


def signup(open_page):
    return _go(open_page(), "/signup/")


def welcome(open_page):
    return _go(open_page(user=UserFactory(has_seen_welcome=False)), "/welcome/")


def today_empty(open_page):
    page = _go(open_page(user=UserFactory(has_seen_welcome=False)), "/today/")
    expect(page.get_by_text("You haven't made a promise yet")).to_be_visible()
    return page


def today_with_promises(open_page):
    user = UserFactory()
    today = user.local_today()
    started = today - timedelta(days=10)
    water = PromiseFactory(user=user, text="Drink a glass of water", starts_on=started)
    PromiseFactory(user=user, text="Step outside for five minutes", starts_on=started)
    PromiseFactory(
        user=user,
        text="Say no to one thing without explaining why, even when it feels hard to say",
        schedule=Schedule.WEEKDAYS,
        weekdays=[0, 1, 2, 3, 4, 5, 6],
        starts_on=started,
    )
    CheckInFactory(promise=water, day=today, outcome=Outcome.KEPT, note="Easier than I thought")
    CheckInFactory(promise=water, day=today - timedelta(days=1), outcome=Outcome.PARTLY)
    page = _go(open_page(user=user), "/today/")
    page.get_by_text("Earlier this week").click()
    expect(page.locator("details.earlier")).to_have_attribute("open", "")
    # The earlier days arrive through htmx when the section opens.
    expect(page.locator(".earlier-days form.due-item")).to_have_count(18)
    return page


def promise_list(open_page):
    user = UserFactory()
    PromiseFactory(user=user, text="Drink a glass of water")
    PromiseFactory(user=user, text="Rest when tired", status=Status.PAUSED)
    PromiseFactory(user=user, text="Write three pages", status=Status.ARCHIVED)
    page = _go(open_page(user=user), "/promises/")
    page.get_by_text("Archived (1)").click()
    expect(page.get_by_role("button", name="Bring back “Write three pages”")).to_be_visible()
    return page


def new_promise(open_page):
    return _go(open_page(user=UserFactory()), "/promises/new/")


def nudge(open_page):
    page = _go(open_page(user=UserFactory()), "/promises/new/")
    page.get_by_label(re.compile("My small promise to myself")).fill(
        "Always be better at everything"
    )
    page.get_by_role("button", name="Make this promise").click()
    expect(page.locator(".nudge[role=status]")).to_contain_text("can make a promise feel big")
    expect(page.get_by_role("button", name="Keep it as it is")).to_be_visible()
    return page


def form_errors(open_page):
    page = _go(open_page(user=UserFactory()), "/promises/new/")
    page.get_by_label("On days I choose").check()
    page.get_by_role("button", name="Make this promise").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(page.get_by_text("Write a few words about what you'd like to do.")).to_be_visible()
    expect(page.get_by_text("Pick at least one day.")).to_be_visible()
    return page


def edit_promise(open_page):
    promise = PromiseFactory(text="Drink a glass of water")
    return _go(open_page(user=promise.user), f"/promises/{promise.pk}/edit/")


def track_record_empty(open_page):
    return _go(open_page(user=UserFactory()), "/track-record/")


def track_record(open_page):
    user = UserFactory()
    today = user.local_today()
    for index, text in enumerate(["Drink a glass of water", "Step outside for five minutes"]):
        promise = PromiseFactory(user=user, text=text, starts_on=today - timedelta(days=70))
        for offset in range(index, 63, 2 + index):
            CheckInFactory(
                promise=promise,
                day=today - timedelta(days=offset),
                outcome=OUTCOME_CYCLE[offset % len(OUTCOME_CYCLE)],
            )
    archived = PromiseFactory(
        user=user, text="Write three pages", status=Status.ARCHIVED, starts_on=today
    )
    CheckInFactory(promise=archived, day=today, outcome=Outcome.LET_GO)
    page = _go(open_page(user=user), "/track-record/")
    page.get_by_text("The figures as a table").click()
    expect(
        page.get_by_role("table", name="Overall strength at the end of each week")
    ).to_be_visible()
    return page


def settings_with_token(open_page):
    page = _go(open_page(user=UserFactory()), "/settings/")
    page.get_by_label(re.compile("What is this token for")).fill("my backup script")
    page.get_by_role("button", name="Create a token").click()
    expect(page.locator(".token-secret")).to_contain_text("st_")
    page.get_by_text("Delete my account and everything in it").click()
    return page


def ground(open_page):
    return _go(open_page(), "/ground/")


def get_help(open_page):
    return _go(open_page(user=UserFactory()), "/help/")


def _with_plan():
    from tests.browser.test_safety_plan import _full_plan

    user = UserFactory()
    _full_plan(user)
    return user


def get_help_with_plan(open_page):
    page = _go(open_page(user=_with_plan()), "/help/")
    expect(page.get_by_role("heading", name="My safety plan")).to_be_visible()
    return page


def choose_country(open_page):
    return _go(open_page(), "/help/country/")


def choose_country_error(open_page):
    page = _go(open_page(user=UserFactory()), "/help/country/")
    # A value the list does not hold, as a tampered form would send it.
    page.evaluate("document.querySelector('select').add(new Option('Nowhere', 'ZZ', true, true))")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Please choose a country from the list")).to_be_visible()
    return page


def safety_plan_empty(open_page):
    return _go(open_page(user=UserFactory()), "/safety-plan/")


def safety_plan(open_page):
    return _go(open_page(user=_with_plan()), "/safety-plan/")


def safety_plan_form_errors(open_page):
    page = _go(open_page(user=_with_plan()), "/safety-plan/edit/")
    box = page.locator("textarea").first
    box.evaluate("(box) => box.removeAttribute('maxlength')")
    box.fill("<b>too loud</b>")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.get_by_role("alert")).to_contain_text("needs another look")
    return page


def safety_plan_new(open_page):
    return _go(open_page(user=UserFactory()), "/safety-plan/edit/")


def safety_plan_delete(open_page):
    return _go(open_page(user=_with_plan()), "/safety-plan/delete/")


def trusted_people(open_page):
    return _go(open_page(user=_with_plan()), "/trusted-people/")


def trusted_person_errors(open_page):
    page = _go(open_page(user=UserFactory()), "/trusted-people/new/")
    page.get_by_label("Phone number (optional)").fill("call me maybe")
    page.get_by_role("button", name="Add to my list").click()
    expect(page.get_by_role("alert")).to_be_visible()
    return page


def trusted_person_delete(open_page):
    from selftrust.safety.models import TrustedPerson

    person = TrustedPerson.objects.create(user=UserFactory(), name="Sam", phone="988")
    return _go(open_page(user=person.user), f"/trusted-people/{person.pk}/delete/")


def privacy(open_page):
    return _go(open_page(), "/privacy/")


def not_found(open_page):
    return _go(open_page(), "/no-such-page/", status=404)


PAGES = [
    home,
    login,
    login_error,
    signup,
    welcome,
    today_empty,
    today_with_promises,
    promise_list,
    new_promise,
    nudge,
    form_errors,
    edit_promise,
    track_record_empty,
    track_record,
    settings_with_token,
    ground,
    get_help,
    get_help_with_plan,
    choose_country,
    choose_country_error,
    safety_plan_empty,
    safety_plan,
    safety_plan_new,
    safety_plan_form_errors,
    safety_plan_delete,
    trusted_people,
    trusted_person_errors,
    trusted_person_delete,
    privacy,
    not_found,
]
LOOKS = {
    "light-desktop": {"viewport": DESKTOP, "color_scheme": "light"},
    "dark-phone": {"viewport": PHONE, "color_scheme": "dark"},
}


@pytest.mark.parametrize("look", LOOKS)
@pytest.mark.parametrize("visit", PAGES, ids=[visit.__name__ for visit in PAGES])
def test_page_is_accessible_and_fits(new_page, visit, look):
    settings = LOOKS[look]
    page = visit(partial(new_page, settings["viewport"], color_scheme=settings["color_scheme"]))
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
        settings["color_scheme"] == "dark"
    )
    check_page(page, settings["viewport"]["width"])
