"""Fetching a URL with httpx: timeouts, a total deadline, a size cap while streaming, bounded redirects.

Every failure is a ``FetchError`` (code "fetch") with a one-line message saying what happened.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from newsevents.errors import FetchError
from newsevents.settings import FetchSettings

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
HINT = "Check the URL, or save the page and pass the file."


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    body: bytes
    content_type: str  # media type, lower-case, without parameters
    charset: str | None


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, settings: FetchSettings) -> Fetched:
    """GET ``url``; FetchError for an unreachable host, an error status, a wrong type, too much or too slow."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    deadline = time.monotonic() + settings.total_timeout
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=settings.max_redirects,
                          headers=headers) as client, client.stream("GET", url) as response:
            _check_status(url, response)
            media_type, charset = _check_type(url, response)
            body = _read_capped(url, response, settings, deadline)
            return Fetched(url=str(response.url), body=body, content_type=media_type, charset=charset)
    except httpx.TooManyRedirects:
        raise _error(url, f"more than {settings.max_redirects} redirects (a redirect loop?)") from None
    except httpx.TimeoutException:
        raise _error(url, "timed out waiting for the server") from None
    except httpx.InvalidURL as exc:
        raise _error(url, f"not a valid URL ({exc})") from None
    except httpx.HTTPError as exc:
        raise _error(url, f"cannot reach the server ({_reason(exc)})") from None


def _error(url: str, what: str) -> FetchError:
    return FetchError(f"{url}: {what}.", code="fetch", hint=HINT)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__


def _check_status(url: str, response: httpx.Response) -> None:
    if response.status_code >= 400:
        raise _error(url, f"the server answered {response.status_code} {response.reason_phrase}".rstrip())


def _check_type(url: str, response: httpx.Response) -> tuple[str, str | None]:
    header = response.headers.get("content-type", "")
    media_type = header.split(";")[0].strip().lower()
    if media_type and media_type not in ACCEPTED_TYPES:
        raise _error(url, f"the content type is {media_type}, not HTML or text")
    return media_type or "text/html", response.charset_encoding


def _read_capped(url: str, response: httpx.Response, settings: FetchSettings, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise _error(url, f"the page is too large ({int(declared)} bytes, at most {settings.max_bytes})")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise _error(url, f"the page is too large (more than {settings.max_bytes} bytes)")
        if time.monotonic() > deadline:
            raise _error(url, f"took longer than {settings.total_timeout:g} s in total")
        chunks.append(chunk)
    return b"".join(chunks)
