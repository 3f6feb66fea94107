"""Resolvers for durations, sets and clock times.

Durations get no window unless anchored ("the past three days" ends at publication); clock times get a date
only when they sit next to one ("Tuesday at 3 p.m.", see ``merge``), else their date stays XXXX-XX-XX.
"""

from __future__ import annotations

import re

from newsevents.temporal.absolute import unresolved
from newsevents.temporal.lexicon import PARTS_OF_DAY, SET_ADVERBS
from newsevents.temporal.periods import Period, day_period
from newsevents.temporal.relative import narrative_base, period_at, shift, trailing_window
from newsevents.temporal.situation import Situation
from newsevents.temporal.words import count_value, duration_value, squash, unit_code, weekday_number

SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H", "night": "XXXX-XX-XXTNI",
             "morning": "XXXX-XX-XXTMO", "afternoon": "XXXX-XX-XXTAF", "evening": "XXXX-XX-XXTEV",
             "weekend": "XXXX-WXX-WE"}


def resolve_anchored_duration(m: re.Match[str], sit: Situation) -> Period | None:
    """"the past three days" ends at publication; "the next two weeks" starts there in a future-tense sentence,
    and at the narrative's last date in a past-tense one ("stayed for the next six months"), as do "the
    following/previous days"."""
    n = count_value(m.group("count")) if m.group("count") else None
    code = unit_code(m.group("unit") or m.group("unit2"))
    direction = squash(m.group("dir")).split()[-1]
    ahead = direction in ("next", "coming", "following")
    base = sit.published
    if direction in ("following", "previous", "preceding") or (ahead and not sit.is_future(m.start("t"), m.end("t"))):
        base = narrative_base(sit, code)
    if base is None:
        return Period(duration_value(n, code), "unknown", type="DURATION")
    return trailing_window(base, n, code, ahead=ahead)


def resolve_duration(m: re.Match[str], sit: Situation) -> Period | None:
    """"three days", "a three-day strike", "48 hours"; "in two weeks" in a future-tense sentence is a date."""
    n, code = count_value(m.group("count")), unit_code(m.group("unit"))
    start = m.start("t")
    after_in = sit.text[max(start - 3, 0):start].lower() == "in "
    if after_in and n is not None and sit.published is not None and sit.is_future(start, m.end("t")):
        day = shift(sit.published, int(round(n)), code)
        return period_at(day, code) if day else None
    return Period(duration_value(n, code), "unknown", type="DURATION")


def resolve_bare_duration(m: re.Match[str], sit: Situation) -> Period | None:
    return Period(duration_value(None, unit_code(m.group("unit"))), "unknown", type="DURATION")


def resolve_set(m: re.Match[str], sit: Situation) -> Period | None:
    if m.group("adverb"):
        value = SET_ADVERBS[m.group("adverb").lower()]
    elif m.group("weekday") or m.group("plural"):
        value = f"XXXX-WXX-{weekday_number(m.group('weekday') or m.group('plural'))}"
    else:
        unit = squash(m.group("unit") or m.group("unit2") or m.group("unit3"))
        value = SET_UNITS[unit]
        if "other" in m.group("t").lower() and value.startswith("P1"):
            value = "P2" + value[2:]
    return Period(value, "unknown", type="SET")


def on_day(clock: str, m: re.Match[str], sit: Situation) -> Period:
    """A clock time or part of the day, on the day last mentioned in the paragraph (else on an unknown day).
    A date right beside it ("Tuesday at 3 p.m.") replaces this in ``merge``."""
    day = sit.same_paragraph_day(m.start("t"))
    if day is None:
        return unresolved(f"XXXX-XX-XXT{clock}", "TIME")
    return day_period(day).with_value(f"{day.isoformat()}T{clock}", "TIME")


def resolve_clock(m: re.Match[str], sit: Situation) -> Period | None:
    hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
    pm = m.group("ampm").lower().startswith("p")
    return on_day(f"{hour % 12 + (12 if pm else 0):02d}:{minute:02d}", m, sit)


def resolve_clock24(m: re.Match[str], sit: Situation) -> Period | None:
    return on_day(f"{int(m.group('hour')):02d}:{m.group('minute')}", m, sit)


def resolve_clock_word(m: re.Match[str], sit: Situation) -> Period | None:
    return on_day("00:00" if m.group("word").lower() == "midnight" else "12:00", m, sit)


def resolve_part_of_day(m: re.Match[str], sit: Situation) -> Period | None:
    return on_day(PARTS_OF_DAY[m.group("t").lower()], m, sit)


RESOLVERS = {
    "anchored_duration": resolve_anchored_duration,
    "duration": resolve_duration,
    "bare_duration": resolve_bare_duration,
    "set": resolve_set,
    "clock": resolve_clock,
    "clock24": resolve_clock24,
    "clock_military": resolve_clock24,
    "clock_word": resolve_clock_word,
    "part_of_day": resolve_part_of_day,
}
