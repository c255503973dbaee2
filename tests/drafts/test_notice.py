"""The same "we kept your draft" notice and the same script on every form that keeps drafts."""

import pytest
from django.urls import reverse

from tests.drafts.factories import DraftFactory
from tests.factories import DecisionFactory, EntryFactory

pytestmark = pytest.mark.django_db

KEPT = "We kept what you were writing last time; it's below."
SCRIPT = "drafts/save-as-you-type"


def page(client, url) -> str:
    return client.get(url).content.decode()


def forms_and_keys(user):
    entry = EntryFactory(user=user, practice="win")
    decision = DecisionFactory(entry__user=user)
    return [
        (reverse("practices:new", args=["win"]), "practice:win:new"),
        (reverse("practices:edit", args=[entry.pk]), f"practice:win:edit:{entry.pk}"),
        (
            reverse("practices:review", args=[decision.entry_id]),
            f"practice:decision:review:{decision.entry_id}",
        ),
        (reverse("safety:plan_edit"), "safety-plan"),
        (reverse("assessments:take", args=["phq-9"]), "assessment:phq-9"),
    ]


def test_every_form_posts_its_draft_to_the_one_autosave_with_the_one_script(owner_client, user):
    for url, key in forms_and_keys(user):
        html = page(owner_client, url)
        assert f'data-autosave="{reverse("drafts:autosave", args=[key])}"' in html, url
        assert f'hx-post="{reverse("drafts:autosave", args=[key])}"' in html, url
        assert SCRIPT in html, url
        assert 'class="draft-notice"' not in html, url


def test_every_form_opening_with_a_draft_says_so_and_offers_to_clear_it(owner_client, user):
    for url, key in forms_and_keys(user):
        DraftFactory(user=user, key=key, data={"words": ["Kept"]})
        html = page(owner_client, url)
        assert 'class="draft-notice" role="status"' in html, url
        assert f'action="{reverse("drafts:discard", args=[key])}"' in html, url
        assert f'name="next" value="{url}"' in html, url


def test_a_questionnaire_says_its_answers_were_kept(owner_client, user):
    DraftFactory(user=user, key="assessment:gad-7", data={"item_1": ["2"]})
    html = page(owner_client, reverse("assessments:take", args=["gad-7"]))
    assert "We kept the answers you gave last time" in html
    assert "Clear them and start fresh" in html
    assert 'name="item_1" value="2"' in html and "checked" in html


def test_practice_and_plan_notices_read_the_same(owner_client, user):
    DraftFactory(user=user, key="practice:win:new")
    DraftFactory(user=user, key="safety-plan", data={"warning_signs": ["Kept"]})
    assert KEPT in page(owner_client, reverse("practices:new", args=["win"]))
    assert KEPT in page(owner_client, reverse("safety:plan_edit"))
