"""The page's author found in one pass gives what trafilatura's `extract_author` gives: on invented pages of the shapes
its searches rank, and on every page of trafilatura-eval."""

from __future__ import annotations

import sys

import lxml.html
import pytest
from tests.conftest import ROOT, SHARED, need
from trafilatura.metadata import extract_author
from trafilatura.utils import load_html

from matome.read.byline import find_author


@pytest.mark.parametrize(
    ("html", "author"),
    [
        ('<html><body><p>本文です。</p><span class="author">山田 太郎</span></body></html>', "山田 太郎"),
        ('<html><body><div class="comments"><span class="author">投稿者 A</span></div>'
         '<p class="byline">佐藤 花子</p></body></html>', "佐藤 花子"),
        ('<html><body><div class="writer">鈴木 一郎</div><a rel="author">田中 次郎</a></body></html>', "田中 次郎"),
        ('<html><body><span class="author">高橋 三郎<time>2026-03-02</time></span></body></html>', "高橋 三郎"),
        ('<html><body><p>署名のない記事です。</p></body></html>', None),
        ('<html><body><p>本文</p><span><rel>me<time>x</time></rel>山田 太郎</span></body></html>', "Me 山田 太郎"),
        ('<html><body><p>本文</p><span><rel>m<span class="date">x</span>e</rel>山田 太郎</span></body></html>',
         "Me 山田 太郎"),
    ],
    ids=["author-class", "not-in-comments", "ranked-searches", "pruned-inside", "none", "rel-me-pruned",
         "rel-me-joined"],
)
def test_the_author_trafilatura_would_find(html: str, author: str | None) -> None:
    tree = lxml.html.fromstring(html)
    assert find_author(tree) == extract_author(tree) == author


def test_only_the_tree_given_is_searched() -> None:
    """load_html may return a part of the document, still attached to it: what lies outside that part is not read."""
    page = '<body class="archive author-page"><div><p>山田 太郎</p><p>短い記事。</p></div></body>'
    part = load_html(page.encode())
    assert part is not None and part.getparent() is not None
    assert find_author(part) == extract_author(part)
    document = lxml.html.fromstring('<html><body><div class="comments"><div id="main"><span class="author">山田 太郎'
                                    '</span><p>本文</p></div></div></body></html>')
    (inside,) = document.xpath('//div[@id="main"]')
    assert find_author(inside) == extract_author(inside) == "山田 太郎"


def test_the_same_author_as_trafilatura_on_every_evaluation_page() -> None:
    need(SHARED / "eval" / "trafilatura-eval" / "evaldata.json")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from read_pages import load

    differ = []
    for url, _, html in load(None):
        tree = load_html(html)
        if tree is not None and (mine := find_author(tree)) != (theirs := extract_author(tree)):
            differ.append(f"{url}: {mine!r} against {theirs!r}")
    assert differ == []
