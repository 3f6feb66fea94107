"""Plain text: bytes to str, newline normalisation, the widget tail, the headline line.

The string these functions return becomes ``Document.text``: every later offset indexes into it,
so all clean-up happens here, once, before any other stage sees the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.errors import InputError
from newsevents.ingest.metadata import clean_title

# How many leading bytes are inspected to tell binary data from text.
SNIFF_BYTES = 8192
# Share of control characters (other than tab, newline, carriage return, form feed) above which a
# byte string is binary. Text files hold none; 1% leaves room for a stray escape sequence.
MAX_CONTROL_SHARE = 0.01

_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Lines of generic page widgets that scrapers leave at the end of an article. Matched on a whole line
# (case-insensitive, optional trailing punctuation/counts), only in the tail of the text.
_WIDGET_LINE = re.compile(
    r"(?:you (?:may|might) (?:also )?like|you may have missed|leave a (?:comment|reply)|"
    r"(?:\d+ )?comments?|post a comment|add a comment|related (?:posts?|articles?|stories|news|content)|"
    r"more (?:stories|news|from \w[\w ]{0,40})|read (?:more|also|next)|recommended(?: for you)?|"
    r"share(?: this(?: article| story| post)?)?(?: on \w+)?|tweet|email|print|"
    r"advertisement|sponsored(?: content)?|tags?(?::.*)?|share via|trending(?: now)?|popular(?: posts)?|"
    r"(?:subscribe|sign up)(?: to| for)?(?: our)?(?: newsletter)?|follow us(?: on \w+)?|"
    r"cancel reply|your email address will not be published\.?.*|"
    r"(?:previous|next) (?:post|article|story)\b.*)"
    r"[\s:.!…»›>|()\d-]*",
    re.IGNORECASE,
)
# A widget line is short; longer lines are article prose even if they start like one.
MAX_WIDGET_LINE_CHARS = 80

# A headline: one short line without sentence-final punctuation, separated from the body by a blank line.
MAX_HEADLINE_CHARS = 200
MIN_HEADLINE_WORDS = 2
_HEADLINE_SEPARATOR = re.compile(r"\s+\|\s+")


@dataclass(frozen=True, slots=True)
class Headline:
    """What a first line of the form "Title | Section | Site" tells."""

    title: str
    section: str | None = None


def decode_text(data: bytes, source: str) -> str:
    """Bytes of a text file to str; binary data or invalid UTF-8 is an InputError naming where it failed."""
    if not data.strip():
        raise InputError(f"{source}: the input is empty.", code="empty", hint="Pass a file with article text.")
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _encoding_error(source, exc.start) from None
    if looks_binary(data):
        raise InputError(f"{source}: this is a binary file, not text.", code="binary",
                         hint="Pass a UTF-8 text, HTML or JSON Lines file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _encoding_error(source, exc.start) from None


def _encoding_error(source: str, offset: int) -> InputError:
    return InputError(f"{source}: invalid UTF-8 at byte offset {offset}.", code="encoding",
                      hint="Convert the file to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8).")


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control characters in its first bytes."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL)
    return controls > MAX_CONTROL_SHARE * max(len(head), 1)


def normalise_text(text: str) -> str:
    """One newline convention, no trailing spaces, at most one blank line in a row, no edge whitespace."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = _CONTROL_CHARS.sub(" ", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def strip_widget_tail(text: str) -> str:
    """Drop trailing lines that are generic web widgets ("You may also like", "Leave a Comment", ...)."""
    lines = text.split("\n")
    end = len(lines)
    while end > 0:
        line = lines[end - 1].strip()
        if line and not is_widget_line(line):
            break
        end -= 1
    if end == 0:  # nothing but widgets: keep the text, the caller will judge it
        return text
    return "\n".join(lines[:end]).rstrip()


def is_widget_line(line: str) -> bool:
    line = line.strip()
    return len(line) <= MAX_WIDGET_LINE_CHARS and _WIDGET_LINE.fullmatch(line) is not None


def drop_widget_lines(text: str) -> str:
    """Drop every paragraph that is a lone widget line ("Advertisement", "Share this", ...), wherever it is.

    Used for text extracted from HTML, where such a line can only come from the page's furniture;
    plain text keeps them except in its tail (the writer may have meant them).
    """
    kept = [paragraph for paragraph in text.split("\n\n") if not is_widget_line(paragraph)]
    return "\n\n".join(kept) if any(p.strip() for p in kept) else text


def clean_text(text: str) -> str:
    """The full plain-text clean-up: normalise, then strip the widget tail."""
    return strip_widget_tail(normalise_text(text))


def find_headline(text: str) -> Headline | None:
    """The first line as a headline when it looks like one (kept in the text; only reported)."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not sep or not rest.startswith("\n") or not rest.strip():
        return None
    if len(first) > MAX_HEADLINE_CHARS or first[-1] in ".,;:" or len(first.split()) < MIN_HEADLINE_WORDS:
        return None
    parts = [part.strip() for part in _HEADLINE_SEPARATOR.split(first) if part.strip()]
    title = clean_title(first)
    if len(title.split()) < MIN_HEADLINE_WORDS:
        return None
    section = parts[1] if len(parts) >= 3 and title == parts[0] else None
    return Headline(title=title, section=section)
