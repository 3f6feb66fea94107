"""RSS and Atom feeds: their items (article URL, title, date) and the articles those items link to.

A feed is read with lxml's incremental parser, one item at a time, and reading stops after
``max_items`` items: a feed of 10,000 items costs what its first ``max_items`` cost (3.5 ms and 0.1 MB
for 100 of a 2.5 MB feed). feedparser parses a whole feed into memory before returning (2.0 to 4.2 s for
that feed on the dev machine), so it is used only for the many date formats found in feeds.

A feed that is not XML, not RSS/Atom, or malformed before the cap is an ``InputError`` (code "feed")
that says which.

    feed = parse_feed(data, source=url, base_url=url, max_items=100)
    for item in read_articles(feed.items, fetcher, settings): ...   # Documents or Rejections
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newsevents.errors import InputError
from newsevents.ingest.documents import document_from_html, document_from_text
from newsevents.ingest.fetch import Fetched, is_url
from newsevents.ingest.metadata import parse_published
from newsevents.ingest.plaintext import decode_text
from newsevents.ingest.polite import PAGE_TYPES, PoliteFetcher
from newsevents.model import Document, Rejection
from newsevents.settings import Settings

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
FEED_PATH_NAMES = frozenset({"feed", "rss", "atom"})  # https://site/feed/, https://site/rss
FEED_ROOTS = frozenset({"rss", "feed", "RDF"})  # RSS 0.9x/2.0, Atom, RSS 1.0 (rdf:RDF)
ITEM_NAMES = frozenset({"item", "entry"})
TITLE_PARENTS = frozenset({"channel", "feed"})
# Date elements of an item, most specific first: RSS pubDate, Atom published, Dublin Core date, then
# the Atom/DC "last changed" ones as a last resort.
DATE_NAMES = ("pubDate", "published", "date", "issued", "created", "updated", "modified")
SNIFF_BYTES = 4096
HINT = "Pass the URL or file of an RSS or Atom feed (the site's page links to it as application/rss+xml)."
_TAG = re.compile(r"<[^>]+>")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

Item = Document | Rejection


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str
    title: str | None = None
    published: dt.date | None = None  # from the feed: a fallback when the page has no date


@dataclass(frozen=True, slots=True)
class Feed:
    source: str
    title: str | None
    items: tuple[FeedItem, ...]
    unlinked: int = 0  # items with no http(s) link: nothing to fetch
    capped: bool = False  # more items than max_items: only the first max_items are in ``items``


def is_feed_url(url: str) -> bool:
    """A URL whose path looks like a feed's (…/x.rss, …/x.atom, …/x.xml, …/feed, …/rss)."""
    path = PurePosixPath(urlsplit(url).path.lower())
    return is_url(url) and (path.suffix in FEED_SUFFIXES or path.name in FEED_PATH_NAMES)


def is_feed_file(name: str, data: bytes) -> bool:
    """``.rss`` and ``.atom`` files; ``.xml`` files whose root element is a feed's."""
    suffix = PurePosixPath(name.lower()).suffix
    return suffix in (".rss", ".atom") or (suffix == ".xml" and feed_root(data) is not None)


def feed_root(data: bytes) -> str | None:
    """The root element's local name when it is a feed's (rss, feed, RDF); None otherwise."""
    try:
        for _, element in _events(data[:SNIFF_BYTES], ("start",)):
            name = etree.QName(element).localname
            return name if name in FEED_ROOTS else None
    except etree.XMLSyntaxError:
        return None
    return None


def parse_feed(data: bytes, *, source: str, base_url: str | None = None, max_items: int) -> Feed:
    """The feed's first ``max_items`` linked items (duplicates dropped), in the feed's order."""
    if not data.strip():
        raise InputError(f"{source}: the feed is empty.", code="empty", hint="Check the feed's URL or file.")
    state = _Parse(source, base_url, max_items)
    try:
        for event, element in _events(data, ("start", "end")):
            if not state.take(event, element):
                break
    except etree.XMLSyntaxError as exc:
        raise state.syntax_error(exc) from None
    if state.root is None:
        raise InputError(f"{source}: not an RSS or Atom feed (no XML element in it).", code="feed", hint=HINT)
    return Feed(source, state.title, tuple(state.items), state.unlinked, state.capped)


def _events(data: bytes, events: tuple[str, ...]) -> etree.iterparse:
    """Incremental parse; no DTDs, entities or network (a feed from the web is untrusted)."""
    return etree.iterparse(io.BytesIO(data), events=events, resolve_entities=False, load_dtd=False,
                           no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)


class _Parse:
    """What has been read of one feed so far (the parse's state, fed one event at a time)."""

    def __init__(self, source: str, base_url: str | None, max_items: int) -> None:
        self.source, self.base_url, self.max_items = source, base_url or "", max_items
        self.root: str | None = None
        self.title: str | None = None
        self.items: list[FeedItem] = []
        self.seen: set[str] = set()
        self.unlinked = 0
        self.capped = False

    def take(self, event: str, element: etree._Element) -> bool:
        """Handle one event; False to stop reading (the cap is reached)."""
        name = etree.QName(element).localname
        if self.root is None:
            self._check_root(name)
        elif event == "start" and name in ITEM_NAMES and len(self.items) >= self.max_items:
            self.capped = True
            return False
        elif event == "end" and name in ITEM_NAMES:
            self._add(element)
        elif event == "end" and name == "title" and self.title is None and _parent_name(element) in TITLE_PARENTS:
            self.title = _text(element)
        return True

    def _check_root(self, name: str) -> None:
        self.root = name
        if name not in FEED_ROOTS:
            what = "; is it a web page?" if name.lower() == "html" else ""
            raise InputError(f"{self.source}: not an RSS or Atom feed (its root element is <{name}>{what}).",
                             code="feed", hint=HINT)

    def _add(self, element: etree._Element) -> None:
        item = read_item(element, urljoin(self.base_url, element.base or ""))
        _forget(element)
        if item is None:
            self.unlinked += 1
        elif item.url not in self.seen:
            self.seen.add(item.url)
            self.items.append(item)

    def syntax_error(self, exc: etree.XMLSyntaxError) -> InputError:
        line = f" at line {exc.lineno}" if exc.lineno else ""
        if self.root is None:
            return InputError(f"{self.source}: not an RSS or Atom feed: it is not XML ({exc.msg}{line}).",
                              code="feed", hint=HINT)
        return InputError(f"{self.source}: the feed is malformed XML ({exc.msg}{line}) after "
                          f"{len(self.items)} items.", code="feed",
                          hint="Tell the feed's publisher, or save the feed and repair it.")


def _parent_name(element: etree._Element) -> str | None:
    parent = element.getparent()
    return etree.QName(parent).localname if parent is not None else None


def _forget(element: etree._Element) -> None:
    """Free an item that has been read, and the earlier siblings, so memory stays flat."""
    element.clear()
    while element.getprevious() is not None:
        del element.getparent()[0]


def read_item(element: etree._Element, base: str) -> FeedItem | None:
    """An RSS <item> or Atom <entry> as a FeedItem; None when it links to no http(s) page."""
    children: dict[str, etree._Element] = {}
    links: list[etree._Element] = []
    for child in element:
        name = etree.QName(child).localname
        children.setdefault(name, child)
        if name == "link":
            links.append(child)
    url = _link(links, children.get("guid"), base)
    if url is None:
        return None
    title = children.get("title")
    dates = (children[name] for name in DATE_NAMES if name in children)
    published = next((day for day in (parse_feed_date(_text(d) or "") for d in dates) if day), None)
    return FeedItem(url=url, title=_text(title) if title is not None else None, published=published)


def _link(links: list[etree._Element], guid: etree._Element | None, base: str) -> str | None:
    """Atom: the alternate (HTML) link's href; RSS: <link>'s text, else a permalink <guid>."""
    candidates = [link.get("href") for link in links
                  if link.get("href") and link.get("rel", "alternate") == "alternate"
                  and link.get("type", "text/html") in ("text/html", "application/xhtml+xml")]
    candidates += [link.text.strip() for link in links if link.get("href") is None and link.text]
    if guid is not None and guid.text and guid.get("isPermaLink", "true") != "false":
        candidates.append(guid.text.strip())
    for candidate in candidates:
        url = urljoin(base, candidate.strip())
        if is_url(url):
            return url
    return None


def _text(element: etree._Element) -> str | None:
    """The element's text, tags (also escaped ones in type="html" titles) removed, spaces squeezed."""
    text = "".join(element.itertext())
    if element.get("type") == "html":
        text = html.unescape(_TAG.sub(" ", text))
    text = " ".join(text.split())
    return text or None


def parse_feed_date(value: str) -> dt.date | None:
    """The calendar day of a feed date: ISO 8601 and RFC 822 keep their own time zone's day;
    other formats (feedparser's handlers) are read as UTC. None when unreadable."""
    value = value.strip()
    if not value:
        return None
    if _ISO_DAY.match(value):  # an impossible ISO date (month 13) is unreadable, not guessed at
        return _iso_day(value)
    return _rfc822_day(value) or _feedparser_day(value)


def _iso_day(value: str) -> dt.date | None:
    try:
        return parse_published(value)
    except ValueError:
        return None


def _rfc822_day(value: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _feedparser_day(value: str) -> dt.date | None:
    """feedparser's date handlers (asctime, W3CDTF variants, Korean, Greek...), imported when first needed
    (feedparser takes 70 ms to import). ``_parse_date`` is its internal entry point: feedparser is pinned <7."""
    from feedparser.datetimes import _parse_date

    parsed = _parse_date(value)
    if not parsed:
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


# --- from items to Documents -----------------------------------------------------------------------------

def read_articles(items: Iterable[FeedItem], fetcher: PoliteFetcher, settings: Settings) -> Iterator[Item]:
    """Each item's article page, fetched politely, as a Document (or a Rejection saying why not)."""
    for item in items:
        try:
            yield article_document(item, fetcher, settings)
        except InputError as exc:
            yield Rejection(source=item.url, reason=str(exc), code=exc.code)


def article_document(item: FeedItem, fetcher: PoliteFetcher, settings: Settings) -> Document:
    """The page ``item`` links to; the feed's title and date fill in what the page does not say."""
    fetched = fetcher.get(item.url, accept=PAGE_TYPES)
    assert isinstance(fetched, Fetched)  # only conditional requests answer NotModified
    if fetched.content_type == "text/plain":
        document = document_from_text(decode_text(fetched.body, item.url), settings=settings, source=item.url)
        document = replace(document, url=fetched.url)
    else:
        document = document_from_html(fetched.body, settings=settings, source=item.url, url=fetched.url,
                                      charset=fetched.charset)
    if document.published is None and item.published is not None:
        document = replace(document, published=item.published, published_from="input")
    if document.title is None and item.title:
        document = replace(document, title=item.title)
    return document


def feed_notes(feed: Feed, max_items: int) -> Iterator[Rejection]:
    """What was left out of a feed, said as Rejections (never silently dropped)."""
    if feed.unlinked:
        yield Rejection(feed.source, f"{feed.source}: {feed.unlinked} items link to no http(s) page; "
                                     "they were skipped.", code="feed-item")
    if feed.capped:
        yield Rejection(feed.source, f"{feed.source}: the feed has more than {max_items} items; only the "
                                     f"first {max_items} were read. Raise --max-items (watch.max_items) to "
                                     "read more.", code="feed-capped")


def read_feed(value: str, settings: Settings, data: bytes | None = None) -> Iterator[Item]:
    """A feed (URL, or a file's ``data``) as the Documents of its items' pages, then notes on what was
    left out. Raises InputError when the feed itself cannot be fetched or read."""
    with PoliteFetcher(settings) as fetcher:
        base = None
        if data is None:
            fetched = fetcher.get(value, accept=None)
            assert isinstance(fetched, Fetched)
            data, base = fetched.body, fetched.url
        feed = parse_feed(data, source=value, base_url=base, max_items=settings.watch.max_items)
        yield from read_articles(feed.items, fetcher, settings)
        yield from feed_notes(feed, settings.watch.max_items)
