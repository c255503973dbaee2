"""The lock: on a phone someone else may pick up, Selftrust hides itself after a while unused.

The person chooses in Settings after how long (`User.lock_after_minutes`, off by default) and
may set a short PIN to unlock with (`User.lock_pin`, hashed); their passphrase always works
too. The state lives in the session, so it holds on the server and not only in the page:

- the time of the person's last request (`note_activity`), written only while the lock is on;
- whether this session is locked (`lock`, `unlock`); once locked, every page answers with the
  lock page until it is unlocked (lock_middleware.py);
- how many unlocking tries did not match; the fifth ends the session.

The page's own script (static/accounts/lock-when-idle.js) locks at the exact time the person
chose, counting pointer, keys, scroll and touch, and tells the server. The server's own count
of idle time is the backstop for when no script runs (a page frozen in a background tab, a
browser without JavaScript, a page brought back with Back), and it sees only requests, which
the script sends now and then while the person is active (`still_here`). So the server waits
a little longer than the chosen time (SERVER_GRACE) before it locks by itself: it must never
lock someone who is reading or typing.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

LOCKED = "lock.locked"
LAST_SEEN = "lock.last_seen"
WRONG_TRIES = "lock.wrong_tries"

# Five tries, then the session ends and the passphrase is needed to sign in again. A 4-digit
# PIN then has 5 chances in 10,000 of being guessed before that.
TRIES = 5
# The page's script reports activity at most every 30 seconds (lock-when-idle.js); the
# server waits that long past the chosen time, so it never locks before the page would.
SERVER_GRACE_SECONDS = 30
# Requests close together write the session once: a lock only needs to know the time to
# within a few seconds, and each write is a database write.
ACTIVITY_PRECISION_SECONDS = 5


def now_seconds(now: datetime | None = None) -> float:
    return (now or timezone.now()).timestamp()


def is_locked(session) -> bool:
    return bool(session.get(LOCKED, False))


def lock(session) -> None:
    session[LOCKED] = True


def unlock(session, now: float | None = None) -> None:
    """Unlocked, with a fresh count of tries and idle time starting again now."""
    session.pop(LOCKED, None)
    session.pop(WRONG_TRIES, None)
    session[LAST_SEEN] = now if now is not None else now_seconds()


def idle_time_has_passed(user, session, now: float) -> bool:
    """Whether this person has not used this session for longer than they chose (and the
    grace the server gives the page's script)."""
    if not user.lock_after_minutes:
        return False
    last_seen = session.get(LAST_SEEN)
    if last_seen is None:
        return False
    return now - last_seen > user.lock_after_minutes * 60 + SERVER_GRACE_SECONDS


def note_activity(user, session, now: float) -> None:
    """Remember when this person last used this session, while their lock is on.

    With the lock off, nothing is written; a time left from before is dropped, so turning the
    lock on again later does not lock at once.
    """
    if not user.lock_after_minutes:
        session.pop(LAST_SEEN, None)
        return
    last_seen = session.get(LAST_SEEN)
    if last_seen is None or now - last_seen >= ACTIVITY_PRECISION_SECONDS:
        session[LAST_SEEN] = now


def note_wrong_try(session) -> int:
    """Count an unlocking try that did not match; return how many tries are left."""
    tries = session.get(WRONG_TRIES, 0) + 1
    session[WRONG_TRIES] = tries
    return max(0, TRIES - tries)


def leaving_locks(user) -> bool:
    """Leave quickly locks for a person who has turned the lock on (a time, or a PIN) and
    signs out everyone else: without a lock they chose, there is nothing they expect to
    unlock, and an ended session leaves nothing behind to guess at."""
    return user.has_lock
