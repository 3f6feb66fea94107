"""Cursor pagination over 10,000 generated events: every event exactly once, in order, pages bounded."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from store_support import ALMATY, LYON, make_document, make_event

from newsevents.model import Result
from newsevents.settings import Settings
from newsevents.store import open_store
from newsevents.web import WebSettings, create_app

DOCS, PER_DOC = 100, 100  # 10,000 events


def generated_store(url: str) -> None:
    with open_store(url) as store:
        for d in range(DOCS):
            words = " ".join(f"clash{n}" for n in range(PER_DOC))
            text = f"Report {d} of our own generated corpus: {words}."
            document = make_document(f"gen-{d:03d}", text, published=dt.date(2021, 1, 1) + dt.timedelta(days=d))
            events = tuple(make_event(document.id, n + 1, text, f"clash{n}", location=ALMATY if n % 2 else LYON,
                                      date=document.published, date_precision="day") for n in range(PER_DOC))
            assert store.add_document(Result(document, events)) == "added"


@pytest.mark.slow
def test_ten_thousand_events_page_through_the_api(tmp_path):
    url = f"sqlite:///{tmp_path / 'big.db'}"
    generated_store(url)
    with open_store(url) as store:
        client = TestClient(create_app(Settings(), store, web=WebSettings(cache_check_s=60)))
        seen: list[str] = []
        cursor = None
        pages = 0
        while True:
            params = {"limit": 1000} | ({"cursor": cursor} if cursor else {})
            body = client.get("/api/events", params=params).json()
            assert len(body["items"]) <= 1000
            seen += [e["id"] for e in body["items"]]
            pages += 1
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert len(seen) == len(set(seen)) == DOCS * PER_DOC and pages == 10
        french = client.get("/api/events", params={"country": "FR", "limit": 1000}).json()
        assert len(french["items"]) == 1000 and french["next_cursor"]
        assert client.get("/api/events", params={"limit": 1001}).status_code == 422
