"""Two workers on one PostgreSQL database, at the same moment, send each reminder once.

Run with DATABASE_URL=postgres://selftrust:selftrust@127.0.0.1:5432/selftrust (make
test-postgres). On SQLite one writer waits for the other, so there is no race to prove.
"""

import threading
from datetime import UTC, datetime, time, timedelta

import pytest
import requests
from django.core import mail
from django.db import connection, connections
from django_tasks_db.management.commands.db_worker import Worker

from selftrust.reminders.models import Delivery, SentReminder
from selftrust.reminders.sending import send_due_reminders
from selftrust.reminders.tasks import send_due_reminders as send_due_reminders_task
from tests.factories import UserFactory
from tests.reminders.factories import confirmed_email, push_device, reminded_promise
from tests.reminders.factories import reminder_choices as choose

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 12
PROMISES_EACH = 3


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL, where two workers really write at once: run with "
            "DATABASE_URL=postgres://selftrust:selftrust@127.0.0.1:5432/selftrust"
        )


@pytest.fixture
def push_posts(monkeypatch):
    posts = []
    lock = threading.Lock()

    def post(url, data=None, headers=None, timeout=None, **kwargs):
        with lock:
            posts.append(url)
        answer = requests.Response()
        answer.status_code = 201
        answer._content = b""
        return answer

    monkeypatch.setattr(requests, "post", post)
    return posts


def people_with_reminders_at(at: time) -> None:
    for _ in range(PEOPLE):
        person = UserFactory(time_zone="UTC")
        choose(person)
        confirmed_email(person)
        push_device(person)
        for _ in range(PROMISES_EACH):
            reminded_promise(person, at=at)


def side_by_side(work, workers=2) -> None:
    """Run `work` in `workers` threads released at the same instant, each with its own
    database connection, as separate worker processes would have."""
    start = threading.Barrier(workers)
    failures = []

    def run():
        try:
            start.wait()
            work()
        except BaseException as error:  # reported below, in the test's own thread
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures


def test_two_workers_planning_the_same_minute_send_each_reminder_once(push_posts):
    now = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)
    people_with_reminders_at(time(9, 0))
    expected = PEOPLE * PROMISES_EACH

    for second in range(3):  # and again a few seconds later, as the next minute's run would
        side_by_side(lambda second=second: send_due_reminders(now + timedelta(seconds=second)))

    assert len(mail.outbox) == expected
    assert len(push_posts) == expected
    assert SentReminder.objects.count() == 2 * expected
    assert set(SentReminder.objects.values_list("status", flat=True)) == {Delivery.SENT}


def test_two_db_workers_running_the_queued_task_twice_send_each_reminder_once(push_posts):
    from django.utils import timezone

    now = timezone.now()
    people_with_reminders_at((now - timedelta(minutes=1)).time())
    if now.date() != (now - timedelta(minutes=1)).date():
        pytest.skip("a minute ago was yesterday; the reminders would be for another day")
    # Two copies of the minute's task queued, as two schedulers without the slot table would.
    send_due_reminders_task.enqueue()
    send_due_reminders_task.enqueue()

    def db_worker():
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"test-{threading.get_ident()}",
            excluded_queue_names=[],
        ).run()

    side_by_side(db_worker)

    expected = PEOPLE * PROMISES_EACH
    assert len(mail.outbox) == expected
    assert len(push_posts) == expected
    assert SentReminder.objects.filter(status=Delivery.SENT).count() == 2 * expected
