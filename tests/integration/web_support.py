"""Shared by the web tests: a small store of our own articles, an app over it, a logged-in client."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from store_support import ALMATY, LYON, make_event, protest_result

from newsevents.model import Evidence, Result
from newsevents.settings import Settings
from newsevents.store import open_store
from newsevents.web import WebSettings, create_app
from newsevents.web.auth import add_user
from newsevents.merge.corpus import merge_store

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def outage_result(doc_id: str, day: dt.date) -> Result:
    """A text of our own about a mobile internet cut, with one Disruptions event."""
    text = (f"Mobile internet was cut across Almaty on {day:%A}, residents said, and banks closed their branches. "
            f"Written for the tests as {doc_id}.")
    event = make_event(doc_id, 1, text, "cut", event_type="Disruptions", sub_event_type="Internet and telecom",
                       status="disrupted", location=ALMATY, date=day, date_precision="day",
                       trigger=Evidence(text.index("cut"), text.index("cut") + 3, "cut"))
    return Result(document=dataclasses.replace(result_doc(text, doc_id, day)), events=(event,))


def result_doc(text: str, doc_id: str, day: dt.date):
    from store_support import make_document

    return make_document(doc_id, text, title="Internet cut in the city", site_name="Wire Service", published=day,
                         url=f"https://wire.example/{doc_id}", language="en")


def fill_store(url: str) -> None:
    with open_store(url) as store:
        for i in range(6):
            place = ALMATY if i % 2 == 0 else LYON
            store.add_document(protest_result(f"doc-{i}", place, dt.date(2022, 1, 3 + i)))
        store.add_document(outage_result("outage-1", dt.date(2022, 1, 5)))
        add_user(store, "ana", PASSWORD, "analyst")
        add_user(store, "root", PASSWORD, "admin")
        merge_store(store)


@pytest.fixture
def web_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'web.db'}"
    fill_store(url)
    return url


@pytest.fixture
def client(web_db: str) -> Iterator[TestClient]:
    with open_store(web_db) as store:
        app = create_app(Settings(), store, web=WebSettings(secret_key="test-secret", cache_check_s=0.0))
        with TestClient(app) as test_client:
            yield test_client


def csrf_of(client: TestClient, path: str = "/login") -> str:
    match = CSRF.search(client.get(path).text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def log_in(client: TestClient, user: str = "ana", password: str = PASSWORD) -> str:
    """Log in through the form; the CSRF token for later writes."""
    token = csrf_of(client)
    response = client.post("/login", data={"username": user, "password": password, "csrf_token": token,
                                           "next": "/"}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return csrf_of(client, "/")
