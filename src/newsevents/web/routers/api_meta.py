"""JSON API: the dashboard's data, places, actors, sources, counts; API tokens and admin actions."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from newsevents.store import EventFilters
from newsevents.web.auth import new_token
from newsevents.web.dashboard import dashboard_data, facet_values
from newsevents.web.deps import AdminDep, ReaderDep, StateDep, WriterDep
from newsevents.web.filters import api_filters
from newsevents.merge.corpus import merge_store

router = APIRouter(prefix="/api", tags=["dashboard"])
FiltersDep = Annotated[EventFilters, Depends(api_filters)]
FacetLimit = Annotated[int, Query(ge=1, le=5000)]


@router.get("/dashboard", summary="What the dashboard shows for the filters: map, timeline, disruptions, incidents")
async def dashboard(state: StateDep, _: ReaderDep, filters: FiltersDep) -> Response:
    snap = state.catalog.snapshot()
    body = snap.cached(("dashboard-json", filters),
                       lambda: json.dumps(dashboard_data(snap, filters).to_dict(), ensure_ascii=False).encode())
    return Response(body, media_type="application/json")


def _facet(state: StateDep, name: str, limit: int) -> dict[str, Any]:
    values = facet_values(state.catalog.snapshot())[name]
    return {"items": [{"name": value, "events": n} for value, n in values[:limit]], "total": len(values)}


@router.get("/places", summary="Places of events, most events first")
def places(state: StateDep, _: ReaderDep, limit: FacetLimit = 500) -> dict[str, Any]:
    return _facet(state, "places", limit)


@router.get("/countries", summary="Countries of events (ISO alpha-2), most events first")
def countries(state: StateDep, _: ReaderDep, limit: FacetLimit = 500) -> dict[str, Any]:
    return _facet(state, "countries", limit)


@router.get("/actors", summary="Actors of events, most events first")
def actors(state: StateDep, _: ReaderDep, limit: FacetLimit = 500) -> dict[str, Any]:
    return _facet(state, "actors", limit)


@router.get("/sources", summary="Sites the articles come from, most events first")
def sources(state: StateDep, _: ReaderDep, limit: FacetLimit = 500) -> dict[str, Any]:
    return _facet(state, "sources", limit)


@router.get("/stats", summary="How many of everything the store holds")
def stats(state: StateDep, _: ReaderDep) -> dict[str, int]:
    counts = state.store.counts()
    return {name: getattr(counts, name) for name in counts.__dataclass_fields__}


class TokenIn(BaseModel):
    label: str | None = Field(default=None, max_length=200)


@router.post("/tokens", status_code=201, tags=["auth"], summary="A new API token for the logged-in user")
def create_token(body: TokenIn, state: StateDep, user: WriterDep) -> dict[str, str]:
    return {"token": new_token(state.store, user.name, body.label), "user": user.name}


@router.post("/admin/merge", tags=["admin"], summary="Recompute near-duplicates and incidents over the store")
def merge(state: StateDep, _: AdminDep) -> dict[str, int]:
    summary = merge_store(state.store)
    state.catalog.invalidate()
    return {"documents": summary.documents, "events": summary.events, "incidents": summary.incidents,
            "near_duplicates": summary.near_duplicates}
