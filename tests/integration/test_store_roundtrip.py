"""Hypothesis: any Result (document, events, place and time mentions) comes back from each store unchanged."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_support import BACKENDS, database

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
from newsevents.store import open_store
from newsevents.taxonomy import ACTOR_CATEGORIES, SUB_TO_TYPE

# NUL is stored as U+FFFD (PostgreSQL has no NUL in text; see the contract test); surrogates are not text.
chars = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))
texts = st.text(chars, max_size=40)
maybe = st.none().__or__
ints32 = st.integers(0, 2**31 - 1)
offsets = st.integers(0, 10**7)
dates = st.dates()
unit = st.floats(0, 1, allow_nan=False)

evidence = st.builds(Evidence, start=offsets, end=offsets, text=texts)
places = st.builds(
    Place, name=texts, country=st.text(chars, min_size=2, max_size=2),
    lat=st.floats(-90, 90, allow_nan=False), lon=st.floats(-180, 180, allow_nan=False),
    precision=st.sampled_from(["town", "admin1", "country"]), feature=st.sampled_from(["city", "admin1", "country"]),
    admin1=maybe(texts), geonames_id=maybe(st.integers(1, 2**53)), population=st.integers(0, 2**53),
)
actors = st.builds(Actor, text=texts, role=st.sampled_from(["actor1", "actor2", "assoc"]), name=texts,
                   category=st.sampled_from(ACTOR_CATEGORIES), country=maybe(texts),
                   start=maybe(offsets), end=maybe(offsets))
times = st.builds(TimeMention, start=offsets, end=offsets, text=texts, value=texts,
                  type=st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
                  precision=st.sampled_from(["day", "week", "month", "year", "unknown"]),
                  window_start=maybe(dates), window_end=maybe(dates))
mentions = st.builds(PlaceMention, start=offsets, end=offsets, text=texts, place=places, confidence=unit)


@st.composite
def events(draw: st.DrawFn, doc_id: str, n: int) -> Event:
    sub = draw(st.sampled_from(sorted(SUB_TO_TYPE)))
    return Event(
        id=f"{doc_id}-e{n}", doc_id=doc_id, event_type=SUB_TO_TYPE[sub], sub_event_type=sub,
        modality=draw(st.sampled_from(["asserted", "attempted", "planned", "hypothetical", "negated"])),
        evidence=tuple(draw(st.lists(evidence, max_size=3))), confidence=draw(unit),
        status=draw(maybe(st.sampled_from(["disrupted", "restricted", "restored"]))),
        plover=draw(maybe(st.builds(Plover, type=texts, mode=maybe(texts)))),
        date=draw(maybe(dates)), date_end=draw(maybe(dates)),
        date_precision=draw(st.sampled_from(["day", "week", "month", "year", "unknown"])),
        location=draw(maybe(places)), actors=tuple(draw(st.lists(actors, max_size=3))),
        fatalities=draw(maybe(ints32)), injured=draw(maybe(ints32)), arrested=draw(maybe(ints32)),
        participants=draw(maybe(ints32)), attribution=draw(maybe(st.builds(Attribution, source=texts, text=texts))),
        issue=draw(maybe(texts)), trigger=draw(maybe(evidence)),
    )


@st.composite
def results(draw: st.DrawFn) -> Result:
    """A Result with a unique id, text and URL (so examples never count as duplicates of each other)."""
    unique = uuid.uuid4().hex
    doc_id = draw(texts) + unique
    url, canonical = draw(maybe(texts)), draw(maybe(texts))
    document = Document(
        id=doc_id, text=draw(st.text(chars, max_size=300)) + unique, source=draw(texts),
        title=draw(maybe(texts)), site_name=draw(maybe(texts)), section=draw(maybe(texts)),
        categories=tuple(draw(st.lists(texts, max_size=3))), author=draw(maybe(texts)),
        published=draw(maybe(dates)),
        published_from=draw(st.sampled_from(["metadata", "option", "input", "text", None])),
        url=None if url is None else url + unique, canonical_url=None if canonical is None else canonical + unique,
        language=draw(maybe(texts)), content_hash=draw(st.just("") | st.just(unique)),
    )
    count = draw(st.integers(0, 3))
    return Result(document=document, events=tuple(draw(events(doc_id, n)) for n in range(count)),
                  places=tuple(draw(st.lists(mentions, max_size=3))), times=tuple(draw(st.lists(times, max_size=3))))


def stored_form(result: Result) -> Result:
    """What the store gives back: the content hash is filled in when the document came without one."""
    if result.document.content_hash:
        return result
    from newsevents.store.codec import sha256

    return dataclasses.replace(result, document=dataclasses.replace(result.document,
                                                                   content_hash=sha256(result.document.text)))


@pytest.mark.parametrize("backend", BACKENDS)
def test_any_result_comes_back_unchanged(backend, tmp_path):
    with database(backend, tmp_path) as url, open_store(url) as store:

        @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(result=results())
        def check(result: Result) -> None:
            assert store.add_document(result) == "added"
            back = store.result(result.document.id)
            assert back == stored_form(result)
            assert [e.trigger for e in back.events] == [e.trigger for e in result.events]  # not in ==

        check()
