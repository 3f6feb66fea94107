"""Between ``model.py`` records and table rows (plain dicts), the same for every backend.

PostgreSQL cannot hold NUL characters in text; every backend stores them as U+FFFD (one character
for one, so evidence offsets stay right).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from newsevents.model import (
    Actor,
    Attribution,
    Document,
    Event,
    Evidence,
    Place,
    PlaceMention,
    Plover,
    TimeMention,
)

NUL_REPLACEMENT = "\ufffd"

Row = Mapping[Any, Any]  # a row's mapping as SQLAlchemy gives it (RowMapping) or a plain dict


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def scrub(value: Any) -> Any:
    """``value`` with NUL characters replaced in every string, however deeply nested."""
    if isinstance(value, str):
        return value.replace("\x00", NUL_REPLACEMENT) if "\x00" in value else value
    if isinstance(value, dict):
        return {key: scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    return value


def utc(moment: dt.datetime) -> dt.datetime:
    """An aware UTC datetime (SQLite gives back naive ones, which we stored as UTC)."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def url_key(document: Document) -> str | None:
    url = document.canonical_url or document.url
    return sha256(url) if url else None


def content_key(document: Document) -> str:
    return document.content_hash or sha256(document.text)


# --- documents -------------------------------------------------------------------------------

def document_row(document: Document, times: tuple[TimeMention, ...], now: dt.datetime) -> dict[str, Any]:
    row = scrub({
        "id": document.id, "source": document.source, "title": document.title,
        "site_name": document.site_name, "section": document.section,
        "categories": list(document.categories), "author": document.author,
        "published": None, "published_from": document.published_from, "url": document.url,
        "canonical_url": document.canonical_url, "language": document.language, "text": document.text,
        "times": [time_json(t) for t in times],
    })
    return row | {"published": document.published, "url_key": url_key(document),
                  "content_hash": content_key(document), "ingested_at": now}


def document_from_row(row: Row) -> Document:
    return Document(
        id=row["id"], text=row["text"], source=row["source"], title=row["title"],
        site_name=row["site_name"], section=row["section"], categories=tuple(row["categories"]),
        author=row["author"], published=row["published"], published_from=row["published_from"],
        url=row["url"], canonical_url=row["canonical_url"], language=row["language"],
        content_hash=row["content_hash"],
    )


def time_json(time: TimeMention) -> dict[str, Any]:
    data = asdict(time)
    for name in ("window_start", "window_end"):
        data[name] = data[name].isoformat() if data[name] else None
    return data


def time_from_json(data: Mapping[str, Any]) -> TimeMention:
    values = dict(data)
    for name in ("window_start", "window_end"):
        values[name] = dt.date.fromisoformat(values[name]) if values[name] else None
    return TimeMention(**values)


# --- places ----------------------------------------------------------------------------------

def place_row(place: Place) -> dict[str, Any]:
    row = scrub(asdict(place))
    row["key"] = sha256(json.dumps(row, sort_keys=True))
    return row


def place_from_row(row: Row, prefix: str = "") -> Place:
    return Place(
        name=row[prefix + "name"], country=row[prefix + "country"], lat=row[prefix + "lat"],
        lon=row[prefix + "lon"], precision=row[prefix + "precision"], feature=row[prefix + "feature"],
        admin1=row[prefix + "admin1"], geonames_id=row[prefix + "geonames_id"],
        population=row[prefix + "population"],
    )


def mention_row(doc_id: str, position: int, mention: PlaceMention, place_id: int) -> dict[str, Any]:
    return {"doc_id": doc_id, "position": position, "start_char": mention.start, "end_char": mention.end,
            "text": scrub(mention.text), "place_id": place_id, "confidence": mention.confidence}


def mention_from_row(row: Row, place: Place) -> PlaceMention:
    return PlaceMention(start=row["start_char"], end=row["end_char"], text=row["text"], place=place,
                        confidence=row["confidence"])


# --- actors ----------------------------------------------------------------------------------

def actor_key(actor: Actor) -> tuple[str, str, str]:
    """The actors-table identity of an actor: whitespace-normalised name, category, country ("" if unknown)."""
    name, category, country = scrub([" ".join(actor.name.split()), actor.category, actor.country or ""])
    return name, category, country


def actor_json(actor: Actor) -> dict[str, Any]:
    return asdict(actor)


# --- events ----------------------------------------------------------------------------------

def event_row(event: Event, place_id: int | None) -> dict[str, Any]:
    row = scrub({
        "id": event.id, "doc_id": event.doc_id, "event_type": event.event_type,
        "sub_event_type": event.sub_event_type, "status": event.status, "modality": event.modality,
        "plover_type": event.plover.type if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None,
        "date_precision": event.date_precision,
        "country": event.location.country if event.location else None, "issue": event.issue,
        "attribution": asdict(event.attribution) if event.attribution else None,
        "evidence": [asdict(e) for e in event.evidence],
        "actors": [actor_json(a) for a in event.actors],
        "trigger": asdict(event.trigger) if event.trigger else None,
    })
    return row | {
        "date": event.date, "date_end": event.date_end, "place_id": place_id,
        "fatalities": event.fatalities, "injured": event.injured, "arrested": event.arrested,
        "participants": event.participants, "confidence": event.confidence,
    }


def event_from_row(row: Row, place: Place | None) -> Event:
    plover = Plover(row["plover_type"], row["plover_mode"]) if row["plover_type"] is not None else None
    return Event(
        id=row["id"], doc_id=row["doc_id"], event_type=row["event_type"],
        sub_event_type=row["sub_event_type"], modality=row["modality"],
        evidence=tuple(Evidence(**e) for e in row["evidence"]), confidence=row["confidence"],
        status=row["status"], plover=plover, date=row["date"], date_end=row["date_end"],
        date_precision=row["date_precision"], location=place,
        actors=tuple(Actor(**a) for a in row["actors"]),
        fatalities=row["fatalities"], injured=row["injured"], arrested=row["arrested"],
        participants=row["participants"],
        attribution=Attribution(**row["attribution"]) if row["attribution"] else None,
        issue=row["issue"], trigger=Evidence(**row["trigger"]) if row["trigger"] else None,
    )
