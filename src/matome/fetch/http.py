"""Polite HTTP: robots.txt honoured, one request at a time per host with a delay, a User-Agent naming matome,
conditional GET from the state of earlier runs, bounded retries with backoff, a cap on response size, a limit on
redirects. Every response is written to a WARC file in the archive, so a run can be repeated offline with
`matome ingest ARCHIVE`. A URL that cannot be fetched becomes a failure naming it and the reason; the run goes on.
"""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from matome import __version__
from matome.config import FETCH_DELAY, FETCH_TIMEOUT
from matome.fetch.robots import ALLOW_ALL, DENY_ALL, Rules
from matome.fetch.robots import parse as parse_robots
from matome.files import write_text_atomic
from matome.records import Origin, ReadFailure

USER_AGENT = f"matome/{__version__} (a Japanese news digest reader)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
STATE = ".fetch-state.json"  # a dot file: `matome ingest ARCHIVE` reads past it


def worth_retrying(failure: ReadFailure) -> bool:
    """A timeout, a connection that failed or a server error (5xx) may go another time; a 4xx or a refusal will not."""
    return failure.code in ("timeout", "connection-failed") or (
        failure.code == "http-error" and failure.message.startswith("HTTP 5"))


@dataclass(frozen=True, slots=True)
class FetchConfig:
    delay: float = FETCH_DELAY  # seconds between two requests to one host
    timeout: float = FETCH_TIMEOUT
    retries: int = 2  # after the first try, for timeouts, connection errors and 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    host_delays: tuple[tuple[str, float], ...] = ()  # (host, seconds): a longer delay for some hosts


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when unchanged since the last run
    content_type: str
    body: bytes


@dataclass
class Fetcher:
    """One fetch run: a client, per-host robots and timing, the archive's WARC writer and the conditional-GET state."""

    archive: Path
    config: FetchConfig = FetchConfig()
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0
    warcs: list[Path] = field(default_factory=list)
    problems: list[ReadFailure] = field(default_factory=list)  # with the archive's own files, not with a page
    _robots: dict[str, Rules] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _state: dict[str, dict[str, str]] = field(default_factory=dict)
    _writer: Any = None
    _file: Any = None
    _client: httpx.Client | None = None

    def __enter__(self) -> Fetcher:
        self.archive.mkdir(parents=True, exist_ok=True)
        state = self.archive / STATE
        try:
            self._state = json.loads(state.read_text(encoding="utf-8")) if state.exists() else {}
        except (OSError, ValueError) as error:  # a state cut short by a kill: every page is asked for again
            self._state = {}
            self.problems.append(ReadFailure(Origin("http", path=str(state)), "bad-fetch-state",
                                             f"unreadable, so every known page is asked for again: {error}"))
        self._client = httpx.Client(timeout=self.config.timeout, follow_redirects=True,
                                    max_redirects=self.config.max_redirects,
                                    headers={"User-Agent": self.config.user_agent})
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client:
            self._client.close()
        if self._file:
            self._file.close()
        write_text_atomic(self.archive / STATE, json.dumps(self._state, ensure_ascii=False, indent=1))

    def known(self, url: str) -> bool:
        """Fetched by an earlier run (an article page is not asked for again)."""
        return url in self._state

    def get(self, url: str, accept: tuple[str, ...] = PAGE_TYPES) -> Fetched | ReadFailure:
        """The response for `url` (304 with an empty body when unchanged since the last run), or why there is none."""
        origin = Origin("http", url=url)
        try:
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                return ReadFailure(origin, "bad-url", "only http(s) URLs with a host are fetched")
            httpx.URL(url)
            allowed = self._allowed(url)
        except (ValueError, UnicodeError, httpx.InvalidURL) as error:
            return ReadFailure(origin, "bad-url", f"not a URL that can be fetched: {error}")
        if not allowed:
            return ReadFailure(origin, "robots-disallowed", "robots.txt disallows this URL for matome")
        known = self._state.get(url, {})
        headers = {k: v for k, v in (("If-None-Match", known.get("etag")),
                                     ("If-Modified-Since", known.get("last_modified"))) if v}
        for attempt in range(self.config.retries + 1):
            if attempt:
                self.sleep(self.config.backoff * 2 ** (attempt - 1))
            result = self._once(url, headers, accept)
            if not (isinstance(result, ReadFailure) and worth_retrying(result)):
                return result
        return result

    def _once(self, url: str, headers: dict[str, str], accept: tuple[str, ...]) -> Fetched | ReadFailure:
        assert self._client is not None, "use the Fetcher as a context manager"
        origin = Origin("http", url=url)
        self._wait(url)
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(str(response.url), 304, "", b"")
                if response.status_code >= 400:
                    return ReadFailure(origin, "http-error", f"HTTP {response.status_code}")
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if not kind.startswith(accept):
                    return ReadFailure(origin, "not-a-page", f"{kind or 'no content type'} is not fetched")
                declared = int(response.headers.get("content-length") or 0)
                if declared > self.config.max_bytes:
                    return ReadFailure(origin, "response-too-large", f"{declared:,} bytes declared, over "
                                       f"{self.config.max_bytes:,}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.config.max_bytes:
                        return ReadFailure(origin, "response-too-large", f"over {self.config.max_bytes:,} bytes")
                fetched = Fetched(str(response.url), response.status_code, response.headers.get("content-type", ""),
                                  bytes(body))
                self._archive(fetched, response)
                self._state[url] = {k: v for k, v in (("etag", response.headers.get("etag")),
                                                      ("last_modified", response.headers.get("last-modified"))) if v}
                return fetched
        except httpx.TooManyRedirects:
            return ReadFailure(origin, "too-many-redirects", f"more than {self.config.max_redirects} redirects")
        except (httpx.InvalidURL, ValueError, UnicodeError) as error:  # a redirect to a URL that cannot be fetched
            return ReadFailure(origin, "bad-url", f"not a URL that can be fetched: {error}")
        except httpx.TimeoutException:
            return ReadFailure(origin, "timeout", f"no complete answer in {self.config.timeout:g} s")
        except httpx.HTTPError as error:
            return ReadFailure(origin, "connection-failed", f"{type(error).__name__}: {error}")

    def _wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        delay = max([self.config.delay, *(d for h, d in self.config.host_delays if h == host)])
        if host in self._last:
            left = delay - (time.monotonic() - self._last[host])
            if left > 0:
                self.sleep(left)
        self._last[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._read_robots(urljoin(host, "/robots.txt"))
        return self._robots[host].allows(url)

    def _read_robots(self, url: str) -> Rules:
        """The host's rules; none (everything allowed) when it has no robots.txt (4xx). A robots.txt that errors
        (5xx) or cannot be reached disallows everything, as RFC 9309 asks."""
        assert self._client is not None
        self._wait(url)
        self.requests += 1
        try:
            response = self._client.get(url)
        except httpx.HTTPError:
            return DENY_ALL
        if response.status_code >= 500:
            return DENY_ALL
        if response.status_code >= 400:
            return ALLOW_ALL
        return parse_robots(response.text)

    def _archive(self, fetched: Fetched, response: httpx.Response) -> None:
        if self._writer is None:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
            path = self.archive / f"matome-{stamp}-{os.getpid()}.warc.gz"
            self._file = path.open("xb")  # a new file, never one an earlier run wrote
            self._writer = WARCWriter(self._file, gzip=True)
            self.warcs.append(path)
        headers = StatusAndHeaders(f"{response.status_code} {response.reason_phrase}",
                                   [(k, v) for k, v in response.headers.items()
                                    if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")],
                                   protocol="HTTP/1.1")
        record = self._writer.create_warc_record(fetched.url, "response", payload=io.BytesIO(fetched.body),
                                                 http_headers=headers)
        self._writer.write_record(record)
