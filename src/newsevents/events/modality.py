"""Modality of an event from the words that govern its trigger.

Only cues in the trigger's own chain of heads count, so "could lead to a coup" makes the coup
hypothetical without touching the rest of the sentence. Order of precedence: negated,
hypothetical, planned, attempted, asserted.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.events.clauses import governors
from newsevents.model import Modality

NEGATING_VERBS = frozenset({"deny", "refute", "dismiss", "reject"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should"})
HYPOTHETICAL_WORDS = frozenset({
    "threaten", "risk", "fear", "warn", "possible", "possibility", "likely", "unlikely", "scenario",
    "lead", "prevent", "avert", "potential", "imagine", "rumour", "rumor", "feared", "if", "unless",
})
PLANNED_WORDS = frozenset({
    "plan", "intend", "prepare", "vow", "pledge", "schedule", "announce", "call", "organise", "organize",
    "urge", "expect", "threaten", "promise",
})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
ATTEMPT_WORDS = frozenset({"try", "attempt", "seek", "foil", "thwart", "repel", "repulse", "attempted", "failed"})
REPORTING = frozenset({"say", "tell", "announce", "state", "report", "claim", "add", "note", "declare"})


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"no", "never"} and c.dep_ in {"det", "neg", "advmod"}
               for c in token.children)


def _aux_of(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}


def _scope(trigger: Token) -> list[Token]:
    """The trigger and the heads that govern it as a complement. A head reached through a subject
    ("the appearance of peacekeepers prevented chaos") says nothing about the trigger's modality."""
    chain = [trigger]
    for child, parent in zip(governors(trigger), governors(trigger)[1:]):
        if child.dep_ in {"nsubj", "nsubjpass", "csubj"} and child.i != trigger.i:
            break
        chain.append(parent)
        if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            break
    return chain


def modality_of(trigger: Token, *, disruption: bool = False) -> Modality:
    """The modality the trigger's governing words give it.

    For disruptions, negation is part of what broke ("not possible to pay"), so only an explicit
    denial negates them."""
    chain = _scope(trigger)
    lemmas = [t.lemma_.lower() for t in chain]
    if any(lemma in NEGATING_VERBS for lemma in lemmas[1:]):
        return "negated"
    if not disruption and any(_has_neg(t) for t in chain[:2]):
        return "negated"
    for depth, token in enumerate(chain[:4]):
        aux = _aux_of(token)
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        reported = any(t.lemma_.lower() in REPORTING for t in chain[depth + 1:depth + 3])
        if aux & {"would"} and reported:
            return "planned"
        if aux & HYPOTHETICAL_AUX or marks & {"if", "unless"}:
            return "hypothetical"
        if aux & FUTURE_AUX or (token.lower_ == "going" and any(c.lower_ == "to" for c in token.children)):
            return "planned"
    if any(lemma in HYPOTHETICAL_WORDS for lemma in lemmas[1:4]):
        return "hypothetical"
    if any(lemma in PLANNED_WORDS for lemma in lemmas[1:3]) and _is_infinitive(chain):
        return "planned"
    if any(lemma in ATTEMPT_WORDS for lemma in lemmas[:4]):
        return "attempted"
    return "asserted"


def _is_infinitive(chain: list[Token]) -> bool:
    """The trigger (or its verb) is a to-infinitive or object under its governor: "plans to march"."""
    for token in chain[:3]:
        if token.dep_ in {"xcomp", "ccomp", "dobj", "pobj", "attr"} or any(c.lower_ == "to" for c in token.children):
            return True
    return False
