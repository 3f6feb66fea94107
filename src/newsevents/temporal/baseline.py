"""The evaluation baseline: dateparser's ``search_dates`` alone, wrapped in the ``TimeFinder`` contract.

Spans are what ``search_dates`` returns (located in the text in order); the value's granularity is dateparser's
own ``period`` for that substring (day, week, month, year, time). No rules of ours are added.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from newsevents.model import TimeMention
from newsevents.temporal.periods import Period, day_period, month_period, week_period, year_period

if TYPE_CHECKING:
    from spacy.tokens import Doc


class DateparserTimeFinder:
    name = "dateparser"

    def __init__(self) -> None:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates

        self._search = search_dates
        self._parser_class = DateDataParser

    def _settings(self, published: dt.date | None) -> dict[str, Any]:
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if published is not None:
            settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
        return settings

    def find(self, text: str, published: dt.date | None, *, doc: Doc | None = None,
             tense_future: bool | None = None) -> list[TimeMention]:
        """search_dates paragraph by paragraph (it is slow and greedy on long texts)."""
        settings = self._settings(published)
        parser = self._parser_class(languages=["en"], settings=settings)
        mentions: list[TimeMention] = []
        offset = 0
        for paragraph in text.split("\n"):
            if paragraph.strip():
                mentions.extend(self._find_in(paragraph, offset, text, settings, parser))
            offset += len(paragraph) + 1
        return mentions

    def _find_in(self, paragraph: str, offset: int, text: str, settings: dict[str, Any],
                 parser: Any) -> list[TimeMention]:
        found = self._search(paragraph, languages=["en"], settings=settings) or []
        mentions, cursor = [], 0
        for substring, moment in found:
            position = paragraph.find(substring, cursor)
            if position < 0:
                continue
            cursor = position + len(substring)
            period = _period(moment, parser.get_date_data(substring).period)
            start = offset + position
            mentions.append(TimeMention(start, start + len(substring), text[start:start + len(substring)],
                                        period.value, period.type, period.precision, period.start, period.end))
        return mentions


def _period(moment: dt.datetime, granularity: str | None) -> Period:
    day = moment.date()
    if granularity == "year":
        return year_period(day.year) or day_period(day)
    if granularity == "month":
        return month_period(day.year, day.month) or day_period(day)
    if granularity == "week":
        return week_period(day)
    if granularity == "time":
        return day_period(day).with_value(f"{day.isoformat()}T{moment:%H:%M}", "TIME")
    return day_period(day)
