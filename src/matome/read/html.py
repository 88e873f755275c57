"""HTML pages: trafilatura for the main text and metadata, lxml rules for comment sections and precise dates."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import htmldate
import lxml.html
import trafilatura
from lxml import etree
from trafilatura import metadata
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from matome.read import rules
from matome.read.budget import check_time
from matome.read.byline import find_author
from matome.read.threads import cap_comments, capped_thread, link_replies
from matome.records import Comment, Notice
from matome.text.dates import find_date, find_dates
from matome.text.normalize import squeeze

_META_TIME = {
    "published": ("article:published_time", "og:published_time", "pubdate", "publishdate", "date", "dc.date",
                  "dc.date.issued", "datepublished", "sailthru.date", "cxenseparse:recs:publishtime"),
    "updated": ("article:modified_time", "og:updated_time", "lastmod", "datemodified", "dc.date.modified"),
}
_JSONLD_KEYS = {"published": "datePublished", "updated": "dateModified"}


@dataclass
class HtmlReading:
    """What the HTML layer found; anatomy rules then read `lines`."""

    lines: list[str]
    headings: frozenset[int]
    title: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published: str | None = None
    updated: str | None = None
    comments: list[Comment] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)


def read_html(text: str, url: str | None = None, max_comments: int = 5_000,
              max_chars: int = 2_000_000) -> HtmlReading:
    """Comments are selected and pruned first, so that trafilatura cannot leak them into the main text.

    trafilatura's own comment extraction is not used: on some layouts it takes article paragraphs for comments.
    At most `max_comments` comments are read (a `comments-capped` warning says when there were more), and at most
    `max_chars` characters of HTML (extraction time grows with the page: the rest is left, with `page-cut`).
    """
    head = text[:4096].lower()
    if "<html" not in head and "<body" not in head:  # a fragment, as feeds carry
        text = f"<html><body>{text}</body></html>"
    warnings: list[Notice] = []
    cut = len(text) > max_chars
    if cut:
        warnings.append(Notice("page-cut", f"the HTML is {len(text):,} characters long; only the first "
                                           f"{max_chars:,} were read (read.max_extract_chars)"))
        text = text[: text.rfind(">", 0, max_chars) + 1 or max_chars]
    tree = load_html(text)
    check_time("parsing the HTML")
    if tree is not None and _cut_by_depth(tree):
        tree = load_html(flatten_deep(text))
        warnings.append(Notice("deep-html", f"the HTML nests elements more than {PARSER_DEPTH - 1} deep; the "
                               f"tags below depth {FLATTEN_DEPTH} were dropped and their text kept"))
    if tree is None:
        warnings.append(Notice("no-main-text", "the HTML could not be parsed into a document"))
        return HtmlReading([], frozenset(), comments=[], warnings=warnings, **_metadata(None, None, {}))
    if _truncated(text) and not cut:
        warnings.append(Notice("truncated-html", "the HTML ends before </html>; read what is there"))
    candidates = _comment_candidates(tree) if rules.COMMENT_HINT.search(text) else None
    comments, items = select_comments(tree, max_comments + 1, candidates) if candidates is not None else ([], [])
    sections = _comment_sections(candidates or [])
    if not comments and sections:
        comments, capped = capped_thread([line for s in sections for line in _section_lines(s)], max_comments)
        warnings.extend(capped)
        if comments:
            warnings.append(Notice("comment-layout-guessed", "no comment rule fits this layout; comments were "
                                   "split from the comment section's lines"))
    else:
        comments, capped = cap_comments(comments, max_comments)
        warnings.extend(capped)
    times = {key: _meta_time(tree, key) for key in _META_TIME}
    _drop(tree, [*sections, *items])
    check_time("reading the comments")
    doc = _main_text(tree, url, fast=True)
    if len(text) <= FAST_CHARS and (doc is None or len(doc.text or "") < SECOND_OPINION_CHARS):
        doc = _main_text(tree, url, fast=False)
    if doc is None:
        warnings.append(Notice("no-main-text", "trafilatura found no main text on this page"))
        return HtmlReading([], frozenset(), comments=comments, warnings=warnings, **_metadata(tree, None, times))
    lines, headings = _lines(doc)
    warnings.extend(_add_metadata(doc, tree, url, dated=times["published"] is not None))
    return HtmlReading(lines, headings, comments=comments, warnings=warnings, **_metadata(tree, doc, times))


# trafilatura's second opinion (readability, then justext) is asked only when its own extractor finds less main text
# than this: it doubles the time, and on longer texts it changed the snippets found on 3 of 300 trafilatura-eval pages
# (2 for the worse) and on none of the other 690 (README, "How a page is read")
SECOND_OPINION_CHARS = 1000
FAST_CHARS = 1_000_000  # above this, the second opinion is never asked
PARSER_DEPTH = 256  # libxml2 stops reading a document at this depth (without XML_PARSE_HUGE)
FLATTEN_DEPTH = 128
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "mark", "q", "s",
                     "small", "span", "strong", "sub", "sup", "time", "u", "var"})


def _main_text(tree: lxml.html.HtmlElement, url: str | None, fast: bool) -> trafilatura.settings.Document | None:
    doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=True, fast=fast)
    return doc if isinstance(doc, trafilatura.settings.Document) else None


def _cut_by_depth(tree: lxml.html.HtmlElement) -> bool:
    """Whether libxml2 stopped at its depth limit: then the document ends on an element that deep."""
    depth, element = 0, tree
    while len(element):
        element, depth = element[-1], depth + 1
    return depth >= PARSER_DEPTH - 2


def flatten_deep(text: str, limit: int = FLATTEN_DEPTH) -> str:
    """The HTML with every tag opened below depth `limit` removed (with its closing tag), its text kept; a block
    tag leaves a line break. One pass over the tags, no parsing: used only on pages too deep to parse."""
    text = _without_code(text)
    out: list[str] = []
    dropped: dict[str, int] = {}
    depth = position = 0
    for match in _TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group().endswith("/>"):
            continue
        if not closing and depth < limit:
            depth += 1
            continue
        if closing and not dropped.get(name):
            depth = max(0, depth - 1)
            continue
        dropped[name] = dropped.get(name, 0) + (-1 if closing else 1)
        between = text[position:match.start()]
        if between.strip() or (name not in _INLINE and out[-1:] != ["<br>"]):  # one break for a run of tags
            out.extend((between, "" if name in _INLINE else "<br>"))
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _without_code(text: str) -> str:
    """The HTML without its scripts, styles and comments, which hold no prose (and `a<b` in a script is no tag).
    One forward scan: an unclosed block runs to the end of the page."""
    lower = text.lower()
    out: list[str] = []
    position = 0
    following = {opening: lower.find(opening) for opening, _ in _CODE}  # each search only moves forward
    while live := [(at, end) for opening, end in _CODE if (at := following[opening]) >= 0]:
        at, end = min(live)
        closed = lower.find(end, at)
        out.append(text[position:at])
        position = len(text) if closed < 0 else closed + len(end)
        for opening, _ in _CODE:
            if 0 <= following[opening] < position:
                following[opening] = lower.find(opening, position)
    out.append(text[position:])
    return "".join(out)


_CODE = (("<script", "</script>"), ("<style", "</style>"), ("<!--", "-->"))
_CANDIDATES = etree.XPath("//*[contains(@class, 'omment') or contains(@id, 'omment') or @id='disqus_thread']")


def _comment_candidates(tree: lxml.html.HtmlElement) -> list[etree._Element]:
    """The elements whose class or id names a comment (or Disqus): every comment section is among them."""
    return [e for e in _CANDIDATES(tree) if isinstance(e, etree._Element)]


def _comment_sections(candidates: list[etree._Element]) -> list[etree._Element]:
    """The outermost elements that hold a comment section (rules.COMMENT_SECTION_*)."""
    found = {e: None for e in candidates if _is_section(e)}
    return [e for e in found if not any(a in found for a in e.iterancestors())]


def _is_section(element: etree._Element) -> bool:
    classes = element.get("class") or ""
    return (element.get("id") in rules.COMMENT_SECTION_IDS
            or not rules.COMMENT_SECTION_CLASSES.isdisjoint(classes.split())
            or any(part in classes for part in rules.COMMENT_SECTION_CLASS_PARTS))


def _drop(tree: lxml.html.HtmlElement, elements: list[etree._Element]) -> None:
    """Remove comment elements (keeping their tails) before trafilatura sees the tree.

    An element that holds the page's headline or an <article> is a wrapper, not a comment section: it stays.
    """
    for element in elements:
        wraps_article = next(element.iter("h1", "article"), None) is not None
        if element.getparent() is not None and not wraps_article:
            element.drop_tree()


def _section_lines(section: etree._Element) -> list[str]:
    skip = {"h1", "h2", "h3", "h4", "h5", "h6", "form", "script", "style", "button", "textarea", "noscript"}
    lines: list[str] = []
    for element in section.iter():
        if not isinstance(element.tag, str) or {element.tag, *(a.tag for a in element.iterancestors())} & skip:
            continue
        for part in (element.text, *(c.tail for c in element)):
            lines.extend(line for piece in (part or "").split("\n") if (line := squeeze(piece)))
    return lines


def _truncated(text: str) -> bool:
    tail = text[-2048:].lower()
    return "<html" in text[:4096].lower() and "</html>" not in tail and "</body>" not in tail


def _lines(doc: trafilatura.settings.Document) -> tuple[list[str], frozenset[int]]:
    """The main text as trafilatura renders it, one line per block, with the indexes of heading lines."""
    if doc.body is None:
        return [], frozenset()
    heads = {squeeze("".join(h.itertext())) for h in doc.body.iter("head")}
    text = doc.text or ""
    lines = [line for part in text.split("\n") if (line := squeeze(part))]
    return lines, frozenset(i for i, line in enumerate(lines) if line in heads)


def _metadata(tree: lxml.html.HtmlElement | None, doc: trafilatura.settings.Document | None,
              times: dict[str, str | None]) -> dict[str, str | None]:
    published = times.get("published") or (doc.date if doc and _stated(doc.date, doc) else None)
    updated = times.get("updated")
    return {
        "title": doc.title if doc else (_title_tag(tree) if tree is not None else None),
        "author": doc.author if doc else None,
        "site": doc.sitename if doc else None,
        "url": doc.url if doc else None,
        "published": published,
        "updated": updated if updated != published else None,
    }


def _add_metadata(doc: trafilatura.settings.Document, tree: lxml.html.HtmlElement, url: str | None,
                  dated: bool) -> list[Notice]:
    """`trafilatura.metadata.extract_metadata` less what matome does not use: categories, tags and licence, and
    htmldate's search when the page's metadata already stated its time (`dated`); the same calls in the same order
    (the author's search made in one pass, `read.byline`), so the same title, author, site and date, some
    milliseconds a page sooner."""
    meta = metadata.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    notices = []
    try:
        meta = metadata.extract_meta_json(tree, meta)
    except Exception as error:  # as trafilatura does, the page is read on: its JSON-LD reader has bugs on odd pages
        notices.append(Notice("bad-json-ld", f"the page's JSON-LD metadata could not be read: {error}"))
    meta.title = meta.title or metadata.extract_title(tree)
    meta.author = meta.author or find_author(tree)
    meta.url = meta.url or metadata.extract_url(tree, url)
    if not dated:
        meta.date = htmldate.find_date(tree, **set_date_params(True), url=meta.url)
    meta.sitename = meta.sitename or metadata.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (site := metadata.META_URL.match(meta.url)):
        meta.sitename = site[1]
    meta.clean_and_trim()
    doc.title, doc.author, doc.url, doc.date, doc.sitename = meta.title, meta.author, meta.url, meta.date, meta.sitename
    return notices


def _stated(day: str | None, doc: trafilatura.settings.Document) -> bool:
    """htmldate turns a bare year (© 2012) into 2012-01-01: a 1 January is kept only when the page says it."""
    if not day or day[5:10] != "01-01":
        return bool(day)
    text = f"{doc.title or ''} {doc.text or ''}"
    return any(iso.startswith(day[:10]) for iso in find_dates(text))


def _title_tag(tree: lxml.html.HtmlElement) -> str | None:
    found = tree.findtext(".//title")
    return squeeze(found) if found else None


def _meta_time(tree: lxml.html.HtmlElement, which: str) -> str | None:
    wanted = _META_TIME[which]
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted and (iso := find_date(meta.get("content") or "")):
            return iso
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        if iso := _jsonld_time(script, _JSONLD_KEYS[which]):
            return iso
    for time in tree.xpath(f"//time[@itemprop='{_JSONLD_KEYS[which]}']/@datetime"):
        if iso := find_date(time):
            return iso
    return None


def _jsonld_time(script: str, key: str) -> str | None:
    match = re.search(rf'"{key}"\s*:\s*"([^"]+)"', script)
    if not match:
        return None
    try:
        value = json.loads(f'"{match.group(1)}"')
    except json.JSONDecodeError:
        return None
    return find_date(value)


_ITEMS = tuple((etree.XPath(xpath), words) for xpath, words in rules.COMMENT_ITEMS)


def select_comments(tree: lxml.html.HtmlElement, limit: int | None = None,
                    candidates: list[etree._Element] | None = None) -> tuple[list[Comment], list[etree._Element]]:
    """One record per comment (at most `limit`) from the first layout of `rules.COMMENT_ITEMS` that matches, and
    all its elements. With the page's `_comment_candidates`, a layout none of whose words they hold is skipped."""
    names = " ".join(f"{e.get('class', '')} {e.get('id', '')}" for e in candidates) if candidates is not None else None
    for xpath, words in _ITEMS:
        if names is not None and words and not any(word in names for word in words):
            continue
        items = [i for i in xpath(tree) if isinstance(i, etree._Element)]
        thread = _Thread(items)
        comments: list[Comment] = []
        for item in items:  # `limit` comments with text, however many empty items come first
            if limit is not None and len(comments) >= limit:
                break
            if comment := thread.comment(item):
                comments.append(comment)
        if comments:
            return link_replies(comments), items
    return [], []


class _Thread:
    """The comment elements of one page; nested elements are replies to the element around them."""

    def __init__(self, items: list[etree._Element]) -> None:
        self.ids = {item: item.get("id") or f"c{n}" for n, item in enumerate(items, 1)}

    def owner(self, node: etree._Element) -> etree._Element | None:
        return next((a for a in node.iterancestors() if a in self.ids), None)

    def own_text(self, node: etree._Element) -> str:
        parts: list[str] = []
        self._collect(node, parts)
        return "\n".join(line for part in parts if (line := squeeze(part)))

    def _collect(self, node: etree._Element, parts: list[str]) -> None:
        parts.append(node.text or "")
        for child in node:
            if child not in self.ids and isinstance(child.tag, str):
                self._collect(child, parts)
            parts.append(child.tail or "")

    def comment(self, item: etree._Element) -> Comment | None:
        mine = [n for xpath in rules.COMMENT_TEXT for n in item.xpath(xpath) if self.owner(n) is item]
        author_nodes = [n for n in item.xpath(rules.COMMENT_AUTHOR) if self.owner(n) is item]
        author_nodes = author_nodes or item.xpath(rules.COMMENT_AUTHOR_BEFORE)
        author = squeeze("".join(author_nodes[0].itertext())) if author_nodes else None
        text = self.own_text(mine[0]) if mine else self.own_text(item)
        if not mine and author:
            text = text.replace(author, "", 1).strip()
        if not text:
            return None
        parent = self.owner(item)
        return Comment(self.ids[item], text, author or None, self._posted(item),
                       self.ids[parent] if parent is not None else None)

    def _posted(self, item: etree._Element) -> str | None:
        for found in item.xpath(rules.COMMENT_DATE):
            node = found if isinstance(found, etree._Element) else found.getparent()  # type: ignore[attr-defined]
            if node is not item and self.owner(node) is not item:
                continue
            value = found if isinstance(found, str) else "".join(found.itertext())
            if iso := find_date(value):
                return iso
        return None
