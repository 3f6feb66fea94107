"""What is known about a text besides the text itself, and how publication dates are read."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

PublishedFrom = Literal["metadata", "option", "input", "text", None]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata from HTML (trafilatura) or a JSON Lines record."""

    title: str | None = None
    site_name: str | None = None
    section: str | None = None
    categories: tuple[str, ...] = field(default=())
    author: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom = None
    url: str | None = None
    canonical_url: str | None = None


def parse_published(value: str) -> dt.date:
    """YYYY-MM-DD or an ISO 8601 datetime (``Z`` allowed) to a date; ValueError otherwise."""
    value = value.strip()
    if not _ISO_DAY.match(value):
        raise ValueError(f"{value!r} is not YYYY-MM-DD or an ISO datetime")
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00")).date()


# Title segments after " | " that are this short are section or site names ("Headline | World | Daily Post").
MAX_SUFFIX_WORDS = 3
_TITLE_SEPARATOR = re.compile(r"\s+\|\s+")
_DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+")


def clean_title(title: str, names: tuple[str | None, ...] = ()) -> str:
    """A page title without trailing " | Section | Site" parts (and without " - Site" for a known site)."""
    known = {name.strip().lower() for name in names if name}
    parts = [part for part in _TITLE_SEPARATOR.split(title.strip()) if part]
    while len(parts) > 1 and (parts[-1].lower() in known or len(parts[-1].split()) <= MAX_SUFFIX_WORDS):
        parts.pop()
    head = " | ".join(parts)
    dashed = _DASH_SEPARATOR.split(head)
    if len(dashed) > 1 and dashed[-1].strip().lower() in known:
        head = " - ".join(dashed[:-1]) if len(dashed) > 2 else dashed[0]
    return head.strip() or title.strip()
