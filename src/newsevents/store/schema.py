"""The store's tables: one SQLAlchemy Core schema for SQLite and PostgreSQL.

The migrations under ``migrations/versions`` create exactly these tables (a test compares them),
plus what only one backend has: SQLite's FTS5 table ``documents_fts`` with its triggers, and
PostgreSQL's generated ``documents.search`` tsvector column with its GIN index.

Conventions: every table has a surrogate integer key or a text id; times are UTC; anything that
is a nested record in ``model.py`` (evidence, actors, attribution) is JSON beside the columns we
filter on. Long text that needs a unique index (URLs, rejection sources) is indexed by its SHA-256,
because PostgreSQL's btree refuses entries over ~2.7 kB.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
Serial = BigInteger().with_variant(Integer(), "sqlite")
Json = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")  # None is SQL NULL
Hash = String(64)  # hex SHA-256
UtcTime = DateTime(timezone=True)

REVIEW_ACTIONS = ("confirm", "reject", "correct")


def _fk(target: str) -> ForeignKey:
    return ForeignKey(target, ondelete="CASCADE")


documents = Table(
    "documents", metadata,
    Column("seq", Serial, primary_key=True, autoincrement=True),  # ingestion order; FTS5 rowid
    Column("id", Text, nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("site_name", Text),
    Column("section", Text),
    Column("categories", Json, nullable=False),
    Column("author", Text),
    Column("published", Date, index=True),
    Column("published_from", Text),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("url_key", Hash, unique=True),  # sha256 of canonical_url or url: the URL dedupe key
    Column("language", Text),
    Column("text", Text, nullable=False),
    Column("content_hash", Hash, nullable=False, unique=True),
    Column("times", Json, nullable=False),  # the TimeMentions of the Result
    Column("ingested_at", UtcTime, nullable=False),
)

places = Table(
    "places", metadata,
    Column("id", Serial, primary_key=True, autoincrement=True),
    Column("key", Hash, nullable=False, unique=True),  # sha256 of every field: one row per distinct Place
    Column("name", Text, nullable=False),
    Column("country", Text, nullable=False),
    Column("admin1", Text),
    Column("lat", Double, nullable=False),
    Column("lon", Double, nullable=False),
    Column("precision", Text, nullable=False),
    Column("feature", Text, nullable=False),
    Column("geonames_id", BigInteger),
    Column("population", BigInteger, nullable=False),
)

place_mentions = Table(
    "place_mentions", metadata,
    Column("doc_id", Text, _fk("documents.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("place_id", Serial, ForeignKey("places.id"),
           nullable=False, index=True),
    Column("confidence", Double, nullable=False),
)

events = Table(
    "events", metadata,
    Column("seq", Serial, primary_key=True, autoincrement=True),  # stable order for cursors
    Column("id", Text, nullable=False, unique=True),
    Column("doc_id", Text, _fk("documents.id"), nullable=False, index=True),
    Column("event_type", Text, nullable=False, index=True),
    Column("sub_event_type", Text, nullable=False, index=True),
    Column("status", Text),
    Column("modality", Text, nullable=False),
    Column("plover_type", Text),
    Column("plover_mode", Text),
    Column("date", Date, index=True),
    Column("date_end", Date),
    Column("date_precision", Text, nullable=False),
    Column("place_id", Serial, ForeignKey("places.id"), index=True),
    Column("country", Text, index=True),  # the place's country, copied here to filter without a join
    Column("fatalities", Integer),
    Column("injured", Integer),
    Column("arrested", Integer),
    Column("participants", Integer),
    Column("confidence", Double, nullable=False, index=True),
    Column("issue", Text),
    Column("attribution", Json),
    Column("evidence", Json, nullable=False),
    Column("actors", Json, nullable=False),  # the Actors as recorded (event_actors indexes them)
    Column("trigger", Json),
)

actors = Table(
    "actors", metadata,
    Column("id", Serial, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),  # whitespace-normalised
    Column("category", Text, nullable=False),
    Column("country", Text, nullable=False),  # "" when unknown, so the unique key holds
    Index("uq_actors_name_category_country", "name", "category", "country", unique=True),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", Text, _fk("events.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", Serial, ForeignKey("actors.id"),
           nullable=False, index=True),
    Column("role", Text, nullable=False),
    Column("text", Text, nullable=False),
)

incidents = Table(
    "incidents", metadata,
    Column("id", Text, primary_key=True),
    Column("label", Text),
    Column("data", Json, nullable=False),
    Column("updated_at", UtcTime, nullable=False),
)

incident_events = Table(
    "incident_events", metadata,
    Column("incident_id", Text, _fk("incidents.id"), primary_key=True),
    Column("event_id", Text, _fk("events.id"), primary_key=True, index=True),
)

near_duplicates = Table(
    "near_duplicates", metadata,
    Column("doc_id", Text, _fk("documents.id"), primary_key=True),
    Column("original_id", Text, _fk("documents.id"), nullable=False, index=True),
    Column("similarity", Double, nullable=False),
    Column("method", Text, nullable=False),
    Column("created_at", UtcTime, nullable=False),
)

rejections = Table(
    "rejections", metadata,
    Column("id", Serial, primary_key=True, autoincrement=True),
    Column("key", Hash, nullable=False, unique=True),  # sha256 of source and code: stored once
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("code", Text, nullable=False, index=True),
    Column("doc_id", Text),
    Column("created_at", UtcTime, nullable=False),
)

reviews = Table(
    "reviews", metadata,
    Column("id", Serial, primary_key=True, autoincrement=True),
    Column("event_id", Text, _fk("events.id"), nullable=False, index=True),
    Column("user_name", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("changes", Json, nullable=False),
    Column("comment", Text),
    Column("created_at", UtcTime, nullable=False),
    CheckConstraint("action IN ('confirm', 'reject', 'correct')", name="action"),
)

users = Table(
    "users", metadata,
    Column("name", Text, primary_key=True),
    Column("password_hash", Text, nullable=False),  # argon2 (newsevents.web.auth); never the password
    Column("role", Text, nullable=False),  # analyst | admin
    Column("created_at", UtcTime, nullable=False),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("token_hash", Hash, primary_key=True),  # sha256 of the token; the token itself is shown once
    Column("user_name", Text, _fk("users.name"), nullable=False, index=True),
    Column("label", Text),
    Column("created_at", UtcTime, nullable=False),
)
