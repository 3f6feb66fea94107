"""Server-rendered pages: dashboard, incident, article, search, login, review forms, situation report."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsevents.store import Review
from newsevents.taxonomy import EVENT_TYPES
from newsevents.web.auth import SESSION_COOKIE, authenticate
from newsevents.web.basemap import Marker, map_scene
from newsevents.web.charts import timeline_scene
from newsevents.corrections import MODALITIES, ROLES, CorrectionError, check_changes
from newsevents.web.dashboard import dashboard_data, facet_values, incident_label
from newsevents.web.deps import PrincipalDep, ReaderDep, StateDep, WriterDep, page_context
from newsevents.web.drawing import TYPE_COLOURS, to_svg
from newsevents.web.filters import filters_from_query, filters_query
from newsevents.web.highlight import article_spans, highlight
from newsevents.web.security import check_csrf
from newsevents.taxonomy import ACTOR_CATEGORIES

router = APIRouter(include_in_schema=False)


def render(request: Request, state: Any, user: Any, template: str, status: int = 200, **values: Any) -> Response:
    return state.templates.TemplateResponse(request, template, page_context(request, state, user, **values),
                                            status_code=status)


@router.get("/", response_class=HTMLResponse)
def dashboard_page(request: Request, state: StateDep, user: ReaderDep) -> Response:
    filters = filters_from_query(request.query_params)
    snap = state.catalog.snapshot()
    data = dashboard_data(snap, filters)
    markers = [Marker(p.lat, p.lon, p.sources, p.event_type, p.label, f"/incidents/{p.incident_id}")
               for p in data.points]
    return render(request, state, user, "dashboard.html", data=data, filters=filters,
                  query=filters_query(filters), facets=facet_values(snap), event_types=list(EVENT_TYPES),
                  modalities=MODALITIES, colours=TYPE_COLOURS, incident_label=incident_label,
                  map_svg=to_svg(map_scene(markers)), timeline_svg=to_svg(timeline_scene(data.timeline)),
                  documents=snap.documents)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(incident_id: str, request: Request, state: StateDep, user: ReaderDep) -> Response:
    snap = state.catalog.snapshot()
    view = snap.incidents.get(incident_id)
    if view is None:
        raise HTTPException(404, f"no incident {incident_id!r}.")
    loc = view.incident.location
    markers = [Marker(loc.lat, loc.lon, view.incident.source_count, view.incident.event_type,
                      incident_label(view))] if loc else []
    return render(request, state, user, "incident.html", view=view, label=incident_label(view),
                  documents=snap.documents, map_svg=to_svg(map_scene(markers, width=480, height=240)))


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article_page(doc_id: str, request: Request, state: StateDep, user: ReaderDep) -> Response:
    result = state.store.result(doc_id)
    if result is None:
        raise HTTPException(404, f"no article {doc_id!r}.")
    events = state.catalog.reviewed(result.events)
    snap = state.catalog.snapshot()
    duplicates = [d for d in snap.duplicates if doc_id in (d.doc_id, d.original_id)]
    return render(request, state, user, "article.html", document=result.document, events=events,
                  text=highlight(result.document.text, article_spans(result, events)),
                  related=state.catalog.related(doc_id), duplicates=duplicates, documents=snap.documents,
                  incident_of=snap.incident_of, event_types=EVENT_TYPES, modalities=MODALITIES, roles=ROLES,
                  categories=ACTOR_CATEGORIES)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, state: StateDep, user: ReaderDep, q: str = "") -> Response:
    hits = state.store.search(q[:500], limit=50) if q.strip() else []
    return render(request, state, user, "search.html", q=q, hits=hits)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, state: StateDep, user: PrincipalDep, next: str = "/") -> Response:
    return render(request, state, user, "login.html", next=_local(next), message=None)


def _local(target: str) -> str:
    """Only paths on this site (no //host or scheme): a login never redirects elsewhere."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, state: StateDep, username: Annotated[str, Form(max_length=64)],
          password: Annotated[str, Form(max_length=1000)], csrf_token: Annotated[str, Form()] = "",
          next: Annotated[str, Form()] = "/") -> Response:
    check_csrf(request, state.web.secret_key, csrf_token)
    key = f"{request.client.host if request.client else '?'}:{username}"
    if state.limiter.blocked(key):
        return render(request, state, None, "login.html", status=429, next=_local(next),
                      message="Too many failed attempts: wait a few minutes and try again.")
    user = authenticate(state.store, username, password)
    if user is None:
        state.limiter.failed(key)
        return render(request, state, None, "login.html", status=401, next=_local(next),
                      message="Wrong user name or password.")
    state.limiter.succeeded(key)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, state.sessions.issue(user.name), httponly=True, samesite="lax",
                        secure=state.web.secure_cookies, max_age=state.web.session_max_age_s)
    return response


@router.post("/logout")
def logout(request: Request, state: StateDep, _: WriterDep) -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post("/events/{event_id}/review")
async def review_form(event_id: str, request: Request, state: StateDep, user: WriterDep) -> Response:
    event = state.store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}.")
    form = await request.form()
    action = str(form.get("action", ""))
    if action not in ("confirm", "reject", "correct"):
        raise CorrectionError(f"action {action!r} is not confirm, reject or correct.")
    changes = check_changes(changes_from_form(form)) if action == "correct" else {}
    comment = str(form.get("comment", "")).strip()[:2000] or None
    state.store.add_review(Review(event_id, user.name, action, changes, comment))
    state.catalog.invalidate()
    return RedirectResponse(f"/articles/{event.doc_id}#event-{event_id}", status_code=303)


def changes_from_form(form: Any) -> dict[str, Any]:
    """The fields an analyst filled in (blank ones are left as they were)."""
    value = lambda name: str(form.get(name, "")).strip()  # noqa: E731
    changes: dict[str, Any] = {}
    for name in ("event_type", "sub_event_type", "date", "modality"):
        if value(name):
            changes[name] = value(name)
    if value("place_name"):
        changes["place"] = {"name": value("place_name"), "country": value("place_country"),
                            "lat": value("place_lat"), "lon": value("place_lon"),
                            "precision": value("place_precision") or "town"}
    if value("actor_name"):
        changes["actors"] = [{"name": value("actor_name"), "role": value("actor_role") or "actor1",
                              "category": value("actor_category") or "Civilians"}]
    return changes


@router.get("/report")
def report_download(request: Request, state: StateDep, _: ReaderDep, format: str = "html") -> Response:
    from newsevents.report import build_report, render_report

    if format not in ("html", "md", "pdf"):
        raise HTTPException(400, "format must be html, md or pdf.")
    filters = filters_from_query(request.query_params)
    report = build_report(state.catalog.snapshot(), filters)
    body = render_report(report, format)
    media = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "pdf": "application/pdf"}
    return Response(body, media_type=media[format],
                    headers={"content-disposition": f'attachment; filename="situation-report.{format}"'})


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request, state: StateDep, user: PrincipalDep) -> Response:
    schema = request.app.openapi()
    endpoints = [(method.upper(), path, op.get("summary", "")) for path, ops in schema["paths"].items()
                 for method, op in ops.items()]
    return render(request, state, user, "api.html", endpoints=endpoints)
