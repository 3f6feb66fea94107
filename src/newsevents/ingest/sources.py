"""Dispatch: each INPUT (file, directory, URL, ``-``) to the reader that fits it.

WARC/ARC files go to ``warc``; RSS/Atom feeds (files, or URLs that look like feeds) to ``feeds``.

``read_inputs`` never raises for one bad input: it yields a ``Rejection`` (with a one-line reason and a
``code``) and goes on with the next. It raises ``InputError`` only when given no input at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from newsevents.errors import InputError
from newsevents.ingest.documents import document_from_html, document_from_text
from newsevents.ingest.feeds import is_feed_file, is_feed_url, read_feed
from newsevents.ingest.fetch import fetch, is_url
from newsevents.ingest.html import sniff_html
from newsevents.ingest.jsonl import read_jsonl
from newsevents.ingest.plaintext import decode_text
from newsevents.ingest.warc import is_archive, read_archive
from newsevents.model import Document, Rejection
from newsevents.settings import Settings

STDIN = "-"
STDIN_SOURCE = "<stdin>"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

Item = Document | Rejection


def read_inputs(inputs: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Documents (or Rejections) for every input, in order; directories recursively, sorted.

    Raises InputError(code="no-input") at once (not on first iteration) when ``inputs`` is empty.
    """
    if not inputs:
        raise InputError("No input given.", code="no-input",
                         hint="Pass a file, a directory, a URL, or - to read standard input.")
    return (item for value in inputs for item in read_input(value, settings, stdin=stdin))


def read_input(value: str, settings: Settings, *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """One input; every refusal becomes a Rejection."""
    try:
        if value == STDIN:
            yield _from_stdin(stdin or _stdin(), settings)
        elif is_feed_url(value):
            yield from read_feed(value, settings)
        elif is_url(value):
            yield _from_url(value, settings)
        else:
            yield from _from_path(Path(value), settings)
    except InputError as exc:
        yield _rejection(value if value != STDIN else STDIN_SOURCE, exc)


def _rejection(source: str, exc: InputError) -> Rejection:
    return Rejection(source=source, reason=str(exc), code=exc.code)


def _stdin() -> BinaryIO:
    if sys.stdin is None:
        raise InputError("There is no standard input to read.", code="empty",
                         hint="Pipe an article into the command, or pass a file instead of -.")
    return sys.stdin.buffer


def _from_stdin(stream: BinaryIO, settings: Settings) -> Document:
    data = stream.read(settings.max_input_bytes + 1)
    if len(data) > settings.max_input_bytes:
        raise _too_large(STDIN_SOURCE, None, settings)
    return _from_bytes(data, STDIN_SOURCE, settings, html=sniff_html(data))


def _from_url(url: str, settings: Settings) -> Document:
    fetched = fetch(url, settings.fetch)
    if fetched.content_type == "text/plain":
        text = decode_text(fetched.body, url)
        return document_from_text(text, settings=settings, source=url)
    return document_from_html(fetched.body, settings=settings, source=url, url=fetched.url,
                              charset=fetched.charset)


def _from_path(path: Path, settings: Settings) -> Iterator[Item]:
    if path.is_dir():
        yield from _from_directory(path, settings)
    elif not path.exists():
        raise InputError(f"{path}: no such file or directory.", code="missing",
                         hint="Check the path (or pass a URL starting with http:// or https://).")
    else:
        yield from _from_file(path, settings)


def _from_directory(directory: Path, settings: Settings) -> Iterator[Item]:
    files = list_files(directory)
    if not files:
        raise InputError(f"{directory}: the directory holds no (visible) files.", code="empty",
                         hint="Pass a directory with article files in it.")
    for path in files:
        try:
            yield from _from_file(path, settings)
        except InputError as exc:
            yield _rejection(str(path), exc)


def list_files(directory: Path) -> list[Path]:
    """Every regular file under ``directory``, recursively, sorted; hidden files and directories skipped."""
    found: list[Path] = []
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found.extend(Path(root, name) for name in filenames if not name.startswith("."))
    return sorted((path for path in found if path.is_file()), key=lambda path: path.parts)


def _from_file(path: Path, settings: Settings) -> Iterator[Item]:
    if is_archive(path):  # WARC/ARC: streamed, record by record (far larger than max_input_bytes)
        yield from read_archive(path, settings)
        return
    data = _read_capped(path, settings)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(decode_text(data, source), source, settings)
    elif is_feed_file(path.name, data):
        yield from read_feed(source, settings, data)
    else:
        yield _from_bytes(data, source, settings, html=suffix in HTML_SUFFIXES or sniff_html(data))


def _read_capped(path: Path, settings: Settings) -> bytes:
    """The file's bytes; refused by its size before anything is read."""
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise _too_large(str(path), size, settings)
        with path.open("rb") as handle:
            data = handle.read(settings.max_input_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).", code="unreadable",
                         hint="Check the file's permissions.") from None
    if len(data) > settings.max_input_bytes:  # grew while we looked, or a special file
        raise _too_large(str(path), None, settings)
    return data


def _too_large(source: str, size: int | None, settings: Settings) -> InputError:
    what = f"{size} bytes" if size is not None else "more bytes"
    return InputError(f"{source}: the input is too large ({what}, at most {settings.max_input_bytes}).",
                      code="too-large", hint="Split it into one file per article (or raise max_input_bytes).")


def _from_bytes(data: bytes, source: str, settings: Settings, *, html: bool) -> Document:
    if html:
        return document_from_html(data, settings=settings, source=source)
    return document_from_text(decode_text(data, source), settings=settings, source=source)
