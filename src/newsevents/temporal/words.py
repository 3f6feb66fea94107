"""Matched words to numbers: month, weekday, count, unit, part of a period."""

from __future__ import annotations

from newsevents.temporal.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    PART_MODIFIERS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_COUNTS,
    WEEKDAYS,
)


def squash(words: str) -> str:
    """Lower case, one space between words."""
    return " ".join(words.lower().split())


def month_number(word: str) -> int:
    key = word.rstrip(".").lower()
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower()]


def day_number(text: str) -> int:
    return int("".join(c for c in text if c.isdigit()))


def count_value(text: str) -> float | None:
    """The number a count phrase says; None for vague counts ("a few", "several")."""
    words = squash(text).replace("-", " ")
    if words in VAGUE_COUNTS:
        return None
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words])
    parts = words.split()
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    try:
        return float(words)
    except ValueError:
        return None


def unit_code(word: str) -> str:
    """TIMEX unit letter(s): D, W, M, Y, DE, CE, H, MIN, S (a fortnight is 2W)."""
    key = squash(word)
    return UNITS[UNIT_PLURALS.get(key, key)]


def part_code(words: str | None) -> str | None:
    """START / MID / END for early / mid / late and their longer forms."""
    if not words:
        return None
    return PART_MODIFIERS.get(squash(words).rstrip("-"))


def format_count(value: float | None) -> str:
    if value is None:
        return "X"
    return str(int(value)) if value == int(value) else f"{value:g}"


def duration_value(value: float | None, unit: str) -> str:
    """TIMEX duration: P3D, P2W, PT4H, PXY ... (a fortnight counts as two weeks)."""
    if unit == "2W":
        return f"P{format_count(value * 2 if value is not None else None)}W"
    if unit in ("H", "MIN", "S"):
        return f"PT{format_count(value)}{'M' if unit == 'MIN' else unit}"
    return f"P{format_count(value)}{unit}"
