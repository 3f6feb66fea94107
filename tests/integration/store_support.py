"""Shared by the store, corpus and export tests: database URLs for each backend (a fresh SQLite file or a
fresh PostgreSQL schema per test), hand-built Results, a fake pipeline and a generated corpus.

Every text here is our own writing. Import the fixture into a test module to use it:
``from store_support import db_url  # noqa: F401`` and parametrise ``backend`` with ``BACKENDS``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest

from newsevents.model import (
    Actor,
    Attribution,
    Document,
    Event,
    Evidence,
    Place,
    PlaceMention,
    Plover,
    Result,
    TimeMention,
)

POSTGRES_CANDIDATES = (
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/test",
)
BACKENDS = ("sqlite", pytest.param("postgresql", marks=pytest.mark.postgres))
ECBPLUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "dev" / "ecbplus" / "ecbplus.jsonl"


# --- databases --------------------------------------------------------------------------------------

@cache
def postgres_base_url() -> str | None:
    """The first reachable PostgreSQL among $NEWSEVENTS_TEST_POSTGRES and the local defaults."""
    import psycopg

    env = os.environ.get("NEWSEVENTS_TEST_POSTGRES")
    for url in (env,) if env else POSTGRES_CANDIDATES:
        try:
            psycopg.connect(url, connect_timeout=3).close()
        except psycopg.Error:
            continue
        return url
    return None


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose search_path is a new, empty schema; the schema is dropped afterwards."""
    import psycopg

    base = postgres_base_url()
    if base is None:
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', user postgres or root); "
                    "set NEWSEVENTS_TEST_POSTGRES=postgresql://... to use another server")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@contextmanager
def database(backend: str, folder: Path) -> Iterator[str]:
    """A URL of an empty database of ``backend`` (``sqlite`` in ``folder``, or ``postgresql``)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'store-{uuid.uuid4().hex[:8]}.db'}"
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with database(backend, tmp_path) as url:
        yield url


# --- hand-built records ---------------------------------------------------------------------------

ALMATY = Place(name="Almaty", country="KZ", lat=43.25, lon=76.95, precision="town", feature="city",
               admin1="Almaty", geonames_id=1526384, population=2_000_000)
KAZAKHSTAN = Place(name="Kazakhstan", country="KZ", lat=48.0, lon=68.0, precision="country", feature="country")
LYON = Place(name="Lyon", country="FR", lat=45.76, lon=4.84, precision="town", feature="city",
             admin1="Auvergne-Rhone-Alpes", geonames_id=2996944, population=500_000)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_document(doc_id: str, text: str, **fields: object) -> Document:
    values: dict[str, object] = {"source": f"{doc_id}.txt", "content_hash": sha256(text)} | fields
    return Document(id=doc_id, text=text, **values)  # type: ignore[arg-type]


def make_event(doc_id: str, n: int, text: str, word: str, **fields: object) -> Event:
    start = text.index(word)
    values: dict[str, object] = {
        "event_type": "Protests", "sub_event_type": "Peaceful protest", "modality": "asserted",
        "confidence": 0.75, "evidence": (Evidence(start, start + len(word), word),),
    } | fields
    return Event(id=f"{doc_id}-e{n}", doc_id=doc_id, **values)  # type: ignore[arg-type]


def protest_result(doc_id: str = "doc-1", place: Place = ALMATY, day: dt.date = dt.date(2022, 1, 5)) -> Result:
    """A document about a protest with one fully filled event (every field set)."""
    text = (f"Hundreds of teachers marched through {place.name} on Wednesday to demand higher pay. "
            "Police detained 12 people near the city hall, a union spokesperson said. "
            f"Filed as {doc_id} on {day.isoformat()}.")
    document = make_document(doc_id, text, title="Teachers march for pay", site_name="Example Daily",
                             published=day, published_from="metadata", url=f"https://example.org/{doc_id}",
                             canonical_url=f"https://example.org/news/{doc_id}", language="en",
                             categories=("World", "Labour"), author="A. Writer", section="World")
    actors = (Actor("teachers", "actor1", "Protesters (Kazakhstan)", "Protesters", place.country, 12, 20),
              Actor("Police", "actor2", "Police Forces of Kazakhstan", "State forces", place.country, 92, 98),
              Actor("union", "assoc", "Teachers' Union", "Protesters", None))
    protest = make_event(doc_id, 1, text, "marched", location=place, date=day, date_precision="day",
                         actors=actors, participants=300, arrested=12, fatalities=0, injured=None,
                         plover=Plover("PROTEST", "demo"), attribution=Attribution("union spokesperson", "said"),
                         issue="pay", trigger=Evidence(text.index("marched"), text.index("marched") + 7, "marched"),
                         sub_event_type="Protest with intervention", confidence=0.9)
    arrests = make_event(doc_id, 2, text, "detained", event_type="Strategic developments",
                         sub_event_type="Arrests", location=place, date=day, date_precision="day",
                         actors=actors[1:2], arrested=12)
    at = text.index(place.name)
    return Result(
        document=document, events=(protest, arrests),
        places=(PlaceMention(at, at + len(place.name), place.name, place, 0.92),),
        times=(TimeMention(text.index("Wednesday"), text.index("Wednesday") + 9, "Wednesday", day.isoformat(),
                           "DATE", "day", day, day),),
    )


# --- a fake pipeline and a corpus of our own ---------------------------------------------------------

# keyword -> (event type, sub-event type); the fake pipeline codes one event per keyword found.
FAKE_RULES = {
    "rally": ("Protests", "Peaceful protest"),
    "clash": ("Battles", "Armed clash"),
    "detained": ("Strategic developments", "Arrests"),
}
FAKE_PLACES = {"Almaty": ALMATY, "Lyon": LYON}


def fake_process(document: Document) -> Result:
    """Events for the keywords of FAKE_RULES, placed at the first FAKE_PLACES name in the text."""
    place = next((p for name, p in FAKE_PLACES.items() if name in document.text), None)
    events = []
    for word, (etype, sub) in FAKE_RULES.items():
        match = re.search(rf"\b{word}\b", document.text)
        if match:
            events.append(Event(
                id=f"{document.id}-{word}", doc_id=document.id, event_type=etype, sub_event_type=sub,
                modality="asserted", confidence=0.6, location=place, date=document.published,
                date_precision="day" if document.published else "unknown",
                evidence=(Evidence(match.start(), match.end(), word),),
                actors=(Actor("residents", "actor1", "Protesters", "Protesters", place.country if place else None),),
            ))
    return Result(document=document, events=tuple(events))


def slow_fake_process(delay: float) -> Callable[[Document], Result]:
    """The fake pipeline taking ``delay`` seconds a document, like a real one (so a run can be caught midway)."""

    def process(document: Document) -> Result:
        time.sleep(delay)
        return fake_process(document)

    return process


def corpus_texts(n: int) -> list[str]:
    """``n`` distinct short news texts of our own, some with the fake pipeline's keywords."""
    cities = ("Almaty", "Lyon", "a river town")
    kinds = (
        "Several hundred residents joined a rally in {city} on day {i} against higher bus fares, organisers said.",
        "Police detained {i} people in {city} after a late-night gathering, officials reported on Monday.",
        "Local farmers in {city} discussed the harvest of season {i} at a market meeting without incident.",
        "Armed groups were reported to clash near {city} for the {i}th time, and a rally followed the next day.",
    )
    return [kinds[i % len(kinds)].format(city=cities[i % len(cities)], i=i) + f" Report number {i}."
            for i in range(n)]


def write_corpus(path: Path, n: int, duplicates: int = 0) -> Path:
    """A JSON Lines corpus of ``n`` documents plus ``duplicates`` repeats of earlier texts under new ids."""
    texts = corpus_texts(n)
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": f"gen-{i}", "text": text, "published": f"2022-01-0{1 + i % 9}"}) + "\n")
        for i in range(duplicates):
            out.write(json.dumps({"id": f"gen-copy-{i}", "text": texts[i * 7 % n]}) + "\n")
    return path


def expected_events(texts: list[str]) -> int:
    return sum(1 for text in texts for word in FAKE_RULES if re.search(rf"\b{word}\b", text))
