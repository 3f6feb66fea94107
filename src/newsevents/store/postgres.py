"""The PostgreSQL store (psycopg 3): full-text search over a generated tsvector column with a GIN index.

Concurrent ingests are safe: the unique keys on content hash and URL decide, and the loser of a race
sees "duplicate". The schema is the first one on the connection's search_path (``public`` unless the
URL says ``?options=-csearch_path%3Dname``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import URL

from newsevents.store.protocol import SearchHit
from newsevents.store.sql import SqlStore, Upsert

CONNECT_TIMEOUT_S = 5  # an unreachable host fails in seconds, not the OS's minutes
TEXT_CONFIG = "english"
# Only so much of a document is indexed: a tsvector holds at most 1 MB, and articles are far shorter.
INDEXED_CHARS = 200_000

_WORD = re.compile(r"\w+")

SEARCH = text(f"""
    WITH q AS (SELECT plainto_tsquery('{TEXT_CONFIG}', :words) AS query)
    SELECT d.id AS doc_id, d.title AS title,
           ts_headline('{TEXT_CONFIG}', d.text, q.query,
                       'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1') AS snippet,
           ts_rank(d.search, q.query) AS score
    FROM documents AS d, q
    WHERE d.search @@ q.query
    ORDER BY score DESC, d.seq
    LIMIT :limit
""")


def make_engine(url: URL) -> Engine:
    query = dict(url.query)
    connect_args = {} if "connect_timeout" in query else {"connect_timeout": CONNECT_TIMEOUT_S}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


class PostgresStore(SqlStore):
    backend = "postgresql"

    def _insert(self, table: Any) -> Upsert:
        return pg_insert(table)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        words = " ".join(_WORD.findall(query))
        if not words:
            return []
        with self._read() as conn:
            rows = conn.execute(SEARCH, {"words": words, "limit": limit}).mappings().all()
        return [SearchHit(r["doc_id"], r["title"], r["snippet"], float(r["score"])) for r in rows]

    def integrity_check(self) -> Sequence[str]:
        problems = list(super().integrity_check())
        with self._read() as conn:
            unindexed = conn.scalar(text("SELECT count(*) FROM documents WHERE search IS NULL"))
        if unindexed:
            problems.append(f"{unindexed} documents missing from the full-text index")
        return problems
