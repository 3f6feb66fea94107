"""What the pages and the API read: a snapshot of the store with every review applied.

The snapshot (documents, events as the analysts left them, incidents recomputed from those events) is
rebuilt when the store changed: at most every ``cache_check_s`` the store's counts are compared, and
writes through the app (reviews, merges) invalidate it at once. Listings that must page over the whole
store (the event API) read the store itself and apply the snapshot's reviews.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsevents.merge.compatibility import make_report
from newsevents.merge.incidents import Incident, make_incident, source_keys
from newsevents.model import Document, Event
from newsevents.store import NearDuplicate, Review, Store
from newsevents.corrections import ReviewedEvent, apply_reviews
from newsevents.merge.corpus import all_documents, all_events

CACHED_VIEWS = 128  # dashboard views kept per snapshot (one per distinct filter set)
RELATED = 5


@dataclass(frozen=True, slots=True)
class IncidentView:
    """An incident recomputed from its members as corrected; rejected members are left out."""

    incident: Incident
    members: tuple[ReviewedEvent, ...]
    merged: bool  # False: the store holds no merged incidents yet, each event stands alone

    @property
    def id(self) -> str:
        return self.incident.id


@dataclass(slots=True)
class Snapshot:
    version: tuple[int, ...]
    documents: dict[str, Document]
    events: dict[str, ReviewedEvent]  # in store order
    reviews: dict[str, list[Review]]
    incidents: dict[str, IncidentView]
    incident_of: dict[str, str]  # event id -> incident id
    duplicates: list[NearDuplicate]
    views: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def cached(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.views:
                self.views.move_to_end(key)
                return self.views[key]
        value = make()
        with self.lock:
            self.views[key] = value
            while len(self.views) > CACHED_VIEWS:
                self.views.popitem(last=False)
        return value


def group_reviews(reviews: Iterable[Review]) -> dict[str, list[Review]]:
    grouped: dict[str, list[Review]] = {}
    for review in reviews:
        grouped.setdefault(review.event_id, []).append(review)
    return grouped


def build_snapshot(store: Store) -> Snapshot:
    counts = store.counts()
    documents = {d.id: d for d in all_documents(store)}
    reviews = group_reviews(store.reviews())
    events = {e.id: apply_reviews(e, reviews.get(e.id, ())) for e in all_events(store)}
    duplicates = store.near_duplicates()
    incidents = build_incidents(store, events, documents, {d.doc_id: d.original_id for d in duplicates})
    incident_of = {m.original.id: view.id for view in incidents.values() for m in view.members}
    version = (counts.documents, counts.events, counts.incidents, counts.reviews, counts.near_duplicates)
    return Snapshot(version, documents, events, reviews, incidents, incident_of, duplicates)


def build_incidents(store: Store, events: Mapping[str, ReviewedEvent], documents: Mapping[str, Document],
                    duplicates: Mapping[str, str]) -> dict[str, IncidentView]:
    keys = source_keys(documents, duplicates)
    stored = store.incidents()
    groups = [record.event_ids for record in stored] or [(event_id,) for event_id in events]
    views: dict[str, IncidentView] = {}
    for event_ids in groups:
        members = tuple(events[i] for i in event_ids if i in events)
        kept = [m for m in members if not m.rejected]
        if not kept:
            continue
        incident = make_incident([make_report(m.event, documents[m.event.doc_id], keys[m.event.doc_id]) for m in kept])
        views[incident.id] = IncidentView(incident, members, bool(stored))
    return dict(sorted(views.items(), key=lambda kv: (kv[1].incident.date is None, kv[1].incident.date or 0, kv[0]),
                       reverse=False))


class Catalog:
    """The current snapshot of a store, rebuilt when the store changed."""

    def __init__(self, store: Store, check_s: float) -> None:
        self.store = store
        self.check_s = check_s
        self._snapshot: Snapshot | None = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._related: tuple[tuple[int, ...], Any] | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._snapshot = None

    def snapshot(self) -> Snapshot:
        with self._lock:
            now = time.monotonic()
            current = self._snapshot
            if current is not None and now - self._checked < self.check_s:
                return current
            self._checked = now
            if current is not None and current.version == self._version():
                return current
            self._snapshot = build_snapshot(self.store)
            return self._snapshot

    def _version(self) -> tuple[int, ...]:
        c = self.store.counts()
        return (c.documents, c.events, c.incidents, c.reviews, c.near_duplicates)

    def reviewed(self, events: Iterable[Event]) -> list[ReviewedEvent]:
        reviews = self.snapshot().reviews
        return [apply_reviews(e, reviews.get(e.id, ())) for e in events]

    def related(self, doc_id: str, limit: int = RELATED) -> list[tuple[Document, float]]:
        """Documents most similar in content (TF-IDF cosine over the whole store), best first."""
        snap = self.snapshot()
        index = self._related_index(snap)
        return [(snap.documents[i], score) for i, score in index.nearest(doc_id, limit)]

    def _related_index(self, snap: Snapshot) -> RelatedIndex:
        with self._lock:
            if self._related is None or self._related[0] != snap.version:
                self._related = (snap.version, RelatedIndex.fit(list(snap.documents.values())))
            return self._related[1]


class RelatedIndex:
    """TF-IDF vectors of every document's title and text."""

    def __init__(self, ids: Sequence[str], matrix: Any) -> None:
        self.ids = list(ids)
        self.positions = {doc_id: i for i, doc_id in enumerate(ids)}
        self.matrix = matrix

    @classmethod
    def fit(cls, documents: Sequence[Document]) -> RelatedIndex:
        from sklearn.feature_extraction.text import TfidfVectorizer

        if len(documents) < 2:
            return cls([d.id for d in documents], None)
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        try:
            matrix = vectorizer.fit_transform(f"{d.title or ''}\n{d.text}" for d in documents)
        except ValueError:  # no usable vocabulary
            return cls([d.id for d in documents], None)
        return cls([d.id for d in documents], matrix)

    def nearest(self, doc_id: str, limit: int) -> list[tuple[str, float]]:
        row = self.positions.get(doc_id)
        if row is None or self.matrix is None:
            return []
        scores = (self.matrix @ self.matrix[row].T).toarray().ravel()
        scores[row] = -1.0
        best = scores.argsort()[::-1][:limit]
        return [(self.ids[i], round(float(scores[i]), 3)) for i in best if scores[i] > 0]
