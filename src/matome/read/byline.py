"""The page's author as `trafilatura.metadata.extract_author` finds it (trafilatura 2.3.1), in one pass over the tree.

trafilatura copies the tree, deletes what may not hold a byline (comment lists, figures, times…) and runs three
XPath searches whose EXSLT regular expressions call back into Python for every element: about a tenth of reading a
page. The same tests on each element's tag and attributes, made once, give the same answer in about a third of the
time; where a candidate holds something trafilatura would have deleted (whose tail text it would have moved), the page
goes to trafilatura itself. `tests/read/test_byline.py` checks the two agree on every page of trafilatura-eval.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import extract_author
from trafilatura.utils import trim

LONGEST = 120  # trafilatura's len_limit for authors

_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
                            r"article-(?:share|support)|print|category|meta-date|meta-reviewer")
_SPECIFIC_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_SPECIFIC_CLASS = re.compile(r"author-?name|AuthorName|authorName")
_GENERIC_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_GENERIC_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_GENERIC_CLASS = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_LAST_RESORT_ID = re.compile(r"[Aa]uthor")
_LAST_RESORT_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
# every element the searches may look at (those with none of these attributes match none of them), in document order
_MARKED = lxml.etree.XPath("descendant-or-self::*[@id or @class or @itemprop or @data-component or @rel"
                           " or @data-testid or rel or self::time or self::figure or self::author]")


def find_author(tree: lxml.html.HtmlElement) -> str | None:
    """What `trafilatura.metadata.extract_author(tree)` returns, without copying the tree."""
    discarded: set[lxml.html.HtmlElement] = set()
    gone: set[lxml.html.HtmlElement] = set()  # inside what is discarded
    ranked: tuple[list[lxml.html.HtmlElement], ...] = ([], [], [])
    for element in _MARKED(tree):
        if element in gone:
            continue
        tag, get = element.tag, element.get
        ident, kind, itemprop, component = get("id"), get("class"), get("itemprop") or "", get("data-component") or ""
        if element is not tree and _discards(tag, ident, kind, component):
            discarded.add(element)
            gone.update(element.iterdescendants())
            continue
        if _specific(tag, ident, kind, itemprop, element):
            ranked[0].append(element)
        if tag in _GENERIC_TAGS and _generic(ident, kind, itemprop):
            ranked[1].append(element)
        if _last_resort(ident, kind, itemprop, component):
            ranked[2].append(element)
    for candidates in ranked:
        for element in candidates:
            if element.find("rel") is not None or any(inner in discarded for inner in element.iterdescendants()):
                return extract_author(tree)  # its text (or its <rel>'s, tested) would read differently once pruned
            content = trim(" ".join(element.itertext()))
            if content and 2 < len(content) < LONGEST:
                return normalize_authors(None, content)
    return None


def _discards(tag: str, ident: str | None, kind: str | None, component: str) -> bool:
    if tag in ("time", "figure"):
        return True
    return tag in _DISCARD_TAGS and (
        ident == "comments" or kind in ("comments", "title", "date")
        or (ident is not None and _DISCARD_ID.search(ident) is not None)
        or (kind is not None and _DISCARD_CLASS.search(kind) is not None) or "Figure" in component)


def _specific(tag: str, ident: str | None, kind: str | None, itemprop: str, element: lxml.html.HtmlElement) -> bool:
    if tag == "author":
        return True
    if tag not in _SPECIFIC_TAGS:
        return False
    get = element.get
    return (get("rel") == "author" or ident == "author" or kind == "author" or itemprop == "author name"
            or get("data-testid") in ("AuthorCard", "AuthorURL")
            or (kind is not None and _SPECIFIC_CLASS.search(kind) is not None)
            or element.find("rel") is not None)  # rel='me', tested on the pruned text: trafilatura decides


def _generic(ident: str | None, kind: str | None, itemprop: str) -> bool:
    return (kind in ("byline", "username", "byl", "BBL") or "author" in itemprop
            or (ident is not None and _GENERIC_ID.search(ident) is not None)
            or (kind is not None and _GENERIC_CLASS.search(kind) is not None))


def _last_resort(ident: str | None, kind: str | None, itemprop: str, component: str) -> bool:
    return ("Byline" in component or "author" in itemprop
            or (ident is not None and _LAST_RESORT_ID.search(ident) is not None)
            or (kind is not None and _LAST_RESORT_CLASS.search(kind) is not None))
