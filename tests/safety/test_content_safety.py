"""The safety-critical words of the content pass (issue 10), pinned so they can't quietly go."""

import re
from html import unescape

import pytest
from django.urls import reverse

from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.safety.test_review_fixes import crisis_save

pytestmark = pytest.mark.django_db


def test_making_surroundings_safer_counsels_on_firearms_and_medicines(owner_client):
    page = owner_client.get(reverse("safety:plan_edit")).content.decode()
    assert "If there is a gun in your home, the safest place for it while things are hard is " in (
        " ".join(page.split())
    )
    page = " ".join(unescape(page).split())
    assert "with the ammunition locked away separately" in page
    assert "Check the law where you live first" in page
    assert "Medicines: keep only small amounts at home, a few days' worth at most" in page
    assert "painkillers you can buy without a prescription" in page
    assert "Alcohol and drugs make it harder to ride out an urge" in page


def test_the_privacy_page_says_the_operator_can_read_everything(client):
    page = " ".join(client.get(reverse("web:privacy")).content.decode().split())
    assert "Whoever runs this server can read its database" in page
    assert "someone who has hurt you or watches what you do" in page
    assert 'href="/help/#support-lines"' in page


def test_the_support_panel_starts_with_reasons_for_living_and_keeps_them_short(owner_client, user):
    sam = TrustedPerson.objects.create(user=user, name="Sam", phone="07700 900123")
    plan = SafetyPlan.objects.create(
        user=user,
        reasons_for_living="My cat\nThe sea\nMy niece\nFinishing my course",
        coping_on_my_own="A hot shower",
        safer_surroundings="Sam keeps my tablets",
    )
    plan.help_people.add(sam)
    panel = crisis_save(owner_client).split('id="support-after-saving"')[1].split("</section>")[0]
    headings = [part.split("</h3>")[0] for part in panel.split("<h3>")[1:]]
    assert headings[:4] == [
        "My reasons for living",
        "Things I can do on my own",
        "People I can ask for help",
        "Making my surroundings safer",
    ]
    assert "My niece" in panel and "Finishing my course" not in panel  # the first three
    assert "Sam keeps my tablets" in panel


def test_ground_me_now_puts_present_danger_first_and_offers_tipp_stop_and_a_breath_alternative(
    client,
):
    page = " ".join(client.get(reverse("safety:ground")).content.decode().split())
    assert (
        "If you are not safe where you are right now, that matters more than any exercise" in page
    )
    assert "TIPP: when feelings are very strong" in page and "STOP: before you act" in page
    assert "let it go and use 5-4-3-2-1 above instead" in page


def test_pcl5_has_a_content_note_before_and_aftercare_after(owner_client):
    page = unescape(owner_client.get(reverse("assessments:take", args=["pcl-5"])).content.decode())
    assert "Keep your worst event in mind, but you don't need to describe it" in page
    response = owner_client.post(
        reverse("assessments:take", args=["pcl-5"]),
        {**{f"item_{n}": "0" for n in range(1, 21)}, "action": "finish"},
        follow=True,
    )
    page = unescape(response.content.decode())
    assert "That took something." in page and 'href="/ground/"' in page
    assert "This is not a measure of how much you went through" in page


def test_abuse_services_are_not_promised_to_keep_everything_to_themselves(client):
    page = " ".join(unescape(client.get(reverse("safety:help")).content.decode()).split())
    assert "never make you do anything" not in page
    assert "you can ask them before you say more" in page
    assert "Calls and texts to these lines appear in your phone's history" in page


def test_the_emergency_row_says_what_the_number_is_for(client):
    page = " ".join(
        unescape(
            client.get(reverse("safety:help"), HTTP_ACCEPT_LANGUAGE="pt-BR").content.decode()
        ).split()
    )
    first_screen = page.split('id="crisis-lines"')[0]
    assert "Ambulance (SAMU). Police: 190." in first_screen and 'href="tel:192"' in first_screen


def test_high_phq9_bands_ask_for_a_doctor_soon_and_the_pcl5_note_does_not_minimise():
    from selftrust.assessments.instruments import INSTRUMENTS

    phq9 = INSTRUMENTS["phq-9"]
    assert "Please talk with a doctor or therapist soon." in phq9.band_for(17).meaning
    assert "Please contact a doctor in the next few days." in phq9.band_for(22).meaning
    assert "trauma-focused therapies help many people" in INSTRUMENTS["pcl-5"].does_not_tell


def test_the_support_panel_says_what_to_do_if_someone_might_act_soon(owner_client):
    page = " ".join(unescape(crisis_save(owner_client)).split())
    panel = page.split('id="support-after-saving"')[1].split("</section>")[0]
    assert "If you might act on these thoughts soon, or have already hurt yourself," in panel
    assert 'href="tel:911"' in panel and "nearest emergency department" in panel


def test_crisis_lines_say_when_they_may_call_emergency_services(client):
    page = " ".join(unescape(client.get(reverse("safety:help")).content.decode()).split())
    assert "some may contact emergency services" in page


@pytest.mark.parametrize("slug, direction", [("phq-9", "higher"), ("who-5", "lower")])
def test_the_trend_page_says_which_direction_is_worth_a_clinicians_ear(
    owner_client, slug, direction
):
    page = unescape(owner_client.get(reverse("assessments:history", args=[slug])).content.decode())
    assert f"that means {direction} scores" in page


def test_plan_and_people_pages_do_not_promise_that_only_the_person_can_see_them(owner_client):
    for name in ("safety:plan", "safety:people"):
        page = " ".join(unescape(owner_client.get(reverse(name)).content.decode()).split())
        assert "whoever runs this server can read everything stored on it" in page
        assert "Only you can see" not in page


def test_stop_points_an_urge_to_hurt_oneself_to_the_plan(client):
    html = client.get(reverse("safety:ground")).content.decode()
    page = " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
    assert "If the urge is to hurt yourself, your next step is Get help now" in page


def test_a_phq9_with_item_9_never_reads_as_reassuring(owner_client):
    response = owner_client.post(
        reverse("assessments:take", args=["phq-9"]),
        {**{f"item_{n}": "0" for n in range(1, 9)}, "item_9": "1", "action": "finish"},
        follow=True,
    )
    page = " ".join(unescape(response.content.decode()).split())
    assert "matters more than the total" in page
    assert "Few signs of low mood right now." not in page


def test_the_history_and_fhir_never_read_as_reassuring_after_item_9(owner_client, user):
    from selftrust.assessments.fhir import fhir_bundle
    from selftrust.assessments.models import AssessmentResponse

    owner_client.post(
        reverse("assessments:take", args=["phq-9"]),
        {**{f"item_{n}": "0" for n in range(1, 9)}, "item_9": "2", "action": "finish"},
    )
    page = owner_client.get(reverse("assessments:history", args=["phq-9"])).content.decode()
    # The chart names its shaded ranges (a legend, band-label); no result is read as one.
    results = re.sub(r'<text class="band-label"[^>]*>[^<]*</text>', "", page)
    assert "Question 9 answered: see details" in results and ">Minimal<" not in results
    bundle = fhir_bundle(AssessmentResponse.objects.get(user=user))
    texts = [
        interpretation["text"]
        for entry in bundle["entry"]
        for interpretation in entry["resource"].get("interpretation", [])
    ]
    assert texts and all("not reassuring on its own" in text for text in texts)
