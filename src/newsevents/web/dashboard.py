"""The dashboard's data: events matching the filters (as corrected), and what the map, the timeline,
the Disruptions panel and the incident list show of them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsevents.model import Document
from newsevents.store import EventFilters
from newsevents.taxonomy import DISRUPTIONS
from newsevents.web.catalog import IncidentView, Snapshot
from newsevents.corrections import ReviewedEvent

INCIDENT_LIST = 200  # incidents listed on the dashboard (the API pages through all)


@dataclass(frozen=True, slots=True)
class MapPoint:
    incident_id: str
    lat: float
    lon: float
    sources: int
    event_type: str
    label: str


@dataclass(frozen=True, slots=True)
class DisruptionRow:
    event_id: str
    what: str  # the sub-type
    status: str  # disrupted | restricted | restored | unknown
    where: str
    since: dt.date | None
    doc_id: str
    evidence: str


@dataclass(frozen=True, slots=True)
class DashboardData:
    events: int
    incidents: tuple[IncidentView, ...]
    points: tuple[MapPoint, ...]
    timeline: dict[str, dict[str, int]]  # day (ISO) -> event type -> events
    disruptions: tuple[DisruptionRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "incidents": [incident_summary(v) for v in self.incidents[:INCIDENT_LIST]],
            "incident_count": len(self.incidents),
            "map": [point_dict(p) for p in self.points],
            "timeline": self.timeline,
            "disruptions": [disruption_dict(d) for d in self.disruptions],
        }


def point_dict(p: MapPoint) -> dict[str, Any]:
    return {"incident_id": p.incident_id, "lat": p.lat, "lon": p.lon, "sources": p.sources,
            "event_type": p.event_type, "label": p.label}


def disruption_dict(d: DisruptionRow) -> dict[str, Any]:
    return {"event_id": d.event_id, "what": d.what, "status": d.status, "where": d.where,
            "since": d.since.isoformat() if d.since else None, "doc_id": d.doc_id, "evidence": d.evidence}


def incident_summary(view: IncidentView) -> dict[str, Any]:
    data = view.incident.to_dict()
    data["label"] = incident_label(view)
    return data


def incident_label(view: IncidentView) -> str:
    i = view.incident
    where = i.location.name if i.location else "place unknown"
    when = i.date.isoformat() if i.date else "date unknown"
    return f"{i.sub_event_type} — {where}, {when}"


def matches(item: ReviewedEvent, filters: EventFilters, documents: dict[str, Document]) -> bool:
    e = item.event
    checks = (
        (filters.since is None or (e.date is not None and e.date >= filters.since)),
        (filters.until is None or (e.date is not None and e.date <= filters.until)),
        (not filters.countries or (e.location is not None and e.location.country in filters.countries)),
        (not filters.places or (e.location is not None and e.location.name in filters.places)),
        (not filters.event_types or e.event_type in filters.event_types),
        (not filters.sub_event_types or e.sub_event_type in filters.sub_event_types),
        (not filters.modalities or e.modality in filters.modalities),
        (filters.min_confidence is None or e.confidence >= filters.min_confidence),
        (filters.doc_id is None or e.doc_id == filters.doc_id),
        (not filters.actors or any(a.name in filters.actors for a in e.actors)),
        (not filters.sources or _site(documents.get(e.doc_id)) in filters.sources),
    )
    return all(checks)


def _site(document: Document | None) -> str | None:
    return document.site_name if document else None


def select_events(snap: Snapshot, filters: EventFilters, *, include_rejected: bool = False) -> list[ReviewedEvent]:
    return [item for item in snap.events.values()
            if (include_rejected or not item.rejected) and matches(item, filters, snap.documents)]


def dashboard_data(snap: Snapshot, filters: EventFilters) -> DashboardData:
    return snap.cached(("dashboard", filters), lambda: _dashboard(snap, filters))


def _dashboard(snap: Snapshot, filters: EventFilters) -> DashboardData:
    chosen = select_events(snap, filters)
    ids = {item.original.id for item in chosen}
    incident_ids = dict.fromkeys(snap.incident_of[i] for i in ids if i in snap.incident_of)
    incidents = tuple(snap.incidents[i] for i in snap.incidents if i in incident_ids)
    points = tuple(MapPoint(v.id, v.incident.location.lat, v.incident.location.lon, v.incident.source_count,
                            v.incident.event_type, incident_label(v))
                   for v in incidents if v.incident.location is not None)
    per_day: dict[str, Counter[str]] = {}
    for item in chosen:
        if item.event.date is not None:
            per_day.setdefault(item.event.date.isoformat(), Counter())[item.event.event_type] += 1
    timeline = {day: dict(sorted(per_day[day].items())) for day in sorted(per_day)}
    disruptions = tuple(disruption_row(item.event) for item in chosen if item.event.event_type == DISRUPTIONS)
    return DashboardData(len(chosen), incidents, points, timeline,
                         tuple(sorted(disruptions, key=lambda d: (d.since is None, d.since or dt.date.min, d.where))))


def disruption_row(event) -> DisruptionRow:
    place = event.location
    where = f"{place.name}, {place.country}" if place else "unknown"
    evidence = event.evidence[0].text if event.evidence else ""
    return DisruptionRow(event.id, event.sub_event_type, event.status or "unknown", where, event.date,
                         event.doc_id, evidence)


def facet_values(snap: Snapshot) -> dict[str, list[tuple[str, int]]]:
    """Distinct countries, places, actors and sources with their event counts (for filters and the API)."""
    def make() -> dict[str, list[tuple[str, int]]]:
        counters: dict[str, Counter[str]] = {k: Counter() for k in ("countries", "places", "actors", "sources")}
        for item in snap.events.values():
            e = item.event
            if e.location is not None:
                counters["countries"][e.location.country] += 1
                counters["places"][e.location.name] += 1
            for actor in {a.name for a in e.actors}:
                counters["actors"][actor] += 1
            site = _site(snap.documents.get(e.doc_id))
            if site:
                counters["sources"][site] += 1
        return {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for k, c in counters.items()}

    return snap.cached("facets", make)
