"""Resolvers for calendar expressions: dates, months, years, ranges, seasons, decades, centuries, holidays.

A year that is not written is chosen relative to the narrative (the month or day with a written year last
mentioned in the same paragraph: "In March 2019 ... in April" is April 2019) or, failing that, to publication:
the nearest past occurrence unless the sentence is future-tense.
"""

from __future__ import annotations

import datetime as dt
import re

from newsevents.temporal.lexicon import DECADE_WORDS, FIXED_HOLIDAYS, ORDINAL_WORDS, SEASONS
from newsevents.temporal.periods import (
    Kind,
    Period,
    century_period,
    day_period,
    decade_period,
    half_period,
    make_date,
    month_period,
    part_of,
    quarter_period,
    season_period,
    span_period,
    year_period,
)
from newsevents.temporal.situation import Situation
from newsevents.temporal.words import day_number, month_number, part_code, squash, weekday_number

# A date one or two days after publication is more likely a time-zone or metadata skew (publication given in UTC,
# or the date of the last update) than an event a year earlier; chosen by reasoning, not fitted to any data.
FUTURE_GRACE_DAYS = 2
# "the previous April", "the following March", "that May": relative to the narrative's last date, like last/next/this.
NARRATIVE_MONTH_WORDS = {"the previous": "last", "the preceding": "last", "the following": "next", "the next": "next",
                         "that": "this"}
# How many years back a weekday may send a year-less date ("Tuesday, January 11"): weekdays repeat within 11 years.
WEEKDAY_SEARCH_YEARS = 11
MAX_YEAR_RANGE = 200  # "1500-2000" spanning more than this is a count, not a range of years


def unresolved(value: str, kind: Kind = "DATE") -> Period:
    """A value with X for what the text does not say, and no window."""
    return Period(value, "unknown", None, None, kind)


def first_day(period: Period) -> dt.date:
    return period.start or dt.date.min


def last_day(period: Period) -> dt.date:
    return period.end or dt.date.max


def distance(period: Period, day: dt.date) -> int:
    """Days between ``day`` and the period's window (0 when inside)."""
    if day < first_day(period):
        return (first_day(period) - day).days
    return max((day - last_day(period)).days, 0)


def pick(options: list[Period], reference: dt.date, mode: str) -> Period | None:
    """nearest | past (latest starting on or before the reference) | future (earliest ending on or after it)."""
    options = [p for p in options if p.start is not None and p.end is not None]
    grace = reference + dt.timedelta(days=FUTURE_GRACE_DAYS)
    if mode == "past" and (past := [p for p in options if first_day(p) <= grace]):
        return max(past, key=first_day)
    if mode == "future" and (future := [p for p in options if last_day(p) >= reference]):
        return min(future, key=first_day)
    return min(options, key=lambda p: (distance(p, reference), -first_day(p).toordinal()), default=None)


def calendar_period(year: int, month: int, day: int | None) -> Period | None:
    if day is None:
        return month_period(year, month)
    date = make_date(year, month, day)
    return day_period(date) if date else None


def reference(sit: Situation, start: int, end: int) -> tuple[dt.date, str] | None:
    """The date a year-less expression is placed near, and how: the narrative's (unless the sentence speaks of the
    future: "will be held on 5 May" is after publication), else publication's."""
    future = sit.is_future(start, end)
    anchor = sit.explicit_anchor(start)
    if anchor is not None and anchor.start is not None and not (future and sit.published is not None):
        return anchor.start, "nearest"
    if sit.published is None:
        return None
    return sit.published, "future" if future else "past"


def yearless(month: int, day: int | None, weekday: int | None, sit: Situation, start: int, end: int) -> Period | None:
    """A month or month-day without a year, placed by ``reference`` (a weekday must agree)."""
    ref = reference(sit, start, end)
    if ref is None:
        return unresolved(f"XXXX-{month:02d}" + (f"-{day:02d}" if day else ""))
    anchor, mode = ref
    back = WEEKDAY_SEARCH_YEARS if weekday and day else 1
    options = [p for y in range(anchor.year - back, anchor.year + 2) if (p := calendar_period(y, month, day))]
    if weekday and day:
        agreeing = [p for p in options if p.start and p.start.isoweekday() == weekday]
        return pick(agreeing, anchor, "nearest") or pick(options, anchor, mode)
    return pick(options, anchor, mode)


def of_year(words: str, sit: Situation) -> int | None:
    """The year of "of that year" (the narrative's), "of the following year", "of last year" (publication's)."""
    words = squash(words)
    if words in ("this", "last", "next"):
        base = sit.published
    else:
        base = sit.narrative.last_dated.start if sit.narrative.last_dated is not None else None
    if base is None:
        return None
    if words.endswith(("following", "next")):
        return base.year + 1
    return base.year - 1 if words.endswith(("previous", "preceding", "last")) else base.year


def written_date(m: re.Match[str], sit: Situation, month: int, day: int | None) -> Period | None:
    if "year" in m.re.groupindex and m.group("year"):
        return calendar_period(int(m.group("year")), month, day)
    if "ofyear" in m.re.groupindex and m.group("ofyear"):
        year = of_year(m.group("ofyear"), sit)
        return calendar_period(year, month, day) if year else None
    weekday = weekday_number(m.group("weekday")) if "weekday" in m.re.groupindex and m.group("weekday") else None
    return yearless(month, day, weekday, sit, m.start(), m.end())


def resolve_iso(m: re.Match[str], sit: Situation) -> Period | None:
    date = make_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    if date is None:
        return None
    if m.group("hour"):
        return day_period(date).with_value(f"{date.isoformat()}T{m.group('hour')}:{m.group('minute')}", "TIME")
    return day_period(date)


def resolve_iso_month(m: re.Match[str], sit: Situation) -> Period | None:
    return month_period(int(m.group("year")), int(m.group("month")))


def resolve_numeric(m: re.Match[str], sit: Situation) -> Period | None:
    """11/01/2022 or 11.01.2022: day-first unless only month-first is valid; if both are, the one nearer publication."""
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    readings = [d for d in (make_date(year, b, a), make_date(year, a, b)) if d is not None]
    if not readings:
        return None
    if len(set(readings)) == 1:
        return day_period(readings[0])
    if sit.published is None:
        return year_period(year)
    published = sit.published
    return day_period(min(readings, key=lambda d: abs((d - published).days)))


def resolve_date(m: re.Match[str], sit: Situation) -> Period | None:
    return written_date(m, sit, month_number(m.group("month")), day_number(m.group("day")))


def resolve_day_range(m: re.Match[str], sit: Situation) -> Period | None:
    first_number, last_number = day_number(m.group("day1")), day_number(m.group("day"))
    if last_number <= first_number:
        return None
    first = written_date(m, sit, month_number(m.group("month")), first_number)
    if first is None or first.start is None:
        return first
    last_date = make_date(first.start.year, first.start.month, last_number)
    return span_period(first, day_period(last_date)) if last_date else None


def resolve_month_year(m: re.Match[str], sit: Situation) -> Period | None:
    period = month_period(int(m.group("year")), month_number(m.group("month")))
    return part_of(period, part_code(m.group("part"))) if period else None


def resolve_month_alone(m: re.Match[str], sit: Situation) -> Period | None:
    month = month_number(m.group("month"))
    rel = squash(m.group("rel") or "")
    narrative = sit.narrative.last_dated.start if sit.narrative.last_dated is not None else None
    if m.group("ofyear"):
        period = written_date(m, sit, month, None)
    elif rel in NARRATIVE_MONTH_WORDS and narrative is not None:
        period = relative_month(month, NARRATIVE_MONTH_WORDS[rel], narrative)
    elif rel and rel not in NARRATIVE_MONTH_WORDS and sit.published is not None:
        period = relative_month(month, rel, sit.published)
    else:
        period = yearless(month, None, None, sit, m.start("t"), m.end("t"))
    if period is None or period.start is None:
        return period
    return part_of(period, part_code(m.group("part")))


def resolve_month_range(m: re.Match[str], sit: Situation) -> Period | None:
    """"August-September 1950", "from February to April": the later month fixes the year of both."""
    first_month, last_month = month_number(m.group("month1")), month_number(m.group("month"))
    if m.group("year"):
        last = month_period(int(m.group("year")), last_month)
    else:
        last = yearless(last_month, None, None, sit, m.start("t"), m.end("t"))
    if last is None or last.start is None:
        return None
    first = month_period(last.start.year - (1 if first_month > last_month else 0), first_month)
    return span_period(first, last) if first else None


def relative_month(month: int, rel: str, published: dt.date) -> Period | None:
    """last March = the latest March before this month; next March = the first after it; this March = this year's."""
    if rel == "this":
        return month_period(published.year, month)
    if rel in ("last", "past", "this past"):
        return month_period(published.year - (1 if month >= published.month else 0), month)
    return month_period(published.year + (1 if month <= published.month else 0), month)


def resolve_year_range(m: re.Match[str], sit: Situation) -> Period | None:
    first, last_text = int(m.group("year1")), m.group("year")
    last = int(last_text) if len(last_text) == 4 else first - first % 100 + int(last_text)
    if len(last_text) == 2 and last <= first:
        last += 100
    if not 0 < last - first <= MAX_YEAR_RANGE:
        return None
    first_period, last_period = year_period(first), year_period(last)
    return span_period(first_period, last_period) if first_period and last_period else None


def resolve_year_alone(m: re.Match[str], sit: Situation) -> Period | None:
    period = year_period(int(m.group("year")))
    return part_of(period, part_code(m.group("part"))) if period else None


def resolve_season(m: re.Match[str], sit: Situation) -> Period | None:
    code = SEASONS[m.group("season").lower()]
    if m.group("year"):
        period = season_period(int(m.group("year")), code)
    else:
        period = relative_season(code, m, sit)
    return part_of(period, part_code(m.group("part"))) if period else None


def relative_season(code: str, m: re.Match[str], sit: Situation) -> Period | None:
    rel = squash(m.group("relyear") or m.group("rel") or "")
    anchor = sit.explicit_anchor(m.start("t")) or sit.narrative.last_dated
    if rel in ("the same", "that") or (not rel and anchor is not None and anchor.start):
        if anchor is None or anchor.start is None:
            return unresolved(f"XXXX-{code}")
        return pick([p for y in range(anchor.start.year - 1, anchor.start.year + 1) if (p := season_period(y, code))],
                     anchor.start, "nearest")
    if sit.published is None:
        return unresolved(f"XXXX-{code}")
    published = sit.published
    options = [p for y in range(published.year - 2, published.year + 2) if (p := season_period(y, code))]
    if rel in ("last", "this past", "the previous"):
        return max((p for p in options if last_day(p) < published), key=last_day, default=None)
    if rel in ("next", "this coming", "the coming", "the following"):
        return min((p for p in options if first_day(p) > published), key=first_day, default=None)
    mode = "nearest" if rel == "this" else ("future" if sit.is_future(m.start("t"), m.end("t")) else "past")
    return pick(options, published, mode)


def resolve_decade(m: re.Match[str], sit: Situation) -> Period | None:
    if m.group("dec4"):
        first = int(m.group("dec4"))
    else:
        tens = int(m.group("dec2")) if m.group("dec2") else DECADE_WORDS[m.group("decw").lower()]
        first = latest_decade(tens, sit.published.year if sit.published else None)
    period = decade_period(first)
    return part_of(period, part_code(m.group("part"))) if period else None


def latest_decade(tens: int, now: int | None) -> int:
    """"the '90s" = the latest such decade begun by publication (the 1900s' when publication is unknown)."""
    if now is None:
        return 1900 + tens
    century = now - now % 100
    return century + tens if century + tens <= now else century - 100 + tens


def resolve_century(m: re.Match[str], sit: Situation) -> Period | None:
    ordinal = int(m.group("num")) if m.group("num") else ORDINAL_WORDS[squash(m.group("word"))]
    period = century_period(ordinal)
    return part_of(period, part_code(m.group("part"))) if period else None


def resolve_quarter(m: re.Match[str], sit: Situation) -> Period | None:
    ordinal = squash(m.group("ord"))
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(ordinal)
    kind = m.group("kind").lower()
    if number is None:  # last / final
        number = 4 if kind == "quarter" else 2
    year = _quarter_year(m, sit)
    if year is None:
        return unresolved(f"XXXX-{'Q' if kind == 'quarter' else 'H'}{number}")
    return quarter_period(year, number) if kind == "quarter" else half_period(year, number)


def _quarter_year(m: re.Match[str], sit: Situation) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    rel = squash(m.group("rel"))
    last = sit.narrative.last_dated
    if rel == "the" and last is not None and last.start is not None:
        return last.start.year
    if sit.published is None:
        return None
    return sit.published.year + {"last": -1, "next": 1}.get(rel, 0)


def resolve_quarter_short(m: re.Match[str], sit: Situation) -> Period | None:
    return quarter_period(int(m.group("year")), int(m.group("q")))


def resolve_holiday(m: re.Match[str], sit: Situation) -> Period | None:
    month, day = FIXED_HOLIDAYS[squash(m.group("name"))]
    return written_date(m, sit, month, day)


RESOLVERS = {
    "iso": resolve_iso,
    "iso_month": resolve_iso_month,
    "numeric": resolve_numeric,
    "date_mdy": resolve_date,
    "date_dmy": resolve_date,
    "day_range_dmy": resolve_day_range,
    "day_range_mdy": resolve_day_range,
    "month_year": resolve_month_year,
    "month_alone": resolve_month_alone,
    "month_range": resolve_month_range,
    "year_range": resolve_year_range,
    "year_alone": resolve_year_alone,
    "season": resolve_season,
    "decade": resolve_decade,
    "century": resolve_century,
    "quarter": resolve_quarter,
    "quarter_short": resolve_quarter_short,
    "holiday": resolve_holiday,
}
