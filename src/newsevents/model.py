"""Typed, frozen records that flow between newsevents' stages.

Every position is a character offset into ``Document.text`` (the extracted text).
The JSON shape of ``Event`` (see ``Event.to_dict``) is a public contract: keep it stable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "attempted", "planned", "hypothetical", "negated"]
Role = Literal["actor1", "actor2", "assoc"]
Precision = Literal["town", "admin1", "country"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Status = Literal["disrupted", "restricted", "restored"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its extracted text and what is known about it."""

    id: str
    text: str
    source: str  # the path, URL or "<stdin>" it came from (with ``#line`` for JSON Lines)
    title: str | None = None
    site_name: str | None = None
    section: str | None = None
    categories: tuple[str, ...] = ()
    author: str | None = None
    published: dt.date | None = None
    published_from: Literal["metadata", "option", "input", "text", None] = None
    url: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    content_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["categories"] = list(self.categories)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be processed, and why (never silently dropped)."""

    source: str
    reason: str
    code: str  # short machine-readable kind: empty, binary, encoding, too-large, no-article, language, fetch, ...
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved gazetteer entry."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    precision: Precision
    feature: str  # city | admin1 | country
    admin1: str | None = None
    geonames_id: int | None = None
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    confidence: float


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A temporal expression and its normalisation.

    ``value`` is TIMEX-style (2022-01-11, 2022-01, 2022-W02, 2022, PRESENT_REF, P3D ...);
    ``start``/``end`` of the window it denotes are inclusive dates, None when it denotes none.
    """

    start: int
    end: int
    text: str
    value: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    precision: DatePrecision
    window_start: dt.date | None = None
    window_end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    role: Role
    name: str
    category: str
    country: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "role": self.role, "name": self.name,
                "category": self.category, "country": self.country}


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    doc_id: str
    event_type: str
    sub_event_type: str
    modality: Modality
    evidence: tuple[Evidence, ...]
    confidence: float
    status: Status | None = None
    plover: Plover | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: DatePrecision = "unknown"
    location: Place | None = None
    actors: tuple[Actor, ...] = ()
    fatalities: int | None = None
    injured: int | None = None
    arrested: int | None = None
    participants: int | None = None
    attribution: Attribution | None = None
    issue: str | None = None
    trigger: Evidence | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSONL record (README, "Event record")."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "status": self.status,
            "plover": asdict(self.plover) if self.plover else None,
            "date": self.date.isoformat() if self.date else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "actors": [a.to_dict() for a in self.actors],
            "fatalities": self.fatalities,
            "injured": self.injured,
            "arrested": self.arrested,
            "participants": self.participants,
            "modality": self.modality,
            "attribution": asdict(self.attribution) if self.attribution else None,
            "issue": self.issue,
            "evidence": [asdict(e) for e in self.evidence],
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline made of one document."""

    document: Document
    events: tuple[Event, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
