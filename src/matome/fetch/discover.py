"""Where the articles are: links of RSS/Atom feeds and of XML sitemaps (news sitemaps and sitemap indexes too)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

import feedparser
from lxml import etree

from matome.fetch.http import FEED_TYPES, Fetcher
from matome.records import Origin, ReadFailure

SITEMAP_DEPTH = 3  # an index of indexes of sitemaps, and no deeper
XML_TYPES = (*FEED_TYPES, "text/plain")  # some servers send sitemaps as text/plain


@dataclass
class Found:
    """Article URLs found, in order and once each, and the sources that could not be used."""

    urls: list[str] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def add(self, url: str, base: str | None = None) -> None:
        """A link as written (relative to `base`, the page that gives it); one that cannot be a URL is a failure."""
        try:
            url = urljoin(base, url) if base else url
        except ValueError as error:
            self.failures.append(ReadFailure(Origin("http", url=url), "bad-url", f"not a URL: {error}"))
            return
        if url.startswith(("http://", "https://")) and url not in self.seen:
            self.seen.add(url)
            self.urls.append(url)


def feed_links(fetcher: Fetcher, url: str, found: Found) -> None:
    result = fetcher.get(url, accept=XML_TYPES)
    if isinstance(result, ReadFailure):
        found.failures.append(result)
        return
    if result.status == 304:
        return  # unchanged since the last run: nothing new in it
    parsed = feedparser.parse(io.BytesIO(result.body),  # bytes, never a name feedparser would open as a file
                              response_headers={"content-location": result.url, "content-type": result.content_type})
    if parsed.bozo and not parsed.entries:
        found.failures.append(ReadFailure(Origin("http", url=url), "bad-feed", f"not an RSS/Atom feed: "
                                          f"{parsed.get('bozo_exception', 'no entries')}"))
        return
    for entry in parsed.entries:
        if link := entry.get("link"):
            found.add(str(link), result.url)


def sitemap_links(fetcher: Fetcher, url: str, found: Found, depth: int = 0) -> None:
    result = fetcher.get(url, accept=XML_TYPES)
    if isinstance(result, ReadFailure):
        found.failures.append(result)
        return
    if result.status == 304:
        return
    try:
        root = etree.fromstring(result.body, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                                     huge_tree=False))
    except etree.XMLSyntaxError as error:
        found.failures.append(ReadFailure(Origin("http", url=url), "bad-sitemap", f"not XML: {error}"))
        return
    name = etree.QName(root).localname
    locations = list(_locations(root))
    if name == "sitemapindex":
        if depth >= SITEMAP_DEPTH:
            found.failures.append(ReadFailure(Origin("http", url=url), "bad-sitemap", "sitemap indexes nested too "
                                              "deep"))
            return
        for child in locations:
            sitemap_links(fetcher, child, found, depth + 1)
    elif name == "urlset":
        for location in locations:
            found.add(location, result.url)
    else:
        found.failures.append(ReadFailure(Origin("http", url=url), "bad-sitemap", f"<{name}> is not a sitemap"))


def _locations(root: etree._Element) -> Iterator[str]:
    for element in root.iter():
        if isinstance(element.tag, str) and etree.QName(element).localname == "loc" and element.text:
            yield element.text.strip()
