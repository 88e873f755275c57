"""One fetch run: article URLs from feeds, sitemaps and the user, each page fetched once into the archive."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from matome.fetch.discover import Found, feed_links, sitemap_links
from matome.fetch.http import FetchConfig, Fetcher
from matome.records import ReadFailure


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
        for failure in found.failures:
            on_failure(failure)
        run.failures.extend(found.failures)
        for url in found.urls:
            if url not in named and fetcher.known(url):
                run.known += 1
                continue
            result = fetcher.get(url)
            if isinstance(result, ReadFailure):
                run.failures.append(result)
                on_failure(result)
            elif result.status == 304:
                run.unchanged += 1
            else:
                run.fetched += 1
        run.requests = fetcher.requests
    run.warcs = list(fetcher.warcs)
    return run
