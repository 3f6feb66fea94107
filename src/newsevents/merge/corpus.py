"""Merging what a store holds: near-duplicate links and incidents across every stored document.

Run after ingest (``newsevents merge``; ``newsevents serve --merge`` and the web API's admin merge
call the same function). It reads every document and event, links syndicated copies to their
original (earliest published, then first stored), merges events into incidents with
near-duplicates counted as one source and document similarity as a signal, and replaces the
store's incidents. The whole corpus is re-merged each time: simple and always consistent, linear
in documents for the duplicate index and quadratic within one event type for incidents (fine
for tens of thousands of events; see the notes in ``incidents.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsevents.merge.incidents import Incident, merge_incidents
from newsevents.merge.near_duplicates import NearDuplicateIndex
from newsevents.merge.stories import DocumentSimilarity
from newsevents.model import Document, Event
from newsevents.store.protocol import EventFilters, IncidentRecord, NearDuplicate, Store

PAGE = 1000


@dataclass(frozen=True, slots=True)
class MergeSummary:
    documents: int
    events: int
    incidents: int
    near_duplicates: int
    multi_source_incidents: int

    def summary(self) -> str:
        return (f"{self.documents} documents, {self.events} events, {self.near_duplicates} near-duplicates, "
                f"{self.incidents} incidents ({self.multi_source_incidents} with more than one independent source)")


def all_documents(store: Store) -> Iterator[Document]:
    """Every stored document, in the order they were stored."""
    cursor: str | None = None
    while True:
        page = store.documents(cursor=cursor, limit=PAGE)
        yield from page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def all_events(store: Store, filters: EventFilters = EventFilters()) -> Iterator[Event]:
    cursor: str | None = None
    while True:
        page = store.events(filters, cursor=cursor, limit=PAGE)
        yield from page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def link_duplicates(store: Store, documents: Sequence[Document]) -> dict[str, str]:
    """Index the documents in publication order (ties: as stored); store and return the links."""
    order = {d.id: n for n, d in enumerate(documents)}
    index = NearDuplicateIndex()
    for document in sorted(documents, key=lambda d: (d.published or dt.date.max, order[d.id])):
        index.add(document.id, document.text, published=document.published)
    for link in index.links():
        store.link_near_duplicate(NearDuplicate(link.doc_id, link.original_id, link.similarity, "minhash"))
    return index.duplicates()


def incident_record(incident: Incident) -> IncidentRecord:
    label = incident.sub_event_type + (f", {incident.location.name}" if incident.location else "")
    return IncidentRecord(id=incident.id, event_ids=incident.event_ids, label=label, data=incident.to_dict())


def merge_store(store: Store) -> MergeSummary:
    """Recompute near-duplicate links and incidents over the whole store and replace the stored incidents."""
    documents = list(all_documents(store))
    by_doc: dict[str, list[Event]] = {}
    for event in all_events(store):
        by_doc.setdefault(event.doc_id, []).append(event)
    duplicates = link_duplicates(store, documents)
    items = [(d, by_doc[d.id]) for d in documents if d.id in by_doc]
    similarity = DocumentSimilarity.fit([d for d, _ in items]) if len(items) > 1 else None
    incidents = merge_incidents(items, duplicates=duplicates, doc_similarity=similarity.score if similarity else None)
    store.save_incidents((incident_record(i) for i in incidents), replace_all=True)
    return MergeSummary(documents=len(documents), events=sum(map(len, by_doc.values())), incidents=len(incidents),
                        near_duplicates=len(duplicates),
                        multi_source_incidents=sum(1 for i in incidents if i.source_count > 1))
