"""The ``TimeFinder`` contract and our rule-based implementation.

``RuleTimeFinder`` scans the text with regular expressions (compiled once per finder), keeps the longest of
overlapping matches, resolves them in text order (so "the next day" sees the day before it) and joins
neighbours (clock time + date, "from A to B", "since A").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from newsevents.errors import ConfigError
from newsevents.model import TimeMention
from newsevents.temporal import absolute, amounts, relative
from newsevents.temporal.guards import GUARDS
from newsevents.temporal.merge import Found, merge_all
from newsevents.temporal.patterns import compile_patterns
from newsevents.temporal.periods import MAX_YEAR, MIN_YEAR, Period
from newsevents.temporal.situation import Situation, make_situation
from newsevents.temporal.words import squash

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsevents.settings import Settings

Resolver = Callable[[re.Match[str], Situation], Period | None]
Guard = Callable[[re.Match[str]], bool]

# Rules whose mentions are placed relative to publication: once one occurs, the text is read as news.
DEICTIC_RULES = frozenset({"relative_day", "weekday", "relative_period", "weekend", "in_time", "anchored_duration"})
# Among overlapping matches the longest wins; on equal length, the rule listed first.
RULE_ORDER: tuple[str, ...] = (
    "iso", "iso_month", "numeric", "day_range_dmy", "day_range_mdy", "date_mdy", "date_dmy", "month_range",
    "month_year", "year_range", "quarter", "quarter_short", "holiday", "season", "decade", "century", "relative_day",
    "weekday", "relative_period", "part_of_unit", "narrative", "day_around", "ago", "in_time", "anchored_duration",
    "weekend", "month_alone", "year_alone", "set", "duration", "bare_duration", "clock", "clock24", "clock_military",
    "clock_word", "part_of_day", "refs",
)


class TimeFinder(Protocol):
    """Finds temporal expressions in ``text`` and resolves them against the publication date."""

    name: str

    def find(self, text: str, published: dt.date | None, *, doc: Doc | None = None,
             tense_future: bool | None = None) -> list[TimeMention]:
        """Mentions in text order; offsets index ``text``. ``tense_future`` overrides tense detection."""
        ...


class RuleTimeFinder:
    """Regex scanning + calendar resolution relative to publication and to the narrative."""

    name = "rules"

    def __init__(self) -> None:
        self._patterns = compile_patterns()
        resolvers: dict[str, Resolver] = {**absolute.RESOLVERS, **relative.RESOLVERS, **amounts.RESOLVERS}
        self._rules: tuple[tuple[str, re.Pattern[str], Guard | None, Resolver], ...] = tuple(
            (name, self._patterns[name], GUARDS.get(name), resolvers[name]) for name in RULE_ORDER
        )

    def find(self, text: str, published: dt.date | None, *, doc: Doc | None = None,
             tense_future: bool | None = None) -> list[TimeMention]:
        if published is not None and not MIN_YEAR < published.year < MAX_YEAR:
            raise ValueError(f"publication date {published} is outside the years {MIN_YEAR + 1}-{MAX_YEAR - 1}")
        sit = make_situation(text, published, self._patterns, doc=doc, tense_future=tense_future)
        found: list[Found] = []
        for start, end, name, match, resolve in self._scan(text):
            period = resolve(match, sit)
            if period is None:
                continue
            item = Found(start, end, name, period, explicit_year=_has_year(match))
            found.append(item)
            deictic = _is_deictic(name, match, sit) and not sit.in_quotation(start)
            remember(sit, item, deictic=deictic, setting=_sets_scene(match, text))
        return [to_mention(item, text) for item in merge_all(found, text, published)]

    def _scan(self, text: str) -> list[tuple[int, int, str, re.Match[str], Resolver]]:
        """Every accepted match, then the longest of overlapping ones (ties: rule order), in text order."""
        candidates = []
        for order, (name, pattern, guard, resolve) in enumerate(self._rules):
            for match in pattern.finditer(text):
                if guard is not None and not guard(match):
                    continue
                start, end = match.span("t") if "t" in pattern.groupindex and match.group("t") else match.span()
                if end > start:
                    candidates.append((start, end, order, name, match, resolve))
        candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
        taken = bytearray(len(text))
        chosen = []
        for start, end, _, name, match, resolve in candidates:
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append((start, end, name, match, resolve))
        return sorted(chosen, key=lambda c: c[0])


def _has_year(match: re.Match[str]) -> bool:
    return "year" in match.re.groupindex and match.group("year") is not None


def _is_deictic(name: str, match: re.Match[str], sit: Situation) -> bool:
    """Placed relative to publication ("yesterday", "on Tuesday", "last week", "two days ago")?"""
    if name == "ago":
        return squash(match.group("dir")) in ("ago", "from now", "hence")
    if name == "anchored_duration":
        return squash(match.group("dir")).split()[-1] in ("past", "last") or sit.is_future(match.start(), match.end())
    return name in DEICTIC_RULES


def _sets_scene(match: re.Match[str], text: str) -> bool:
    """A written year that places the narrative: not a comparison ("since 2011") nor a modifier ("the 2011 vote")."""
    if not _has_year(match):
        return False
    start = match.start("t") if "t" in match.re.groupindex and match.group("t") else match.start()
    return squash(text[max(start - 6, 0):start]).split()[-1:] not in (["since"], ["the"])


def remember(sit: Situation, item: Found, *, deictic: bool = False, setting: bool = False) -> None:
    """Update the narrative with a resolved mention (only dates and times with a window count)."""
    period, story = item.period, sit.narrative
    story.deictic = story.deictic or deictic
    if period.start is None or period.end is None or period.type not in ("DATE", "TIME"):
        return
    if period.precision == "day":
        story.last_day = period.end
        story.last_day_paragraph = sit.paragraph_index(item.start)
    if period.precision in ("day", "week", "month", "year"):
        story.last_dated = period
    if item.explicit_year and period.precision in ("day", "month"):
        story.explicit = period
        story.explicit_paragraph = sit.paragraph_index(item.start)
    if setting and period.precision in ("day", "month", "year"):
        story.setting = period


def to_mention(item: Found, text: str) -> TimeMention:
    period = item.period
    return TimeMention(start=item.start, end=item.end, text=text[item.start:item.end], value=period.value,
                       type=period.type, precision=period.precision, window_start=period.start,
                       window_end=period.end)


def make_time_finder(settings: Settings | None = None, *, kind: str = "rules") -> TimeFinder:
    """Our finder ("rules"), or the dateparser baseline ("dateparser") used by the evaluation."""
    if kind == "rules":
        return RuleTimeFinder()
    if kind == "dateparser":
        from newsevents.temporal.baseline import DateparserTimeFinder

        return DateparserTimeFinder()
    raise ConfigError(f"Unknown time finder {kind!r}.", hint="Use 'rules' or 'dateparser'.")
