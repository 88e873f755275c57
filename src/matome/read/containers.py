"""Containers: files and directories, JSON Lines, RSS/Atom feeds and WARC archives, each yielding pages.

A container never raises for bad content: a file or record it cannot use becomes a ReadFailure and the rest goes on.
"""

from __future__ import annotations

import email.utils
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import feedparser

from matome.config import FEED_SUFFIXES, JSONL_SUFFIXES, PAGE_SUFFIXES, WARC_SUFFIXES, ReadConfig
from matome.read.encoding import ascii_head
from matome.read.warc import warc_pages
from matome.records import Origin, Page, PageHints, ReadFailure
from matome.text.dates import find_date
from matome.text.normalize import SURROGATE, replace_surrogates

Item = Page | ReadFailure
CHUNK = 1 << 20

_KEYS = {
    "url": ("url", "link", "href", "source_url"),
    "title": ("title", "headline", "name"),
    "published": ("date", "published", "published_at", "publishedAt", "datetime", "pubdate", "time"),
    "author": ("author", "byline", "creator"),
    "site": ("site", "sitename", "source", "outlet", "publisher"),
    "body": ("body", "text", "content", "article", "html", "maintext"),
}


def iter_pages(paths: Iterable[str | Path], config: ReadConfig = ReadConfig()) -> Iterator[Item]:
    """Every page under `paths` (files, recursively walked directories) in a stable order."""
    yield from iter_listed(listed_files(paths), config)


def iter_listed(files: Iterable[tuple[Path, bool]], config: ReadConfig = ReadConfig()) -> Iterator[Item]:
    """Every page of listed files: (path, named by the user) pairs as `listed_files` gives them."""
    for path, explicit in files:
        yield from _file_pages(path, config, explicit=explicit)


def listed_files(paths: Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """The files under `paths`, each with whether the user named it (a named file of unknown type is read as a
    page; one found in a directory is skipped as unsupported)."""
    files: list[tuple[Path, bool]] = []
    for path in map(Path, paths):
        files.extend(((f, False) for f in _walk(path)) if path.is_dir() else [(path, True)])
    return files


def list_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files `iter_pages` will open, for progress bars."""
    return [path for path, _ in listed_files(paths)]


def _walk(directory: Path) -> list[Path]:
    """The files under `directory`, sorted; a directory that cannot be listed is itself in the list, so that reading
    it names the problem instead of passing over it in silence."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory, onerror=lambda error: found.append(Path(error.filename))):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
    return found


def shown(path: Path) -> str:
    """The path as text for records and messages: bytes of a file name that are not UTF-8 (kept by Python as lone
    surrogates, which no UTF-8 output or store accepts) become U+FFFD. The file itself is opened by its Path."""
    name = str(path)
    return os.fsencode(name).decode("utf-8", "replace") if SURROGATE.search(name) else name


def container_of(path: Path) -> str | None:
    name = path.name.lower()
    for fmt, suffixes in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("feed", FEED_SUFFIXES),
                          ("page", PAGE_SUFFIXES)):
        if name.endswith(suffixes):
            return fmt
    return None


def _file_pages(path: Path, config: ReadConfig, *, explicit: bool) -> Iterator[Item]:
    kind = container_of(path) or ("page" if explicit else None)
    origin = Origin("text", path=shown(path))
    if path.is_dir():
        yield ReadFailure(origin, "unreadable-directory", f"cannot list the directory: {_listing_error(path)}")
        return
    if path.exists() and not path.is_file():  # a FIFO would block, /dev/zero would never end
        yield ReadFailure(origin, "not-a-regular-file", "not a regular file (a pipe, device or socket)")
        return
    if kind is None:
        yield ReadFailure(origin, "unsupported-type", f"not a page, JSON Lines, feed or WARC file ({path.suffix})")
        return
    try:
        if kind == "warc":
            yield from warc_pages(path, config)
            return
        if kind == "jsonl":
            yield from jsonl_pages(path, config)
            return
        key, code = ("max_feed_bytes", "feed-too-large") if kind == "feed" else ("max_page_bytes", "page-too-large")
        data = read_at_most(path, getattr(config, key))
    except OSError as error:
        yield ReadFailure(origin, "unreadable-file", f"cannot read the file: {error.strerror or error}")
        return
    if isinstance(data, int):
        yield ReadFailure(origin, code, config.too_large(data, key) or "")
    elif kind == "feed" and _is_feed(data):
        yield from _feed_pages(path, data)
    else:
        media = "html" if _is_html(path, data) else "text"
        yield Page(Origin("html" if media == "html" else "text", path=shown(path)), data, media)


def _listing_error(path: Path) -> str:
    try:
        os.listdir(path)
    except OSError as error:
        return error.strerror or str(error)
    return "it could not be read when the inputs were listed"


def read_at_most(path: Path, limit: int) -> bytes | int:
    """The file's bytes, or its size (at least limit + 1) when it is larger than `limit`: the size is known from
    the file system first, and the read stops one byte past the limit (a file may grow, or lie about its size)."""
    size = path.stat().st_size
    if size > limit:
        return size
    with path.open("rb") as raw:
        data = raw.read(size + 1)  # not limit + 1: a read allocates what it asks for
        if len(data) > size:  # the file grew since its size was taken
            data += raw.read(limit + 1 - len(data))
    return data if len(data) <= limit else len(data)


def jsonl_pages(path: Path, config: ReadConfig = ReadConfig(), start: int = 0, end: int | None = None,
                first_line: int = 1) -> Iterator[Item]:
    """The records of a JSON Lines file (or of its bytes [start, end), whose first line is `first_line`), read
    line by line: a line over read.max_json_line_bytes is skipped, never held, with `line-too-large`."""
    limit = config.max_json_line_bytes
    with path.open("rb") as raw:
        raw.seek(start)
        lines = _bounded_lines(raw, limit, None if end is None else end - start)
        for number, line in enumerate(lines, first_line):
            if isinstance(line, int):
                origin = Origin("jsonl", path=shown(path), line=number)
                yield ReadFailure(origin, "line-too-large", config.too_large(line, "max_json_line_bytes") or "")
            elif item := _jsonl_item(path, number, line):
                yield item


def _bounded_lines(raw: BinaryIO, limit: int, length: int | None) -> Iterator[bytes | int]:
    """Each line of `raw` (within `length` bytes), or the length of a line longer than `limit`, read past in
    chunks."""
    done = 0
    while length is None or done < length:
        line = raw.readline(limit + 1)
        if not line:
            return
        done += len(line)
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := raw.readline(CHUNK)):
            size += len(line)
            done += len(line)
        yield size - (1 if line.endswith(b"\n") else 0)


def _is_html(path: Path, data: bytes) -> bool:
    head = ascii_head(data).lstrip().lower()
    markup = head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<head" in head
    return markup or path.suffix.lower() in (".html", ".htm", ".xhtml")


def _is_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _pick(record: dict[str, Any], field: str) -> str | None:
    for key in _KEYS[field]:
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("url")
        if isinstance(value, str) and value.strip():
            return replace_surrogates(value.strip())  # JSON may escape half a character (\ud800)
    return None


def _jsonl_item(path: Path, number: int, raw: bytes) -> Item | None:
    """The page of one JSON Lines line, a failure naming why it is not one, or None for a blank line."""
    if not raw.strip():
        return None
    origin = Origin("jsonl", path=shown(path), line=number)
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return ReadFailure(origin, "bad-json-line", f"not a JSON object: {error}")
    except RecursionError:
        return ReadFailure(origin, "bad-json-line", "not a JSON object: nested too deeply to read")
    body = _pick(record, "body") if isinstance(record, dict) else None
    if body is None:
        return ReadFailure(origin, "empty-record", "no body/text/content field with text")
    hints = PageHints(url=_pick(record, "url"), title=_pick(record, "title"),
                      published=find_date(_pick(record, "published") or ""), author=_pick(record, "author"),
                      site=_pick(record, "site"))
    media = "html" if body.lstrip().startswith("<") and "</" in body else "text"
    return Page(Origin("jsonl", path=shown(path), url=hints.url, line=number), body.encode("utf-8"), media, hints,
                "utf-8")


def _feed_pages(path: Path, data: bytes) -> Iterator[Item]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield ReadFailure(Origin("feed", path=shown(path)), "bad-feed", f"no feed entries could be read: {reason}")
        return
    site = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        content = entry.get("content") or []
        body = (content[0].get("value") if content else None) or entry.get("summary") or ""
        origin = Origin("feed", path=shown(path), url=entry.get("link"), line=number)
        if not body.strip():
            yield ReadFailure(origin, "empty-record", "the feed entry has no content or summary")
            continue
        hints = PageHints(url=entry.get("link"), title=entry.get("title"), author=entry.get("author"), site=site,
                          published=_feed_date(entry.get("published") or entry.get("updated") or ""))
        media = "html" if "<" in body and ">" in body else "text"
        yield Page(origin, body.encode("utf-8"), media, hints, "utf-8")


def _feed_date(value: str) -> str | None:
    """RSS dates are RFC 822 (`Tue, 08 Sep 2026 10:00:00 +0900`); Atom dates are ISO 8601."""
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return find_date(value)
