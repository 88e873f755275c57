"""One page to one Article: checks for bad input, decoding, the HTML or text layer, anatomy, kind."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import replace
from urllib.parse import urlparse

from matome.config import ReadConfig
from matome.errors import UnreadablePage
from matome.read.anatomy import Anatomy, read_lines
from matome.read.budget import check_time
from matome.read.encoding import decode, utf16_without_bom
from matome.read.html import HtmlReading, read_html
from matome.read.threads import capped_thread
from matome.records import Article, Comment, Notice, Page

_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh",
                b"\xfd7zXZ", b"RIFF", b"OggS", b"\x00\x00\x01\x00")


def read_page(page: Page, config: ReadConfig = ReadConfig()) -> Article:
    """Read one page; raise UnreadablePage with a code for input that is not a readable page."""
    check_bytes(page.data, config)
    decoded = decode(page.data, page.declared_encoding)
    check_time("decoding")
    text = unicodedata.normalize("NFC", decoded.text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise UnreadablePage("the page holds only whitespace", code="empty-page")
    warnings = list(decoded.notices)
    read = _from_html if page.media == "html" else _from_text
    return replace(read(page, text, warnings, config), encoding=decoded.encoding)


def cut_long_lines(lines: list[str], limit: int) -> tuple[list[str], int, list[int]]:
    """Lines of at most `limit` characters: a longer line is cut after its last 。 or space in the second half of
    each piece (else at the limit). Also returns how many lines were cut, and the index of each piece's line."""
    if all(len(line) <= limit for line in lines):
        return lines, 0, list(range(len(lines)))
    out: list[str] = []
    origins: list[int] = []
    cut = 0
    for index, line in enumerate(lines):
        cut += len(line) > limit
        while len(line) > limit:
            window = line[:limit]
            at = max(window.rfind("。"), window.rfind(" "), window.rfind("\u3000"))
            at = at + 1 if at >= limit // 2 else limit
            out.append(line[:at])
            origins.append(index)
            line = line[at:]
        out.append(line)
        origins.append(index)
    return out, cut, origins


def _long_line_notice(cut: int, limit: int) -> list[Notice]:
    if not cut:
        return []
    return [Notice("long-line", f"{cut} line(s) longer than {limit:,} characters were cut into pieces "
                                f"(read.max_line_chars)")]


def check_bytes(data: bytes, config: ReadConfig) -> None:
    if not data:
        raise UnreadablePage("the file is empty", code="empty-file")
    if reason := config.too_large(len(data)):
        raise UnreadablePage(reason, code="page-too-large")
    if data.startswith(BINARY_MAGIC) or (_looks_binary(data[:8192]) and not utf16_without_bom(data)):
        raise UnreadablePage("binary data, not a text or HTML page", code="binary-file")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return b"\x00" in head or controls > len(head) * 0.05


def page_id(text: str) -> str:
    """A stable content hash of the decoded, NFC-normalised page: the same text in any encoding gets one id."""
    flat = text.strip()
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()[:16]


def _from_text(page: Page, text: str, warnings: list[Notice], config: ReadConfig) -> Article:
    hints = page.hints
    lines, cut, _ = cut_long_lines(text.split("\n"), config.max_line_chars)
    anatomy = read_lines(lines, find_title=hints.title is None)
    check_time("reading the page's lines")
    comments, capped = capped_thread(anatomy.thread, config.max_comments)
    notices = [*warnings, *_long_line_notice(cut, config.max_line_chars), *capped]
    return _article(page, text, anatomy, comments, notices, title=hints.title or anatomy.title,
                    published=hints.published or anatomy.published)


def _from_html(page: Page, text: str, warnings: list[Notice], config: ReadConfig) -> Article:
    html: HtmlReading = read_html(text, page.hints.url, max_comments=config.max_comments,
                                  max_chars=config.max_extract_chars)
    check_time("extracting the main text")
    lines, cut, origins = cut_long_lines(html.lines, config.max_line_chars)
    # a heading keeps its place among the cut lines: the first piece of its line
    headings = frozenset(n for n, o in enumerate(origins) if o in html.headings and (n == 0 or origins[n - 1] != o))
    anatomy = read_lines(lines, find_title=False, split_thread=False, headings=headings, unwrap=False)
    hints = page.hints
    notices = [*warnings, *html.warnings, *_long_line_notice(cut, config.max_line_chars)]
    return _article(
        page, text, anatomy, html.comments, notices,
        title=hints.title or html.title, published=hints.published or html.published or anatomy.published,
        url=hints.url or html.url, site=hints.site or html.site, author=hints.author or html.author,
        updated=html.updated,
    )


def _article(page: Page, text: str, anatomy: Anatomy, comments: list[Comment], warnings: list[Notice], *,
             title: str | None, published: str | None, url: str | None = None, site: str | None = None,
             author: str | None = None, updated: str | None = None) -> Article:
    body = "\n".join(anatomy.paragraphs)
    notices = [*warnings, *anatomy.warnings]
    if not body:
        notices.append(Notice("no-main-text", "no paragraph of main text was found"))
    if title is None:
        notices.append(Notice("no-title", "the page prints no title line"))
    url = url or page.hints.url or page.origin.url
    return Article(
        id=page_id(text), origin=page.origin, kind=decide_kind(anatomy, comments), url=url,
        site=site or page.hints.site or _host(url), title=title, author=author or page.hints.author,
        published=published, updated=updated, lead=anatomy.lead, sections=tuple(anatomy.sections), body=body,
        source_cards=tuple(anatomy.cards), conclusion=tuple(anatomy.conclusion),
        references=tuple(anatomy.references), embedded_posts=tuple(anatomy.posts), comments=tuple(comments),
        notes=tuple(anatomy.notes), boilerplate=tuple(anatomy.boilerplate), warnings=tuple(notices),
    )


def decide_kind(anatomy: Anatomy, comments: list[Comment]) -> str:
    """digest: it quotes source cards or closes with a 結論 block; blog: a reader thread or blog footers."""
    if anatomy.cards or len(anatomy.conclusion) >= 2:
        return "digest"
    blog_refs = {"reference", "related"} & {r.kind for r in anatomy.references}
    if comments or blog_refs:
        return "blog"
    return "article"


def _host(url: str | None) -> str | None:
    return urlparse(url).hostname if url else None

