"""URL inputs against a local HTTP server on 127.0.0.1 started by the test (no other network)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsevents.errors import FetchError
from newsevents.ingest import read_inputs
from newsevents.ingest.fetch import fetch
from newsevents.model import Document, Rejection
from newsevents.settings import FetchSettings, Settings

pytestmark = pytest.mark.network

PAGE = (Path(__file__).parents[1] / "fixtures" / "ingest" / "river-port-strike.html").read_bytes()
STORY = (b"Storm damage closed the coastal railway line for a second day on Friday, and replacement buses "
         b"ran between the two harbour towns, the operator said.\n")
# Bounds for the endless and slow answers, so the server stops by itself whatever the client does.
SERVER_MAX_SECONDS = 5.0
CHUNK = b"x" * 4096


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    stop: threading.Event

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        return

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        seen_user_agents.append(self.headers.get("User-Agent", ""))
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            self._send(404, b"not here", "text/plain")
        else:
            route(self)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, pause: float) -> None:
        """A chunked body that never ends (until the client leaves or SERVER_MAX_SECONDS pass)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        deadline = time.monotonic() + SERVER_MAX_SECONDS
        try:
            while time.monotonic() < deadline and not self.server_stop.is_set():
                self.wfile.write(b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK))
                self.wfile.flush()
                if pause:
                    time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up, as it should

    @property
    def server_stop(self) -> threading.Event:
        return self.server.stop_event  # type: ignore[attr-defined]


def _slow_headers(handler: Handler) -> None:
    handler.server_stop.wait(2.0)  # longer than the test's read timeout
    handler._send(200, PAGE, "text/html")


ROUTES = {
    "/article": lambda h: h._send(200, PAGE, "text/html; charset=utf-8"),
    "/story.txt": lambda h: h._send(200, STORY, "text/plain; charset=utf-8"),
    "/error": lambda h: h._send(500, b"boom", "text/plain"),
    "/pdf": lambda h: h._send(200, b"%PDF-1.4 ...", "application/pdf"),
    "/big": lambda h: h._send(200, PAGE * 50, "text/html"),
    "/loop": lambda h: h._send(302, b"", "text/plain", {"Location": "/loop"}),
    "/moved": lambda h: h._send(301, b"", "text/plain", {"Location": "/article"}),
    "/endless": lambda h: h._stream(pause=0.0),
    "/drip": lambda h: h._stream(pause=0.2),
    "/slow": _slow_headers,
}
seen_user_agents: list[str] = []


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.stop_event = threading.Event()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.stop_event.set()  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


def settings() -> Settings:
    """Short limits so each failure shows within about two seconds."""
    return Settings(fetch=FetchSettings(connect_timeout=1.0, read_timeout=1.0, total_timeout=2.0,
                                        max_bytes=100_000, max_redirects=3))


def one(url: str, s: Settings | None = None) -> Document | Rejection:
    [item] = list(read_inputs([url], s or settings()))
    return item


def test_article_page(base_url: str) -> None:
    doc = one(f"{base_url}/article")
    assert isinstance(doc, Document)
    assert doc.source == doc.url == f"{base_url}/article"
    assert doc.title == "Dock workers walk out at river port"
    assert "You may also like" not in doc.text


def test_redirect_is_followed(base_url: str) -> None:
    doc = one(f"{base_url}/moved")
    assert isinstance(doc, Document)
    assert doc.source == f"{base_url}/moved" and doc.url == f"{base_url}/article"


def test_plain_text_url(base_url: str) -> None:
    doc = one(f"{base_url}/story.txt")
    assert isinstance(doc, Document) and doc.text == STORY.decode().strip()


def test_honest_user_agent(base_url: str) -> None:
    fetch(f"{base_url}/article", settings().fetch)
    assert seen_user_agents[-1].startswith("newsevents/")


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("/missing", "404"),
        ("/error", "500"),
        ("/pdf", "application/pdf, not HTML or text"),
        ("/big", "too large"),
        ("/endless", "too large"),
        ("/loop", "redirects"),
        ("/slow", "timed out"),
        ("/drip", "in total"),
    ],
)
def test_fetch_failures_become_rejections(base_url: str, path: str, needle: str) -> None:
    item = one(f"{base_url}{path}")
    assert isinstance(item, Rejection), item
    assert item.code == "fetch" and needle in item.reason
    assert item.source == f"{base_url}{path}" and "\n" not in item.reason


def test_unreachable_host() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    item = one(f"http://127.0.0.1:{port}/article")
    assert isinstance(item, Rejection) and item.code == "fetch"
    assert "cannot reach the server" in item.reason


def test_fetch_raises_fetch_error(base_url: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(f"{base_url}/error", settings().fetch)
    assert info.value.code == "fetch"


def test_bad_url_and_good_file_in_one_run(base_url: str, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY)
    items = list(read_inputs([f"{base_url}/error", str(path)], settings()))
    assert [type(item).__name__ for item in items] == ["Rejection", "Document"]
