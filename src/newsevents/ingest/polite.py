"""Polite fetching: robots.txt, a minimum interval per host, conditional GET, retries with backoff.

All state (robots.txt per host, the last request per host, ETag/Last-Modified per URL, the HTTP
connection pool) lives on one ``PoliteFetcher``; make one per run and close it (it is a context manager).

    with PoliteFetcher(settings) as fetcher:
        page = fetcher.get(url, accept=PAGE_TYPES)               # Fetched, or FetchError
        feed = fetcher.get(feed_url, accept=None, conditional=True)  # Fetched or NotModified

Every refusal is a ``FetchError``: code "robots" when robots.txt disallows the URL, "fetch" otherwise.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newsevents.errors import FetchError
from newsevents.ingest.fetch import HINT, Fetched, _read_capped
from newsevents.settings import Settings

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# RFC 9309 §2.4: a robots.txt may be cached for up to 24 hours; §2.3.1.4: while it is unreachable (5xx,
# network errors) assume complete disallow; we ask again after ROBOTS_UNREACHABLE_AGE, not a whole day.
ROBOTS_MAX_AGE = 24 * 3600.0
ROBOTS_UNREACHABLE_AGE = 600.0
ROBOTS_MAX_BYTES = 512_000  # RFC 9309 §2.5: parse at least the first 500 KiB
# A Crawl-delay above this is capped to it: a site asking for an hour between pages would stall a watch.
# Not calibrated: a minute is the longest delay we saw requested on news sites' robots.txt files.
MAX_CRAWL_DELAY = 60.0
DISALLOW_ALL = ["User-agent: *", "Disallow: /"]

Clock = Callable[[], float]
Sleep = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class NotModified:
    """The server answered 304: nothing new since the ETag / Last-Modified we sent."""

    url: str


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class Answer:
    """One HTTP exchange, its body read (only for 200) within the size cap."""

    url: str
    status: int
    reason: str
    headers: httpx.Headers
    body: bytes = b""


@dataclass(frozen=True, slots=True)
class Robots:
    parser: RobotFileParser
    expires: float
    unreadable: str | None = None  # why robots.txt could not be read (then every URL is disallowed)


def retryable(status: int) -> bool:
    """429 Too Many Requests and the 5xx a server may recover from (not 501 Not Implemented)."""
    return status == 429 or (500 <= status < 600 and status != 501)


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def error(url: str, what: str, code: str = "fetch") -> FetchError:
    return FetchError(f"{url}: {what}.", code=code, hint=HINT)


class PoliteFetcher:
    """GETs that honour robots.txt and a per-host interval, retry transient failures and remember validators.

    One per run and per thread: it keeps no lock (requests to one host are sequential anyway)."""

    def __init__(self, settings: Settings, *, clock: Clock = time.monotonic, sleep: Sleep = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self._clock = clock
        self._sleep = sleep
        fetch = settings.fetch
        self._client = httpx.Client(
            timeout=httpx.Timeout(fetch.read_timeout, connect=fetch.connect_timeout),
            headers={"User-Agent": fetch.user_agent}, follow_redirects=False, transport=transport)
        self._robots: dict[str, Robots] = {}
        self._last_request: dict[str, float] = {}
        self._validators: dict[str, Validators] = {}
        self.requests = 0  # HTTP requests sent, robots.txt and retries included

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, *, accept: tuple[str, ...] | None = PAGE_TYPES,
            conditional: bool = False) -> Fetched | NotModified:
        """The page at ``url`` (redirects followed, each hop checked against robots.txt).

        ``accept``: media types taken (None: any). ``conditional``: send the validators remembered for
        ``url`` and answer NotModified on 304; remember the new ones on 200."""
        headers = self._conditional_headers(url) if conditional else {}
        answer = self._follow(url, headers, check_robots=True)
        if answer.status == 304:
            return NotModified(url)
        if answer.status != 200:
            raise error(url, f"the server answered {answer.status} {answer.reason}".rstrip())
        if conditional:
            self._remember(url, answer.headers)
        return _fetched(url, answer, accept)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of ``url``'s host lets our User-Agent fetch it (robots.txt fetched when needed)."""
        return self._robots_for(url).parser.can_fetch(self.settings.fetch.user_agent, url)

    def _check_robots(self, url: str) -> None:
        if self.allowed(url):
            return
        unreadable = self._robots[host_of(url)].unreadable
        if unreadable:
            raise error(url, f"the site's robots.txt cannot be read ({unreadable}), so nothing is fetched "
                             "from it for now (RFC 9309)", code="robots")
        raise error(url, "the site's robots.txt disallows it for our User-Agent; not fetched", code="robots")

    # --- redirects, retries, throttling ---------------------------------------------------------------

    def _follow(self, url: str, headers: dict[str, str], *, check_robots: bool) -> Answer:
        target = url
        for _ in range(self.settings.fetch.max_redirects + 1):
            if check_robots:
                self._check_robots(target)
            answer = self._with_retries(target, headers)
            location = answer.headers.get("location")
            if answer.status not in REDIRECTS or not location:
                return answer
            target = urljoin(target, location)
        raise error(url, f"more than {self.settings.fetch.max_redirects} redirects (a redirect loop?)")

    def _with_retries(self, url: str, headers: dict[str, str]) -> Answer:
        retries = self.settings.watch.retries
        for attempt in range(retries + 1):
            last = attempt == retries
            try:
                answer = self._once(url, headers)
            except httpx.TimeoutException:
                if last:
                    raise error(url, f"timed out waiting for the server ({attempt + 1} attempts)") from None
                self._sleep(self._backoff(attempt, None))
                continue
            if not retryable(answer.status) or last:
                return answer
            self._sleep(self._backoff(attempt, answer.headers.get("retry-after")))
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        """backoff * 2**attempt, or the server's Retry-After when longer; never above max_backoff."""
        watch = self.settings.watch
        wait = max(watch.backoff * 2**attempt, parse_retry_after(retry_after, time.time()) or 0.0)
        return min(wait, watch.max_backoff)

    def _once(self, url: str, headers: dict[str, str]) -> Answer:
        self._throttle(url)
        fetch = self.settings.fetch
        deadline = time.monotonic() + fetch.total_timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                body = _read_capped(url, response, fetch, deadline) if response.status_code == 200 else b""
                return Answer(str(response.url), response.status_code, response.reason_phrase,
                              response.headers, body)
        except httpx.TimeoutException:
            raise
        except httpx.InvalidURL as exc:
            raise error(url, f"not a valid URL ({exc})") from None
        except httpx.HTTPError as exc:
            raise error(url, f"cannot reach the server ({_reason(exc)})") from None

    def _throttle(self, url: str) -> None:
        """Wait until the host's interval has passed since our last request to it."""
        host = host_of(url)
        interval = self._interval(host)
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()
        self.requests += 1

    def _interval(self, host: str) -> float:
        interval = self.settings.watch.min_interval
        robots = self._robots.get(host)
        delay = robots.parser.crawl_delay(self.settings.fetch.user_agent) if robots else None
        return max(interval, min(float(delay), MAX_CRAWL_DELAY)) if delay else interval

    # --- robots.txt and validators ---------------------------------------------------------------------

    def _robots_for(self, url: str) -> Robots:
        host = host_of(url)
        cached = self._robots.get(host)
        if cached is None or cached.expires <= self._clock():
            cached = self._robots[host] = self._load_robots(host)
        return cached

    def _load_robots(self, host: str) -> Robots:
        """RFC 9309: 2xx parsed; 4xx: no rules (allow all); 5xx or unreachable: disallow all, asked again soon."""
        try:
            answer = self._follow(f"{host}/robots.txt", {}, check_robots=False)
        except FetchError as exc:
            return Robots(robots_parser(DISALLOW_ALL), self._clock() + ROBOTS_UNREACHABLE_AGE,
                          exc.message.rstrip("."))
        if answer.status == 200:
            lines = answer.body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines()
            return Robots(robots_parser(lines), self._clock() + ROBOTS_MAX_AGE)
        if 400 <= answer.status < 500:
            return Robots(robots_parser([]), self._clock() + ROBOTS_MAX_AGE)
        return Robots(robots_parser(DISALLOW_ALL), self._clock() + ROBOTS_UNREACHABLE_AGE,
                      f"the server answered {answer.status}")

    def _conditional_headers(self, url: str) -> dict[str, str]:
        known = self._validators.get(url)
        headers: dict[str, str] = {}
        if known and known.etag:
            headers["If-None-Match"] = known.etag
        if known and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        return headers

    def _remember(self, url: str, headers: httpx.Headers) -> None:
        etag, modified = headers.get("etag"), headers.get("last-modified")
        if etag or modified:
            self._validators[url] = Validators(etag, modified)


def robots_parser(lines: list[str]) -> RobotFileParser:
    """A parser of these robots.txt lines (no lines: everything allowed)."""
    parser = RobotFileParser()
    parser.parse(lines)
    return parser


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now) if when.tzinfo else None


def _fetched(url: str, answer: Answer, accept: tuple[str, ...] | None) -> Fetched:
    header = answer.headers.get("content-type", "")
    media_type = header.split(";")[0].strip().lower()
    if accept is not None and media_type and media_type not in accept:
        raise error(url, f"the content type is {media_type}, not {' or '.join(accept)}")
    return Fetched(url=answer.url, body=answer.body, content_type=media_type or "text/html",
                   charset=charset_of(header))


def charset_of(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header value, if any."""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__
