"""read_inputs: dispatch over files, directories, standard input and JSON Lines; every bad input a Rejection."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newsevents.errors import InputError
from newsevents.ingest import list_files, read_inputs
from newsevents.model import Document, Rejection
from newsevents.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"
STORY = (
    "The county library reopened its reading room on Wednesday after a six-month renovation, "
    "with longer opening hours and a new section for local history.\n"
)


@pytest.fixture()
def settings() -> Settings:
    return Settings()


def one(inputs: list[str], settings: Settings, **kwargs: object) -> Document | Rejection:
    items = list(read_inputs(inputs, settings, **kwargs))
    assert len(items) == 1, items
    return items[0]


def test_text_file_becomes_document(settings: Settings) -> None:
    doc = one([str(FIXTURES / "flood-barriers.txt")], settings)
    assert isinstance(doc, Document)
    assert doc.title == "Flood barriers raised as river nears record level"
    assert doc.section == "Local"
    assert doc.text.startswith("Flood barriers raised as river nears record level | Local | Valley Courier\n\n")
    assert doc.text.endswith("The council said no homes had been flooded so far.")
    assert "\r" not in doc.text and "\n\n\n" not in doc.text
    assert doc.published is None and doc.published_from is None
    assert doc.language == "en"
    assert doc.source == str(FIXTURES / "flood-barriers.txt")
    assert len(doc.id) == 12 and len(doc.content_hash) == 64


def test_same_text_same_id(tmp_path: Path, settings: Settings) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(STORY)
    second.write_text(STORY.replace("\n", "\r\n"))
    a, b = read_inputs([str(first), str(second)], settings)
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.id == b.id and a.content_hash == b.content_hash


def test_published_option_overrides(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "story.txt"
    path.write_text(STORY)
    doc = one([str(path)], Settings(published=dt.date(2021, 3, 4)))
    assert isinstance(doc, Document)
    assert doc.published == dt.date(2021, 3, 4) and doc.published_from == "option"


def test_stdin(settings: Settings) -> None:
    doc = one(["-"], settings, stdin=io.BytesIO(STORY.encode()))
    assert isinstance(doc, Document)
    assert doc.source == "<stdin>"
    assert doc.text == STORY.strip()


def test_stdin_html_is_sniffed(settings: Settings) -> None:
    page = (FIXTURES / "river-port-strike.html").read_bytes()
    doc = one(["-"], settings, stdin=io.BytesIO(page))
    assert isinstance(doc, Document)
    assert doc.title == "Dock workers walk out at river port"


def test_stdin_too_large() -> None:
    item = one(["-"], Settings(max_input_bytes=100), stdin=io.BytesIO(STORY.encode() * 3))
    assert isinstance(item, Rejection) and item.code == "too-large"


def test_directory_recursive_sorted_skips_hidden(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY.replace("Wednesday", "Thursday"))
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / ".hidden.txt").write_text(STORY)
    (tmp_path / ".git" / "x.txt").write_text(STORY)
    assert [p.relative_to(tmp_path).as_posix() for p in list_files(tmp_path)] == ["a.txt", "b/2.txt"]
    items = list(read_inputs([str(tmp_path)], settings))
    assert [item.source for item in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]
    assert all(isinstance(item, Document) for item in items)


def test_empty_directory(tmp_path: Path, settings: Settings) -> None:
    item = one([str(tmp_path)], settings)
    assert isinstance(item, Rejection) and item.code == "empty"


def test_bad_file_in_directory_does_not_stop_the_rest(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "b.txt").write_text(STORY)
    first, second = read_inputs([str(tmp_path)], settings)
    assert isinstance(first, Rejection) and first.code == "binary"
    assert isinstance(second, Document)


def test_html_file_by_extension(settings: Settings) -> None:
    doc = one([str(FIXTURES / "river-port-strike.html")], settings)
    assert isinstance(doc, Document)
    assert doc.site_name == "The Harbour Ledger"


def test_html_file_by_sniffing(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((FIXTURES / "river-port-strike.html").read_bytes())
    doc = one([str(path)], settings)
    assert isinstance(doc, Document)
    assert "<p>" not in doc.text and doc.title == "Dock workers walk out at river port"


def test_jsonl_file(settings: Settings) -> None:
    items = list(read_inputs([str(FIXTURES / "records.jsonl")], settings))
    sources = [item.source.rsplit("#", 1)[1] for item in items]
    assert sources == ["L1", "L2", "L3", "L4", "L5", "L7"]
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Document", "Document", "Rejection", "Rejection", "Rejection", "Document"]


def test_nothing_at_all_raises(settings: Settings) -> None:
    with pytest.raises(InputError) as info:
        read_inputs([], settings)  # at the call, before any iteration
    assert info.value.code == "no-input"


@pytest.mark.parametrize(
    ("content", "code", "needle"),
    [
        (b"", "empty", "empty"),
        (b"   \n\n\t \n", "empty", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary", "binary"),
        (STORY.encode()[:40] + b"\xff\xfe caf\xe9" + STORY.encode(), "encoding", "byte offset 40"),
        (b"Too short.", "too-short", "characters"),
    ],
)
def test_bad_files(tmp_path: Path, settings: Settings, content: bytes, code: str, needle: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    item = one([str(path)], settings)
    assert isinstance(item, Rejection)
    assert item.code == code and needle in item.reason
    assert "\n" not in item.reason


def test_missing_path(tmp_path: Path, settings: Settings) -> None:
    item = one([str(tmp_path / "nope.txt")], settings)
    assert isinstance(item, Rejection) and item.code == "missing"
    assert "no such file" in item.reason


def test_huge_file_refused_without_reading(tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\n")

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    item = one([str(path)], settings)
    assert isinstance(item, Rejection) and item.code == "too-large"
    assert "52428800 bytes" in item.reason


def test_many_inputs_keep_order(tmp_path: Path, settings: Settings) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(good), str(tmp_path / "other")], settings))
    assert [type(item).__name__ for item in items] == ["Rejection", "Document", "Rejection"]
