import pytest
from django.urls import reverse

from selftrust.promises import nudges
from selftrust.promises.nudges import size_nudge


def test_small_concrete_promise_gets_no_nudge():
    assert size_nudge("Rest for ten minutes after lunch") is None


def test_long_promise_gets_a_gentle_nudge():
    nudge = size_nudge("Go for a walk " * 10)
    assert "Smaller promises are easier to keep" in nudge


def test_open_ended_words_get_a_gentle_nudge():
    assert size_nudge("Always be better at saying no") is not None
    assert size_nudge("Never doubt myself") is not None


def test_words_merely_containing_vague_words_are_fine():
    assert size_nudge("Call my friend Allison") is None


def test_the_boundaries_lessons_own_example_gets_no_nudge():
    # "I'll stop answering work messages at seven" is small and concrete already.
    assert size_nudge("I'll stop answering work messages at seven") is None


def test_ordinary_words_in_small_promises_get_no_nudge():
    for promise in ("Drink more water at lunch", "Fix the shelf on Sunday", "Eat all my dinner"):
        assert size_nudge(promise) is None, promise


def test_the_nudge_is_an_offer_not_a_correction():
    for nudge in (size_nudge("Always rest"), size_nudge("Go for a walk " * 10)):
        assert "If you like" in nudge
        assert "that is the point" not in nudge
        assert "Could you" not in nudge


@pytest.mark.parametrize(
    "text",
    [
        "I will never hurt myself again",
        "No self-harm this week",
        "Stay alive today",
        "sh free week",
    ],
)
def test_a_no_harm_pledge_gets_a_word_about_support_not_about_size(text):
    assert nudges.is_safety_promise(text)
    assert "Keeping yourself safe is too much for a single promise" in nudges.size_nudge(text)


@pytest.mark.parametrize(
    "text",
    [
        "Text Sam if I feel suicidal",
        "Call Ana when I want to self-harm",
        "Never skip lunch",
        "Stay safe at the handover with my ex",
        "I won't cut corners today",
        "Don't cut my own hair",
        "Never skip my tablets",
        "Keep myself safe from him",
        "I won't let him hurt me again",
        "Never let anyone hurt me again",
        "Stop burning myself out",
        "Stop cutting myself off from friends",
    ],
)
def test_coping_steps_and_ordinary_promises_are_not_pledges(text):
    assert not nudges.is_safety_promise(text)


@pytest.mark.django_db
def test_a_no_harm_pledge_is_not_saved_and_promises_of_what_to_do_are_offered(owner_client, user):
    url = reverse("promises:create")
    for extra in ({}, {"keep_as_is": "1"}):
        page = owner_client.post(
            url, {"text": "No self-harm this week", "schedule": "daily", **extra}
        ).content.decode()
        assert "Keeping yourself safe is too much for a single promise" in page
        assert 'name="keep_as_is"' not in page
        assert "?text=When%20the%20urge%20comes" in page
        assert 'href="/safety-plan/"' in page and 'href="/help/"' in page
    assert not user.promises.exists()


@pytest.mark.django_db
def test_a_pledge_kept_from_before_brings_support_when_it_slips(owner_client, user):
    from selftrust.promises.models import Outcome
    from tests.factories import PromiseFactory

    promise = PromiseFactory(user=user, text="Never hurt myself again")
    response = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"outcome": Outcome.NOT_THIS_TIME, "day": user.local_today().isoformat()},
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("safety:help")
    assert "If you have hurt yourself or feel you might, you deserve support now." in page
    htmx = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"outcome": Outcome.LET_GO, "day": user.local_today().isoformat()},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert "that is never your fault" in htmx and "If someone has hurt you" in htmx


@pytest.mark.django_db
def test_a_promise_whose_words_read_as_crisis_brings_support_when_it_slips(owner_client, user):
    from selftrust.promises.models import Outcome
    from tests.factories import PromiseFactory

    promise = PromiseFactory(user=user, text="No pills tonight, I mean it")
    response = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"outcome": Outcome.NOT_THIS_TIME, "day": user.local_today().isoformat()},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("safety:help")
    assert "you deserve support now" in response.content.decode()


@pytest.mark.django_db
def test_keeping_myself_safe_gets_a_note_and_can_be_kept(owner_client, user):
    url = reverse("promises:create")
    page = owner_client.post(
        url, {"text": "Keep myself safe from him", "schedule": "daily"}
    ).content.decode()
    assert "If this is about staying safe from someone, it can stay just as it is" in page
    assert 'name="keep_as_is"' in page
    owner_client.post(
        url, {"text": "Keep myself safe from him", "schedule": "daily", "keep_as_is": "1"}
    )
    assert user.promises.filter(text="Keep myself safe from him").exists()


@pytest.mark.django_db
def test_partly_on_a_promise_not_to_hurt_oneself_brings_support(owner_client, user):
    from selftrust.promises.models import Outcome
    from tests.factories import PromiseFactory

    promise = PromiseFactory(user=user, text="Keep myself safe tonight")
    response = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"outcome": Outcome.PARTLY, "day": user.local_today().isoformat()},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("safety:help")


@pytest.mark.django_db
def test_a_plain_pledge_shows_the_support_panel_on_the_form(owner_client):
    page = owner_client.post(
        reverse("promises:create"), {"text": "I won't kill myself tonight", "schedule": "daily"}
    ).content.decode()
    assert 'id="pledge-support"' in page and 'href="tel:911"' in page


@pytest.mark.django_db
def test_a_promise_we_offered_instead_brings_support_when_it_slips(owner_client, user):
    from selftrust.promises.models import Outcome
    from tests.factories import PromiseFactory

    promise = PromiseFactory(user=user, text="If tonight gets hard, I'll text someone I trust")
    response = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"outcome": Outcome.NOT_THIS_TIME, "day": user.local_today().isoformat()},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("safety:help")


@pytest.mark.django_db
def test_the_api_suggests_support_after_a_slip_on_such_a_promise(client, user):
    from selftrust.promises.models import Outcome
    from tests.api.conftest import ApiClient
    from tests.factories import PromiseFactory, api_token_for

    api = ApiClient(client, api_token_for(user))
    promise = PromiseFactory(user=user, text="Keep myself safe tonight")
    response = api.post(
        f"/promises/{promise.pk}/check-ins",
        {"outcome": Outcome.NOT_THIS_TIME, "date": user.local_today().isoformat()},
    )
    assert response.status_code in (200, 201), response.content
    assert response.json()["support"]["suggested"] is True


@pytest.mark.django_db
def test_a_slip_on_staying_safe_from_someone_never_blames_and_offers_abuse_lines(
    owner_client, user
):
    from selftrust.promises.models import Outcome
    from tests.factories import PromiseFactory

    promise = PromiseFactory(user=user, text="Keep myself safe from him")
    htmx = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"outcome": Outcome.NOT_THIS_TIME, "day": user.local_today().isoformat()},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="en-US",
    ).content.decode()
    assert "that is never your fault" in htmx
    assert 'href="tel:8007997233"' in htmx  # the US domestic violence hotline


@pytest.mark.parametrize(
    "text",
    ["Stop killing myself over work", "Stop cutting people off", "Don't kill myself at the gym"],
)
def test_everyday_idioms_are_not_pledges(text):
    assert not nudges.is_safety_promise(text)


def test_a_never_that_names_someone_is_respected_as_a_limit():
    nudge = nudges.size_nudge("Never answer his calls again")
    assert "it can be exactly right as it is" in nudge


@pytest.mark.parametrize(
    "text",
    [
        "Stay safe from my ex tonight",
        "Protect myself from him",
        "Not let him hurt me",
        "If tonight gets hard, I'll text Sam",
        "Call the crisis line if I feel like dying",
    ],
)
def test_promises_about_safety_from_someone_or_coping_steps_bring_support_when_they_slip(text):
    assert nudges.about_hurting_oneself(text)
    assert not nudges.is_safety_promise(text)
