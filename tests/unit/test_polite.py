"""PoliteFetcher against an in-memory transport: robots.txt, per-host interval, conditional GET, retries.

Time is a fake clock that only the fetcher's ``sleep`` moves, so the waits it asks for are asserted
exactly and nothing really waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import pytest

from newsevents.errors import FetchError
from newsevents.ingest.fetch import Fetched
from newsevents.ingest.polite import NotModified, PoliteFetcher, charset_of, parse_retry_after, retryable
from newsevents.settings import FetchSettings, Settings, WatchSettings

PAGE = b"<html><body><p>A page of our own.</p></body></html>"
Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class FakeTime:
    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@dataclass
class Site:
    """Routes by path; every request is logged."""

    routes: dict[str, Handler | list[Handler]]
    robots: str | int = "User-agent: *\nDisallow: /private/\n"
    log: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.log.append(request)
        if request.url.path == "/robots.txt":
            if isinstance(self.robots, int):
                return httpx.Response(self.robots)
            return httpx.Response(200, text=self.robots)
        route = self.routes.get(request.url.path)
        if route is None:
            return httpx.Response(404)
        if isinstance(route, list):  # a sequence of answers, the last one repeated
            return (route.pop(0) if len(route) > 1 else route[0])(request)
        return route(request)

    def paths(self) -> list[str]:
        return [request.url.path for request in self.log]


def html(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html; charset=iso-8859-1"})


def status(code: int, **headers: str) -> Handler:
    return lambda request: httpx.Response(code, headers=headers)


def settings(**watch: float) -> Settings:
    defaults: dict[str, float] = {"min_interval": 0.0, "retries": 3, "backoff": 1.0, "max_backoff": 30.0}
    return Settings(fetch=FetchSettings(max_redirects=3), watch=WatchSettings(**(defaults | watch)))


def fetcher(site: Site, time: FakeTime | None = None, **watch: float) -> PoliteFetcher:
    time = time or FakeTime()
    return PoliteFetcher(settings(**watch), clock=time.clock, sleep=time.sleep, transport=httpx.MockTransport(site))


def test_a_page_is_fetched_after_robots_txt() -> None:
    site = Site({"/news/1": html})
    with fetcher(site) as polite:
        page = polite.get("https://site.test/news/1")
    assert isinstance(page, Fetched) and page.body == PAGE and page.charset == "iso-8859-1"
    assert site.paths() == ["/robots.txt", "/news/1"]
    assert site.log[1].headers["user-agent"].startswith("newsevents/")


def test_robots_disallow_is_honoured_without_requesting_the_page() -> None:
    site = Site({"/private/1": html})
    with fetcher(site) as polite, pytest.raises(FetchError) as info:
        polite.get("https://site.test/private/1")
    assert info.value.code == "robots" and "robots.txt disallows" in str(info.value)
    assert site.paths() == ["/robots.txt"]


def test_robots_txt_is_asked_once_per_host() -> None:
    site = Site({"/a": html, "/b": html})
    with fetcher(site) as polite:
        polite.get("https://site.test/a")
        polite.get("https://site.test/b")
        polite.get("https://other.test/a")
    assert [(r.url.host, r.url.path) for r in site.log] == [
        ("site.test", "/robots.txt"), ("site.test", "/a"), ("site.test", "/b"),
        ("other.test", "/robots.txt"), ("other.test", "/a")]


def test_robots_for_our_user_agent_only() -> None:
    site = Site({"/a": html}, robots="User-agent: newsevents\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
    with fetcher(site) as polite, pytest.raises(FetchError, match=r"robots\.txt disallows"):
        polite.get("https://site.test/a")


def test_missing_robots_allows_everything_an_unreachable_one_nothing() -> None:
    with fetcher(Site({"/a": html}, robots=404)) as polite:
        assert isinstance(polite.get("https://site.test/a"), Fetched)
    site = Site({"/a": html}, robots=503)
    with fetcher(site, retries=0) as polite, pytest.raises(FetchError) as info:
        polite.get("https://site.test/a")
    assert info.value.code == "robots" and "robots.txt cannot be read" in str(info.value)
    assert "/a" not in site.paths()


def test_conditional_get_remembers_etag_and_last_modified() -> None:
    def feed(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, content=b"<rss/>", headers={
            "ETag": '"v1"', "Last-Modified": "Tue, 11 Jan 2022 10:00:00 GMT", "Content-Type": "application/rss+xml"})

    site = Site({"/feed.rss": feed})
    with fetcher(site) as polite:
        first = polite.get("https://site.test/feed.rss", accept=None, conditional=True)
        second = polite.get("https://site.test/feed.rss", accept=None, conditional=True)
    assert isinstance(first, Fetched) and first.content_type == "application/rss+xml"
    assert second == NotModified("https://site.test/feed.rss")
    assert "if-none-match" not in site.log[1].headers
    assert site.log[2].headers["if-none-match"] == '"v1"'
    assert site.log[2].headers["if-modified-since"] == "Tue, 11 Jan 2022 10:00:00 GMT"


def test_retries_back_off_exponentially_then_succeed() -> None:
    time = FakeTime()
    site = Site({"/a": [status(503), status(500), status(429), html]})
    with fetcher(site, time) as polite:
        assert isinstance(polite.get("https://site.test/a"), Fetched)
    assert site.paths().count("/a") == 4
    assert time.sleeps == [1.0, 2.0, 4.0]


def test_retry_after_is_honoured_but_capped() -> None:
    time = FakeTime()
    site = Site({"/a": [status(429, **{"Retry-After": "7"}), status(503, **{"Retry-After": "3600"}), html]})
    with fetcher(site, time, max_backoff=20.0) as polite:
        polite.get("https://site.test/a")
    assert time.sleeps == [7.0, 20.0]


def test_retries_are_bounded() -> None:
    time = FakeTime()
    site = Site({"/a": status(502)})
    with fetcher(site, time, retries=2) as polite, pytest.raises(FetchError, match="answered 502"):
        polite.get("https://site.test/a")
    assert site.paths().count("/a") == 3 and time.sleeps == [1.0, 2.0]


def test_not_found_is_not_retried() -> None:
    site = Site({})
    with fetcher(site) as polite, pytest.raises(FetchError, match="answered 404"):
        polite.get("https://site.test/gone")
    assert site.paths().count("/gone") == 1


def test_timeouts_are_retried() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    time = FakeTime()
    site = Site({"/a": [slow, html]})
    with fetcher(site, time) as polite:
        assert isinstance(polite.get("https://site.test/a"), Fetched)
    site = Site({"/a": slow})
    with fetcher(site, time, retries=1) as polite, pytest.raises(FetchError, match=r"timed out .*2 attempts"):
        polite.get("https://site.test/a")


def test_requests_to_one_host_are_spaced_by_the_interval() -> None:
    time = FakeTime()
    site = Site({"/a": html, "/b": html})
    with fetcher(site, time, min_interval=1.5) as polite:
        polite.get("https://site.test/a")  # robots.txt, then /a 1.5 s later
        time.now += 0.5  # the caller did something else for half a second
        polite.get("https://site.test/b")
        polite.get("https://other.test/a")  # another host: robots.txt at once
    assert time.sleeps == [1.5, 1.0, 1.5]


def test_crawl_delay_raises_the_interval_up_to_a_cap() -> None:
    time = FakeTime()
    site = Site({"/a": html, "/b": html}, robots="User-agent: *\nCrawl-delay: 5\n")
    with fetcher(site, time, min_interval=1.0) as polite:
        polite.get("https://site.test/a")
        polite.get("https://site.test/b")
    assert time.sleeps == [5.0, 5.0]
    time = FakeTime()
    site = Site({"/a": html}, robots="User-agent: *\nCrawl-delay: 86400\n")
    with fetcher(site, time) as polite:
        polite.get("https://site.test/a")
    assert time.sleeps == [60.0]


def test_redirects_are_followed_and_each_hop_checked_against_robots() -> None:
    site = Site({"/old": status(301, Location="/new"), "/new": html,
                 "/sneaky": status(302, Location="https://site.test/private/x")})
    with fetcher(site) as polite:
        page = polite.get("https://site.test/old")
        assert isinstance(page, Fetched) and page.url == "https://site.test/new"
        with pytest.raises(FetchError) as info:
            polite.get("https://site.test/sneaky")
    assert info.value.code == "robots" and "/private/x" not in site.paths()


def test_redirect_loops_stop() -> None:
    site = Site({"/loop": status(302, Location="/loop")})
    with fetcher(site) as polite, pytest.raises(FetchError, match="redirects"):
        polite.get("https://site.test/loop")


def test_pages_of_other_types_are_refused() -> None:
    site = Site({"/a.pdf": lambda r: httpx.Response(200, content=b"%PDF", headers={"Content-Type": "application/pdf"})})
    with fetcher(site) as polite, pytest.raises(FetchError, match="content type is application/pdf"):
        polite.get("https://site.test/a.pdf")


def test_small_parsers() -> None:
    assert retryable(429) and retryable(503) and not retryable(501) and not retryable(404)
    assert parse_retry_after("120", 0.0) == 120.0 and parse_retry_after(None, 0.0) is None
    assert parse_retry_after("Thu, 01 Jan 1970 00:01:00 GMT", 30.0) == 30.0
    assert parse_retry_after("soon", 0.0) is None
    assert charset_of('text/html; charset="UTF-8"') == "UTF-8" and charset_of("text/html") is None
