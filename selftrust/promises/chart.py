"""Geometry for the strength chart, so the template only places ready-made numbers."""

from dataclasses import dataclass
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
class LineChart:
    points: list[ChartPoint]
    path: str
    gridlines: list[tuple[int, float]]  # (percent, y)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    right: int = WIDTH - PAD_RIGHT

    @property
    def labelled_points(self) -> list[ChartPoint]:
        """Every other week, so the day labels never overlap on a phone."""
        last = len(self.points) - 1
        return [point for i, point in enumerate(self.points) if (last - i) % 2 == 0]


def line_chart(series: list[tuple[date, float | None]]) -> LineChart:
    """Place a 0..1 series on the chart; gaps (None) break the line instead of dropping to 0."""
    inner_width = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    step = inner_width / max(len(series) - 1, 1)
    points = []
    commands = []
    pen_down = False
    for index, (day, value) in enumerate(series):
        x = round(PAD_LEFT + index * step, 1)
        y = None if value is None else round(PAD_TOP + (1 - value) * inner_height, 1)
        points.append(ChartPoint(day, value, x, y))
        if y is None:
            pen_down = False
            continue
        commands.append(f"{'L' if pen_down else 'M'}{x},{y}")
        pen_down = True
    gridlines = [
        (pct, round(PAD_TOP + (1 - pct / 100) * inner_height, 1)) for pct in (0, 25, 50, 75, 100)
    ]
    return LineChart(points=points, path=" ".join(commands), gridlines=gridlines)
