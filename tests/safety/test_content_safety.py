"""The safety-critical words of the content pass (issue 10), pinned so they can't quietly go."""

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
    assert "with the ammunition locked away separately" in page
    assert "Medicines: keep only what you need for the next few days at home" in page


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
