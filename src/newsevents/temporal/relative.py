"""Resolvers for expressions relative to publication (yesterday, on Wednesday, last week, two days ago) or to the
narrative's last date (the next day, that year, three days later).

Without a publication date (or, for narrative ones, without an earlier date) they stay unresolved: TIMEX values
with X and no window. Nothing here turns the publication date itself into an event date unless the text says so.
"""

from __future__ import annotations

import datetime as dt
import re

from newsevents.model import DatePrecision
from newsevents.temporal.absolute import unresolved
from newsevents.temporal.lexicon import PARTS_OF_DAY, VAGUE_COUNT_RANGE
from newsevents.temporal.periods import (
    Period,
    add_days,
    add_months,
    century_period,
    clip,
    day_period,
    decade_period,
    month_period,
    part_of,
    quarter_period,
    week_period,
    weekend_period,
    year_period,
)
from newsevents.temporal.situation import Situation
from newsevents.temporal.words import count_value, duration_value, part_code, squash, unit_code, weekday_number

RELATIVE_DAYS = {
    "the day before yesterday": (-2, None), "yesterday": (-1, None), "today": (0, None), "tonight": (0, "NI"),
    "tomorrow": (1, None), "the day after tomorrow": (2, None), "last night": (-1, "NI"),
    "this morning": (0, "MO"), "this afternoon": (0, "AF"), "this evening": (0, "EV"),
}
STEPS = {"last": -1, "earlier last": -1, "this past": -1, "next": 1, "this coming": 1, "the coming": 1}
PRECISION_OF_UNIT: dict[str, DatePrecision] = {
    "D": "day", "H": "day", "MIN": "day", "S": "day", "W": "week", "2W": "week", "M": "month",
    "Y": "year", "DE": "year", "CE": "year",
}


def shift(day: dt.date, n: int, unit: str) -> dt.date | None:
    """``day`` moved by ``n`` units (hours and smaller do not move it)."""
    if unit in ("D", "W", "2W"):
        return add_days(day, n * {"D": 1, "W": 7, "2W": 14}[unit])
    months = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    return add_months(day, n * months) if months else day


def period_at(day: dt.date, unit: str) -> Period | None:
    """The day, week, month, year, decade or century holding ``day``."""
    if unit in ("W", "2W"):
        return week_period(day)
    if unit == "M":
        return month_period(day.year, day.month)
    if unit == "Y":
        return year_period(day.year)
    if unit == "DE":
        return decade_period(day.year - day.year % 10)
    if unit == "CE":
        return century_period(day.year // 100 + 1)
    return day_period(day)


def at_time(period: Period | None, part: str | None) -> Period | None:
    """A day with a part of the day (MO, AF, EV, NI) becomes a TIME value."""
    if period is None or part is None:
        return period
    return period.with_value(f"{period.value}T{part}", "TIME")


def resolve_relative_day(m: re.Match[str], sit: Situation) -> Period | None:
    word = squash(m.group("word"))
    if word == "overnight":
        return overnight(m, sit)
    offset, part = RELATIVE_DAYS[word]
    part = PARTS_OF_DAY[squash(m.group("pod"))] if m.group("pod") else part
    if sit.published is None:
        return at_time(unresolved("XXXX-XX-XX"), part)
    day = add_days(sit.published, offset)
    return at_time(day_period(day), part) if day else None


def overnight(m: re.Match[str], sit: Situation) -> Period | None:
    """The night before publication (the coming night in a future-tense sentence), dated like "last night" by the
    evening it begins on."""
    if sit.published is None:
        return unresolved("XXXX-XX-XXTNI", "TIME")
    future = sit.is_future(m.start("t"), m.end("t"))
    evening = sit.published if future else add_days(sit.published, -1)
    return at_time(day_period(evening), "NI") if evening else None


def weekday_near(published: dt.date, weekday: int, direction: str) -> dt.date:
    """before: latest strictly before; after: earliest strictly after; on-or-before / on-or-after include the day."""
    back = (published.isoweekday() - weekday) % 7
    ahead = (weekday - published.isoweekday()) % 7
    if direction == "before":
        return published - dt.timedelta(days=back or 7)
    if direction == "after":
        return published + dt.timedelta(days=ahead or 7)
    if direction == "on-or-after":
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def resolve_weekday(m: re.Match[str], sit: Situation) -> Period | None:
    """"on Wednesday" = the latest Wednesday on or before publication (on or after it in a future-tense sentence)."""
    weekday = weekday_number(m.group("weekday"))
    part = PARTS_OF_DAY[squash(m.group("pod"))] if m.group("pod") else None
    if sit.published is None:
        return at_time(unresolved(f"XXXX-WXX-{weekday}"), part)
    rel = squash(m.group("rel") or "")
    if rel in ("last", "past", "this past"):
        direction = "before"
    elif rel in ("next", "coming", "this coming"):
        direction = "after"
    else:
        direction = "on-or-after" if sit.is_future(m.start("t"), m.end("t")) else "on-or-before"
    return at_time(day_period(weekday_near(sit.published, weekday, direction)), part)


def resolve_relative_period(m: re.Match[str], sit: Situation) -> Period | None:
    mod, unit = squash(m.group("mod")), squash(m.group("unit"))
    if sit.published is None:
        return unresolved({"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX"))
    published = sit.published
    if mod in ("the past", "the last", "past") or unit == "fortnight":
        fortnight = unit == "fortnight"
        return trailing_window(published, 2 if fortnight else 1, "W" if fortnight else unit_code(unit))
    if unit == "weekend":
        return relative_weekend(published, mod)
    step = STEPS.get(mod, 0)
    period = unit_period(published, unit, step)
    if period is None:
        return None
    if mod == "earlier this":
        period = clip(period, end=published)
    elif mod == "later this":
        period = clip(period, start=published)
    return part_of(period, part_code(m.group("part")))


def unit_period(published: dt.date, unit: str, step: int) -> Period | None:
    """This (step 0), the previous (-1) or the next (+1) week, month, quarter, year, decade or century."""
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + step
        return quarter_period(index // 4, index % 4 + 1)
    code = unit_code(unit)
    day = shift(published, step, code)
    return period_at(day, code) if day else None


def relative_weekend(published: dt.date, mod: str) -> Period | None:
    saturday = published + dt.timedelta(days=6 - published.isoweekday())  # this ISO week's Saturday
    if mod in ("last", "this past", "earlier this"):
        saturday -= dt.timedelta(days=7)
    elif mod in ("next", "this coming", "the coming") and published.isoweekday() >= 6:
        saturday += dt.timedelta(days=7)
    return weekend_period(saturday)


def resolve_weekend(m: re.Match[str], sit: Situation) -> Period | None:
    """"over the weekend": the latest weekend begun on or before publication (the next one if future tense)."""
    if sit.published is None:
        return unresolved("XXXX-WXX-WE")
    published = sit.published
    if sit.is_future(m.start("t"), m.end("t")):
        return relative_weekend(published, "this")
    latest_saturday = published - dt.timedelta(days=(published.isoweekday() - 6) % 7)
    return weekend_period(latest_saturday)


def trailing_window(published: dt.date, n: float | None, unit: str, *, ahead: bool = False) -> Period | None:
    """"the past three days": a DURATION whose window ends at publication (starts there when ``ahead``)."""
    span = VAGUE_COUNT_RANGE[1] if n is None else max(int(round(n)), 1)
    edge = shift(published, span if ahead else -span, unit)
    if edge is None:
        return None
    start, end = (published, edge) if ahead else (edge, published)
    return Period(duration_value(n, unit), PRECISION_OF_UNIT.get(unit, "day"), start, end, "DURATION")


def narrative_base(sit: Situation, code: str) -> dt.date | None:
    """The date the narrative stands on: its last day for days and parts of days, else its last dated period."""
    story = sit.narrative
    if code in ("D", "H", "MIN", "S", "W", "2W") and story.last_day is not None:
        return story.last_day
    if code in ("D", "H", "MIN", "S"):
        return None
    return story.last_dated.start if story.last_dated is not None else None


def resolve_narrative(m: re.Match[str], sit: Situation) -> Period | None:
    """"the next day", "the following week", "that year", "the same night": relative to the narrative's last date."""
    mod, unit = squash(m.group("mod")), squash(m.group("unit"))
    part = PARTS_OF_DAY.get(unit)
    code = "D" if part or unit == "weekend" else unit_code(unit)
    step = 1 if mod in ("the next", "the following", "the very next") else (
        -1 if mod in ("the previous", "the preceding", "the prior") else 0)
    base = narrative_base(sit, code)
    if base is None:
        return at_time(unresolved({"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(code, "XXXX")), part)
    if unit == "weekend":
        saturday = base + dt.timedelta(days=(6 - base.isoweekday()) % 7 + 7 * max(step, 0))
        return weekend_period(saturday)
    day = shift(base, step, code)
    return at_time(period_at(day, code), part) if day else None


def resolve_day_around(m: re.Match[str], sit: Situation) -> Period | None:
    base = sit.narrative.last_day
    step = 1 if squash(m.group("dir")) in ("after", "later") else -1
    part = "NI" if m.group("t").lower().startswith("the night") else None
    if base is None:
        return at_time(unresolved("XXXX-XX-XX"), part)
    day = add_days(base, step)
    return at_time(day_period(day), part) if day else None


def resolve_ago(m: re.Match[str], sit: Situation) -> Period | None:
    """"two days ago" (from publication), "three days later" (from the narrative's last date)."""
    n = count_value(m.group("count")) if m.group("count") else None
    code = unit_code(m.group("unit") or m.group("unit2"))
    direction = squash(m.group("dir"))
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    base = sit.published if direction in ("ago", "from now", "hence") else narrative_base(sit, code)
    if base is None:
        return unresolved({"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(code, "XXXX"))
    if n is None:
        lo, hi = VAGUE_COUNT_RANGE
        near, far = shift(base, sign * lo, code), shift(base, sign * hi, code)
        first, last = (far, near) if sign < 0 else (near, far)
        if first is None or last is None:
            return None
        return Period("PAST_REF" if sign < 0 else "FUTURE_REF", "unknown", first, last)
    day = shift(base, sign * int(round(n)), code)
    return period_at(day, code) if day else None


def resolve_part_of_unit(m: re.Match[str], sit: Situation) -> Period | None:
    """"the end of the year", "the beginning of this month", "later in the year": of publication's year/month
    ("this", or the future tense), else of the narrative's."""
    code = unit_code(m.group("unit") or m.group("unit2"))
    det = squash(m.group("det") or m.group("det2") or "the")
    if det in ("this", "last", "next") or (sit.published is not None and sit.is_future(m.start("t"), m.end("t"))):
        base = shift(sit.published, {"last": -1, "next": 1}.get(det, 0), code) if sit.published else None
    else:
        base = narrative_base(sit, code) or sit.published
    if base is None:
        return unresolved({"W": "XXXX-WXX", "M": "XXXX-XX"}.get(code, "XXXX"))
    period = period_at(base, code)
    if period is None:
        return None
    side = squash(m.group("side") or "")
    if side in ("later", "earlier"):
        return clip(period, start=base) if side == "later" else clip(period, end=base)
    return part_of(period, part_code(m.group("part") or side))


def resolve_in_time(m: re.Match[str], sit: Situation) -> Period | None:
    n, code = count_value(m.group("count")), unit_code(m.group("unit"))
    if sit.published is None or n is None:
        return unresolved("FUTURE_REF")
    day = shift(sit.published, int(round(n)), code)
    return period_at(day, code) if day else None


def resolve_refs(m: re.Match[str], sit: Situation) -> Period | None:
    kind = "PRESENT_REF" if m.group("present") else ("PAST_REF" if m.group("past") else "FUTURE_REF")
    return Period(kind, "unknown")


RESOLVERS = {
    "relative_day": resolve_relative_day,
    "weekday": resolve_weekday,
    "relative_period": resolve_relative_period,
    "weekend": resolve_weekend,
    "narrative": resolve_narrative,
    "day_around": resolve_day_around,
    "ago": resolve_ago,
    "in_time": resolve_in_time,
    "part_of_unit": resolve_part_of_unit,
    "refs": resolve_refs,
}
