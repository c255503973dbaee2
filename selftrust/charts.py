"""Geometry for server-rendered SVG line charts, so templates only place ready-made numbers."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

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


@dataclass
class LineChart:
    points: list[ChartPoint]
    path: str
    gridlines: list[tuple[str, float]]  # (label, y)
    shades: list[Shade] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    right: int = WIDTH - PAD_RIGHT

    @property
    def inner_width(self) -> int:
        return self.right - self.left

    @property
    def labelled_points(self) -> list[ChartPoint]:
        """Every other point, counted back from the newest, so labels never overlap on a phone."""
        last = len(self.points) - 1
        return [point for i, point in enumerate(self.points) if (last - i) % 2 == 0]


def line_chart(
    series: Sequence[tuple[date, float | None]],
    *,
    low: float = 0.0,
    high: float = 1.0,
    gridline_values: Sequence[float] | None = None,
    label=lambda value: f"{round(value * 100)}%",
    bands: Sequence[tuple[float, float, str]] = (),
) -> LineChart:
    """Place a series on the chart; gaps (None) break the line instead of dropping to the floor."""
    inner_width = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    span = (high - low) or 1.0

    def y_of(value: float) -> float:
        return round(PAD_TOP + (1 - (value - low) / span) * inner_height, 1)

    step = inner_width / max(len(series) - 1, 1)
    points = []
    commands = []
    pen_down = False
    for index, (day, value) in enumerate(series):
        x = round(PAD_LEFT + index * step, 1) if len(series) > 1 else PAD_LEFT + inner_width / 2
        y = None if value is None else y_of(value)
        points.append(ChartPoint(day, value, x, y))
        if y is None:
            pen_down = False
            continue
        commands.append(f"{'L' if pen_down else 'M'}{x},{y}")
        pen_down = True
    if gridline_values is None:
        gridline_values = [low + span * fraction for fraction in (0, 0.25, 0.5, 0.75, 1)]
    gridlines = [(label(value), y_of(value)) for value in gridline_values]
    shades = [
        Shade(name, y_of(top), round(y_of(bottom) - y_of(top), 1), index % 2)
        for index, (bottom, top, name) in enumerate(bands)
    ]
    return LineChart(points=points, path=" ".join(commands), gridlines=gridlines, shades=shades)


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
