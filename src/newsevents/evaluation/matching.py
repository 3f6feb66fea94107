"""Matching produced events to expected ones: quotes in text, spans, distances and a fair assignment.

Everything here is a pure function over records, so the scorers can be tested on hand-built events.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from newsevents.model import Event

# Typographic variants folded together before a quote is looked up in a document's text.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
_SPACE = re.compile(r"\s+")

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) in a document's text."""

    start: int
    end: int

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` case-folded, with quotes/dashes unified and whitespace runs collapsed to one space;
    also the original offset of every character of the folded string."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        for piece in char.casefold():
            chars.append(piece)
            offsets.append(index)
    return "".join(chars), tuple(offsets)


def find_quote(text: str, quote: str) -> Span | None:
    """Where ``quote`` occurs in ``text``, tolerating case, whitespace, quote and dash variants."""
    haystack, offsets = fold(text)
    needle = _SPACE.sub(" ", quote.translate(_FOLD)).strip().casefold()
    if not needle:
        return None
    at = haystack.find(needle)
    if at < 0:
        return None
    return Span(offsets[at], offsets[at + len(needle) - 1] + 1)


def contains_folded(text: str, fragment: str) -> bool:
    """Whether ``fragment`` occurs in ``text`` after folding both."""
    return find_quote(text, fragment) is not None


def evidence_spans(event: Event) -> tuple[Span, ...]:
    return tuple(Span(e.start, e.end) for e in event.evidence)


def evidence_overlaps(event: Event, span: Span) -> bool:
    """Whether any of the event's evidence ranges overlaps ``span``."""
    return any(s.overlaps(span) for s in evidence_spans(event))


def overlap_chars(event: Event, span: Span) -> int:
    """How many characters of ``span`` the event's evidence covers (for tie-breaking)."""
    covered = 0
    for s in evidence_spans(event):
        covered = max(covered, min(s.end, span.end) - max(s.start, span.start))
    return max(covered, 0)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A maximum-weight one-to-one assignment of rows to columns (Hungarian algorithm).

    Only pairs with a positive weight are returned, so a weight of 0 means "may not be paired".
    The result does not depend on the order of rows or columns beyond ties of equal total weight.
    """
    if not weights or not weights[0]:
        return []
    matrix = np.asarray(weights, dtype=float)
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if matrix[r, c] > 0]
