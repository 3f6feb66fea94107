"""Settings: one object, built once (from defaults, environment and CLI options) and passed in."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def default_cache_dir() -> Path:
    """Where derived data (the gazetteer index) is cached: $NEWSEVENTS_CACHE or the user cache dir."""
    env = os.environ.get("NEWSEVENTS_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsevents"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    user_agent: str = "newsevents/0.1 (+https://github.com/newsevents/newsevents; news event coding)"


@dataclass(frozen=True, slots=True)
class WatchSettings:
    """Polling feeds and fetching their articles politely (``newsevents watch`` and feed inputs)."""

    interval: float = 900.0  # seconds between two polls of the feeds
    max_items: int = 100  # items read from one feed per poll; the rest is reported, not read
    min_interval: float = 1.0  # seconds between two requests to one host (a robots.txt Crawl-delay may raise it)
    retries: int = 3  # further attempts after a 429, a 5xx or a timeout
    backoff: float = 1.0  # seconds before the first retry; doubled for each further one
    max_backoff: float = 30.0  # no single wait is longer (nor a server's Retry-After, which is capped to it)


@dataclass(frozen=True, slots=True)
class Settings:
    cache_dir: Path = field(default_factory=default_cache_dir)
    spacy_model: str = "en_core_web_sm"
    extractor: str = "hybrid"  # hybrid (rules + trained model) | rules
    geocoder: str = "gazetteer"
    max_input_bytes: int = 20_000_000  # larger files are refused, not truncated
    min_text_chars: int = 40  # shorter text is refused: a one-sentence report is longer than this
    min_article_chars: int = 100  # an HTML page whose main text is shorter has "no article" (menus, fronts)
    min_confidence: float = 0.0
    published: dt.date | None = None  # overrides every document's publication date
    today: dt.date | None = None  # "now" for inferring a year; None = the real today
    fetch: FetchSettings = field(default_factory=FetchSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)

    def with_(self, **changes: object) -> "Settings":
        return replace(self, **changes)

    def reference_today(self) -> dt.date:
        return self.today or dt.date.today()
