"""Calendar helpers: today's date in Morocco, ISO parsing, month arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt

TIMEZONE = "Africa/Casablanca"

# The years protsoc computes with. Date arithmetic (a period after the last meeting, an event's end
# the day after its start, a due date some days ahead) must stay inside Python's years 1-9999:
# a meeting dated 9999-12-31 or `--as-of 9999-12-31` crashed cadence, report and calendar. The
# schemas (defs.schema.json#/$defs/date) accept the same years, so such a date is a finding.
FIRST_YEAR = 1900
LAST_YEAR = 2199


def today() -> dt.date:
    """Today's date in Morocco (the registry's legal clock), whatever the machine's zone."""
    try:
        from zoneinfo import ZoneInfo

        return dt.datetime.now(ZoneInfo(TIMEZONE)).date()
    except Exception:  # no tz database on the machine: Morocco is UTC+1 outside Ramadan
        return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)).date()


def parse(value: object) -> dt.date | None:
    """An ISO date string as a date, or None when it is not one or falls outside the years
    protsoc computes with (the schema reports both)."""
    if not isinstance(value, str):
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if FIRST_YEAR <= day.year <= LAST_YEAR else None


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar-correct month arithmetic: 31 Aug + 6 months = 28 (or 29) Feb."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


PERIOD_MONTHS = {"P1Y": 12, "P6M": 6, "P3M": 3, "P1M": 1}
