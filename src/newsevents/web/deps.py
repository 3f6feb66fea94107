"""What every route gets: the app's state, who is asking, and the checks for reading and writing."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.web.auth import SESSION_COOKIE, LoginLimiter, Principal, Sessions, token_principal
from newsevents.web.catalog import Catalog
from newsevents.web.config import WebSettings
from newsevents.web.security import CSRF_FIELD, check_csrf, csrf_seed, csrf_token

TEMPLATES = Path(__file__).parent / "templates"


class AuthRequired(Exception):
    """The request needs a logged-in user (or one with another role)."""

    def __init__(self, message: str = "log in first (or send Authorization: Bearer TOKEN).",
                 status: int = 401) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class AppState:
    settings: Settings
    web: WebSettings
    store: Store
    catalog: Catalog
    sessions: Sessions
    limiter: LoginLimiter
    templates: Jinja2Templates
    extras: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def pipeline(self) -> Any:
        from newsevents.pipeline import Pipeline

        return Pipeline(self.settings)


async def get_state(request: Request) -> AppState:
    return request.app.state.newsevents


StateDep = Annotated[AppState, Depends(get_state)]


async def current_principal(request: Request, state: StateDep) -> Principal | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        principal = token_principal(state.store, header[7:].strip())
        if principal is None:
            raise AuthRequired("the API token is not valid.")
        return principal
    session = state.sessions.read(request.cookies.get(SESSION_COOKIE))
    if session is None:
        return None
    user = state.store.user(session[0])
    return Principal(user.name, user.role, "session", session[1]) if user else None


PrincipalDep = Annotated[Principal | None, Depends(current_principal)]


async def require_reader(state: StateDep, principal: PrincipalDep) -> Principal | None:
    if not state.web.read_open and principal is None:
        raise AuthRequired("this server requires a login to read.")
    return principal


ReaderDep = Annotated[Principal | None, Depends(require_reader)]


async def require_writer(request: Request, state: StateDep, principal: PrincipalDep) -> Principal:
    """A logged-in user; a browser session must also send the CSRF token (form field or header)."""
    if principal is None:
        raise AuthRequired()
    if principal.via == "session":
        submitted = None
        if request.headers.get("content-type", "").startswith(("application/x-www-form-urlencoded",
                                                                "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            submitted = value if isinstance(value, str) else None
        check_csrf(request, state.web.secret_key, submitted)
    return principal


WriterDep = Annotated[Principal, Depends(require_writer)]


async def require_admin(principal: WriterDep) -> Principal:
    if principal.role != "admin":
        raise AuthRequired(f"{principal.name} is not an admin.", status=403)
    return principal


AdminDep = Annotated[Principal, Depends(require_admin)]


def page_context(request: Request, state: AppState, principal: Principal | None, **values: Any) -> dict[str, Any]:
    """What every template gets: the user, the CSRF token for its forms, and the values given."""
    return {"request": request, "user": principal, "read_open": state.web.read_open,
            "csrf_token": csrf_token(state.web.secret_key, csrf_seed(request)), **values}
