"""Rules reviewed by the trained sentence classifier (``classifier.py``).

The rules find where an event is and anchor its evidence; the model, trained on our own
synthetic sentences, says how likely each sentence is to report an event of each sub-type.

- A lone rule candidate is judged on its sentence, one of several on its own clause. A candidate
  from a loose trigger is dropped when the model is sure neither its clause nor its sentence
  reports an event; every candidate's confidence blends the rule's with the model's.
- Within one event type the model may change the sub-type when it is sure and the rule's choice
  has almost no support (not for Disruptions, whose domain word decides the sub-type).
- A sentence no rule fires on becomes an event when the model is sure of a sub-type.
- The model's modality overrides "asserted" from the parse when it is sure.

The thresholds below were set a priori (before measuring on any development data) and are not
tuned on the dev set; the model's own validation split (training/README.md) bounds how far to
trust them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from newsevents.events.attribution import SPEECH_VERBS

from newsevents.events.classifier import NONE_LABEL, Prediction, SentenceClassifier
from newsevents.events.clauses import clause_of
from newsevents.events.disruptions import status_of
from newsevents.events.extract import Candidate, CountryOf, RuleExtractor, rule_confidence
from newsevents.events.matching import Hit, Phrase
from newsevents.taxonomy import DISRUPTIONS, SUB_TO_TYPE

VETO_NONE = 0.8  # the model's "no event" probability that drops a loose-trigger candidate
ADD_EVENT = 0.75  # the model's top sub-type probability that makes an event no rule found
SWITCH_SUBTYPE = 0.6  # the model's probability needed to change a rule's sub-type within its type
KEEP_SUBTYPE = 0.1  # ... and only when the rule's own sub-type gets less than this
OVERRIDE_MODALITY = 0.8  # the model's probability for a non-asserted modality to override the parse
RULE_WEIGHT = 0.5  # confidence = RULE_WEIGHT * rule + (1 - RULE_WEIGHT) * model support for the type


def _prob(pred: Prediction, label: str) -> float:
    return dict(pred.labels).get(label, 0.0)


def _type_support(pred: Prediction, event_type: str) -> float:
    return sum(p for label, p in pred.labels if label != NONE_LABEL and SUB_TO_TYPE.get(label) == event_type)


def reported_clause_head(root: Token) -> Token:
    """In "X happened, police said" the event is the reported clause, not the saying."""
    if root.lemma_.lower() in SPEECH_VERBS:
        reported = [c for c in root.children if c.dep_ in {"ccomp", "parataxis"}]
        if reported:
            return reported[0]
    return root


class HybridExtractor(RuleExtractor):
    def __init__(self, *, country_of: CountryOf, classifier: SentenceClassifier) -> None:
        super().__init__(country_of=country_of)
        self.classifier = classifier

    def judge(self, sentences: Sequence[Span]) -> list[list[Candidate]]:
        """Every sentence is scored whole, and every rule candidate also on its own clause (a
        sentence may hold several events): a lone candidate is judged by its sentence, one of
        several by its clause; a loose trigger is dropped only when both say "no event"."""
        found = [self.candidates(s) for s in sentences]
        clauses = [c.clause.span(s.doc).text for s, cands in zip(sentences, found) for c in cands]
        scores = self.classifier.predict([s.text for s in sentences] + clauses) if sentences else []
        whole, parts = scores[:len(sentences)], iter(scores[len(sentences):])
        reviewed = []
        for sentence, cands, pred in zip(sentences, found, whole):
            own = [next(parts) for _ in cands]
            if not cands:
                added = self._from_model(sentence, pred)
                reviewed.append([added] if added is not None else [])
                continue
            reviewed.append([self._adjust(c, pred if len(cands) == 1 else p) for c, p in zip(cands, own)
                             if not (c.weak and min(_prob(pred, NONE_LABEL), _prob(p, NONE_LABEL)) >= VETO_NONE)])
        return reviewed

    def _adjust(self, candidate: Candidate, pred: Prediction) -> Candidate:
        top, top_p = pred.labels[0]
        sub_type = candidate.sub_type
        if (top != NONE_LABEL and top != sub_type and SUB_TO_TYPE.get(top) == candidate.event_type != DISRUPTIONS
                and top_p >= SWITCH_SUBTYPE and _prob(pred, sub_type) < KEEP_SUBTYPE
                and sub_type == candidate.hit.label):
            sub_type = top
        support = _type_support(pred, SUB_TO_TYPE[sub_type])
        confidence = RULE_WEIGHT * rule_confidence(candidate) + (1 - RULE_WEIGHT) * support
        return replace(candidate, sub_type=sub_type, confidence=confidence, modality=self._modality(pred))

    @staticmethod
    def _modality(pred: Prediction) -> str | None:
        label, p = pred.modality[0]
        return label if label != "asserted" and p >= OVERRIDE_MODALITY else None

    def _from_model(self, sentence: Span, pred: Prediction) -> Candidate | None:
        top, top_p = pred.labels[0]
        if top == NONE_LABEL or top_p < ADD_EVENT:
            return None
        if SUB_TO_TYPE[top] == DISRUPTIONS and status_of(top, sentence.text) is None:
            return None
        root = reported_clause_head(sentence.root)
        phrase = Phrase(label=top, text="(model)", words=())
        hit = Hit(label=top, phrase=phrase, start=root.i, end=root.i + 1, head=root.i)
        candidate = Candidate(sub_type=top, hit=hit, clause=clause_of(root), weak=False,
                              modality=self._modality(pred))
        return replace(candidate, confidence=(1 - RULE_WEIGHT) * top_p + RULE_WEIGHT * 0.3)
