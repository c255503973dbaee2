import pytest
from django.urls import reverse

from selftrust.safety.models import SafetyPlan, TrustedPerson

pytestmark = pytest.mark.django_db

PEOPLE = reverse("safety:people")
NEW = reverse("safety:person_create")
PLAN = reverse("safety:plan")
PLAN_EDIT = reverse("safety:plan_edit")

SAM = {
    "name": "Sam",
    "phone": "+44 20 7946 0000",
    "email": "sam@example.org",
    "good_for": "Good listener",
}


def edit_url(person):
    return reverse("safety:person_edit", args=[person.pk])


def delete_url(person):
    return reverse("safety:person_delete", args=[person.pk])


def person(user, name="Sam", **extra):
    return TrustedPerson.objects.create(user=user, name=name, **extra)


# --- the list -------------------------------------------------------------------------------


def test_an_empty_list_invites_adding_someone(owner_client):
    response = owner_client.get(PEOPLE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "No one yet." in page
    assert f'href="{NEW}"' in page


def test_someone_is_added_and_listed_with_ways_to_reach_them(owner_client, user):
    assert owner_client.get(NEW).status_code == 200
    response = owner_client.post(NEW, SAM)
    assert response.status_code == 302 and response["Location"] == PEOPLE
    sam = TrustedPerson.objects.get(user=user)
    assert (sam.name, sam.phone, sam.email, sam.good_for) == tuple(SAM.values())
    page = owner_client.get(PEOPLE).content.decode()
    assert "Sam is on your list." in page
    assert '<h2 class="person-name">Sam</h2>' in page
    assert "Good listener" in page and "+44 20 7946 0000" in page
    assert 'href="tel:+442079460000" aria-label="Call Sam"' in page
    assert 'href="sms:+442079460000" aria-label="Text Sam"' in page
    assert 'href="mailto:sam@example.org" aria-label="Email Sam"' in page
    assert f'href="{edit_url(sam)}"' in page and f'href="{delete_url(sam)}"' in page


def test_only_a_name_is_needed(owner_client, user):
    assert owner_client.post(NEW, {"name": "Nana"}).status_code == 302
    nana = TrustedPerson.objects.get(user=user)
    assert (nana.phone, nana.email, nana.good_for) == ("", "", "")
    page = owner_client.get(PEOPLE).content.decode()
    assert "Nana" in page
    assert "tel:" not in page and "sms:" not in page and "mailto:" not in page


def test_email_only_gets_an_email_link_and_no_call_link(owner_client, user):
    owner_client.post(NEW, {"name": "Ana", "email": "ana@example.org"})
    page = owner_client.get(PEOPLE).content.decode()
    assert 'href="mailto:ana@example.org"' in page
    assert 'aria-label="Call Ana"' not in page and 'aria-label="Text Ana"' not in page


def test_the_list_shows_only_my_people_in_name_order(owner_client, user, other_user):
    person(user, "Zoe")
    person(user, "Ana")
    person(other_user, "Their friend", phone="0207 946 0111")
    page = owner_client.get(PEOPLE).content.decode()
    assert "Their friend" not in page and "02079460111" not in page
    assert page.index("Ana") < page.index("Zoe")


@pytest.mark.parametrize(
    "phone, href",
    [
        ("+44 (0)20 7946 0000", "tel:+442079460000"),
        ("988", "tel:988"),
        ("116 123", "tel:116123"),
        ("(020) 7946-0000", "tel:02079460000"),
        ("(555) 555-0100", "tel:5555550100"),
        ("020.7946.0000", "tel:02079460000"),
        ("  07700 900123  ", "tel:07700900123"),
    ],
)
def test_everyday_ways_of_writing_a_number_are_accepted(owner_client, user, phone, href):
    response = owner_client.post(NEW, {"name": "Sam", "phone": phone})
    assert response.status_code == 302
    assert TrustedPerson.objects.get(user=user).phone == phone.strip()
    page = owner_client.get(PEOPLE).content.decode()
    assert f'href="{href}"' in page
    assert f'href="{href.replace("tel:", "sms:")}"' in page


@pytest.mark.parametrize(
    "phone, message",
    [
        ("call me", "That number doesn&#x27;t look right."),
        ("0207 ABC 000", "That number doesn&#x27;t look right."),
        ("12", "That number doesn&#x27;t look right."),
        ("1" * 20, "That number doesn&#x27;t look right."),
        ("+44 20 7946 0000 0000 000", "That number doesn&#x27;t look right."),
        ("++44 20 7946 0000", "That number doesn&#x27;t look right."),
        ("<b>988</b>", "That number doesn&#x27;t look right."),
        ("(((", "That number doesn&#x27;t look right."),
        ("1" * 41, "That number is longer than phone numbers go."),
    ],
)
def test_numbers_that_cannot_be_right_are_refused_kindly(owner_client, user, phone, message):
    response = owner_client.post(NEW, {"name": "Sam", "phone": phone})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Everything you typed is still here." in page
    assert 'value="Sam"' in page
    assert not TrustedPerson.objects.exists()


@pytest.mark.parametrize("email", ["sam", "sam@", "sam@example", "sam example@x.org"])
def test_an_incomplete_email_is_refused_kindly(owner_client, user, email):
    response = owner_client.post(NEW, {"name": "Sam", "email": email})
    assert response.status_code == 400
    assert "That email address doesn&#x27;t look complete" in response.content.decode()
    assert not TrustedPerson.objects.exists()


@pytest.mark.parametrize("name", ["", "   "])
def test_a_name_is_needed(owner_client, user, name):
    response = owner_client.post(NEW, {"name": name, "phone": "988"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please add a name, so you know who this is." in page
    assert 'value="988"' in page
    assert not TrustedPerson.objects.exists()


def test_a_very_long_name_is_refused_kindly(owner_client):
    response = owner_client.post(NEW, {"name": "x" * 81})
    assert response.status_code == 400
    assert "Please keep the name to 80 characters or fewer." in response.content.decode()
    assert not TrustedPerson.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "<script>alert(1)</script>"),
        ("good_for", "<b>Good</b> listener"),
        ("name", "Sam\x07"),
        ("name", "\u200b\u200b"),
        ("name", "\u202emaS"),
    ],
)
def test_markup_and_control_characters_are_refused(owner_client, field, value):
    response = owner_client.post(NEW, {**SAM, field: value})
    assert response.status_code == 400
    page = response.content.decode()
    assert any(
        reason in page
        for reason in (
            "Plain words are all we need here",
            "invisible control characters",
            "only invisible characters came through",
            "turn text around",
        )
    )
    assert "<script>alert(1)" not in page and "<b>Good</b>" not in page
    assert not TrustedPerson.objects.exists()


def test_a_name_with_symbols_is_shown_as_text(owner_client, user):
    owner_client.post(NEW, {"name": "Mo & Jo <3", "phone": "988"})
    page = owner_client.get(PEOPLE).content.decode()
    assert "Mo &amp; Jo &lt;3" in page
    assert 'aria-label="Call Mo &amp; Jo &lt;3"' in page


# --- changing and removing ------------------------------------------------------------------


def test_someone_can_be_changed(owner_client, user):
    sam = person(user, **{k: v for k, v in SAM.items() if k != "name"})
    page = owner_client.get(edit_url(sam)).content.decode()
    assert "Change Sam" in page and 'value="+44 20 7946 0000"' in page
    response = owner_client.post(
        edit_url(sam), {"name": "Sammy", "phone": "07700 900123", "email": "", "good_for": ""}
    )
    assert response.status_code == 302 and response["Location"] == PEOPLE
    sam.refresh_from_db()
    assert (sam.name, sam.phone, sam.email, sam.good_for) == ("Sammy", "07700 900123", "", "")
    assert TrustedPerson.objects.count() == 1


def test_a_bad_change_keeps_the_old_details(owner_client, user):
    sam = person(user, phone="988")
    response = owner_client.post(edit_url(sam), {"name": "Sam", "phone": "not a number"})
    assert response.status_code == 400
    assert 'value="not a number"' in response.content.decode()
    sam.refresh_from_db()
    assert sam.phone == "988"


def test_removing_asks_first_then_removes_them_from_the_plan_too(owner_client, user):
    sam = person(user, phone="07700 900123")
    ana = person(user, "Ana")
    plan = SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    plan.company_people.add(sam)
    plan.help_people.add(sam, ana)
    response = owner_client.get(delete_url(sam))
    assert response.status_code == 200
    assert "Remove Sam from my list?" in response.content.decode()
    assert TrustedPerson.objects.filter(pk=sam.pk).exists()
    response = owner_client.post(delete_url(sam))
    assert response.status_code == 302 and response["Location"] == PEOPLE
    assert list(TrustedPerson.objects.filter(user=user)) == [ana]
    plan.refresh_from_db()
    assert list(plan.company_people.all()) == []
    assert list(plan.help_people.all()) == [ana]
    assert plan.reasons_for_living == "My cat"
    page = owner_client.get(PLAN).content.decode()
    assert "<strong>Sam</strong>" not in page and "tel:07700900123" not in page
    assert "<strong>Ana</strong>" in page


# --- only mine ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_someone_elses_person_cannot_be_seen_or_changed(owner_client, other_user, method):
    theirs = person(other_user, "Their friend", phone="988")
    response = getattr(owner_client, method)(
        edit_url(theirs), {"name": "Taken over", "phone": "999"}
    )
    assert response.status_code == 404
    assert "Their friend" not in response.content.decode()
    theirs.refresh_from_db()
    assert (theirs.name, theirs.phone, theirs.user) == ("Their friend", "988", other_user)


@pytest.mark.parametrize("method", ["get", "post"])
def test_someone_elses_person_cannot_be_removed(owner_client, other_user, method):
    theirs = person(other_user, "Their friend")
    response = getattr(owner_client, method)(delete_url(theirs))
    assert response.status_code == 404
    assert TrustedPerson.objects.filter(pk=theirs.pk).exists()


def test_unknown_people_are_not_found(owner_client):
    assert owner_client.get(reverse("safety:person_edit", args=[999999])).status_code == 404
    assert owner_client.post(reverse("safety:person_delete", args=[999999])).status_code == 404


def test_adding_someone_never_lands_on_another_account(owner_client, user, other_user):
    owner_client.post(NEW, {**SAM, "user": str(other_user.pk)})
    assert TrustedPerson.objects.get().user == user


def test_someone_elses_person_cannot_join_my_plan(owner_client, user, other_user):
    mine = person(user, "Sam")
    theirs = person(other_user, "Their friend")
    page = owner_client.get(PLAN_EDIT).content.decode()
    assert f'value="{mine.pk}"' in page and "Their friend" not in page
    for field in ("company_people", "help_people"):
        response = owner_client.post(PLAN_EDIT, {"reasons_for_living": "x", field: [theirs.pk]})
        assert response.status_code == 400
    assert not SafetyPlan.objects.exists()


# --- in the plan ----------------------------------------------------------------------------


def test_people_in_the_plan_can_be_called_texted_and_emailed(owner_client, user):
    sam = person(user, phone="+44 (0)20 7946 0000", email="sam@example.org", good_for="Listens")
    owner_client.post(
        PLAN_EDIT,
        {"people_and_places": "The library", "company_people": [sam.pk], "help_people": [sam.pk]},
    )
    page = owner_client.get(PLAN).content.decode()
    for field in ("people_and_places", "asking_for_help"):
        section = page.split(f'id="plan-{field}"')[1].split("</section>")[0]
        assert "<strong>Sam</strong>" in section and "Listens" in section
        assert 'href="tel:+442079460000" aria-label="Call Sam"' in section
        assert 'href="sms:+442079460000" aria-label="Text Sam"' in section
        assert 'href="mailto:sam@example.org" aria-label="Email Sam"' in section


def test_the_plan_form_offers_my_people_or_a_way_to_add_them(owner_client, user):
    page = owner_client.get(PLAN_EDIT).content.decode()
    assert f'href="{NEW}"' in page and 'name="help_people"' not in page
    sam = person(user, "Sam")
    page = owner_client.get(PLAN_EDIT).content.decode()
    assert f'name="help_people" value="{sam.pk}"' in page
    assert f'name="company_people" value="{sam.pk}"' in page


@pytest.mark.parametrize(
    "method, name",
    [
        ("get", "safety:people"),
        ("get", "safety:person_create"),
        ("post", "safety:person_create"),
        ("get", "safety:person_edit"),
        ("post", "safety:person_edit"),
        ("get", "safety:person_delete"),
        ("post", "safety:person_delete"),
    ],
)
def test_every_people_page_needs_a_login(client, other_user, method, name):
    theirs = person(other_user, "Their friend")
    args = [theirs.pk] if name in ("safety:person_edit", "safety:person_delete") else []
    response = getattr(client, method)(reverse(name, args=args), SAM)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert list(TrustedPerson.objects.values_list("name", flat=True)) == ["Their friend"]
