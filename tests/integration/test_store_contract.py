"""The Store contract: one suite, run against SQLite and against the local PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_support import (  # noqa: F401 - db_url is a fixture
    ALMATY,
    BACKENDS,
    LYON,
    db_url,
    make_document,
    make_event,
    protest_result,
)

from newsevents.errors import ConfigError, DataError
from newsevents.model import Actor, Rejection, Result
from newsevents.store import EventFilters, IncidentRecord, NearDuplicate, Review, open_store

pytestmark = pytest.mark.parametrize("backend", BACKENDS)


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        yield opened


def _several(store, n: int) -> list[Result]:
    """``n`` protest documents on consecutive days, alternating Almaty and Lyon."""
    results = [protest_result(f"doc-{i}", ALMATY if i % 2 == 0 else LYON, dt.date(2022, 1, 1 + i)) for i in range(n)]
    for result in results:
        assert store.add_document(result) == "added"
    return results


def test_a_result_comes_back_as_it_was_added(store):
    result = protest_result()
    assert store.add_document(result) == "added"
    assert store.result("doc-1") == result
    assert store.document("doc-1") == result.document
    assert store.result("doc-1").events[0].trigger == result.events[0].trigger
    assert store.result("missing") is None


def test_adding_the_same_document_twice_stores_it_once(store):
    result = protest_result()
    assert store.add_document(result) == "added"
    assert store.add_document(result) == "duplicate"
    assert store.has_document(result.document)
    assert (store.counts().documents, store.counts().events) == (1, 2)


def test_the_same_text_or_the_same_url_under_another_id_is_a_duplicate(store):
    result = protest_result()
    store.add_document(result)
    same_text = dataclasses.replace(result.document, id="other", url=None, canonical_url=None)
    same_url = make_document("other-2", "A different text about something else entirely, long enough.",
                             url="https://elsewhere.example/x", canonical_url=result.document.canonical_url)
    assert store.has_document(same_text) and store.has_document(same_url)
    assert store.add_document(Result(same_text)) == "duplicate"
    assert store.add_document(Result(same_url)) == "duplicate"
    fresh = make_document("fresh", "Nothing in common with the stored one, and no URL either.")
    assert not store.has_document(fresh)


def test_another_document_under_a_stored_id_is_refused_as_id_taken(store):
    store.add_document(protest_result("doc-1"))
    clash = make_document("doc-1", "A text that differs from the stored document of the same id.")
    assert not store.has_document(clash)
    assert store.add_document(Result(clash)) == "id-taken"
    assert store.counts().documents == 1


def test_event_ids_clashing_with_another_document_raise_and_store_nothing(store):
    store.add_document(protest_result("doc-1"))
    text = "Another text that reports a rally, not the same text as the first document."
    document = make_document("doc-2", text)
    clash = dataclasses.replace(make_event("doc-2", 1, text, "rally"), id="doc-1-e1")
    with pytest.raises(DataError, match="doc-1-e1"):
        store.add_document(Result(document, (clash,)))
    assert store.document("doc-2") is None and store.counts().events == 2


def test_an_event_naming_another_document_is_a_data_error(store):
    text = "A rally of neighbours took place in the park beside the old railway station."
    stray = make_event("elsewhere", 1, text, "rally")
    with pytest.raises(DataError, match="doc_id"):
        store.add_document(Result(make_document("doc-9", text), (stray,)))
    assert store.counts().documents == 0


def test_events_are_filtered_by_date_country_type_and_confidence(store):
    _several(store, 6)

    def ids(**filters):
        return sorted(e.id for e in store.events(EventFilters(**filters), limit=100).items)

    assert len(ids()) == 12
    assert ids(since=dt.date(2022, 1, 5)) == ["doc-4-e1", "doc-4-e2", "doc-5-e1", "doc-5-e2"]
    assert ids(until=dt.date(2022, 1, 1)) == ["doc-0-e1", "doc-0-e2"]
    assert ids(countries=("FR",)) == ["doc-1-e1", "doc-1-e2", "doc-3-e1", "doc-3-e2", "doc-5-e1", "doc-5-e2"]
    assert ids(sub_event_types=("Arrests",), countries=("KZ",)) == ["doc-0-e2", "doc-2-e2", "doc-4-e2"]
    assert len(ids(event_types=("Protests",))) == 6
    assert ids(min_confidence=0.8, doc_id="doc-3") == ["doc-3-e1"]
    assert ids(event_types=("Riots",)) == []


def test_event_pages_cover_every_event_once_in_order(store):
    _several(store, 5)
    seen, cursor = [], None
    while True:
        page = store.events(cursor=cursor, limit=3)
        assert len(page.items) <= 3
        seen.extend(e.id for e in page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == [f"doc-{i}-e{n}" for i in range(5) for n in (1, 2)]


def test_a_cursor_not_from_the_store_is_a_config_error(store):
    with pytest.raises(ConfigError, match="cursor"):
        store.events(cursor="not-a-cursor")


def test_documents_are_listed_in_ingestion_order_and_fetched_by_id(store):
    results = _several(store, 3)
    first = store.documents(limit=2)
    second = store.documents(cursor=first.next_cursor, limit=2)
    assert [d.id for d in first.items + second.items] == ["doc-0", "doc-1", "doc-2"]
    assert second.next_cursor is None
    assert store.documents_by_id(["doc-2", "doc-0", "nope"]) == {"doc-2": results[2].document,
                                                                  "doc-0": results[0].document}


def test_search_finds_title_and_text_words_best_first(store):
    _several(store, 2)
    other = make_document("farm", "Farmers in the valley sold apples at the autumn market; teachers bought many.",
                          title="Apple market")
    store.add_document(Result(other))
    assert {h.doc_id for h in store.search("teachers city hall")} == {"doc-0", "doc-1"}
    assert [h.doc_id for h in store.search("apple")] == ["farm"]  # stemmed: apples, Apple
    hits = store.search("Lyon union")
    assert [h.doc_id for h in hits] == ["doc-1"] and "[" in hits[0].snippet
    assert store.search("teachers apples")[0].doc_id == "farm"
    assert [h.doc_id for h in store.search('apples" (market*')] == ["farm"]  # query syntax is taken as words
    assert store.search('" ( * :') == [] and store.search("   ") == []


def test_counts_cover_every_table(store):
    _several(store, 2)
    store.add_rejection(Rejection("bad.bin", "binary file", "binary"))
    counts = store.counts()
    assert (counts.documents, counts.events, counts.rejections) == (2, 4, 1)
    assert counts.places == 2  # Almaty and Lyon, each stored once
    assert counts.actors == 5  # Protesters and Police for each country, and the union
    assert (counts.incidents, counts.near_duplicates, counts.reviews) == (0, 0, 0)


def test_actors_are_stored_once_under_a_normalised_name(store):
    text = "A rally of several dozen people took place and then a second rally began later."
    spaced = Actor("people", "actor1", "  Protesters   (Kazakhstan) ", "Protesters", "KZ")
    store.add_document(protest_result("doc-1"))
    store.add_document(Result(make_document("doc-2", text), (make_event("doc-2", 1, text, "rally", actors=(spaced,)),)))
    assert store.counts().actors == 3
    assert store.result("doc-2").events[0].actors == (spaced,)  # as recorded, spaces and all


def test_rejections_are_kept_once_per_source_and_code_newest_first(store):
    assert store.add_rejection(Rejection("a.html", "no article found", "no-article"))
    assert not store.add_rejection(Rejection("a.html", "no article found (again)", "no-article"))
    assert store.add_rejection(Rejection("b.txt", "too short", "too-short", doc_id="b"))
    listed = store.rejections()
    assert [(r.source, r.code, r.doc_id) for r in listed] == [("b.txt", "too-short", "b"),
                                                              ("a.html", "no-article", None)]
    assert listed[0].created_at.tzinfo is not None
    assert len(store.rejections(limit=1)) == 1


def test_incidents_are_saved_replaced_and_listed(store):
    _several(store, 3)
    store.save_incidents([IncidentRecord("inc-1", ("doc-0-e1", "doc-2-e1"), "teachers march", {"day": "2022-01-01"}),
                          IncidentRecord("inc-2", ("doc-1-e2",))])
    store.save_incidents([IncidentRecord("inc-1", ("doc-0-e1",), "teachers march (one)")])
    found = {i.id: i for i in store.incidents()}
    assert found["inc-1"] == IncidentRecord("inc-1", ("doc-0-e1",), "teachers march (one)", {})
    assert found["inc-2"].event_ids == ("doc-1-e2",)
    assert store.save_incidents([IncidentRecord("inc-3", ("doc-2-e2",))], replace_all=True) == 1
    assert [i.id for i in store.incidents()] == ["inc-3"] and store.counts().incidents == 1
    with pytest.raises(DataError, match="not in the store"):
        store.save_incidents([IncidentRecord("inc-4", ("no-such-event",))])


def test_near_duplicate_links_are_recorded_once_per_document(store):
    _several(store, 3)
    store.link_near_duplicate(NearDuplicate("doc-1", "doc-0", 0.71, "minhash"))
    store.link_near_duplicate(NearDuplicate("doc-1", "doc-2", 0.93, "minhash"))
    assert store.near_duplicates() == [NearDuplicate("doc-1", "doc-2", 0.93, "minhash")]
    with pytest.raises(DataError, match="both documents"):
        store.link_near_duplicate(NearDuplicate("doc-1", "missing", 0.9, "minhash"))


def test_reviews_are_added_and_listed_per_event(store):
    _several(store, 1)
    first = store.add_review(Review("doc-0-e1", "ana", "confirm"))
    store.add_review(Review("doc-0-e2", "ben", "correct", {"arrested": 10}, "the text says ten"))
    assert first.id is not None and first.created_at is not None
    listed = store.reviews("doc-0-e2")
    assert [(r.user, r.action, dict(r.changes), r.comment) for r in listed] == [
        ("ben", "correct", {"arrested": 10}, "the text says ten")]
    assert len(store.reviews()) == 2
    with pytest.raises(DataError, match="unknown"):
        store.add_review(Review("doc-0-e1", "ana", "approve"))  # type: ignore[arg-type]
    with pytest.raises(DataError, match="no such event"):
        store.add_review(Review("missing", "ana", "reject"))


def test_nul_characters_are_stored_as_replacement_characters_on_every_backend(store):
    text = "A rally\x00 of people walked through the square and then went home quietly afterwards."
    document = make_document("nul", text, title="T\x00")
    store.add_document(Result(document, (make_event("nul", 1, text, "rally\x00"),)))
    stored = store.result("nul")
    assert stored.document.text == text.replace("\x00", "\ufffd") and stored.document.title == "T\ufffd"
    assert stored.events[0].evidence[0].text == "rally\ufffd"


def test_a_store_opened_again_sees_what_was_stored(db_url, store):
    store.add_document(protest_result())
    with open_store(db_url) as again:
        assert again.result("doc-1") == protest_result()
        assert again.add_document(protest_result()) == "duplicate"


def test_a_fresh_store_passes_its_integrity_check(store):
    _several(store, 2)
    assert list(store.integrity_check()) == []
