"""From cleaned text and metadata to a ``Document``: identity, hash, language, publication date.

``document_from_text`` and ``document_from_html`` are the programmatic entry points
(``newsevents.extract(text=...)`` calls them); they raise ``InputError`` for input they refuse.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from newsevents.errors import InputError
from newsevents.ingest.html import article_text, extract_article
from newsevents.ingest.metadata import Metadata
from newsevents.ingest.language import LanguageDetector, check_language
from newsevents.ingest.plaintext import clean_text, find_headline
from newsevents.model import Document
from newsevents.settings import Settings

ID_CHARS = 12


def text_id(text: str) -> str:
    """A stable short id for a text: the first 12 hex digits of sha1 of the normalised text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:ID_CHARS]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_document(
    text: str,
    *,
    source: str,
    settings: Settings,
    metadata: Metadata = Metadata(),
    doc_id: str | None = None,
    detector: LanguageDetector | None = None,
) -> Document:
    """Check the (already cleaned) text and wrap it with its metadata; InputError when it is refused."""
    if not text.strip() or len(text) < settings.min_text_chars:
        raise _too_short(text, source, settings)
    language = check_language(text, source, detector)
    published, published_from = metadata.published, metadata.published_from if metadata.published else None
    if settings.published is not None:
        published, published_from = settings.published, "option"
    return Document(
        id=doc_id or text_id(text),
        text=text,
        source=source,
        title=metadata.title,
        site_name=metadata.site_name,
        section=metadata.section,
        categories=metadata.categories,
        author=metadata.author,
        published=published,
        published_from=published_from,
        url=metadata.url,
        canonical_url=metadata.canonical_url,
        language=language,
        content_hash=content_hash(text),
    )


def _too_short(text: str, source: str, settings: Settings) -> InputError:
    if not text.strip():
        return InputError(f"{source}: the input is empty.", code="empty", hint="Pass a file with article text.")
    return InputError(
        f"{source}: only {len(text)} characters of text (at least {settings.min_text_chars} needed).",
        code="too-short",
        hint="Pass a whole article, not a headline or a fragment.",
    )


def document_from_text(
    text: str,
    *,
    settings: Settings | None = None,
    source: str = "<text>",
    metadata: Metadata = Metadata(),
    doc_id: str | None = None,
) -> Document:
    """A Document from plain text: cleaned, headline line as the title (when there is no title yet)."""
    settings = settings or Settings()
    cleaned = clean_text(text)
    headline = find_headline(cleaned)
    if headline is not None and metadata.title is None:
        metadata = replace(metadata, title=headline.title, section=metadata.section or headline.section)
    return build_document(cleaned, source=source, settings=settings, metadata=metadata, doc_id=doc_id)


def document_from_html(
    html: str | bytes,
    *,
    settings: Settings | None = None,
    source: str = "<html>",
    url: str | None = None,
    doc_id: str | None = None,
    published: dt.date | None = None,
    charset: str | None = None,
) -> Document:
    """A Document from an HTML page: main text (paragraphs separated by blank lines) and metadata.

    ``published`` (e.g. from a JSON Lines record) wins over the page's metadata; ``settings.published``
    wins over both. ``charset`` is the one a server declared, tried first when ``html`` is bytes.
    """
    settings = settings or Settings()
    article = extract_article(html, source=source, url=url, charset=charset)
    text = article_text(article.text)
    if len(text) < max(settings.min_text_chars, settings.min_article_chars):
        raise InputError(
            f"{source}: no article found in the page ({len(text)} characters of main text, "
            f"at least {max(settings.min_text_chars, settings.min_article_chars)} needed).",
            code="no-article",
            hint="Pass the page of a single article (not a front page or a list), or its text.",
        )
    metadata = article.metadata
    if published is not None:
        metadata = replace(metadata, published=published, published_from="input")
    return build_document(text, source=source, settings=settings, metadata=metadata, doc_id=doc_id)
