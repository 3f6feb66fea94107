"""newsevents: news articles to coded, dated, mapped events with evidence.

    import newsevents
    result = newsevents.extract(text="...", published="2022-01-11")
    for event in result.events: ...
"""

from __future__ import annotations

import datetime as dt
from functools import cache

__version__ = "0.1.0"


@cache
def _pipeline(settings):  # one pipeline (spaCy model, gazetteer) per distinct settings
    from newsevents.pipeline import Pipeline

    return Pipeline(settings)


def extract(text: str | None = None, *, html: str | None = None, url: str | None = None,
            published: str | dt.date | None = None, settings=None):
    """Code one article given as ``text`` or ``html`` (``url`` is only recorded); returns a ``Result``."""
    from newsevents.errors import ConfigError
    from newsevents.ingest import document_from_html, document_from_text
    from newsevents.settings import Settings

    if (text is None) == (html is None):
        raise ConfigError("Pass exactly one of text= or html=.")
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    settings = (settings or Settings()).with_(published=published) if published else (settings or Settings())
    if html is not None:
        document = document_from_html(html, settings=settings, source=url or "<html>", url=url)
    else:
        document = document_from_text(text, settings=settings, source=url or "<text>")
    return _pipeline(settings).process(document)
