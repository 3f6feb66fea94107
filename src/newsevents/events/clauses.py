"""Clauses from the dependency parse: the stretch of a sentence one event's evidence covers.

A clause is the subtree of a clause head less the clauses nested in it (coordinated verbs,
reported speech, relative and subordinate clauses). "X broke in, set fire to Y and seized Z"
gives three clauses; "the ministry said that X attacked Y" gives "the ministry said" and
"X attacked Y".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

NESTED_DEPS = frozenset({"conj", "ccomp", "parataxis", "relcl", "advcl", "dep"})
VERBAL = frozenset({"VERB", "AUX"})
PUNCT_TRIM = frozenset({"PUNCT", "CCONJ", "SCONJ"})


@dataclass(frozen=True, slots=True)
class Clause:
    head: int  # token index of the clause head
    start: int  # token range [start, end) of the contiguous run holding the trigger
    end: int

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


def is_clause_head(token: Token) -> bool:
    if token.dep_ == "ROOT":
        return True
    if token.dep_ not in NESTED_DEPS:
        return False
    if token.pos_ in VERBAL:
        return True
    # a coordinated or subordinate nominal predicate with its own subject ("..., but there are restrictions")
    return any(child.dep_ in {"nsubj", "nsubjpass", "expl"} for child in token.children)


def clause_head(token: Token) -> Token:
    """The nearest clause head at or above ``token``."""
    current = token
    while not is_clause_head(current) and current.head.i != current.i:
        current = current.head
    return current


def _excluded(head: Token) -> set[int]:
    """Token indices of clauses nested in ``head``'s subtree."""
    out: set[int] = set()
    for token in head.subtree:
        if token.i != head.i and is_clause_head(token) and clause_head(token.head).i == head.i:
            out.update(t.i for t in token.subtree)
    return out


def clause_of(token: Token) -> Clause:
    """The clause holding ``token``: the contiguous run of its clause's tokens around it."""
    head = clause_head(token)
    excluded = _excluded(head)
    members = {t.i for t in head.subtree} - excluded
    members.add(token.i)
    start = end = token.i
    while start - 1 in members:
        start -= 1
    while end + 1 in members:
        end += 1
    doc = token.doc
    while start < end and doc[start].pos_ in PUNCT_TRIM:
        start += 1
    while end > start and doc[end].pos_ in PUNCT_TRIM:
        end -= 1
    return Clause(head=head.i, start=start, end=end + 1)


def governors(token: Token) -> list[Token]:
    """``token``, its clause head and every ancestor above it, nearest first."""
    chain = [token]
    current = token
    while current.head.i != current.i:
        current = current.head
        chain.append(current)
    return chain
