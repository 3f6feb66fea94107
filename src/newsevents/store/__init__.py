"""The persistent store: documents, their events and what was made of them, in SQLite or PostgreSQL.

    store = open_store("sqlite:///corpus.db")   # or "postgresql://user@host/db"; None = the user's default
    store.add_document(result)
    page = store.events(EventFilters(countries=("KZ",)))
"""

from newsevents.store.connect import default_db_url, open_store, parse_db_url
from newsevents.store.protocol import (
    AddOutcome,
    Counts,
    EventFilters,
    IncidentRecord,
    NearDuplicate,
    Page,
    Review,
    SearchHit,
    Store,
    StoredRejection,
    UserRecord,
)

__all__ = [
    "AddOutcome", "Counts", "EventFilters", "IncidentRecord", "NearDuplicate", "Page", "Review",
    "SearchHit", "Store", "StoredRejection", "UserRecord", "default_db_url", "open_store", "parse_db_url",
]
