"""WARC and ARC archives (plain or gzipped), as Common Crawl's CC-NEWS publishes them, read as a stream.

Only ``response`` records with HTTP status 200 and an HTML content type are articles; every other record
(warcinfo, request, metadata, revisit, a redirect, a PDF...) is skipped and counted by kind. Each article
record becomes a Document via ``document_from_html`` or a Rejection; either way its ``source`` is
``PATH#OFFSET``, the record's byte offset in the file (what ``warcio extract PATH OFFSET`` takes).

WARC-Date is when the page was fetched, not when it was published: it is read (``ArchiveRecord.fetched``)
but never used as the publication date, which comes from the page's metadata when it has one.

A file that is not a WARC/ARC at all is one Rejection; a corrupt or truncated one yields every record read
before the damage, then one Rejection for the rest of the file.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from newsevents.errors import InputError
from newsevents.ingest.documents import document_from_html
from newsevents.ingest.polite import charset_of
from newsevents.model import Document, Rejection
from newsevents.settings import Settings

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
SNIFF_BYTES = 64
READ_BYTES = 65_536
# What warcio raises on a damaged file: a bad record header, bad gzip data, a bad HTTP header block, and
# (found by the truncation property test) whatever a header cut in the middle leads it to: a missing URI
# is an AttributeError, a missing field a TypeError or KeyError.
DAMAGE = (ArchiveLoadFailed, zlib.error, EOFError, StatusAndHeadersParserException, ValueError, OSError,
          AttributeError, TypeError, KeyError, IndexError)

Item = Document | Rejection


@dataclass(frozen=True, slots=True)
class ArchiveRecord:
    """One article record: its page and where it came from."""

    uri: str
    offset: int  # byte offset of the record in the file (in the compressed file for .gz)
    fetched: dt.datetime | None  # WARC-Date: when the crawler fetched the page
    body: bytes
    charset: str | None  # from the HTTP Content-Type header


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def read_archive(path: Path, settings: Settings, *, skipped: Counter[str] | None = None) -> Iterator[Item]:
    """Documents (or Rejections) for the article records of a WARC/ARC file, in file order.

    ``skipped`` counts the records that are not articles, by kind ("request", "revisit", "status 404",
    "not html"...). Raises InputError when the file cannot be opened or is not a WARC/ARC."""
    for entry in iter_records(path, settings, skipped=skipped):
        if isinstance(entry, Rejection):
            yield entry
        else:
            yield record_document(entry, path, settings)


def record_document(record: ArchiveRecord, path: Path, settings: Settings) -> Item:
    source = f"{path}#{record.offset}"
    try:
        return document_from_html(record.body, settings=settings, source=source, url=record.uri,
                                  charset=record.charset)
    except InputError as exc:
        return Rejection(source, f"{exc} (record of {record.uri})", exc.code)


def iter_records(path: Path, settings: Settings, *, skipped: Counter[str] | None = None
                 ) -> Iterator[ArchiveRecord | Rejection]:
    """The article records of an archive, then a Rejection if it ends in damage."""
    skipped = skipped if skipped is not None else Counter()
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).", code="unreadable",
                         hint="Check the file's permissions.") from None
    with handle:
        _check_format(path, handle)
        yield from _records(path, handle, settings, skipped)


def _check_format(path: Path, handle: BinaryIO) -> None:
    """InputError unless the file starts like a WARC ("WARC/1.x") or an ARC ("filedesc://"), gzipped or not."""
    head = handle.read(SNIFF_BYTES)
    handle.seek(0)
    if not head:
        raise InputError(f"{path}: the archive is empty.", code="empty", hint="Pass a WARC or ARC file.")
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(handle.read(4096), SNIFF_BYTES)
        except zlib.error:
            head = b""
        handle.seek(0)
    if not head.startswith((b"WARC/", b"filedesc://")):
        shown = head[:16].decode("ascii", "replace").encode("unicode_escape").decode("ascii")
        raise InputError(f"{path}: not a WARC or ARC file (it starts with {shown!r}).", code="not-warc",
                         hint="Pass a .warc, .warc.gz, .arc or .arc.gz file, e.g. one of CC-NEWS.")


class _Archive(ArchiveIterator):
    """warcio's iterator, noting on close whether the last gzip member was whole (warcio stops quietly
    at a gzip member cut short, as if the file ended there)."""

    gzip_cut = False

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader is not None else None
        if decompressor is not None and not decompressor.eof:
            self.gzip_cut = True
        super().close()


def _records(path: Path, handle: BinaryIO, settings: Settings, skipped: Counter[str]
             ) -> Iterator[ArchiveRecord | Rejection]:
    archive = _Archive(handle, arc2warc=True)
    records = iter(archive)
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            offset = archive.offset
            kind = _kind(record)
            found = _article(record, f"{path}#{offset}", offset, settings) if kind is None else None
            _check_whole(record)
        except DAMAGE as exc:
            yield _damaged(path, archive.offset, _what_failed(exc))
            return
        if kind is not None:
            skipped[kind] += 1
        elif found is not None:
            yield found
    yield from _check_end(path, archive)


def _check_end(path: Path, archive: _Archive) -> Iterator[Rejection]:
    """A Rejection when the file goes on after the last whole record, or its last gzip member is cut."""
    size = path.stat().st_size
    if archive.gzip_cut:
        yield _damaged(path, archive.offset, "the last gzip member is cut short")
    elif archive.offset < size:
        yield _damaged(path, archive.offset, f"{size - archive.offset} bytes at the end are not a whole record")


def _kind(record: ArcWarcRecord) -> str | None:
    """Why a record is not an article (its kind), or None when it is one."""
    if record.rec_type != "response":
        return record.rec_type or "unknown"
    headers = record.http_headers
    if headers is None:
        return "no http"
    status = headers.get_statuscode()
    if status != "200":
        return f"status {status}"
    media_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return None if media_type in HTML_TYPES else "not html"


def _article(record: ArcWarcRecord, source: str, offset: int, settings: Settings) -> ArchiveRecord | Rejection:
    """The record's page (decoded from chunked/gzip transfer); a Rejection when it is too large."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    limit = settings.fetch.max_bytes
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        return Rejection(source, f"{source}: the page is too large (more than {limit} bytes; record of {uri}).",
                         "too-large")
    charset = charset_of(record.http_headers.get_header("Content-Type") or "")
    return ArchiveRecord(uri, offset, _warc_date(record), body, charset)


def _check_whole(record: ArcWarcRecord) -> None:
    """EOFError unless the record's whole declared block is there (read to its end to see)."""
    declared = record.rec_headers.get_header("Content-Length") or ""
    if not declared.strip().isdigit():
        raise EOFError(f"a record header with no valid Content-Length ({declared!r})")
    while record.raw_stream.read(READ_BYTES):
        continue
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        uri = record.rec_headers.get_header("WARC-Target-URI")
        raise EOFError(f"the {record.rec_type or ''} record{f' of {uri}' if uri else ''} is cut short "
                       f"({missing} bytes missing)")


def _warc_date(record: ArcWarcRecord) -> dt.datetime | None:
    value = record.rec_headers.get_header("WARC-Date")
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _damaged(path: Path, offset: int, reason: str) -> Rejection:
    offset = max(offset, 0)  # warcio's offset can go below 0 after a gzip error
    return Rejection(f"{path}#{offset}",
                     f"{path}: the archive is damaged or truncated from byte {offset} on ({reason}); the "
                     "records before it were read, the rest of the file was not.", "warc-damaged")


def _what_failed(exc: BaseException) -> str:
    text = str(exc)
    if "non-chunked gzip" in text:
        return "the file is one gzip stream, not one gzip member per record; repair it with: warcio recompress"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
