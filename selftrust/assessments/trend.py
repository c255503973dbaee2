"""Questionnaire totals over time: one chart for the trend page and for Progress.

The score ranges (bands) are shaded and named inside the chart, and the axis is marked where
each range begins, so "14" reads as "the top of Moderate" without a lookup; the dates run
under the chart like every other chart over time (charts.time_axis).
"""

from collections.abc import Sequence
from datetime import date

from selftrust.assessments.instruments import Instrument
from selftrust.charts import PAD_LEFT, TimeAxis, TimeChart, time_axis, time_chart

# Without bands (the GSE), marks at round steps: the smallest of these that needs no more than
# four steps from the lowest total to the highest.
ROUND_STEPS = (1, 2, 5, 10, 20, 25, 50)
MOST_STEPS = 4


def band_shading(instrument: Instrument) -> list[tuple[float, float, str]]:
    """Each range as (bottom, top, name). Totals are whole numbers, so neighbouring ranges
    meet halfway between them: a PHQ-9 of 5 sits inside Mild, which is shaded from 4.5."""
    return [
        (
            max(band.low - 0.5, instrument.min_total),
            min(band.high + 0.5, instrument.max_total),
            band.label,
        )
        for band in instrument.bands
    ]


def axis_marks(instrument: Instrument) -> list[int]:
    """Where each range begins, and the two ends of the scale."""
    low, high = instrument.min_total, instrument.max_total
    if not instrument.bands:
        step = next((s for s in ROUND_STEPS if (high - low) / s <= MOST_STEPS), ROUND_STEPS[-1])
        return sorted(set(range(low, high, step)) | {high})
    return sorted({band.low for band in instrument.bands} | {low, high})


def trend_chart(
    instrument: Instrument,
    results: Sequence[tuple[date, int]],
    axis: TimeAxis,
    *,
    left: float = PAD_LEFT,
) -> TimeChart:
    """The totals (day, total), oldest first, each at its own date on `axis`."""
    return time_chart(
        axis,
        [(instrument.short_name, results)],
        low=instrument.min_total,
        high=instrument.max_total,
        gridline_values=axis_marks(instrument),
        label=lambda value: str(round(value)),
        bands=band_shading(instrument),
        left=left,
    )


def history_chart(instrument: Instrument, results: Sequence[tuple[date, int]], today: date):
    """The trend page's chart: from the first result to today (a week at least)."""
    first = results[0][0] if results else None
    return trend_chart(instrument, results, time_axis(first, today))
