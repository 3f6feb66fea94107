"""Exporting stored events: JSON Lines (our Event record), CSV with ACLED's column names, GeoJSON that
GIS tools open, and Parquet (needs the ``parquet`` extra: pyarrow).

The CSV, GeoJSON and Parquet rows are one flat record per event (``acled_row``): ACLED's columns where
ACLED has one (same names, same codes for inter1/inter2/interaction, time_precision and geo_precision),
then ours (status, modality, confidence, evidence as JSON, ...).
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from newsevents.errors import ConfigError
from newsevents.model import Actor, Document, Event
from newsevents.store import EventFilters, Review, Store
from newsevents.taxonomy import ACTOR_CATEGORIES

FORMATS = ("jsonl", "csv", "geojson", "parquet")
PAGE = 500

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities",
)
OUR_COLUMNS = (
    "status", "modality", "confidence", "evidence", "date_end", "date_precision", "injured", "arrested",
    "participants", "attribution", "issue", "plover_type", "plover_mode", "doc_id", "source_url", "actors",
)
COLUMNS = ACLED_COLUMNS + OUR_COLUMNS
INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
               "fatalities", "injured", "arrested", "participants")
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")
DATE_COLUMNS = ("event_date", "date_end")

# ACLED codebook: 1 = the date is known to the day, 2 = to the week, 3 = to the month or only roughly.
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED codebook: 1 = the town itself, 2 = near a town or part of a region, 3 = only the region is known.
GEO_PRECISION = {"town": 1, "admin1": 3, "country": 3}
# ACLED's inter codes are the position of the actor category in its list (State forces = 1 ... External = 8).
INTER = {category: number for number, category in enumerate(ACTOR_CATEGORIES, start=1)}
# Where ACLED spells a country otherwise than ISO 3166's short name.
ACLED_COUNTRY_NAMES = {
    "RU": "Russia", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "KP": "North Korea",
    "KR": "South Korea", "MD": "Moldova", "TZ": "Tanzania", "VN": "Vietnam", "LA": "Laos",
    "PS": "Palestine", "CZ": "Czech Republic", "CI": "Ivory Coast", "SZ": "eSwatini", "TR": "Turkey",
    "CV": "Cape Verde", "VA": "Vatican City", "BN": "Brunei", "FM": "Micronesia", "MK": "North Macedonia",
}


@cache
def country_of(code: str) -> tuple[str, int | None]:
    """ACLED's name and ISO numeric code for an alpha-2 code (the code itself when unknown)."""
    import pycountry

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code, None
    name = ACLED_COUNTRY_NAMES.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
    return name, int(country.numeric)


def iter_events(store: Store, filters: EventFilters) -> Iterator[tuple[Event, Document | None]]:
    """Every event matching ``filters`` with its document, page by page, as analysts corrected it;
    events they rejected are left out. (Filters apply to the machine's values.)"""
    from newsevents.corrections import apply_reviews

    reviews: dict[str, list[Review]] = {}
    for review in store.reviews():
        reviews.setdefault(review.event_id, []).append(review)
    cursor: str | None = None
    while True:
        page = store.events(filters, cursor=cursor, limit=PAGE)
        documents = store.documents_by_id({event.doc_id for event in page.items})
        for event in page.items:
            reviewed = apply_reviews(event, reviews.get(event.id, ()))
            if reviewed.verdict != "rejected":
                yield reviewed.event, documents.get(event.doc_id)
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


# --- the flat row ----------------------------------------------------------------------------------

def _actor_sides(actors: tuple[Actor, ...]) -> tuple[Actor | None, Actor | None, list[Actor], list[Actor]]:
    """actor1, actor2 and the associated actors of each side (extra actors of a side count as associated)."""
    first = [a for a in actors if a.role == "actor1"]
    second = [a for a in actors if a.role == "actor2"]
    assoc = [a for a in actors if a.role == "assoc"]
    return (first[0] if first else None, second[0] if second else None, first[1:] + assoc, second[1:])


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, the smaller first (10 x inter1 when there is no actor2)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def source_name(document: Document | None) -> str | None:
    if document is None:
        return None
    if document.site_name:
        return document.site_name
    url = document.canonical_url or document.url
    return urlsplit(url).hostname if url else document.source


def acled_row(event: Event, document: Document | None) -> dict[str, Any]:
    """One event as a flat record: ACLED's columns, then ours (see ``COLUMNS``)."""
    actor1, actor2, assoc1, assoc2 = _actor_sides(event.actors)
    inter1 = INTER.get(actor1.category) if actor1 else None
    inter2 = INTER.get(actor2.category) if actor2 else None
    place = event.location
    country, iso = country_of(place.country) if place else (None, None)
    return {
        "event_id_cnty": event.id, "event_date": event.date, "year": event.date.year if event.date else None,
        "time_precision": TIME_PRECISION.get(event.date_precision) if event.date else None,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": actor1.name if actor1 else None, "assoc_actor_1": "; ".join(a.name for a in assoc1) or None,
        "inter1": inter1, "actor2": actor2.name if actor2 else None,
        "assoc_actor_2": "; ".join(a.name for a in assoc2) or None, "inter2": inter2,
        "interaction": _interaction(inter1, inter2), "iso": iso, "country": country,
        "admin1": place.admin1 if place else None, "location": place.name if place else None,
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "geo_precision": GEO_PRECISION.get(place.precision) if place else None,
        "source": source_name(document), "notes": " … ".join(e.text for e in event.evidence) or None,
        "fatalities": event.fatalities,
        "status": event.status, "modality": event.modality, "confidence": round(event.confidence, 3),
        "evidence": json.dumps([{"start": e.start, "end": e.end, "text": e.text} for e in event.evidence],
                               ensure_ascii=False),
        "date_end": event.date_end, "date_precision": event.date_precision, "injured": event.injured,
        "arrested": event.arrested, "participants": event.participants,
        "attribution": event.attribution.source if event.attribution else None, "issue": event.issue,
        "plover_type": event.plover.type if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None, "doc_id": event.doc_id,
        "source_url": (document.canonical_url or document.url) if document else None,
        "actors": json.dumps([a.to_dict() for a in event.actors], ensure_ascii=False),
    }


# --- writers -----------------------------------------------------------------------------------------

Rows = Iterator[tuple[Event, Document | None]]


def write_jsonl(rows: Rows, out: IO[str]) -> int:
    count = 0
    for event, _document in rows:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Rows, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event, document in rows:
        writer.writerow({k: "" if v is None else v for k, v in acled_row(event, document).items()})
        count += 1
    return count


def geojson_feature(event: Event, document: Document | None) -> dict[str, Any]:
    """An RFC 7946 Feature: a Point at [longitude, latitude], or no geometry when the place is unknown."""
    properties = acled_row(event, document)
    place = event.location
    geometry = {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]} if place else None
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def write_geojson(rows: Rows, out: IO[str]) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event, document in rows:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(geojson_feature(event, document), ensure_ascii=False, default=str))
        count += 1
    out.write("\n]}\n")
    return count


def parquet_schema() -> Any:
    pa = _pyarrow()
    kinds = {**dict.fromkeys(INT_COLUMNS, pa.int64()), **dict.fromkeys(FLOAT_COLUMNS, pa.float64()),
             **dict.fromkeys(DATE_COLUMNS, pa.date32())}
    return pa.schema([(name, kinds.get(name, pa.string())) for name in COLUMNS])


def write_parquet(rows: Rows, path: Path) -> int:
    pa, parquet = _pyarrow(), _pyarrow_parquet()
    schema = parquet_schema()
    count = 0
    with parquet.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for event, document in rows:
            batch.append(acled_row(event, document))
            count += 1
            if len(batch) == PAGE:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ConfigError("Parquet export needs pyarrow.", hint="pip install 'newsevents[parquet]'") from None
    return pyarrow


def _pyarrow_parquet() -> Any:
    _pyarrow()
    import pyarrow.parquet

    return pyarrow.parquet


# --- the entry point -------------------------------------------------------------------------------

TEXT_WRITERS: dict[str, Callable[[Rows, IO[str]], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson,
}


def export_events(store: Store, fmt: str, *, filters: EventFilters = EventFilters(), out: Path | None = None,
                  stdout: IO[str] | None = None) -> int:
    """Write the events matching ``filters`` as ``fmt`` to ``out`` (or ``stdout``); how many were written.

    A file is written beside its destination and moved into place at the end, so a failed export
    never leaves half a file behind."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}.", hint=f"Use one of: {', '.join(FORMATS)}.")
    rows = iter_events(store, filters)
    if fmt == "parquet":
        if out is None:
            raise ConfigError("Parquet is binary and is not written to the terminal.", hint="Give --out FILE.parquet.")
        with _replacing(out) as tmp:
            return write_parquet(rows, tmp)
    if out is None:
        if stdout is None:
            raise ConfigError("nowhere to write the export.", hint="Give --out FILE.")
        return TEXT_WRITERS[fmt](rows, stdout)
    with _replacing(out) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        return TEXT_WRITERS[fmt](rows, handle)


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block succeeds (removed when it fails)."""
    if not path.parent.is_dir():
        raise ConfigError(f"cannot write {path}: the folder {path.parent} does not exist.", hint="Create it first.")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
