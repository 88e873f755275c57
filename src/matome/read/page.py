"""One page to one Article: checks for bad input, decoding, the HTML or text layer, anatomy, kind."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import replace
from urllib.parse import urlparse

from matome.config import ReadConfig
from matome.errors import UnreadablePage
from matome.read.anatomy import Anatomy, read_lines
from matome.read.encoding import decode, utf16_without_bom
from matome.read.html import HtmlReading, read_html
from matome.read.threads import group_thread
from matome.records import Article, Comment, Notice, Page

_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh",
                b"\xfd7zXZ", b"RIFF", b"OggS", b"\x00\x00\x01\x00")


def read_page(page: Page, config: ReadConfig = ReadConfig()) -> Article:
    """Read one page; raise UnreadablePage with a code for input that is not a readable page."""
    check_bytes(page.data, config)
    decoded = decode(page.data, page.declared_encoding)
    text = unicodedata.normalize("NFC", decoded.text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise UnreadablePage("the page holds only whitespace", code="empty-page")
    warnings = list(decoded.notices)
    read = _from_html if page.media == "html" else _from_text
    return replace(read(page, text, warnings), encoding=decoded.encoding)


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


def _from_text(page: Page, text: str, warnings: list[Notice]) -> Article:
    hints = page.hints
    anatomy = read_lines(text.split("\n"), find_title=hints.title is None)
    comments = group_thread(anatomy.thread)
    return _article(page, text, anatomy, comments, warnings, title=hints.title or anatomy.title,
                    published=hints.published or anatomy.published)


def _from_html(page: Page, text: str, warnings: list[Notice]) -> Article:
    html: HtmlReading = read_html(text, page.hints.url)
    anatomy = read_lines(html.lines, find_title=False, split_thread=False, headings=html.headings)
    hints = page.hints
    return _article(
        page, text, anatomy, html.comments, [*warnings, *html.warnings],
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

