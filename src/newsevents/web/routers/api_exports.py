"""JSON API: exports of the filtered events as corrected (CSV with ACLED's columns, GeoJSON, JSONL, Parquet)."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from newsevents.export import TEXT_WRITERS, write_parquet
from newsevents.model import Document, Event
from newsevents.store import EventFilters
from newsevents.web.dashboard import matches
from newsevents.web.deps import AppState, ReaderDep, StateDep
from newsevents.web.filters import api_filters
from newsevents.merge.corpus import all_events

router = APIRouter(prefix="/api", tags=["exports"])
MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json", "jsonl": "application/x-ndjson",
         "parquet": "application/vnd.apache.parquet"}


def corrected_rows(state: AppState, filters: EventFilters) -> Iterator[tuple[Event, Document | None]]:
    """Every event matching the filters as corrected, rejected ones left out, with its document."""
    snap = state.catalog.snapshot()
    for item in state.catalog.reviewed(all_events(state.store, filters)):
        if not item.rejected and matches(item, filters, snap.documents):
            yield item.event, snap.documents.get(item.event.doc_id) or state.store.document(item.event.doc_id)


def export_bytes(state: AppState, fmt: str, filters: EventFilters) -> bytes:
    rows = corrected_rows(state, filters)
    if fmt == "parquet":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "events.parquet"
            write_parquet(rows, path)
            return path.read_bytes()
    out = io.StringIO()
    TEXT_WRITERS[fmt](rows, out)
    return out.getvalue().encode("utf-8")


@router.get("/exports/{fmt}", summary="Download the filtered events (corrections applied, rejected left out)")
def export(fmt: Literal["csv", "geojson", "jsonl", "parquet"], state: StateDep, _: ReaderDep,
           filters: Annotated[EventFilters, Depends(api_filters)]) -> Response:
    return Response(export_bytes(state, fmt, filters), media_type=MEDIA[fmt],
                    headers={"content-disposition": f'attachment; filename="events.{fmt}"'})
