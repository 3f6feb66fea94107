"""What the SQLite and PostgreSQL stores share: every query but full-text search and integrity checks.

A backend subclass says how to write an upsert (``_insert``), how to search and how to check itself.
Writes go through ``_write()``: one transaction, which SQLite takes as a write lock from its start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Select, delete, func, select, tuple_
from sqlalchemy.dialects.postgresql import Insert as PostgresInsert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.exc import IntegrityError, OperationalError

from newsevents.errors import ConfigError, DataError
from newsevents.model import Document, Event, Place, Rejection, Result
from newsevents.store import codec
from newsevents.store.protocol import (
    DEFAULT_PAGE,
    AddOutcome,
    Counts,
    DuplicateLinkLike,
    EventFilters,
    IncidentRecord,
    NearDuplicate,
    Page,
    Review,
    SearchHit,
    StoredRejection,
    UserRecord,
)
from newsevents.store.schema import (
    REVIEW_ACTIONS,
    actors,
    api_tokens,
    documents,
    event_actors,
    events,
    incident_events,
    incidents,
    near_duplicates,
    place_mentions,
    places,
    rejections,
    reviews,
    users,
)

Upsert = SqliteInsert | PostgresInsert  # INSERTs with on_conflict_do_nothing/_do_update
WRITE_OPTION = "newsevents_write"  # execution option the SQLite engine reads to BEGIN IMMEDIATE
# Rejections that a later successful run of the same source makes obsolete (codes set by newsevents.corpus).
RETRIED_CODES = ("pipeline-error", "store", "duplicate-id")
PLACE_COLUMNS = ("name", "country", "admin1", "lat", "lon", "precision", "feature", "geonames_id", "population")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def parse_cursor(cursor: str | None) -> int:
    if cursor is None:
        return 0
    try:
        return int(cursor)
    except ValueError:
        raise ConfigError(f"{cursor!r} is not a cursor of this store.",
                          hint="Pass back the next_cursor of the previous page, or none.") from None


def rejection_key(source: str, code: str) -> str:
    return codec.sha256(f"{source}\n{code}")


def paged(rows: Sequence[Any], limit: int) -> tuple[Sequence[Any], str | None]:
    """The first ``limit`` of ``limit + 1`` fetched rows and the cursor after them (None at the end)."""
    if len(rows) > limit:
        return rows[:limit], str(rows[limit - 1].seq)
    return rows, None


class SqlStore:
    """The shared implementation of ``Store`` over SQLAlchemy Core."""

    backend = "sql"

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._connection() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._connection() as conn:
            yield conn

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        """A connection; losing the server (or a lock wait running out) is a ConfigError, not a traceback."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            reason = " ".join(str(exc.orig).split()) if exc.orig else type(exc).__name__
            raise ConfigError(f"database {self.url}: {reason}.",
                              hint="Check that the server is up (and no other program holds the file), then "
                                   "run the command again: stored documents are kept.") from exc

    def _insert(self, table: Any) -> Upsert:
        """An INSERT that supports ``on_conflict_do_nothing/_do_update`` on this backend."""
        raise NotImplementedError

    # --- documents -------------------------------------------------------------------------------

    def add_document(self, result: Result) -> AddOutcome:
        document = result.document
        try:
            with self._write() as conn:
                found = self._duplicate_of(conn, document)
                if found is not None:
                    return found
                self._insert_result(conn, result)
        except IntegrityError as exc:
            return self._after_conflict(result, exc)
        return "added"

    def _after_conflict(self, result: Result, error: IntegrityError) -> AddOutcome:
        """A unique key was taken between our check and our insert (another writer), or the result is
        inconsistent (an event id already stored, an event naming another document)."""
        with self._read() as conn:
            found = self._duplicate_of(conn, result.document)
            if found is not None:
                return found
            ids = [event.id for event in result.events]
            taken = conn.scalars(select(events.c.id).where(events.c.id.in_(ids)).limit(3)).all()
        if taken:
            raise DataError(f"document {result.document.id!r}: event ids {taken} are already stored for "
                            "another document.", hint="Event ids must be unique across the corpus.")
        reason = " ".join(str(error.orig).split())
        raise DataError(f"document {result.document.id!r} could not be stored: {reason}.",
                        hint="Each event's doc_id must be its document's id.") from error

    def has_document(self, document: Document) -> bool:
        with self._read() as conn:
            return self._duplicate_of(conn, document) == "duplicate"

    def _duplicate_of(self, conn: Connection, document: Document) -> AddOutcome | None:
        content, url = codec.content_key(document), codec.url_key(document)
        same = documents.c.content_hash == content
        if url is not None:
            same = same | (documents.c.url_key == url)
        query = select(documents.c.id, (same).label("same")).where(same | (documents.c.id == document.id))
        rows = conn.execute(query).all()
        if any(row.same for row in rows):
            return "duplicate"
        return "id-taken" if rows else None

    def _insert_result(self, conn: Connection, result: Result) -> None:
        document = result.document
        conn.execute(documents.insert(), codec.document_row(document, result.times, now()))
        stale = [rejection_key(document.source, code) for code in RETRIED_CODES]
        conn.execute(delete(rejections).where(rejections.c.key.in_(stale)))
        located = [m.place for m in result.places] + [e.location for e in result.events if e.location]
        place_ids = self._place_ids(conn, located)
        if result.places:
            conn.execute(place_mentions.insert(), [
                codec.mention_row(document.id, i, m, place_ids[codec.place_row(m.place)["key"]])
                for i, m in enumerate(result.places)])
        if result.events:
            conn.execute(events.insert(), [
                codec.event_row(e, place_ids[codec.place_row(e.location)["key"]] if e.location else None)
                for e in result.events])
            self._link_actors(conn, result.events)

    def _place_ids(self, conn: Connection, located: Iterable[Place]) -> dict[str, int]:
        rows = {row["key"]: row for row in map(codec.place_row, located)}
        if not rows:
            return {}
        # In key order, so that two writers adding the same places lock them in the same order (no deadlock).
        conn.execute(self._insert(places).on_conflict_do_nothing(index_elements=["key"]),
                     [rows[key] for key in sorted(rows)])
        found = conn.execute(select(places.c.key, places.c.id).where(places.c.key.in_(list(rows))))
        return {key: place_id for key, place_id in found}

    def _link_actors(self, conn: Connection, stored: Sequence[Event]) -> None:
        keys = {codec.actor_key(a) for e in stored for a in e.actors}
        if not keys:
            return
        conn.execute(self._insert(actors).on_conflict_do_nothing(index_elements=["name", "category", "country"]),
                     [{"name": name, "category": category, "country": country}
                      for name, category, country in sorted(keys)])  # in one order: see _place_ids
        columns = tuple_(actors.c.name, actors.c.category, actors.c.country)
        found = conn.execute(select(actors.c.id, actors.c.name, actors.c.category, actors.c.country)
                             .where(columns.in_(list(keys))))
        ids = {(row.name, row.category, row.country): row.id for row in found}
        conn.execute(event_actors.insert(), [
            {"event_id": e.id, "position": i, "actor_id": ids[codec.actor_key(a)],
             "role": a.role, "text": codec.scrub(a.text)}
            for e in stored for i, a in enumerate(e.actors)])

    def document(self, doc_id: str) -> Document | None:
        with self._read() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
        return codec.document_from_row(row) if row else None

    def documents_by_id(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        wanted = list(set(doc_ids))
        with self._read() as conn:
            rows = conn.execute(select(documents).where(documents.c.id.in_(wanted))).mappings().all()
        return {row["id"]: codec.document_from_row(row) for row in rows}

    def documents(self, cursor: str | None = None, limit: int = DEFAULT_PAGE) -> Page[Document]:
        query = (select(documents).where(documents.c.seq > parse_cursor(cursor))
                 .order_by(documents.c.seq).limit(limit + 1))
        with self._read() as conn:
            rows, next_cursor = paged(conn.execute(query).all(), limit)
        return Page(tuple(codec.document_from_row(row._mapping) for row in rows), next_cursor)

    def result(self, doc_id: str) -> Result | None:
        with self._read() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
            if row is None:
                return None
            stored = conn.execute(self._events_query().where(events.c.doc_id == doc_id)
                                  .order_by(events.c.seq)).mappings().all()
            mentions = conn.execute(
                select(place_mentions, *self._place_labels())
                .join(places, place_mentions.c.place_id == places.c.id)
                .where(place_mentions.c.doc_id == doc_id).order_by(place_mentions.c.position)).mappings().all()
        return Result(
            document=codec.document_from_row(row),
            events=tuple(self._event(r) for r in stored),
            places=tuple(codec.mention_from_row(m, codec.place_from_row(m, "place_")) for m in mentions),
            times=tuple(codec.time_from_json(t) for t in row["times"]),
        )

    # --- events ------------------------------------------------------------------------------------

    @staticmethod
    def _place_labels() -> list[Any]:
        return [places.c[name].label(f"place_{name}") for name in PLACE_COLUMNS]

    def _events_query(self) -> Select[Any]:
        return select(events, *self._place_labels()).select_from(
            events.outerjoin(places, events.c.place_id == places.c.id))

    @staticmethod
    def _event(row: codec.Row) -> Event:
        place = codec.place_from_row(row, "place_") if row["place_id"] is not None else None
        return codec.event_from_row(row, place)

    def events(self, filters: EventFilters = EventFilters(), cursor: str | None = None,
               limit: int = DEFAULT_PAGE) -> Page[Event]:
        query = self._events_query().where(events.c.seq > parse_cursor(cursor), *event_conditions(filters))
        with self._read() as conn:
            rows = conn.execute(query.order_by(events.c.seq).limit(limit + 1)).all()
        rows, next_cursor = paged(rows, limit)
        return Page(tuple(self._event(row._mapping) for row in rows), next_cursor)

    def event(self, event_id: str) -> Event | None:
        with self._read() as conn:
            row = conn.execute(self._events_query().where(events.c.id == event_id)).mappings().first()
        return self._event(row) if row else None

    # --- the rest ------------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        raise NotImplementedError

    def counts(self) -> Counts:
        tables = {"documents": documents, "events": events, "rejections": rejections, "places": places,
                  "actors": actors, "incidents": incidents, "near_duplicates": near_duplicates,
                  "reviews": reviews}
        query = select(*(select(func.count()).select_from(t).scalar_subquery().label(name)
                         for name, t in tables.items()))
        with self._read() as conn:
            row = conn.execute(query).mappings().one()
        return Counts(**row)

    def add_rejection(self, rejection: Rejection) -> bool:
        row = codec.scrub(rejection.to_dict())
        row |= {"key": rejection_key(rejection.source, rejection.code), "created_at": now()}
        with self._write() as conn:
            statement = self._insert(rejections).values(row).on_conflict_do_nothing(index_elements=["key"])
            return conn.execute(statement.returning(rejections.c.id)).first() is not None

    def rejections(self, limit: int | None = None) -> list[StoredRejection]:
        query = select(rejections).order_by(rejections.c.id.desc()).limit(limit)
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [StoredRejection(source=r["source"], reason=r["reason"], code=r["code"], doc_id=r["doc_id"],
                                created_at=codec.utc(r["created_at"])) for r in rows]

    def save_incidents(self, records: Iterable[IncidentRecord], *, replace_all: bool = False) -> int:
        saved = 0
        try:
            with self._write() as conn:
                if replace_all:
                    conn.execute(delete(incidents))
                for record in records:
                    self._save_incident(conn, record)
                    saved += 1
        except IntegrityError as exc:
            raise DataError("an incident names an event that is not in the store.",
                            hint="Save incidents only for stored events.") from exc
        return saved

    def _save_incident(self, conn: Connection, record: IncidentRecord) -> None:
        row = {"id": record.id, "label": record.label, "data": codec.scrub(dict(record.data)), "updated_at": now()}
        conn.execute(self._insert(incidents).values(row).on_conflict_do_update(
            index_elements=["id"], set_={"label": row["label"], "data": row["data"], "updated_at": row["updated_at"]}))
        conn.execute(delete(incident_events).where(incident_events.c.incident_id == record.id))
        if record.event_ids:
            conn.execute(incident_events.insert(), [{"incident_id": record.id, "event_id": event_id}
                                                    for event_id in dict.fromkeys(record.event_ids)])

    def incidents(self) -> list[IncidentRecord]:
        with self._read() as conn:
            rows = conn.execute(select(incidents).order_by(incidents.c.id)).mappings().all()
            links = conn.execute(select(incident_events).order_by(incident_events.c.event_id)).all()
        members: dict[str, list[str]] = {}
        for incident_id, event_id in links:
            members.setdefault(incident_id, []).append(event_id)
        return [IncidentRecord(id=r["id"], event_ids=tuple(members.get(r["id"], ())), label=r["label"],
                               data=r["data"]) for r in rows]

    def link_near_duplicate(self, link: DuplicateLinkLike) -> None:
        row = {"doc_id": link.doc_id, "original_id": link.original_id, "similarity": link.similarity,
               "method": link.method, "created_at": now()}
        statement = self._insert(near_duplicates).values(row).on_conflict_do_update(
            index_elements=["doc_id"], set_={k: v for k, v in row.items() if k != "doc_id"})
        try:
            with self._write() as conn:
                conn.execute(statement)
        except IntegrityError as exc:
            raise DataError(f"near-duplicate link {link.doc_id} -> {link.original_id}: both documents must be "
                            "stored.", hint="Link only stored documents.") from exc

    def near_duplicates(self) -> list[NearDuplicate]:
        with self._read() as conn:
            rows = conn.execute(select(near_duplicates).order_by(near_duplicates.c.doc_id)).mappings().all()
        return [NearDuplicate(r["doc_id"], r["original_id"], r["similarity"], r["method"]) for r in rows]

    def add_review(self, review: Review) -> Review:
        if review.action not in REVIEW_ACTIONS:
            raise DataError(f"review action {review.action!r} is unknown.", hint=f"Use one of {REVIEW_ACTIONS}.")
        created = now()
        row = {"event_id": review.event_id, "user_name": review.user, "action": review.action,
               "changes": codec.scrub(dict(review.changes)), "comment": review.comment, "created_at": created}
        try:
            with self._write() as conn:
                new_id = conn.execute(reviews.insert().values(row).returning(reviews.c.id)).scalar_one()
        except IntegrityError as exc:
            raise DataError(f"review of event {review.event_id!r}: no such event in the store.",
                            hint="Review only stored events.") from exc
        return Review(review.event_id, review.user, review.action, row["changes"], review.comment, new_id, created)

    def reviews(self, event_id: str | None = None) -> list[Review]:
        query = select(reviews).order_by(reviews.c.id)
        if event_id is not None:
            query = query.where(reviews.c.event_id == event_id)
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [Review(r["event_id"], r["user_name"], r["action"], r["changes"], r["comment"], r["id"],
                       codec.utc(r["created_at"])) for r in rows]

    def save_user(self, user: UserRecord) -> UserRecord:
        created = now()
        row = {"name": user.name, "password_hash": user.password_hash, "role": user.role, "created_at": created}
        with self._write() as conn:
            conn.execute(self._insert(users).values(row).on_conflict_do_update(
                index_elements=["name"], set_={"password_hash": user.password_hash, "role": user.role}))
        return self.user(user.name) or UserRecord(user.name, user.password_hash, user.role, created)

    def user(self, name: str) -> UserRecord | None:
        with self._read() as conn:
            row = conn.execute(select(users).where(users.c.name == name)).mappings().first()
        return UserRecord(row["name"], row["password_hash"], row["role"], codec.utc(row["created_at"])) if row else None

    def add_token(self, token_hash: str, user: str, label: str | None = None) -> None:
        row = {"token_hash": token_hash, "user_name": user, "label": label, "created_at": now()}
        try:
            with self._write() as conn:
                conn.execute(api_tokens.insert().values(row))
        except IntegrityError as exc:
            raise DataError(f"cannot add a token for {user!r}: no such user (or the token exists).",
                            hint="Add the user first: newsevents user add NAME.") from exc

    def token_user(self, token_hash: str) -> str | None:
        with self._read() as conn:
            return conn.scalar(select(api_tokens.c.user_name).where(api_tokens.c.token_hash == token_hash))

    def integrity_check(self) -> Sequence[str]:
        """Checks that hold on every backend: every link points at a stored row."""
        orphans = {
            "events without their document": select(func.count()).select_from(
                events.outerjoin(documents, events.c.doc_id == documents.c.id)).where(documents.c.id.is_(None)),
            "event actors without their event": select(func.count()).select_from(
                event_actors.outerjoin(events, event_actors.c.event_id == events.c.id)).where(events.c.id.is_(None)),
        }
        with self._read() as conn:
            return [f"{count} {what}" for what, query in orphans.items() if (count := conn.scalar(query))]


def event_conditions(filters: EventFilters) -> list[Any]:
    conditions: list[Any] = []
    if filters.since is not None:
        conditions.append(events.c.date >= filters.since)
    if filters.until is not None:
        conditions.append(events.c.date <= filters.until)
    if filters.countries:
        conditions.append(events.c.country.in_(filters.countries))
    if filters.event_types:
        conditions.append(events.c.event_type.in_(filters.event_types))
    if filters.sub_event_types:
        conditions.append(events.c.sub_event_type.in_(filters.sub_event_types))
    if filters.min_confidence is not None:
        conditions.append(events.c.confidence >= filters.min_confidence)
    if filters.doc_id is not None:
        conditions.append(events.c.doc_id == filters.doc_id)
    if filters.modalities:
        conditions.append(events.c.modality.in_(filters.modalities))
    if filters.places:
        conditions.append(events.c.place_id.in_(select(places.c.id).where(places.c.name.in_(filters.places))))
    if filters.actors:
        named = (select(event_actors.c.event_id).join(actors, event_actors.c.actor_id == actors.c.id)
                 .where(actors.c.name.in_(filters.actors)))
        conditions.append(events.c.id.in_(named))
    if filters.sources:
        conditions.append(events.c.doc_id.in_(select(documents.c.id).where(documents.c.site_name.in_(filters.sources))))
    return conditions
