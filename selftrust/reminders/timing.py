"""When a reminder may go: wall-clock times in the person's own time zone, quiet hours, and the
daylight-saving days when a local time happens twice or not at all. Plain functions.

All comparisons of moments are made in UTC: Python compares two datetimes that share one
`ZoneInfo` by their wall-clock reading, which is an hour out across a daylight-saving change.
"""

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta

# A reminder planned for 17:30 still goes at 19:00 if the worker was stopped for a while, but
# not later: by then it would arrive out of the blue, and Today shows the promise anyway.
LATE_LIMIT = timedelta(hours=2)


def zone_of(name: str) -> zoneinfo.ZoneInfo:
    """The person's time zone; UTC if the name is not one this system knows."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def in_quiet_hours(moment: time, quiet_from: time | None, quiet_until: time | None) -> bool:
    """Whether a wall-clock time falls in quiet hours, which may cross midnight (22:00-08:00).
    Quiet hours include their start and end before their end: 22:00 is quiet, 08:00 is not."""
    if quiet_from is None or quiet_until is None or quiet_from == quiet_until:
        return False
    moment = moment.replace(tzinfo=None)
    if quiet_from < quiet_until:
        return quiet_from <= moment < quiet_until
    return moment >= quiet_from or moment < quiet_until


def delivery_time(due_at: time, quiet_from: time | None, quiet_until: time | None) -> time | None:
    """The wall-clock time, on the same day, that a reminder due at `due_at` may go.

    Outside quiet hours it goes at its time. Inside them it waits for them to end, if they end
    later the same day (a 07:00 promise with quiet hours until 08:00 is reminded of at 08:00);
    if they last until tomorrow (a 23:00 promise, quiet from 22:00), there is no reminder that
    day rather than one in the middle of the night or one for a day already over.
    """
    if not in_quiet_hours(due_at, quiet_from, quiet_until):
        return due_at
    if quiet_until is not None and quiet_until > due_at:
        return quiet_until
    return None


def moment_of(day: date, wall_clock: time, zone: zoneinfo.ZoneInfo) -> datetime:
    """The UTC moment of a local date and wall-clock time.

    On the day clocks go back the time happens twice: the first is meant (fold=0). On the day
    they go forward a time in the gap (02:30 in Berlin on 29 March 2026) does not exist; it is
    read with the offset from before the change, that is, an hour later on the new clock.
    """
    return datetime.combine(day, wall_clock.replace(tzinfo=None), tzinfo=zone).astimezone(UTC)


def is_time_to_send(
    now: datetime,
    day: date,
    due_at: time,
    zone: zoneinfo.ZoneInfo,
    quiet_from: time | None = None,
    quiet_until: time | None = None,
) -> bool:
    """Whether a reminder for something due at `due_at` on the local `day` may go at `now`."""
    local_now = now.astimezone(zone)
    if local_now.date() != day:
        return False
    if in_quiet_hours(local_now.time(), quiet_from, quiet_until):
        return False
    goes_at = delivery_time(due_at, quiet_from, quiet_until)
    if goes_at is None:
        return False
    start = moment_of(day, goes_at, zone)
    return start <= now.astimezone(UTC) < start + LATE_LIMIT
