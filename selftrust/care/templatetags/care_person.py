"""The person's side of care on other apps' pages, drawn by tags so those pages need know
nothing of it: homework on Today ("From your therapist") and "Who looked" in Settings.

It also says a therapist's visits (looks.py) in plain sentences, in the person's own time zone
and way of writing dates, for these tags and the care pages alike.

    {% load care_person %}
    {% from_your_therapist_card %}     on Today
    {% who_looked_in_settings %}       in Settings
"""

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import timezone

from selftrust.care import homework as homework_rules
from selftrust.care import looks
from selftrust.care.links import ended_lately_by_others, links_of_person
from selftrust.care.models import HomeworkAnswer, HomeworkKind
from selftrust.care.shared_record import zone_of
from selftrust.web.templatetags.person_dates import (
    WEEKDAYS,
    DateStyle,
    format_date,
    format_time,
    style_for_request,
)

register = template.Library()


# --- dates and sentences --------------------------------------------------------------------


def _day_words(day: date, style: DateStyle, today: date) -> str:
    """'Tuesday 3 November'; with the year when it isn't this year's."""
    if day.year == today.year:
        return format_date(day, style, "weekday")
    weekday = WEEKDAYS[day.weekday()]
    joiner = ", " if style.month_first else " "
    return f"{weekday}{joiner}{format_date(day, style, 'long')}"


def when_in_words(first: datetime, last: datetime, style: DateStyle, tz, today: date) -> str:
    """'on Tuesday 3 November at 18:02', '… from 18:02 to 18:09', or across midnight."""
    first, last = timezone.localtime(first, tz), timezone.localtime(last, tz)
    start, end = format_time(first, style), format_time(last, style)
    if first.date() != last.date():
        return (
            f"from {_day_words(first.date(), style, today)} at {start} "
            f"to {_day_words(last.date(), style, today)} at {end}"
        )
    day = _day_words(first.date(), style, today)
    if start == end:
        return f"on {day} at {start}"
    return f"on {day}, from {start} to {end}"


def joined(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _items(opened: list[looks.Opened]) -> str:
    return joined(
        [item.words + (f" ({item.times} times)" if item.times > 1 else "") for item in opened]
    )


def _who(visit: looks.Visit) -> str:
    name = visit.therapist_name
    if visit.relation in (looks.LINKED, looks.WAS_LINKED):
        return f"Your therapist {name}"
    if visit.relation == looks.ACCOUNT_GONE:
        return f"{name}, whose account has since been closed,"
    return f"{name}, a therapist you aren't linked with,"


@dataclass(frozen=True)
class VisitInWords:
    said: str
    # Attempts at something not shared, in the same visit: said apart, never mixed in.
    also: str
    refused_only: bool
    first_at: datetime


def visit_in_words(visit: looks.Visit, style: DateStyle, tz, today: date) -> VisitInWords:
    who = _who(visit)
    when = when_in_words(visit.first_at, visit.last_at, style, tz, today)
    it = "it" if len(visit.refused) == 1 and visit.refused[0].times == 1 else "these"
    not_shown = f"You weren't sharing {it} with them, so nothing was shown."
    if not visit.seen:
        said = f"{who} tried to open {_items(visit.refused)} {when}. {not_shown}"
        return VisitInWords(said, "", True, visit.first_at)
    said = f"{who} looked at {_items(visit.seen)} {when}."
    also = ""
    if visit.refused:
        also = f"{visit.therapist_name} also tried to open {_items(visit.refused)}. {not_shown}"
    return VisitInWords(said, also, False, visit.first_at)


def visits_in_words(request, visits) -> list[VisitInWords]:
    user = request.user
    style, tz = style_for_request(request), zone_of(user)
    today = user.local_today()
    return [visit_in_words(visit, style, tz, today) for visit in visits]


# --- homework -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HomeworkCard:
    """One piece of homework as the person sees it, with where it leads."""

    homework: object
    title: str
    therapist_name: str
    # Where "open it" goes: the practice, the lesson, or the promise form with the words in it.
    href: str
    done_at: datetime | None

    @property
    def kind(self) -> str:
        return self.homework.kind

    @property
    def is_open(self) -> bool:
        return self.homework.answer == HomeworkAnswer.OPEN

    @property
    def is_promise(self) -> bool:
        return self.homework.kind == HomeworkKind.PROMISE

    @property
    def is_lesson(self) -> bool:
        return self.homework.kind == HomeworkKind.LESSON

    @property
    def is_practice(self) -> bool:
        return self.homework.kind == HomeworkKind.PRACTICE


def homework_card(homework) -> HomeworkCard:
    described = homework_rules.describe(homework)
    if described.url_name:
        href = reverse(described.url_name, args=[described.url_arg])
    else:
        query = urlencode({"text": homework.target, "from_homework": homework.pk})
        href = f"{reverse('promises:create')}?{query}"
    return HomeworkCard(
        homework=homework,
        title=described.title or homework.target,
        therapist_name=homework.link.therapist.get_username(),
        href=href,
        done_at=getattr(homework, "done_at", None),
    )


def on_today(user, today: date) -> list[HomeworkCard]:
    """Waiting homework; a practice done since shows "done" on the day it was done, then
    leaves Today (the care page keeps it)."""
    tz = zone_of(user)
    cards = []
    for homework in homework_rules.waiting_for_person(user):
        card = homework_card(homework)
        if card.done_at and timezone.localtime(card.done_at, tz).date() < today:
            continue
        cards.append(card)
    return cards


@register.inclusion_tag("care/person/_today_card.html", takes_context=True)
def from_your_therapist_card(context):
    request = context["request"]
    today = context.get("today") or request.user.local_today()
    return {
        "request": request,
        "user": request.user,
        "cards": on_today(request.user, today),
        "ended": ended_lately_by_others(request.user, today),
        "csrf_token": context.get("csrf_token"),
        "back_to": reverse("promises:today"),
    }


# --- who looked, in Settings ----------------------------------------------------------------


@register.inclusion_tag("care/person/_settings_card.html", takes_context=True)
def who_looked_in_settings(context):
    request = context["request"]
    user = request.user
    if getattr(user, "is_therapist", False):
        return {"is_therapist": True}
    visits = looks.latest_visits(user, 3)
    return {
        "links": list(links_of_person(user)),
        "visits": visits_in_words(request, visits),
        "request": request,
        "user": user,
    }
