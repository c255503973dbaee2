"""Guarding drafts against an autosave that arrives after the form was saved.

An autosave sent just before the person pressed Save can reach the server after the save
and bring the draft back, so the next empty form would offer words already saved. The save
marks the draft closed for a few seconds in the session; autosaves in that moment are ignored.
"""

import time

CLOSING_GRACE_SECONDS = 5


def close_draft(request, key: str) -> None:
    request.session[f"draft-closed:{key}"] = time.time()


def draft_recently_closed(request, key: str) -> bool:
    closed_at = request.session.get(f"draft-closed:{key}")
    return closed_at is not None and time.time() - closed_at < CLOSING_GRACE_SECONDS
