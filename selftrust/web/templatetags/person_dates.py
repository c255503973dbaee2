"""Dates and times the way the person reads them, in their own time zone.

Selftrust is not translated (LocaleMiddleware is off, on purpose), yet "11/26/2026" reads as
nonsense in Berlin and "17:30" reads as odd in Ohio. So the order of day and month, and 12- or
24-hour times, follow the browser's Accept-Language; the words stay English. Datetimes are
shown in the person's time zone (User.time_zone), so a late-evening entry is on their day.

    {% load person_dates %}
    {% person_date today "weekday" %}      Thursday 26 November  ·  Thursday, November 26
    {% person_date entry.created_at "short_year" %}   26 Nov 2026  ·  Nov 26, 2026
    {% person_time promise.time_of_day %}  17:30  ·  5:30 pm
    {% next_due_in_words item.next_day today %}   tomorrow  ·  Friday  ·  2 December
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from django import template
from django.utils import timezone

register = template.Library()

# Data, not branches: where month comes before day (CLDR's medium date patterns), and where
# clocks read 12-hour (CLDR's preferred hour cycle). Everything else: day-month, 24-hour,
# which is also what a browser that sends no Accept-Language gets.
MONTH_FIRST = {"en-us", "en-ca", "en-ph", "en-pr", "en-as", "en-gu", "en-um", "en-vi"}
HOUR12 = {
    "en-us",
    "en-ca",
    "en-au",
    "en-nz",
    "en-in",
    "en-ph",
    "en-pk",
    "en-pr",
    "es-us",
    "es-mx",
}
HOUR12_LANGUAGES = {"ar", "bn", "hi", "ko", "ur", "fil"}

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class DateStyle:
    month_first: bool = False
    hour12: bool = False

    @property
    def key(self) -> str:
        """Short and stable, for cache keys of pages that show dates."""
        return ("mdy" if self.month_first else "dmy") + ("-12h" if self.hour12 else "-24h")

    def __str__(self) -> str:
        return self.key


DAY_MONTH_24H = DateStyle()


def preferred_language(accept_language: str) -> str:
    """The browser's first choice among its languages ('' if none), lower-cased."""
    best, best_q = "", 0.0
    for part in (accept_language or "").split(","):
        tag, _sep, params = part.strip().partition(";")
        tag = tag.strip().lower().replace("_", "-")
        if not tag or tag == "*":
            continue
        q = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q:  # the first of equals wins, as the header lists them by preference
            best, best_q = tag, q
    return best


def date_style_for(accept_language: str) -> DateStyle:
    tag = preferred_language(accept_language)
    parts = tag.split("-")
    # "en-Latn-US" and "en-US" alike: the language and the region, when there is one.
    region = next((p for p in parts[1:] if len(p) == 2 or (len(p) == 3 and p.isdigit())), "")
    short = f"{parts[0]}-{region}" if region else parts[0]
    return DateStyle(
        month_first=short in MONTH_FIRST,
        hour12=short in HOUR12 or parts[0] in HOUR12_LANGUAGES,
    )


def _local(value: datetime, tz: tzinfo | None) -> datetime:
    if timezone.is_aware(value):
        return timezone.localtime(value, tz)
    return value


def format_date(
    value: date | datetime, style: DateStyle = DAY_MONTH_24H, form: str = "long", tz=None
) -> str:
    """A date (or the day of a datetime, in `tz`) in one of the forms:

    weekday: "Thursday 26 November" / "Thursday, November 26"
    day: "26 November" / "November 26"
    short: "26 Nov" / "Nov 26"
    long: "26 November 2026" / "November 26, 2026"
    short_year: "26 Nov 2026" / "Nov 26, 2026"
    """
    if isinstance(value, datetime):
        value = _local(value, tz).date()
    month = MONTHS[value.month - 1]
    if form in ("short", "short_year"):
        month = month[:3]
    day_month = f"{month} {value.day}" if style.month_first else f"{value.day} {month}"
    if form == "weekday":
        weekday = WEEKDAYS[value.weekday()]
        return f"{weekday}, {day_month}" if style.month_first else f"{weekday} {day_month}"
    if form in ("day", "short"):
        return day_month
    if form in ("long", "short_year"):
        return f"{day_month}, {value.year}" if style.month_first else f"{day_month} {value.year}"
    raise ValueError(f"Unknown date form {form!r}")


def format_time(value: time | datetime, style: DateStyle = DAY_MONTH_24H, tz=None) -> str:
    """'17:30', or '5:30 pm' where clocks read 12-hour."""
    if isinstance(value, datetime):
        value = _local(value, tz).time()
    if not style.hour12:
        return f"{value.hour:02d}:{value.minute:02d}"
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d} {'am' if value.hour < 12 else 'pm'}"


def format_datetime(
    value: datetime, style: DateStyle = DAY_MONTH_24H, form: str = "short_year", tz=None
) -> str:
    """'26 Nov 2026, 17:30' / 'Nov 26, 2026, 5:30 pm', in `tz`."""
    return f"{format_date(value, style, form, tz)}, {format_time(value, style, tz)}"


def next_day_in_words(day: date, today: date, style: DateStyle = DAY_MONTH_24H) -> str:
    """'tomorrow', a weekday within the coming week, else the date (with its year if not this
    year's)."""
    ahead = (day - today).days
    if ahead == 1:
        return "tomorrow"
    if 1 < ahead < 7:
        return WEEKDAYS[day.weekday()]
    return format_date(day, style, "day" if day.year == today.year else "long")


# Template side: the style and the zone come from the request, read once per request.


def style_for_request(request) -> DateStyle:
    if request is None:
        return DAY_MONTH_24H
    style = getattr(request, "_person_date_style", None)
    if style is None:
        style = date_style_for(request.headers.get("Accept-Language", ""))
        request._person_date_style = style
    return style


def _style(context) -> DateStyle:
    return style_for_request(context.get("request"))


def _zone(context) -> tzinfo | None:
    """The person's zone; else the active one (UserTimezoneMiddleware sets it from the same)."""
    user = context.get("user")
    if user is not None and getattr(user, "is_authenticated", False):
        try:
            return zoneinfo.ZoneInfo(user.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
    return None


@register.simple_tag(takes_context=True)
def person_date(context, value, form: str = "long") -> str:
    if value in (None, ""):
        return ""
    return format_date(value, _style(context), form, _zone(context))


@register.simple_tag(takes_context=True)
def person_time(context, value) -> str:
    if value in (None, ""):
        return ""
    return format_time(value, _style(context), _zone(context))


@register.simple_tag(takes_context=True)
def person_datetime(context, value, form: str = "short_year") -> str:
    if value in (None, ""):
        return ""
    return format_datetime(value, _style(context), form, _zone(context))


@register.simple_tag(takes_context=True)
def next_due_in_words(context, day, today) -> str:
    return next_day_in_words(day, today, _style(context))


@register.simple_tag(takes_context=True)
def person_date_style(context) -> str:
    """The style's key, for {% cache %} keys: {% person_date_style as date_style %}."""
    return _style(context).key
