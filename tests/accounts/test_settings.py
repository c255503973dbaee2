import json

import pytest
from django.urls import reverse

from selftrust.accounts.models import ApiToken, User
from selftrust.promises.models import CheckIn, Promise
from tests.factories import PASSPHRASE, CheckInFactory, PromiseFactory

pytestmark = pytest.mark.django_db


def test_settings_need_a_login(client):
    assert client.get(reverse("accounts:settings")).status_code == 302


def test_a_new_token_is_shown_once_and_only_its_digest_is_kept(owner_client, user):
    owner_client.post(reverse("accounts:create_token"), {"name": "backup script"})
    page = owner_client.get(reverse("accounts:settings")).content.decode()
    token = ApiToken.objects.get(user=user)
    secret = page.split('<p class="token-secret">')[1].split("</p>")[0].strip()
    assert ApiToken.digest_of(secret) == token.digest
    assert secret not in token.digest
    assert secret not in owner_client.get(reverse("accounts:settings")).content.decode()


def test_a_token_needs_a_plain_name(owner_client):
    response = owner_client.post(reverse("accounts:create_token"), {"name": "<b>x</b>"})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_a_revoked_token_is_gone(owner_client, user):
    token, _secret = ApiToken.issue(user, "old")
    owner_client.post(reverse("accounts:revoke_token", args=[token.pk]))
    assert not ApiToken.objects.exists()


def test_another_persons_token_cannot_be_revoked(owner_client, other_user):
    token, _secret = ApiToken.issue(other_user, "theirs")
    assert owner_client.post(reverse("accounts:revoke_token", args=[token.pk])).status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_time_zone_can_be_changed_and_bad_names_are_refused(owner_client, user):
    owner_client.post(reverse("accounts:time_zone"), {"time_zone": "Asia/Tokyo"})
    user.refresh_from_db()
    assert user.time_zone == "Asia/Tokyo"
    response = owner_client.post(reverse("accounts:time_zone"), {"time_zone": "Nowhere/Land"})
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.time_zone == "Asia/Tokyo"


def test_export_holds_everything_and_only_mine(owner_client, user, other_user):
    promise = PromiseFactory(user=user, text="Drink water")
    CheckInFactory(promise=promise, outcome="let_go", note="Rested instead")
    PromiseFactory(user=other_user, text="Not mine")
    response = owner_client.get(reverse("accounts:export"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["username"] == user.username
    assert [p["text"] for p in data["promises"]] == ["Drink water"]
    assert data["promises"][0]["check_ins"][0] == {
        "promise_id": promise.pk,
        "date": user.local_today().isoformat(),
        "outcome": "let_go",
        "note": "Rested instead",
    }


def test_deleting_the_account_removes_everything(owner_client, user, other_user):
    CheckInFactory(promise=PromiseFactory(user=user))
    PromiseFactory(user=other_user)
    response = owner_client.post(reverse("accounts:delete"), {"password": PASSPHRASE})
    assert response["Location"] == reverse("web:home")
    assert not User.objects.filter(pk=user.pk).exists()
    assert not CheckIn.objects.exists()
    assert Promise.objects.count() == 1


def test_deleting_needs_the_right_passphrase(owner_client, user):
    response = owner_client.post(reverse("accounts:delete"), {"password": "wrong"})
    assert response.status_code == 400
    assert "Nothing was deleted" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_export_includes_practices_and_assessments(owner_client, user):
    from selftrust.assessments import services as assessments
    from selftrust.assessments.instruments import GAD7

    owner_client.post(reverse("practices:new", args=["win"]), {"win": "Made tea"})
    owner_client.post(
        reverse("practices:new", args=["decision"]),
        {"decision": "Which film", "confidence": "60", "review_on": user.local_today().isoformat()},
    )
    assessments.complete(user, GAD7, [1] * 7)
    data = json.loads(owner_client.get(reverse("accounts:export")).content)
    practices = {e["practice"]: e["answers"] for e in data["practice_entries"]}
    assert practices["win"] == {"win": "Made tea"}
    assert practices["decision"]["confidence"] == 60
    assert data["assessments"][0]["total"] == 7
