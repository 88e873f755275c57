"""One fetch run: article URLs from feeds, sitemaps and the user, each page fetched once into the archive."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matome.fetch.discover import Found, feed_links, sitemap_links
from matome.fetch.http import FetchConfig, Fetcher, worth_retrying
from matome.files import write_text_atomic
from matome.records import Origin, ReadFailure

PENDING = ".fetch-pending.json"  # pages found but not fetched (a timeout, a 5xx): asked for again next run


@dataclass
class FetchRun:
    """What one run fetched: new or changed pages, pages unchanged or already known, failures, WARC files written."""

    fetched: int = 0
    unchanged: int = 0
    known: int = 0
    requests: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    warcs: list[Path] = field(default_factory=list)

    def line(self) -> str:
        return (f"fetched {self.fetched} new or changed pages, {self.unchanged} unchanged, {self.known} already "
                f"fetched before, {len(self.failures)} failed ({self.requests} requests)")


def collect(archive: Path, urls: Sequence[str] = (), feeds: Sequence[str] = (), sitemaps: Sequence[str] = (),
            config: FetchConfig | None = None, on_failure: Callable[[ReadFailure], None] = lambda f: None,
            sleep: Callable[[float], None] | None = None) -> FetchRun:
    """Fetch the pages that the feeds and sitemaps list and the URLs given; a page an earlier run fetched is asked
    for again only when the user names it (conditionally: 304 when unchanged)."""
    run = FetchRun()
    retry: list[str] = []
    config = config or FetchConfig()
    fetcher = Fetcher(archive, config, sleep=sleep) if sleep else Fetcher(archive, config)
    with fetcher:
        found = Found()
        for feed in feeds:
            feed_links(fetcher, feed, found)
        for sitemap in sitemaps:
            sitemap_links(fetcher, sitemap, found)
        named = set(urls)
        for url in urls:
            found.add(url)
        pending, problem = load_list(archive / PENDING, "so the pages waiting for another try are lost")
        for url in pending:  # found by an earlier run that could not fetch them (its feed may now answer 304)
            found.add(url)
        for failure in [*fetcher.problems, *([problem] if problem else []), *found.failures]:
            on_failure(failure)
        run.failures.extend([*fetcher.problems, *([problem] if problem else []), *found.failures])
        for url in found.urls:
            if url not in named and fetcher.known(url):
                run.known += 1
                continue
            result = fetcher.get(url)
            if isinstance(result, ReadFailure):
                run.failures.append(result)
                on_failure(result)
                if worth_retrying(result):
                    retry.append(url)
            elif result.status == 304:
                run.unchanged += 1
            else:
                run.fetched += 1
        run.requests = fetcher.requests
    save_list(archive / PENDING, retry)
    run.warcs = list(fetcher.warcs)
    return run


def load_list(path: Path, lost: str) -> tuple[list[str], ReadFailure | None]:
    """A list an earlier run kept in the archive (URLs to try again, WARC files ingested); empty when there is none.
    When it cannot be read, also a failure naming the file and what is `lost` with it."""
    try:
        return ([str(u) for u in json.loads(path.read_text(encoding="utf-8"))] if path.exists() else []), None
    except (OSError, ValueError, TypeError) as error:
        return [], ReadFailure(Origin("http", path=str(path)), "bad-fetch-state", f"unreadable, {lost}: {error}")


def save_list(path: Path, names: list[str]) -> None:
    write_text_atomic(path, json.dumps(names, ensure_ascii=False))
