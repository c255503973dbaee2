"""Therapist accounts, as a clinic's staff look after them: the list, a new account, and
switching one off. The web page (views_clinic.py) and the operator's commands share these."""

import secrets
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from selftrust.accounts import passphrase
from selftrust.accounts.models import User
from selftrust.care.links import end_link
from selftrust.care.models import CareLink, EndedBy

# Crockford's base 32 (no I, L, O or U): read aloud or copied by hand without mix-ups.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_GROUPS, _GROUP_LENGTH = 4, 4  # 16 characters, 80 bits


def therapist_accounts():
    """Every therapist account with whether two-factor sign-in is set up and how many people
    are linked with them now: one query, whatever the number of therapists or people."""
    return (
        User.objects.filter(is_therapist=True)
        .annotate(
            people_linked=Count(
                "caseload_links", filter=Q(caseload_links__ended_at__isnull=True), distinct=True
            ),
            has_second_factor=Exists(
                TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
            ),
        )
        .order_by("-is_active", "username")
    )


def starting_passphrase() -> str:
    """A passphrase for a new account, shown once to whoever made it: 7K3M-QX9D-2HFP-R8TA."""
    return "-".join(
        "".join(secrets.choice(_ALPHABET) for _ in range(_GROUP_LENGTH)) for _ in range(_GROUPS)
    )


def create_therapist(username: str) -> tuple[User, str]:
    """A therapist account with a starting passphrase (returned, never stored as typed).

    The username has been checked by the form. The therapist sets up two-factor sign-in the
    first time they sign in, and can choose their own passphrase in Settings after that.
    """
    user = User(username=username, is_therapist=True)
    while True:
        chosen = starting_passphrase()
        try:
            validate_password(chosen, user)
        except ValidationError:  # vanishingly rare (too like the username): choose again
            continue
        break
    user.set_password(chosen)
    user.save()
    return user, chosen


@dataclass(frozen=True)
class SwitchedOff:
    links_ended: int
    sessions_ended: int


def switch_off_therapist(therapist: User, now=None) -> SwitchedOff:
    """The account can no longer sign in or use a token, and every link it had ends at once
    (ended by "the people who run this Selftrust", as each person is told)."""
    now = now or timezone.now()
    with transaction.atomic():
        links = list(CareLink.objects.active().filter(therapist=therapist))
        for link in links:
            end_link(link, EndedBy.OPERATOR, now=now)
        therapist.is_active = False
        therapist.save(update_fields=["is_active"])
        sessions = passphrase.end_sessions(therapist)
    return SwitchedOff(links_ended=len(links), sessions_ended=sessions)
