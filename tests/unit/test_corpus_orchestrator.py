"""ingest_corpus: new documents stored with their events, duplicates skipped, every refusal recorded."""

from __future__ import annotations

import pytest
from store_samples import document, one_rally

from newsevents.corpus import MAX_FAILURES_IN_A_ROW, Tally, ingest_corpus
from newsevents.errors import ConfigError, InputError
from newsevents.model import Rejection
from newsevents.store import open_store


@pytest.fixture
def store():
    with open_store("sqlite://") as opened:
        yield opened


def test_new_documents_are_stored_with_their_events(store):
    docs = [document("a"), document("b"), document("c", "A quiet day in the town with no news at all to report here.")]
    tally = ingest_corpus(docs, store=store, process=one_rally)
    assert (tally.read, tally.new, tally.duplicate, tally.rejected, tally.events) == (3, 3, 0, 0, 2)
    assert (store.counts().documents, store.counts().events) == (3, 2)


def test_a_second_run_adds_nothing_and_never_calls_the_pipeline(store):
    docs = [document("a"), document("b")]
    ingest_corpus(docs, store=store, process=one_rally)
    calls = []

    def counting(doc):
        calls.append(doc.id)
        return one_rally(doc)

    tally = ingest_corpus(docs, store=store, process=counting)
    assert (tally.new, tally.duplicate, calls) == (0, 2, [])
    assert store.counts().documents == 2


def test_the_same_text_twice_in_one_run_is_stored_once(store):
    first = document("a")
    copy = document("a-copy", first.text)
    tally = ingest_corpus([first, copy], store=store, process=one_rally)
    assert (tally.new, tally.duplicate) == (1, 1)


def test_reader_rejections_are_stored_and_counted(store):
    items = [Rejection("empty.txt", "empty.txt: the input is empty.", "empty"), document("a")]
    tally = ingest_corpus(items, store=store, process=one_rally)
    assert (tally.read, tally.rejected, tally.new) == (2, 1, 1)
    assert [(r.source, r.code) for r in store.rejections()] == [("empty.txt", "empty")]


def test_a_document_the_pipeline_refuses_becomes_a_rejection(store):
    def refusing(doc):
        raise InputError(f"{doc.source}: the text is not English.", code="language")

    tally = ingest_corpus([document("a")], store=store, process=refusing)
    assert (tally.new, tally.rejected) == (0, 1)
    assert store.rejections()[0].code == "language" and store.rejections()[0].doc_id == "a"


def test_a_pipeline_crash_on_one_document_is_recorded_and_the_run_goes_on(store):
    def fragile(doc):
        if doc.id == "b":
            raise ValueError("offsets out of range")
        return one_rally(doc)

    tally = ingest_corpus([document("a"), document("b"), document("c")], store=store, process=fragile)
    assert (tally.new, tally.rejected) == (2, 1)
    rejection = store.rejections()[0]
    assert rejection.code == "pipeline-error" and "ValueError: offsets out of range" in rejection.reason
    assert not store.has_document(document("b"))  # tried again on the next run


def test_a_document_that_fails_once_and_then_succeeds_loses_its_stale_rejection(store):
    def failing(doc):
        raise ValueError("transient bug")

    ingest_corpus([document("a"), document("b")], store=store, process=failing)
    assert store.counts().rejections == 2
    ingest_corpus([document("a")], store=store, process=one_rally)
    assert [r.source for r in store.rejections()] == ["b.txt"]


def test_a_pipeline_failing_on_every_document_stops_the_run(store):
    def broken(doc):
        raise KeyError("gazetteer index missing")

    with pytest.raises(ConfigError, match=f"failed on {MAX_FAILURES_IN_A_ROW} documents in a row"):
        ingest_corpus((document(f"d{i}") for i in range(100)), store=store, process=broken)
    assert store.counts().rejections == MAX_FAILURES_IN_A_ROW


def test_a_pipeline_that_cannot_import_a_part_stops_at_once(store):
    def unimportable(doc):
        raise ImportError("cannot import name 'make_geoparser'")

    with pytest.raises(ConfigError, match="make_geoparser"):
        ingest_corpus([document("a"), document("b")], store=store, process=unimportable)
    assert store.counts().rejections == 0


def test_a_setup_error_stops_the_run(store):
    def unconfigured(doc):
        raise ConfigError("The spaCy model is not installed.")

    with pytest.raises(ConfigError):
        ingest_corpus([document("a")], store=store, process=unconfigured)


def test_another_text_under_a_stored_id_is_rejected_with_advice(store):
    ingest_corpus([document("a")], store=store, process=one_rally)
    other = document("a", "A different article that happens to carry the same id as the first one.")
    tally = ingest_corpus([other], store=store, process=one_rally)
    assert (tally.new, tally.rejected) == (0, 1)
    assert store.rejections()[0].code == "duplicate-id" and "unique id" in store.rejections()[0].reason


def test_limit_stops_after_that_many_items_and_progress_sees_each(store):
    seen: list[Tally] = []
    tally = ingest_corpus((document(f"d{i}") for i in range(10)), store=store, process=one_rally, limit=4,
                          on_progress=seen.append)
    assert tally.read == 4 and [t.read for t in seen] == [1, 2, 3, 4]
    assert tally.summary() == "read 4, new 4, duplicate 0, rejected 0, events 4"
