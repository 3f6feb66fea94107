"""An ingest killed with SIGKILL midway resumes on the next run: every document stored once, with all
its events, and the database intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from store_support import BACKENDS, corpus_texts, db_url, expected_events, fake_process, write_corpus  # noqa: F401

from newsevents.store import open_store

WORKER = Path(__file__).with_name("corpus_worker.py")
DOCUMENTS, COPIES = 300, 20
KILL_AFTER = 60  # documents stored before the kill
WAIT_LIMIT_S = 120  # a worker that never gets there has hung: fail instead of waiting for ever


def _ingest(corpus: Path, url: str, delay: float) -> subprocess.Popen:
    env = os.environ | {"NEWSEVENTS_TEST_DELAY": str(delay)}
    return subprocess.Popen([sys.executable, str(WORKER), "ingest", str(corpus), "--db", url],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_midway(worker: subprocess.Popen, url: str) -> int:
    with open_store(url) as store:
        started = time.monotonic()
        while (stored := store.counts().documents) < KILL_AFTER:
            assert worker.poll() is None, f"the ingest ended before it could be killed: {worker.stderr.read()}"
            assert time.monotonic() - started < WAIT_LIMIT_S, "the ingest made no progress"
            time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    return stored


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_killed_ingest_resumes_and_stores_every_document_exactly_once(backend, db_url, tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", DOCUMENTS, duplicates=COPIES)
    worker = _ingest(corpus, db_url, delay=0.01)
    stored_at_kill = _kill_midway(worker, db_url)
    assert worker.returncode == -signal.SIGKILL
    assert KILL_AFTER <= stored_at_kill < DOCUMENTS

    resumed = _ingest(corpus, db_url, delay=0.0)
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr
    assert f"read {DOCUMENTS + COPIES}," in stderr and "rejected 0" in stderr

    with open_store(db_url) as store:
        counts = store.counts()
        documents = [d for page in _pages(store) for d in page]
        events_per_doc = Counter(e.doc_id for e in store.events(limit=10_000).items)
        problems = store.integrity_check()
    ids = [d.id for d in documents]
    assert sorted(ids) == sorted(f"gen-{i}" for i in range(DOCUMENTS))  # each once, no copy stored
    assert counts.documents == DOCUMENTS and counts.events == expected_events(corpus_texts(DOCUMENTS))
    assert all(events_per_doc[d.id] == len(fake_process(d).events) for d in documents)  # no half-stored document
    assert problems == []


def _pages(store):
    cursor = None
    while True:
        page = store.documents(cursor=cursor, limit=100)
        yield page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_ingests_of_one_corpus_at_once_into_a_new_database_store_each_document_once(backend, db_url, tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 100, duplicates=10)
    workers = [_ingest(corpus, db_url, delay=0.002) for _ in range(2)]
    outputs = [worker.communicate(timeout=300)[1] for worker in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    with open_store(db_url) as store:
        counts, problems = store.counts(), store.integrity_check()
    assert counts.documents == 100 and counts.events == expected_events(corpus_texts(100))
    assert counts.rejections == 0 and problems == []
