"""What every app's shapes.py (and the export) shares: how a value is written in JSON."""

from datetime import date, datetime, time


def iso(value: date | datetime | time | None) -> str | None:
    """A date, time or moment in ISO 8601; None stays None (JSON null)."""
    return value.isoformat() if value is not None else None
