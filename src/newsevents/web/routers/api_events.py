"""JSON API: events (as corrected, with their reviews), reviews (the audit trail), incidents."""

from __future__ import annotations

import bisect
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from newsevents.store import EventFilters, Review
from newsevents.corrections import check_changes, review_dict
from newsevents.web.dashboard import incident_summary, matches, select_events
from newsevents.web.deps import ReaderDep, StateDep, WriterDep
from newsevents.web.filters import api_filters

router = APIRouter(prefix="/api", tags=["events"])
FiltersDep = Annotated[EventFilters, Depends(api_filters)]
Limit = Annotated[int, Query(ge=1, le=1000, description="items per page")]
Cursor = Annotated[str | None, Query(max_length=100, description="next_cursor of the previous page")]


class ReviewIn(BaseModel):
    action: Literal["confirm", "reject", "correct"]
    changes: dict[str, Any] = Field(default_factory=dict, description="field -> corrected value (correct only): "
                                    "event_type, sub_event_type, date, place {name, country, lat, lon}, "
                                    "actors [{name, role, category}], modality")
    comment: str | None = Field(default=None, max_length=2000)


@router.get("/events", summary="Events matching the filters, as corrected by analysts")
async def list_events(state: StateDep, _: ReaderDep, filters: FiltersDep, cursor: Cursor = None, limit: Limit = 100,
                      include_rejected: bool = False) -> Response:
    """Filters apply to the corrected values; the cursor is a position in the store's event order, so pages
    stay consistent while events are added or reviewed."""
    snap = state.catalog.snapshot()
    ordered = snap.cached(("ordered",), lambda: list(snap.events.values()))
    positions = snap.cached(("positions", filters, include_rejected), lambda: [
        i for i, item in enumerate(ordered)
        if (include_rejected or not item.rejected) and matches(item, filters, snap.documents)])
    start = bisect.bisect_right(positions, _offset(cursor, after=True))
    chosen = positions[start:start + limit]
    more = start + limit < len(positions)
    body = {"items": [ordered[i].to_dict() for i in chosen], "next_cursor": str(chosen[-1]) if more else None}
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/json")


@router.get("/events/{event_id}", summary="One event with its reviews and its incident")
def get_event(event_id: str, state: StateDep, _: ReaderDep) -> dict[str, Any]:
    event = state.store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}.")
    item = state.catalog.reviewed([event])[0]
    data = item.to_dict()
    data["incident_id"] = state.catalog.snapshot().incident_of.get(event_id)
    return data


@router.get("/events/{event_id}/reviews", summary="The audit trail of one event")
def event_reviews(event_id: str, state: StateDep, _: ReaderDep) -> list[dict[str, Any]]:
    if state.store.event(event_id) is None:
        raise HTTPException(404, f"no event {event_id!r}.")
    return [review_dict(r) for r in state.store.reviews(event_id)]


@router.post("/events/{event_id}/reviews", status_code=201, summary="Confirm, reject or correct an event")
def add_review(event_id: str, body: ReviewIn, state: StateDep, user: WriterDep) -> dict[str, Any]:
    if state.store.event(event_id) is None:
        raise HTTPException(404, f"no event {event_id!r}.")
    changes = check_changes(body.changes) if body.action == "correct" else {}
    review = state.store.add_review(Review(event_id, user.name, body.action, changes, body.comment or None))
    state.catalog.invalidate()
    return review_dict(review)


@router.get("/reviews", summary="Every review, oldest first (the audit trail)")
def all_reviews(state: StateDep, _: ReaderDep, cursor: Cursor = None, limit: Limit = 100) -> dict[str, Any]:
    start = _offset(cursor)
    reviews = state.store.reviews()
    chunk = reviews[start:start + limit]
    more = start + limit < len(reviews)
    return {"items": [review_dict(r) for r in chunk], "next_cursor": str(start + limit) if more else None}


def _offset(cursor: str | None, *, after: bool = False) -> int:
    if cursor is None:
        return -1 if after else 0
    if not cursor.isdigit() or len(cursor) > 9:
        raise HTTPException(400, f"{cursor!r} is not a cursor: pass back next_cursor of the previous page.")
    return int(cursor)


@router.get("/incidents", summary="Incidents with an event matching the filters")
def list_incidents(state: StateDep, _: ReaderDep, filters: FiltersDep, cursor: Cursor = None,
                   limit: Limit = 100) -> dict[str, Any]:
    snap = state.catalog.snapshot()
    ids = {item.original.id for item in select_events(snap, filters)}
    chosen = [v for v in snap.incidents.values() if any(m.original.id in ids for m in v.members)]
    start = _offset(cursor)
    more = start + limit < len(chosen)
    return {"items": [incident_summary(v) for v in chosen[start:start + limit]],
            "next_cursor": str(start + limit) if more else None}


@router.get("/incidents/{incident_id}", summary="One incident: merged facts and every report")
def get_incident(incident_id: str, state: StateDep, _: ReaderDep) -> dict[str, Any]:
    view = state.catalog.snapshot().incidents.get(incident_id)
    if view is None:
        raise HTTPException(404, f"no incident {incident_id!r}.")
    data = incident_summary(view)
    data["events"] = [m.to_dict() for m in view.members]
    data["merged"] = view.merged
    return data
