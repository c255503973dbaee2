from datetime import timedelta

import pytest
from django.utils import timezone

from selftrust.care import categories
from selftrust.care.links import (
    InvitationProblem,
    accept_invitation,
    create_invitation,
    end_link,
    grouped,
    link_of_therapist,
    normalise_code,
    set_sharing,
    withdraw_invitation,
)
from selftrust.care.models import CareLink, Invitation
from tests.care.conftest import make_therapist

pytestmark = pytest.mark.django_db


def test_an_invitation_keeps_only_a_digest_of_its_code(user):
    invitation, code = create_invitation(user)
    assert len(code) == 12
    assert code not in invitation.code_digest
    assert Invitation.objects.filter(code_digest__contains=code).count() == 0


def test_a_therapist_accepts_a_code_typed_with_dashes_spaces_and_lower_case(user, therapist):
    _invitation, code = create_invitation(user)
    typed = " " + grouped(code).lower().replace("-", " - ") + " "
    link = accept_invitation(therapist, typed)
    assert link.person == user and link.therapist == therapist
    assert link.shared == []


def test_look_alike_letters_are_read_as_the_digits_they_resemble():
    assert normalise_code("ol1i-uv") == "0111VV"


def test_a_code_works_once(user, therapist):
    _invitation, code = create_invitation(user)
    accept_invitation(therapist, code)
    with pytest.raises(InvitationProblem, match="already been used"):
        accept_invitation(make_therapist(), code)


def test_a_code_expires_after_24_hours(user, therapist):
    invitation, code = create_invitation(user)
    later = invitation.created_at + timedelta(hours=24, seconds=1)
    with pytest.raises(InvitationProblem, match="expired"):
        accept_invitation(therapist, code, now=later)
    assert not CareLink.objects.exists()


def test_a_wrong_or_withdrawn_code_is_refused_kindly(user, therapist):
    invitation, code = create_invitation(user)
    with pytest.raises(InvitationProblem, match="doesn't match"):
        accept_invitation(therapist, "ZZZZ-ZZZZ-ZZZZ")
    with pytest.raises(InvitationProblem, match="12 letters"):
        accept_invitation(therapist, "short")
    assert withdraw_invitation(user, invitation.pk)
    with pytest.raises(InvitationProblem, match="withdrawn"):
        accept_invitation(therapist, code)


def test_a_person_cannot_withdraw_someone_elses_invitation(user, other_user):
    invitation, _code = create_invitation(user)
    assert not withdraw_invitation(other_user, invitation.pk)
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_only_a_therapist_can_accept(user, other_user):
    _invitation, code = create_invitation(user)
    with pytest.raises(InvitationProblem, match="Only a therapist"):
        accept_invitation(other_user, code)


def test_ending_a_link_removes_access_at_once(user, therapist):
    _invitation, code = create_invitation(user)
    link = accept_invitation(therapist, code)
    set_sharing(link, [categories.PROMISES], None)
    assert link_of_therapist(therapist, user.pk).shares(categories.PROMISES)
    end_link(link, "person")
    assert link_of_therapist(therapist, user.pk) is None


def test_sharing_keeps_only_known_categories_in_the_pages_order(user, therapist):
    _invitation, code = create_invitation(user)
    link = accept_invitation(therapist, code)
    set_sharing(link, ["safety-plan", "nonsense", "promises", "promises"], timezone.localdate())
    assert link.shared == ["promises", "safety-plan"]
