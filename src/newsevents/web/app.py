"""``create_app(settings, store)``: the FastAPI app with its routers, security middleware and error pages."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsevents.errors import NewsEventsError
from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.web.auth import LoginLimiter, Sessions
from newsevents.web.catalog import Catalog
from newsevents.web.config import WebSettings
from newsevents.corrections import CorrectionError
from newsevents.web.deps import TEMPLATES, AppState, AuthRequired
from newsevents.web.filters import FilterError
from newsevents.web.security import CsrfError, SecurityMiddleware

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("newsevents.web")


def create_app(settings: Settings, store: Store, *, web: WebSettings | None = None) -> FastAPI:
    web = web or WebSettings()
    app = FastAPI(title="newsevents", version="1", docs_url=None, redoc_url=None,  # their pages load a CDN
                  description="Coded news events, incidents, articles and analyst reviews. Filters are shared by "
                              "the event, dashboard and export endpoints; listings page with `cursor`.")
    templates = Jinja2Templates(directory=str(TEMPLATES))
    app.state.newsevents = AppState(settings, web, store, Catalog(store, web.cache_check_s),
                                    Sessions(web.secret_key, web.session_max_age_s),
                                    LoginLimiter(web.login_attempts, web.login_window_s), templates)
    app.add_middleware(SecurityMiddleware, secure_cookies=web.secure_cookies)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    _add_error_handlers(app)
    from newsevents.web.routers import api_articles, api_events, api_exports, api_meta, pages

    for module in (pages, api_events, api_articles, api_meta, api_exports):
        app.include_router(module.router)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api") or "application/json" in request.headers.get("accept", "")


def _error(request: Request, status: int, message: str, **extra: object) -> Response:
    if _is_api(request):
        return JSONResponse({"error": message, **extra}, status_code=status)
    state: AppState = request.app.state.newsevents
    return state.templates.TemplateResponse(request, "error.html", {"status": status, "message": message,
                                                                    "user": None, "csrf_token": ""},
                                            status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AuthRequired)
    async def auth_required(request: Request, exc: AuthRequired) -> Response:
        if not _is_api(request) and exc.status == 401 and request.method == "GET":
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        return _error(request, exc.status, str(exc))

    @app.exception_handler(CsrfError)
    async def csrf_failed(request: Request, exc: CsrfError) -> Response:
        return _error(request, 403, str(exc))

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(CorrectionError)
    async def bad_correction(request: Request, exc: CorrectionError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(NewsEventsError)
    async def domain_error(request: Request, exc: NewsEventsError) -> Response:
        return _error(request, 400, exc.message, hint=exc.hint)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(request, 422, f"{where}: {first.get('msg', 'invalid input')}",
                      detail=[{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error(request, 500, "internal error: the server log has the details.")
