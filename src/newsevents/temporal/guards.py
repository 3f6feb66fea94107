"""Checks on a match's context made while scanning, before overlapping matches compete.

They keep numbers, verbs and names from becoming dates: "1500 soldiers", "the fall of the city",
"Theresa May", "a second time". Each returns True to keep the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsevents.temporal.words import squash

# Words after which a four-digit number still reads as a year ("1939 saw", "2019 and 2020").
YEAR_FOLLOWERS = frozenset(
    "and or to when was were is are saw had has have will would as with after before until through onward onwards "
    "the that in on at by for a an he she it they we there but while where which who its his her their this these "
    "those from of during since not also alone brought marked ended began".split()
)
# Nouns that mark a four-digit number as a count even after "in" or "by" ("by 2000 votes").
COUNT_NOUNS = frozenset(
    "people persons men women children troops soldiers votes cases deaths km kilometres kilometers miles metres "
    "meters feet tonnes tons dollars euros pounds rubles roubles households families homes houses residents "
    "protesters workers members times units barrels".split()
)
STRONG_YEAR_PREPOSITIONS = frozenset(
    "in|since|by|until|till|during|from|through|throughout|before|after|between|around|circa|fiscal|year|of|"
    "the year|of the year|as of".split("|")
)
CONTEXT_CHARS = 40  # how far back the name checks look (a word and the punctuation before it)
MIN_MODIFIER_YEAR = 1800  # "the 2011 revolution": a year used as a modifier; earlier numbers are more often counts
MAX_SHORT_RANGE = 20  # "1939-45", "2019/20": a range written with a two-digit end spans at most this many years


def next_word(text: str, position: int) -> str | None:
    """The word right after ``position`` (skipping spaces), or None if punctuation or the end comes first."""
    i = position
    while i < len(text) and text[i] in " \t":
        i += 1
    j = i
    while j < len(text) and (text[j].isalpha() or text[j] in "-'"):
        j += 1
    return text[i:j] if j > i else None


def _open_class_follower(m: re.Match[str]) -> str | None:
    """The following word if it is lower case and not a function word (so probably a counted noun)."""
    word = next_word(m.string, m.end())
    if word and word[0].islower() and word.lower() not in YEAR_FOLLOWERS:
        return word.lower()
    return None


def accept_year(m: re.Match[str]) -> bool:
    if m.group("part"):
        return True
    prep = squash(m.group("prep") or "")
    follower = _open_class_follower(m)
    if prep in STRONG_YEAR_PREPOSITIONS:
        return follower not in COUNT_NOUNS
    if prep == "the":
        return int(m.group("year")) >= MIN_MODIFIER_YEAR and follower not in COUNT_NOUNS
    after = m.string[m.end():m.end() + 2].strip()
    return follower is None and not after[:1].isdigit() and not _after_capitalised_word(m, "t")


def accept_year_range(m: re.Match[str]) -> bool:
    between = m.string[m.end("year1"):m.start("year")]
    if squash(between) in ("and", "or") and squash(m.group("prep") or "") != "between":
        return False
    if "/" in between and len(m.group("year")) == 4 and int(m.group("year")) != int(m.group("year1")) + 1:
        return False
    follower = _open_class_follower(m)
    if len(m.group("year")) == 2:
        first, last = int(m.group("year1")) % 100, int(m.group("year"))
        if not 0 < last - first <= MAX_SHORT_RANGE:
            return False  # "2013/08" is a year and a month, "1999-01" too far to read as a range
    return follower not in COUNT_NOUNS and not (follower and not m.group("prep"))


def accept_month_range(m: re.Match[str]) -> bool:
    between = squash(m.string[m.end("month1"):m.start("month")])
    return between not in ("and", "or") or squash(m.group("prep") or "") == "between"


def accept_month_alone(m: re.Match[str]) -> bool:
    return bool(m.group("prep") or m.group("part") or m.group("rel"))


def _after_capitalised_word(m: re.Match[str], group: str) -> bool:
    """Right after a capitalised word inside a sentence: part of a name ("Resolution 1483", "White Christmas")."""
    start = m.start(group)
    window = max(start - CONTEXT_CHARS, 0)
    before = m.string[window:start].rstrip(" ")
    if len(before) == start - window or not before or not before[-1].isalpha():
        return False
    word_start = len(before)
    while word_start > 0 and before[word_start - 1].isalpha():
        word_start -= 1
    ahead = before[:word_start].rstrip(" \t\"'“‘(")
    return before[word_start].isupper() and bool(ahead) and ahead[-1] not in ".!?:\n"


def _capitalised_inside_sentence(m: re.Match[str], group: str) -> bool:
    """A capitalised word that is not first in its sentence: part of a name ("the Winter Meetings")."""
    start = m.start(group)
    before = m.string[max(start - 3, 0):start].rstrip(" \t\"'“‘(")
    return m.group(group)[0].isupper() and bool(before) and before[-1] not in ".!?:\n"


def accept_season(m: re.Match[str]) -> bool:
    if m.group("year"):
        return True
    if _capitalised_inside_sentence(m, "season"):
        return False
    if m.group("rel") or m.group("relyear") or m.group("part"):
        return True
    if m.group("season").lower() == "fall":
        return False  # "the fall of the city", "prices fall"
    return bool(m.group("the") or m.group("prep"))


def accept_decade(m: re.Match[str]) -> bool:
    return not m.group("decw") or bool(m.group("the"))


def accept_duration(m: re.Match[str]) -> bool:
    count, unit = squash(m.group("count")), squash(m.group("unit"))
    if count in ("a", "an") and unit in ("second", "minute"):
        return False  # "a second time", "a minute's silence" read as counts of one more often than as durations
    return True


def accept_before_after(m: re.Match[str]) -> bool:
    """"two days after" only as an adverb; "two days after the attack" is anchored to an event we cannot date."""
    if squash(m.group("dir")) not in ("before", "after"):
        return True
    rest = m.string[m.end():m.end() + 3].lstrip(" ")
    return not rest or not rest[0].isalnum()


def accept_set(m: re.Match[str]) -> bool:
    """"Daily" in "the Anchorage Daily News" is a name."""
    if not m.group("adverb"):
        return True
    if not m.group("adverb")[0].isupper():
        return True
    word = next_word(m.string, m.end())
    return not (word and word[0].isupper()) and not _capitalised_inside_sentence(m, "adverb")


def accept_holiday(m: re.Match[str]) -> bool:
    """Not "Christmas party" (a count noun follows) nor "White Christmas" (a name) nor "Orthodox Christmas"."""
    if _after_capitalised_word(m, "t"):
        return False
    return bool(m.group("year")) or _open_class_follower(m) is None


GUARDS: dict[str, Callable[[re.Match[str]], bool]] = {
    "year_alone": accept_year,
    "year_range": accept_year_range,
    "month_alone": accept_month_alone,
    "month_range": accept_month_range,
    "season": accept_season,
    "decade": accept_decade,
    "duration": accept_duration,
    "ago": accept_before_after,
    "holiday": accept_holiday,
    "set": accept_set,
}
