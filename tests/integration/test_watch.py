"""`newsevents watch` and feed inputs against a local HTTP server on 127.0.0.1 started by the test.

The server serves feeds and article pages of our own writing, a robots.txt, a page that fails once, a
page that hangs and a feed of 10,000 items; it counts every request so the tests can say what was
fetched. Nothing is timed: waits are bounded by short timeouts and checked by what happened.
"""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from store_support import fake_process
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.ingest import read_inputs
from newsevents.ingest.polite import PoliteFetcher
from newsevents.model import Document, Rejection
from newsevents.settings import FetchSettings, Settings, WatchSettings
from newsevents.watch import Watcher

pytestmark = pytest.mark.network

MakeWatcher = Callable[..., Watcher]
HANG_SECONDS = 5.0  # the hanging page gives up by itself after this, whatever the client does
TOWNS = ("Ashby Marsh", "Corran Bay", "Eddleton", "Fenwick Cross", "Holloway Ridge", "Kilnsey Wharf")
FEEDS = {
    "local": ["/a/ferry", "/a/bridge", "/a/market"],
    "mixed": ["/a/library", "/private/minutes", "/flaky/school", "/hang/quarry", "/a/harbour"],
    "second": ["/a/market", "/a/orchard"],
    "one": ["/a/orchard"],
}
WORKER = Path(__file__).with_name("corpus_worker.py")  # `newsevents ...` with the fake pipeline
WAIT_LIMIT_S = 60  # a worker that never polls has hung: fail instead of waiting for ever


def article(name: str) -> bytes:
    """An article page of our own writing; each name gives a different text."""
    town = TOWNS[int(hashlib.sha1(name.encode()).hexdigest(), 16) % len(TOWNS)]
    paragraphs = "".join(
        f"<p>The {name} question came up again at the {town} council meeting on Thursday evening, where "
        f"residents asked when the work promised last spring would start and who would pay for it ({k}).</p>"
        for k in range(3))
    return (f"<html><head><title>{town} council hears about the {name}</title></head><body><article>"
            f"<h1>{town} council hears about the {name}</h1>{paragraphs}</article></body></html>").encode()


def rss(paths: Iterable[str], base: str) -> bytes:
    items = "".join(f"<item><title>Story {path}</title><link>{base}{path}</link>"
                    f"<pubDate>Tue, 11 Jan 2022 10:00:00 GMT</pubDate></item>" for path in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>{items}</channel></rss>'.encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        return

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        state: ServerState = self.server.state  # type: ignore[attr-defined]
        path = self.path.split("?")[0]
        count = state.hit(path)
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path.startswith("/feeds/"):
            self.feed(state, path.removeprefix("/feeds/").removesuffix(".rss"))
        elif path.startswith(("/a/", "/private/")):
            self.send(200, article(path.rsplit("/", 1)[1]), "text/html; charset=utf-8")
        elif path.startswith("/flaky/") and count == 1:  # fails the first time, works after
            self.send(500, b"try again", "text/plain")
        elif path.startswith("/flaky/"):
            self.send(200, article(path.rsplit("/", 1)[1]), "text/html")
        elif path.startswith("/hang/"):
            state.stop.wait(HANG_SECONDS)
            self.send(200, article("late"), "text/html")
        else:
            self.send(404, b"not here", "text/plain")

    def feed(self, state: ServerState, name: str) -> None:
        if name == "notxml":
            self.send(200, b"Our feed is resting today. {oops}", "application/rss+xml")
        elif name == "big":
            self.send(200, rss((f"/a/big-{n}" for n in range(10_000)), state.base), "application/rss+xml")
        else:
            body = rss(FEEDS[name], state.base)
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send(304, b"", "application/rss+xml", {"ETag": etag})
            else:
                self.send(200, body, "application/rss+xml", {"ETag": etag})

    def send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up (a timeout), as it should


class ServerState:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.base = ""

    def hit(self, path: str) -> int:
        with self.lock:
            self.hits[path] += 1
            return self.hits[path]


@pytest.fixture()
def server() -> Iterator[ServerState]:
    """A fresh server (and fresh counts) for each test."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state = ServerState()
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.state = state  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    state.stop.set()
    httpd.shutdown()
    httpd.server_close()


def quick_settings(**watch: object) -> Settings:
    """Short limits so a failure shows within about a second; no waiting between requests."""
    options = {"min_interval": 0.0, "retries": 1, "backoff": 0.01, "max_backoff": 0.05, "max_items": 100} | watch
    return Settings(fetch=FetchSettings(connect_timeout=1.0, read_timeout=0.5, total_timeout=2.0),
                    watch=WatchSettings(**options))  # type: ignore[arg-type]


class ListSink:
    """Collects what the watcher passes on, poll after poll."""

    def __init__(self) -> None:
        self.items: list[Document | Rejection] = []

    def __call__(self, items: Iterable[Document | Rejection]) -> int:
        taken = list(items)
        self.items.extend(taken)
        return len(taken)

    def documents(self) -> list[Document]:
        return [item for item in self.items if isinstance(item, Document)]

    def rejections(self) -> list[Rejection]:
        return [item for item in self.items if isinstance(item, Rejection)]


@pytest.fixture()
def watcher(server: ServerState) -> Iterator[MakeWatcher]:
    """Makes Watchers of the server's feeds (by name); their fetchers are closed after the test."""
    fetchers: list[PoliteFetcher] = []

    def make(feeds: list[str], sink: ListSink, **watch: object) -> Watcher:
        settings = quick_settings(**watch)
        fetchers.append(PoliteFetcher(settings))
        return Watcher([f"{server.base}/feeds/{name}.rss" for name in feeds], settings=settings,
                       fetcher=fetchers[-1], sink=sink)

    yield make
    for fetcher in fetchers:
        fetcher.close()


def test_new_items_are_ingested_once_and_an_unchanged_feed_costs_a_304(server: ServerState,
                                                                       watcher: MakeWatcher) -> None:
    sink = ListSink()
    watch = watcher(["local"], sink)
    first = watch.poll()
    assert [(p.status, p.items, p.new) for p in first.feeds] == [("read", 3, 3)]
    assert [doc.url for doc in sink.documents()] == [f"{server.base}{path}" for path in FEEDS["local"]]
    assert all(doc.title and doc.title.endswith(("ferry", "bridge", "market")) for doc in sink.documents())
    second = watch.poll()
    assert [p.status for p in second.feeds] == ["not-modified"]
    assert len(sink.items) == 3
    assert server.hits["/feeds/local.rss"] == 2 and all(server.hits[p] == 1 for p in FEEDS["local"])
    assert server.hits["/robots.txt"] == 1


def test_items_seen_in_one_feed_are_not_fetched_again_from_another(server: ServerState, watcher: MakeWatcher) -> None:
    sink = ListSink()
    watch = watcher(["local", "second"], sink)
    report = watch.poll()
    assert [(p.items, p.new) for p in report.feeds] == [(3, 3), (2, 1)]
    assert server.hits["/a/market"] == 1 and len(sink.documents()) == 4


def test_feed_date_is_the_fallback_publication_date(watcher: MakeWatcher) -> None:
    sink = ListSink()
    watcher(["local"], sink).poll()
    assert {(doc.published.isoformat(), doc.published_from) for doc in sink.documents()} == {("2022-01-11", "input")}


def test_robots_retries_and_a_hanging_page_in_one_feed(server: ServerState, watcher: MakeWatcher) -> None:
    sink = ListSink()
    report = watcher(["mixed"], sink).poll()
    assert [(p.status, p.new) for p in report.feeds] == [("read", 5)]
    urls = {doc.url for doc in sink.documents()}
    assert urls == {f"{server.base}/a/library", f"{server.base}/flaky/school", f"{server.base}/a/harbour"}
    assert server.hits["/flaky/school"] == 2  # a 500, then a 200 on the retry
    assert server.hits["/private/minutes"] == 0  # robots.txt: Disallow: /private/
    codes = {r.source.removeprefix(server.base): (r.code, r.reason) for r in sink.rejections()}
    assert codes["/private/minutes"][0] == "robots" and "robots.txt disallows" in codes["/private/minutes"][1]
    assert codes["/hang/quarry"][0] == "fetch" and "timed out" in codes["/hang/quarry"][1]
    assert server.hits["/hang/quarry"] == 2  # the timeout was retried once, then given up


def test_a_feed_that_is_not_xml_fails_clearly_and_the_others_go_on(watcher: MakeWatcher) -> None:
    sink = ListSink()
    report = watcher(["notxml", "local"], sink).poll()
    failed, read = report.feeds
    assert failed.status == "failed" and "not an RSS or Atom feed: it is not XML" in (failed.reason or "")
    assert read.status == "read" and read.new == 3 and report.failed == 1
    [rejection] = sink.rejections()
    assert rejection.code == "feed" and rejection.source.endswith("/feeds/notxml.rss")


def test_a_ten_thousand_item_feed_is_bounded_by_max_items(server: ServerState, watcher: MakeWatcher) -> None:
    sink = ListSink()
    report = watcher(["big"], sink, max_items=4).poll()
    [poll] = report.feeds
    assert (poll.items, poll.new, poll.capped) == (4, 4, True)
    assert len(sink.documents()) == 4
    assert sum(count for path, count in server.hits.items() if path.startswith("/a/big-")) == 4


def test_run_once_and_a_stop_event(watcher: MakeWatcher) -> None:
    sink = ListSink()
    watch = watcher(["local"], sink, interval=0.01)
    assert watch.run(once=True) == 1
    stop = threading.Event()
    reports = []

    def on_poll(report: object) -> None:  # stop after the second poll
        reports.append(report)
        if len(reports) == 2:
            stop.set()

    assert watch.run(stop=stop, on_poll=on_poll) == 3 and len(sink.documents()) == 3


def test_read_inputs_takes_feed_urls_and_feed_files(server: ServerState, tmp_path: Path) -> None:
    settings = quick_settings(max_items=2)
    items = list(read_inputs([f"{server.base}/feeds/local.rss"], settings))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Rejection"]
    assert items[2].code == "feed-capped"
    feed_file = tmp_path / "saved.xml"
    feed_file.write_bytes(rss(["/a/orchard"], server.base))
    [doc] = read_inputs([str(feed_file)], settings)
    assert isinstance(doc, Document) and doc.url == f"{server.base}/a/orchard" and doc.source == doc.url


# --- the command --------------------------------------------------------------------------------------

@pytest.fixture()
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsevents.cli.ingest.make_process", lambda settings: fake_process)
    monkeypatch.setattr("newsevents.cli.watch.watch_settings", lambda settings, interval, max_items: quick_settings(
        max_items=max_items or 100))


def run(*args: str):
    return CliRunner().invoke(app, ["watch", *args])


def test_watch_once_stores_new_articles_and_skips_stored_ones_next_run(server: ServerState, tmp_path: Path,
                                                                       fake_pipeline: None) -> None:
    db = str(tmp_path / "news.db")
    feed = f"{server.base}/feeds/local.rss"
    first = run(feed, "--db", db, "--once")
    assert first.exit_code == 0, first.stderr
    assert "3 items, 3 new (read 3, new 3, duplicate 0, rejected 0" in first.stderr
    second = run(feed, "--db", db, "--once")  # a new run: in-memory state is gone, the store remembers
    assert second.exit_code == 0, second.stderr
    assert "3 items, 0 new" in second.stderr
    assert all(server.hits[path] == 1 for path in FEEDS["local"])
    info = CliRunner().invoke(app, ["db", "info", "--db", db])
    assert "documents: 3" in info.stdout


def test_watch_once_with_max_items_says_the_feed_was_capped(server: ServerState, tmp_path: Path,
                                                            fake_pipeline: None) -> None:
    result = run(f"{server.base}/feeds/big.rss", "--db", str(tmp_path / "n.db"), "--once", "--max-items", "2")
    assert result.exit_code == 0, result.stderr
    assert "2 items, 2 new" in result.stderr and "raise --max-items" in result.stderr


def test_watch_once_fails_when_no_feed_can_be_read(server: ServerState, tmp_path: Path,
                                                   fake_pipeline: None) -> None:
    result = run(f"{server.base}/feeds/notxml.rss", "--db", str(tmp_path / "n.db"), "--once")
    assert result.exit_code == 2
    assert "not XML" in result.stderr and "no feed could be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_watch_refuses_a_missing_feed_file(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.rss"), "--db", str(tmp_path / "n.db"), "--once")
    assert result.exit_code == 2 and "no such file" in result.stderr


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_between_polls_stops_the_watch_cleanly(server: ServerState, tmp_path: Path,
                                                        stop_signal: signal.Signals) -> None:
    db = str(tmp_path / "news.db")
    worker = subprocess.Popen([sys.executable, str(WORKER), "watch", f"{server.base}/feeds/one.rss", "--db", db],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = _first_poll_line(worker)
        worker.send_signal(stop_signal)
        _, rest = worker.communicate(timeout=WAIT_LIMIT_S)
    finally:
        worker.kill()
    assert "poll 1:" in first and "1 new (read 1, new 1" in first
    assert worker.returncode == 0, rest
    assert "watch stopped" in rest and "1 poll into" in rest and "Traceback" not in rest
    assert "documents: 1" in CliRunner().invoke(app, ["db", "info", "--db", db]).stdout


def _first_poll_line(worker: subprocess.Popen) -> str:
    assert worker.stderr is not None
    started = time.monotonic()
    while time.monotonic() - started < WAIT_LIMIT_S:
        line = worker.stderr.readline()
        if not line:
            raise AssertionError(f"the watch ended before its first poll (exit {worker.wait()})")
        if "poll 1:" in line:
            return line
    raise AssertionError("the watch did not poll")
