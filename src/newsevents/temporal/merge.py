"""Passes over resolved mentions in text order: a clock time joins the date beside it, "from A to B" becomes one
range, and "since A" stretches A's window to publication."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from newsevents.temporal.periods import Period, span_period, with_year
from newsevents.temporal.words import squash

TIME_RULES = frozenset({"clock", "clock24", "clock_military", "clock_word", "part_of_day"})
TIME_GAPS = frozenset({"", "at", "on", "in the", "early in the", "late in the", "during the", "late at"})
RANGE_GAPS = frozenset({"-", "–", "—", "to", "until", "till", "through", "and"})


@dataclass(frozen=True, slots=True)
class Found:
    """A resolved mention before it becomes a TimeMention."""

    start: int
    end: int
    rule: str
    period: Period
    explicit_year: bool = False


def merge_all(found: list[Found], text: str, published: dt.date | None) -> list[Found]:
    return stretch_since(merge_ranges(merge_times(found, text), text), text, published)


def pairwise_merge(found: list[Found], join: Callable[[Found, Found], Found | None]) -> list[Found]:
    """Replace each adjacent pair (a, b) for which ``join(a, b)`` returns a Found by that Found."""
    merged: list[Found] = []
    i = 0
    while i < len(found):
        joined = join(found[i], found[i + 1]) if i + 1 < len(found) else None
        merged.append(joined or found[i])
        i += 2 if joined else 1
    return merged


def merge_times(found: list[Found], text: str) -> list[Found]:
    def join(a: Found, b: Found) -> Found | None:
        gap = squash(text[a.end:b.start].replace(",", " "))
        if gap not in TIME_GAPS:
            return None
        time, date = (a, b) if a.rule in TIME_RULES else (b, a)
        if time.rule not in TIME_RULES or date.rule in TIME_RULES or date.period.type != "DATE":
            return None
        if date.period.precision not in ("day", "unknown") or date.period.value[:1] not in "0123456789X":
            return None
        clock = time.period.value.split("T", 1)[1]
        period = date.period.with_value(f"{date.period.value}T{clock}", "TIME")
        return Found(a.start, b.end, "datetime", period, date.explicit_year)

    return pairwise_merge(found, join)


def merge_ranges(found: list[Found], text: str) -> list[Found]:
    def join(a: Found, b: Found) -> Found | None:
        gap = squash(text[a.end:b.start])
        if gap not in RANGE_GAPS or not _rangeable(a.period) or not _rangeable(b.period):
            return None
        if gap == "and" and squash(text[max(a.start - 8, 0):a.start]).split()[-1:] != ["between"]:
            return None
        first = a.period
        if not a.explicit_year and b.explicit_year and b.period.start is not None:
            first = with_year(first, b.period.start.year) or first
            if first.start and first.start > b.period.start:
                first = with_year(first, b.period.start.year - 1) or first
        period = span_period(first, b.period)
        return Found(a.start, b.end, "range", period, b.explicit_year) if period else None

    return pairwise_merge(found, join)


def _rangeable(period: Period) -> bool:
    return (period.type == "DATE" and period.start is not None and period.precision != "unknown"
            and "/" not in period.value)


def stretch_since(found: list[Found], text: str, published: dt.date | None) -> list[Found]:
    """"since Wednesday": the window runs from Wednesday to publication."""
    if published is None:
        return found
    stretched = []
    for item in found:
        period = item.period
        before = squash(text[max(item.start - 7, 0):item.start]).split()[-1:]
        if before == ["since"] and period.start is not None and period.end is not None and period.start <= published:
            item = replace(item, period=replace(period, end=max(period.end, published)))
        stretched.append(item)
    return stretched
