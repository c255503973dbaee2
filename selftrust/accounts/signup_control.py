"""Who may make an account here, and making one.

SELFTRUST_SIGNUP (settings.SIGNUP_MODE) is one of:
  open    anyone who reaches the server can sign up (the default without DATABASE_URL: a
          laptop install for oneself);
  invite  only with an unused, unexpired invitation link made by a staff account (the
          default with DATABASE_URL: a clinic's server);
  closed  nobody; the operator makes accounts with `selftrust createuser`.
Decision record: docs/decisions/0007-sign-in-and-sign-up.md.
"""

from django.conf import settings
from django.db import transaction

from selftrust.accounts import recovery
from selftrust.accounts.models import Invitation

OPEN, INVITE, CLOSED = "open", "invite", "closed"
MODES = (OPEN, INVITE, CLOSED)


class InvitationTaken(Exception):
    """The invitation was used by someone else between showing the form and saving it."""


def mode() -> str:
    return settings.SIGNUP_MODE


def invitation_for(secret: str) -> Invitation | None:
    """The usable invitation with this secret, or None (unknown, used or expired alike)."""
    if not secret:
        return None
    return Invitation.objects.usable().for_secret(secret).first()


def create_account(form, invitation: Invitation | None = None):
    """Save the sign-up form's new account, use up the invitation, and make recovery codes.

    Returns the person and their ten recovery codes (shown once, never stored). If the
    invitation was taken meanwhile, nothing is saved and InvitationTaken is raised.
    """
    with transaction.atomic():
        user = form.save()
        if invitation is not None and not invitation.accept(user):
            raise InvitationTaken
        codes = recovery.issue_codes(user)
    return user, codes
