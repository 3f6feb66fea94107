"""The SQLite store: one file, WAL journal, FTS5 full-text search over documents (title + text).

Connections run with foreign keys on and a busy timeout, so a second process (an ingest beside a
reader) waits for the lock instead of failing. Write transactions start with BEGIN IMMEDIATE: they
hold the write lock from their first read, so "check for a duplicate, then insert" cannot race.
``synchronous=NORMAL`` in WAL mode keeps every committed transaction through a crash of the process
(the ingest resumes); a power cut may lose the last few commits, never consistency.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from newsevents.store.protocol import SearchHit
from newsevents.store.sql import WRITE_OPTION, SqlStore, Upsert

BUSY_TIMEOUT_MS = 60_000  # how long a writer waits for another process's write lock
SNIPPET_TOKENS = 16

_WORD = re.compile(r"\w+")

SEARCH = text(f"""
    SELECT d.id AS doc_id, d.title AS title,
           snippet(documents_fts, -1, '[', ']', '…', {SNIPPET_TOKENS}) AS snippet, -documents_fts.rank AS score
    FROM documents_fts JOIN documents AS d ON d.seq = documents_fts.rowid
    WHERE documents_fts MATCH :match
    ORDER BY documents_fts.rank, d.seq
    LIMIT :limit
""")


def make_engine(url: URL) -> Engine:
    """An engine for a SQLite file (or memory with ``sqlite://``) with our pragmas and transactions."""
    memory = url.database in (None, "", ":memory:")
    options: dict[str, Any] = {"poolclass": StaticPool} if memory else {}
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
                           **options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver's own BEGIN handling off: we send BEGIN below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            _set_wal(cursor)
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")

    return engine


WAL_ATTEMPTS = 100  # x WAL_RETRY_S: how long to wait for a second process that is creating the same file
WAL_RETRY_S = 0.1


def _set_wal(cursor: Any) -> None:
    """Switch to WAL. A brand-new file being set up by another process at the same moment answers
    "database is locked" at once (the busy timeout does not cover a journal-mode change), so retry."""
    for attempt in range(WAL_ATTEMPTS):
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(WAL_RETRY_S)


def database_path(url: URL) -> Path | None:
    return None if url.database in (None, "", ":memory:") else Path(url.database)


def fts_query(query: str) -> str:
    """Every word of ``query`` as a quoted FTS5 term: all must match, and no input is a syntax error."""
    return " ".join(f'"{word}"' for word in _WORD.findall(query))


class SqliteStore(SqlStore):
    backend = "sqlite"

    def _insert(self, table: Any) -> Upsert:
        return sqlite_insert(table)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        match = fts_query(query)
        if not match:
            return []
        with self._read() as conn:
            rows = conn.execute(SEARCH, {"match": match, "limit": limit}).mappings().all()
        return [SearchHit(r["doc_id"], r["title"], r["snippet"], float(r["score"])) for r in rows]

    def integrity_check(self) -> Sequence[str]:
        problems = list(super().integrity_check())
        with self._read() as conn:
            verdict = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
            if verdict != ["ok"]:
                problems.extend(verdict)
            problems.extend(f"foreign key broken in {row[0]} row {row[1]}"
                            for row in conn.exec_driver_sql("PRAGMA foreign_key_check"))
            try:
                conn.exec_driver_sql("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
            except DBAPIError as exc:
                problems.append(f"full-text index out of step with documents: {exc.orig}")
            conn.rollback()
        return problems
