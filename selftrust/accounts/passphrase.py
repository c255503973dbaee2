"""Changing a passphrase and ending sessions: the rules shared by Settings, recovery codes
and the operator's `selftrust setpassphrase`."""

from dataclasses import dataclass

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class Ended:
    """What a change ended, so the page or the command can say so plainly."""

    sessions: int
    tokens: int


def end_sessions(user, *, keep: str | None = None) -> int:
    """End every signed-in session of this person, except the one whose key is `keep`.

    Sessions live in the database (Django's default session engine), shared by every app
    server, so deleting the rows signs the person out everywhere at once. The session table
    has no user column, so each live session is read; this runs only when someone asks for
    it, and a few thousand sessions take well under a second.
    """
    user_id = str(user.pk)
    ended = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.session_key != keep and session.get_decoded().get(SESSION_KEY) == user_id
    ]
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)


def revoke_tokens(user) -> int:
    count, _ = user.api_tokens.all().delete()
    return count


def sign_out_everywhere(user, *, keep: str | None = None, revoke: bool = False) -> Ended:
    with transaction.atomic():
        tokens = revoke_tokens(user) if revoke else 0
        sessions = end_sessions(user, keep=keep)
    return Ended(sessions=sessions, tokens=tokens)


def set_passphrase(user, passphrase: str, *, keep: str | None = None, revoke: bool = True) -> Ended:
    """Give this person a new passphrase and end their other sessions (all but `keep`).

    `revoke` also removes their API tokens: a script holding an old token would otherwise
    keep working for whoever took it, whatever the new passphrase.
    """
    with transaction.atomic():
        user.set_password(passphrase)
        user.save(update_fields=["password"])
        ended = sign_out_everywhere(user, keep=keep, revoke=revoke)
    return ended
