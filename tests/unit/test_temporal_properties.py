"""Hypothesis: the rule finder never fails, its offsets and windows are sound, explicit dates round-trip."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.temporal import RuleTimeFinder

FINDER = RuleTimeFinder()  # compiled once for the module's examples
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WORDS = st.sampled_from(["on", "in", "the", "last", "next", "week", "since", "2021", "1999", "May", "3", "31",
                         "Tuesday", "ago", "days", "two", "-", "to", "and", "between", "early", "of", "at",
                         "p.m.", "10:30", "'90s", "summer", "century", "yesterday", ",", ".", "\n", "Q2",
                         "of that year", "the following", "the next", "day", "later", "overnight", "2045 GMT",
                         "every", "Christmas", "decade", "the end of", "month", "Friday", "9999", "1000"])
PUBLISHED = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)) | st.none()


def check(text: str, published: dt.date | None) -> None:
    mentions = FINDER.find(text, published)
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end  # no overlaps, in order
        previous_end = mention.end
        if mention.window_start is not None or mention.window_end is not None:
            assert mention.window_start is not None and mention.window_end is not None
            assert mention.window_start <= mention.window_end


@settings(max_examples=300, deadline=None)
@given(st.text(), PUBLISHED)
def test_never_raises_on_arbitrary_text(text: str, published: dt.date | None) -> None:
    check(text, published)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=25).map(" ".join), PUBLISHED)
def test_never_raises_on_date_like_word_salad(text: str, published: dt.date | None) -> None:
    check(text, published)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(0, 3), PUBLISHED)
def test_explicit_dates_round_trip(day: dt.date, style: int, published: dt.date | None) -> None:
    written = [
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {MONTHS[day.month - 1]} {day.year}",
        f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}",
        day.isoformat(),
    ][style]
    text = f"The agreement was signed on {written} in the capital."
    mentions = FINDER.find(text, published)
    assert [(m.text, m.value, m.window_start, m.window_end) for m in mentions] == [(written, day.isoformat(), day, day)]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 12, 31)))
def test_year_less_weekday_dates_agree_with_their_weekday(published: dt.date) -> None:
    day = published - dt.timedelta(days=published.toordinal() % 40)  # some day up to 39 days before publication
    text = f"It happened on {WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}."
    (mention,) = FINDER.find(text, published)
    assert mention.value == day.isoformat()
