"""Merging events from different articles that describe the same real-world incident.

Events are compared pairwise (``compatibility.agreement``: hard rules on type, modality, place, date;
a soft score of place, date, actors and text), then grouped by average linkage: two groups merge while
their mean pairwise agreement reaches ``LINK_THRESHOLD`` and no pair across them breaks a hard rule.
Each incident keeps every source and the best-supported field values (``consensus``). The result
depends only on the set of inputs, never on their order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from newsevents.merge import consensus
from newsevents.merge.compatibility import DocSimilarity, Report, agreement, make_report, normalise_name
from newsevents.merge.linkage import average_linkage
from newsevents.model import Actor, DatePrecision, Document, Event, Modality, Place, Status

# Mean agreement two groups of reports need to merge. With the weights in ``compatibility``: reports
# agreeing on town and day score >= 0.65 + actors and text, so they merge even when worded differently;
# reports with no place on one side (0.07 + 0.30 on the same day) need agreeing actors (0.2) and wording
# to pass; a place at country precision on the same day (0.21 + 0.30) passes with ordinary actors/text.
LINK_THRESHOLD = 0.6


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world incident and every report of it."""

    id: str  # "inc-" + a hash of its sorted event ids: stable for the same events
    event_type: str
    sub_event_type: str
    modality: Modality
    confidence: float  # grows with independent sources (consensus.CONFIDENCE_CAP)
    source_count: int  # independent sources: distinct sites/documents once near-duplicates are folded
    doc_ids: tuple[str, ...]  # every document, duplicates included, sorted
    event_ids: tuple[str, ...]  # every event, sorted
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: DatePrecision = "unknown"
    location: Place | None = None
    actors: tuple[Actor, ...] = ()
    status: Status | None = None
    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    participants: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            date=self.date.isoformat() if self.date else None,
            date_end=self.date_end.isoformat() if self.date_end else None,
            location=self.location.to_dict() if self.location else None,
            actors=[a.to_dict() for a in self.actors],
            doc_ids=list(self.doc_ids), event_ids=list(self.event_ids),
        )
        return data


def original_of(doc_id: str, duplicates: Mapping[str, str]) -> str:
    """Follow near-duplicate links to the original (a cycle stops at its smallest id)."""
    seen = [doc_id]
    while seen[-1] in duplicates and duplicates[seen[-1]] not in seen:
        seen.append(duplicates[seen[-1]])
    return seen[-1] if seen[-1] not in duplicates else min(seen)


def site_of(document: Document) -> str | None:
    """The outlet: its site name, else the host of its (canonical) URL without "www."."""
    if document.site_name and normalise_name(document.site_name):
        return normalise_name(document.site_name)
    for url in (document.canonical_url, document.url):
        host = urlsplit(url).hostname if url else None
        if host:
            return host.removeprefix("www.")
    return None


def source_keys(documents: Mapping[str, Document], duplicates: Mapping[str, str]) -> dict[str, str]:
    """Each document's independent-source key: the site of its original, else the original's id."""
    keys = {}
    for doc_id, document in documents.items():
        root = original_of(doc_id, duplicates)
        site = site_of(documents.get(root, document))
        keys[doc_id] = f"site:{site}" if site else f"doc:{root}"
    return keys


def _canonical_reports(items: Sequence[tuple[Document, Sequence[Event]]],
                       duplicates: Mapping[str, str]) -> list[Report]:
    documents: dict[str, Document] = {}
    for document, _ in sorted(items, key=lambda item: (item[0].id, item[0].content_hash, item[0].text)):
        documents.setdefault(document.id, document)
    events: dict[str, tuple[Event, str]] = {}
    pairs = [(event, document.id) for document, evs in items for event in evs]
    for event, doc_id in sorted(pairs, key=lambda p: (p[0].id, p[1], -p[0].confidence, p[0].sub_event_type)):
        events.setdefault(event.id, (event, doc_id))
    keys = source_keys(documents, duplicates)
    return [make_report(event, documents[doc_id], keys[doc_id]) for event, doc_id in events.values()]


def _cluster(reports: Sequence[Report], doc_similarity: DocSimilarity | None) -> list[list[Report]]:
    n = len(reports)
    scores = np.zeros((n, n))
    blocked = np.ones((n, n), bool)
    for i in range(n):
        for j in range(i + 1, n):
            value = agreement(reports[i], reports[j], doc_similarity)
            if value is not None:
                scores[i, j] = scores[j, i] = value
                blocked[i, j] = blocked[j, i] = False
    np.fill_diagonal(blocked, False)
    return [[reports[i] for i in cluster] for cluster in average_linkage(scores, LINK_THRESHOLD, blocked)]


def make_incident(reports: Sequence[Report]) -> Incident:
    event_ids = tuple(sorted(r.event.id for r in reports))
    date, date_end, precision = consensus.best_date(reports)
    sub_type = consensus.vote(reports, lambda r: r.event.sub_event_type, tie=str)
    modality = consensus.vote(reports, lambda r: r.event.modality, tie=str)
    return Incident(
        id="inc-" + hashlib.sha1("\n".join(event_ids).encode()).hexdigest()[:16],
        event_type=reports[0].event.event_type,
        sub_event_type=sub_type or reports[0].event.sub_event_type,
        modality=modality or reports[0].event.modality,
        confidence=consensus.combined_confidence(reports),
        source_count=len(consensus.by_source(reports)),
        doc_ids=tuple(sorted({r.document.id for r in reports})),
        event_ids=event_ids,
        date=date, date_end=date_end, date_precision=precision,
        location=consensus.best_place(reports),
        actors=consensus.best_actors(reports),
        status=consensus.vote(reports, lambda r: r.event.status, tie=str),
        fatalities=consensus.count_vote(reports, "fatalities"),
        injured=consensus.count_vote(reports, "injured"),
        arrested=consensus.count_vote(reports, "arrested"),
        participants=consensus.count_vote(reports, "participants"),
    )


def merge_incidents(items: Sequence[tuple[Document, Sequence[Event]]], *,
                    duplicates: Mapping[str, str] | None = None,
                    doc_similarity: DocSimilarity | None = None) -> list[Incident]:
    """Incidents from the events of ``items`` (each document with its events).

    ``duplicates`` maps a near-duplicate document's id to its original's (``NearDuplicateIndex.duplicates``):
    they count as one source. ``doc_similarity(a, b)`` (e.g. ``DocumentSimilarity.score``) adds the
    documents' similarity to the text agreement. Every event ends in exactly one incident; incidents come
    sorted by date (undated last), then id."""
    reports = _canonical_reports(items, duplicates or {})
    blocks: dict[str, list[Report]] = {}
    for report in reports:
        blocks.setdefault(report.event.event_type, []).append(report)
    incidents = [make_incident(cluster) for event_type in sorted(blocks)
                 for cluster in _cluster(blocks[event_type], doc_similarity)]
    return sorted(incidents, key=lambda inc: (inc.date is None, inc.date or dt.date.min, inc.id))
