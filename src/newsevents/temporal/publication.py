"""Inferring a publication date from the text when the document has no date metadata.

Evidence, strongest first: a full date (with year) near the top of the text or a dateline ("MOSCOW, Jan 11 -");
else the latest weekday-with-date in a past-tense sentence ("This became known on Tuesday, January 11"), placed
in the most recent year up to ``today`` where that day is that weekday. Without such evidence: None (no guess).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from newsevents.temporal.patterns import compile_patterns, day, month
from newsevents.temporal.periods import make_date
from newsevents.temporal.situation import make_situation
from newsevents.temporal.words import day_number, month_number, weekday_number

TOP_CHARS = 400  # "near the top": title, byline and first lines; chosen by reading news page layouts, not fitted
WEEKDAY_SEARCH_YEARS = 11  # a weekday/date pair recurs within 11 years


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled on the first call, once per process."""
    patterns = compile_patterns()
    patterns["dateline"] = re.compile(
        rf"(?m)^[A-Z][A-Z.'’ -]{{2,}}(?:,\s*[A-Z][\w.' -]*)?\s*(?:,|—|–|-|\()\s*{month()}\s*{day()}\b")
    return patterns


def infer_publication_date(text: str, today: dt.date) -> tuple[dt.date, str] | None:
    """(date, evidence text) or None when nothing in the text supports a date."""
    return _top_date(text, today) or _dateline(text, today) or _weekday_date(text, today)


def _top_date(text: str, today: dt.date) -> tuple[dt.date, str] | None:
    top = text[:TOP_CHARS]
    patterns = _patterns()
    hits = []
    for name in ("iso", "date_mdy", "date_dmy"):
        for m in patterns[name].finditer(top):
            if m.group("year") is None:
                continue
            month_value = int(m.group("month")) if name == "iso" else month_number(m.group("month"))
            date = make_date(int(m.group("year")), month_value, day_number(m.group("day")))
            if date is not None and date <= today:
                hits.append((m.start(), date, m.group(0).strip()))
    return (min(hits)[1], min(hits)[2]) if hits else None


def _latest_year(month_value: int, day_value: int, weekday: int | None, today: dt.date) -> dt.date | None:
    """The latest date on or before ``today`` with this month and day (and weekday, when given)."""
    span = WEEKDAY_SEARCH_YEARS if weekday else 1
    for year in range(today.year, today.year - span - 1, -1):
        date = make_date(year, month_value, day_value)
        if date is not None and date <= today and (weekday is None or date.isoweekday() == weekday):
            return date
    return None


def _dateline(text: str, today: dt.date) -> tuple[dt.date, str] | None:
    m = _patterns()["dateline"].search(text[:TOP_CHARS])
    if m is None:
        return None
    date = _latest_year(month_number(m.group("month")), day_number(m.group("day")), None, today)
    return (date, m.group(0).strip()) if date else None


def _weekday_date(text: str, today: dt.date) -> tuple[dt.date, str] | None:
    patterns = _patterns()
    situation = make_situation(text, None, patterns)
    best: tuple[dt.date, str] | None = None
    for name in ("date_mdy", "date_dmy"):
        for m in patterns[name].finditer(text):
            if m.group("weekday") is None or m.group("year") is not None or situation.is_future(m.start(), m.end()):
                continue
            date = _latest_year(month_number(m.group("month")), day_number(m.group("day")),
                                weekday_number(m.group("weekday")), today)
            if date is not None and (best is None or date > best[0]):
                best = (date, m.group(0).strip())
    return best
