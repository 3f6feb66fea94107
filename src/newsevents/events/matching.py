"""Matching lexicon phrases against the tokens of a parsed sentence.

Phrases use the small notation described in ``lexicon.py``. Matching is by lower-cased lemma or
lower-cased form, so "rioters", "Rioters" and "rioter" all match ``rioter``. Hyphen tokens are
skipped, and a hyphenated form ("sit-in") matches its parts in a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

GAP = 5  # tokens a ``*`` may stand for; wider gaps join unrelated words in long news sentences


@dataclass(frozen=True, slots=True)
class Word:
    forms: tuple[tuple[str, ...], ...]  # each form is one or more parts ("sit", "in")
    optional: bool = False
    gap: bool = False  # a ``*`` placeholder


@dataclass(frozen=True, slots=True)
class Phrase:
    label: str
    text: str
    words: tuple[Word, ...]

    @property
    def weight(self) -> int:
        """Specificity: how many concrete words the phrase needs."""
        return sum(1 for w in self.words if not w.gap and not w.optional)


@dataclass(frozen=True, slots=True)
class Hit:
    label: str
    phrase: Phrase
    start: int  # token index in the doc (first matched token)
    end: int  # token index after the last matched token
    head: int  # token index of the phrase's anchor: its first verb, else its first word


def parse_phrase(label: str, text: str) -> Phrase:
    words = []
    for raw in text.split():
        if raw == "*":
            words.append(Word(forms=(), gap=True))
            continue
        optional = raw.endswith("?")
        forms = tuple(tuple(p for p in f.split("-") if p) for f in raw.rstrip("?").split("|"))
        words.append(Word(forms=forms, optional=optional))
    return Phrase(label=label, text=text, words=tuple(words))


class Lexicon:
    """Compiled phrases, indexed by the first form of their first word (built once, reused)."""

    def __init__(self, lexicon: Mapping[str, Iterable[str]]) -> None:
        self.phrases = tuple(parse_phrase(label, text) for label, texts in lexicon.items() for text in texts)
        self._firsts: dict[str, list[Phrase]] = {}
        for phrase in self.phrases:
            first = next(w for w in phrase.words if not w.gap)
            for form in first.forms:
                self._firsts.setdefault(form[0], []).append(phrase)

    def starting_with(self, token: Token) -> list[Phrase]:
        seen: dict[int, Phrase] = {}
        for key in token_keys(token):
            for phrase in self._firsts.get(key, ()):
                seen.setdefault(id(phrase), phrase)
        return list(seen.values())


def token_keys(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _match_form(form: tuple[str, ...], stream: Sequence[Token], i: int) -> int:
    """How many stream tokens ``form`` covers from ``i`` (0 = no match)."""
    if i + len(form) > len(stream):
        return 0
    for k, part in enumerate(form):
        if part not in token_keys(stream[i + k]):
            return 0
    return len(form)


def _match_from(words: Sequence[Word], stream: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Match ``words`` starting exactly at stream index ``i``; returns (end index, head index)."""
    pos, head, pending_gap = i, -1, False
    for word in words:
        if word.gap:
            pending_gap = True
            continue
        found = None
        for skip in range(GAP + 1 if pending_gap else 1):
            for form in word.forms:
                width = _match_form(form, stream, pos + skip)
                if width:
                    found = (pos + skip, width)
                    break
            if found:
                break
        pending_gap = False
        if found is None:
            if word.optional:
                continue
            return None
        if head < 0:
            head = found[0]
        pos = found[0] + found[1]
    return (pos, head) if head >= 0 else None


def find_hits(lexicon: Lexicon, span: Span) -> list[Hit]:
    """Every phrase match inside ``span`` (overlaps allowed; the caller chooses)."""
    stream = [t for t in span if t.text not in {"-", "–", "—"}]
    hits = []
    for i, token in enumerate(stream):
        for phrase in lexicon.starting_with(token):
            matched = _match_from(phrase.words, stream, i)
            if matched:
                end, head = matched
                verbs = [t for t in stream[i:end] if t.pos_ == "VERB"]
                anchor = verbs[0] if verbs else stream[head]  # a verb in the phrase anchors its clause
                hits.append(Hit(phrase.label, phrase, stream[i].i, stream[end - 1].i + 1, anchor.i))
    return hits
