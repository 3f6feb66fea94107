"""JSON API: articles (documents with their events, related articles and near-duplicates), search, ingest."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from newsevents.ingest.metadata import Metadata
from newsevents.model import Document
from newsevents.web.catalog import Catalog
from newsevents.web.deps import ReaderDep, StateDep, WriterDep
from newsevents.web.routers.api_events import Cursor, Limit

router = APIRouter(prefix="/api", tags=["articles"])


def article_summary(document: Document) -> dict[str, Any]:
    return {"id": document.id, "title": document.title, "site_name": document.site_name,
            "published": document.published.isoformat() if document.published else None,
            "url": document.canonical_url or document.url, "source": document.source}


def duplicates_of(catalog: Catalog, doc_id: str) -> list[dict[str, Any]]:
    snap = catalog.snapshot()
    return [{"doc_id": d.doc_id, "original_id": d.original_id, "similarity": d.similarity}
            for d in snap.duplicates if doc_id in (d.doc_id, d.original_id)]


@router.get("/articles", summary="Stored articles in ingestion order")
def list_articles(state: StateDep, _: ReaderDep, cursor: Cursor = None, limit: Limit = 100) -> dict[str, Any]:
    page = state.store.documents(cursor=cursor, limit=limit)
    return {"items": [article_summary(d) for d in page.items], "next_cursor": page.next_cursor}


@router.get("/articles/{doc_id}", summary="One article: text, events, places, dates, related, near-duplicates")
def get_article(doc_id: str, state: StateDep, _: ReaderDep) -> dict[str, Any]:
    result = state.store.result(doc_id)
    if result is None:
        raise HTTPException(404, f"no article {doc_id!r}.")
    data = result.document.to_dict()
    data["events"] = [item.to_dict() for item in state.catalog.reviewed(result.events)]
    data["places"] = [{"start": p.start, "end": p.end, "text": p.text, "place": p.place.to_dict()} for p in result.places]
    data["times"] = [{"start": t.start, "end": t.end, "text": t.text, "value": t.value} for t in result.times]
    data["related"] = [{**article_summary(d), "similarity": s} for d, s in state.catalog.related(doc_id)]
    data["near_duplicates"] = duplicates_of(state.catalog, doc_id)
    return data


@router.get("/search", summary="Full-text search over articles (every word must match)")
def search(state: StateDep, _: ReaderDep, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
    hits = state.store.search(q, limit=limit)
    return {"items": [{"doc_id": h.doc_id, "title": h.title, "snippet": h.snippet, "score": round(h.score, 4)}
                      for h in hits]}


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    site_name: str | None = Field(default=None, max_length=200)
    published: dt.date | None = None


@router.post("/articles", status_code=201, summary="Ingest one article: run the pipeline and store the result")
def ingest_article(body: ArticleIn, state: StateDep, user: WriterDep) -> dict[str, Any]:
    from newsevents.ingest.documents import document_from_text

    metadata = Metadata(title=body.title, url=body.url, site_name=body.site_name, published=body.published,
                        published_from="input" if body.published else None)
    document = document_from_text(body.text, settings=state.settings, source=f"api:{user.name}", metadata=metadata)
    result = state.pipeline.process(document)
    outcome = state.store.add_document(result)
    state.catalog.invalidate()
    return {"id": document.id, "outcome": outcome, "events": len(result.events)}
