"""Watching feeds: poll RSS/Atom feeds on a schedule and pass the articles of new items to a sink.

Every request goes through one ``PoliteFetcher`` (robots.txt, an interval per host, retries, conditional
GET: a feed that answers 304 costs nothing). An item URL is fetched once per run (the watcher remembers
the URLs it has seen); across runs, ``is_known`` (e.g. a store lookup) and the sink's own idempotency
keep an article from being stored twice.

    with PoliteFetcher(settings) as fetcher:
        watcher = Watcher(feeds, settings=settings, fetcher=fetcher,
                          sink=lambda items: ingest_corpus(items, store=store, process=process))
        watcher.run(once=True)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsevents.errors import InputError
from newsevents.ingest.feeds import Feed, parse_feed, read_articles
from newsevents.ingest.fetch import Fetched, is_url
from newsevents.ingest.polite import NotModified, PoliteFetcher
from newsevents.model import Document, Rejection
from newsevents.settings import Settings

Sink = Callable[[Iterable[Document | Rejection]], object]
IsKnown = Callable[[str], bool]
FeedStatus = Literal["read", "not-modified", "failed"]


@dataclass(frozen=True, slots=True)
class FeedPoll:
    """What one poll of one feed did."""

    feed: str
    status: FeedStatus
    items: int = 0  # linked items read from the feed (at most max_items)
    new: int = 0  # items not seen before: their pages were fetched and passed to the sink
    unlinked: int = 0  # items without an http(s) link
    capped: bool = False  # the feed had more than max_items items
    reason: str | None = None  # why it failed
    ingested: object = None  # what the sink returned (for the CLI: a corpus Tally)


@dataclass(frozen=True, slots=True)
class PollReport:
    number: int  # 1 for the first poll of the run
    feeds: tuple[FeedPoll, ...]

    @property
    def failed(self) -> int:
        return sum(poll.status == "failed" for poll in self.feeds)


def check_feeds(feeds: Sequence[str]) -> None:
    """InputError before the first poll when there is no feed, or a feed file does not exist."""
    if not feeds:
        raise InputError("No feed given.", code="no-input", hint="Pass the URL (or file) of an RSS or Atom feed.")
    for feed in feeds:
        if not is_url(feed) and not Path(feed).is_file():
            raise InputError(f"{feed}: not a URL and no such file.", code="missing",
                             hint="Pass a feed URL starting with http:// or https://, or an existing file.")


class Watcher:
    """Polls ``feeds``; the state of a run (the URLs seen, the number of polls) lives here."""

    def __init__(self, feeds: Sequence[str], *, settings: Settings, fetcher: PoliteFetcher, sink: Sink,
                 is_known: IsKnown | None = None) -> None:
        check_feeds(feeds)
        self.feeds = tuple(dict.fromkeys(feeds))
        self.settings = settings
        self.fetcher = fetcher
        self.sink = sink
        self.is_known = is_known
        self.seen: set[str] = set()
        self.polls = 0

    def run(self, *, once: bool = False, stop: threading.Event | None = None,
            on_poll: Callable[[PollReport], None] | None = None) -> int:
        """Poll now, then every ``settings.watch.interval`` seconds until ``stop`` is set (or Ctrl-C);
        only once with ``once``. Returns the number of polls."""
        stop = stop or threading.Event()
        while True:
            report = self.poll()
            if on_poll is not None:
                on_poll(report)
            if once or stop.wait(self.settings.watch.interval):
                return self.polls

    def poll(self) -> PollReport:
        """Every feed once, in order; a feed that fails does not stop the others."""
        self.polls += 1
        return PollReport(self.polls, tuple(self.poll_feed(feed) for feed in self.feeds))

    def poll_feed(self, feed: str) -> FeedPoll:
        try:
            parsed = self._read(feed)
        except InputError as exc:
            ingested = self.sink([Rejection(feed, str(exc), exc.code)])
            return FeedPoll(feed, "failed", reason=str(exc), ingested=ingested)
        if parsed is None:
            return FeedPoll(feed, "not-modified")
        new = [item for item in parsed.items if self._first_sight(item.url)]
        ingested = self.sink(read_articles(new, self.fetcher, self.settings)) if new else None
        return FeedPoll(feed, "read", items=len(parsed.items), new=len(new), unlinked=parsed.unlinked,
                        capped=parsed.capped, ingested=ingested)

    def _read(self, feed: str) -> Feed | None:
        """The feed's items now; None when the server says nothing changed since the last poll."""
        if is_url(feed):
            answer = self.fetcher.get(feed, accept=None, conditional=True)
            if isinstance(answer, NotModified):
                return None
            assert isinstance(answer, Fetched)
            data, base = answer.body, answer.url
        else:
            data, base = read_feed_file(Path(feed), self.settings), None
        return parse_feed(data, source=feed, base_url=base, max_items=self.settings.watch.max_items)

    def _first_sight(self, url: str) -> bool:
        """True the first time this run sees ``url``, unless ``is_known`` says it is stored already."""
        if url in self.seen:
            return False
        self.seen.add(url)
        return not (self.is_known is not None and self.is_known(url))


def read_feed_file(path: Path, settings: Settings) -> bytes:
    """A feed file's bytes; InputError when it is missing, unreadable or larger than max_input_bytes."""
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise InputError(f"{path}: the feed is too large ({size} bytes, at most {settings.max_input_bytes}).",
                             code="too-large", hint="Raise max_input_bytes, or split the feed.")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).", code="unreadable",
                         hint="Check that the feed file exists and can be read.") from None
