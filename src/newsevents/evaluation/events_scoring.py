"""Scoring produced events against the ACLED-style gold events: pure functions over records.

Definitions (also printed in docs/quality.md):

* **Alignment** (per text): a produced event may pair with a gold event when its evidence overlaps the
  gold evidence or it has the same sub-type; a maximum-weight one-to-one assignment (overlap first, then
  same sub-type, then same event type) decides the pairs.
* **Event-level match**: an aligned pair whose evidence overlaps and whose event type is the same.
  Event precision/recall/F1 count these over all produced and all gold events (negative texts included).
* **Sub-type F1**: per label, TP = aligned pairs with gold and prediction both that label; every other
  produced event is a FP of its label and every other gold event a FN of its. Macro-F1 averages the 33
  labels; the ACLED-25 weighted F1 weights the 25 ACLED labels by gold support (the CASE 2021 figure).
* **Attribute accuracies** (sub-type, modality, location, date, status, counts, actors) are measured on
  event-level matches; their ``*_end_to_end`` twins divide the same correct count by every gold event
  that has the attribute, so they only rise when the system gets better (these are the gated ones).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsevents.evaluation.events_gold import DevText, GoldEvent, GoldPlace
from newsevents.evaluation.matching import best_assignment, distance_km, evidence_overlaps, overlap_chars
from newsevents.model import Event, Place
from newsevents.taxonomy import ACLED, EVENT_TYPES

# A town-precision gold place is found when ours lies within this distance (the brief's figure: a city's
# extent plus the gazetteer's choice of centre point).
TOWN_RADIUS_KM = 25.0
# An admin1-precision place of ours whose centre lies this close to the gold admin1's reference point
# counts as the same admin1 when the names differ in spelling (gold points are regional capitals; 150 km
# covers a capital's distance from a typical province centroid).
ADMIN1_CENTRE_KM = 150.0

ALL_LABELS: tuple[str, ...] = tuple(sub for subs in EVENT_TYPES.values() for sub in subs)
ACLED_LABELS: tuple[str, ...] = tuple(sub for subs in ACLED.values() for sub in subs)
COUNT_FIELDS: tuple[str, ...] = ("fatalities", "injured", "arrested")
_GENERIC_ADMIN_WORDS = re.compile(
    r"\b(region|oblast|province|state|governorate|district|department|county|prefecture|territory|"
    r"municipality|division|krai|raion|wilaya|of|the)\b")


@dataclass(slots=True)
class Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    def rate(self) -> float:
        return self.correct / self.total if self.total else 0.0


def safe_ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    return safe_ratio(2 * precision * recall, precision + recall)


def align(gold: Sequence[GoldEvent], produced: Sequence[Event]) -> list[tuple[int, int]]:
    """(gold index, produced index) pairs of the alignment defined in the module docstring."""
    weights = [[_pair_weight(g, e) for e in produced] for g in gold]
    return best_assignment(weights)


def _pair_weight(gold: GoldEvent, event: Event) -> float:
    overlap = evidence_overlaps(event, gold.evidence)
    same_sub = event.sub_event_type == gold.sub_event_type
    if not (overlap or same_sub):
        return 0.0
    share = overlap_chars(event, gold.evidence) / max(1, gold.evidence.end - gold.evidence.start)
    return 8 * overlap + 4 * same_sub + 2 * (event.event_type == gold.event_type) + share


def is_event_match(gold: GoldEvent, event: Event) -> bool:
    return evidence_overlaps(event, gold.evidence) and event.event_type == gold.event_type


def _norm_name(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(_GENERIC_ADMIN_WORDS.sub(" ", re.sub(r"[^a-z ]", " ", plain)).split())


def location_correct(gold: GoldPlace, place: Place | None) -> bool:
    """Town gold: within TOWN_RADIUS_KM; admin1 gold: the same admin1; country gold: the same country."""
    if place is None or place.country != gold.country:
        return False
    if gold.precision == "country":
        return True
    if gold.precision == "admin1":
        wanted = _norm_name(gold.admin1 or gold.name)
        names = {_norm_name(place.admin1 or ""), _norm_name(place.name) if place.precision == "admin1" else ""}
        if wanted and wanted in names:
            return True
        return place.precision == "admin1" and distance_km(gold.lat, gold.lon, place.lat, place.lon) <= ADMIN1_CENTRE_KM
    return distance_km(gold.lat, gold.lon, place.lat, place.lon) <= TOWN_RADIUS_KM


def date_correct(gold: GoldEvent, event: Event) -> bool:
    """Day gold: the same day; week/month gold: our date inside that window, or our window covering it."""
    window = gold.date_window()
    if window is None or event.date is None:
        return False
    if gold.date_precision == "day":
        return event.date == gold.date
    first, last = window
    ours_end = event.date_end or event.date
    return first <= event.date <= last or (event.date <= first and last <= ours_end)


@dataclass(slots=True)
class EventTally:
    """Counts accumulated over texts; ``metrics()`` turns them into the suite's figures."""

    produced: int = 0
    gold: int = 0
    matched: int = 0
    label_tp: Counter[str] = field(default_factory=Counter)
    label_fp: Counter[str] = field(default_factory=Counter)
    label_fn: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    attributes: dict[str, Tally] = field(default_factory=dict)
    gold_with: Counter[str] = field(default_factory=Counter)  # gold events having each attribute
    actor_tp: int = 0
    actor_fp: int = 0
    actor_fn: int = 0
    negative_texts: int = 0
    negative_texts_with_events: int = 0
    negative_texts_with_asserted: int = 0
    negative_events: int = 0

    def tally(self, name: str) -> Tally:
        return self.attributes.setdefault(name, Tally())

    def add_text(self, text: DevText, produced: Sequence[Event]) -> None:
        self.produced += len(produced)
        self.gold += len(text.events)
        if not text.events:
            self._add_negative(produced)
        for g in text.events:
            self._count_gold_attributes(g)
        pairs = align(text.events, produced)
        self._add_labels(text.events, produced, pairs)
        for gi, pi in pairs:
            if is_event_match(text.events[gi], produced[pi]):
                self.matched += 1
                self._add_attributes(text.events[gi], produced[pi])

    def _add_negative(self, produced: Sequence[Event]) -> None:
        self.negative_texts += 1
        self.negative_events += len(produced)
        self.negative_texts_with_events += bool(produced)
        self.negative_texts_with_asserted += any(e.modality == "asserted" for e in produced)

    def _count_gold_attributes(self, g: GoldEvent) -> None:
        self.gold_with["sub_event_type"] += 1
        self.gold_with["modality"] += 1
        self.gold_with["location"] += g.location is not None
        self.gold_with["date"] += g.date is not None
        self.gold_with["status"] += g.status is not None
        self.gold_with["counts"] += sum(getattr(g, name) is not None for name in COUNT_FIELDS)
        self.gold_with["actors"] += len(g.actors)

    def _add_labels(self, gold: Sequence[GoldEvent], produced: Sequence[Event], pairs: list[tuple[int, int]]) -> None:
        paired_gold = {gi for gi, _ in pairs}
        paired_produced = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = gold[gi].sub_event_type, produced[pi].sub_event_type
            if g == p:
                self.label_tp[g] += 1
            else:
                self.label_fn[g] += 1
                self.label_fp[p] += 1
                self.confusion[(g, p)] += 1
        for gi in set(range(len(gold))) - paired_gold:
            self.label_fn[gold[gi].sub_event_type] += 1
            self.confusion[(gold[gi].sub_event_type, "(nothing)")] += 1
        for pi in set(range(len(produced))) - paired_produced:
            self.label_fp[produced[pi].sub_event_type] += 1
            self.confusion[("(no gold event)", produced[pi].sub_event_type)] += 1

    def _add_attributes(self, g: GoldEvent, e: Event) -> None:
        self.tally("sub_event_type").add(e.sub_event_type == g.sub_event_type)
        self.tally("modality").add(e.modality == g.modality)
        if g.location is not None:
            self.tally("location").add(location_correct(g.location, e.location))
        if g.date is not None:
            self.tally("date").add(date_correct(g, e))
        if g.status is not None:
            self.tally("status").add(e.status == g.status)
        for name in COUNT_FIELDS:
            if getattr(g, name) is not None:
                self.tally("counts").add(getattr(e, name) == getattr(g, name))
                self.tally(name).add(getattr(e, name) == getattr(g, name))
        self._add_actors(g, e)

    def _add_actors(self, g: GoldEvent, e: Event) -> None:
        gold_cats = Counter(a.category for a in g.actors)
        ours = Counter(a.category for a in e.actors if a.role in ("actor1", "actor2"))
        common = sum((gold_cats & ours).values())
        self.actor_tp += common
        self.actor_fp += sum(ours.values()) - common
        self.actor_fn += sum(gold_cats.values()) - common

    def metrics(self) -> dict[str, float]:
        precision, recall = safe_ratio(self.matched, self.produced), safe_ratio(self.matched, self.gold)
        actor_p = safe_ratio(self.actor_tp, self.actor_tp + self.actor_fp)
        actor_r = safe_ratio(self.actor_tp, self.actor_tp + self.actor_fn)
        figures = {
            "event_precision": precision, "event_recall": recall, "event_f1": f1(precision, recall),
            "subtype_macro_f1": self.macro_f1(ALL_LABELS),
            "subtype_weighted_f1_acled25": self.weighted_f1(ACLED_LABELS),
            "actor_category_f1": f1(actor_p, actor_r),
            "actor_category_end_to_end": safe_ratio(self.actor_tp, self.gold_with["actors"]),
            "negative_texts_with_events": safe_ratio(self.negative_texts_with_events, self.negative_texts),
            "negative_texts_with_asserted": safe_ratio(self.negative_texts_with_asserted, self.negative_texts),
            "negative_false_positives": float(self.negative_events),
            "produced_events": float(self.produced), "gold_events": float(self.gold),
        }
        for name in ("sub_event_type", "modality", "location", "date", "status", "counts"):
            tally = self.tally(name)
            short = "subtype" if name == "sub_event_type" else name
            figures[f"{short}_accuracy"] = tally.rate()
            figures[f"{short}_end_to_end"] = safe_ratio(tally.correct, self.gold_with[name])
        return figures

    def label_f1(self, label: str) -> tuple[float, float, float]:
        tp, fp, fn = self.label_tp[label], self.label_fp[label], self.label_fn[label]
        p, r = safe_ratio(tp, tp + fp), safe_ratio(tp, tp + fn)
        return p, r, f1(p, r)

    def macro_f1(self, labels: Sequence[str]) -> float:
        return safe_ratio(sum(self.label_f1(label)[2] for label in labels), len(labels))

    def weighted_f1(self, labels: Sequence[str]) -> float:
        support = {label: self.label_tp[label] + self.label_fn[label] for label in labels}
        total = sum(support.values())
        return safe_ratio(sum(self.label_f1(label)[2] * support[label] for label in labels), total)


def score_texts(items: Sequence[tuple[DevText, Sequence[Event]]]) -> EventTally:
    """Score every (text, produced events) pair."""
    tally = EventTally()
    for text, produced in items:
        tally.add_text(text, produced)
    return tally
