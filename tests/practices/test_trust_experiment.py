"""The trust experiment on the web: a small step of trust planned, looked back on later like a
decision, and gathered on its own page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from selftrust.drafts import store as drafts
from selftrust.drafts.models import Draft
from selftrust.practices.catalog import PRACTICES, SECTIONS, TRUST_EXPERIMENT
from selftrust.practices.models import Entry
from selftrust.web.templatetags.person_dates import date_style_for, format_date
from tests.factories import EntryFactory, TrustedPersonFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW = reverse("practices:new", args=["trust-experiment"])
SUMMARY = reverse("practices:trust_experiments")
HELP = reverse("safety:help")

PLAN = {
    "who": "Sam",
    "step": "Ask Sam to call me back this week",
    "feels_safe": "6",
    "prediction": "He'll forget, and I'll feel silly for asking",
    "fear_likely": "7",
    "look_back_in": "3",
}
LOOK_BACK = {
    "what_happened": "He called back the next evening",
    "fear_came_true": "no",
    "reliable": "yes",
    "learned": "Asking plainly worked",
}


def plan(client, **overrides):
    return client.post(NEW, {**PLAN, **overrides})


def review_url(entry):
    return reverse("practices:review", args=[entry.pk])


def entry_url(entry):
    return reverse("practices:entry", args=[entry.pk])


def experiment(user, *, days_ago=0, **answers) -> Entry:
    """A trust experiment written `days_ago` days ago, with just these answers."""
    data = {"step": "Ask for help with the shopping", "prediction": "They'll say no", **answers}
    return EntryFactory(
        user=user,
        practice="trust-experiment",
        data=data,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def page(client, url, **params) -> str:
    return client.get(url, params).content.decode().replace("&#x27;", "'")


# --- planning a step ------------------------------------------------------------------------


def test_the_practice_is_on_the_practice_page_beside_the_decision_journal(owner_client):
    hub = page(owner_client, reverse("practices:hub"))
    assert NEW in hub and TRUST_EXPERIMENT.name in hub
    deciding = next(s for s in SECTIONS if s.title == "Deciding and thinking")
    assert TRUST_EXPERIMENT in deciding.practices
    assert PRACTICES["trust-experiment"] is TRUST_EXPERIMENT


def test_the_form_says_how_to_choose_a_small_safe_step_that_can_be_stopped(owner_client):
    form = page(owner_client, NEW)
    assert "Choose someone who has mostly been safe for you." in form
    assert "This is not a way to test anyone who has hurt you" in form
    assert "Small is the point: a step you would be all right with" in form
    assert "You can stop at any point" in form and "Not taking a step is a choice" in form
    assert f'href="{reverse("safety:ground")}"' in form


def test_a_new_step_asks_only_what_comes_before_it(owner_client):
    form = page(owner_client, NEW)
    assert "What small step of trust will you take?" in form
    assert "How safe does this step feel?" in form
    assert "How likely is it that what you fear will come true?" in form
    assert "Did what you feared come true?" not in form
    assert "Did they prove reliable this time?" not in form


def test_a_week_is_chosen_for_looking_back_unless_the_person_chooses_otherwise(owner_client):
    form = page(owner_client, NEW)
    assert 'value="7" id="id_look_back_in_2" checked' in form


def test_trusted_people_from_my_safety_plan_are_offered_as_i_type(owner_client, user, other_user):
    TrustedPersonFactory(user=user, name="Ana")
    TrustedPersonFactory(user=other_user, name="Someone else's friend")
    form = page(owner_client, NEW)
    assert 'list="trust-who-suggestions"' in form
    suggestions = form[form.index('<datalist id="trust-who-suggestions">') :]
    suggestions = suggestions[: suggestions.index("</datalist>")]
    assert '<option value="Ana">' in suggestions
    assert "Someone else" not in form


def test_a_step_is_saved_titled_by_the_step_and_joins_the_timeline(owner_client, user):
    response = plan(owner_client)
    entry = Entry.objects.get(user=user, practice="trust-experiment")
    assert response["Location"] == entry_url(entry) + "?saved=1"
    assert entry.data == {**PLAN, "feels_safe": 6, "fear_likely": 7}
    assert entry.title == "Ask Sam to call me back this week"
    timeline = page(owner_client, reverse("practices:timeline"))
    assert "Ask Sam to call me back this week" in timeline and "A trust experiment" in timeline
    searched = page(owner_client, reverse("practices:timeline"), q="silly")
    assert "Ask Sam to call me back this week" in searched


def test_the_step_and_the_prediction_are_needed_and_nothing_is_saved_without_them(owner_client):
    response = plan(owner_client, step="", prediction="")
    assert response.status_code == 400
    assert "This part helps the practice work. A few words are enough." in response.content.decode()
    assert not Entry.objects.exists()


def test_who_can_be_left_out(owner_client, user):
    assert plan(owner_client, who="").status_code == 302
    assert "who" not in Entry.objects.get().data


def test_the_entry_says_when_it_will_be_ready_to_look_back_on(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    shown = page(owner_client, entry_url(entry))
    ready = user.local_today() + timedelta(days=3)
    assert "It will be ready to look back on" in shown
    assert format_date(ready, date_style_for("en-US"), "weekday") in shown
    assert f'href="{review_url(entry)}">you can look back now' in shown
    assert "When would you like to look back?" not in shown


def test_a_step_whose_day_has_come_offers_the_look_back(owner_client, user):
    entry = experiment(user, days_ago=8)
    shown = page(owner_client, entry_url(entry))
    assert "It's time to look back" in shown
    assert f'<a class="button" href="{review_url(entry)}">Look back on it now</a>' in shown


def test_crisis_words_in_a_step_bring_the_support_panel(owner_client, user):
    response = owner_client.post(
        NEW, {**PLAN, "prediction": "I feel like I can't go on"}, follow=True
    )
    assert "You don't have to hold this alone" in response.content.decode().replace("&#x27;", "'")


# --- looking back --------------------------------------------------------------------------


def test_looking_back_shows_the_step_and_asks_only_the_look_back(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    form = page(owner_client, review_url(entry))
    assert "Ask Sam to call me back this week" in form and "I'll feel silly for asking" in form
    assert "how likely your fear seemed: 7 of 10" in form
    assert "A fear that came true is information, not a failure." in form
    assert "Did what you feared come true?" in form and "Did they prove reliable" in form
    assert "What small step of trust will you take?" not in form


def test_a_look_back_is_kept_with_the_step_and_shown_on_its_page(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    response = owner_client.post(review_url(entry), LOOK_BACK)
    assert response["Location"] == entry_url(entry) + "?saved=1"
    entry.refresh_from_db()
    assert entry.data == {**PLAN, "feels_safe": 6, "fear_likely": 7, **LOOK_BACK}
    shown = page(owner_client, entry_url(entry))
    assert "He called back the next evening" in shown and "Asking plainly worked" in shown
    assert "Look back on it now" not in shown and "you can look back now" not in shown


def test_a_look_back_needs_to_say_whether_the_fear_came_true(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    response = owner_client.post(review_url(entry), {**LOOK_BACK, "fear_came_true": ""})
    assert response.status_code == 400
    assert "Choose yes, partly or no; each answer is useful." in response.content.decode()
    entry.refresh_from_db()
    assert "what_happened" not in entry.data
    # The words typed are kept in a draft, ready when the page opens again.
    assert "He called back the next evening" in page(owner_client, review_url(entry))


def test_a_look_back_keeps_changes_made_to_the_step_meanwhile(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    owner_client.post(reverse("practices:edit", args=[entry.pk]), {**PLAN, "step": "Changed"})
    owner_client.post(review_url(entry), LOOK_BACK)
    entry.refresh_from_db()
    assert entry.data["step"] == "Changed" and entry.data["reliable"] == "yes"
    assert entry.title == "Changed"


def test_changing_a_step_already_looked_back_on_keeps_the_look_back(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    owner_client.post(review_url(entry), LOOK_BACK)
    edit = page(owner_client, reverse("practices:edit", args=[entry.pk]))
    assert "Did what you feared come true?" in edit
    owner_client.post(
        reverse("practices:edit", args=[entry.pk]), {**PLAN, **LOOK_BACK, "who": "Sam B."}
    )
    entry.refresh_from_db()
    assert entry.data["who"] == "Sam B." and entry.data["fear_came_true"] == "no"


def test_feeling_unsafe_with_them_puts_safety_first(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    response = owner_client.post(
        review_url(entry), {**LOOK_BACK, "reliable": "unsafe"}, follow=True
    )
    shown = response.content.decode().replace("&#x27;", "'")
    assert "Your safety comes first" in shown
    assert "You don't owe anyone another step of trust." in shown
    assert shown.index(f'<a class="button" href="{HELP}">Get help now</a>') < shown.index(
        "He called back the next evening"
    )


def test_crisis_words_in_a_look_back_bring_the_support_panel(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    response = owner_client.post(
        review_url(entry), {**LOOK_BACK, "learned": "I want to die"}, follow=True
    )
    assert "You don't have to hold this alone" in response.content.decode().replace("&#x27;", "'")


def test_a_look_back_is_kept_as_a_draft_and_cleared_once_saved(owner_client, user):
    plan(owner_client)
    entry = Entry.objects.get()
    key = f"practice:trust-experiment:review:{entry.pk}"
    autosaved = owner_client.post(
        reverse("drafts:autosave", args=[key]), {"what_happened": "Half a thought"}
    )
    assert autosaved.status_code == 204
    form = page(owner_client, review_url(entry))
    assert "Half a thought" in form and "We kept what you were writing" in form
    owner_client.post(review_url(entry), LOOK_BACK)
    assert drafts.get(user, key) is None


def test_a_new_step_is_kept_as_a_draft_until_it_is_saved(owner_client, user):
    key = "practice:trust-experiment:new"
    owner_client.post(reverse("drafts:autosave", args=[key]), {"step": "Ask Ana for a lift"})
    assert "Ask Ana for a lift" in page(owner_client, NEW)
    plan(owner_client)
    assert not Draft.objects.filter(user=user).exists()


# --- whose it is ---------------------------------------------------------------------------


def test_another_persons_step_cannot_be_seen_looked_back_on_or_drafted(client, other_user):
    entry = experiment(UserFactory())
    client.force_login(other_user)
    assert client.get(entry_url(entry)).status_code == 404
    assert client.get(review_url(entry)).status_code == 404
    assert client.post(review_url(entry), LOOK_BACK).status_code == 404
    key = f"practice:trust-experiment:review:{entry.pk}"
    assert client.post(reverse("drafts:autosave", args=[key]), {"learned": "x"}).status_code != 204
    entry.refresh_from_db()
    assert "learned" not in entry.data


def test_signed_out_the_pages_ask_to_sign_in(client, user):
    entry = experiment(user)
    for url in (NEW, review_url(entry), SUMMARY):
        response = client.get(url)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_every_practice_that_looks_back_names_the_page_where_its_look_backs_add_up():
    looking_back = [p for p in PRACTICES.values() if p.behaviour.looks_back]
    assert TRUST_EXPERIMENT in looking_back
    for practice in looking_back:
        assert reverse(practice.behaviour.summary_page) and practice.behaviour.summary_link
    assert reverse(TRUST_EXPERIMENT.behaviour.summary_page) == SUMMARY
