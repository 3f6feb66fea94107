"""Counts stated in a sentence (killed, injured, arrested, participants) and a protest's issue."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
    "a hundred": 100, "a thousand": 1000, "hundreds": 100, "thousands": 1000, "tens of thousands": 10000,
    "hundreds of thousands": 100000, "dozens": 12,
}
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|" + "|".join(
    sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True)) + r")"
_QUAL = r"(?:(?:at least|about|around|some|nearly|almost|more than|over|up to|an estimated|as many as)\s+)?"
_NOUNS = r"(?:\s+[\w'-]+){0,4}?"
_BE = r"(?:\s+(?:were|was|have been|had been|are|is|being|been|reportedly|also|later|all))*"
OUTCOME_BEFORE = re.compile(r"(?:kill\w*|wound\w*|injur\w*|arrest\w*|detain\w*|leaving|left)\s+(?:\w+\s+){0,2}$",
                            re.IGNORECASE)


def parse_number(text: str) -> int | None:
    low = text.lower().strip()
    if low in WORD_NUMBERS:
        return WORD_NUMBERS[low]
    digits = low.replace(",", "")
    return int(digits) if digits.isdigit() else None


@dataclass(frozen=True, slots=True)
class Counts:
    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    participants: int | None = None


class CountReader:
    """Regular expressions compiled once per reader; ``read`` takes one sentence."""

    @cached_property
    def _patterns(self) -> dict[str, tuple[re.Pattern[str], ...]]:
        def both(words: str, lead: str = "") -> tuple[re.Pattern[str], ...]:
            after = rf"\b{_QUAL}{_NUM}{_NOUNS}{_BE}\s+(?:{words})\b"
            before = rf"\b(?:{words}{lead})\s+{_QUAL}{_NUM}\b(?!\s*(?:km|kilometres|miles|hours|days|percent|%))"
            return re.compile(before, re.IGNORECASE), re.compile(after, re.IGNORECASE)

        killed = "killed|dead|died|slain|shot dead|killing|lost their lives|perished|murdered"
        return {
            "fatalities": both(killed, lead="|leaving|left") + (  # one victim named without a number
                re.compile(r"\b(?:killed|murdered|shot dead|lynched|beheaded|shot and killed)\s+(?P<one>an?)\b", re.IGNORECASE),
                re.compile(r"\b(?:beat|beaten|stabbed|stoned|burned|hacked)\s+(?P<one>an?)\s[\w -]{1,40}?\sto death\b",
                           re.IGNORECASE),
                re.compile(r"^(?:[\w ,—-]*?\s)?(?P<one>An?)\s[\w -]{1,40}?\s(?:was|had been)\s(?:shot dead|killed|"
                           r"beaten to death|murdered|lynched)\b")),
            "injured": both("injured|wounded|hurt|injuring|wounding"),
            "arrested": both("arrested|detained|arresting|detaining|rounded up|taken into custody"),
            "participants": (re.compile(
                rf"\b{_QUAL}{_NUM}\s+(?:of\s+)?(?:[\w-]+\s+)?(?:people|protesters|demonstrators|marchers|students|"
                rf"residents|women|men|youths|\w+ers|\w+ists|\w+ors)\b", re.IGNORECASE),
                re.compile(rf"\bcrowds? of\s+{_QUAL}{_NUM}\b", re.IGNORECASE)),
        }

    def read(self, sentence: str) -> Counts:
        found: dict[str, int] = {}
        for field, patterns in self._patterns.items():
            for pattern in patterns:
                match = pattern.search(sentence)
                if match and field == "participants" and OUTCOME_BEFORE.search(sentence, 0, match.start()):
                    match = None  # "killing 30 protesters": victims, not the crowd's size
                if match and field not in found and "one" in match.groupdict():
                    found[field] = 1
                elif match and field not in found:
                    value = parse_number(match.group("num"))
                    if value is not None and not self._is_year(match.group("num")):
                        found[field] = value
        if "fatalities" in found and found.get("injured") == found["fatalities"] and "injur" not in sentence.lower():
            del found["injured"]
        return Counts(**found)

    @staticmethod
    def _is_year(text: str) -> bool:
        return text.isdigit() and len(text) == 4 and text[:2] in {"19", "20"}


ISSUE_MARKERS = frozenset({"over", "against", "about"})
MAX_ISSUE_TOKENS = 15


def read_issue(trigger: Token) -> str | None:
    """The cause a protest or riot is about, when stated: "over rising fuel prices", "due to X",
    "demanding X", "in protest at X"."""
    for token in trigger.sent:
        target = None
        if token.lower_ in ISSUE_MARKERS and token.dep_ == "prep":
            target = next((c for c in token.children if c.dep_ == "pobj"), None)
        elif token.lower_ in {"due", "owing"} and token.dep_ == "prep":  # "due to X": X hangs off "due" or "to"
            target = next((c for t in (token, *token.children) for c in t.children if c.dep_ == "pobj"), None)
        elif token.lower_ == "of" and token.i > 0 and token.nbor(-1).lower_ == "because":
            target = next((c for c in token.children if c.dep_ == "pobj"), None)
        elif token.lemma_.lower() == "demand" and token.pos_ == "VERB":
            target = next((c for c in token.children if c.dep_ in {"dobj", "xcomp", "ccomp"}), None)
        if target is not None:
            span = trigger.doc[target.left_edge.i: target.right_edge.i + 1]
            if 1 <= len(span) <= MAX_ISSUE_TOKENS:
                return span.text
    return None
