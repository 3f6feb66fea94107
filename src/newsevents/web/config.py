"""The web app's own settings: one frozen object passed to ``create_app`` (the CLI builds it)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

# Login attempts allowed per client address and user name within LOGIN_WINDOW_S before 429.
# Not calibrated on data: five typos in five minutes is generous for a person and useless for guessing.
LOGIN_ATTEMPTS = 5
LOGIN_WINDOW_S = 300.0
SESSION_MAX_AGE_S = 12 * 3600  # a working day
# How long cached views of the store (dashboard aggregates, incidents, reviews) are trusted before the
# store is asked whether anything changed (a cheap count query). Writes through the app clear them at once.
CACHE_CHECK_S = 2.0


@dataclass(frozen=True, slots=True)
class WebSettings:
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))  # signs sessions, CSRF tokens
    read_open: bool = True  # reading without logging in; ingest, review and admin always need a user
    secure_cookies: bool = False  # set behind HTTPS
    login_attempts: int = LOGIN_ATTEMPTS
    login_window_s: float = LOGIN_WINDOW_S
    session_max_age_s: int = SESSION_MAX_AGE_S
    cache_check_s: float = CACHE_CHECK_S
