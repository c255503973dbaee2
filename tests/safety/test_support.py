"""The safety net: after words that suggest crisis are saved, support comes forward, once."""

import pytest
from django.urls import reverse

from selftrust.assessments.models import AssessmentResponse
from selftrust.practices import services as practice_services
from selftrust.practices.models import Entry
from selftrust.promises.models import CheckIn, Promise
from selftrust.safety import support
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.factories import PromiseFactory

pytestmark = pytest.mark.django_db

PANEL = "You don't have to hold this alone"
AFTER_SAVING = "What you wrote is saved. It sounds really painful"
REACH_OUT = "Would it help to reach out to someone you trust?"
CRISIS = "I want to kill myself"
IDIOM = "I absolutely killed it at work today"

THOUGHT_RECORD = {
    "situation": "My friend didn't reply",
    "automatic_thought": "She's angry with me",
    "belief_before": "9",
    "emotion_1": "anxious",
    "emotion_1_before": "8",
    # Still strong after working it through: a fall would be a good sign, not a reason to
    # offer reaching out (tests/practices/test_support_after_saving.py).
    "emotion_1_after": "7",
    "thinking_traps": ["mind-reading", "catastrophising"],
    "evidence_for": "She usually replies fast",
    "evidence_against": "She told me she's busy this week",
    "balanced_thought": "She's probably busy; I can ask",
    "belief_after": "3",
}
CALM_THOUGHT_RECORD = {**THOUGHT_RECORD, "emotion_1_before": "3", "emotion_1_after": "1"}


def new_url(slug):
    return reverse("practices:new", args=[slug])


@pytest.fixture
def sam(user):
    return TrustedPerson.objects.create(user=user, name="Sam", phone="07700 900123")


@pytest.fixture
def plan(user, sam):
    plan = SafetyPlan.objects.create(
        user=user,
        coping_on_my_own="Stand under a hot shower",
        asking_for_help="My sister Ana",
        professionals="Dr Ade 020 7946 0000",
        reasons_for_living="My cat",
    )
    plan.help_people.add(sam)
    return plan


def assert_support_with_plan(page):
    """The panel, with the person's own plan and people, and the crisis lines."""
    assert PANEL in page
    assert "Stand under a hot shower" in page  # "Things I can do on my own"
    assert "My sister Ana" in page
    assert '<a href="tel:02079460000">020 7946 0000</a>' in page
    assert 'href="tel:07700900123" aria-label="Call Sam"' in page
    assert 'href="sms:07700900123" aria-label="Text Sam"' in page
    assert 'href="tel:988"' in page and 'href="tel:911"' in page
    assert 'href="/safety-plan/"' in page and "See my whole safety plan" in page


def entry_page(client, entry, saved=False):
    url = reverse("practices:entry", args=[entry.pk])
    return client.get(url + ("?saved=1" if saved else "")).content.decode()


# --- practices ------------------------------------------------------------------------------


def test_crisis_words_in_a_worksheet_are_saved_and_support_comes_with_the_plan(
    owner_client, user, plan
):
    response = owner_client.post(
        new_url("self-compassion"), {"moment": CRISIS, "kind_words": "Stay"}, follow=True
    )
    assert response.status_code == 200
    entry = Entry.objects.get(user=user)
    assert entry.data["moment"] == CRISIS
    page = response.content.decode()
    assert AFTER_SAVING in page
    assert_support_with_plan(page)
    # Support sits above the entry, and appears once.
    assert page.index(PANEL) < page.index("Stay")
    assert page.count('id="support-after-saving"') == 1


def test_support_is_offered_only_once(owner_client, user, plan):
    owner_client.post(new_url("self-compassion"), {"moment": CRISIS, "kind_words": "Stay"})
    entry = Entry.objects.get(user=user)
    assert PANEL in entry_page(owner_client, entry, saved=True)
    assert PANEL not in entry_page(owner_client, entry, saved=True)
    assert PANEL not in entry_page(owner_client, entry)
    assert PANEL not in owner_client.get(reverse("promises:today")).content.decode()


def test_support_comes_on_whatever_page_is_next(owner_client, user, plan):
    # Even if the person goes elsewhere instead of following the redirect.
    owner_client.post(new_url("self-compassion"), {"moment": CRISIS, "kind_words": "Stay"})
    page = owner_client.get(reverse("promises:today")).content.decode()
    assert_support_with_plan(page)


def test_without_a_plan_support_offers_trusted_people_and_a_way_to_make_one(
    owner_client, user, sam
):
    page = owner_client.post(
        new_url("self-compassion"), {"moment": CRISIS, "kind_words": "Stay"}, follow=True
    ).content.decode()
    assert PANEL in page and 'href="tel:07700900123" aria-label="Call Sam"' in page
    assert "Make a safety plan, when you feel ready" in page
    assert 'href="tel:988"' in page


def test_crisis_words_in_a_thought_record_are_saved_and_support_comes_with_the_plan(
    owner_client, user, plan
):
    response = owner_client.post(
        new_url("thought-record"),
        {**THOUGHT_RECORD, "automatic_thought": "Everyone would be better off without me"},
        follow=True,
    )
    entry = Entry.objects.get(user=user)
    assert entry.thought_record.automatic_thought == "Everyone would be better off without me"
    page = response.content.decode()
    assert_support_with_plan(page)
    # The crisis panel is enough; the gentler reach-out card is not added on top.
    assert REACH_OUT not in page


def test_crisis_words_when_editing_an_entry_bring_support(owner_client, user, plan):
    owner_client.post(new_url("win"), {"win": "Made tea"})
    entry = Entry.objects.get(user=user)
    page = owner_client.post(
        reverse("practices:edit", args=[entry.pk]), {"win": "I want to end my life"}, follow=True
    ).content.decode()
    assert_support_with_plan(page)
    entry.refresh_from_db()
    assert entry.data["win"] == "I want to end my life"


def test_crisis_words_in_a_decision_bring_support(owner_client, user, plan):
    page = owner_client.post(
        new_url("decision"),
        {
            "decision": "Whether to tell Sam I want to die",
            "confidence": "60",
            "review_on": user.local_today().isoformat(),
        },
        follow=True,
    ).content.decode()
    assert Entry.objects.filter(user=user, practice="decision").exists()
    assert_support_with_plan(page)


@pytest.mark.parametrize(
    "slug, data",
    [
        ("self-compassion", {"moment": IDIOM, "kind_words": "Well done me"}),
        ("win", {"win": "This traffic is killing me but I got there"}),
        ("thought-record", {**CALM_THOUGHT_RECORD, "situation": IDIOM}),
    ],
)
def test_everyday_idioms_bring_no_panel(owner_client, user, plan, slug, data):
    response = owner_client.post(new_url(slug), data, follow=True)
    assert Entry.objects.filter(user=user, practice=slug).exists()
    page = response.content.decode()
    assert PANEL not in page and "Stand under a hot shower" not in page
    assert PANEL not in owner_client.get(reverse("promises:today")).content.decode()


@pytest.fixture
def screener_that_flags_the_catalogue(monkeypatch):
    """A stand-in screener that matches words only *we* wrote: choice values and labels,
    practice names. Whatever reaches it from a worksheet should be the person's own words."""
    flagged = ("breathing", "grounding", "anxious", "catastrophising", "mind reading")
    seen = []

    def screen(*texts):
        seen.extend(texts)
        return any(word in text.lower() for text in texts for word in flagged)

    monkeypatch.setattr(support, "mentions_crisis", screen)
    return seen


def test_only_the_persons_own_words_are_screened(
    owner_client, user, plan, screener_that_flags_the_catalogue
):
    seen = screener_that_flags_the_catalogue
    # A worksheet named "Grounding" whose chosen answer is "Paced breathing" (value "breathing").
    page = owner_client.post(
        new_url("grounding"),
        {"before": "3", "exercise": "breathing", "after": "1", "notes": "Felt steadier"},
        follow=True,
    ).content.decode()
    assert "Paced breathing" in page and PANEL not in page
    assert seen == ["Felt steadier"]
    # A thought record's feelings and thinking traps are our words too.
    seen.clear()
    page = owner_client.post(new_url("thought-record"), CALM_THOUGHT_RECORD, follow=True)
    assert PANEL not in page.content.decode()
    assert "anxious" not in " ".join(seen).lower()
    assert "catastrophising" not in " ".join(seen).lower()
    assert "She's angry with me" in seen
    # The same stand-in does react to words the person typed.
    page = owner_client.post(
        new_url("self-compassion"), {"moment": "Paced breathing", "kind_words": "ok"}, follow=True
    ).content.decode()
    assert PANEL in page


def test_written_words_are_only_the_free_text_answers(owner_client, user):
    owner_client.post(
        new_url("emotion"), {"emotion": "anxious", "intensity": "7", "makes_sense": "Big day"}
    )
    entry = Entry.objects.get(user=user)
    assert practice_services.written_words(entry) == ["Big day"]


# --- promises -------------------------------------------------------------------------------


def test_a_promise_with_crisis_words_is_saved_and_the_next_page_offers_support(
    owner_client, user, plan
):
    text = "Call Sam when I want to kill myself"
    response = owner_client.post(
        reverse("promises:create"), {"text": text, "schedule": "daily"}, follow=True
    )
    assert Promise.objects.get(user=user).text == text
    assert response.redirect_chain[-1][0] == reverse("promises:today")
    assert_support_with_plan(response.content.decode())
    assert PANEL not in owner_client.get(reverse("promises:today")).content.decode()


def test_an_edited_promise_with_crisis_words_offers_support(owner_client, user, plan):
    promise = PromiseFactory(user=user, text="Drink water")
    response = owner_client.post(
        reverse("promises:edit", args=[promise.pk]),
        {"text": "Text Sam if I feel suicidal", "schedule": "daily"},
        follow=True,
    )
    promise.refresh_from_db()
    assert promise.text == "Text Sam if I feel suicidal"
    assert response.redirect_chain[-1][0] == reverse("promises:list")
    assert_support_with_plan(response.content.decode())


def test_an_ordinary_promise_offers_nothing(owner_client, user, plan):
    response = owner_client.post(
        reverse("promises:create"), {"text": "Drink water", "schedule": "daily"}, follow=True
    )
    assert PANEL not in response.content.decode()


def test_a_check_in_note_with_crisis_words_brings_the_plan_into_the_fragment(
    owner_client, user, plan
):
    promise = PromiseFactory(user=user)
    response = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"day": user.local_today().isoformat(), "outcome": "not_this_time", "note": CRISIS},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "<html" not in fragment
    assert "Your note is saved." in fragment
    assert_support_with_plan(fragment)
    assert CheckIn.objects.get(promise=promise).note == CRISIS
    # The check-in's own panel is enough: the next full page does not repeat it.
    assert PANEL not in owner_client.get(reverse("promises:today")).content.decode()


def test_a_check_in_note_without_javascript_leads_to_the_plan_on_get_help_now(
    owner_client, user, plan
):
    promise = PromiseFactory(user=user)
    response = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"day": user.local_today().isoformat(), "outcome": "kept", "note": CRISIS},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("safety:help")
    page = response.content.decode()
    assert "Stand under a hot shower" in page
    assert page.index("Stand under a hot shower") < page.index('id="crisis-lines"')


def test_an_idiom_in_a_check_in_note_brings_no_panel(owner_client, user, plan):
    promise = PromiseFactory(user=user)
    fragment = owner_client.post(
        reverse("promises:check_in", args=[promise.pk]),
        {"day": user.local_today().isoformat(), "outcome": "kept", "note": IDIOM},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert PANEL not in fragment and "Stand under a hot shower" not in fragment


# --- PHQ-9 item 9 ---------------------------------------------------------------------------


def phq9(answers, action):
    return {**{f"item_{n}": str(a) for n, a in enumerate(answers, start=1)}, "action": action}


def test_the_item_9_panel_on_the_questionnaire_carries_the_plan(owner_client, user, plan):
    owner_client.post(reverse("assessments:take", args=["phq-9"]), phq9([0] * 8 + [2], "pause"))
    page = owner_client.get(reverse("assessments:take", args=["phq-9"])).content.decode()
    panel = page.split('id="safety-now"')[1].split("</section>")[0]
    assert "hidden" not in panel.split(">")[0]
    assert_support_with_plan(panel)


def test_the_item_9_panel_on_the_result_carries_the_plan(owner_client, user, plan):
    response = owner_client.post(
        reverse("assessments:take", args=["phq-9"]), phq9([0] * 8 + [1], "finish"), follow=True
    )
    assert AssessmentResponse.objects.get(user=user).safety_alert is True
    page = response.content.decode()
    panel = page.split('id="safety-result"')[1].split("</section>")[0]
    assert_support_with_plan(panel)


def test_the_result_panel_without_a_plan_still_has_the_crisis_lines(owner_client, user):
    page = owner_client.post(
        reverse("assessments:take", args=["phq-9"]), phq9([0] * 8 + [1], "finish"), follow=True
    ).content.decode()
    assert PANEL in page and 'href="tel:988"' in page
    assert "See my whole safety plan" not in page
    assert "Make a safety plan, when you feel ready" in page


# --- the gentler reach-out card -------------------------------------------------------------


def test_a_hard_thought_record_offers_to_reach_out_to_trusted_people(owner_client, user, sam):
    response = owner_client.post(new_url("thought-record"), THOUGHT_RECORD, follow=True)
    page = response.content.decode()
    assert REACH_OUT in page and PANEL not in page
    card = page.split('id="reach-out-heading"')[1].split("</section>")[0]
    assert "<strong>Sam</strong>" in card
    assert 'href="tel:07700900123" aria-label="Call Sam">Call</a>' in card
    assert 'href="sms:07700900123" aria-label="Text Sam">Text</a>' in card
    assert "Add someone you trust" not in card
    # Only at the moment of saving.
    entry = Entry.objects.get(user=user)
    assert REACH_OUT not in entry_page(owner_client, entry)


def test_with_nobody_on_the_list_the_card_offers_to_add_someone(owner_client, user, other_user):
    TrustedPerson.objects.create(user=other_user, name="Their friend", phone="988")
    page = owner_client.post(
        new_url("thought-record"), THOUGHT_RECORD, follow=True
    ).content.decode()
    card = page.split('id="reach-out-heading"')[1].split("</section>")[0]
    assert "Their friend" not in card
    assert f'<a href="{reverse("safety:person_create")}">Add someone you trust</a>' in card


def test_feeling_rated_exactly_7_of_10_counts_as_hard(owner_client, user):
    data = {**THOUGHT_RECORD, "emotion_1_before": "7", "emotion_1_after": "7"}
    assert (
        REACH_OUT
        in owner_client.post(new_url("thought-record"), data, follow=True).content.decode()
    )


def test_a_calm_entry_offers_nothing(owner_client, user, sam):
    data = {**THOUGHT_RECORD, "emotion_1_before": "6", "emotion_1_after": "4"}
    page = owner_client.post(new_url("thought-record"), data, follow=True).content.decode()
    assert REACH_OUT not in page and PANEL not in page


def test_the_card_is_not_added_when_the_crisis_panel_shows(owner_client, user, sam):
    page = owner_client.post(
        new_url("thought-record"), {**THOUGHT_RECORD, "situation": CRISIS}, follow=True
    ).content.decode()
    assert PANEL in page and REACH_OUT not in page


@pytest.mark.parametrize(
    "slug, data, hard",
    [
        ("grounding", {"before": "8", "exercise": "breathing", "after": "7"}, True),
        ("grounding", {"before": "8", "exercise": "breathing", "after": "6"}, False),
        ("grounding", {"before": "4", "exercise": "breathing", "after": "2"}, False),
        ("body-check-in", {"where": "Chest", "sensation": "Tight", "intensity": "8"}, True),
        ("body-check-in", {"where": "Chest", "sensation": "Tight", "intensity": "7"}, False),
        ("emotion", {"emotion": "anxious", "intensity": "9", "makes_sense": "Big day"}, True),
        ("emotion", {"emotion": "anxious", "intensity": "5", "makes_sense": "Big day"}, False),
        ("win", {"win": "Made tea"}, False),
    ],
)
def test_hard_worksheets_offer_to_reach_out(owner_client, user, sam, slug, data, hard):
    page = owner_client.post(new_url(slug), data, follow=True).content.decode()
    assert (REACH_OUT in page) is hard
    assert PANEL not in page


# --- the session flag -----------------------------------------------------------------------


def test_the_offer_is_taken_once(rf, client):
    request = rf.get("/")
    request.session = client.session
    assert support.offer_support_if_needed(request, IDIOM) is False
    assert support.support_offered(request) is False
    assert support.offer_support_if_needed(request, "Fine", CRISIS) is True
    assert support.support_offered(request) is True
    assert support.take_support_offer(request) == support.AFTER_WORDS
    assert support.take_support_offer(request) is None
    assert support.support_offered(request) is False


def test_taking_an_offer_without_a_session_is_safe(rf):
    assert support.take_support_offer(rf.get("/")) is None


def test_save_and_finish_later_with_item_9_above_0_shows_support_on_the_next_page(
    owner_client, user, plan
):
    # Without JavaScript the panel beside item 9 never appeared; the page after pausing has it.
    response = owner_client.post(
        reverse("assessments:take", args=["phq-9"]), phq9([0] * 8 + [1], "pause"), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("assessments:overview")
    page = response.content.decode()
    panel = page.split('id="support-after-saving"')[1].split("</section>")[0]
    assert "Thank you for answering honestly" in panel
    assert_support_with_plan(panel)
    assert not AssessmentResponse.objects.filter(user=user).exists()  # a draft, not a result


def test_save_and_finish_later_with_item_9_at_0_offers_nothing(owner_client, user, plan):
    response = owner_client.post(
        reverse("assessments:take", args=["phq-9"]), phq9([1] * 8 + [0], "pause"), follow=True
    )
    assert PANEL not in response.content.decode()


def test_a_plan_that_names_its_helpers_only_in_words_still_gives_a_call_button(
    owner_client, user, sam
):
    # "My sister Ana" is in the plan, but nobody from the trusted list: the list comes too.
    SafetyPlan.objects.create(user=user, asking_for_help="My sister Ana")
    response = owner_client.post(
        new_url("self-compassion"), {"moment": CRISIS, "kind_words": "Stay"}, follow=True
    )
    page = response.content.decode()
    assert PANEL in page and "My sister Ana" in page
    assert 'href="tel:07700900123" aria-label="Call Sam"' in page


def test_a_plan_that_names_trusted_people_shows_them_once(owner_client, user, plan):
    response = owner_client.post(
        new_url("self-compassion"), {"moment": CRISIS, "kind_words": "Stay"}, follow=True
    )
    panel = response.content.decode().split('id="support-after-saving"')[1].split("</section>")[0]
    assert panel.count('aria-label="Call Sam"') == 1


def test_a_session_note_too_long_with_crisis_words_brings_support_with_the_correction(
    owner_client, user, plan
):
    from selftrust.care.models import SESSION_NOTE_LIMIT, SessionNote

    words = CRISIS + " " + "x" * SESSION_NOTE_LIMIT
    response = owner_client.post(reverse("care:notes"), {"text": words})
    assert response.status_code == 400
    assert PANEL in response.content.decode().replace("&#x27;", "'")
    assert not SessionNote.objects.exists()
