"""Writing results: JSON Lines (one event a line), JSON (documents, events, rejections), CSV with
ACLED's column names where ACLED has the column, and a rich table for people."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from newsevents.model import Document, Event, Rejection, Result

FORMATS = ("jsonl", "json", "csv", "table")

# ACLED's interaction codes for actor categories (ACLED codebook, "inter1"/"inter2").
INTER_CODES = {
    "State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
    "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8,
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
GEO_PRECISION = {"town": 1, "admin1": 3, "country": 3}
CSV_COLUMNS = (
    # ACLED's names
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
    # ours
    "event_date_end", "date_precision", "status", "modality", "confidence", "attribution", "issue",
    "injured", "arrested", "participants", "plover_type", "plover_mode", "geonames_id", "evidence",
    "evidence_start", "evidence_end", "doc_id", "url",
)


def _actors(event: Event, role: str) -> list[str]:
    return [a.name for a in event.actors if a.role == role]


def _inter(event: Event, role: str) -> int | str:
    categories = [a.category for a in event.actors if a.role == role]
    return INTER_CODES.get(categories[0], "") if categories else (0 if role == "actor2" else "")


def acled_row(event: Event, document: Document | None = None) -> dict[str, Any]:
    """One event as a CSV row: ACLED's columns first, then ours."""
    place = event.location
    inter1, inter2 = _inter(event, "actor1"), _inter(event, "actor2")
    actor1, actor2 = _actors(event, "actor1"), _actors(event, "actor2")
    return {
        "event_id_cnty": event.id, "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "", "time_precision": TIME_PRECISION[event.date_precision],
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": actor1[0] if actor1 else "", "assoc_actor_1": "; ".join(_actors(event, "assoc")),
        "inter1": inter1, "actor2": actor2[0] if actor2 else "", "assoc_actor_2": "", "inter2": inter2,
        "interaction": f"{inter1}{inter2}" if inter1 != "" else "",
        "civilian_targeting": "Civilian targeting" if any(
            a.category == "Civilians" and a.role == "actor2" for a in event.actors) else "",
        "iso": place.country if place else "", "country": _country_name(place.country) if place else "",
        "admin1": (place.admin1 or "") if place else "", "location": place.name if place else "",
        "latitude": place.lat if place else "", "longitude": place.lon if place else "",
        "geo_precision": GEO_PRECISION[place.precision] if place else "",
        "source": (document.site_name or document.url or document.source) if document else "",
        "notes": event.evidence[0].text if event.evidence else "", "fatalities": event.fatalities or 0,
        "event_date_end": event.date_end.isoformat() if event.date_end else "",
        "date_precision": event.date_precision, "status": event.status or "", "modality": event.modality,
        "confidence": round(event.confidence, 3),
        "attribution": event.attribution.source if event.attribution else "", "issue": event.issue or "",
        "injured": _blank(event.injured), "arrested": _blank(event.arrested),
        "participants": _blank(event.participants),
        "plover_type": event.plover.type if event.plover else "", "plover_mode": (event.plover.mode or "") if event.plover else "",
        "geonames_id": _blank(place.geonames_id) if place else "",
        "evidence": " | ".join(e.text for e in event.evidence),
        "evidence_start": event.evidence[0].start if event.evidence else "",
        "evidence_end": event.evidence[0].end if event.evidence else "",
        "doc_id": event.doc_id, "url": (document.canonical_url or document.url or "") if document else "",
    }


def _blank(value: object) -> object:
    return "" if value is None else value


def _country_name(code: str) -> str:
    from newsevents.events.actors import country_name

    return country_name(code)


def write_jsonl(results: Iterable[Result], out: IO[str]) -> None:
    for result in results:
        for event in result.events:
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        out.flush()


def write_csv(results: Iterable[Result], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for result in results:
        for event in result.events:
            writer.writerow(acled_row(event, result.document))


def write_json(results: Sequence[Result], rejections: Sequence[Rejection], out: IO[str]) -> None:
    payload = {
        "documents": [r.document.to_dict() for r in results],
        "events": [e.to_dict() for r in results for e in r.events],
        "rejections": [r.to_dict() for r in rejections],
    }
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_table(results: Iterable[Result], console: Console, *, evidence_text: bool = True) -> None:
    """One table per document. Without ``evidence_text`` the evidence column gives character offsets
    only (for sharing a coding without quoting the article)."""
    for result in results:
        doc = result.document
        table = Table(title=f"{doc.title or doc.id}  ({doc.published or 'date unknown'}"
                            f"{', inferred from text' if doc.published_from == 'text' else ''})",
                      show_lines=True, expand=True)
        for column in ("type / sub-type", "date", "place", "actors", "modality", "evidence"):
            table.add_column(column, overflow="fold")
        for e in result.events:
            when = f"{e.date}..{e.date_end}" if e.date_end else str(e.date or "?")
            table.add_row(
                f"{e.event_type}\n{e.sub_event_type}" + (f" [{e.status}]" if e.status else ""),
                f"{when}\n({e.date_precision})",
                f"{e.location.name}, {e.location.country}\n({e.location.precision})" if e.location else "?",
                "\n".join(f"{a.role}: {a.name}" for a in e.actors),
                e.modality + (f"\nper {e.attribution.source}" if e.attribution else ""),
                (e.evidence[0].text if evidence_text else f"chars {e.evidence[0].start}-{e.evidence[0].end}")
                if e.evidence else "",
            )
        console.print(table)
