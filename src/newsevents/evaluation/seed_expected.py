"""The seed article's expected events (``*.expected.json``) as records, and when a produced event fits one.

The rules follow the file's ``about`` field: evidence overlapping the quoted sentence, a listed sub-type
(and event type when listed), a fitting location and date, and the modality/status when specified.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import DataError
from newsevents.evaluation.matching import Span, distance_km, evidence_overlaps, find_quote
from newsevents.model import Event, Place

# An event "is in" a town-level expected place when it lies within this distance of it (the brief's
# figure; it covers a city's own extent and the gazetteer's choice of centre point).
TOWN_RADIUS_KM = 25.0


@dataclass(frozen=True, slots=True)
class ExpectedPlace:
    key: str
    country: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    radius_km: float | None = None  # admin1 entries: anywhere within this radius of (lat, lon)
    country_level: bool = False

    def fits(self, place: Place) -> bool:
        if place.country != self.country:
            return False
        if self.country_level:
            return place.precision == "country"
        if self.geonames_id is not None and place.geonames_id == self.geonames_id:
            return True
        if self.lat is None or self.lon is None:
            return False
        return distance_km(self.lat, self.lon, place.lat, place.lon) <= (self.radius_km or TOWN_RADIUS_KM)


@dataclass(frozen=True, slots=True)
class ExpectedEvent:
    id: str
    required: bool
    quotes: tuple[str, ...]  # any one of them (``evidence`` or ``evidence_any``)
    event_types: tuple[str, ...] = ()  # empty: any
    sub_event_types: tuple[str, ...] = ()
    places: tuple[ExpectedPlace, ...] = ()
    date: dt.date | None = None
    window: tuple[dt.date, dt.date] | None = None
    modality: str | None = None
    status: str | None = None

    def spans_in(self, text: str) -> tuple[Span, ...]:
        """Where this event's quotes occur in ``text`` (empty when the text lost them)."""
        return tuple(span for quote in self.quotes if (span := find_quote(text, quote)) is not None)

    def failures(self, event: Event, spans: tuple[Span, ...]) -> tuple[str, ...]:
        """Why ``event`` does not fit this expected event (empty: it fits)."""
        checks = (
            ("evidence", any(evidence_overlaps(event, s) for s in spans)),
            ("event_type", not self.event_types or event.event_type in self.event_types),
            ("sub_event_type", not self.sub_event_types or event.sub_event_type in self.sub_event_types),
            ("location", not self.places or (event.location is not None
                                             and any(p.fits(event.location) for p in self.places))),
            ("date", self._date_fits(event)),
            ("modality", self.modality is None or event.modality == self.modality),
            ("status", self.status is None or event.status == self.status),
        )
        return tuple(name for name, ok in checks if not ok)

    def _date_fits(self, event: Event) -> bool:
        if self.date is not None:
            return event.date == self.date and event.date_end in (None, self.date)
        if self.window is not None:
            first, last = self.window
            days = [d for d in (event.date, event.date_end) if d is not None]
            return event.date is not None and all(first <= d <= last for d in days)
        return True


@dataclass(frozen=True, slots=True)
class Forbidden:
    id: str
    what: str


@dataclass(frozen=True, slots=True)
class SeedExpectation:
    published: dt.date | None
    places: dict[str, ExpectedPlace]
    events: tuple[ExpectedEvent, ...]
    forbidden: tuple[Forbidden, ...]

    @property
    def required(self) -> tuple[ExpectedEvent, ...]:
        return tuple(e for e in self.events if e.required)

    @property
    def optional(self) -> tuple[ExpectedEvent, ...]:
        return tuple(e for e in self.events if not e.required)


def load_expectation(path: Path) -> SeedExpectation:
    """Read an ``*.expected.json`` file; DataError naming the entry when it is malformed."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        places = {key: _place(key, value) for key, value in raw["places"].items()}
        events = tuple(_event(item, places, required=True) for item in raw["required"]) + tuple(
            _event(item, places, required=False) for item in raw.get("optional", ()))
        forbidden = tuple(Forbidden(item["id"], item["what"]) for item in raw.get("forbidden", ()))
        published = raw.get("document", {}).get("published")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"{path} is not a readable expected-events file ({exc}).",
                        hint="Restore it from the shared data set.") from exc
    return SeedExpectation(dt.date.fromisoformat(published) if published else None, places, events, forbidden)


def _place(key: str, raw: dict[str, Any]) -> ExpectedPlace:
    return ExpectedPlace(
        key=key, country=raw["country"], lat=raw.get("lat"), lon=raw.get("lon"),
        geonames_id=raw.get("geonames_id"), radius_km=raw.get("radius_km"),
        country_level=raw.get("precision") == "country",
    )


def _event(raw: dict[str, Any], places: dict[str, ExpectedPlace], *, required: bool) -> ExpectedEvent:
    quotes = tuple(raw["evidence_any"]) if "evidence_any" in raw else (raw["evidence"],)
    window = raw.get("date_window")
    return ExpectedEvent(
        id=raw["id"], required=required, quotes=quotes,
        event_types=tuple(raw.get("event_type", ())), sub_event_types=tuple(raw.get("sub_event_type", ())),
        places=tuple(places[key] for key in raw.get("location", ())),
        date=dt.date.fromisoformat(raw["date"]) if raw.get("date") else None,
        window=(dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1])) if window else None,
        modality=raw.get("modality"), status=raw.get("status"),
    )
