"""Users, passwords, sessions and API tokens.

Passwords are hashed with Argon2id (argon2-cffi). The browser holds a signed session cookie (user name and
a random session id, itsdangerous); scripts send ``Authorization: Bearer TOKEN``, stored as its SHA-256.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import deque
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer

from newsevents.errors import ConfigError
from newsevents.store import Store, UserRecord

ROLES = ("analyst", "admin")
SESSION_COOKIE = "ne_session"
MIN_PASSWORD_CHARS = 10


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is asking: a user (with a role) and how they proved it."""

    name: str
    role: str
    via: str  # session | token
    session_id: str = ""


@cache
def hasher() -> PasswordHasher:
    return PasswordHasher()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise ConfigError(f"the password is too short ({len(password)} characters).",
                          hint=f"Use at least {MIN_PASSWORD_CHARS} characters.")
    return hasher().hash(password)


def check_password(stored_hash: str, password: str) -> bool:
    try:
        return hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def add_user(store: Store, name: str, password: str, role: str = "analyst") -> UserRecord:
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}.", hint=f"Use one of: {', '.join(ROLES)}.")
    if not name.strip() or len(name) > 64:
        raise ConfigError("a user name must have 1 to 64 characters.", hint="Choose another name.")
    return store.save_user(UserRecord(name.strip(), hash_password(password), role))


def authenticate(store: Store, name: str, password: str) -> UserRecord | None:
    user = store.user(name)
    if user is None:
        hasher().hash(password)  # spend the same time as for a known user: names are not revealed
        return None
    return user if check_password(user.password_hash, password) else None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token(store: Store, user: str, label: str | None = None) -> str:
    """A new API token for ``user``; only its hash is stored, so show it once."""
    token = "ne_" + secrets.token_urlsafe(32)
    store.add_token(token_hash(token), user, label)
    return token


def token_principal(store: Store, token: str) -> Principal | None:
    name = store.token_user(token_hash(token))
    user = store.user(name) if name else None
    return Principal(user.name, user.role, "token") if user else None


class Sessions:
    """Signed, timed session cookies: ``{"u": name, "s": session id}``."""

    def __init__(self, secret_key: str, max_age_s: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt="newsevents-session")
        self._max_age = max_age_s

    def issue(self, user: str) -> str:
        return self._serializer.dumps({"u": user, "s": secrets.token_urlsafe(16)})

    def read(self, cookie: str | None) -> tuple[str, str] | None:
        if not cookie:
            return None
        try:
            data = self._serializer.loads(cookie, max_age=self._max_age)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("u"), str) or not isinstance(data.get("s"), str):
            return None
        return data["u"], data["s"]


class LoginLimiter:
    """At most ``attempts`` failed logins per key (client address + user name) within ``window_s``."""

    def __init__(self, attempts: int, window_s: float) -> None:
        self.attempts = attempts
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = {}

    def blocked(self, key: str) -> bool:
        recent = self._recent(key)
        return len(recent) >= self.attempts

    def failed(self, key: str) -> None:
        self._recent(key).append(time.monotonic())

    def succeeded(self, key: str) -> None:
        self._failures.pop(key, None)

    def _recent(self, key: str) -> deque[float]:
        queue = self._failures.setdefault(key, deque())
        cutoff = time.monotonic() - self.window_s
        while queue and queue[0] < cutoff:
            queue.popleft()
        return queue
