"""No lost words on the promise forms and in the notes on Today.

What is typed in a new promise, in changes to one, or in a check-in's note is kept as a draft
through the one autosave every form uses (drafts/views.py), comes back in its box on the next
look, and goes once it is saved. A check-in refused without JavaScript keeps its note too.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.drafts import store
from selftrust.drafts.models import Draft
from selftrust.promises import drafts as promise_drafts
from selftrust.promises.models import CheckIn, Promise
from tests.factories import CheckInFactory, PromiseFactory, UserFactory
from tests.promises.test_query_counts import TODAY_QUERIES

pytestmark = pytest.mark.django_db
TODAY = reverse("promises:today")
NEW = reverse("promises:create")
WORDS = "Sit in the sun for five minutes 🌤️ · לנשום"
NOTE = "Too tired after the call, and that's allowed 😔"


def autosave(client, key, data):
    return client.post(reverse("drafts:autosave", args=[key]), data)


def edit_url(promise):
    return reverse("promises:edit", args=[promise.pk])


def check_in_url(promise):
    return reverse("promises:check_in", args=[promise.pk])


def note_box(page: str, promise, day) -> str:
    """The value in the note box of this promise's answer for this day."""
    found = re.search(rf'id="note-{promise.pk}-{day:%Y%m%d}"[^>]*\bvalue="([^"]*)"', page, re.S)
    assert found, f"no note box for {day}"
    return found.group(1)


def kept_keys(user) -> list[str]:
    return sorted(Draft.objects.filter(user=user).values_list("key", flat=True))


# --- a new promise --------------------------------------------------------------------------


def test_a_new_promise_typed_comes_back_on_the_next_look(owner_client, user):
    data = {"text": WORDS, "schedule": "weekdays", "weekdays": ["1", "3"], "time_of_day": "08:30"}
    assert autosave(owner_client, promise_drafts.PROMISE_NEW, data).status_code == 204
    page = owner_client.get(NEW).content.decode()
    assert f'value="{WORDS}"' in page
    assert "We kept what you were writing last time" in page
    assert re.search(r'value="weekdays"[^>]*checked', page)
    assert re.search(r'value="1"[^>]*checked', page) and re.search(r'value="3"[^>]*checked', page)
    assert not re.search(r'value="2"[^>]*checked', page)
    assert 'value="08:30"' in page
    # The form keeps typing into the same draft, and offers to let it go.
    assert 'data-autosave="/drafts/promise:new/"' in page
    assert "Clear it and start fresh" in page


def test_a_new_promise_form_says_it_keeps_a_draft_and_has_none_at_first(owner_client):
    page = owner_client.get(NEW).content.decode()
    assert "What you type is kept as a draft until you save it." in page
    assert 'hx-post="/drafts/promise:new/"' in page
    assert "We kept what you were writing" not in page


def test_making_the_promise_lets_the_draft_go_and_a_late_autosave_is_ignored(owner_client, user):
    autosave(owner_client, promise_drafts.PROMISE_NEW, {"text": WORDS, "schedule": "daily"})
    assert kept_keys(user) == [promise_drafts.PROMISE_NEW]
    response = owner_client.post(NEW, {"text": "Drink a glass of water", "schedule": "daily"})
    assert response.status_code == 302 and Promise.objects.filter(user=user).exists()
    assert kept_keys(user) == []
    # An autosave sent just before Save, arriving after it, doesn't bring the words back.
    autosave(owner_client, promise_drafts.PROMISE_NEW, {"text": "Drink a glass of water"})
    assert kept_keys(user) == []
    assert "We kept what you were writing" not in owner_client.get(NEW).content.decode()


def test_a_refused_new_promise_keeps_its_words_for_the_next_look(owner_client, user):
    response = owner_client.post(NEW, {"text": "x" * 250, "schedule": "daily"})
    assert response.status_code == 400
    assert store.get(user, promise_drafts.PROMISE_NEW)["text"] == ["x" * 250]
    assert 'value="' + "x" * 250 + '"' in owner_client.get(NEW).content.decode()


def test_an_example_chosen_fills_the_form_and_points_back_to_the_kept_words(owner_client, user):
    autosave(owner_client, promise_drafts.PROMISE_NEW, {"text": WORDS, "schedule": "daily"})
    page = owner_client.get(NEW, {"text": "Drink a glass of water"}).content.decode()
    assert 'value="Drink a glass of water"' in page and WORDS not in page
    assert "You have words kept from a promise you were writing" in page
    assert store.get(user, promise_drafts.PROMISE_NEW) is not None


def test_clearing_the_kept_words_starts_the_form_fresh(owner_client, user):
    autosave(owner_client, promise_drafts.PROMISE_NEW, {"text": WORDS, "schedule": "daily"})
    response = owner_client.post(
        reverse("drafts:discard", args=[promise_drafts.PROMISE_NEW]), {"next": NEW}, follow=True
    )
    assert response.redirect_chain[-1][0] == NEW
    page = response.content.decode()
    assert "Cleared. You can start fresh." in page and WORDS not in page
    assert kept_keys(user) == []


def test_someone_else_never_sees_my_new_promise_draft(owner_client, user, client):
    autosave(owner_client, promise_drafts.PROMISE_NEW, {"text": WORDS, "schedule": "daily"})
    assert WORDS in owner_client.get(NEW).content.decode()
    client.force_login(UserFactory())
    page = client.get(NEW).content.decode()
    assert WORDS not in page and "We kept what you were writing" not in page


# --- changes to a promise -------------------------------------------------------------------


def test_changes_typed_to_a_promise_come_back_on_the_next_look(owner_client, user):
    promise = PromiseFactory(user=user, text="Rest", schedule="weekdays", weekdays=[0, 2])
    key = promise_drafts.promise_edit(promise.pk)
    assert key == f"promise:edit:{promise.pk}"
    data = {"text": WORDS, "schedule": "daily", "version": str(promise.version)}
    assert autosave(owner_client, key, data).status_code == 204
    page = owner_client.get(edit_url(promise)).content.decode()
    assert f'value="{WORDS}"' in page and 'value="Rest"' not in page
    assert re.search(r'value="daily"[^>]*checked', page)
    # The days the draft left unticked are unticked, though the saved promise has them.
    assert not re.search(r'name="weekdays" value="0"[^>]*checked', page)
    assert "We kept what you were writing last time" in page
    assert f'data-autosave="/drafts/{key}/"' in page


def test_saving_the_changes_lets_the_draft_go(owner_client, user):
    promise = PromiseFactory(user=user, text="Rest")
    key = promise_drafts.promise_edit(promise.pk)
    autosave(owner_client, key, {"text": WORDS, "schedule": "daily"})
    assert kept_keys(user) == [key]
    response = owner_client.post(edit_url(promise), {"text": "Rest more", "schedule": "daily"})
    assert response.status_code == 302
    assert kept_keys(user) == []
    autosave(owner_client, key, {"text": "Rest more"})  # late, just after the save
    assert kept_keys(user) == []
    page = owner_client.get(edit_url(promise)).content.decode()
    assert 'value="Rest more"' in page and "We kept what you were writing" not in page


def test_a_refused_change_keeps_its_words(owner_client, user):
    promise = PromiseFactory(user=user, text="Rest")
    response = owner_client.post(edit_url(promise), {"text": WORDS, "schedule": "weekdays"})
    assert response.status_code == 400  # no day picked
    page = owner_client.get(edit_url(promise)).content.decode()
    assert f'value="{WORDS}"' in page and "We kept what you were writing" in page


def test_a_kept_draft_written_against_an_older_version_meets_the_newer_one(owner_client, user):
    promise = PromiseFactory(user=user, text="Rest")
    opened_at = promise.version
    key = promise_drafts.promise_edit(promise.pk)
    autosave(owner_client, key, {"text": WORDS, "schedule": "daily", "version": opened_at})
    Promise.objects.get(pk=promise.pk).save()  # changed on another device meanwhile
    page = owner_client.get(edit_url(promise)).content.decode()
    assert f'name="version" value="{opened_at}"' in page  # the draft's, not the newer one
    response = owner_client.post(
        edit_url(promise), {"text": WORDS, "schedule": "daily", "version": opened_at}
    )
    assert response.status_code == 409
    assert store.get(user, key)["text"] == [WORDS]


def test_nobody_can_keep_a_draft_of_someone_elses_promise(owner_client, other_user):
    theirs = PromiseFactory(user=other_user)
    for key in (
        promise_drafts.promise_edit(theirs.pk),
        promise_drafts.check_in_note(theirs.pk, other_user.local_today()),
    ):
        assert autosave(owner_client, key, {"text": "sneaky", "note": "sneaky"}).status_code == 404
    assert not Draft.objects.exists()


@pytest.mark.parametrize(
    "key",
    [
        "promise:edit:",
        "promise:edit:²",
        "promise:edit:999999",
        "promise:new:extra",
        "promise:check-in:{pk}",
        "promise:check-in:{pk}:2026-02-30",
        "promise:check-in:{pk}:today",
        "daily-check:2026-01-01",
    ],
)
def test_a_key_naming_no_promise_form_keeps_nothing(owner_client, user, key):
    promise = PromiseFactory(user=user)
    assert autosave(owner_client, key.format(pk=promise.pk), {"note": "x"}).status_code == 404
    assert not Draft.objects.exists()


# --- a check-in's note on Today ---------------------------------------------------------------


def test_a_note_typed_on_today_comes_back_in_its_box(owner_client, user):
    promise = PromiseFactory(user=user, text="Step outside")
    today = user.local_today()
    key = promise_drafts.check_in_note(promise.pk, today)
    assert key == f"promise:check-in:{promise.pk}:{today.isoformat()}"
    page = owner_client.get(TODAY).content.decode()  # kept as rendered: the draft must show
    assert f'hx-post="/drafts/{key}/"' in page and note_box(page, promise, today) == ""
    data = {"day": today.isoformat(), "note": NOTE}
    assert autosave(owner_client, key, data).status_code == 204
    page = owner_client.get(TODAY).content.decode()
    assert note_box(page, promise, today) == "Too tired after the call, and that&#x27;s allowed 😔"
    assert "We kept the note you were writing" in page


def test_answering_lets_the_notes_draft_go_and_a_late_autosave_is_ignored(owner_client, user):
    promise = PromiseFactory(user=user)
    today = user.local_today()
    key = promise_drafts.check_in_note(promise.pk, today)
    autosave(owner_client, key, {"day": today.isoformat(), "note": NOTE})
    assert kept_keys(user) == [key]
    response = owner_client.post(
        check_in_url(promise),
        {"day": today.isoformat(), "outcome": "partly", "note": "Went out at noon"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "We kept the note" not in response.content.decode()
    assert CheckIn.objects.get().note == "Went out at noon"
    assert kept_keys(user) == []
    autosave(owner_client, key, {"day": today.isoformat(), "note": "Went out at"})
    assert kept_keys(user) == []
    page = owner_client.get(TODAY).content.decode()
    assert note_box(page, promise, today) == "Went out at noon"
    assert "We kept the note" not in page


def test_each_day_of_a_promise_keeps_its_own_note(owner_client, user):
    today = user.local_today()
    monday = today - timedelta(days=2)
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=10))
    CheckInFactory(promise=promise, day=monday, outcome="kept", note="Saved before")
    autosave(
        owner_client,
        promise_drafts.check_in_note(promise.pk, monday),
        {"day": monday.isoformat(), "note": "Earlier words"},
    )
    autosave(
        owner_client,
        promise_drafts.check_in_note(promise.pk, today),
        {"day": today.isoformat(), "note": "Today's words"},
    )
    page = owner_client.get(TODAY).content.decode()
    # The earlier days open by themselves when one holds kept words.
    assert note_box(page, promise, monday) == "Earlier words"
    assert note_box(page, promise, today) == "Today&#x27;s words"
    assert note_box(page, promise, today - timedelta(days=1)) == ""
    # Answering today lets only today's go.
    owner_client.post(check_in_url(promise), {"day": today.isoformat(), "outcome": "kept"})
    assert kept_keys(user) == [promise_drafts.check_in_note(promise.pk, monday)]


def test_someone_else_never_sees_my_note(owner_client, user, client):
    mine = PromiseFactory(user=user, text="Step outside")
    today = user.local_today()
    autosave(
        owner_client,
        promise_drafts.check_in_note(mine.pk, today),
        {"day": today.isoformat(), "note": NOTE},
    )
    assert "Too tired after the call" in owner_client.get(TODAY).content.decode()
    someone = UserFactory()
    theirs = PromiseFactory(user=someone, text="Step outside")
    client.force_login(someone)
    page = client.get(TODAY).content.decode()
    assert "Too tired after the call" not in page and note_box(page, theirs, today) == ""


def test_today_reads_every_promises_kept_note_in_one_query(client, user, django_assert_num_queries):
    from tests.conftest import forget_kept_pages

    today = user.local_today()
    made = [PromiseFactory(user=user) for _ in range(12)]
    for promise in made:
        store.save(
            user,
            promise_drafts.check_in_note(promise.pk, today),
            {"day": [today.isoformat()], "note": [f"Note for {promise.pk}"]},
        )
    client.force_login(user)
    client.get(TODAY)
    forget_kept_pages()
    with django_assert_num_queries(TODAY_QUERIES):
        page = client.get(TODAY).content.decode()
    assert all(note_box(page, p, today) == f"Note for {p.pk}" for p in made)


# --- a check-in refused without JavaScript keeps its note ------------------------------------


def test_a_refused_note_comes_back_in_its_box_on_today(owner_client, user):
    promise = PromiseFactory(user=user)
    today = user.local_today()
    response = owner_client.post(
        check_in_url(promise),
        {"day": today.isoformat(), "outcome": "kept", "note": "Half\x00 a thought"},
    )
    assert response.status_code == 302 and response.url == TODAY
    assert not CheckIn.objects.exists()
    page = owner_client.get(TODAY).content.decode()
    assert note_box(page, promise, today) == "Half a thought"
    assert "We kept the note you were writing" in page


def test_a_note_for_a_day_that_can_no_longer_be_answered_comes_to_the_newest_box(
    owner_client, user
):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=30))
    gone = today - timedelta(days=8)
    response = owner_client.post(
        check_in_url(promise), {"day": gone.isoformat(), "outcome": "kept", "note": NOTE}
    )
    assert response.status_code == 302 and not CheckIn.objects.exists()
    page = owner_client.get(TODAY).content.decode()
    assert note_box(page, promise, today) == "Too tired after the call, and that&#x27;s allowed 😔"
    assert f'name="kept_from" value="{gone.isoformat()}"' in page
    # Saving that box keeps the words with today's answer and lets both drafts go.
    owner_client.post(
        check_in_url(promise),
        {"day": today.isoformat(), "outcome": "partly", "note": NOTE, "kept_from": gone},
    )
    assert CheckIn.objects.get(day=today).note == NOTE
    assert kept_keys(user) == []


def test_a_draft_carried_into_a_box_is_not_shown_twice(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=30))
    gone = today - timedelta(days=9)
    owner_client.post(
        check_in_url(promise), {"day": gone.isoformat(), "outcome": "kept", "note": "Old words"}
    )
    # Typed on in today's box, which carries the old day along.
    autosave(
        owner_client,
        promise_drafts.check_in_note(promise.pk, today),
        {"day": today.isoformat(), "kept_from": gone.isoformat(), "note": "Old words, and more"},
    )
    page = owner_client.get(TODAY).content.decode()
    assert note_box(page, promise, today) == "Old words, and more"
    assert page.count("Old words") == 1


def test_htmx_refusals_keep_the_note_in_the_card_and_in_the_draft(owner_client, user):
    promise = PromiseFactory(user=user)
    today = user.local_today()
    response = owner_client.post(
        check_in_url(promise),
        {"day": today.isoformat(), "outcome": "", "note": NOTE},
        headers={"HX-Request": "true"},
    )
    assert "Choose how it went" in response.content.decode()
    assert note_box(response.content.decode(), promise, today).startswith("Too tired")
    key = promise_drafts.check_in_note(promise.pk, today)
    assert store.get(user, key)["note"] == [NOTE]


def test_a_refusal_with_no_note_keeps_no_draft(owner_client, user):
    promise = PromiseFactory(user=user)
    owner_client.post(check_in_url(promise), {"day": user.local_today(), "outcome": "nope"})
    assert kept_keys(user) == []


def test_promise_drafts_travel_in_an_export_and_come_back_where_they_can(user):
    """A new promise's words and the day's note come in; drafts that name a promise by its old
    number (its changes, a check-in note) stay in the file, like every draft of that kind."""
    import json
    from datetime import date

    from selftrust.accounts.export import export_for
    from selftrust.accounts.importing import import_export
    from selftrust.drafts import keys as draft_keys
    from selftrust.drafts import store
    from selftrust.promises import drafts as promise_drafts
    from tests.factories import PromiseFactory, UserFactory

    promise = PromiseFactory(user=user)
    store.save(user, promise_drafts.PROMISE_NEW, {"text": ["Walk by the sea"]})
    store.save(user, draft_keys.DAILY_CHECK, {"note": ["Tired but here"]})
    store.save(user, promise_drafts.promise_edit(promise.pk), {"text": ["Walk"]})
    store.save(
        user, promise_drafts.check_in_note(promise.pk, date(2026, 11, 20)), {"note": ["Rain"]}
    )
    newcomer = UserFactory()
    summary = import_export(newcomer, json.loads(json.dumps(export_for(user))))
    assert store.get(newcomer, promise_drafts.PROMISE_NEW) == {"text": ["Walk by the sea"]}
    assert store.get(newcomer, draft_keys.DAILY_CHECK) == {"note": ["Tired but here"]}
    assert summary.drafts_left_in_file == 2
