"""The private calendar feed, read back with icalendar as a calendar app would."""

from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from selftrust.promises.models import Schedule, Status
from selftrust.reminders.models import CalendarFeed
from tests.factories import DecisionFactory, PromiseFactory, UserFactory
from tests.reminders.factories import reminded_promise, reminder_choices

pytestmark = pytest.mark.django_db


def feed_url(user) -> str:
    _feed, secret = CalendarFeed.issue(user)
    return reverse("reminders:calendar_feed", args=[secret])


def read(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar) -> dict[str, object]:
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def person():
    user = UserFactory(time_zone="Europe/Berlin")
    reminder_choices(user)
    return user


def test_a_daily_promise_repeats_every_day_at_its_time_in_the_persons_zone(client, person):
    promise = reminded_promise(person, at=time(17, 30), starts_on=date(2026, 9, 1))
    event = events(read(client, feed_url(person)))[f"promise-{promise.pk}@selftrust"]
    start = event.decoded("dtstart")
    assert start == datetime(2026, 9, 1, 17, 30, tzinfo=start.tzinfo)
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    assert event["rrule"]["FREQ"] == ["DAILY"]
    assert event.decoded("duration") == timedelta(minutes=15)


def test_the_calendar_carries_its_time_zone_so_daylight_saving_moves_events(client, person):
    reminded_promise(person, at=time(17, 30))
    calendar = read(client, feed_url(person))
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["tzid"] == "Europe/Berlin"
    berlin = zone.to_tz()
    # 17:30 on the day before the clocks go back is 15:30 UTC; on the day itself 16:30 UTC.
    assert datetime(2026, 10, 24, 17, 30, tzinfo=berlin).utcoffset() == timedelta(hours=2)
    assert datetime(2026, 10, 25, 17, 30, tzinfo=berlin).utcoffset() == timedelta(hours=1)


def test_new_york_events_carry_new_yorks_rules(client):
    user = UserFactory(time_zone="America/New_York")
    reminded_promise(user, at=time(8, 0))
    calendar = read(client, feed_url(user))
    [zone] = calendar.walk("VTIMEZONE")
    new_york = zone.to_tz()
    assert datetime(2026, 10, 31, 8, 0, tzinfo=new_york).utcoffset() == timedelta(hours=-4)
    assert datetime(2026, 11, 1, 8, 0, tzinfo=new_york).utcoffset() == timedelta(hours=-5)


def test_a_weekday_promise_repeats_on_its_days(client, person):
    promise = PromiseFactory(
        user=person, time_of_day=time(8, 0), schedule=Schedule.WEEKDAYS, weekdays=[0, 2]
    )
    event = events(read(client, feed_url(person)))[f"promise-{promise.pk}@selftrust"]
    assert event["rrule"]["FREQ"] == ["WEEKLY"]
    assert event["rrule"]["BYDAY"] == ["MO", "WE"]


def test_a_once_promise_without_a_time_is_one_all_day_event(client, person):
    promise = PromiseFactory(user=person, schedule=Schedule.ONCE, due_date=date(2026, 12, 3))
    event = events(read(client, feed_url(person)))[f"promise-{promise.pk}@selftrust"]
    assert event.decoded("dtstart") == date(2026, 12, 3)
    assert "rrule" not in event
    assert not event.walk("VALARM")


def test_titles_say_a_small_promise_unless_the_person_chose_to_show_words(client, person):
    promise = reminded_promise(person, text="Call my sister")
    url = feed_url(person)
    event = events(read(client, url))[f"promise-{promise.pk}@selftrust"]
    assert str(event["summary"]) == "A small promise"
    assert b"sister" not in client.get(url).content
    reminder_choices(person, show_words=True)
    event = events(read(client, url))[f"promise-{promise.pk}@selftrust"]
    assert str(event["summary"]) == "Call my sister"


def test_an_alarm_at_its_time_only_where_a_reminder_was_asked_for(client, person):
    chosen = reminded_promise(person, at=time(17, 30))
    not_chosen = PromiseFactory(user=person, time_of_day=time(9, 0))
    found = events(read(client, feed_url(person)))
    [alarm] = found[f"promise-{chosen.pk}@selftrust"].walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(0)
    assert str(alarm["action"]) == "DISPLAY"
    assert str(alarm["description"]) == "A small promise is waiting for you"
    assert not found[f"promise-{not_chosen.pk}@selftrust"].walk("VALARM")


def test_no_alarms_while_reminders_are_paused_or_in_quiet_hours(client, person):
    evening = reminded_promise(person, at=time(23, 0))
    reminder_choices(person, quiet_from=time(22, 0), quiet_until=time(8, 0))
    url = feed_url(person)
    assert not events(read(client, url))[f"promise-{evening.pk}@selftrust"].walk("VALARM")
    reminder_choices(person, paused=True, quiet_from=None, quiet_until=None)
    assert not events(read(client, url))[f"promise-{evening.pk}@selftrust"].walk("VALARM")


def test_resting_archived_and_other_peoples_promises_are_not_in_it(client, person):
    mine = PromiseFactory(user=person)
    PromiseFactory(user=person, status=Status.PAUSED)
    PromiseFactory(user=person, status=Status.ARCHIVED)
    PromiseFactory(user=UserFactory())
    assert list(events(read(client, feed_url(person)))) == [f"promise-{mine.pk}@selftrust"]


def test_decisions_to_look_back_on_appear_on_their_day(client, person):
    decision = DecisionFactory(entry__user=person, review_on=date(2026, 12, 3))
    event = events(read(client, feed_url(person)))[f"decision-{decision.pk}@selftrust"]
    assert event.decoded("dtstart") == date(2026, 12, 3)
    assert str(event["summary"]) == "A decision to look back on"


def test_a_turned_off_address_answers_not_found(client, person):
    url = feed_url(person)
    CalendarFeed.objects.filter(user=person).delete()
    assert client.get(url).status_code == 404


def test_a_new_address_replaces_the_old_one(client, person):
    old = feed_url(person)
    new = feed_url(person)
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert CalendarFeed.objects.count() == 1


def test_a_made_up_address_answers_not_found(client, person):
    feed_url(person)
    made_up = reverse("reminders:calendar_feed", args=["a" * 43])
    assert client.get(made_up).status_code == 404


def test_only_the_digest_of_the_secret_is_kept(person):
    _feed, secret = CalendarFeed.issue(person)
    stored = CalendarFeed.objects.get(user=person)
    assert secret not in stored.digest
    assert stored.digest == CalendarFeed.digest_of(secret)


def test_the_feed_is_never_stored_by_caches(client, person):
    response = client.get(feed_url(person))
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
