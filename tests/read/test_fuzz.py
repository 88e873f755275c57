"""Fuzzing the readers with hypothesis: HTML, plain-text pages (thread anatomy), JSON Lines and feeds.

For every generated input: no exception escapes, every item is an Article or a ReadFailure with a named code (never
`read-failed`, which means a bug), and every record can be written as UTF-8 JSON.

`make test` runs a few dozen cases per reader (about 20 s in all); set MATOME_FUZZ_EXAMPLES for a longer run, e.g.
`MATOME_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/read/test_fuzz.py -s` (-s prints the case counts).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matome.config import ReadConfig
from matome.read import read_one, read_paths
from matome.records import Article, Origin, Page, ReadFailure

EXAMPLES = int(os.environ.get("MATOME_FUZZ_EXAMPLES", "60"))
CONFIG = ReadConfig(page_timeout=20.0, max_line_chars=2_000, max_comments=200)
FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=20), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAMED = {"empty-file", "empty-page", "binary-file", "page-too-large", "feed-too-large", "line-too-large",
         "unreadable-file", "unsupported-type", "not-a-regular-file", "bad-json-line", "empty-record", "bad-feed",
         "timeout"}
RAN: Counter[str] = Counter()
SLOWEST: dict[str, float] = {}

WORDS = ["東京都", "知事は", "「防災計画を見直す」と述べた。", "コメント", "関連記事:", "✅", ">>1", "名無しさん",
         "2026年10月15日", "https://example.jp/a", "javascript:alert(1)", "参考:", "さらに読む ⇒", "結論",
         "\u3000", "ｶﾀｶﾅ", "〜", "\u200b", "\ud7ff", "\x1b[31m", "<", "&amp;", "&#0;", "。", "、", "\t", "1:", "ID:abc"]
TAGS = ["div", "p", "span", "article", "section", "li", "ol", "ul", "a", "b", "table", "tr", "td", "script", "style",
        "h1", "h2", "time", "br", "img", "meta", "title", "head", "body", "html"]
ATTRS = ["", " class='comment'", " id='comments'", " class='comment-content'", " href='https://x.example/?a=1&b=2'",
         " href='javascript:alert(1)'", " datetime='2026-01-05T10:00:00+09:00'", " itemprop='datePublished'",
         " property='article:published_time' content='2026-01-04'", " charset='shift_jis'"]


def _check(items: list[Article | ReadFailure], target: str, started: float) -> None:
    RAN[target] += 1
    SLOWEST[target] = max(SLOWEST.get(target, 0.0), time.monotonic() - started)
    for item in items:
        assert isinstance(item, (Article, ReadFailure))
        if isinstance(item, ReadFailure):
            assert item.code in NAMED, f"{item.code}: {item.message}"
            assert item.message
        json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")


def _read(data: bytes, media: str, target: str, declared: str | None = None) -> None:
    started = time.monotonic()
    page = Page(Origin(media, path=f"fuzz.{media}"), data, media, declared_encoding=declared)
    _check([read_one(page, CONFIG)], target, started)


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    """HTML-ish text: nested tags (closed or not), attributes, words, entities and junk."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 9))
        if kind < 4 and depth < 6:
            tag, attr = draw(st.sampled_from(TAGS)), draw(st.sampled_from(ATTRS))
            close = draw(st.booleans())
            parts.append(f"<{tag}{attr}>{draw(markup(depth + 1))}{f'</{tag}>' if close else ''}")
        elif kind < 8:
            parts.append(draw(st.sampled_from(WORDS)))
        else:
            parts.append(draw(st.text(max_size=40)))
    return "".join(parts)


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    body = draw(markup())
    nesting = draw(st.sampled_from([0, 0, 0, 300]))
    page = f"<html><head><title>{draw(st.sampled_from(WORDS))}</title></head><body>{'<div>' * nesting}{body}</body>"
    codec = draw(st.sampled_from(["utf-8", "cp932", "euc_jp", "utf-16-le", "utf-16-be"]))
    data = page.encode(codec, errors="replace") if "16" in codec else page.encode(codec, errors="ignore")
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@st.composite
def text_pages(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(st.lists(st.sampled_from(WORDS), max_size=6).map("".join) | st.text(max_size=60),
                          max_size=80))
    text = "\n".join(lines)
    return text.encode(draw(st.sampled_from(["utf-8", "cp932", "euc_jp"])), errors="ignore")


@given(html_pages(), st.sampled_from([None, "iso-8859-1", "utf-8", "shift_jis", "bogus-charset"]))
@FUZZ
def test_html_pages_never_raise(data: bytes, declared: str | None) -> None:
    _read(data, "html", "html", declared)


@given(text_pages())
@FUZZ
def test_text_pages_never_raise(data: bytes) -> None:
    _read(data, "text", "text")


@given(st.binary(max_size=4096), st.sampled_from(["html", "text"]))
@FUZZ
def test_random_bytes_never_raise(data: bytes, media: str) -> None:
    _read(data, media, "bytes")


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=4), max_leaves=12)


@st.composite
def json_lines(draw: st.DrawFn) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            record = {draw(st.sampled_from(["body", "text", "content", "html"])): draw(markup() | st.text()),
                      draw(st.sampled_from(["title", "date", "url", "author"])): draw(JSON_VALUES)}
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass"))
        elif kind == 1:
            lines.append(json.dumps(draw(JSON_VALUES)).encode())
        elif kind == 2:
            lines.append(b"[" * draw(st.integers(1, 5000)))
        else:
            lines.append(draw(st.binary(max_size=200)))
    return b"\n".join(lines)


def _read_file(data: bytes, name: str, target: str) -> None:
    """Write `data` to a file called `name` in a fresh directory and read it as `matome read` would."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_bytes(data)
        started = time.monotonic()
        _check(list(read_paths([path], CONFIG)), target, started)


@given(json_lines())
@FUZZ
def test_json_lines_never_raise(data: bytes) -> None:
    _read_file(data, "fuzz.jsonl", "jsonl")


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 5))):
        body = draw(markup() | st.text(max_size=80))
        escaped = body.replace("&", "&amp;").replace("<", "&lt;") if draw(st.booleans()) else body
        date = draw(st.sampled_from(["Tue, 08 Sep 2026 10:00:00 +0900", "2026-09-08T10:00:00Z", "昨日", ""]))
        if atom:
            entries.append(f"<entry><title>{draw(st.sampled_from(WORDS))}</title><updated>{date}</updated>"
                           f"<content type='html'>{escaped}</content></entry>")
        else:
            entries.append(f"<item><title>{draw(st.sampled_from(WORDS))}</title><pubDate>{date}</pubDate>"
                           f"<description>{escaped}</description></item>")
    inner = "".join(entries)
    feed = (f"<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>{inner}</feed>" if atom
            else f"<rss version='2.0'><channel><title>t</title>{inner}</channel></rss>")
    prolog = draw(st.sampled_from(["", "<?xml version='1.0' encoding='UTF-8'?>",
                                   "<!DOCTYPE x [<!ENTITY a '&#x41;'><!ENTITY b '&a;&a;&a;&a;'>]>"]))
    data = (prolog + feed).encode()
    return data[: draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


@given(feeds())
@FUZZ
def test_feeds_never_raise(data: bytes) -> None:
    _read_file(data, "fuzz.rss", "feed")


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    """Print how many cases each reader ran (shown with -s)."""
    yield
    slowest = ", ".join(f"{target} {RAN[target]} (slowest {SLOWEST[target]:.2f} s)" for target in sorted(RAN))
    print(f"\nfuzz cases: {sum(RAN.values())} in all: {slowest}")
