"""What a store does (the ``Store`` protocol) and the records it takes and gives besides ``model.py``'s."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, Protocol, TypeVar

from newsevents.model import Document, Event, Rejection, Result

T = TypeVar("T")

AddOutcome = Literal["added", "duplicate", "id-taken"]
"""``added``: stored now; ``duplicate``: the same text or URL is stored already;
``id-taken``: another document already has this id (give the inputs unique ids)."""

ReviewAction = Literal["confirm", "reject", "correct"]

DEFAULT_PAGE = 100


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Which events to list. Empty tuples and None mean "any"; dates are inclusive."""

    since: dt.date | None = None
    until: dt.date | None = None
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    min_confidence: float | None = None
    doc_id: str | None = None
    modalities: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # actor names (any role), as stored (whitespace-normalised)
    places: tuple[str, ...] = ()  # place names (the event's resolved place)
    sources: tuple[str, ...] = ()  # the document's site name


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing; pass ``next_cursor`` back for the next one (None: this was the last)."""

    items: tuple[T, ...]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int = 0
    events: int = 0
    rejections: int = 0
    places: int = 0
    actors: int = 0
    incidents: int = 0
    near_duplicates: int = 0
    reviews: int = 0


@dataclass(frozen=True, slots=True)
class StoredRejection:
    source: str
    reason: str
    code: str
    doc_id: str | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class SearchHit:
    doc_id: str
    title: str | None
    snippet: str  # matched words between [ and ]
    score: float  # higher is better; comparable only within one search


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """One real-world incident and the events (from one or more documents) that report it.

    ``data`` is free JSON for whatever the merger wants to keep (summary date, place, method...)."""

    id: str
    event_ids: tuple[str, ...]
    label: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """``doc_id`` nearly duplicates ``original_id``."""

    doc_id: str
    original_id: str
    similarity: float
    method: str


class DuplicateLinkLike(Protocol):
    """Anything with a near-duplicate link's fields (``NearDuplicate``, the merger's ``DuplicateLink``)."""

    @property
    def doc_id(self) -> str: ...
    @property
    def original_id(self) -> str: ...
    @property
    def similarity(self) -> float: ...
    @property
    def method(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Review:
    """An analyst's verdict on an event. ``changes`` maps a field name to its corrected value."""

    event_id: str
    user: str
    action: ReviewAction
    changes: Mapping[str, Any] = field(default_factory=dict)
    comment: str | None = None
    id: int | None = None  # set by the store
    created_at: dt.datetime | None = None  # set by the store


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A web user; ``password_hash`` is whatever ``newsevents.web.auth`` made of the password."""

    name: str
    password_hash: str
    role: str  # analyst | admin
    created_at: dt.datetime | None = None  # set by the store


class Store(Protocol):
    """Documents, their events and what was made of them; SQLite and PostgreSQL implement it."""

    url: str  # where it is, password hidden

    def add_document(self, result: Result) -> AddOutcome:
        """Store the document and its events in one transaction (all or nothing)."""
        ...

    def has_document(self, document: Document) -> bool:
        """Whether a document with the same content hash or the same (canonical) URL is stored."""
        ...

    def add_rejection(self, rejection: Rejection) -> bool:
        """Record a refused input; False when the same source was already refused for the same code."""
        ...

    def document(self, doc_id: str) -> Document | None: ...

    def result(self, doc_id: str) -> Result | None:
        """The document with its events, place and time mentions, as it was added."""
        ...

    def documents(self, cursor: str | None = None, limit: int = DEFAULT_PAGE) -> Page[Document]: ...

    def documents_by_id(self, doc_ids: Iterable[str]) -> dict[str, Document]: ...

    def events(self, filters: EventFilters = EventFilters(), cursor: str | None = None,
               limit: int = DEFAULT_PAGE) -> Page[Event]: ...

    def event(self, event_id: str) -> Event | None: ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents whose title or text match every word of ``query``, best first."""
        ...

    def counts(self) -> Counts: ...

    def rejections(self, limit: int | None = None) -> list[StoredRejection]:
        """Newest first."""
        ...

    def save_incidents(self, incidents: Iterable[IncidentRecord], *, replace_all: bool = False) -> int:
        """Insert or replace incidents (and their event links); ``replace_all`` drops every other one."""
        ...

    def incidents(self) -> list[IncidentRecord]: ...

    def link_near_duplicate(self, link: DuplicateLinkLike) -> None:
        """Record that ``doc_id`` nearly duplicates ``original_id`` (replaces an earlier link)."""
        ...

    def near_duplicates(self) -> list[NearDuplicate]: ...

    def add_review(self, review: Review) -> Review: ...

    def reviews(self, event_id: str | None = None) -> list[Review]: ...

    def save_user(self, user: UserRecord) -> UserRecord:
        """Add the user, or replace the password hash and role of the user of that name."""
        ...

    def user(self, name: str) -> UserRecord | None: ...

    def add_token(self, token_hash: str, user: str, label: str | None = None) -> None:
        """Record an API token (by its hash) for a stored user."""
        ...

    def token_user(self, token_hash: str) -> str | None:
        """The name of the user whose token has this hash."""
        ...

    def integrity_check(self) -> Sequence[str]:
        """Problems found in the database files and indexes; empty when all is well."""
        ...

    def close(self) -> None: ...
