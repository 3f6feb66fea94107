"""The store methods the web app added (users, API tokens, one event, more filters), on every backend."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from store_support import ALMATY, BACKENDS, LYON, db_url, protest_result  # noqa: F401 - db_url is a fixture

from newsevents.errors import DataError
from newsevents.store import EventFilters, UserRecord, open_store

pytestmark = pytest.mark.parametrize("backend", BACKENDS)


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        yield opened


def test_users_are_saved_replaced_and_looked_up(store):
    assert store.user("ana") is None
    saved = store.save_user(UserRecord("ana", "hash-1", "analyst"))
    assert saved.created_at is not None and saved.password_hash == "hash-1"
    store.save_user(UserRecord("ana", "hash-2", "admin"))
    assert (store.user("ana").password_hash, store.user("ana").role) == ("hash-2", "admin")


def test_tokens_name_their_user_and_need_a_stored_one(store):
    store.save_user(UserRecord("ben", "h", "analyst"))
    store.add_token("a" * 64, "ben", "script")
    assert store.token_user("a" * 64) == "ben" and store.token_user("b" * 64) is None
    with pytest.raises(DataError, match="no such user"):
        store.add_token("c" * 64, "nobody")


def test_one_event_by_id_and_the_new_filters(store):
    store.add_document(protest_result("doc-a", ALMATY, dt.date(2022, 1, 5)))
    store.add_document(protest_result("doc-b", LYON, dt.date(2022, 1, 6)))
    event = store.event("doc-a-e1")
    assert event is not None and event.location.name == "Almaty" and store.event("missing") is None
    ids = lambda **f: {e.id for e in store.events(EventFilters(**f)).items}  # noqa: E731
    assert ids(places=("Lyon",)) == {"doc-b-e1", "doc-b-e2"}
    assert ids(actors=("Teachers' Union",)) == {"doc-a-e1", "doc-b-e1"}
    assert ids(modalities=("negated",)) == set()
    assert ids(sources=("Example Daily",), places=("Almaty",)) == {"doc-a-e1", "doc-a-e2"}
    assert dataclasses.fields(EventFilters)  # the new fields have defaults: old callers unchanged
