"""Merging what a store holds: near-duplicate links and incidents across every stored document.

Run after ingest (``newsevents merge``, or at the end of ``newsevents ingest``). It reads every
document with its events, links syndicated copies to their original (earliest published, then
first stored), merges events into incidents with near-duplicates counted as one source, and
replaces the store's incidents. The whole corpus is re-merged each time: simple and always
consistent, linear in documents for the duplicate index and quadratic within one event type for
incidents (fine for tens of thousands of events; see the notes in ``incidents.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from newsevents.merge.incidents import Incident, merge_incidents
from newsevents.merge.near_duplicates import NearDuplicateIndex
from newsevents.model import Result
from newsevents.store.protocol import IncidentRecord, Store


@dataclass(frozen=True, slots=True)
class MergeSummary:
    documents: int
    near_duplicates: int
    incidents: int
    multi_source_incidents: int

    def summary(self) -> str:
        return (f"{self.documents} documents, {self.near_duplicates} near-duplicates, {self.incidents} incidents "
                f"({self.multi_source_incidents} with more than one independent source)")


def stored_results(store: Store) -> Iterator[Result]:
    """Every stored document with its events, page by page."""
    cursor = None
    while True:
        page = store.documents(cursor=cursor)
        for document in page.items:
            result = store.result(document.id)
            if result is not None:
                yield result
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def incident_record(incident: Incident) -> IncidentRecord:
    label = f"{incident.sub_event_type}" + (f", {incident.location.name}" if incident.location else "")
    return IncidentRecord(id=incident.id, event_ids=incident.event_ids, label=label, data=incident.to_dict())


def merge_store(store: Store) -> MergeSummary:
    """Recompute near-duplicate links and incidents for everything ``store`` holds."""
    stored = list(stored_results(store))  # in the order they were stored
    order = {r.document.id: n for n, r in enumerate(stored)}
    results = sorted(stored, key=lambda r: (r.document.published or dt.date.max, order[r.document.id]))
    index = NearDuplicateIndex()
    for result in results:
        index.add(result.document.id, result.document.text, published=result.document.published)
    for link in index.links():
        store.link_near_duplicate(link)
    incidents = merge_incidents([(r.document, r.events) for r in results], duplicates=index.duplicates())
    store.save_incidents((incident_record(i) for i in incidents), replace_all=True)
    return MergeSummary(documents=len(results), near_duplicates=len(index.links()), incidents=len(incidents),
                        multi_source_incidents=sum(1 for i in incidents if i.source_count > 1))
