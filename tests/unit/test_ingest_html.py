"""HTML reader: charset, main text without boilerplate, metadata, no-article pages (our own test pages)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from newsevents.errors import InputError
from newsevents.ingest import document_from_html
from newsevents.ingest.html import declared_charset, decode_html, paragraphs, sniff_html
from newsevents.ingest.metadata import clean_title, parse_published
from newsevents.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"
PORT = FIXTURES / "river-port-strike.html"
HOSPITAL = FIXTURES / "hospital-night-shifts.html"

BOILERPLATE = {
    PORT: ["shipping index", "BREAKING", "Politics", "Home", "You may also like", "Ferry operator",
           "Leave a Comment", "email address", "Most read", "Lighthouse keeper", "newsletter", "cookies",
           "All rights reserved", "Privacy policy", "Cheap flights", "Share on", "Tags"],
    HOSPITAL: ["cookie", "What\u2019s on", "Latest:", "roadworks", "Related", "Car park charges", "Share this",
               "Choir", "comments", "brutal", "ReaderFromTheHill", "Leave a Reply", "Most popular", "Fox spotted",
               "Sign up", "Terms", "Advertise"],
}


@pytest.fixture(scope="module")
def port() -> object:
    return document_from_html(PORT.read_bytes(), settings=Settings(), source=str(PORT))


@pytest.fixture(scope="module")
def hospital() -> object:
    return document_from_html(HOSPITAL.read_bytes(), settings=Settings(), source=str(HOSPITAL))


def test_port_metadata(port) -> None:
    assert port.title == "Dock workers walk out at river port"
    assert port.site_name == "The Harbour Ledger"
    assert port.section == "Business" and port.categories == ("Business",)
    assert port.author == "Mara Feldt"
    assert port.published == dt.date(2023, 5, 9) and port.published_from == "metadata"
    assert port.canonical_url == "https://ledger.example/business/dock-workers-walk-out/"
    assert port.language == "en"


def test_port_text_has_every_paragraph_separated_by_blank_lines(port) -> None:
    paras = port.text.split("\n\n")
    assert paras[1].startswith("Several hundred dock workers stopped loading ships")
    assert paras[-1].startswith("Talks between the union and the port operator")
    assert sum("Wrenmouth" in p or "injunction" in p or "no arrests" in p for p in paras) == 3
    assert len(paras) == 6


@pytest.mark.parametrize("page", [PORT, HOSPITAL], ids=["port", "hospital"])
def test_no_boilerplate_reaches_the_text(page: Path, port, hospital) -> None:
    doc = port if page == PORT else hospital
    for needle in BOILERPLATE[page]:
        assert needle not in doc.text, needle


def test_declared_windows_1252_is_used(hospital) -> None:
    assert "Caf\u00e9-Morel" in hospital.text
    assert "\u201cTired staff make mistakes\u201d" in hospital.text
    assert hospital.title == "Hospital staff protest over night shifts"
    assert hospital.site_name == "Northfield Evening Post"
    assert hospital.published == dt.date(2024, 11, 20)
    assert hospital.text.count("\n\n") == 4


def test_option_and_input_dates_override_metadata() -> None:
    doc = document_from_html(PORT.read_bytes(), published=dt.date(2023, 5, 8))
    assert (doc.published, doc.published_from) == (dt.date(2023, 5, 8), "input")
    doc = document_from_html(PORT.read_bytes(), settings=Settings(published=dt.date(2023, 1, 1)),
                             published=dt.date(2023, 5, 8))
    assert (doc.published, doc.published_from) == (dt.date(2023, 1, 1), "option")


def test_page_without_date_has_none() -> None:
    page = PORT.read_text().replace("2023-05-09T07:15:00+01:00", "").replace("9 May 2023", "")
    assert document_from_html(page).published is None


def test_front_page_is_no_article() -> None:
    with pytest.raises(InputError) as info:
        document_from_html((FIXTURES / "front-page.html").read_bytes(), source="front.html")
    assert info.value.code == "no-article"
    assert "no article" in str(info.value)


def test_french_page_is_refused() -> None:
    with pytest.raises(InputError) as info:
        document_from_html((FIXTURES / "port-strike-fr.html").read_bytes())
    assert info.value.code == "language" and "French" in str(info.value)


def test_empty_and_binary_pages() -> None:
    with pytest.raises(InputError) as info:
        decode_html(b"  \n", "x.html")
    assert info.value.code == "empty"
    with pytest.raises(InputError) as info:
        decode_html(b"<html>\x00\x00\x01\x02" * 20, "x.html")
    assert info.value.code == "binary"


def test_charset_order() -> None:
    latin = "<html><head><meta charset='iso-8859-1'></head><body>na\u00efve</body></html>".encode("latin-1")
    assert declared_charset(latin) == "cp1252"  # as browsers read it
    assert "na\u00efve" in decode_html(latin, "x")
    assert "na\u00efve" in decode_html("<html><body>na\u00efve</body></html>".encode(), "x")  # UTF-8
    assert "na\u00efve" in decode_html("<html>na\u00efve</html>".encode("cp1252"), "x", "windows-1252")
    assert declared_charset(b"<meta charset='no-such-codec'>") is None


def test_latin1_label_reads_cp1252_quotes() -> None:
    page = "<html><head><meta charset='ISO-8859-1'></head><body>\u201cQuoted\u201d</body></html>".encode("cp1252")
    assert "\u201cQuoted\u201d" in decode_html(page, "x")


def test_undeclared_non_utf8_is_guessed() -> None:
    page = ("<html><body><p>" + "Le caf\u00e9 a ferm\u00e9 ses portes apr\u00e8s l'\u00e9t\u00e9. " * 5
            + "</p></body></html>").encode("latin-1")
    assert "caf\u00e9" in decode_html(page, "x")


def test_sniff_html() -> None:
    assert sniff_html(b"  <!DOCTYPE html><html>")
    assert sniff_html(b"<HTML lang='en'>")
    assert sniff_html(b"\xef\xbb\xbf<!-- saved page -->\n<html>")
    assert not sniff_html(b"A story that mentions the <html> tag in its first line.")
    assert not sniff_html(b"Plain story about a fire.")


def test_paragraphs() -> None:
    assert paragraphs("One.\n  \nTwo.\nThree. ") == "One.\n\nTwo.\n\nThree."


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("Storm hits coast | World | Daily Post", (), "Storm hits coast"),
        ("Storm hits coast - Daily Post", ("Daily Post",), "Storm hits coast"),
        ("Storm hits coast - live updates", ("Daily Post",), "Storm hits coast - live updates"),
        ("Live | Storm hits the northern coast tonight", (), "Live | Storm hits the northern coast tonight"),
    ],
)
def test_clean_title(title: str, names: tuple[str, ...], expected: str) -> None:
    assert clean_title(title, names) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2022-01-11", dt.date(2022, 1, 11)), ("2022-01-11T23:30:00Z", dt.date(2022, 1, 11)),
     ("2022-01-11T16:40:12+00:00", dt.date(2022, 1, 11)), ("2022-01-11 08:00", dt.date(2022, 1, 11))],
)
def test_parse_published(value: str, expected: dt.date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["11/01/2022", "yesterday", "2022-13-01", ""])
def test_parse_published_refuses(value: str) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


TAGS = st.sampled_from(["<html>", "</html>", "<body>", "<p>", "</p>", "<div class='related'>", "</div>", "<script>",
                        "<meta charset='latin-1'>", "<title>", "</title>", "<article>", "<!--", "-->", "&amp;", "&#0;"])
WORDS = st.sampled_from(["storm", "closed", "the", "harbour", "on", "Monday", "police", "said", ".", "\u00e9t\u00e9"])


@given(st.lists(TAGS | WORDS, max_size=60), st.sampled_from(["utf-8", "latin-1", "utf-16"]))
@hsettings(max_examples=60, deadline=None)
def test_any_markup_gives_a_document_or_an_input_error(parts: list[str], encoding: str) -> None:
    data = " ".join(parts).encode(encoding, errors="replace")
    try:
        doc = document_from_html(data, settings=Settings(min_text_chars=1))
    except InputError as exc:
        assert exc.code in {"empty", "binary", "encoding", "no-article", "too-short", "language"}
    else:
        assert doc.text and doc.text == doc.text.strip()


@given(st.binary(max_size=400))
@hsettings(max_examples=60, deadline=None)
def test_any_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    try:
        document_from_html(data, settings=Settings(min_text_chars=1))
    except InputError as exc:
        assert exc.code in {"empty", "binary", "encoding", "no-article", "too-short", "language"}
