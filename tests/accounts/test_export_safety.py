import json

import pytest
from django.urls import reverse

from selftrust.accounts.models import User
from selftrust.drafts.models import Draft
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.factories import PASSPHRASE

pytestmark = pytest.mark.django_db


def export(client):
    return json.loads(client.get(reverse("accounts:export")).content)


def test_the_export_holds_my_safety_plan_and_my_people(owner_client, user, other_user):
    sam = TrustedPerson.objects.create(
        user=user, name="Sam", phone="+44 20 7946 0000", email="sam@example.org", good_for="Listens"
    )
    ana = TrustedPerson.objects.create(user=user, name="Ana")
    TrustedPerson.objects.create(user=other_user, name="Their friend")
    SafetyPlan.objects.create(user=other_user, reasons_for_living="Their reason")
    owner_client.post(
        reverse("safety:plan_edit"),
        {
            "warning_signs": "Not sleeping\n\nCancelling on friends",
            "coping_on_my_own": "A hot shower",
            "people_and_places": "The library",
            "company_people": [sam.pk],
            "asking_for_help": "",
            "help_people": [sam.pk, ana.pk],
            "professionals": "Dr Ade 020 7946 0000",
            "safer_surroundings": "Ask Sam to keep my medication",
            "reasons_for_living": "My cat\nMy niece ❤️",
        },
    )
    plan = SafetyPlan.objects.get(user=user)
    data = export(owner_client)
    assert data["safety_plan"] == {
        "warning_signs": ["Not sleeping", "Cancelling on friends"],
        "coping_on_my_own": ["A hot shower"],
        "people_and_places": ["The library"],
        "asking_for_help": [],
        "professionals": ["Dr Ade 020 7946 0000"],
        "safer_surroundings": ["Ask Sam to keep my medication"],
        "reasons_for_living": ["My cat", "My niece ❤️"],
        "company_people": [{"id": sam.pk, "name": "Sam"}],
        "help_people": [{"id": ana.pk, "name": "Ana"}, {"id": sam.pk, "name": "Sam"}],
        "updated_at": plan.updated_at.isoformat(),
    }
    assert data["trusted_people"] == [
        {
            "id": ana.pk,
            "name": "Ana",
            "phone": "",
            "email": "",
            "good_for": "",
            "links": {"call": None, "text": None, "email": None},
        },
        {
            "id": sam.pk,
            "name": "Sam",
            "phone": "+44 20 7946 0000",
            "email": "sam@example.org",
            "good_for": "Listens",
            "links": {
                "call": "tel:+442079460000",
                "text": "sms:+442079460000",
                "email": "mailto:sam@example.org",
            },
        },
    ]
    assert "Their" not in json.dumps(data)


def test_without_a_plan_or_people_the_export_says_so(owner_client):
    data = export(owner_client)
    assert data["safety_plan"] is None
    assert data["trusted_people"] == []


def test_deleting_the_account_removes_the_plan_and_the_people(owner_client, user, other_user):
    sam = TrustedPerson.objects.create(user=user, name="Sam", phone="988")
    plan = SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    plan.help_people.add(sam)
    owner_client.post(
        reverse("drafts:autosave", args=["safety-plan"]), {"warning_signs": "Half typed"}
    )
    assert Draft.objects.filter(user=user, key="safety-plan").exists()
    theirs = TrustedPerson.objects.create(user=other_user, name="Their friend")
    their_plan = SafetyPlan.objects.create(user=other_user, reasons_for_living="Their reason")
    their_plan.company_people.add(theirs)

    response = owner_client.post(reverse("accounts:delete"), {"password": PASSPHRASE})
    assert response["Location"] == reverse("web:home")
    # A plan kept on this phone and any offline copies are wiped from the browser too.
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert not User.objects.filter(pk=user.pk).exists()
    assert list(SafetyPlan.objects.all()) == [their_plan]
    assert list(TrustedPerson.objects.all()) == [theirs]
    assert list(their_plan.company_people.all()) == [theirs]
    assert not SafetyPlan.help_people.through.objects.filter(trustedperson_id=sam.pk).exists()
    assert not Draft.objects.filter(key="safety-plan").exists()


def test_a_wrong_passphrase_keeps_the_plan_and_the_people(owner_client, user):
    TrustedPerson.objects.create(user=user, name="Sam")
    SafetyPlan.objects.create(user=user, reasons_for_living="My cat")
    response = owner_client.post(reverse("accounts:delete"), {"password": "wrong"})
    assert response.status_code == 400
    assert "Clear-Site-Data" not in response
    assert SafetyPlan.objects.filter(user=user).exists()
    assert TrustedPerson.objects.filter(user=user).exists()


def test_guessing_through_the_delete_form_is_throttled_like_sign_in(owner_client, user, settings):
    # A borrowed session must not become an unlimited way to guess the passphrase.
    for _ in range(settings.AXES_FAILURE_LIMIT):
        owner_client.post(reverse("accounts:delete"), {"password": "not the passphrase"})
    response = owner_client.post(reverse("accounts:delete"), {"password": PASSPHRASE})
    assert response.status_code == 429  # paused, with the same kind page as sign-in
    assert User.objects.filter(pk=user.pk).exists()
