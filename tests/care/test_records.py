from datetime import timedelta

import pytest

from selftrust.care import categories, records
from selftrust.promises.models import Outcome, Status
from tests.care.conftest import link_between
from tests.factories import CheckInFactory, PromiseFactory

pytestmark = pytest.mark.django_db


def test_a_promise_answered_only_before_the_first_shared_day_stays_unseen(user, therapist):
    today = user.local_today()
    old = PromiseFactory(user=user, text="An old promise", starts_on=today - timedelta(days=400))
    CheckInFactory(promise=old, day=today - timedelta(days=390), outcome=Outcome.KEPT)
    old.status = Status.ARCHIVED
    old.save()
    answered = PromiseFactory(
        user=user, text="Answered lately", starts_on=today - timedelta(days=30)
    )
    CheckInFactory(promise=answered, day=today, outcome=Outcome.KEPT)
    new = PromiseFactory(user=user, text="Started today", starts_on=today)
    link = link_between(user, therapist, shared=[categories.PROMISES], shared_from=today)
    assert set(records.promises(link)) == {answered, new}
    link.shared_from = None
    assert set(records.promises(link)) == {old, answered, new}
