"""The private calendar feed (iCalendar, RFC 5545): a person's promises in their own calendar app.

Each active promise is an event at its time of day in the person's time zone (with that zone's
VTIMEZONE, so daylight-saving changes move it correctly), repeating every day or on its
weekdays, or on its one day. Promises without a time of day are all-day events. An alarm is
added where the person asked to be reminded, unless reminders are paused or the time falls in
quiet hours. Titles say "A small promise" unless the person chose to show words.
"""

from datetime import UTC, date, datetime, timedelta

from django.utils import timezone
from icalendar import Alarm, Calendar, Event

from selftrust.reminders.emails import absolute
from selftrust.reminders.models import ReminderSettings
from selftrust.reminders.sources import SOURCES, CalendarEntry
from selftrust.reminders.timing import in_quiet_hours, zone_of

PRODUCT_ID = "-//Selftrust//Reminders//EN"
EVENT_LENGTH = timedelta(minutes=15)
# Calendar apps that honour it look again every few hours.
REFRESH = timedelta(hours=4)


def _event(entry: CalendarEntry, choices: ReminderSettings, zone, site_url: str, stamp) -> Event:
    wording = SOURCES[entry.kind].wording
    title = entry.words if choices.show_words and entry.words else wording.calendar
    event = Event()
    event.add("uid", f"{entry.uid}@selftrust")
    event.add("dtstamp", stamp)
    event.add("summary", title)
    event.add("url", absolute(site_url, entry.link))
    event.add("description", absolute(site_url, entry.link))
    event.add("transp", "TRANSPARENT")  # it does not make the person look busy
    if entry.at is None:
        event.add("dtstart", entry.starts)
        event.add("dtend", entry.starts + timedelta(days=1))
    else:
        event.add("dtstart", datetime.combine(entry.starts, entry.at, tzinfo=zone))
        event.add("duration", EVENT_LENGTH)
    if entry.repeats:
        event.add("rrule", entry.repeats)
    wants_alarm = entry.alarm and entry.at is not None and not choices.paused
    if wants_alarm and not in_quiet_hours(entry.at, choices.quiet_from, choices.quiet_until):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(0))
        alarm.add("description", wording.say(entry.words, choices.show_words))
        event.add_component(alarm)
    return event


def feed_for(user, site_url: str = "") -> bytes:
    """The person's calendar as .ics bytes."""
    choices = ReminderSettings.objects.filter(user=user).first() or ReminderSettings(user=user)
    zone = zone_of(user.time_zone)
    stamp = timezone.now().astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Selftrust")
    calendar.add("x-wr-timezone", zone.key)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    entries = [entry for source in SOURCES.values() for entry in source.calendar_entries(choices)]
    for entry in entries:
        calendar.add_component(_event(entry, choices, zone, site_url, stamp))
    if any(entry.at is not None for entry in entries):
        first = min(entry.starts for entry in entries) - timedelta(days=1)
        last = max(date(2038, 1, 1), timezone.now().date() + timedelta(days=3650))
        # VTIMEZONE with every change from the first event on; DST moves are the calendar's.
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()
