"""The ECB+ corpus (982 real articles, read at test time) ingested into SQLite and into PostgreSQL gives
the same counts, and ingesting it again adds nothing. The pipeline is the fake one of store_support:
this tests reading, deduplication and storage at corpus scale, not event extraction."""

from __future__ import annotations

import pytest
from store_support import ECBPLUS, database, fake_process, postgres_base_url

from newsevents.corpus import ingest_corpus
from newsevents.ingest import read_inputs
from newsevents.settings import Settings
from newsevents.store import open_store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not ECBPLUS.is_file(), reason=f"ECB+ data not found at {ECBPLUS}"),
]


def _ingest_twice(url: str) -> tuple[object, object, object]:
    with open_store(url) as store:
        first = ingest_corpus(read_inputs([str(ECBPLUS)], Settings()), store=store, process=fake_process)
        again = ingest_corpus(read_inputs([str(ECBPLUS)], Settings()), store=store, process=fake_process)
        assert list(store.integrity_check()) == []
        return first, again, store.counts()


def test_ecbplus_gives_the_same_counts_in_sqlite_and_postgresql_and_a_second_run_adds_nothing(tmp_path):
    if postgres_base_url() is None:
        pytest.skip("PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', user postgres or root)")
    with database("sqlite", tmp_path) as lite_url, database("postgresql", tmp_path) as pg_url:
        lite_first, lite_again, lite_counts = _ingest_twice(lite_url)
        pg_first, pg_again, pg_counts = _ingest_twice(pg_url)
    assert lite_counts == pg_counts
    assert lite_first.summary() == pg_first.summary()
    assert lite_first.new + lite_first.duplicate + lite_first.rejected == lite_first.read
    assert lite_counts.documents == lite_first.new > 900
    for again in (lite_again, pg_again):
        assert (again.new, again.events) == (0, 0) and again.duplicate == lite_first.new + lite_first.duplicate
