"""The regular expressions the rule finder scans with, built from the word tables.

``compile_patterns()`` is called once per finder object (nothing is compiled at import). Each rule's pattern
may include context words (a preposition) outside the named group ``t``; the mention is group ``t`` when
present, else the whole match. Month and weekday names are case-sensitive (capitalised or upper case) so that
"may", "march" and "Theresa May" do not become dates; keywords use scoped ``(?i:...)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsevents.temporal.lexicon import (
    DECADE_WORDS,
    FIXED_HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SEASONS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_COUNTS,
    WEEKDAYS,
)

LOWERCASE_MONTHS_EXCLUDED = ("may", "march", "august")  # verbs / adjectives when written in lower case


def alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """Longest-first alternation; spaces match any run of whitespace."""
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    body = "|".join(parts)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def month(name: str = "month", *, abbreviations: bool = True) -> str:
    full = [w.capitalize() for w in MONTHS] + [w.upper() for w in MONTHS]
    full += [w for w in MONTHS if w not in LOWERCASE_MONTHS_EXCLUDED]
    pattern = alternation(full) + r"\b"
    if abbreviations:
        abbr = [w.capitalize() for w in MONTH_ABBREVIATIONS] + [w.upper() for w in MONTH_ABBREVIATIONS]
        pattern += "|" + alternation(abbr) + r"(?:\.|\b)"
    return f"(?P<{name}>{pattern})"


def weekday(name: str = "weekday") -> str:
    return f"(?P<{name}>{alternation([w.capitalize() for w in WEEKDAYS] + [w.upper() for w in WEEKDAYS])})"


def day(name: str = "day") -> str:
    return rf"(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"


def year(name: str = "year") -> str:
    return rf"(?P<{name}>1\d{{3}}|20\d{{2}})(?!\d|[.,]\d)"


def count(name: str = "count") -> str:
    simple = [w for w in NUMBER_WORDS if w not in ("a", "an")]
    tens = alternation(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], ignore_case=True)
    units = alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], ignore_case=True)
    words = alternation(simple + list(VAGUE_COUNTS), ignore_case=True)
    return rf"(?P<{name}>\d+(?:\.\d+)?|{tens}[\s-]+{units}|{words}|(?i:an?)(?=[\s-]))"


def unit(name: str = "unit", *, plural_only: bool = False) -> str:
    words = list(UNIT_PLURALS) if plural_only else [*UNITS, *UNIT_PLURALS]
    return f"(?P<{name}>{alternation(words, ignore_case=True)})"


def words(*options: str) -> str:
    """Case-insensitive alternation of keywords (spaces match any whitespace)."""
    return alternation(options, ignore_case=True)


PARTS = words("early", "mid", "late", "the beginning of", "the start of", "the middle of", "the end of", "the close of",
              "the first days of", "the last days of")
RANGE_DASH = r"\s*(?:-|–|—|/)\s*"
RANGE_WORD = rf"\s+{words('to', 'until', 'till', 'through', 'and', 'or')}\s+"
CONNECTOR = rf"(?:{RANGE_DASH}|{RANGE_WORD})"
APPROX = words("about", "around", "nearly", "almost", "some", "more than", "less than", "fewer than", "over", "under",
               "at least", "up to", "roughly", "approximately", "just over", "just under", "barely", "only")
# "on March 3 of that year", "in July of the following year": the year is the narrative's (or publication's).
OF_YEAR_WORDS = words("that", "the same", "that same", "the following", "the next", "the previous", "the preceding",
                      "this", "last", "next")
OF_YEAR = rf"(?:\s+(?i:of)\s+(?P<ofyear>{OF_YEAR_WORDS})\s+(?i:year))"
PREPOSITIONS = words("in", "since", "by", "until", "till", "during", "from", "through", "throughout", "before", "after",
                     "of", "between", "and", "to", "or", "for", "around", "circa", "about", "that", "on", "as of")
DAY_PARTS = "morning|afternoon|evening|night"
PART_OF_DAY = f"(?i:{DAY_PARTS})"
PART_WORD = words("early", "late", "mid")
REL_THIS = words("last", "next", "this past", "this coming", "this", "coming", "past")


def date_patterns() -> dict[str, str]:
    """Calendar dates: ISO, numeric, month-day and day-month (with weekday and year), and day ranges."""
    wd = rf"(?:{weekday()}\s*,?\s+(?:(?i:the)\s+)?)?"
    year_or_of = rf"(?:\s*,?\s*{year()}|{OF_YEAR})?"
    return {
        "iso": r"(?<![\d-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
               r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
               r"(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)",
        "iso_month": r"(?<![\d-])(?P<year>1\d{3}|20\d{2})-(?P<month>0[1-9]|1[0-2])(?![\d-])",
        "numeric": r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d|[/.]\d)",
        "date_mdy": rf"{wd}{month()}\s*{day()}{year_or_of}(?!\s*,\d)",
        "date_dmy": rf"{wd}(?<![\d,.])(?:(?i:the)\s+)?{day()}(?:\s+(?i:of))?\s+{month()}{year_or_of}",
        "day_range_dmy": rf"(?<![\d,.]){day('day1')}{CONNECTOR}{day()}(?:\s+(?i:of))?\s+{month()}"
                         rf"(?:\s*,?\s*{year()})?",
        "day_range_mdy": rf"{month()}\s*{day('day1')}{CONNECTOR}{day()}(?:\s*,?\s*{year()})?",
        "holiday": rf"\b(?P<t>(?P<name>{words(*(h for h in FIXED_HOLIDAYS if h != 'may day'))}|May\s+Day)"
                   rf"(?:\s*,?\s+{year()})?)\b",
    }


def period_patterns() -> dict[str, str]:
    """Months, years, their ranges, seasons, decades, centuries and quarters."""
    narrative_rel = words("the previous", "the following", "the preceding", "the next", "that")
    season_prep = words("in", "during", "by", "until", "since", "through", "throughout", "over", "for", "of", "from",
                        "before", "after", "and", "or", "to")
    season_rel = words("last", "this", "next", "this past", "this coming", "the coming", "the following", "that same",
                       "the previous", "the same", "that")
    return {
        "month_year": rf"(?P<t>(?:(?P<part>{PARTS})[\s-]+)?{month()}(?:\s+(?i:of))?\s*,?\s+{year()})",
        "month_alone": rf"(?:\b(?P<prep>{PREPOSITIONS})\s+)?(?P<t>(?:(?P<part>{PARTS})[\s-]+|"
                       rf"(?P<rel>{REL_THIS}|{narrative_rel})\s+)?{month(abbreviations=False)}{OF_YEAR}?)(?!\s*\d)",
        "month_range": rf"(?:\b(?P<prep>(?i:from|between))\s+)?(?P<t>{month('month1', abbreviations=False)}"
                       rf"{CONNECTOR}{month(abbreviations=False)}(?:\s*,?\s*{year()})?)(?!\s*\d)",
        "year_range": rf"(?:\b(?P<prep>(?i:from|between))\s+)?(?P<t>(?<![\w$£€#.,/]){year('year1')}{CONNECTOR}"
                      r"(?P<year>1\d{3}|20\d{2}|\d{2})(?!\d|[.,]\d|%))",
        "year_alone": rf"(?:\b(?P<prep>{PREPOSITIONS}|{words('the', 'fiscal', 'year', 'the year', 'of the year')})\s+)?"
                      rf"(?P<t>(?:(?P<part>{PARTS})[\s-]+)?(?<![\w$£€#.,/]){year()})"
                      rf"(?!\w|%|\s*(?:GMT|UTC|{words('per cent', 'percent', 'hrs', 'hours local')}))",
        "season": rf"(?:\b(?P<prep>{season_prep})\s+)?(?P<t>(?:(?P<rel>{season_rel})\s+)?(?P<the>(?i:the)\s+)?"
                  rf"(?:(?P<part>{PART_WORD})[\s-]*)?(?P<season>{words(*SEASONS)})"
                  rf"(?:\s*,?\s+(?:(?i:of)\s+)?{year()}|\s+(?i:of)\s+(?P<relyear>{words('this', 'last', 'next')})"
                  r"\s+(?i:year))?)\b",
        "decade": rf"\b(?P<t>(?P<the>(?i:the)\s+)?(?:(?P<part>{PART_WORD})[\s-]*)?"
                  rf"(?:(?P<dec4>(?:1\d|20)\d0)s|['’](?P<dec2>\d0)s|(?P<decw>{words(*DECADE_WORDS)})))\b",
        "century": rf"\b(?P<t>(?i:the)\s+(?:(?P<part>{PART_WORD})[\s-]+)?(?:(?P<num>\d{{1,2}})(?i:st|nd|rd|th)|"
                   rf"(?P<word>{words(*ORDINAL_WORDS)}))[\s-]+(?i:century))\b",
        "quarter": rf"\b(?P<t>(?:(?i:the)\s+)?(?P<ord>{words('first', 'second', 'third', 'fourth', 'last', 'final')}|"
                   rf"1st|2nd|3rd|4th)\s+(?P<kind>(?i:quarter|half))\s+(?i:of)\s+"
                   rf"(?:(?P<rel>{words('this', 'last', 'next', 'the')})\s+(?i:year)|{year()}))",
        "quarter_short": rf"\b(?P<t>Q(?P<q>[1-4])\s*{year()})",
    }


def relative_patterns() -> dict[str, str]:
    """Expressions resolved against publication (deictic) or against the narrative's last date."""
    days = words("the day before yesterday", "the day after tomorrow", "yesterday", "today", "tonight", "tomorrow",
                 "last night", "overnight")
    period_mod = words("last", "this", "next", "the past", "the last", "past", "the current", "current",
                       "earlier this", "later this", "earlier last", "this past", "this coming", "the coming")
    narrative_mod = words("the next", "the following", "the previous", "the preceding", "the prior", "the same",
                          "that same", "that", "the very next", "the very same")
    ago_dir = words("ago", "earlier", "later", "before", "after", "previously", "prior", "from now", "hence")
    present = words("right now", "now", "currently", "at present", "at the moment", "nowadays", "these days",
                    "presently", "at this time")
    past = words("recently", "lately", "recent days", "recent weeks", "recent months", "recent years", "recent times",
                 "recent decades", "the past")
    future = words("the future", "the near future", "the distant future", "the foreseeable future")
    return {
        "relative_day": rf"\b(?P<t>(?P<word>{days}|(?i:this)\s+(?P<pod0>(?i:morning|afternoon|evening)))"
                        rf"(?:\s+(?P<pod>{PART_OF_DAY}))?)\b",
        "weekday": rf"\b(?P<t>(?:(?P<rel>{REL_THIS})\s+)?{weekday()}(?:\s+(?P<pod>{PART_OF_DAY}))?)\b(?!s\b)",
        "relative_period": rf"\b(?<!the\s)(?<!The\s)(?P<t>(?:(?P<part>{PARTS})\s+)?(?P<mod>{period_mod})\s+"
                           rf"(?P<unit>{words('week', 'weekend', 'month', 'year', 'quarter', 'decade', 'fortnight')}|"
                           r"(?i:century)))\b",
        "part_of_unit": rf"\b(?P<t>(?P<part>{PARTS})\s+(?P<det>{words('the', 'this', 'that', 'last', 'next')})\s+"
                        rf"(?P<unit>{words('year', 'month', 'week')})|"
                        rf"(?P<side>{words('later', 'earlier', 'late', 'early')})"
                        rf"\s+(?i:in|that|this)\s+(?P<det2>(?i:the\s+)?)(?P<unit2>{words('year', 'month', 'week')}))\b",
        "weekend": rf"\b(?P<prep>{words('over', 'at', 'during', 'on', 'for', 'this', 'last', 'next')})\s+"
                   r"(?P<t>(?i:the\s+)?(?i:weekend))\b",
        "narrative": rf"\b(?P<t>(?P<mod>{narrative_mod})\s+"
                     rf"(?P<unit>{words('day', 'week', 'weekend', 'month', 'year', 'decade')}|{PART_OF_DAY}))\b",
        "day_around": rf"\b(?P<t>(?i:the\s+day|the\s+night)\s+(?P<dir>{words('before', 'after', 'earlier', 'later')}))"
                      r"(?=\s*[,.;:)]|\s*$)",
        "ago": rf"\b(?P<t>(?:(?P<approx>{APPROX})\s+)?(?:{count()}[\s-]+{unit()}|{unit('unit2', plural_only=True)})"
               rf"\s+(?P<dir>{ago_dir}))\b",
        "in_time": rf"\b(?i:in|within)\s+(?P<t>{count()}\s+{unit()}(?:['’]s?)?\s+(?i:time))\b",
        "refs": rf"\b(?P<t>(?P<present>{present})|(?P<past>{past})|(?P<future>{future}))\b",
    }


def amount_patterns() -> dict[str, str]:
    """Durations, sets and clock times."""
    set_units = words("day", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "hour")
    every = rf"(?i:every|each)\s+(?:(?i:other|single)\s+)?(?:(?P<unit>{set_units})\b|{weekday()})"
    adverbs = words("daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly")
    per_unit = words("day", "week", "month", "year", "hour")
    trailing = words("the past", "the last", "the next", "the coming", "the following", "the previous",
                     "the preceding", "past", "last", "next", "coming")
    ampm = words("a.m.", "p.m.", "a.m", "p.m", "am", "pm")
    return {
        "anchored_duration": rf"\b(?P<t>(?P<dir>{trailing})\s+(?:{count()}\s+{unit()}|"
                             rf"{unit('unit2', plural_only=True)}))\b",
        "duration": rf"\b(?P<t>(?:(?P<approx>{APPROX})\s+)?{count()}(?P<hyphen>[\s-]+){unit()}(?P<long>-long)?)\b"
                    r"(?!\s*-?\s*(?i:old)\b)",
        "bare_duration": rf"\b(?P<prep>{words('for', 'over', 'within', 'after', 'in', 'lasting', 'spanning')})\s+"
                         rf"(?P<t>{unit(plural_only=True)})\b",
        "set": rf"\b(?P<t>{every}|(?P<adverb>{adverbs})|(?P<times>(?i:once|twice|thrice|\w+\s+times))\s+"
               rf"(?i:a|per|every)\s+(?P<unit2>{per_unit})|(?i:per)\s+(?P<unit3>{per_unit}|(?i:night))|"
               rf"(?:(?i:on)\s+)?{weekday('plural')}s)\b",
        "clock": rf"(?<![\w:.])(?P<t>(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>{ampm})"
                 r"(?:\s+(?P<tz>GMT|UTC|[A-Z]{2,4}T|(?i:local\s+time)))?)(?![\w])",
        "clock24": r"(?<![\w:.,])(?P<t>(?P<hour>[01]?\d|2[0-3])[:h](?P<minute>[0-5]\d)"
                   r"(?:\s*(?P<tz>GMT|UTC|(?i:hrs|local\s+time)))?)(?![\d:,]|\.\d)",
        "clock_military": r"(?<![\w:.,])(?P<t>(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*"
                          r"(?P<tz>GMT|UTC|(?i:hrs|hours\s+local\s+time)))\b",
        "clock_word": r"\b(?P<t>(?P<word>(?i:noon|midday|midnight)))\b",
        "part_of_day": rf"\b(?P<prep>{words('in the', 'at', 'during the', 'early in the', 'late in the', 'late at')})"
                       rf"\s+(?P<t>{PART_OF_DAY})\b",
    }


def cue_pattern() -> str:
    """Tense cues: the nearest one before a mention (else after it) in its sentence decides past vs future."""
    future = (r"will|shall|would|wo\s*n['’]t|won['’]t|['’]ll|going\s+to|plans?\s+to|planned|planning|scheduled|"
              r"is\s+to|are\s+to|(?:is|are)\s+due|due\s+(?:on|in|by)|set\s+(?:to|for)|slated|expected\s+to|"
              r"expects?\s+to|to\s+be\s+held|upcoming|plans?|intends?\s+to|aims?\s+to|vowed\s+to|promised\s+to|"
              r"threatened\s+to|may|might|next|coming")
    past = r"said|says|was|were|had|did|told|ago|last|earlier|\w{3,}ed"
    return rf"\b(?:(?P<future>(?i:{future}))|(?P<past>(?i:{past})))\b"


# Every rule's match starts where a token starts. Saying so up front lets the regex engine skip the other
# positions at once instead of trying each pattern's leading alternatives there (about 3x faster scanning).
TOKEN_START = r"(?<!\w)(?=[\w'’])"


def compile_patterns() -> dict[str, re.Pattern[str]]:
    """Every rule's pattern, compiled; call once per finder."""
    rules = {**date_patterns(), **period_patterns(), **relative_patterns(), **amount_patterns()}
    compiled = {name: re.compile(TOKEN_START + source) for name, source in rules.items()}
    compiled["cue"] = re.compile(cue_pattern())
    compiled["sentence_end"] = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z\"'“‘(\[])|\n")
    return compiled
