"""HTML pages: comments never leak into the body, one record per comment, dates from meta tags and JSON-LD."""

from __future__ import annotations

import pytest
import trafilatura

from matome.read.page import read_page
from matome.records import Origin, Page

BODY = ("<p>市は新しい防災計画を発表し、来年度から避難所を二倍に増やすと説明した。</p>"
        "<p>計画には、高齢者の避難を手伝う地域の担い手を育てる事業も含まれる。</p>")
COMMENTS = ("<div id='comments'><ol class='commentlist'>"
            "<li id='comment-1' class='comment'><div class='comment-author'>山田</div>"
            "<div class='comment-content'><p>避難所が増えるのはありがたいですね。</p></div>"
            "<ol class='children'><li id='comment-2' class='comment'><div class='comment-author'>佐藤</div>"
            "<div class='comment-content'><p>場所がどこになるかが大事だと思う。</p></div></li></ol></li>"
            "<li id='comment-3' class='comment'><div class='comment-author'>匿名</div>"
            "<time datetime='2026-01-05T10:00:00+09:00'>1月5日</time>"
            "<div class='comment-content'><p>予算の説明がほしい。</p></div></li></ol></div>")
PAGE = ("<html><head><title>防災計画を発表</title>"
        "<meta property='article:published_time' content='2026-01-04T09:30:00+09:00'></head>"
        f"<body><article><h1>防災計画を発表</h1>{BODY}</article>{COMMENTS}</body></html>")


def _read(html: str):  # type: ignore[no-untyped-def]
    return read_page(Page(Origin("html", path="t.html"), html.encode(), "html"))


def test_plain_trafilatura_mixes_comments_into_the_text_it_returns() -> None:
    """The case the comment pruning exists for: asked for comments, trafilatura returns them inside the text."""
    document = trafilatura.bare_extraction(PAGE, include_comments=True, with_metadata=True)
    assert "避難所が増えるのはありがたい" in document.text
    assert "避難所が増えるのはありがたい" in (trafilatura.extract(PAGE) or "")


def test_matome_keeps_comments_out_of_the_body() -> None:
    article = _read(PAGE)
    assert "避難所を二倍に増やす" in article.body
    assert "ありがたい" not in article.body
    assert "山田" not in article.body
    assert [c.text for c in article.comments] == ["避難所が増えるのはありがたいですね。", "場所がどこになるかが大事だと思う。",
                                                 "予算の説明がほしい。"]


def test_comment_records_have_authors_dates_and_replies() -> None:
    comments = {c.id: c for c in _read(PAGE).comments}
    assert comments["comment-1"].author == "山田"
    assert comments["comment-2"].reply_to == "comment-1"
    assert comments["comment-3"].reply_to is None
    assert comments["comment-3"].posted == "2026-01-05T10:00:00+09:00"
    assert _read(PAGE).kind == "blog"


def test_published_time_keeps_the_hour_and_zone() -> None:
    assert _read(PAGE).published == "2026-01-04T09:30:00+09:00"


def test_json_ld_dates() -> None:
    html = PAGE.replace("<meta property='article:published_time' content='2026-01-04T09:30:00+09:00'>",
                        '<script type="application/ld+json">{"datePublished": "2026-01-03T08:00:00+09:00", '
                        '"dateModified": "2026-01-03T12:00:00+09:00"}</script>')
    article = _read(html)
    assert (article.published, article.updated) == ("2026-01-03T08:00:00+09:00", "2026-01-03T12:00:00+09:00")


def test_html_escapes_in_comments_stay_text() -> None:
    html = PAGE.replace("予算の説明がほしい。", "&lt;script&gt;alert(1)&lt;/script&gt;予算")
    texts = [c.text for c in _read(html).comments]
    assert "<script>alert(1)</script>予算" in texts


def test_fc2_style_comment_list_is_read_and_kept_out_of_the_body() -> None:
    html = ("<html><body><div class='entry_body'><h1>題</h1>" + BODY + "</div><div class='cmt'><h3>コメント</h3>"
            "<dl class='comment_list'><dt>山田</dt><dd>避難所が増えるのはありがたいですね。</dd>"
            "<dt>佐藤</dt><dd>場所が大事。</dd></dl></div></body></html>")
    article = _read(html)
    assert "ありがたい" not in article.body and "避難所を二倍" in article.body
    assert [(c.author, c.text) for c in article.comments] == [("山田", "避難所が増えるのはありがたいですね。"),
                                                             ("佐藤", "場所が大事。")]


def test_a_comment_section_of_unknown_layout_is_split_as_a_plain_thread() -> None:
    html = ("<html><body><article><h1>題</h1>" + BODY + "</article><section id='comments'><h3>読者の声</h3>"
            "<p class='voice'>避難所が増えるのはありがたいですね。</p></section></body></html>")
    article = _read(html)
    assert "ありがたい" not in article.body
    assert any("ありがたい" in c.text for c in article.comments)
    assert "comment-layout-guessed" in {w.code for w in article.warnings}


LAYOUTS = {
    "livedoor": ("<div id='comment-area'><ul><li class='comment-item'><span class='comment-author'>名無し</span>"
                 "<div class='comment-body-text'>{a}</div></li><li class='comment-item'>"
                 "<span class='comment-author'>通行人</span><div class='comment-body-text'>{b}</div></li></ul></div>"),
    "hatena": ("<div class='comment-box'><ul class='comment'><li class='entry-comment'><span class='comment-user-name'>"
               "id:yamada</span><p class='entry-comment-text'>{a}</p></li><li class='entry-comment'>"
               "<span class='comment-user-name'>id:sato</span><p class='entry-comment-text'>{b}</p></li></ul></div>"),
    "disqus": ("<div id='disqus_thread'><ul id='posts'><li class='post'><span class='author'>山田</span>"
               "<div class='post-message'><p>{a}</p></div></li><li class='post'><span class='author'>佐藤</span>"
               "<div class='post-message'><p>{b}</p></div></li></ul></div>"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_common_comment_layouts(layout: str) -> None:
    thread = LAYOUTS[layout].format(a="避難所が増えるのはありがたいですね。", b="予算の説明がほしい。")
    article = _read(f"<html><body><article><h1>題</h1>{BODY}</article>{thread}</body></html>")
    assert [c.text for c in article.comments] == ["避難所が増えるのはありがたいですね。", "予算の説明がほしい。"]
    assert "ありがたい" not in article.body and "避難所を二倍" in article.body


@pytest.mark.parametrize("depth", [300, 5_000, 50_000])
def test_html_nested_past_the_parser_limit_keeps_its_text(depth: int) -> None:
    page = (f"<html><head><title>深い入れ子</title></head><body>{'<div>' * depth}<article>{BODY}</article>"
            f"{'</div>' * depth}<p>入れ子の後に続く段落も、本文として読まれなければならない。</p></body></html>")
    article = _read(page)
    assert "避難所を二倍に増やす" in article.body
    assert "地域の担い手を育てる" in article.body
    assert "deep-html" in {w.code for w in article.warnings}


def test_text_below_the_parser_limit_is_read() -> None:
    levels = "".join(f"<div><span>第{n}層の文です。</span>" for n in range(1, 1001))
    article = _read(f"<html><body>{levels}{'</div>' * 1000}</body></html>")
    found = [n for n in range(1, 1001) if f"第{n}層の文です。" in article.body]
    assert set(range(300, 1001)) <= set(found)  # libxml2 alone stops at 255 levels: nothing past it was read


def test_flattening_keeps_text_and_bounds_depth() -> None:
    from lxml import etree

    from matome.read.html import flatten_deep

    page = "<html><body>" + "".join(f"<div><b>{n}</b>" for n in range(600)) + "</div>" * 600 + "</body></html>"
    flat = flatten_deep(page, limit=50)
    tree = etree.fromstring(flat, etree.HTMLParser())
    depth = max(len(list(e.iterancestors())) for e in tree.iter())
    assert depth <= 51
    assert "".join(tree.itertext()) == "".join(str(n) for n in range(600))


def test_an_ordinary_page_is_not_flattened() -> None:
    assert "deep-html" not in {w.code for w in _read(PAGE).warnings}
