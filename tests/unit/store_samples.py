"""Small hand-built records for the store, corpus and export unit tests (our own texts)."""

from __future__ import annotations

import datetime as dt
import hashlib

from newsevents.model import Actor, Document, Event, Evidence, Place, Result

ALMATY = Place(name="Almaty", country="KZ", lat=43.25, lon=76.95, precision="town", feature="city",
               admin1="Almaty", geonames_id=1526384)


def document(doc_id: str, text: str | None = None, **fields: object) -> Document:
    text = text or f"Workers at the {doc_id} plant held a rally outside the gates on Monday morning to ask for pay."
    values: dict[str, object] = {"source": f"{doc_id}.txt", "content_hash": hashlib.sha256(text.encode()).hexdigest()}
    return Document(id=doc_id, text=text, **(values | fields))  # type: ignore[arg-type]


def rally(doc: Document, n: int = 1, **fields: object) -> Event:
    """A peaceful protest event on the word "rally" of ``doc``."""
    start = doc.text.index("rally")
    values: dict[str, object] = {
        "event_type": "Protests", "sub_event_type": "Peaceful protest", "modality": "asserted",
        "confidence": 0.8, "evidence": (Evidence(start, start + 5, "rally"),), "location": ALMATY,
        "date": dt.date(2022, 1, 10), "date_precision": "day",
        "actors": (Actor("Workers", "actor1", "Protesters (Kazakhstan)", "Protesters", "KZ"),),
    } | fields
    return Event(id=f"{doc.id}-e{n}", doc_id=doc.id, **values)  # type: ignore[arg-type]


def one_rally(doc: Document) -> Result:
    """A stand-in pipeline: one rally event for any document that mentions a rally."""
    return Result(doc, (rally(doc),) if "rally" in doc.text else ())
