"""RSS/Atom feeds: items to article URLs (+ title, date), streamed and capped; bad feeds are clear errors.

Every feed here is our own writing. Fetching the linked pages is tested in tests/integration/test_watch.py.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from newsevents.errors import InputError
from newsevents.ingest.feeds import (
    Feed,
    FeedItem,
    feed_notes,
    feed_root,
    is_feed_file,
    is_feed_url,
    parse_feed,
    parse_feed_date,
)

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Valley Courier - Local</title>
    <link>https://courier.example.test/</link>
    <item>
      <title>Ferry landing stays shut for a third week</title>
      <link>https://courier.example.test/2022/01/ferry-landing</link>
      <pubDate>Tue, 11 Jan 2022 23:30:00 -0500</pubDate>
    </item>
    <item>
      <title><![CDATA[Council <b>votes</b> on the bus route]]></title>
      <guid isPermaLink="true">https://courier.example.test/2022/01/bus-route</guid>
      <dc:date>2022-01-10T08:00:00Z</dc:date>
    </item>
    <item>
      <title>Listen: this week's podcast</title>
      <guid isPermaLink="false">podcast-2022-02</guid>
    </item>
    <item>
      <title>Ferry landing stays shut (repeated)</title>
      <link>https://courier.example.test/2022/01/ferry-landing</link>
    </item>
  </channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example.test/">
  <title type="text">Harbour Wire</title>
  <entry>
    <title type="html">Dock &lt;em&gt;strike&lt;/em&gt; ends</title>
    <link rel="alternate" type="text/html" href="/stories/dock-strike-ends"/>
    <link rel="enclosure" type="audio/mpeg" href="/audio/dock.mp3"/>
    <published>2022-03-04T10:00:00+02:00</published>
    <updated>2022-03-05T10:00:00Z</updated>
  </entry>
  <entry>
    <title>Tide gauge replaced</title>
    <link href="stories/tide-gauge"/>
    <updated>2022-03-02T09:00:00Z</updated>
  </entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example.test/"><title>Old Town Notes</title></channel>
  <item rdf:about="https://old.example.test/mill">
    <title>The mill reopens</title><link>https://old.example.test/mill</link><dc:date>2021-12-01</dc:date>
  </item>
</rdf:RDF>"""


def rss(count: int, *, start: int = 0) -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>https://big.example.test/story/{n}</link></item>"
                    for n in range(start, start + count))
    return f'<rss version="2.0"><channel><title>Big</title>{items}</channel></rss>'.encode()


def test_rss_items_links_titles_dates() -> None:
    feed = parse_feed(RSS, source="courier.rss", max_items=100)
    assert feed.title == "Valley Courier - Local"
    assert feed.items == (
        FeedItem("https://courier.example.test/2022/01/ferry-landing", "Ferry landing stays shut for a third week",
                 dt.date(2022, 1, 11)),  # the day where it was published, not in UTC
        FeedItem("https://courier.example.test/2022/01/bus-route", "Council <b>votes</b> on the bus route",
                 dt.date(2022, 1, 10)),
    )
    assert feed.unlinked == 1 and not feed.capped  # the podcast's guid is not a permalink; a repeat is dropped


def test_atom_alternate_links_resolved_against_xml_base() -> None:
    feed = parse_feed(ATOM, source="wire.atom", base_url="https://elsewhere.example.test/feed.atom", max_items=10)
    assert feed.title == "Harbour Wire"
    assert [(i.url, i.title, i.published) for i in feed.items] == [
        ("https://wire.example.test/stories/dock-strike-ends", "Dock strike ends", dt.date(2022, 3, 4)),
        ("https://wire.example.test/stories/tide-gauge", "Tide gauge replaced", dt.date(2022, 3, 2)),
    ]


def test_relative_links_use_the_feed_url() -> None:
    data = b'<rss version="2.0"><channel><item><link>/a/b</link></item></channel></rss>'
    assert parse_feed(data, source="x", base_url="https://site.example.test/feed", max_items=5).items[0].url == (
        "https://site.example.test/a/b")
    assert parse_feed(data, source="x", max_items=5).unlinked == 1  # no base: nothing to fetch


def test_rss_1_0() -> None:
    feed = parse_feed(RDF, source="notes.rdf", max_items=10)
    assert feed.title == "Old Town Notes"
    assert feed.items == (FeedItem("https://old.example.test/mill", "The mill reopens", dt.date(2021, 12, 1)),)


def test_a_ten_thousand_item_feed_is_read_up_to_the_cap() -> None:
    feed = parse_feed(rss(10_000), source="big.rss", max_items=25)
    assert len(feed.items) == 25 and feed.capped
    assert feed.items[-1].url == "https://big.example.test/story/24"
    [note] = feed_notes(feed, 25)
    assert note.code == "feed-capped" and "only the first 25 were read" in note.reason


def test_exactly_max_items_is_not_capped() -> None:
    feed = parse_feed(rss(5), source="five.rss", max_items=5)
    assert len(feed.items) == 5 and not feed.capped and list(feed_notes(feed, 5)) == []


def test_damage_after_the_cap_is_never_read() -> None:
    data = rss(10)[:-40] + b"<item><link>broken"
    assert len(parse_feed(data, source="x", max_items=3).items) == 3
    with pytest.raises(InputError, match="malformed XML"):
        parse_feed(data, source="x", max_items=50)


@pytest.mark.parametrize(
    ("data", "code", "needle"),
    [
        (b"Feed temporarily unavailable, try again later.", "feed", "not XML"),
        (b'{"items": [{"url": "https://x.example.test/"}]}', "feed", "not XML"),
        (b"<html><head><title>News</title></head><body><p>hi</p></body></html>", "feed",
         "its root element is <html>; is it a web page?"),
        (b"<sitemap><url>https://x.example.test/</url></sitemap>", "feed", "root element is <sitemap>"),
        (b'<rss version="2.0"><channel><item><title>A & B</title></item></channel></rss>', "feed", "malformed"),
        (b"   \n", "empty", "empty"),
    ],
)
def test_a_bad_feed_is_a_clear_error(data: bytes, code: str, needle: str) -> None:
    with pytest.raises(InputError) as info:
        parse_feed(data, source="https://x.example.test/feed.rss", max_items=10)
    assert info.value.code == code and needle in str(info.value)
    assert str(info.value).startswith("https://x.example.test/feed.rss: ") and "\n" not in str(info.value)


def test_entities_and_external_files_are_not_expanded(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><item><title>x&leak;</title>'
            '<link>https://x.example.test/a</link></item></channel></rss>').encode()
    feed = parse_feed(data, source="x", max_items=5)
    assert all("do not read me" not in (item.title or "") for item in feed.items)


def test_feed_urls_and_files_are_recognised() -> None:
    assert is_feed_url("https://x.example.test/news.rss") and is_feed_url("http://x.example.test/feed/")
    assert is_feed_url("https://x.example.test/index.xml") and is_feed_url("https://x.example.test/atom")
    assert not is_feed_url("https://x.example.test/2022/01/story.html") and not is_feed_url("feed.rss")
    assert is_feed_file("news.rss", b"") and is_feed_file("a.ATOM", b"")
    assert is_feed_file("feed.xml", RSS) and not is_feed_file("data.xml", b"<sitemap/>")
    assert not is_feed_file("story.html", RSS)
    assert feed_root(ATOM) == "feed" and feed_root(RDF) == "RDF" and feed_root(b"not xml") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 11 Jan 2022 10:00:00 GMT", dt.date(2022, 1, 11)),
        ("Tue, 11 Jan 2022 23:30:00 -0500", dt.date(2022, 1, 11)),
        ("2022-01-11T23:30:00-05:00", dt.date(2022, 1, 11)),
        ("2022-01-11", dt.date(2022, 1, 11)),
        ("Tue Jan 11 10:00:00 2022", dt.date(2022, 1, 11)),  # asctime: feedparser's handlers
        ("2022-13-45", None),
        ("next Tuesday", None),
        ("", None),
    ],
)
def test_feed_dates(value: str, expected: dt.date | None) -> None:
    assert parse_feed_date(value) == expected


@given(st.text(max_size=60))
def test_feed_dates_never_raise(value: str) -> None:
    result = parse_feed_date(value)
    assert result is None or isinstance(result, dt.date)


@given(st.binary(max_size=300))
@hypothesis_settings(max_examples=200)
def test_any_bytes_give_a_feed_or_an_input_error(data: bytes) -> None:
    try:
        feed = parse_feed(data, source="fuzz", max_items=5)
    except InputError as exc:
        assert exc.code in ("feed", "empty")
        return
    assert isinstance(feed, Feed) and len(feed.items) <= 5


titles = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cn", "Co")), min_size=1, max_size=40).filter(
    str.strip)
slugs = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20)


@given(st.lists(st.tuples(slugs, titles), min_size=0, max_size=12, unique_by=lambda pair: pair[0]),
       st.integers(min_value=1, max_value=15))
def test_written_items_read_back(pairs: list[tuple[str, str]], max_items: int) -> None:
    items = "".join(f"<item><title>{escape(title)}</title><link>https://x.example.test/{slug}</link></item>"
                    for slug, title in pairs)
    feed = parse_feed(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), source="x",
                      max_items=max_items)
    expected = [(f"https://x.example.test/{slug}", " ".join(title.split())) for slug, title in pairs]
    assert [(i.url, i.title) for i in feed.items] == expected[:max_items]
    assert feed.capped == (len(pairs) > max_items)
