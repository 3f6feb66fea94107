"""What a situation report says: built from a snapshot of the store (reviews applied) and filters."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from newsevents.store import EventFilters
from newsevents.web.basemap import Marker, map_scene
from newsevents.web.catalog import IncidentView, Snapshot
from newsevents.web.charts import timeline_scene
from newsevents.corrections import ReviewedEvent
from newsevents.web.dashboard import DisruptionRow, dashboard_data, incident_label, select_events
from newsevents.web.drawing import Scene

KEY_INCIDENTS = 12
STATEMENTS = 30  # claimed / established statements listed at most


@dataclass(frozen=True, slots=True)
class KeyIncident:
    label: str
    incident_id: str
    date: dt.date | None
    place: str
    confidence: float
    source_count: int
    sources: tuple[str, ...]  # "site: title"
    evidence: str


@dataclass(frozen=True, slots=True)
class Statement:
    """One event in words, with whose claim it is (None: reported as fact) and its evidence."""

    text: str
    claimed_by: str | None
    modality: str
    evidence: str
    confidence: float


@dataclass(frozen=True, slots=True)
class SituationReport:
    title: str
    generated: dt.date
    period: tuple[dt.date | None, dt.date | None]
    filters: str
    events: int
    incidents: int
    articles: int
    by_type: tuple[tuple[str, int], ...]
    by_place: tuple[tuple[str, int], ...]
    per_day: dict[str, dict[str, int]]
    disruptions: tuple[DisruptionRow, ...]
    key_incidents: tuple[KeyIncident, ...]
    established: tuple[Statement, ...]
    claimed: tuple[Statement, ...]
    map: Scene
    timeline: Scene


def describe_filters(filters: EventFilters) -> str:
    parts = []
    if filters.since or filters.until:
        parts.append(f"{filters.since or '…'} to {filters.until or '…'}")
    for name, values in (("countries", filters.countries), ("places", filters.places),
                         ("types", filters.event_types), ("sub-types", filters.sub_event_types),
                         ("actors", filters.actors), ("modality", filters.modalities), ("sources", filters.sources)):
        if values:
            parts.append(f"{name}: {', '.join(values)}")
    if filters.min_confidence is not None:
        parts.append(f"confidence ≥ {filters.min_confidence}")
    return "; ".join(parts) or "all stored events"


def statement(item: ReviewedEvent) -> Statement:
    e = item.event
    where = f" in {e.location.name}" if e.location else ""
    when = f" on {e.date.isoformat()}" if e.date else ""
    actors = ", ".join(a.name for a in e.actors)
    text = f"{e.sub_event_type}{where}{when}" + (f" ({actors})" if actors else "")
    claimed = e.attribution.source if e.attribution else None
    evidence = e.evidence[0].text if e.evidence else ""
    return Statement(text, claimed, e.modality, evidence, round(e.confidence, 2))


def key_incident(view: IncidentView, snap: Snapshot) -> KeyIncident:
    i = view.incident
    docs = [snap.documents[d] for d in i.doc_ids if d in snap.documents]
    sources = tuple(f"{d.site_name or d.source}: {d.title or d.id}" for d in docs)
    evidence = next((ev.text for m in view.members for ev in m.event.evidence), "")
    place = f"{i.location.name}, {i.location.country}" if i.location else "unknown"
    return KeyIncident(incident_label(view), i.id, i.date, place, round(i.confidence, 2), i.source_count,
                       sources, evidence)


def build_report(snap: Snapshot, filters: EventFilters, *, today: dt.date | None = None,
                 title: str = "Situation report") -> SituationReport:
    chosen = select_events(snap, filters)
    data = dashboard_data(snap, filters)
    dates = sorted(item.event.date for item in chosen if item.event.date)
    ranked = sorted(data.incidents, key=lambda v: (-v.incident.source_count, -v.incident.confidence, v.id))
    is_claim = lambda item: item.event.attribution is not None or item.event.modality != "asserted"  # noqa: E731
    markers = [Marker(p.lat, p.lon, p.sources, p.event_type, p.label) for p in data.points]
    return SituationReport(
        title=title, generated=today or dt.date.today(), period=(dates[0] if dates else None, dates[-1] if dates else None),
        filters=describe_filters(filters), events=len(chosen), incidents=len(data.incidents),
        articles=len({item.event.doc_id for item in chosen}),
        by_type=tuple(Counter(item.event.event_type for item in chosen).most_common()),
        by_place=tuple(Counter(item.event.location.name for item in chosen if item.event.location).most_common(10)),
        per_day=data.timeline, disruptions=data.disruptions,
        key_incidents=tuple(key_incident(v, snap) for v in ranked[:KEY_INCIDENTS]),
        established=tuple(statement(i) for i in chosen if not is_claim(i))[:STATEMENTS],
        claimed=tuple(statement(i) for i in chosen if is_claim(i))[:STATEMENTS],
        map=map_scene(markers, width=720, height=360, title="Incidents"),
        timeline=timeline_scene(data.timeline, width=720, height=200),
    )
