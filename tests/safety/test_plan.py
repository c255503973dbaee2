import json
import re

import pytest
from django.urls import reverse
from django.utils.html import conditional_escape

from selftrust.drafts.models import Draft
from selftrust.safety.models import SafetyPlan, TrustedPerson
from selftrust.safety.plan import SECTION_FIELDS
from selftrust.safety.templatetags.safety_support import with_phone_links

pytestmark = pytest.mark.django_db

PLAN = reverse("safety:plan")
EDIT = reverse("safety:plan_edit")
DRAFT_KEY = "safety-plan"
AUTOSAVE = reverse("drafts:autosave", args=[DRAFT_KEY])
DISCARD = reverse("drafts:discard", args=[DRAFT_KEY])
DELETE = reverse("safety:plan_delete")
HELP = reverse("safety:help")

SECTIONS = {
    "warning_signs": "Not sleeping\n\n   \nCancelling on friends",
    "coping_on_my_own": "A hot shower\nWalk round the block",
    "people_and_places": "The library",
    "asking_for_help": "My sister",
    "professionals": "Dr Ade 020 7946 0000\nCrisis team +44 20 7946 0999",
    "safer_surroundings": "Ask Sam to keep my medication",
    "reasons_for_living": "My cat\nSeeing the sea again",
}


def plan_data(**overrides):
    return {**SECTIONS, **overrides}


def textarea(page, name):
    """What a textarea on the page holds (as HTML, escaped)."""
    found = re.search(rf'<textarea name="{name}"[^>]*>(.*?)</textarea>', page, re.DOTALL)
    assert found, f"no textarea {name}"
    return found.group(1).strip()


def person(user, name="Sam", phone="07700 900123", **extra):
    return TrustedPerson.objects.create(user=user, name=name, phone=phone, **extra)


# --- the plan page --------------------------------------------------------------------------


def test_without_a_plan_the_page_invites_making_one(owner_client):
    response = owner_client.get(PLAN)
    assert response.status_code == 200
    page = response.content.decode()
    assert "A safety plan is a short list" in page
    assert f'href="{EDIT}"' in page and "Make my safety plan" in page
    assert "Delete my safety plan" not in page


def test_a_new_plan_starts_with_the_configured_crisis_lines(owner_client):
    page = owner_client.get(EDIT).content.decode()
    assert "Make my safety plan" in page
    professionals = textarea(page, "professionals")
    assert professionals == (
        "988 Suicide &amp; Crisis Lifeline: call 988, text 988\nEmergency services: call 911"
    )
    assert textarea(page, "warning_signs") == ""


def test_the_starter_crisis_lines_follow_the_operators_file(owner_client, settings, tmp_path):
    path = tmp_path / "resources.json"
    path.write_text(
        json.dumps(
            [
                {"name": "Im Notfall", "description": "112 anrufen", "contacts": []},
                {
                    "name": "Telefonseelsorge",
                    "contacts": [
                        {"label": "Anrufen", "value": "0800 111 0 111", "href": "tel:08001110111"},
                        {"label": "Chat", "value": "online", "href": "https://example.org/chat"},
                    ],
                },
            ]
        )
    )
    settings.CRISIS_RESOURCES_FILE = str(path)
    page = owner_client.get(EDIT).content.decode()
    # Only ways to call or text are pre-filled; a resource with none is left out.
    assert textarea(page, "professionals") == "Telefonseelsorge: anrufen 0800 111 0 111"
    assert "988" not in textarea(page, "professionals")


def test_an_existing_plan_is_not_pre_filled_again(owner_client, user):
    SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    page = owner_client.get(EDIT).content.decode()
    assert "Change my safety plan" in page
    assert textarea(page, "professionals") == ""
    assert textarea(page, "reasons_for_living") == "My cat"


def test_saving_keeps_every_section_and_the_chosen_people(owner_client, user):
    sam = person(user, "Sam")
    ana = person(user, "Ana", phone="", email="ana@example.org")
    person(user, "Not chosen")
    response = owner_client.post(
        EDIT, plan_data(company_people=[str(sam.pk)], help_people=[str(sam.pk), str(ana.pk)])
    )
    assert response.status_code == 302 and response["Location"] == PLAN
    plan = SafetyPlan.objects.get(user=user)
    for field in SECTION_FIELDS:
        assert getattr(plan, field).replace("\r\n", "\n") == SECTIONS[field]
    assert list(plan.company_people.all()) == [sam]
    assert set(plan.help_people.all()) == {sam, ana}


def test_the_plan_page_shows_every_item_one_per_line(owner_client, user):
    sam = person(user, "Sam")
    owner_client.post(EDIT, plan_data(help_people=[str(sam.pk)]))
    response = owner_client.get(PLAN)
    page = response.content.decode()
    for title in (
        "My warning signs",
        "Things I can do on my own",
        "People and places that help me feel better",
        "People I can ask for help",
        "Professionals and services I can contact",
        "Making my surroundings safer",
        "My reasons for living",
    ):
        assert title in page
    for item in (
        "Not sleeping",
        "Cancelling on friends",
        "A hot shower",
        "Walk round the block",
        "The library",
        "My sister",
        "Ask Sam to keep my medication",
        "My cat",
        "Seeing the sea again",
    ):
        assert f"<li>{item}</li>" in page
    assert "<li></li>" not in page
    # Blank lines are dropped: exactly two warning signs.
    warning = page.split('id="plan-warning_signs"')[1].split("</section>")[0]
    assert warning.count("<li>") == 2
    # The chosen person, with a way to reach them, in "People I can ask for help".
    asking = page.split('id="plan-asking_for_help"')[1].split("</section>")[0]
    assert "<strong>Sam</strong>" in asking and 'href="tel:07700900123"' in asking
    # Phone numbers among the professionals are one tap away.
    assert '<li>Dr Ade <a href="tel:02079460000">020 7946 0000</a></li>' in page
    assert 'Crisis team <a href="tel:+442079460999">+44 20 7946 0999</a>' in page
    # The crisis lines close the plan.
    assert (
        "If I might act on thoughts of suicide or hurting myself, am hurt, or am in danger" in page
        and 'href="tel:988"' in page
    )
    assert "Nothing here yet." not in page


def test_an_empty_section_says_so(owner_client, user):
    owner_client.post(EDIT, {"reasons_for_living": "My cat"})
    page = owner_client.get(PLAN).content.decode()
    assert page.count("Nothing here yet.") == 6


@pytest.mark.parametrize(
    "line, html",
    [
        ("Dr Ade 020 7946 0000", 'Dr Ade <a href="tel:02079460000">020 7946 0000</a>'),
        ("+44 20 7946 0000 (out of hours)", '<a href="tel:+442079460000">+44 20 7946 0000</a>'),
        ("GP +44 (0)20 7946 0000", 'GP <a href="tel:+442079460000">+44 (0)20 7946 0000</a>'),
        (
            "Call 988 or 116 123",
            'Call <a href="tel:988">988</a> or <a href="tel:116123">116 123</a>',
        ),
        ("Call (555) 555-0100 now", 'Call <a href="tel:5555550100">(555) 555-0100</a> now'),
        ("My GP (020 7946 0000)", 'My GP (<a href="tel:02079460000">020 7946 0000</a>)'),
        ("My therapist (weekdays 9-5)", "My therapist (weekdays 9-5)"),
        ("My GP surgery", "My GP surgery"),
        (
            "Lifeline: call 988, text 988",
            'call <a href="tel:988">988</a>, text <a href="sms:988">988</a>',
        ),
        ("Shout: SMS 85258", 'SMS <a href="sms:85258">85258</a>'),
    ],
)
def test_phone_numbers_in_a_line_become_call_links(line, html):
    assert html in conditional_escape(with_phone_links(line))


def test_markup_in_a_line_is_escaped_never_rendered():
    assert conditional_escape(with_phone_links("<b>Dr</b> & co 988")) == (
        '&lt;b&gt;Dr&lt;/b&gt; &amp; co <a href="tel:988">988</a>'
    )
    assert conditional_escape(with_phone_links("988 <img src=x> 116 123 & <b>after</b>")) == (
        '<a href="tel:988">988</a> &lt;img src=x&gt; <a href="tel:116123">116 123</a>'
        " &amp; &lt;b&gt;after&lt;/b&gt;"
    )
    assert conditional_escape(with_phone_links("<i>no number</i>")) == (
        "&lt;i&gt;no number&lt;/i&gt;"
    )


def test_markup_stored_in_a_plan_is_shown_as_text(owner_client, user):
    # The form refuses markup; this is what the page would do if some got in anyway.
    SafetyPlan.objects.create(
        user=user,
        professionals="<script>alert(1)</script> Dr Ade 020 7946 0000 <b>after</b>",
        reasons_for_living="<img src=x onerror=alert(2)>",
    )
    for url in (PLAN, HELP):
        page = owner_client.get(url).content.decode()
        assert "<script>alert(1)" not in page and "<img src=x" not in page
        assert '&lt;script&gt;alert(1)&lt;/script&gt; Dr Ade <a href="tel:02079460000">' in page
        assert "&lt;img src=x onerror=alert(2)&gt;" in page
        assert "0000</a> &lt;b&gt;after&lt;/b&gt;" in page and "<b>after" not in page


def test_the_plan_can_be_changed_later(owner_client, user):
    sam = person(user, "Sam")
    ana = person(user, "Ana")
    owner_client.post(EDIT, plan_data(help_people=[str(sam.pk)]))
    page = owner_client.get(EDIT).content.decode()
    assert "Change my safety plan" in page
    assert "My cat" in textarea(page, "reasons_for_living")
    response = owner_client.post(
        EDIT,
        plan_data(reasons_for_living="My niece", warning_signs="", help_people=[str(ana.pk)]),
    )
    assert response.status_code == 302
    plan = SafetyPlan.objects.get(user=user)
    assert (plan.reasons_for_living, plan.warning_signs) == ("My niece", "")
    assert list(plan.help_people.all()) == [ana]
    assert SafetyPlan.objects.count() == 1
    page = owner_client.get(PLAN).content.decode()
    assert "<li>My niece</li>" in page and "My cat" not in page


# --- drafts ---------------------------------------------------------------------------------


def test_what_is_typed_is_kept_as_a_draft_and_restored(owner_client, user):
    sam = person(user, "Sam")
    ana = person(user, "Ana")
    response = owner_client.post(
        AUTOSAVE,
        {"coping_on_my_own": "Half a thought 🌧️", "help_people": [str(sam.pk), str(ana.pk)]},
    )
    assert response.status_code == 204
    assert Draft.objects.get(user=user, key=DRAFT_KEY).data["coping_on_my_own"] == [
        "Half a thought 🌧️"
    ]
    assert not SafetyPlan.objects.exists()
    page = owner_client.get(EDIT).content.decode()
    assert "We kept what you were writing" in page
    assert textarea(page, "coping_on_my_own") == "Half a thought 🌧️"
    # Every chosen person comes back, not just the last.
    for chosen in (sam, ana):
        assert re.search(rf'name="help_people" value="{chosen.pk}"[^>]*checked', page)
    assert not re.search(r'name="company_people"[^>]*checked', page)


def test_a_draft_restores_over_the_saved_plan(owner_client, user):
    SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    owner_client.post(AUTOSAVE, {"reasons_for_living": "My cat\nMy niece"})
    page = owner_client.get(EDIT).content.decode()
    assert textarea(page, "reasons_for_living") == "My cat\nMy niece"
    assert SafetyPlan.objects.get().reasons_for_living == "My cat"


def test_without_a_draft_there_is_no_notice(owner_client):
    assert "We kept what you were writing" not in owner_client.get(EDIT).content.decode()


def test_a_draft_can_be_discarded(owner_client, user):
    SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    owner_client.post(AUTOSAVE, {"reasons_for_living": "Unsaved words"})
    response = owner_client.post(DISCARD)
    assert response.status_code == 302 and response["Location"] == EDIT
    assert not Draft.objects.filter(user=user).exists()
    page = owner_client.get(EDIT).content.decode()
    assert "We kept what you were writing" not in page
    assert textarea(page, "reasons_for_living") == "My cat"


def test_discarding_needs_a_post(owner_client, user):
    owner_client.post(AUTOSAVE, {"reasons_for_living": "Unsaved words"})
    assert owner_client.get(DISCARD).status_code == 405
    assert Draft.objects.filter(user=user, key=DRAFT_KEY).exists()


def test_saving_clears_the_draft_and_a_late_autosave_does_not_bring_it_back(owner_client, user):
    owner_client.post(AUTOSAVE, {"reasons_for_living": "Half typed"})
    owner_client.post(EDIT, plan_data())
    assert not Draft.objects.filter(user=user).exists()
    # An autosave sent just before Save, arriving after it, is ignored.
    assert owner_client.post(AUTOSAVE, {"reasons_for_living": "Half typed"}).status_code == 204
    assert not Draft.objects.filter(user=user).exists()
    assert "We kept what you were writing" not in owner_client.get(EDIT).content.decode()


def test_drafts_are_only_mine(owner_client, client, user, other_user):
    Draft.objects.create(user=other_user, key=DRAFT_KEY, data={"warning_signs": ["Theirs"]})
    page = owner_client.get(EDIT).content.decode()
    assert "Theirs" not in page and "We kept what you were writing" not in page


# --- bad input ------------------------------------------------------------------------------


def test_markup_is_refused_kindly_and_kept_for_the_person(owner_client, user):
    data = plan_data(coping_on_my_own="<script>alert(1)</script> and a walk")
    response = owner_client.post(EDIT, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Something below needs another look" in page
    assert "Plain words are all we need here" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; and a walk" in page
    assert "<script>alert(1)" not in page
    assert "My cat" in textarea(page, "reasons_for_living")
    assert not SafetyPlan.objects.exists()
    draft = Draft.objects.get(user=user, key=DRAFT_KEY)
    assert draft.data["coping_on_my_own"] == ["<script>alert(1)</script> and a walk"]
    assert draft.data["reasons_for_living"] == [SECTIONS["reasons_for_living"]]
    assert "csrfmiddlewaretoken" not in draft.data


@pytest.mark.parametrize("bad", ["Walk\x00 round the block", "Walk\x07 round the block"])
def test_control_characters_are_refused_kindly(owner_client, user, bad):
    response = owner_client.post(EDIT, plan_data(coping_on_my_own=bad))
    assert response.status_code == 400
    page = response.content.decode()
    assert "invisible control characters" in page
    assert "round the block" in textarea(page, "coping_on_my_own")
    assert not SafetyPlan.objects.exists()
    kept = Draft.objects.get(user=user, key=DRAFT_KEY).data["coping_on_my_own"][0]
    # NUL never reaches the database, not even in a draft; the words around it do.
    assert "\x00" not in kept and kept.startswith("Walk") and kept.endswith("round the block")


def test_a_section_over_the_limit_is_refused_kindly(owner_client, user):
    response = owner_client.post(EDIT, plan_data(warning_signs="x" * 1001))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please keep each part to 1000 characters or fewer." in page
    assert "x" * 1001 in page
    assert not SafetyPlan.objects.exists()
    assert Draft.objects.get(user=user).data["warning_signs"] == ["x" * 1001]


def test_a_section_at_the_limit_is_fine(owner_client, user):
    assert owner_client.post(EDIT, plan_data(warning_signs="x" * 1000)).status_code == 302
    assert SafetyPlan.objects.get().warning_signs == "x" * 1000


@pytest.mark.parametrize("field", ["company_people", "help_people"])
def test_someone_elses_trusted_person_cannot_be_chosen(owner_client, user, other_user, field):
    theirs = person(other_user, "Their friend")
    response = owner_client.post(EDIT, plan_data(**{field: [str(theirs.pk)]}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please choose from the people on your trusted list." in page
    assert "Their friend" not in page
    assert "My cat" in textarea(page, "reasons_for_living")
    assert not SafetyPlan.objects.exists()
    assert Draft.objects.get(user=user).data[field] == [str(theirs.pk)]


def test_a_person_removed_while_the_form_was_open_is_explained(owner_client, user):
    sam = person(user, "Sam")
    page = owner_client.get(EDIT).content.decode()
    assert f'name="help_people" value="{sam.pk}"' in page
    sam.delete()  # in another tab
    response = owner_client.post(EDIT, plan_data(help_people=[str(sam.pk)]))
    assert response.status_code == 400
    page = response.content.decode()
    # The summary links to the message, and the message is on the page.
    assert 'href="#id_help_people"' in page and 'id="id_help_people"' in page
    assert "Please choose from the people on your trusted list." in page
    assert not SafetyPlan.objects.exists()


def test_someone_elses_person_cannot_be_added_to_an_existing_plan(owner_client, user, other_user):
    mine = person(user, "Sam")
    plan = SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    plan.help_people.add(mine)
    theirs = person(other_user, "Their friend")
    response = owner_client.post(
        EDIT, plan_data(help_people=[str(mine.pk), str(theirs.pk)], reasons_for_living="Changed")
    )
    assert response.status_code == 400
    plan.refresh_from_db()
    assert plan.reasons_for_living == "My cat"
    assert list(plan.help_people.all()) == [mine]


@pytest.mark.parametrize("value", ["abc", "1.5", "-"])
@pytest.mark.parametrize("has_people", [False, True])
def test_a_person_id_that_is_not_a_number_is_refused(owner_client, user, value, has_people):
    if has_people:
        person(user, "Sam")
    response = owner_client.post(EDIT, plan_data(company_people=[value]))
    assert response.status_code == 400
    assert "Please choose from the people on your trusted list." in response.content.decode()
    assert not SafetyPlan.objects.exists()
    assert Draft.objects.get(user=user).data["company_people"] == [value]


# --- deleting -------------------------------------------------------------------------------


def test_deleting_asks_first_and_keeps_the_trusted_people(owner_client, user):
    sam = person(user, "Sam")
    owner_client.post(EDIT, plan_data(help_people=[str(sam.pk)]))
    response = owner_client.get(DELETE)
    assert response.status_code == 200
    assert "Delete my safety plan?" in response.content.decode()
    assert SafetyPlan.objects.filter(user=user).exists()
    response = owner_client.post(DELETE)
    assert response.status_code == 302 and response["Location"] == PLAN
    assert not SafetyPlan.objects.filter(user=user).exists()
    assert list(TrustedPerson.objects.filter(user=user)) == [sam]
    assert "A safety plan is a short list" in owner_client.get(PLAN).content.decode()


def test_deleting_also_clears_a_draft(owner_client, user):
    SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    owner_client.post(AUTOSAVE, {"warning_signs": "Something"})
    assert Draft.objects.filter(user=user, key=DRAFT_KEY).exists()
    owner_client.post(DELETE)
    assert not Draft.objects.filter(user=user, key=DRAFT_KEY).exists()


def test_there_is_nothing_to_delete_without_a_plan(owner_client):
    assert owner_client.get(DELETE).status_code == 404
    assert owner_client.post(DELETE).status_code == 404


def test_deleting_my_plan_leaves_other_plans_alone(owner_client, user, other_user):
    SafetyPlan.objects.create(user=user, reasons_for_living="Mine")
    SafetyPlan.objects.create(user=other_user, reasons_for_living="Theirs")
    owner_client.post(DELETE)
    assert list(SafetyPlan.objects.values_list("reasons_for_living", flat=True)) == ["Theirs"]


def test_my_plan_page_never_shows_someone_elses_plan(owner_client, other_user):
    SafetyPlan.objects.create(user=other_user, reasons_for_living="Their secret reason")
    page = owner_client.get(PLAN).content.decode()
    assert "Their secret reason" not in page and "A safety plan is a short list" in page


# --- login ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, url",
    [
        ("get", PLAN),
        ("get", EDIT),
        ("post", EDIT),
        ("post", AUTOSAVE),
        ("post", DISCARD),
        ("get", DELETE),
        ("post", DELETE),
    ],
)
def test_every_plan_page_needs_a_login(client, other_user, method, url):
    SafetyPlan.objects.create(user=other_user, reasons_for_living="x")
    response = getattr(client, method)(url, plan_data())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert SafetyPlan.objects.count() == 1
    assert not Draft.objects.exists()


# --- Get help now ---------------------------------------------------------------------------


def test_get_help_now_shows_my_plan_before_the_crisis_lines(owner_client, user):
    sam = person(user, "Sam")
    owner_client.post(EDIT, plan_data(help_people=[str(sam.pk)]))
    page = owner_client.get(HELP).content.decode()
    crisis_lines = page.index('id="crisis-lines"')
    assert page.index("My safety plan") < crisis_lines
    for item in ("<li>Not sleeping</li>", "<li>A hot shower</li>", "<li>My cat</li>"):
        assert page.index(item) < crisis_lines
    assert page.index('href="tel:07700900123"') < crisis_lines
    assert page.index('href="tel:02079460000"') < crisis_lines
    assert 'href="tel:988"' in page[crisis_lines:]
    assert "Make my safety plan" not in page


def test_get_help_now_invites_a_plan_when_signed_in_without_one(owner_client):
    page = owner_client.get(HELP).content.decode()
    assert "Make my safety plan" in page and f'href="{PLAN}"' in page
    assert "my-plan-heading" not in page
    assert 'href="tel:988"' in page


def test_get_help_now_shows_trusted_people_when_there_is_no_plan(owner_client, user):
    person(user, "Sam")
    page = owner_client.get(HELP).content.decode()
    assert page.index("<strong>Sam</strong>") < page.index('id="crisis-lines"')
    assert 'href="tel:07700900123"' in page and "Make my safety plan" in page


def test_get_help_now_works_logged_out_with_neither(client, other_user):
    SafetyPlan.objects.create(user=other_user, reasons_for_living="Their reason")
    response = client.get(HELP)
    assert response.status_code == 200
    page = response.content.decode()
    assert "my-plan-heading" not in page and "Make my safety plan" not in page
    assert "Their reason" not in page
    assert 'href="tel:988"' in page


def test_the_plan_names_the_emergency_number_once(owner_client, user):
    """Printed, a link is only its words: "Call 911." then a "Call 911" link read twice."""
    SafetyPlan.objects.create(user=user, warning_signs=["Not sleeping"])
    page = owner_client.get(reverse("safety:plan")).content.decode()
    crisis_lines = page.split('class="plan-crisis-lines"', 1)[1].split("</section>", 1)[0]
    words = re.sub(r"<[^>]+>", " ", crisis_lines)
    assert words.count("911") == 1
    assert 'href="tel:911"' in crisis_lines
