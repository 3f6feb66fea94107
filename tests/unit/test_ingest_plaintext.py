"""Plain-text reader: decoding, newline normalisation, widget tail, headline line (with Hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from newsevents.errors import InputError
from newsevents.ingest import document_from_text
from newsevents.ingest.plaintext import (
    clean_text,
    drop_widget_lines,
    decode_text,
    find_headline,
    is_widget_line,
    looks_binary,
    normalise_text,
    strip_widget_tail,
)
from newsevents.settings import Settings

WORDS = ("police", "said", "the", "council", "on", "Monday", "protest", "near", "bridge", "river",
         "workers", "strike", "a", "of", "in", "town", "hall", "were", "arrested", "after", "rally")
PARAGRAPH = st.lists(st.sampled_from(WORDS), min_size=3, max_size=25).map(lambda ws: " ".join(ws) + ".")
NEWLINE = st.sampled_from(["\n\n", "\r\n\r\n", "\r\r", "\n \n", "\n\n\n\n", "\r\n\t\r\n"])


def test_decode_utf8_and_bom() -> None:
    assert decode_text("caf\u00e9 news".encode(), "x") == "caf\u00e9 news"
    assert decode_text(b"\xef\xbb\xbfhello world", "x") == "hello world"
    assert decode_text("utf-16 text".encode("utf-16"), "x") == "utf-16 text"


def test_invalid_utf8_names_the_byte_offset() -> None:
    with pytest.raises(InputError) as info:
        decode_text(b"Mayor opens bridge \xe9 today", "story.txt")
    assert info.value.code == "encoding"
    assert "byte offset 19" in str(info.value) and "UTF-8" in str(info.value)


@pytest.mark.parametrize("data", [b"\x00\x00abc", bytes(range(32)) * 10])
def test_binary(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError) as info:
        decode_text(data, "blob")
    assert info.value.code == "binary"


def test_escape_sequence_in_text_is_not_binary() -> None:
    assert not looks_binary(b"A line of ordinary text. " * 10 + b"One \x1b escape in it.")


def test_normalise() -> None:
    raw = "\ufeffHeadline  \r\n\r\n\r\n\r\nFirst para.\rSecond line.\t \n\n\n\nEnd.\x0b\n"
    assert normalise_text(raw) == "Headline\n\nFirst para.\nSecond line.\n\nEnd."


@pytest.mark.parametrize("line", ["You may also like", "Leave a Comment", "Related posts", "Share this",
                                  "Advertisement", "RELATED ARTICLES:", "12 Comments", "Tags: fire, police",
                                  "Share on Facebook", "You might also like...", "Read more »"])
def test_widget_lines(line: str) -> None:
    assert is_widget_line(line)


@pytest.mark.parametrize("line", ["Share prices fell sharply after the announcement.",
                                  "Advertisement revenue at the broadcaster fell by a third last year, it said.",
                                  "Comments by the minister angered the opposition."])
def test_prose_is_not_a_widget_line(line: str) -> None:
    assert not is_widget_line(line)


def test_widget_tail_is_stripped_but_not_the_middle() -> None:
    text = "Body one.\n\nAdvertisement\n\nBody two.\n\nYou may also like\n\nShare this\n\nLeave a Comment"
    assert strip_widget_tail(text) == "Body one.\n\nAdvertisement\n\nBody two."


def test_all_widgets_is_left_alone() -> None:
    assert strip_widget_tail("Share this\n\nAdvertisement") == "Share this\n\nAdvertisement"


@pytest.mark.parametrize(
    ("text", "title", "section"),
    [
        ("Dam bursts after storm | World | Daily Star\n\nBody text here.", "Dam bursts after storm", "World"),
        ("Dam bursts after storm | Daily Star\n\nBody text here.", "Dam bursts after storm", None),
        ("Dam bursts after storm\n\nBody text here.", "Dam bursts after storm", None),
    ],
)
def test_headline(text: str, title: str, section: str | None) -> None:
    headline = find_headline(text)
    assert headline is not None
    assert (headline.title, headline.section) == (title, section)


@pytest.mark.parametrize("text", [
    "The dam burst on Monday after a storm, officials said.\n\nMore text.",  # a sentence, not a headline
    "Dam bursts after storm\nBody continues on the next line.",  # no blank line after it
    "Dam bursts after storm",  # nothing else
    "Breaking\n\nBody.",  # one word
])
def test_no_headline(text: str) -> None:
    assert find_headline(text) is None


def test_document_keeps_headline_in_text() -> None:
    body = "Dam bursts after storm | World | Daily Star\r\n\r\n" + "Water flooded three villages downstream. " * 3
    doc = document_from_text(body, settings=Settings())
    assert doc.title == "Dam bursts after storm" and doc.section == "World"
    assert doc.text.startswith("Dam bursts after storm | World | Daily Star\n\nWater flooded")
    assert doc.source == "<text>" and doc.published is None


@given(st.text())
@hsettings(max_examples=300)
def test_clean_text_never_raises_and_is_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert "\r" not in cleaned and "\n\n\n" not in cleaned
    assert cleaned == cleaned.strip()
    assert clean_text(cleaned) == cleaned


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")) | st.sampled_from("\r\n\t ")))
def test_normalise_keeps_every_word(text: str) -> None:
    assert normalise_text(text).split() == text.replace("\ufeff", "").split()


@given(st.binary(max_size=300))
def test_decode_raises_only_input_errors(data: bytes) -> None:
    try:
        assert isinstance(decode_text(data, "blob"), str)
    except InputError as exc:
        assert exc.code in {"empty", "binary", "encoding"}


@given(st.lists(PARAGRAPH, min_size=1, max_size=8), NEWLINE)
@hsettings(max_examples=60, deadline=None)
def test_document_paragraphs_survive(paragraphs: list[str], newline: str) -> None:
    doc = document_from_text(newline.join(paragraphs), settings=Settings(min_text_chars=1))
    assert doc.text.split("\n\n") == paragraphs
    for paragraph in paragraphs:  # offsets into Document.text find the paragraph
        start = doc.text.index(paragraph)
        assert doc.text[start:start + len(paragraph)] == paragraph


def test_drop_widget_lines_anywhere() -> None:
    text = "Body one.\n\nAdvertisement\n\nBody two.\n\nShare this"
    assert drop_widget_lines(text) == "Body one.\n\nBody two."
    assert drop_widget_lines("Advertisement") == "Advertisement"  # nothing else: left for the caller to judge
