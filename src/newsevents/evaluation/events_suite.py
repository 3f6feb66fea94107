"""The ``events`` suite: 300 ACLED-style development texts with gold events (hard negatives have none).

Each text is made into a Document with its row's ``published`` date and run through every system; the
scoring (alignment, event-level match, sub-type F1, attribute accuracies) is defined in
``events_scoring``. The published yardstick is CASE 2021 Task 2 (fine-grained ACLED classification of
single news snippets by fine-tuned transformers): a different setup, shown beside ours, never gated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from newsevents.errors import NewsEventsError
from newsevents.evaluation.base import Anchor, SuiteReport, Table, checksum_files, require
from newsevents.evaluation.events_gold import DevText, load_dev
from newsevents.evaluation.events_scoring import ALL_LABELS, EventTally, score_texts
from newsevents.evaluation.matching import Span, find_quote
from newsevents.evaluation.systems import (
    OURS, Extractor, Outcome, evaluation_settings, run_extractor, systems_for, text_document,
)
from newsevents.model import Document
from newsevents.settings import Settings

NAME = "events"
DATA = Path("dev") / "acled-style" / "dev.jsonl"
CONFUSION_ROWS = 12
GATED = (
    "event_f1", "subtype_macro_f1", "modality_end_to_end", "location_end_to_end", "date_end_to_end",
    "status_end_to_end", "counts_end_to_end", "actor_category_end_to_end", "negative_texts_with_asserted",
)
LOWER_IS_BETTER = ("negative_texts_with_asserted",)
ANCHORS = (
    Anchor("CASE 2021 Task 2 best (fine-tuned transformer)", "subtype_weighted_f1_acled25", 0.839,
           "Haneczok et al. 2021, Fine-grained Event Classification in News-like Text Snippets, Shared Task 2, "
           "CASE 2021 (ACL Anthology 2021.case-1.23), subtask 1: 25 ACLED classes, weighted F1; other texts, "
           "one label per snippet (classification only, no extraction)"),
)
NOTE = ("Event match = evidence overlap + same event type. Sub-type F1 is computed on the alignment "
        "(evidence overlap or same sub-type, one-to-one); unaligned produced events are false positives of "
        "their label, unaligned gold events false negatives. `*_accuracy` figures are on matched events; "
        "`*_end_to_end` divide the same correct count by all gold events with that attribute (gated: they "
        "can only rise when the system improves). Counts = fatalities, injured and arrested where the gold "
        "gives them, exact value. This is the development set the extractor was built against (measured on, "
        "never trained on): expect lower figures on unseen news.")


def make_documents(texts: Sequence[DevText], settings: Settings, source: str) -> list[Document | NewsEventsError]:
    documents: list[Document | NewsEventsError] = []
    for number, text in enumerate(texts, start=1):
        try:
            documents.append(text_document(text.text, source=f"{source}#{number}", settings=settings,
                                           doc_id=text.id, published=text.published))
        except NewsEventsError as exc:
            documents.append(exc)
    return documents


def relocate(text: DevText, document: Document | None) -> DevText:
    """The gold events with their evidence found again in the document's (cleaned) text."""
    if document is None or document.text == text.text:
        return text
    events = []
    for event in text.events:
        quote = text.text[event.evidence.start:event.evidence.end]
        events.append(replace(event, evidence=find_quote(document.text, quote) or Span(-1, -1)))
    return replace(text, text=document.text, events=tuple(events))


def score_outcomes(texts: Sequence[DevText], outcomes: Sequence[Outcome]) -> EventTally:
    return score_texts([(relocate(t, o.document), o.events) for t, o in zip(texts, outcomes)])


def measure(extractors: dict[str, Extractor], texts: Sequence[DevText], settings: Settings, *,
            checksum: str, source: str = str(DATA), ours: str = OURS) -> SuiteReport:
    documents = make_documents(texts, settings, source)
    outcomes = {name: run_extractor(ex, documents) for name, ex in extractors.items()}
    tallies = {name: score_outcomes(texts, out) for name, out in outcomes.items()}
    refused = sum(1 for o in outcomes[ours] if o.error)
    return SuiteReport(
        suite=NAME, ours=ours, systems={name: t.metrics() for name, t in tallies.items()},
        data_checksum=checksum, items=len(texts), anchors=ANCHORS,
        tables=(confusion_table(tallies[ours]), label_table(tallies[ours]), attribute_table(tallies[ours])),
        notes=(NOTE, f"{refused} of {len(texts)} texts were refused by ingest or the pipeline (scored as no events)."),
        gated=GATED, lower_is_better=LOWER_IS_BETTER,
    )


def run(data_dir: Path, settings: Settings, *, limit: int | None = None) -> SuiteReport:
    path = require(data_dir / DATA)
    settings = evaluation_settings(settings)
    extractors = systems_for(settings)
    return measure(extractors, load_dev(path, limit=limit), settings, checksum=checksum_files(path))


def confusion_table(tally: EventTally) -> Table:
    worst = [(g, p, n) for (g, p), n in tally.confusion.most_common() if g != p][:CONFUSION_ROWS]
    return Table("Worst confusions (ours): gold sub-type -> what we produced",
                 ("gold", "produced", "count"), tuple((g, p, str(n)) for g, p, n in worst))


def label_table(tally: EventTally) -> Table:
    rows = []
    for label in ALL_LABELS:
        p, r, f = tally.label_f1(label)
        support = tally.label_tp[label] + tally.label_fn[label]
        rows.append((label, str(support), f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"))
    return Table("Per sub-type (ours)", ("sub-type", "gold", "precision", "recall", "F1"), tuple(rows))


def attribute_table(tally: EventTally) -> Table:
    rows = tuple((name, str(t.total), f"{t.rate():.3f}")
                 for name, t in sorted(tally.attributes.items()))
    return Table("Attributes on matched events (ours)", ("attribute", "matched with gold value", "accuracy"), rows)
