"""Calendar arithmetic: the TIMEX value and the inclusive window of days, months, weeks, seasons ...

Every constructor returns None instead of raising when the period falls outside the Gregorian years 1-9999,
so arbitrary text ("9000 years ago") never makes the finder fail.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from newsevents.model import DatePrecision
from newsevents.temporal.lexicon import SEASON_MONTHS

Kind = Literal["DATE", "TIME", "DURATION", "SET"]
MIN_YEAR, MAX_YEAR = 1, 9998  # leave room for windows that run into the next year


@dataclass(frozen=True, slots=True)
class Period:
    """What an expression resolves to: TIMEX value, type, precision and the inclusive window (if any)."""

    value: str
    precision: DatePrecision
    start: dt.date | None = None
    end: dt.date | None = None
    type: Kind = "DATE"

    def with_value(self, value: str, type: Kind | None = None) -> Period:
        return replace(self, value=value, type=type or self.type)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (30 February, year 0)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_days(day: dt.date, days: int) -> dt.date | None:
    try:
        result = day + dt.timedelta(days=days)
    except OverflowError:
        return None
    return result if MIN_YEAR <= result.year <= MAX_YEAR else None


def add_months(day: dt.date, months: int) -> dt.date | None:
    """The same day ``months`` later (earlier if negative), clipped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def day_period(day: dt.date) -> Period:
    return Period(day.isoformat(), "day", day, day)


def month_period(year: int, month: int) -> Period | None:
    first = make_date(year, month, 1)
    if first is None:
        return None
    last = first.replace(day=calendar.monthrange(year, month)[1])
    return Period(f"{year:04d}-{month:02d}", "month", first, last)


def year_period(year: int) -> Period | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return Period(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def week_period(day: dt.date) -> Period:
    """The ISO week (Monday to Sunday) holding ``day``."""
    iso_year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return Period(f"{iso_year:04d}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def weekend_period(saturday: dt.date) -> Period:
    iso_year, week, _ = saturday.isocalendar()
    return Period(f"{iso_year:04d}-W{week:02d}-WE", "week", saturday, saturday + dt.timedelta(days=1))


def season_period(year: int, code: str) -> Period | None:
    """Meteorological seasons; winter YYYY runs from December YYYY to February YYYY+1."""
    first_month, length = SEASON_MONTHS[code]
    first = make_date(year, first_month, 1)
    last_month = add_months(first, length - 1) if first else None
    if first is None or last_month is None:
        return None
    last = last_month.replace(day=calendar.monthrange(last_month.year, last_month.month)[1])
    return Period(f"{year:04d}-{code}", "month", first, last)


def quarter_period(year: int, quarter: int) -> Period | None:
    first = make_date(year, 3 * quarter - 2, 1)
    if first is None or not 1 <= quarter <= 4:
        return None
    end_month = 3 * quarter
    return Period(f"{year:04d}-Q{quarter}", "month", first,
                  dt.date(year, end_month, calendar.monthrange(year, end_month)[1]))


def half_period(year: int, half: int) -> Period | None:
    if not MIN_YEAR <= year <= MAX_YEAR or half not in (1, 2):
        return None
    if half == 1:
        return Period(f"{year:04d}-H1", "month", dt.date(year, 1, 1), dt.date(year, 6, 30))
    return Period(f"{year:04d}-H2", "month", dt.date(year, 7, 1), dt.date(year, 12, 31))


def decade_period(first_year: int) -> Period | None:
    if not MIN_YEAR <= first_year <= MAX_YEAR - 9:
        return None
    return Period(f"{first_year // 10:03d}", "year", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


def century_period(ordinal: int) -> Period | None:
    """The n-th century, as written in news: the 20th century is 1900-1999 (TIMEX value "19")."""
    first_year = (ordinal - 1) * 100
    if not MIN_YEAR <= first_year <= MAX_YEAR - 99 or ordinal > 99:
        return None
    return Period(f"{ordinal - 1:02d}", "year", dt.date(first_year, 1, 1), dt.date(first_year + 99, 12, 31))


def part_of(period: Period, part: str | None) -> Period:
    """Early/mid/late part of a period: its first, middle or last third; the value is unchanged."""
    if period.start is None or period.end is None or part not in ("START", "MID", "END"):
        return period
    days = (period.end - period.start).days + 1
    third = max(days // 3, 1)
    if part == "START":
        return replace(period, end=period.start + dt.timedelta(days=third - 1))
    if part == "END":
        return replace(period, start=period.end - dt.timedelta(days=third - 1))
    return replace(period, start=period.start + dt.timedelta(days=third),
                   end=period.end - dt.timedelta(days=third))


def clip(period: Period, start: dt.date | None = None, end: dt.date | None = None) -> Period:
    """Narrow the window ("earlier this month" = from the 1st to publication)."""
    new_start = max(period.start, start) if period.start and start else period.start
    new_end = min(period.end, end) if period.end and end else period.end
    if new_start and new_end and new_start > new_end:
        return period
    return replace(period, start=new_start, end=new_end)


def span_period(first: Period, last: Period) -> Period | None:
    """A range "from A to B": ISO 8601 interval value, the coarser precision, the window from A's start to B's end."""
    if first.start is None or first.end is None or last.start is None or last.end is None or last.end < first.start:
        return None
    order = ("day", "week", "month", "year", "unknown")
    precision = max(first.precision, last.precision, key=order.index)
    return Period(f"{first.value}/{last.value}", precision, first.start, last.end)


def with_year(period: Period, year: int) -> Period | None:
    """The same day, month or season in another year ("3 March" written before "to 5 April 2019")."""
    value = period.value
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        date = make_date(year, int(value[5:7]), int(value[8:10]))
        return day_period(date) if date else None
    if len(value) == 7 and value[5:7].isdigit():
        return month_period(year, int(value[5:7]))
    if len(value) == 7 and value[5:7] in SEASON_MONTHS:
        return season_period(year, value[5:7])
    return None
