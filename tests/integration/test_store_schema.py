"""The migrations build what ``schema.py`` describes, with each backend's full-text search beside it."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from store_support import BACKENDS, db_url  # noqa: F401 - db_url is a fixture

from newsevents.store import open_store
from newsevents.store.connect import MIGRATIONS, migrate
from newsevents.store.schema import metadata

pytestmark = pytest.mark.parametrize("backend", BACKENDS)

BACKEND_ONLY = {"documents_fts", "documents_fts_data", "documents_fts_idx", "documents_fts_docsize",
                "documents_fts_config", "documents_fts_content", "alembic_version"}


def _ours(obj, name, type_, reflected, compare_to) -> bool:
    """Leave out what only one backend has: the FTS5 tables and the tsvector column with its index."""
    if type_ == "table" and name in BACKEND_ONLY:
        return False
    return not (name in ("search", "ix_documents_search") and type_ in ("column", "index"))


def test_the_migrated_database_matches_the_schema(db_url):
    with open_store(db_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _ours, "compare_type": True})
        assert compare_metadata(context, metadata) == []
        assert context.get_current_revision() is not None


def test_each_backend_has_its_full_text_index_and_sqlite_runs_in_wal_mode(db_url, backend):
    with open_store(db_url) as store, store.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        assert {"documents", "events", "actors", "event_actors", "places", "incidents", "incident_events",
                "near_duplicates", "rejections", "reviews"} <= names
        if backend == "sqlite":
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert "documents_fts" in names
        else:
            columns = {c["name"]: c for c in inspect(conn).get_columns("documents")}
            assert str(columns["search"]["type"]) == "TSVECTOR"
            method = conn.execute(text("SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam "
                                       "WHERE c.relname = 'ix_documents_search'")).scalar()
            assert method == "gin"


def test_opening_again_leaves_a_current_schema_alone(db_url):
    with open_store(db_url) as store, store.engine.connect() as conn:
        before = MigrationContext.configure(conn).get_current_revision()
    with open_store(db_url) as store, store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == before


def test_the_migrations_go_down_to_nothing_and_up_again(db_url):
    with open_store(db_url) as store:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        with store.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
        migrate(store.engine, store.url)
        assert store.counts().documents == 0
