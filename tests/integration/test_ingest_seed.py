"""The seed article's page and text (read from shared/data at run time; nothing of it is copied here)."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from newsevents.ingest import read_inputs
from newsevents.model import Document
from newsevents.settings import Settings

SEED = Path(__file__).parents[2].parent / "shared" / "data" / "seed"
NAME = "csto-peacekeepers-kazakhstan"
pytestmark = pytest.mark.skipif(not (SEED / f"{NAME}.html").is_file(), reason=f"seed data not found at {SEED}")

# Page regions that are boilerplate by their tag or by their class/id.
BOILERPLATE_XPATH = (
    "//nav | //header | //footer | //aside | //form"
    " | //*[re:test(concat(@class, ' ', @id), 'ticker|related|comment|sidebar|cookie|footer|share|breadcrumb|widget"
    "|menu|top-bar|ad-|advert', 'i')]"
)


def read(name: str) -> Document:
    [doc] = list(read_inputs([str(SEED / name)], Settings()))
    assert isinstance(doc, Document), doc
    return doc


@pytest.fixture(scope="module")
def page() -> Document:
    return read(f"{NAME}.html")


@pytest.fixture(scope="module")
def text() -> Document:
    return read(f"{NAME}.txt")


def test_page_metadata(page: Document) -> None:
    expected = json.loads((SEED / f"{NAME}.expected.json").read_text())["document"]
    assert page.title == expected["title"]
    assert page.site_name == expected["site_name"]
    assert page.section == expected["section"]
    assert page.published is not None and page.published.isoformat() == expected["published"]
    assert page.published_from == "metadata"
    assert page.language == expected["language"]


def test_page_text_is_the_article_paragraphs(page: Document, text: Document) -> None:
    """Every paragraph of the plain text's body is in the page's text, in order, and nothing else is."""
    from_page = page.text.split("\n\n")
    from_text = text.text.split("\n\n")
    assert len(from_page) >= 10
    assert from_page == from_text[len(from_text) - len(from_page):]  # the .txt adds a headline and a byline
    assert len(from_text) - len(from_page) <= 2


def test_no_boilerplate_in_page_text(page: Document) -> None:
    tree = lxml.html.fromstring((SEED / f"{NAME}.html").read_bytes())
    regions = tree.xpath(BOILERPLATE_XPATH, namespaces={"re": "http://exslt.org/regular-expressions"})
    snippets = {" ".join(t.split()) for region in regions for t in region.itertext() if len(t.split()) >= 3}
    assert len(snippets) >= 5  # the page has boilerplate to leave out
    leaked = [snippet for snippet in snippets if snippet in page.text]
    assert leaked == []


def test_text_file(text: Document) -> None:
    assert text.title is not None and text.title in text.text.split("\n")[0]
    assert text.published is None and text.published_from is None
    assert text.language == "en"
    assert not text.text.rstrip().endswith(("You may also like", "Leave a Comment"))
