"""How long a sign-in lasts: until the browser closes (a day at most), a day, or 14 days.

The person chooses on the sign-in page ("Keep me signed in") and in Settings. Each session
keeps its own choice, so a phone can be "until I close the browser" while a laptop at home is
"14 days"; the last choice made is also kept on the account, for sign-ins that don't ask
(right after sign-up, or with a recovery code).

The lengths count from when the choice was made (the sign-in, or saving it in Settings), not
from the last visit: "a day" means the sign-in is over a day later, however it was used.

Why "until I close the browser" is the default: a sign-in that outlives the moment is the
risk on a shared phone, and Ground me now and Get help now never need one. "Keep me signed in
for 14 days" is one tap for a person on a device of their own. Phones often keep a browser
open for days, so this choice also ends on the server after a day at most (BROWSER_AT_MOST).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from selftrust.accounts.models import SignInLasts

DEFAULT = SignInLasts.BROWSER
LENGTHS = {SignInLasts.DAY: timedelta(days=1), SignInLasts.FORTNIGHT: timedelta(days=14)}
BROWSER_AT_MOST = timedelta(days=1)

CHOSEN = "sign_in.lasts"
ENDS_AT = "sign_in.ends_at"


def valid(choice: str | None) -> str:
    return choice if choice in SignInLasts.values else DEFAULT


def apply(session, choice: str, now: datetime | None = None) -> None:
    """Make this session last as chosen, counted from now."""
    now = now or timezone.now()
    choice = valid(choice)
    session[CHOSEN] = choice
    if choice == SignInLasts.BROWSER:
        session.set_expiry(0)  # the cookie goes when the browser closes
        session[ENDS_AT] = (now + BROWSER_AT_MOST).timestamp()
    else:
        session.set_expiry(now + LENGTHS[choice])
        session.pop(ENDS_AT, None)


def chosen(session) -> str:
    """This session's choice. A session made before there was a choice lasts 14 days."""
    return session.get(CHOSEN) or SignInLasts.FORTNIGHT


def has_ended(session, now: float) -> bool:
    """Whether a sign-in "until I close the browser" has reached its day."""
    ends_at = session.get(ENDS_AT)
    return ends_at is not None and now >= ends_at
