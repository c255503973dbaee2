"""A form saved over a newer version shows both and drops nothing (the audit's lost update)."""

import json
import re

import pytest

from selftrust.promises.models import Promise
from selftrust.safety.models import SafetyPlan, TrustedPerson
from tests.factories import (
    EntryFactory,
    PromiseFactory,
    SafetyPlanFactory,
    TrustedPersonFactory,
    api_token_for,
)

pytestmark = pytest.mark.django_db


def opened_version(page) -> str:
    return re.search(r'name="version" value="(\d+)"', page.content.decode()).group(1)


def plan_post(plan: SafetyPlan, **changes) -> dict:
    fields = [
        "warning_signs",
        "coping_on_my_own",
        "people_and_places",
        "asking_for_help",
        "professionals",
        "safer_surroundings",
        "reasons_for_living",
    ]
    return {**{name: getattr(plan, name) for name in fields}, **changes}


def test_the_plan_saved_from_a_stale_page_after_the_phone_added_a_reason_loses_nothing(
    owner_client, user
):
    plan = SafetyPlanFactory(user=user, reasons_for_living="My cat")
    laptop_opened = opened_version(owner_client.get("/safety-plan/edit/"))
    phone = owner_client.put(
        "/api/v1/safety-plan",
        data=json.dumps({"reasons_for_living": ["My cat", "The sea"]}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api_token_for(user)}",
    )
    assert phone.status_code == 200

    laptop = owner_client.post(
        "/safety-plan/edit/",
        plan_post(plan, reasons_for_living="My cat\nMy niece", version=laptop_opened),
    )

    assert laptop.status_code == 409
    assert SafetyPlan.objects.get(user=user).reasons_for_living == "My cat\nThe sea"
    page = laptop.content.decode()
    assert "This was changed somewhere else while you were writing" in page
    assert "The sea" in page and "My niece" in page  # both versions, side by side
    assert opened_version(laptop) == "2"  # saving again now keeps the laptop's words

    keep_mine = owner_client.post(
        "/safety-plan/edit/",
        plan_post(plan, reasons_for_living="My cat\nMy niece\nThe sea", version="2"),
    )
    assert keep_mine.status_code == 302
    assert SafetyPlan.objects.get(user=user).reasons_for_living == "My cat\nMy niece\nThe sea"


def test_a_stale_plan_page_keeps_its_words_as_a_draft(owner_client, user):
    plan = SafetyPlanFactory(user=user)
    SafetyPlan.objects.get(pk=plan.pk).save()
    owner_client.post("/safety-plan/edit/", plan_post(plan, warning_signs="Pacing", version="1"))
    page = owner_client.get("/safety-plan/edit/").content.decode()
    assert "Pacing" in page
    # The kept draft was written against version 1: saving it will show both again.
    assert 'name="version" value="1"' in page


def test_a_trusted_person_changed_on_two_devices(owner_client, user):
    person = TrustedPersonFactory(user=user, good_for="Listening")
    opened = opened_version(owner_client.get(f"/trusted-people/{person.pk}/edit/"))
    TrustedPerson.objects.filter(pk=person.pk).update(good_for="Walks", version=2)
    response = owner_client.post(
        f"/trusted-people/{person.pk}/edit/",
        {
            "name": person.name,
            "phone": person.phone,
            "email": person.email,
            "good_for": "Coming over",
            "version": opened,
        },
    )
    assert response.status_code == 409
    assert TrustedPerson.objects.get(pk=person.pk).good_for == "Walks"
    assert "Coming over" in response.content.decode()


def test_a_promise_changed_on_two_devices(owner_client, user):
    promise = PromiseFactory(user=user, text="Rest for ten minutes")
    opened = opened_version(owner_client.get(f"/promises/{promise.pk}/edit/"))
    Promise.objects.filter(pk=promise.pk).update(text="Rest for twenty minutes", version=2)
    response = owner_client.post(
        f"/promises/{promise.pk}/edit/",
        {"text": "Go for a walk", "schedule": "daily", "version": opened},
    )
    assert response.status_code == 409
    assert Promise.objects.get(pk=promise.pk).text == "Rest for twenty minutes"
    page = response.content.decode()
    assert "Rest for twenty minutes" in page and "Go for a walk" in page


def test_a_practice_entry_changed_on_two_devices(owner_client, user):
    entry = EntryFactory(user=user, practice="body-check-in")
    edit = owner_client.get(f"/practice/entries/{entry.pk}/edit/")
    assert edit.status_code == 200
    opened = opened_version(edit)
    entry.save()  # saved elsewhere meanwhile
    posted = {**entry.data, "version": opened}
    response = owner_client.post(f"/practice/entries/{entry.pk}/edit/", posted)
    assert response.status_code == 409
    assert "This was changed somewhere else" in response.content.decode()


def test_a_page_without_a_version_saves_as_before(owner_client, user):
    promise = PromiseFactory(user=user)
    response = owner_client.post(
        f"/promises/{promise.pk}/edit/", {"text": "Go for a walk", "schedule": "daily"}
    )
    assert response.status_code == 302
    assert Promise.objects.get(pk=promise.pk).text == "Go for a walk"


def test_someone_else_cannot_use_a_version_to_reach_a_promise(client, other_user, user):
    promise = PromiseFactory(user=user)
    client.force_login(other_user)
    response = client.post(
        f"/promises/{promise.pk}/edit/", {"text": "Mine now", "schedule": "daily", "version": "1"}
    )
    assert response.status_code == 404
