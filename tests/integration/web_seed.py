"""A store built with the real pipeline from the seed article and a slice of ECB+ (read at test time)."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from newsevents.corpus import ingest_corpus
from newsevents.ingest import read_inputs
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings
from newsevents.store import open_store
from newsevents.merge.corpus import merge_store

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
SEED_HTML = DATA / "seed" / "csto-peacekeepers-kazakhstan.html"
SEED_EXPECTED = DATA / "seed" / "csto-peacekeepers-kazakhstan.expected.json"
ECBPLUS = DATA / "dev" / "ecbplus" / "ecbplus.jsonl"
ECB_SLICE = 40  # ECB+ articles beside the seed in the browser tests' store (the first 40 of 982)


def need_data() -> None:
    for path in (SEED_HTML, ECBPLUS):
        if not path.exists():
            pytest.skip(f"{path} is absent: the shared data folder (../shared/data) is needed")


def build_seed_store(url: str, *, ecb_articles: int = 0) -> None:
    need_data()
    settings = Settings()
    pipeline = Pipeline(settings)
    with open_store(url) as store:
        ingest_corpus(read_inputs([str(SEED_HTML)], settings), store=store, process=pipeline.process)
        if ecb_articles:
            items = islice(read_inputs([str(ECBPLUS)], settings), ecb_articles)
            ingest_corpus(items, store=store, process=pipeline.process)
        merge_store(store)


def expected_required() -> list[dict]:
    return json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["required"]
