"""When an event happened: its own clause's date, else the window the text implies.

An event whose day the text does not give is never dated to the publication day as if exact:
it gets a window ending on the publication date and starting at the story's last explicit date
before it (or a week back), with a precision that says how wide the window is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.model import DatePrecision, Modality, TimeMention

RECENT_DAYS = 6  # a present-tense report with no date covers the week up to publication
ANCHOR_MAX_DAYS = 31  # an earlier explicit date this far back still anchors the story's window


@dataclass(frozen=True, slots=True)
class When:
    date: dt.date | None
    date_end: dt.date | None
    precision: DatePrecision


UNKNOWN = When(None, None, "unknown")


def precision_of(start: dt.date, end: dt.date) -> DatePrecision:
    days = (end - start).days + 1
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    if days <= 366:
        return "year"
    return "unknown"


def _dated(times: Sequence[TimeMention]) -> list[TimeMention]:
    return [t for t in times if t.window_start is not None and t.type in {"DATE", "TIME"}]


def _from_mention(mention: TimeMention, published: dt.date | None, modality: Modality) -> When:
    start, end = mention.window_start, mention.window_end or mention.window_start
    assert start is not None and end is not None
    if published and modality == "asserted" and end > published >= start:
        end = published  # "this week": what has happened happened by publication
    if end <= start:
        return When(start, None, mention.precision if mention.precision != "unknown" else "day")
    return When(start, end, precision_of(start, end))


def event_when(*, clause: tuple[int, int], sentence: tuple[int, int], trigger: int,
               times: Sequence[TimeMention], published: dt.date | None, modality: Modality,
               present: bool) -> When:
    """The date (window) of an event whose clause spans ``clause`` (char offsets)."""
    dated = _dated(times)
    own = [t for t in dated if t.start >= clause[0] and t.end <= clause[1]]
    if not own:
        in_sentence = [t for t in dated if t.start >= sentence[0] and t.end <= sentence[1]]
        own = in_sentence if len({t.value for t in in_sentence}) == 1 else []
    if own:
        best = min(own, key=lambda t: abs(t.start - trigger))
        return _from_mention(best, published, modality)
    if published is None or modality in {"planned", "hypothetical"}:
        return UNKNOWN
    start = published - dt.timedelta(days=RECENT_DAYS)
    if not present:
        anchor = _story_anchor(dated, before=clause[0], published=published)
        if anchor is not None:
            start = anchor
    if start >= published:
        return When(published, None, "day")  # the story's last explicit date is the publication day
    return When(start, published, precision_of(start, published))


def _story_anchor(dated: Sequence[TimeMention], *, before: int, published: dt.date) -> dt.date | None:
    """The last explicit day-or-week date mentioned before ``before`` that lies in the month up to publication."""
    earliest = published - dt.timedelta(days=ANCHOR_MAX_DAYS)
    anchors = [t for t in dated if t.end <= before and t.precision in {"day", "week"}
               and t.window_start is not None and earliest <= t.window_start <= published]
    return anchors[-1].window_start if anchors else None
