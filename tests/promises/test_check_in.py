import re
from datetime import timedelta

import pytest
from django.urls import reverse

from selftrust.promises.models import CheckIn, Status
from tests.factories import CheckInFactory, PromiseFactory

pytestmark = pytest.mark.django_db


def url(promise):
    return reverse("promises:check_in", args=[promise.pk])


def post(client, promise, day, outcome="kept", note="", **headers):
    return client.post(
        url(promise), {"day": day.isoformat(), "outcome": outcome, "note": note}, **headers
    )


def test_one_tap_records_how_it_went(owner_client, user):
    promise = PromiseFactory(user=user)
    response = post(
        owner_client, promise, user.local_today(), "let_go", "Too tired, and that's fine"
    )
    assert response.status_code == 302
    check_in = CheckIn.objects.get(promise=promise)
    assert check_in.outcome == "let_go"
    assert check_in.note == "Too tired, and that's fine"


def test_changing_an_answer_updates_it_instead_of_adding_another(owner_client, user):
    promise = PromiseFactory(user=user)
    post(owner_client, promise, user.local_today(), "not_this_time")
    post(owner_client, promise, user.local_today(), "kept")
    assert list(CheckIn.objects.values_list("outcome", flat=True)) == ["kept"]


def test_an_answer_from_earlier_this_week_can_be_changed(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=10))
    CheckInFactory(promise=promise, day=today - timedelta(days=6), outcome="not_this_time")
    post(owner_client, promise, today - timedelta(days=6), "partly")
    assert CheckIn.objects.get().outcome == "partly"


def test_answers_older_than_a_week_stay_as_they_were(owner_client, user):
    today = user.local_today()
    promise = PromiseFactory(user=user, starts_on=today - timedelta(days=30))
    CheckInFactory(promise=promise, day=today - timedelta(days=8), outcome="not_this_time")
    post(owner_client, promise, today - timedelta(days=8), "kept")
    assert CheckIn.objects.get().outcome == "not_this_time"


@pytest.mark.parametrize(
    "day_offset, outcome, note, message",
    [
        (1, "kept", "", "hasn&#x27;t come yet"),
        (3650, "kept", "", "hasn&#x27;t come yet"),
        (0, "brilliant", "", "Choose kept, partly"),
        (0, "", "", "Choose how it went"),
        (0, "kept", "x" * 10_000, "200 characters"),
        (0, "kept", "<script>alert(1)</script>", "Plain words"),
    ],
)
def test_bad_input_is_refused_kindly_and_changes_nothing(
    owner_client, user, day_offset, outcome, note, message
):
    promise = PromiseFactory(user=user)
    day = user.local_today() + timedelta(days=day_offset)
    response = post(owner_client, promise, day, outcome, note, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_malformed_date_is_refused_kindly(owner_client, user):
    promise = PromiseFactory(user=user)
    response = owner_client.post(
        url(promise), {"day": "yesterday-ish", "outcome": "kept"}, follow=True
    )
    assert "date doesn" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_emoji_and_right_to_left_notes_are_kept_exactly(owner_client, user):
    promise = PromiseFactory(user=user)
    post(owner_client, promise, user.local_today(), "kept", "تنفست ببطء 🌿")
    assert CheckIn.objects.get().note == "تنفست ببطء 🌿"


def test_a_paused_promise_cannot_be_answered(owner_client, user):
    promise = PromiseFactory(user=user, status=Status.PAUSED)
    post(owner_client, promise, user.local_today())
    assert not CheckIn.objects.exists()


def test_htmx_gets_just_the_card_back(owner_client, user):
    promise = PromiseFactory(user=user, text="Drink water")
    response = post(owner_client, promise, user.local_today(), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith("<form")
    assert "<html" not in body
    assert "Saved." in body
    assert re.search(r'value="kept" class="outcome"[^>]*aria-pressed="true"', body)


def test_another_persons_promise_is_not_found_and_unchanged(owner_client, other_user):
    theirs = PromiseFactory(user=other_user)
    response = post(owner_client, theirs, other_user.local_today())
    assert response.status_code == 404
    assert not CheckIn.objects.exists()


def test_get_is_not_allowed(owner_client, user):
    assert owner_client.get(url(PromiseFactory(user=user))).status_code == 405


def test_anonymous_cannot_answer(client, user):
    promise = PromiseFactory(user=user)
    response = post(client, promise, user.local_today())
    assert response.status_code == 302
    assert not CheckIn.objects.exists()


def test_a_note_with_crisis_language_brings_help_forward(owner_client, user):
    promise = PromiseFactory(user=user)
    response = post(
        owner_client,
        promise,
        user.local_today(),
        "not_this_time",
        "I can't go on",
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "You don't have to hold this alone" in body
    assert 'href="tel:988"' in body
    assert CheckIn.objects.get().note == "I can't go on"


def test_without_javascript_crisis_language_leads_to_help(owner_client, user):
    promise = PromiseFactory(user=user)
    response = post(owner_client, promise, user.local_today(), "kept", "I want to hurt myself")
    assert response["Location"] == reverse("safety:help")


def test_ordinary_notes_do_not_show_crisis_resources(owner_client, user):
    promise = PromiseFactory(user=user)
    body = post(
        owner_client, promise, user.local_today(), "kept", "Felt calm", HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "hold this alone" not in body
