"""WARC/ARC archives: article records to Documents, everything else skipped and counted, damage reported.

Every archive here is written by the test with warcio's writer (or by hand for ARC); every page is our
own writing.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.errors import InputError
from newsevents.ingest import read_inputs
from newsevents.ingest.warc import ArchiveRecord, is_archive, iter_records, read_archive
from newsevents.model import Document, Rejection
from newsevents.settings import Settings

TOWNS = ("Ashby Marsh", "Corran Bay", "Eddleton", "Fenwick Cross", "Holloway Ridge")
WARC_DATE = "2022-02-03T04:05:06Z"


def page(number: int, *, published: str | None = None, paragraphs: int = 3) -> bytes:
    town = TOWNS[number % len(TOWNS)]
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(
        f"<p>Residents of {town} gathered outside the town hall on the morning of meeting {number} to ask "
        f"the council about the closed ferry landing, the delayed repairs and the cost of the new bus route "
        f"({number}.{k}).</p>" for k in range(paragraphs))
    return (f"<html><head><title>Ferry landing stays shut in {town}</title>{meta}</head><body><article>"
            f"<h1>Ferry landing stays shut in {town}</h1>{body}</article></body></html>").encode()


def http(status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")


def write_warc(path: Path, records: list[tuple[str, str, bytes, StatusAndHeaders | None]], *, gz: bool) -> Path:
    """records: (type, uri, payload, http headers or None)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsevents tests"}))
        for kind, uri, payload, headers in records:
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": WARC_DATE})
            writer.write_record(record)
    return path


def news_archive(path: Path, *, gz: bool = True, articles: int = 3) -> Path:
    """Articles interleaved with the records CC-NEWS also has and a page that is not one."""
    records: list[tuple[str, str, bytes, StatusAndHeaders | None]] = []
    for n in range(articles):
        uri = f"https://news.example.test/2022/ferry-{n}"
        records.append(("request", uri, b"GET /2022/ferry HTTP/1.1\r\nHost: news.example.test\r\n\r\n", None))
        records.append(("response", uri, page(n, published="2022-02-01" if n == 0 else None), http()))
        records.append(("metadata", uri, b"fetchTimeMs: 120\r\n", None))
    records += [
        ("response", "https://news.example.test/gone", b"not here", http("404 Not Found", "text/html")),
        ("response", "https://news.example.test/moved", b"", http("301 Moved Permanently", "text/html")),
        ("response", "https://news.example.test/paper.pdf", b"%PDF-1.4 ...", http("200 OK", "application/pdf")),
        ("revisit", "https://news.example.test/2022/ferry-0", b"", None),
    ]
    return write_warc(path, records, gz=gz)


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_article_records_become_documents_and_the_rest_is_counted(tmp_path: Path, gz: bool) -> None:
    path = news_archive(tmp_path / ("news.warc.gz" if gz else "news.warc"), gz=gz)
    skipped: Counter[str] = Counter()
    items = list(read_archive(path, Settings(), skipped=skipped))
    assert all(isinstance(item, Document) for item in items), items
    assert [doc.url for doc in items] == [f"https://news.example.test/2022/ferry-{n}" for n in range(3)]
    assert all(doc.source.startswith(f"{path}#") and doc.source.split("#")[1].isdigit() for doc in items)
    assert items[0].title == "Ferry landing stays shut in Ashby Marsh"
    assert skipped == Counter({"request": 3, "metadata": 3, "warcinfo": 1, "revisit": 1, "status 404": 1,
                               "status 301": 1, "not html": 1})


def test_publication_date_comes_from_the_page_never_from_warc_date(tmp_path: Path) -> None:
    path = news_archive(tmp_path / "news.warc.gz")
    first, second, _ = read_archive(path, Settings())
    assert isinstance(first, Document) and first.published == dt.date(2022, 2, 1)
    assert first.published_from == "metadata"
    assert isinstance(second, Document) and second.published is None  # WARC-Date is a fetch date
    records = [r for r in iter_records(path, Settings()) if isinstance(r, ArchiveRecord)]
    assert {r.fetched for r in records} == {dt.datetime(2022, 2, 3, 4, 5, 6, tzinfo=dt.UTC)}


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_offsets_point_at_the_records(tmp_path: Path, gz: bool) -> None:
    """PATH#OFFSET: reading the file from that byte gives that record (what warcio extract does)."""
    from warcio.archiveiterator import ArchiveIterator

    path = news_archive(tmp_path / ("news.warc.gz" if gz else "news.warc"), gz=gz)
    for doc in read_archive(path, Settings()):
        assert isinstance(doc, Document)
        with path.open("rb") as handle:
            handle.seek(int(doc.source.rsplit("#", 1)[1]))
            record = next(iter(ArchiveIterator(handle)))
            assert record.rec_headers.get_header("WARC-Target-URI") == doc.url


def test_a_record_without_an_article_is_a_rejection_naming_uri_and_offset(tmp_path: Path) -> None:
    menu = b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    path = write_warc(tmp_path / "menu.warc.gz", [("response", "https://news.example.test/", menu, http())], gz=True)
    [item] = read_archive(path, Settings())
    assert isinstance(item, Rejection) and item.code == "no-article"
    assert item.source.startswith(f"{path}#") and "https://news.example.test/" in item.reason


def test_arc_files_are_read_too(tmp_path: Path) -> None:
    def arc_record(url: str, date: str, content_type: str, block: bytes) -> bytes:
        return f"{url} 192.0.2.7 {date} {content_type} {len(block)}\n".encode() + block + b"\n"

    header = b"1 0 newsevents tests\nURL IP-address Archive-date Content-type Archive-length\n"
    response = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + page(7)
    records = (arc_record("filedesc://old.arc", "20220203040506", "text/plain", header),
               arc_record("http://news.example.test/old-ferry", "20220203040506", "text/html", response))
    gzipped = b"".join(gzip.compress(record) for record in records)  # one gzip member per record
    for name, blob in (("old.arc", b"".join(records)), ("old.arc.gz", gzipped)):
        path = tmp_path / name
        path.write_bytes(blob)
        items = list(read_inputs([str(path)], Settings()))
        assert len(items) == 1 and isinstance(items[0], Document), items
        assert items[0].url == "http://news.example.test/old-ferry"


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_archive_keeps_what_was_read_then_one_rejection(tmp_path: Path, gz: bool) -> None:
    whole = news_archive(tmp_path / ("whole.warc.gz" if gz else "whole.warc"), gz=gz)
    data = whole.read_bytes()
    second_article = data.index(b"ferry-1") if not gz else None
    cut_at = second_article + 200 if second_article else len(data) * 2 // 5
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[:cut_at])
    items = list(read_archive(cut, Settings()))
    *documents, last = items
    assert documents and all(isinstance(doc, Document) for doc in documents)
    assert isinstance(last, Rejection) and last.code == "warc-damaged"
    assert "damaged or truncated from byte" in last.reason and "records before it were read" in last.reason


def test_a_gzip_member_cut_short_at_the_end_is_reported(tmp_path: Path) -> None:
    data = news_archive(tmp_path / "whole.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:-6])  # loses the last member's gzip trailer
    *_, last = read_archive(cut, Settings())
    assert isinstance(last, Rejection) and "gzip member is cut short" in last.reason


def test_damage_in_the_middle_stops_there(tmp_path: Path) -> None:
    data = news_archive(tmp_path / "whole.warc", gz=False).read_bytes()
    third = data.index(b"WARC/1.0", data.index(b"ferry-1"))
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:third] + b"this is not a record header\r\n\r\n" + data[third:])
    items = list(read_archive(broken, Settings()))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection"]
    assert items[1].source == f"{broken}#{third}" and items[1].code == "warc-damaged"


def test_one_gzip_stream_for_the_whole_file_says_how_to_repair_it(tmp_path: Path) -> None:
    plain = news_archive(tmp_path / "news.warc", gz=False)
    path = tmp_path / "news.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    *_, last = read_archive(path, Settings())
    assert isinstance(last, Rejection) and "warcio recompress" in last.reason and "#-" not in last.source


@pytest.mark.parametrize(
    ("name", "content", "code", "needle"),
    [
        ("garbage.warc", b"these bytes are not an archive at all\n" * 20, "not-warc", "not a WARC or ARC file"),
        ("garbage.warc.gz", gzip.compress(b"<html>a web page, gzipped</html>"), "not-warc", "not a WARC or ARC"),
        ("noise.warc.gz", bytes(range(256)) * 8, "not-warc", "not a WARC or ARC file"),
        ("empty.warc", b"", "empty", "empty"),
    ],
)
def test_a_file_that_is_not_an_archive_is_one_rejection(tmp_path: Path, name: str, content: bytes, code: str,
                                                        needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [item] = read_inputs([str(path)], Settings())
    assert isinstance(item, Rejection) and item.code == code and needle in item.reason
    assert item.source == str(path) and "\n" not in item.reason


def test_archives_are_recognised_by_name() -> None:
    assert all(is_archive(Path(name)) for name in ("a.warc", "a.WARC.GZ", "b.arc", "b.arc.gz"))
    assert not any(is_archive(Path(name)) for name in ("a.gz", "warc.txt", "a.warc.bz2"))


def test_archives_are_streamed_past_the_input_size_cap(tmp_path: Path) -> None:
    """A WARC far larger than max_input_bytes is read record by record, not refused."""
    path = news_archive(tmp_path / "news.warc.gz", articles=2)
    items = list(read_inputs([str(path)], Settings(max_input_bytes=1_000)))
    assert [type(i).__name__ for i in items] == ["Document", "Document"]


@given(cut=st.integers(min_value=0, max_value=10_000), gz=st.booleans())
@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_truncation_gives_whole_records_and_at_most_one_rejection_last(tmp_path: Path, cut: int,
                                                                          gz: bool) -> None:
    whole = news_archive(tmp_path / f"whole-{gz}.warc{'.gz' if gz else ''}", gz=gz)
    data = whole.read_bytes()
    full = [r for r in iter_records(whole, Settings()) if isinstance(r, ArchiveRecord)]
    path = tmp_path / f"cut-{gz}.warc{'.gz' if gz else ''}"
    path.write_bytes(data[: cut % (len(data) + 1)])
    try:
        items = list(iter_records(path, Settings()))
    except InputError as exc:  # only "not an archive" / "empty" may escape; anything else fails the test
        assert exc.code in ("not-warc", "empty")
        return
    records = [item for item in items if isinstance(item, ArchiveRecord)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert all(record in full for record in records)
    assert len(rejections) <= 1 and (not rejections or items[-1] is rejections[0])
