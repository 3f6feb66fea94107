"""Attribution: by whose account an event is reported ("according to X", "X said", "X believes")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.events.clauses import governors
from newsevents.model import Attribution

SPEECH_VERBS = frozenset({
    "say", "tell", "report", "announce", "claim", "allege", "state", "note", "stress", "add", "believe",
    "confirm", "declare", "insist", "specify", "accuse", "write", "tweet", "post", "explain", "warn",
    "estimate", "describe", "quote", "suggest", "indicate", "reveal", "assert", "acknowledge",
})
SOURCE_DEPS = frozenset({"nsubj", "nsubjpass"})


def _phrase(token: Token) -> str:
    tokens = [t for t in token.subtree if t.dep_ not in {"punct"} or t.i not in (token.left_edge.i, token.right_edge.i)]
    doc = token.doc
    return doc[tokens[0].i: tokens[-1].i + 1].text if tokens else token.text


def _according_to(sentence: Span) -> Attribution | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"] or [
                c for c in token.children if c.dep_ == "pobj"]
            if objects:
                source = _phrase(objects[0])
                return Attribution(source=source, text=f"according to {source}")
    return None


def _speaker(verb: Token) -> str | None:
    """The subject of a speech verb; "he"/"she" resolved to the last person named before it."""
    subjects = [c for c in verb.children if c.dep_ in SOURCE_DEPS]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.lower_ in {"he", "she"}:
        return _previous_speaker(subject) or _last_person(subject)
    if subject.lower_ in {"it", "they", "we", "i", "you", "who", "which", "that"}:
        return None
    return _phrase(subject)


def _previous_speaker(pronoun: Token) -> str | None:
    """"X noted that ... He stressed ...": the last named speaker in the sentences just before."""
    doc, start = pronoun.doc, pronoun.sent.start
    for token in reversed(doc[max(0, start - 80):start]):
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ in SOURCE_DEPS and c.pos_ != "PRON"]
            if subjects:
                return _phrase(subjects[0])
    return None


def _last_person(pronoun: Token) -> str | None:
    people = [e for e in pronoun.doc.ents if e.label_ == "PERSON" and e.end <= pronoun.i]
    return people[-1].text if people else None


def attribution_of(trigger: Token, sentence: Span) -> Attribution | None:
    """The account the trigger's clause is reported in, if the text names one."""
    for token in governors(trigger)[1:]:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in {"VERB", "AUX"}:
            source = _speaker(token)
            if source is not None:
                return Attribution(source=source, text=f"{source} {token.text}")
    found = _according_to(sentence)
    if found:
        return found
    # "..., police said." as a parataxis / trailing clause of the sentence root
    root = sentence.root
    for token in [root, *root.children]:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB" and token.i > trigger.i:
            source = _speaker(token)
            if source is not None:
                return Attribution(source=source, text=f"{source} {token.text}")
    return None
