"""One number per person that changes whenever anything of theirs that a page shows changes.

`User.data_version` lets a page be kept as rendered (web/page_cache.py) and never shown after a
change: every request reads the user row anyway, so the version costs no query to check.

It is bumped after every save or delete of a model that belongs to a person (MODELS below, by
Django's signals), and by `User.note_record_changed()`, which the bulk writes that send no
signals call (importing). Two kinds of rows are left out on purpose, because no kept page shows
them and bumping for them would throw kept pages away for nothing:
- care.AccessRecord, written on every look a therapist takes (the audit pages are never kept);
- reminders.SentReminder, the worker's delivery log, purged in bulk.
A model added later that belongs to a person must be added to MODELS (a test checks that every
model with a person in it is either here or named above).
"""

import threading
from contextlib import contextmanager

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.db.models.signals import post_delete, post_save

_paused = threading.local()

# How to find the people a row belongs to, by model label.
MODELS = {
    "accounts.User": lambda row: [row.pk],
    "accounts.ApiToken": lambda row: [row.user_id],
    "accounts.RecoveryCode": lambda row: [row.user_id],
    "accounts.Invitation": lambda row: [row.created_by_id],
    "safety.TrustedPerson": lambda row: [row.user_id],
    "safety.SafetyPlan": lambda row: [row.user_id],
    "promises.Promise": lambda row: [row.user_id],
    "promises.CheckIn": lambda row: [row.promise.user_id],
    "assessments.AssessmentResponse": lambda row: [row.user_id],
    "practices.Entry": lambda row: [row.user_id],
    "practices.Decision": lambda row: [row.entry.user_id],
    "practices.ThoughtRecord": lambda row: [row.entry.user_id],
    "drafts.Draft": lambda row: [row.user_id],
    "insights.DailyCheck": lambda row: [row.user_id],
    "insights.WeeklyReview": lambda row: [row.user_id],
    "care.Invitation": lambda row: [row.person_id],
    # A link and its homework show on both sides: the person's Today, the therapist's caseload.
    "care.CareLink": lambda row: [row.person_id, row.therapist_id],
    "care.Homework": lambda row: [row.person_id, row.link.therapist_id],
    "care.SessionNote": lambda row: [row.person_id],
    "reminders.ReminderSettings": lambda row: [row.user_id],
    "reminders.PromiseReminder": lambda row: [row.promise.user_id],
    "reminders.PushSubscription": lambda row: [row.user_id],
    "reminders.EmailAddress": lambda row: [row.user_id],
    "reminders.CalendarFeed": lambda row: [row.user_id],
}
LEFT_OUT = {"care.AccessRecord", "reminders.SentReminder"}


def note_data_changed(*user_ids) -> None:
    """Bump the data version of these people (one UPDATE), unless paused."""
    from selftrust.accounts.models import User

    ids = {user_id for user_id in user_ids if user_id is not None}
    if ids and not getattr(_paused, "on", False):
        User.objects.filter(pk__in=ids).update(data_version=F("data_version") + 1)


@contextmanager
def paused():
    """No bumps inside: for deleting a whole account, whose thousands of rows would each
    send a signal about a person who is about to be gone."""
    before = getattr(_paused, "on", False)
    _paused.on = True
    try:
        yield
    finally:
        _paused.on = before


def _changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # loading fixtures: nothing is kept yet
        return
    owners = MODELS[sender._meta.label]
    try:
        ids = owners(instance)
    except ObjectDoesNotExist:  # a row whose parent went first, in a cascade: nothing to keep
        return
    note_data_changed(*ids)


def connect() -> None:
    from django.apps import apps

    for label in MODELS:
        model = apps.get_model(label)
        uid = f"data-version:{label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)
