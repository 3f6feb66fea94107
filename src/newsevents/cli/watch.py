"""`newsevents watch FEED...`: poll feeds and ingest their new articles into the database."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from newsevents.cli import app
from newsevents.cli import ingest as ingest_cli
from newsevents.cli.common import guarded
from newsevents.errors import InputError
from newsevents.settings import Settings

if TYPE_CHECKING:
    from newsevents.store import Store
    from newsevents.watch import FeedPoll, PollReport


@app.command()
@guarded
def watch(
    feeds: Annotated[list[str], typer.Argument(help="URLs (or files) of RSS or Atom feeds.")],
    db: ingest_cli.DbOption = None,
    interval: Annotated[float | None, typer.Option(
        min=1.0, help="Seconds between polls (default 900).")] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron and tests).")] = False,
    max_items: Annotated[int | None, typer.Option(
        min=1, help="Items read from one feed per poll; the rest is reported, not read (default 100).")] = None,
    extractor: Annotated[str | None, typer.Option(help="Event extractor: hybrid (default) or rules.")] = None,
) -> None:
    """Poll RSS/Atom feeds and store the events of their new articles; Ctrl-C stops.

    Polite: robots.txt, 1 s between requests to a host, conditional GET, retries with backoff.

    Each article is fetched once per run; articles already in the database are not fetched again."""
    from newsevents.corpus import ingest_corpus
    from newsevents.ingest.polite import PoliteFetcher
    from newsevents.watch import Watcher, check_feeds

    check_feeds(feeds)
    settings = watch_settings(ingest_cli.make_settings(extractor=extractor), interval, max_items)
    log = PollLog()
    with ingest_cli.open_db(db, settings) as store, PoliteFetcher(settings) as fetcher, stop_on_sigterm():
        process = ingest_cli.make_process(settings)
        watcher = Watcher(feeds, settings=settings, fetcher=fetcher, is_known=stored_url(store),
                          sink=lambda items: ingest_corpus(items, store=store, process=process))
        try:
            watcher.run(once=once, on_poll=log.show)
        except KeyboardInterrupt:
            typer.echo("newsevents: watch stopped", err=True)
    polls = f"{watcher.polls} poll{'' if watcher.polls == 1 else 's'}"
    typer.echo(f"newsevents: {polls} into {store.url}: {log.summary()}; {fetcher.requests} HTTP requests",
               err=True)
    if once and log.last is not None and log.last.failed == len(log.last.feeds):
        raise InputError("no feed could be read.", code="feed", hint="See the reasons above.")


def watch_settings(settings: Settings, interval: float | None, max_items: int | None) -> Settings:
    """``settings`` with the command line's --interval and --max-items (None: not given)."""
    watch = settings.watch
    if interval is not None:
        watch = replace(watch, interval=interval)
    if max_items is not None:
        watch = replace(watch, max_items=max_items)
    return settings.with_(watch=watch)


def stored_url(store: Store) -> Callable[[str], bool]:
    """Whether the store holds a document fetched from ``url``: ``has_document`` matches a document by
    content hash or by URL, and this probe's hash matches nothing, so only its URL can match."""
    from newsevents.model import Document

    def known(url: str) -> bool:
        return store.has_document(Document(id="", text="", source=url, url=url, content_hash=f"url-probe:{url}"))

    return known


class PollLog:
    """Shows each poll (one line per feed on stderr) and keeps the run's totals and the last poll."""

    COUNTS = ("read", "new", "duplicate", "rejected", "events")

    def __init__(self) -> None:
        self.counts = dict.fromkeys(self.COUNTS, 0)
        self.last: PollReport | None = None

    def show(self, report: PollReport) -> None:
        from newsevents.corpus import Tally

        self.last = report
        for poll in report.feeds:
            if isinstance(poll.ingested, Tally):
                for name in self.COUNTS:
                    self.counts[name] += getattr(poll.ingested, name)
            typer.echo(f"newsevents: poll {report.number}: {poll.feed}: {describe(poll)}", err=True)

    def summary(self) -> str:
        return ", ".join(f"{name} {count}" for name, count in self.counts.items())


def describe(poll: FeedPoll) -> str:
    from newsevents.corpus import Tally

    if poll.status == "not-modified":
        return "not modified"
    if poll.status == "failed":
        return f"failed: {poll.reason}"
    line = f"{poll.items} items, {poll.new} new"
    if isinstance(poll.ingested, Tally):
        line += f" ({poll.ingested.summary()})"
    if poll.unlinked:
        line += f"; {poll.unlinked} items without a link skipped"
    if poll.capped:
        line += f"; more than {poll.items} items in the feed: only the first were read (raise --max-items)"
    return line


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (systemd, docker stop, kill) stops the watch like Ctrl-C: the current document finishes
    or is rolled back, the database is closed, the totals are printed. Ctrl-C's handler is installed
    too, since a process started in the background inherits SIGINT ignored."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
    except ValueError:  # not the main thread (e.g. a test runner's worker): no handler, nothing to restore
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
