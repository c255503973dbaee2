"""When reminders go, with a frozen clock: every call says what time it is (`now`)."""

from datetime import UTC, date, datetime, time

import pytest
from django.core import mail

from selftrust.promises.models import Schedule, Status
from selftrust.reminders import sending
from selftrust.reminders.models import Delivery, SentReminder
from selftrust.reminders.sending import send_due_reminders
from tests.factories import CheckInFactory, DecisionFactory, PromiseFactory
from tests.reminders.factories import (
    person_with_email,
    reminded_promise,
    reminder_choices,
)

pytestmark = pytest.mark.django_db


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def sent_at(now) -> int:
    before = len(mail.outbox)
    send_due_reminders(now)
    return len(mail.outbox) - before


def test_a_chosen_promise_is_reminded_of_at_its_time_in_the_persons_zone():
    person = person_with_email("Europe/Berlin")
    reminded_promise(person, at=time(17, 30))
    # 17:29 in Berlin (summer time, UTC+2) is 15:29 UTC.
    assert sent_at(at(2026, 6, 10, 15, 29)) == 0
    assert sent_at(at(2026, 6, 10, 15, 30)) == 1
    assert mail.outbox[0].to == [f"{person.username}@example.org"]


def test_at_most_one_reminder_per_promise_per_day():
    person = person_with_email("Europe/Berlin")
    reminded_promise(person, at=time(17, 30))
    assert sent_at(at(2026, 6, 10, 15, 30)) == 1
    assert sent_at(at(2026, 6, 10, 15, 31)) == 0
    assert sent_at(at(2026, 6, 10, 16, 45)) == 0
    # The next day is a new day.
    assert sent_at(at(2026, 6, 11, 15, 30)) == 1


def test_no_reminder_once_the_day_is_answered():
    person = person_with_email("Europe/Berlin")
    promise = reminded_promise(person, at=time(17, 30))
    CheckInFactory(promise=promise, day=date(2026, 6, 10), outcome="not_this_time")
    assert sent_at(at(2026, 6, 10, 15, 30)) == 0
    # Answering one day says nothing about the next.
    assert sent_at(at(2026, 6, 11, 15, 30)) == 1


def test_no_reminder_while_all_reminders_are_paused():
    person = person_with_email("Europe/Berlin", paused=True)
    reminded_promise(person, at=time(17, 30))
    assert sent_at(at(2026, 6, 10, 15, 30)) == 0


@pytest.mark.parametrize("status", [Status.PAUSED, Status.ARCHIVED])
def test_no_reminder_for_a_resting_or_archived_promise(status):
    person = person_with_email("Europe/Berlin")
    reminded_promise(person, at=time(17, 30), status=status)
    assert sent_at(at(2026, 6, 10, 15, 30)) == 0


def test_no_reminder_for_a_promise_not_chosen():
    person = person_with_email("Europe/Berlin")
    PromiseFactory(user=person, time_of_day=time(17, 30), starts_on=date(2026, 1, 1))
    assert sent_at(at(2026, 6, 10, 15, 30)) == 0


def test_no_reminder_on_a_day_the_promise_does_not_ask_anything():
    person = person_with_email("UTC")
    # 10 June 2026 is a Wednesday (2); the promise is for Mondays and Fridays.
    reminded_promise(person, at=time(9, 0), schedule=Schedule.WEEKDAYS, weekdays=[0, 4])
    assert sent_at(at(2026, 6, 10, 9, 0)) == 0
    assert sent_at(at(2026, 6, 12, 9, 0)) == 1


def test_a_once_promise_is_reminded_of_on_its_day_only():
    person = person_with_email("UTC")
    reminded_promise(person, at=time(9, 0), schedule=Schedule.ONCE, due_date=date(2026, 6, 12))
    assert sent_at(at(2026, 6, 10, 9, 0)) == 0
    assert sent_at(at(2026, 6, 12, 9, 0)) == 1


def test_no_reminder_without_any_channel():
    person = person_with_email("UTC")
    person.reminder_email.delete()
    reminded_promise(person, at=time(9, 0))
    send_due_reminders(at(2026, 6, 10, 9, 0))
    assert not SentReminder.objects.exists()


def test_a_reminder_more_than_two_hours_late_is_not_sent():
    person = person_with_email("UTC")
    reminded_promise(person, at=time(9, 0))
    assert sent_at(at(2026, 6, 10, 11, 1)) == 0
    other = person_with_email("UTC")
    reminded_promise(other, at=time(9, 0))
    assert sent_at(at(2026, 6, 10, 10, 59)) == 2  # both: the first person's is still on time


# --- quiet hours ----------------------------------------------------------------------------


def test_a_reminder_due_in_quiet_hours_waits_until_they_end_the_same_morning():
    person = person_with_email("Europe/Berlin", quiet_from=time(22, 0), quiet_until=time(8, 0))
    reminded_promise(person, at=time(7, 0))
    # 07:00 in Berlin is 05:00 UTC in summer: quiet.
    assert sent_at(at(2026, 6, 10, 5, 0)) == 0
    assert sent_at(at(2026, 6, 10, 5, 59)) == 0
    # 08:00 in Berlin: quiet hours are over.
    assert sent_at(at(2026, 6, 10, 6, 0)) == 1


def test_a_reminder_due_late_in_the_evening_quiet_hours_is_not_sent_at_all():
    person = person_with_email("Europe/Berlin", quiet_from=time(22, 0), quiet_until=time(8, 0))
    reminded_promise(person, at=time(23, 0))
    for hour in range(24):
        assert sent_at(at(2026, 6, 10, hour, 0)) == 0


def test_quiet_hours_in_the_afternoon_move_a_reminder_to_their_end():
    person = person_with_email("UTC", quiet_from=time(13, 0), quiet_until=time(15, 0))
    reminded_promise(person, at=time(14, 0))
    assert sent_at(at(2026, 6, 10, 14, 0)) == 0
    assert sent_at(at(2026, 6, 10, 15, 0)) == 1


def test_a_late_reminder_is_not_sent_once_quiet_hours_begin():
    person = person_with_email("UTC", quiet_from=time(22, 0), quiet_until=time(8, 0))
    reminded_promise(person, at=time(21, 0))
    assert sent_at(at(2026, 6, 10, 22, 30)) == 0


# --- daylight saving --------------------------------------------------------------------------


def test_berlin_reminders_follow_the_clocks_going_back_on_25_october_2026():
    person = person_with_email("Europe/Berlin")
    reminded_promise(person, at=time(17, 30))
    # Saturday: summer time, 17:30 is 15:30 UTC.
    assert sent_at(at(2026, 10, 24, 15, 30)) == 1
    # Sunday: winter time, 17:30 is 16:30 UTC, not 15:30.
    assert sent_at(at(2026, 10, 25, 15, 30)) == 0
    assert sent_at(at(2026, 10, 25, 16, 29)) == 0
    assert sent_at(at(2026, 10, 25, 16, 30)) == 1


def test_new_york_reminders_follow_the_clocks_going_back_on_1_november_2026():
    person = person_with_email("America/New_York")
    reminded_promise(person, at=time(8, 0))
    # Saturday: EDT, 08:00 is 12:00 UTC.
    assert sent_at(at(2026, 10, 31, 12, 0)) == 1
    # Sunday: EST, 08:00 is 13:00 UTC.
    assert sent_at(at(2026, 11, 1, 12, 0)) == 0
    assert sent_at(at(2026, 11, 1, 13, 0)) == 1


def test_a_time_that_happens_twice_when_clocks_go_back_brings_one_reminder():
    person = person_with_email("America/New_York")
    reminded_promise(person, at=time(1, 30))
    # 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    assert sent_at(at(2026, 11, 1, 5, 30)) == 1
    assert sent_at(at(2026, 11, 1, 6, 30)) == 0


def test_a_time_skipped_when_clocks_go_forward_is_reminded_of_just_after_the_change():
    person = person_with_email("Europe/Berlin")
    reminded_promise(person, at=time(2, 30))
    # On 29 March 2026 Berlin jumps from 02:00 to 03:00 (01:00 UTC); 02:30 doesn't exist
    # and is read as 03:30 summer time (01:30 UTC).
    assert sent_at(at(2026, 3, 29, 1, 0)) == 0
    assert sent_at(at(2026, 3, 29, 1, 30)) == 1


def test_the_persons_own_day_counts_not_the_servers():
    person = person_with_email("Pacific/Auckland")
    promise = reminded_promise(person, at=time(7, 0))
    # 07:00 on 11 June in Auckland (UTC+12) is 19:00 on 10 June in UTC.
    CheckInFactory(promise=promise, day=date(2026, 6, 10))
    assert sent_at(at(2026, 6, 10, 19, 0)) == 1
    assert SentReminder.objects.get().local_date == date(2026, 6, 11)


# --- other kinds of due things ----------------------------------------------------------------


def test_a_decision_to_look_back_on_is_reminded_of_on_its_day_when_chosen():
    person = person_with_email("UTC", kinds=["decision"], other_reminders_at=time(9, 0))
    DecisionFactory(entry__user=person, review_on=date(2026, 6, 12))
    assert sent_at(at(2026, 6, 11, 9, 0)) == 0
    assert sent_at(at(2026, 6, 12, 8, 59)) == 0
    assert sent_at(at(2026, 6, 12, 9, 0)) == 1
    assert mail.outbox[-1].subject == "Something you decided is ready to look back on"
    # Not chased the day after.
    assert sent_at(at(2026, 6, 13, 9, 0)) == 0


def test_decisions_are_not_reminded_of_unless_chosen():
    person = person_with_email("UTC", other_reminders_at=time(9, 0))
    DecisionFactory(entry__user=person, review_on=date(2026, 6, 12))
    assert sent_at(at(2026, 6, 12, 9, 0)) == 0


def test_a_decision_already_looked_back_on_brings_no_reminder():
    person = person_with_email("UTC", kinds=["decision"], other_reminders_at=time(9, 0))
    DecisionFactory(
        entry__user=person,
        review_on=date(2026, 6, 12),
        reviewed_at=at(2026, 6, 12, 8, 0),
        instinct_served="yes",
    )
    assert sent_at(at(2026, 6, 12, 9, 0)) == 0


# --- words ------------------------------------------------------------------------------------


def test_a_reminder_says_no_words_of_the_promise_by_default():
    person = person_with_email("UTC")
    reminded_promise(person, at=time(9, 0), text="Call my sister about the court date")
    send_due_reminders(at(2026, 6, 10, 9, 0))
    email = mail.outbox[0]
    assert email.subject == "A small promise is waiting for you"
    assert "sister" not in email.subject + email.body
    assert "https://selftrust.example.org/today/" in email.body


def test_a_reminder_shows_the_words_when_the_person_chose_that():
    person = person_with_email("UTC", show_words=True)
    reminded_promise(person, at=time(9, 0), text="Rest for ten minutes")
    send_due_reminders(at(2026, 6, 10, 9, 0))
    assert mail.outbox[0].subject == "A small promise for today: Rest for ten minutes"


def test_reminders_never_count_anything_missed():
    person = person_with_email("UTC")
    reminded_promise(person, at=time(9, 0))
    for day in (10, 11, 12):
        send_due_reminders(at(2026, 6, day, 9, 0))
    for email in mail.outbox:
        text = (email.subject + email.body).lower()
        assert not any(word in text for word in ("missed", "streak", "failed", " in a row"))
    assert [row.status for row in SentReminder.objects.all()] == [Delivery.SENT] * 3


def test_people_are_reminded_each_in_their_own_time_zone_in_one_run():
    berlin = person_with_email("Europe/Berlin")
    tokyo = person_with_email("Asia/Tokyo")
    reminded_promise(berlin, at=time(17, 30))
    reminded_promise(tokyo, at=time(0, 30))
    reminder_choices(tokyo)  # no quiet hours
    # 15:30 UTC: 17:30 in Berlin, 00:30 the next day in Tokyo.
    assert sent_at(at(2026, 6, 10, 15, 30)) == 2


def test_people_are_read_in_batches_and_nobody_is_left_out(monkeypatch):
    monkeypatch.setattr(sending, "BATCH", 2)
    for _ in range(5):
        reminded_promise(person_with_email("UTC"), at=time(9, 0))
    assert sent_at(at(2026, 6, 10, 9, 0)) == 5
