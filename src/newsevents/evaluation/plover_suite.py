"""The ``plover`` suite: the PLOVER gold-standard sentences (Open Event Data Alliance, CC BY-SA 4.0).

Each sentence is run through every system; a sentence's predicted type is the PLOVER type (``Event.plover``)
of its most confident event. PLOVER codes many verbal events (DEMAND, REJECT, THREATEN, ...) that ACLED
and so newsevents never code: ``coverage`` says how many gold sentences have a type we can express at all,
and the per-type table shows where the figures come from.

Metrics: ``accuracy_produced`` (right type among sentences where the system produced an event),
``recall_expressible`` (right type among sentences whose gold type we can express), ``type_f1`` (their
harmonic mean), ``event_rate`` (sentences with any event), ``inexpressible_event_rate`` (sentences with an
event although their gold type is one we cannot express), ``source_overlap``/``target_overlap`` (our
actor1/actor2 text shares a word with a gold source/target actor text, over sentences where we produced an
event and the gold has that role).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import DataError, NewsEventsError
from newsevents.evaluation.base import SuiteReport, Table, checksum_files, require
from newsevents.evaluation.events_scoring import f1, safe_ratio
from newsevents.evaluation.systems import (
    OURS, Extractor, evaluation_settings, run_extractor, systems_for, text_document,
)
from newsevents.model import Document, Event
from newsevents.settings import Settings
from newsevents.taxonomy import PLOVER

NAME = "plover"
DATA = Path("dev") / "plover" / "PLOVER_GSR_CAMEO.json"
EXPRESSIBLE: frozenset[str] = frozenset(plover_type for plover_type, _ in PLOVER.values())
GATED = ("type_f1", "recall_expressible")
MAJORITY = "majority-type baseline"
_SHARED_ROLE = re.compile(r"\(SRC/TAR:\s*([^)]+)\)")
_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset({"the", "of", "and", "in", "on", "for", "a", "an", "to", "its", "his", "her", "their"})


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    event: str
    text: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    type: str | None  # the PLOVER type of the most confident event; None: no event or no PLOVER type
    produced: bool
    actor1: tuple[str, ...] = ()
    actor2: tuple[str, ...] = ()


def load_sentences(path: Path, *, limit: int | None = None) -> tuple[GoldSentence, ...]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        sentences = tuple(_sentence(r) for r in records if r.get("event") != "DOCUMENT" and r.get("text"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"{path} is not a readable PLOVER gold-standard file ({exc}).",
                        hint="Restore it from the shared data set.") from exc
    return sentences[:limit] if limit is not None else sentences


def _actor_texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText"))


def _sentence(raw: dict[str, Any]) -> GoldSentence:
    info = raw.get("textInfo") or ""
    markup = info.get("markup", "") if isinstance(info, dict) else str(info)
    shared = tuple(m.strip() for m in _SHARED_ROLE.findall(markup))
    published = dt.date.fromisoformat(raw["date"][:10]) if raw.get("date") else None
    return GoldSentence(raw["id"], raw["event"], raw["text"], _actor_texts(raw.get("source")),
                        _actor_texts(raw.get("target")) + shared, published)


def predict(events: Sequence[Event]) -> Prediction:
    """The prediction a sentence's events amount to (most confident first; ties keep their order)."""
    ranked = sorted(events, key=lambda e: -e.confidence)
    typed = [e for e in ranked if e.plover is not None]
    top = typed[0] if typed else (ranked[0] if ranked else None)
    if top is None:
        return Prediction(None, False)
    return Prediction(
        top.plover.type if top.plover else None, True,
        tuple(a.text for a in top.actors if a.role == "actor1"), tuple(a.text for a in top.actors if a.role == "actor2"),
    )


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.replace(".", "").casefold()) if len(w) > 1) - _STOPWORDS


def actors_overlap(ours: Sequence[str], gold: Sequence[str]) -> bool:
    return any(words(o) & words(g) for o in ours for g in gold)


def metrics_of(gold: Sequence[GoldSentence], predictions: Sequence[Prediction]) -> dict[str, float]:
    pairs = list(zip(gold, predictions))
    produced = [(g, p) for g, p in pairs if p.produced]
    expressible = [(g, p) for g, p in pairs if g.event in EXPRESSIBLE]
    accuracy = safe_ratio(sum(p.type == g.event for g, p in produced), len(produced))
    recall = safe_ratio(sum(p.type == g.event for g, p in expressible), len(expressible))
    inexpressible = [p for g, p in pairs if g.event not in EXPRESSIBLE]
    with_source = [(g, p) for g, p in produced if g.sources and p.actor1]
    with_target = [(g, p) for g, p in produced if g.targets and p.actor2]
    return {
        "coverage": safe_ratio(len(expressible), len(pairs)),
        "event_rate": safe_ratio(len(produced), len(pairs)),
        "accuracy_produced": accuracy, "recall_expressible": recall, "type_f1": f1(accuracy, recall),
        "inexpressible_event_rate": safe_ratio(sum(p.produced for p in inexpressible), len(inexpressible)),
        "source_overlap": safe_ratio(sum(actors_overlap(p.actor1, g.sources) for g, p in with_source), len(with_source)),
        "target_overlap": safe_ratio(sum(actors_overlap(p.actor2, g.targets) for g, p in with_target), len(with_target)),
    }


def type_table(gold: Sequence[GoldSentence], predictions: Sequence[Prediction]) -> Table:
    totals, produced, correct = Counter(), Counter(), Counter()
    predicted_as: dict[str, Counter[str]] = {}
    for g, p in zip(gold, predictions):
        totals[g.event] += 1
        produced[g.event] += p.produced
        correct[g.event] += p.type == g.event
        if p.produced and p.type != g.event:
            predicted_as.setdefault(g.event, Counter())[p.type or "(no PLOVER type)"] += 1
    rows = []
    for event, n in totals.most_common():
        wrong = predicted_as.get(event, Counter()).most_common(1)
        rows.append((event, str(n), "yes" if event in EXPRESSIBLE else "no", str(produced[event]), str(correct[event]),
                     f"{safe_ratio(correct[event], produced[event]):.2f}", f"{wrong[0][0]} ({wrong[0][1]})" if wrong else "-"))
    return Table("Per PLOVER type (ours)", ("gold type", "sentences", "we can express", "we produced an event",
                                            "right type", "accuracy when produced", "most common wrong type"), tuple(rows))


def make_documents(gold: Sequence[GoldSentence], settings: Settings) -> list[Document | NewsEventsError]:
    documents: list[Document | NewsEventsError] = []
    for sentence in gold:
        try:
            documents.append(text_document(sentence.text, source=f"{DATA}#{sentence.id}", settings=settings,
                                           doc_id=sentence.id, published=sentence.published))
        except NewsEventsError as exc:
            documents.append(exc)
    return documents


def majority_predictions(gold: Sequence[GoldSentence]) -> list[Prediction]:
    """Every sentence gets the most frequent expressible gold type (a yardstick that peeks at the labels)."""
    counts = Counter(g.event for g in gold if g.event in EXPRESSIBLE)
    top = counts.most_common(1)[0][0] if counts else None
    return [Prediction(top, top is not None) for _ in gold]


def measure(extractors: dict[str, Extractor], gold: Sequence[GoldSentence], settings: Settings, *,
            checksum: str, ours: str = OURS) -> SuiteReport:
    documents = make_documents(gold, settings)
    predictions = {name: [predict(o.events) for o in run_extractor(ex, documents)] for name, ex in extractors.items()}
    predictions[MAJORITY] = majority_predictions(gold)
    refused = sum(1 for d in documents if isinstance(d, NewsEventsError))
    return SuiteReport(
        suite=NAME, ours=ours, systems={name: metrics_of(gold, p) for name, p in predictions.items()},
        data_checksum=checksum, items=len(gold), tables=(type_table(gold, predictions[ours]),),
        notes=(f"Types we can express (from taxonomy.PLOVER): {', '.join(sorted(EXPRESSIBLE))}.",
               f"{refused} of {len(gold)} sentences were refused by ingest (scored as no event)."),
        gated=GATED,
    )


def run(data_dir: Path, settings: Settings, *, limit: int | None = None) -> SuiteReport:
    path = require(data_dir / DATA)
    settings = evaluation_settings(settings)
    extractors = systems_for(settings)
    return measure(extractors, load_sentences(path, limit=limit), settings, checksum=checksum_files(path))

