"""JSON Lines input: one document per line (``id``, ``text`` or ``html``, optional ``url``, ``title``,
``published``). A bad line becomes a Rejection naming its line number; the other lines go through."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace

from newsevents.errors import InputError
from newsevents.ingest.documents import build_document, document_from_html, text_id
from newsevents.ingest.metadata import Metadata, parse_published
from newsevents.ingest.plaintext import clean_text, find_headline
from newsevents.model import Document, Rejection
from newsevents.settings import Settings


@dataclass(frozen=True, slots=True)
class Record:
    """One validated JSON Lines record."""

    id: str | None
    text: str | None
    html: str | None
    url: str | None
    title: str | None
    published: str | None


def read_jsonl(text: str, source: str, settings: Settings) -> Iterator[Document | Rejection]:
    """Every non-blank line of a JSON Lines file as a Document or a Rejection (``source#L<n>``)."""
    for number, line in enumerate(text.split("\n"), start=1):  # numbered as editors and sed number them
        if not line.strip():
            continue
        line_source = f"{source}#L{number}"
        try:
            yield record_document(parse_record(line, line_source), line_source, settings)
        except InputError as exc:
            yield Rejection(source=line_source, reason=str(exc), code=exc.code, doc_id=_record_id(line))


def parse_record(line: str, source: str) -> Record:
    """A JSON Lines record, checked field by field; InputError(code="jsonl") saying what is wrong."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _bad(source, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise _bad(source, f"a JSON object is needed, not {type(data).__name__}")
    fields = {name: data.get(name) for name in ("id", "text", "html", "url", "title", "published")}
    for name, value in fields.items():
        allowed = (str, int) if name == "id" else (str,)
        if value is not None and (isinstance(value, bool) or not isinstance(value, allowed)):
            raise _bad(source, f'field "{name}" must be a string, not {type(value).__name__}')
    if not (fields["text"] or fields["html"]):
        raise _bad(source, 'the record has neither "text" nor "html"')
    fields["id"] = str(fields["id"]) if fields["id"] is not None else None
    return Record(**fields)


def _bad(source: str, what: str) -> InputError:
    return InputError(f"{source}: {what}.", code="jsonl",
                      hint='Write one JSON object per line with "id" and "text" (or "html").')


def _record_id(line: str) -> str | None:
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return str(value) if isinstance(value, str | int) else None


def record_document(record: Record, source: str, settings: Settings) -> Document:
    published = None
    if record.published:
        try:
            published = parse_published(record.published)
        except ValueError:
            raise _bad(source, f'"published" {record.published!r} is not YYYY-MM-DD or an ISO datetime') from None
    if record.html and not record.text:
        document = document_from_html(record.html, settings=settings, source=source, url=record.url,
                                      doc_id=record.id, published=published)
        return replace(document, title=record.title or document.title)
    text = clean_text(record.text or "")
    headline = find_headline(text)
    metadata = Metadata(
        title=record.title or (headline.title if headline else None),
        section=headline.section if headline and not record.title else None,
        published=published,
        published_from="input" if published else None,
        url=record.url,
    )
    return build_document(text, source=source, settings=settings, metadata=metadata,
                          doc_id=record.id or text_id(text))
