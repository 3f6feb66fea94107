"""From a parsed article to coded events: the rule-based extractor.

For each sentence: trigger phrases give candidate events (``lexicon``), each anchored to its
clause (``clauses``); ACLED's coding rules adjust the sub-type (``refine``); one event per event
type and sentence is kept (one per sub-type for Disruptions); then modality, attribution, actors,
counts, date and place are read for each.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from newsevents.events import counts as counting
from newsevents.events.actors import actors_of
from newsevents.events.attribution import attribution_of
from newsevents.events.clauses import Clause, clause_of
from newsevents.events.disruptions import status_of, unaffected
from newsevents.events.lexicon import TRIGGERS
from newsevents.events.locate import article_focus, candidate_places, event_place
from newsevents.events.matching import Hit, Lexicon, find_hits
from newsevents.events.modality import modality_of
from newsevents.events.occurrence import deployed, in_cause_phrase, negative_quantity, non_lethal, reports_occurrence
from newsevents.events.refine import Context, refine
from newsevents.events.timing import event_when
from newsevents.model import Document, Event, Evidence, PlaceMention, Plover, TimeMention
from newsevents.taxonomy import DISRUPTIONS, PLOVER, SUB_TO_TYPE

CountryOf = Callable[[str], "str | None"]

# Single words that name violence only loosely ("killed", "attack", "blast"): they make an event
# only when no more specific trigger of a violent type is in the same sentence.
WEAK = frozenset({
    "kill|killed|murder|murdered|massacre|massacred|slaughter|slaughtered|execute|executed",
    "attack|attacked|assault|assaulted", "blast|explosion|explosions", "drone|drones", "rocket|rockets",
    "missile|missiles", "unrest", "negotiation|negotiations|talks", "peacekeeper|peacekeepers|peacekeeping",
    "detain|detained|detention", "artillery", "mob|mobs",
})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})


OUTCOME_LEMMAS = frozenset({"kill", "murder", "die", "dead", "massacre", "slaughter", "execute", "detain"})


def linked(a: Token, b: Token) -> bool:
    """One clause head governs the other other than by coordination ("X, killing Y"; "Y killed when X")."""
    for lower, upper in ((a, b), (b, a)):
        current = lower
        while current.head.i != current.i and current.dep_ != "conj":
            current = current.head
            if current.i == upper.i:
                return True
    return a.i == b.i


NON_EVENT_CONTEXT = frozenset({
    "exercise", "exercises", "drill", "drills", "teaching", "teachings", "rehearsal", "simulation",
    "match", "league", "tournament", "goal", "striker", "film", "movie", "novel", "game", "video",
    "stadium", "hat-trick", "winger", "championship", "scored", "playoff", "semifinal", "quarterfinal",
})
HISTORY_DAYS = 365  # an event that ended this long before publication is history, not news to code
BASE_CONFIDENCE = 0.5
PER_WORD = 0.1  # each further concrete word in the matched phrase
MAX_RULE_CONFIDENCE = 0.85


@dataclass(frozen=True, slots=True)
class Candidate:
    sub_type: str
    hit: Hit
    clause: Clause
    weak: bool
    own_status: bool = False  # a disruption whose own clause states its status (else its sentence does)
    confidence: float | None = None  # set by a reviewer (the trained model); else from the rule
    modality: str | None = None  # a reviewer's modality, when it overrides the parse cues

    @property
    def event_type(self) -> str:
        return SUB_TO_TYPE[self.sub_type]


class EventExtractor(Protocol):
    def extract(self, doc: Doc, document: Document, *, times: Sequence[TimeMention],
                places: Sequence[PlaceMention]) -> list[Event]: ...


class RuleExtractor:
    """Precise trigger rules over the parse; no trained model."""

    def __init__(self, *, country_of: CountryOf) -> None:
        self.lexicon = Lexicon(TRIGGERS)
        self.country_of = country_of
        self.counts = counting.CountReader()

    def extract(self, doc: Doc, document: Document, *, times: Sequence[TimeMention],
                places: Sequence[PlaceMention]) -> list[Event]:
        usable = candidate_places(doc, places)
        focus = article_focus(usable)
        events: list[Event] = []
        sentences = [s for s in doc.sents if not is_headline(s, document)]
        for sentence, candidates in zip(sentences, self.judge(sentences)):
            for candidate in candidates:
                event = self.code(candidate, sentence, document, times=times, places=usable, focus=focus)
                if not is_history(event, document) and not told_before(event, events):
                    events.append(event)
        return events

    # --- finding candidates -------------------------------------------------------------
    def judge(self, sentences: Sequence[Span]) -> list[list[Candidate]]:
        """The candidates of each sentence; a subclass may review them with a trained model."""
        return [self.candidates(sentence) for sentence in sentences]

    def candidates(self, sentence: Span) -> list[Candidate]:
        if any(t.lower_ in NON_EVENT_CONTEXT for t in sentence):
            hits = [h for h in find_hits(self.lexicon, sentence) if SUB_TO_TYPE[h.label] == DISRUPTIONS]
        else:
            hits = find_hits(self.lexicon, sentence)
        chosen = self._non_overlapping(hits)
        found = [c for c in (self._candidate(h, sentence) for h in chosen) if c is not None]
        return self._one_per_type(found, sentence.doc)

    @staticmethod
    def _non_overlapping(hits: list[Hit]) -> list[Hit]:
        kept: list[Hit] = []
        for hit in sorted(hits, key=lambda h: (-h.phrase.weight, -(h.end - h.start), h.start)):
            if all(hit.end <= k.start or hit.start >= k.end for k in kept):
                kept.append(hit)
        return sorted(kept, key=lambda h: h.start)

    def _candidate(self, hit: Hit, sentence: Span) -> Candidate | None:
        doc = sentence.doc
        trigger = doc[hit.head]
        disruption = SUB_TO_TYPE[hit.label] == DISRUPTIONS
        if in_cause_phrase(trigger) or not reports_occurrence(trigger, hit.end, doc[hit.end - 1], disruption=disruption):
            return None
        if negative_quantity(trigger) and (hit.phrase.text in WEAK or hit.label == "Arrests"):
            return None  # "no one was killed", "no arrests were made": an outcome that did not happen
        if SUB_TO_TYPE[hit.label] == "Explosions/Remote violence" and non_lethal(doc[hit.end - 1]):
            return None
        if hit.label == "Change to group/activity" and not deployed(trigger):
            return None
        clause = clause_of(trigger)
        clause_text = clause.span(sentence.doc).text
        span = clause.span(sentence.doc)
        split = trigger.idx - span.start_char
        sub_type = refine(hit.label, Context(sentence=sentence.text, clause=clause_text,
                                             before=clause_text[:max(0, split)], after=clause_text[max(0, split):]))
        if SUB_TO_TYPE[sub_type] == DISRUPTIONS and unaffected(clause_text):
            return None
        own_status = SUB_TO_TYPE[sub_type] == DISRUPTIONS and status_of(sub_type, clause_text) is not None
        if SUB_TO_TYPE[sub_type] == DISRUPTIONS and not own_status and status_of(sub_type, "", sentence.text) is None:
            return None
        return Candidate(sub_type=sub_type, hit=hit, clause=clause, weak=hit.phrase.text in WEAK, own_status=own_status)

    @staticmethod
    def _one_per_type(found: list[Candidate], doc: Doc) -> list[Candidate]:
        """ACLED codes one event per type and sentence; Disruptions one per sub-type.

        A loose violent trigger is the outcome of a specific event told beside it when it is a
        killing ("..., killing seven") or its clause hangs off that event's clause ("killed ...
        when fighters clashed"); a coordinated action ("ransacked X and tried to attack Y") stays."""
        strong = [c for c in found if not c.weak]
        found = [c for c in found if not (c.weak and c.event_type in VIOLENT_TYPES and strong and (
            doc[c.hit.head].lemma_.lower() in OUTCOME_LEMMAS
            or any(linked(doc[c.clause.head], doc[s.clause.head]) for s in strong)))]
        types = {c.event_type for c in found}
        subs = {c.sub_type for c in found}
        price_clauses = {c.clause for c in found if c.sub_type == "Prices"}
        best: dict[str, Candidate] = {}
        for c in found:
            if c.sub_type == "Attack" and "Excessive force against protesters" in subs:
                continue  # the killing is the excessive force
            if c.sub_type == "Arrests" and len(types) > 1:
                continue  # arrests made at another event are part of it
            if c.sub_type in {"Food and goods supply", "Fuel and energy"} and c.clause in price_clauses:
                continue  # "fuel prices rose": one Prices event
            if c.event_type == "Protests" and "Riots" in types:
                continue  # a protest that turned violent is a riot
            if c.sub_type == "Looting/property destruction" and "Riots" in types:
                continue  # property destroyed by rioters is part of the riot
            key = c.sub_type if c.event_type == DISRUPTIONS else c.event_type
            if key not in best or rank(c) < rank(best[key]):
                best[key] = c
        return sorted(best.values(), key=lambda c: c.hit.start)

    # --- coding one event ---------------------------------------------------------------
    def code(self, candidate: Candidate, sentence: Span, document: Document, *,
             times: Sequence[TimeMention], places: Sequence[PlaceMention], focus) -> Event:
        doc = sentence.doc
        trigger = doc[candidate.hit.head]
        span = candidate.clause.span(doc)
        clause = (span.start_char, span.end_char)
        disruption = candidate.event_type == DISRUPTIONS
        modality = candidate.modality or modality_of(trigger, disruption=disruption)
        place = event_place(clause=clause, trigger=trigger.idx, places=places, focus=focus)
        when = event_when(clause=clause, sentence=(sentence.start_char, sentence.end_char), trigger=trigger.idx,
                          times=times, published=document.published, modality=modality,
                          present=is_present(doc[candidate.clause.head]))
        numbers = self.counts.read(sentence.text)
        country = place.country if place else None
        plover = PLOVER.get(candidate.sub_type)
        return Event(
            id=event_id(document.id, clause, candidate.sub_type),
            doc_id=document.id,
            event_type=candidate.event_type,
            sub_event_type=candidate.sub_type,
            status=status_of(candidate.sub_type, span.text, sentence.text) if disruption else None,
            plover=Plover(*plover) if plover else None,
            modality=modality,
            date=when.date, date_end=when.date_end, date_precision=when.precision,
            location=place,
            actors=actors_of(trigger, candidate.event_type, country_of=self.country_of, default_country=country),
            fatalities=numbers.fatalities, injured=numbers.injured, arrested=numbers.arrested,
            participants=numbers.participants if candidate.event_type in {"Protests", "Riots"} else None,
            attribution=attribution_of(trigger, sentence),
            issue=counting.read_issue(trigger) if candidate.event_type in {"Protests", "Riots"} else None,
            evidence=(Evidence(span.start_char, span.end_char, span.text),),
            confidence=candidate.confidence if candidate.confidence is not None else rule_confidence(candidate),
            trigger=Evidence(doc[candidate.hit.start].idx, doc[candidate.hit.end - 1].idx + len(doc[candidate.hit.end - 1]),
                             doc[candidate.hit.start:candidate.hit.end].text),
        )


def rank(candidate: Candidate) -> tuple[bool, bool, int]:
    """Which of two candidates for one event to keep (smaller is better): a disruption whose own
    clause states its status, then a specific trigger, then the longer phrase."""
    return (not candidate.own_status, candidate.weak, -candidate.hit.phrase.weight)


def is_headline(sentence: Span, document: Document) -> bool:
    """The title line repeated at the top of the text: its events are told again in the body."""
    if not document.title or sentence.start_char > len(document.title) + 200:
        return False
    title = document.title.strip().lower()
    text = sentence.text.strip().lower()
    return bool(text) and (title.startswith(text) or text.startswith(title[: max(20, len(title) // 2)]))


def told_before(event: Event, earlier: Sequence[Event]) -> bool:
    """A disruption an article already reported (same sub-type, status and place) told again."""
    return event.event_type == DISRUPTIONS and any(
        e.sub_event_type == event.sub_event_type and e.status == event.status and e.location == event.location
        for e in earlier)


def is_history(event: Event, document: Document) -> bool:
    """Told as background: it ended more than HISTORY_DAYS before the article was published."""
    last = event.date_end or event.date
    return bool(last and document.published and (document.published - last).days > HISTORY_DAYS)


def is_present(head: Token) -> bool:
    """Present or present-perfect clause ("is", "are looting", "has been restored")."""
    aux = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    if aux & {"has", "have", "is", "are", "am"}:
        return True
    if aux & {"had", "was", "were", "did", "would", "will"}:
        return False
    return head.tag_ in {"VBZ", "VBP"}


def rule_confidence(candidate: Candidate) -> float:
    score = BASE_CONFIDENCE + PER_WORD * (candidate.hit.phrase.weight - 1)
    if candidate.weak:
        score -= 0.15
    return max(0.05, min(MAX_RULE_CONFIDENCE, score))


def event_id(doc_id: str, clause: tuple[int, int], sub_type: str) -> str:
    """Stable: the same document, evidence and sub-type give the same id on every run."""
    digest = hashlib.sha1(f"{doc_id}|{clause[0]}|{clause[1]}|{sub_type}".encode()).hexdigest()[:12]
    return f"ev-{digest}"
