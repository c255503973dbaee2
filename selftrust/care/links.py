"""Invitations, links and sharing: the rules, for the web pages and the API alike."""

import hashlib
import secrets
import zoneinfo
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from selftrust.care import categories
from selftrust.care.models import CareLink, EndedBy, Invitation

INVITATION_LIFETIME = timedelta(hours=24)
# Codes waiting to be used at once; more is never needed, and each is a way in.
MOST_OPEN_INVITATIONS = 3
# Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_LENGTH = 12
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


class InvitationProblem(Exception):
    """Why an invitation code cannot be used, in words to show as they are."""


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def normalise_code(typed: str) -> str:
    """The code as stored: upper case, spaces and dashes dropped, look-alike letters mended."""
    kept = "".join(ch for ch in typed.upper() if ch.isalnum())
    return kept.translate(_LOOKALIKES)


def grouped(code: str) -> str:
    """ABCD-EFGH-JKMN: easier to read aloud and to type."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def create_invitation(person, now=None) -> tuple[Invitation, str]:
    """A new invitation and its code (shown to the person once; only a digest is kept)."""
    now = now or timezone.now()
    code = "".join(secrets.choice(_ALPHABET) for _ in range(_CODE_LENGTH))
    invitation = Invitation.objects.create(
        person=person,
        code_digest=_digest(code),
        created_at=now,
        expires_at=now + INVITATION_LIFETIME,
    )
    return invitation, code


def open_invitations(person):
    return Invitation.objects.filter(
        person=person,
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    )


def withdraw_invitation(person, invitation_id: int) -> bool:
    """The person takes back a code they have not used yet. False if there was none to take."""
    return bool(
        open_invitations(person).filter(pk=invitation_id).update(withdrawn_at=timezone.now())
    )


def accept_invitation(therapist, typed_code: str, now=None) -> CareLink:
    """The therapist uses a person's code; the new link shares nothing until the person chooses.

    Raises InvitationProblem with a message fit to show for a wrong, expired, used or withdrawn
    code, and for someone who is not a therapist.
    """
    now = now or timezone.now()
    if not getattr(therapist, "is_therapist", False):
        raise InvitationProblem("Only a therapist's account can accept an invitation.")
    code = normalise_code(typed_code or "")
    if len(code) != _CODE_LENGTH:
        raise InvitationProblem(
            f"An invitation code has {_CODE_LENGTH} letters and numbers. Please check it and "
            "try again."
        )
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("person")
            .filter(code_digest=_digest(code))
            .first()
        )
        if invitation is None:
            raise InvitationProblem(
                "That code doesn't match any invitation. Please check it, or ask for a new one."
            )
        if invitation.accepted_at:
            raise InvitationProblem(
                "That code has already been used. Each code works once; please ask for a new one."
            )
        if invitation.withdrawn_at:
            raise InvitationProblem("That invitation was withdrawn. Please ask for a new one.")
        if now >= invitation.expires_at:
            raise InvitationProblem(
                "That code has expired (codes last 24 hours). Please ask for a new one."
            )
        person = invitation.person
        if person.pk == therapist.pk:
            raise InvitationProblem("This is your own invitation; it is for your therapist.")
        if CareLink.objects.active().filter(person=person, therapist=therapist).exists():
            raise InvitationProblem("You are already linked with this person.")
        invitation.accepted_at = now
        invitation.accepted_by = therapist
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        try:
            with transaction.atomic():
                return CareLink.objects.create(person=person, therapist=therapist, started_at=now)
        except IntegrityError:
            raise InvitationProblem("You are already linked with this person.") from None


def links_of_person(person):
    return CareLink.objects.active().filter(person=person).select_related("therapist")


def ended_links_of_person(person, limit: int = 5):
    """The person's links that have ended, the latest first: their care page says who ended
    each and when, as the therapist's and the clinic's end pages promise."""
    return (
        CareLink.objects.filter(person=person, ended_at__isnull=False)
        .select_related("therapist")
        .order_by("-ended_at", "-pk")[:limit]
    )


# How long Today mentions a link that someone else ended; the care page keeps saying it.
ENDED_NOTICE_DAYS = 14


def ended_lately_by_others(person, today: date) -> list[CareLink]:
    """Links a therapist or the people running Selftrust ended in the person's last
    ENDED_NOTICE_DAYS days: Today tells them, so an ending is never found out by chance."""
    first_day = today - timedelta(days=ENDED_NOTICE_DAYS - 1)
    since = datetime.combine(first_day, time.min, tzinfo=zoneinfo.ZoneInfo(person.time_zone))
    return list(
        CareLink.objects.filter(
            person=person,
            ended_at__gte=since,
            ended_by__in=[EndedBy.THERAPIST, EndedBy.OPERATOR],
        )
        .select_related("therapist")
        .order_by("-ended_at", "-pk")
    )


def link_of_person(person, link_id) -> CareLink | None:
    """One of the person's own active links, or None (never someone else's)."""
    return links_of_person(person).filter(pk=link_id).first()


def link_of_therapist(therapist, person_id) -> CareLink | None:
    """The therapist's active link with this person, or None."""
    if not getattr(therapist, "is_therapist", False):
        return None
    return (
        CareLink.objects.active()
        .filter(therapist=therapist, person_id=person_id)
        .select_related("person")
        .first()
    )


def end_link(link: CareLink, by: str, now=None) -> None:
    """Ends the link at once: from the next request the therapist sees nothing of this person.

    Open homework stays with the person to keep or let go; nothing of theirs is deleted.
    """
    if link.ended_at:
        return
    link.ended_at = now or timezone.now()
    link.ended_by = by if by in EndedBy.values else EndedBy.PERSON
    link.save(update_fields=["ended_at", "ended_by"])


def set_sharing(link: CareLink, shared, shared_from: date | None, now=None) -> CareLink:
    """What the person shares with this therapist from now on (unknown slugs are dropped)."""
    link.shared = categories.known(shared)
    link.shared_from = shared_from
    link.sharing_changed_at = now or timezone.now()
    link.save(update_fields=["shared", "shared_from", "sharing_changed_at"])
    return link


def mark_session_held(link: CareLink, day: date) -> None:
    link.last_session_on = day
    link.save(update_fields=["last_session_on"])
