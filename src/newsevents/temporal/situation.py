"""What a resolver needs beyond the matched words: publication date, tense of the sentence, the narrative so far.

``Situation`` is built once per ``find`` call and updated as mentions are resolved in text order (anchors for
"the next day", "two days later", "in April" after "In March 2019").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsevents.temporal.periods import Period

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class Narrative:
    """The last dates the text has established (mutable, one per ``find`` call)."""

    last_day: dt.date | None = None  # latest day-precision date mentioned (any kind)
    last_dated: Period | None = None  # latest mention with a window of a year or finer
    last_day_paragraph: int = -1  # the paragraph ``last_day`` is in
    explicit: Period | None = None  # latest month- or day-precision mention with the year written out
    explicit_paragraph: int = -1  # the paragraph ``explicit`` is in
    setting: Period | None = None  # latest date with a written year that sets the scene ("In 1940,", not "since 2011")
    deictic: bool = False  # has the text placed anything relative to publication ("on Tuesday", "last week")?


@dataclass(slots=True)
class Situation:
    text: str
    published: dt.date | None
    cue_re: re.Pattern[str]
    sentence_starts: list[int]
    paragraph_starts: list[int]
    tense_future: bool | None = None  # caller's hint: overrides the cues
    narrative: Narrative = field(default_factory=Narrative)
    _cues: dict[int, tuple[list[int], list[bool]]] = field(default_factory=dict)
    _quotes: dict[str, list[int]] | None = None

    def sentence_index(self, position: int) -> int:
        return bisect.bisect_right(self.sentence_starts, position) - 1

    def paragraph_index(self, position: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, position) - 1

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        index = self.sentence_index(position)
        start = self.sentence_starts[index] if index >= 0 else 0
        end = self.sentence_starts[index + 1] if index + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def is_future(self, start: int, end: int) -> bool:
        """Future tense if the nearest tense cue before the mention (else after it) in its sentence is a future one."""
        if self.tense_future is not None:
            return self.tense_future
        positions, futures = self._sentence_cues(start)
        before = bisect.bisect_left(positions, start)
        if before > 0:
            return futures[before - 1]
        after = bisect.bisect_left(positions, end)
        return futures[after] if after < len(positions) else False

    def _sentence_cues(self, position: int) -> tuple[list[int], list[bool]]:
        """Where the tense cues of the sentence holding ``position`` are, and which are future ones (cached)."""
        index = self.sentence_index(position)
        if index not in self._cues:
            lo, hi = self.sentence_bounds(position)
            found = [(m.start(), m.group("future") is not None) for m in self.cue_re.finditer(self.text, lo, hi)]
            self._cues[index] = ([p for p, _ in found], [f for _, f in found])
        return self._cues[index]

    def explicit_anchor(self, position: int) -> Period | None:
        """What a year-less date is placed near: the month or day with a written year last mentioned in this
        paragraph; or, in a text that has not yet spoken relative to publication (history, background), the
        last date with a written year. None: place it relative to publication."""
        story = self.narrative
        if story.explicit is not None and story.explicit_paragraph == self.paragraph_index(position):
            return story.explicit
        if not story.deictic:
            return story.setting
        return None

    def in_quotation(self, position: int) -> bool:
        """Inside quotation marks in its paragraph (a speaker's "tomorrow" says little about the text's own time)?"""
        if self._quotes is None:
            self._quotes = {mark: [i for i, c in enumerate(self.text) if c == mark] for mark in '"“”'}
        lo = self.paragraph_starts[self.paragraph_index(position)]
        straight = self._quotes['"']
        if (bisect.bisect_left(straight, position) - bisect.bisect_left(straight, lo)) % 2 == 1:
            return True
        return self._last_before(self._quotes["“"], lo, position) > self._last_before(self._quotes["”"], lo, position)

    @staticmethod
    def _last_before(positions: list[int], lo: int, position: int) -> int:
        index = bisect.bisect_left(positions, position) - 1
        return positions[index] if index >= 0 and positions[index] >= lo else -1

    def same_paragraph_day(self, position: int) -> dt.date | None:
        """The narrative's last day, if it was mentioned in this paragraph (for a bare "at 3 p.m.")."""
        story = self.narrative
        if story.last_day is not None and story.last_day_paragraph == self.paragraph_index(position):
            return story.last_day
        return None


def sentence_starts(text: str, sentence_end: re.Pattern[str], doc: Doc | None = None) -> list[int]:
    """Sentence start offsets: from a spaCy Doc's sentences when it has them, else a punctuation heuristic."""
    if doc is not None and doc.text != text:
        raise ValueError("doc must be the spaCy Doc of the text given to find()")
    if doc is not None and doc.has_annotation("SENT_START"):
        starts = [sent.start_char for sent in doc.sents]
        return starts if starts and starts[0] == 0 else [0, *starts]
    return [0, *(m.end() for m in sentence_end.finditer(text))]


def paragraph_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def make_situation(text: str, published: dt.date | None, patterns: dict[str, re.Pattern[str]], *,
                   doc: Doc | None = None, tense_future: bool | None = None) -> Situation:
    starts = sentence_starts(text, patterns["sentence_end"], doc)
    return Situation(text=text, published=published, cue_re=patterns["cue"], sentence_starts=starts,
                     paragraph_starts=paragraph_starts(text), tense_future=tense_future)
