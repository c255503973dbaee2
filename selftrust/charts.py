"""Geometry for server-rendered SVG charts, so templates only place ready-made numbers."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

WIDTH = 640
HEIGHT = 240
PAD_LEFT = 44
PAD_RIGHT = 16
PAD_TOP = 16
PAD_BOTTOM = 36


@dataclass
class ChartPoint:
    day: date
    value: float | None
    x: float
    y: float | None


@dataclass
class Shade:
    """A horizontal band of the value axis (e.g. a severity band), drawn behind the line."""

    label: str
    y: float
    height: float
    tone: int  # 0, 1, 2 ...: alternating calm tints, never a traffic light

    @property
    def label_y(self) -> float:
        return round(self.y + self.height / 2, 1)

    @property
    def labelled(self) -> bool:
        """Tall enough to hold its name on a phone; the legend under the chart names them all."""
        return self.height >= 22


@dataclass
class Bar:
    label: str
    value: float | None
    marker: float | None
    x: float
    width: float
    y: float | None
    height: float
    marker_y: float | None

    @property
    def x_end(self) -> float:
        return round(self.x + self.width, 1)


@dataclass
class BarChart:
    bars: list[Bar]
    gridlines: list[tuple[str, float]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    right: int = WIDTH - PAD_RIGHT
    baseline: float = HEIGHT - PAD_BOTTOM


def bar_chart(items: Sequence[tuple[str, float | None, float | None]]) -> BarChart:
    """Bars for 0..1 values, each with an optional marker line (e.g. the confidence you gave)."""
    inner_width = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = inner_width / max(len(items), 1)
    bar_width = round(slot * 0.6, 1)

    def y_of(value: float) -> float:
        return round(PAD_TOP + (1 - value) * inner_height, 1)

    bars = []
    for index, (label, value, marker) in enumerate(items):
        x = round(PAD_LEFT + index * slot + (slot - bar_width) / 2, 1)
        y = None if value is None else y_of(value)
        height = 0.0 if y is None else round(HEIGHT - PAD_BOTTOM - y, 1)
        bars.append(
            Bar(
                label,
                value,
                marker,
                x,
                bar_width,
                y,
                height,
                None if marker is None else y_of(marker),
            )
        )
    gridlines = [(f"{pct}%", y_of(pct / 100)) for pct in (0, 25, 50, 75, 100)]
    return BarChart(bars=bars, gridlines=gridlines)


# --- charts over time -------------------------------------------------------------------------
# Charts on one page share one time axis, so a dip in one can be read against the others. The
# axis starts at the first thing recorded (two weeks of answers fill the chart instead of
# crowding its right edge), is never shorter than a week, and reaches back no further than the
# range the person chose. A point stands for a day, a week or four weeks, so ten years of data
# are still about 130 points and the page stays quick.

MIN_SPAN_DAYS = 7
DAILY_UP_TO = 42  # days on the axis: up to six weeks, a point a day
WEEKLY_UP_TO = 731  # up to two years, a point a week; beyond that, one every four weeks
# Dates under the axis: five fit a 360 px phone at its larger label size; four when they carry
# the year ("Oct 2025"), which is wider.
TICK_COUNT = 5
TICK_COUNT_WITH_YEARS = 4


@dataclass(frozen=True)
class TimeRange:
    key: str
    label: str
    days: int | None  # None: everything


TIME_RANGES = (
    TimeRange("4w", _("4 weeks"), 28),
    TimeRange("3m", _("3 months"), 91),
    TimeRange("1y", _("A year"), 365),
    TimeRange("all", _("All"), None),
)
DEFAULT_RANGE = "3m"


def time_range(key: str | None) -> TimeRange:
    """The range a link asked for; an unknown or missing one is the default, never an error."""
    by_key = {choice.key: choice for choice in TIME_RANGES}
    return by_key.get(key or "", by_key[DEFAULT_RANGE])


def ranges_worth_offering(first: date | None, today: date) -> list[TimeRange]:
    """The ranges that show something different: each shorter than what has been gathered,
    then All. Empty when All is the only one (a chooser with one choice says nothing)."""
    if first is None:
        return []
    gathered = (today - first).days + 1
    shorter = [r for r in TIME_RANGES if r.days is not None and MIN_SPAN_DAYS < r.days < gathered]
    return [*shorter, TIME_RANGES[-1]] if shorter else []


def shown_range(chosen: TimeRange, offered: list[TimeRange]) -> TimeRange:
    """What the chart really shows: a range longer than everything gathered shows All."""
    return chosen if chosen in offered else TIME_RANGES[-1]


@dataclass(frozen=True)
class Tick:
    day: date
    x: float
    anchor: str  # start | middle | end: the first and last stay inside the drawing


@dataclass(frozen=True)
class TimeAxis:
    start: date  # the first day covered, at the left edge
    end: date  # the last day covered (today), at the right edge
    step: int  # days each point stands for: 1, 7 or 28

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def points(self) -> list[date]:
        """The last day of each step, oldest first; the last is `end`."""
        count = self.days // self.step
        return [self.end - timedelta(days=self.step * n) for n in range(count - 1, -1, -1)]

    def index_of(self, day: date) -> int | None:
        """Which point's step holds `day`; None outside the axis."""
        if not self.start <= day <= self.end:
            return None
        return (day - self.start).days // self.step

    def x(self, day: date, left: float = PAD_LEFT, right: float = WIDTH - PAD_RIGHT) -> float:
        return round(left + (day - self.start).days / max(self.days - 1, 1) * (right - left), 1)

    @property
    def tick_days(self) -> list[date]:
        last = self.days - 1
        count = TICK_COUNT_WITH_YEARS if self.spans_years else TICK_COUNT
        offsets = sorted({round(n * last / (count - 1)) for n in range(count)})
        return [self.start + timedelta(days=offset) for offset in offsets]

    @property
    def spans_years(self) -> bool:
        """Long enough that dates under the axis read better as month and year."""
        return self.days > 366

    @property
    def step_in_words(self) -> str:
        return {1: _("day"), 7: _("week")}.get(self.step, _("four weeks"))


def time_axis(first: date | None, today: date, longest: int | None = None) -> TimeAxis:
    """From the first thing recorded (or `longest` days back, if that is later) to today."""
    start = min(first or today, today)
    if longest is not None:
        start = max(start, today - timedelta(days=longest - 1))
    start = min(start, today - timedelta(days=MIN_SPAN_DAYS - 1))
    days = (today - start).days + 1
    step = 1 if days <= DAILY_UP_TO else 7 if days <= WEEKLY_UP_TO else 28
    steps = -(-days // step)
    return TimeAxis(start=today - timedelta(days=steps * step - 1), end=today, step=step)


DOT_RADIUS = 3.5


@dataclass
class Line:
    name: str
    points: list[ChartPoint]
    path: str
    tone: int  # 0 solid, 1 dashed in a second colour: told apart by more than colour

    @property
    def drawn(self) -> list[ChartPoint]:
        return [point for point in self.points if point.y is not None]

    @property
    def dots(self) -> str:
        """Every point's dot as one path (two half-circle arcs each): ten years of points are
        one element for the template to write, not a hundred."""
        r = DOT_RADIUS
        return "".join(
            f"M{point.x - r:g},{point.y:g}a{r:g},{r:g} 0 1,0 {2 * r:g},0a{r:g},{r:g} 0 1,0 {-2 * r:g},0"
            for point in self.drawn
        )


@dataclass
class TimeChart:
    axis: TimeAxis
    lines: list[Line]
    gridlines: list[tuple[str, float]]
    shades: list[Shade]
    ticks: list[Tick]
    left: float = PAD_LEFT
    width: int = WIDTH
    height: int = HEIGHT
    right: int = WIDTH - PAD_RIGHT
    tick_y: int = HEIGHT - 12

    @property
    def inner_width(self) -> float:
        return round(self.right - self.left, 1)


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def time_chart(
    axis: TimeAxis,
    lines: Sequence[tuple[str, Sequence[tuple[date, float | None]]]],
    *,
    low: float = 0.0,
    high: float = 1.0,
    gridline_values: Sequence[float] | None = None,
    label=percent,
    bands: Sequence[tuple[float, float, str]] = (),
    left: float = PAD_LEFT,
) -> TimeChart:
    """Place each line's (day, value) pairs on the shared axis, by date.

    A None breaks the line (a day, or a week, with no answer stays blank; it is never drawn as
    a zero). A value outside low..high is drawn at the edge; the table beside the chart gives
    the figure itself. `bands` are (bottom, top, label) in values, shaded and labelled."""
    inner_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    span = (high - low) or 1.0
    right = WIDTH - PAD_RIGHT

    def y_of(value: float) -> float:
        inside = min(max(value, low), high)
        return round(PAD_TOP + (1 - (inside - low) / span) * inner_height, 1)

    drawn = []
    for index, (name, series) in enumerate(lines):
        points, commands, pen_down = [], [], False
        for day, value in series:
            x = axis.x(day, left, right)
            y = None if value is None else y_of(value)
            points.append(ChartPoint(day, value, x, y))
            if y is None:
                pen_down = False
                continue
            commands.append(f"{'L' if pen_down else 'M'}{x},{y}")
            pen_down = True
        drawn.append(Line(name, points, " ".join(commands), index % 2))
    if gridline_values is None:
        gridline_values = [low + span * fraction for fraction in (0, 0.25, 0.5, 0.75, 1)]
    last = len(axis.tick_days) - 1
    ticks = [
        Tick(day, axis.x(day, left, right), "start" if n == 0 else "end" if n == last else "middle")
        for n, day in enumerate(axis.tick_days)
    ]
    shades = [
        Shade(name, y_of(top), round(y_of(bottom) - y_of(top), 1), index % 2)
        for index, (bottom, top, name) in enumerate(bands)
    ]
    return TimeChart(
        axis=axis,
        lines=drawn,
        gridlines=[(label(value), y_of(value)) for value in gridline_values],
        shades=shades,
        ticks=ticks,
        left=left,
    )


# --- before and after, side by side (grounding: distress before and after each exercise) ----

CHANGE_ROW = 64
CHANGE_LEFT = 16


@dataclass
class ChangeRow:
    label: str
    before: float
    after: float
    x_before: float
    x_after: float
    y: float  # the row's dots and line
    label_y: float  # its name, above them


@dataclass
class ChangeChart:
    rows: list[ChangeRow]
    gridlines: list[tuple[str, float]]  # (label, x): upright lines, labelled under the rows
    height: int
    top: int = PAD_TOP
    bottom: int = 0
    width: int = WIDTH
    left: int = CHANGE_LEFT
    right: int = WIDTH - PAD_RIGHT


def change_chart(
    items: Sequence[tuple[str, float, float]], *, low: float = 0.0, high: float = 10.0
) -> ChangeChart:
    """One row a thing, with a dot for before and one for after on the same scale."""
    span = (high - low) or 1.0
    right = WIDTH - PAD_RIGHT

    def x_of(value: float) -> float:
        inside = min(max(value, low), high)
        return round(CHANGE_LEFT + (inside - low) / span * (right - CHANGE_LEFT), 1)

    rows = [
        ChangeRow(
            label,
            before,
            after,
            x_of(before),
            x_of(after),
            y=PAD_TOP + index * CHANGE_ROW + 40,
            label_y=PAD_TOP + index * CHANGE_ROW + 14,
        )
        for index, (label, before, after) in enumerate(items)
    ]
    bottom = PAD_TOP + len(rows) * CHANGE_ROW
    step = span / 5
    gridlines = [(f"{round(low + step * n)}", x_of(low + step * n)) for n in range(6)]
    return ChangeChart(rows=rows, gridlines=gridlines, height=bottom + 36, bottom=bottom)
