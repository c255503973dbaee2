"""Recovery codes: the way back in when a passphrase is forgotten (there is no email here).

Ten one-time codes are made at sign-up and can be made again in Settings. A code is 12
characters from Crockford's base32 alphabet (60 random bits), shown as three groups of four.

Only a keyed digest is stored: HMAC-SHA256 of the code under a key derived from the
installation's secret key (a pepper). A slow password hasher (Argon2) protects *guessable*
secrets; these codes are random and 60 bits long, so a fast hash loses nothing, and the key
means a copy of the database alone is not enough to test guesses offline. A fast digest also
lets one indexed query find the code, instead of ten Argon2 checks on every attempt.
Decision record: docs/decisions/0007-sign-in-and-sign-up.md.
"""

import secrets
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from selftrust.accounts.models import RecoveryCode

HOW_MANY = 10
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O or U
GROUPS, GROUP_LENGTH = 3, 4
_PURPOSE = "selftrust.accounts.recovery-code"
# Letters people may type for the ones the alphabet leaves out.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))


def normalise(code: str) -> str:
    """What the person typed, as the characters we hashed: case, spaces and dashes don't matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum()).translate(_READ_AS)


def _digest(code: str, secret: str) -> str:
    return salted_hmac(_PURPOSE, normalise(code), secret=secret, algorithm="sha256").hexdigest()


def digest_of(code: str) -> str:
    return _digest(code, settings.SECRET_KEY)


def _digests_to_try(code: str) -> list[str]:
    # Codes made before the secret key was rotated still work while the old key is listed
    # in SECRET_KEY_FALLBACKS.
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [_digest(code, key) for key in keys]


def issue_codes(user) -> list[str]:
    """Replace all of this person's recovery codes with ten new ones, and return them.

    The old ones stop working at once. The returned codes are never stored.
    """
    codes = [_new_code() for _ in range(HOW_MANY)]
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, digest=digest_of(code)) for code in codes
        )
    return codes


def use_code(username: str, code: str):
    """Burn the unused code `code` of the account `username` and return that person.

    Returns None when the name, the code, or both don't match, or the code was used already;
    which of those it was is never told, so this cannot be used to learn who has an account.
    """
    if not normalise(code):
        return None
    with transaction.atomic():
        match = (
            RecoveryCode.objects.select_related("user")
            .filter(
                user__username=username,
                user__is_active=True,
                digest__in=_digests_to_try(code),
                used_at__isnull=True,
            )
            .first()
        )
        if match is None:
            return None
        # Conditional, so two requests with the same code cannot both use it.
        burned = RecoveryCode.objects.filter(pk=match.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        return match.user if burned else None


def codes_left(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


# Showing a new set once. The codes wait in the session between the answer that made them
# and the page that shows them (so a reload of that page works while the person writes them
# down), but only briefly: on a shared phone, someone else could open the page later, and
# the session is kept on the server for as long as the sign-in lasts. After SHOWN_FOR_SECONDS,
# or once the person says they have saved them, only where to go next is kept.

SHOWN_KEY = "recovery_codes_to_show"
SHOWN_FOR_SECONDS = 10 * 60


def _now() -> float:
    return time.time()


def show_briefly(session, codes: list[str], *, then: str) -> None:
    session[SHOWN_KEY] = {"codes": codes, "then": then, "made_at": _now()}


def codes_to_show(session) -> list[str]:
    """The codes just made, while they may still be shown; otherwise nothing."""
    shown = session.get(SHOWN_KEY) or {}
    made_at = shown.get("made_at")
    if not shown.get("codes") or not isinstance(made_at, int | float):
        return []
    if not 0 <= _now() - made_at <= SHOWN_FOR_SECONDS:
        return []
    return list(shown["codes"])


def forget_codes(session) -> None:
    """Take the codes out of the session, keeping only where to go on from their page."""
    shown = session.get(SHOWN_KEY)
    if shown and "codes" in shown:
        session[SHOWN_KEY] = {"then": shown.get("then")}


def forget_codes_once_shown_long_enough(session) -> None:
    if session.get(SHOWN_KEY, {}).get("codes") and not codes_to_show(session):
        forget_codes(session)


def page_after_codes(session) -> str | None:
    """Where "I have saved them" leads (the welcome after sign-up, or Settings)."""
    return (session.get(SHOWN_KEY) or {}).get("then")
