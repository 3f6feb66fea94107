"""JSON Lines reader: records to Documents, bad lines to Rejections with their line number (with Hypothesis)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from newsevents.errors import InputError
from newsevents.ingest.jsonl import parse_record, read_jsonl
from newsevents.ingest.plaintext import clean_text
from newsevents.model import Document, Rejection
from newsevents.settings import Settings

STORY = ("Firefighters rescued two people from a flooded basement in the old quarter on Sunday night, "
         "the city's emergency service said.")
SETTINGS = Settings()


def read(lines: list[str], settings: Settings = SETTINGS) -> list[Document | Rejection]:
    return list(read_jsonl("\n".join(lines), "in.jsonl", settings))


def test_text_record() -> None:
    [doc] = read([json.dumps({"id": "a1", "text": STORY, "published": "2024-06-02", "url": "https://x.example/a",
                              "title": "Basement rescue"})])
    assert isinstance(doc, Document)
    assert (doc.id, doc.source, doc.title, doc.url) == ("a1", "in.jsonl#L1", "Basement rescue", "https://x.example/a")
    assert (doc.published, doc.published_from) == (dt.date(2024, 6, 2), "input")
    assert doc.text == STORY


def test_numeric_id_and_iso_datetime() -> None:
    [doc] = read([json.dumps({"id": 7, "text": STORY, "published": "2024-06-02T22:10:00+02:00"})])
    assert isinstance(doc, Document) and doc.id == "7" and doc.published == dt.date(2024, 6, 2)


def test_id_defaults_to_content_hash_prefix() -> None:
    [a, b] = read([json.dumps({"text": STORY}), json.dumps({"text": STORY + "\r\n"})])
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.id == b.id and len(a.id) == 12


def test_html_record() -> None:
    page = ("<html><head><title>Basement rescue | City | Gazette</title></head><body><nav>Home Sport</nav>"
            f"<article><p>{STORY}</p><p>Both were taken to hospital as a precaution.</p></article></body></html>")
    [doc] = read([json.dumps({"id": "h", "html": page, "published": "2024-06-03"})])
    assert isinstance(doc, Document)
    assert doc.title == "Basement rescue" and doc.text.endswith("as a precaution.")
    assert doc.published_from == "input"


def test_option_beats_record_date() -> None:
    [doc] = read([json.dumps({"text": STORY, "published": "2024-06-02"})], Settings(published=dt.date(2020, 1, 1)))
    assert isinstance(doc, Document) and doc.published_from == "option"


@pytest.mark.parametrize(
    ("line", "code", "needle"),
    [
        ("{not json", "jsonl", "not valid JSON"),
        ("[1, 2]", "jsonl", "JSON object"),
        ('{"id": "x"}', "jsonl", 'neither "text" nor "html"'),
        ('{"id": "x", "text": 5}', "jsonl", '"text" must be a string'),
        ('{"id": true, "text": "abc"}', "jsonl", '"id" must be a string'),
        (json.dumps({"id": "x", "text": STORY, "published": "June 2"}), "jsonl", '"published"'),
        (json.dumps({"id": "x", "text": "Too short."}), "too-short", "characters"),
    ],
)
def test_bad_lines(line: str, code: str, needle: str) -> None:
    items = read([json.dumps({"text": STORY}), line, json.dumps({"text": STORY})])
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    bad = items[1]
    assert isinstance(bad, Rejection)
    assert bad.source == "in.jsonl#L2" and bad.code == code and needle in bad.reason
    assert "\n" not in bad.reason


def test_rejection_keeps_record_id() -> None:
    [bad] = read([json.dumps({"id": "r9", "text": "Tiny."})])
    assert isinstance(bad, Rejection) and bad.doc_id == "r9"


def test_blank_lines_are_skipped_but_counted() -> None:
    items = read(["", json.dumps({"text": STORY}), "   ", json.dumps({"text": STORY})])
    assert [i.source for i in items] == ["in.jsonl#L2", "in.jsonl#L4"]


def test_parse_record_error_is_input_error() -> None:
    with pytest.raises(InputError):
        parse_record("nope", "f#L1")


RECORD = st.fixed_dictionaries(
    {"text": st.text(max_size=200)},
    optional={"id": st.text(max_size=10) | st.integers(), "title": st.text(max_size=20),
              "published": st.dates().map(dt.date.isoformat) | st.text(max_size=12),
              "url": st.text(max_size=20), "extra": st.integers()},
)
LINE = RECORD.map(json.dumps) | st.text(max_size=80).filter(lambda s: "\n" not in s)


@given(st.lists(LINE, max_size=8))
@hsettings(max_examples=80, deadline=None)
def test_never_raises_one_item_per_line(lines: list[str]) -> None:
    items = list(read_jsonl("\n".join(lines), "f.jsonl", Settings(min_text_chars=1)))
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    assert [item.source for item in items] == [f"f.jsonl#L{n}" for n, _ in numbered]
    for item, (_, line) in zip(items, numbered, strict=True):
        if isinstance(item, Document):
            assert item.text == clean_text(json.loads(line)["text"])
        else:
            assert item.reason and item.code


@given(st.lists(st.sampled_from(["police", "said", "the", "bridge", "closed", "on", "Friday", "after", "a", "crash"]),
                min_size=20, max_size=60))
@hsettings(max_examples=40, deadline=None)
def test_text_round_trips(words: list[str]) -> None:
    text = " ".join(words) + "."
    [doc] = list(read_jsonl(json.dumps({"id": "k", "text": text}), "f.jsonl", Settings(min_text_chars=1)))
    assert isinstance(doc, Document) and doc.text == text and doc.id == "k"
