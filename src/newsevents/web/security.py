"""Security headers on every response, and CSRF tokens for every form and cookie-authenticated write.

CSRF: each browser gets a random ``ne_csrf`` cookie; forms carry HMAC(secret, cookie) in ``csrf_token``
(or scripts in the ``X-CSRF-Token`` header). A write with a session cookie or to the login form must
carry a matching token; API-token requests need none (a browser never sends those on its own).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "ne_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

CSP = "; ".join((
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
))
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "geolocation=(), camera=(), microphone=()",
}


class CsrfError(Exception):
    """A write without a valid CSRF token."""


def csrf_token(secret_key: str, seed: str) -> str:
    return hmac.new(secret_key.encode(), f"csrf:{seed}".encode(), hashlib.sha256).hexdigest()


def csrf_seed(request: Request) -> str:
    """This browser's CSRF seed (from its cookie, or a new one the middleware will set)."""
    seed = getattr(request.state, "csrf_seed", None)
    if seed is None:
        seed = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
        request.state.csrf_seed = seed
    return seed


def check_csrf(request: Request, secret_key: str, submitted: str | None) -> None:
    seed = request.cookies.get(CSRF_COOKIE)
    given = submitted or request.headers.get(CSRF_HEADER)
    if not seed or not given or not hmac.compare_digest(given, csrf_token(secret_key, seed)):
        raise CsrfError("missing or wrong CSRF token: reload the page and submit the form again.")


class SecurityMiddleware:
    """Pure ASGI (cheaper than BaseHTTPMiddleware): security headers on every response, and the CSRF
    cookie set when a page handed out a token for a new seed."""

    def __init__(self, app: ASGIApp, *, secure_cookies: bool = False) -> None:
        self.app = app
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                seed = scope.get("state", {}).get("csrf_seed")
                if seed is not None and Request(scope).cookies.get(CSRF_COOKIE) != seed:
                    secure = "; Secure" if self.secure_cookies else ""
                    headers.append("set-cookie", f"{CSRF_COOKIE}={seed}; HttpOnly; Path=/; SameSite=Strict{secure}")
            await send(message)

        await self.app(scope, receive, send_with_headers)
