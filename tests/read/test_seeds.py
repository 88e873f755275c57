"""The two real pages of ../shared/seeds, read as the first issue requires; expectations come from the files."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from tests.conftest import SEED_BLOG, SEED_DIGEST, need

from matome.read import read_paths
from matome.records import Article


def _read(path: Path) -> Article:
    (article,) = read_paths([need(path)])
    assert isinstance(article, Article)
    return article


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def digest() -> Article:
    return _read(SEED_DIGEST)


@pytest.fixture(scope="module")
def blog() -> Article:
    return _read(SEED_BLOG)


def test_digest_kind_title_and_chrome(digest: Article) -> None:
    lines = _lines(SEED_DIGEST)
    assert digest.kind == "digest"
    assert digest.title == lines[1]
    assert lines[0] in digest.boilerplate
    assert lines[0] not in digest.body


def test_digest_source_cards(digest: Article) -> None:
    cards = digest.source_cards
    assert [c.published for c in cards] == ["2025-05-20", "2025-04-22", None]
    assert [len(c.summary) for c in cards] == [3, 3, 3]
    assert [c.url.split("/")[2] for c in cards if c.url] == ["jp.reuters.com", "mainichi.jp", "www.arabnews.jp"]
    bullets = [line.removeprefix("✅").strip() for line in _lines(SEED_DIGEST) if line.startswith("✅")]
    assert [b for c in cards for b in c.summary] == bullets
    assert all(c.title and c.title not in digest.body for c in cards)
    assert all(c.remark for c in cards)


def test_digest_title_printed_twice_is_one_card(digest: Article) -> None:
    lines = _lines(SEED_DIGEST)
    doubled = next(a for a, b in itertools.pairwise(lines) if a == b)
    assert [c.title for c in digest.source_cards].count(doubled) == 1
    assert "repeated-line" in {w.code for w in digest.warnings}


def test_digest_conclusion(digest: Article) -> None:
    bullets = [line.removeprefix("💡").strip() for line in _lines(SEED_DIGEST) if line.startswith("💡")]
    assert list(digest.conclusion) == bullets
    assert len(bullets) == 3


def test_blog_body_ends_before_related_and_holds_no_comment(blog: Article) -> None:
    lines = _lines(SEED_BLOG)
    related = next(i for i, line in enumerate(lines) if line.startswith("関連記事:"))
    assert blog.kind == "blog"
    assert blog.body.endswith(lines[related - 1])
    for comment in blog.comments:
        for line in comment.text.split("\n"):
            assert line not in blog.body


def test_blog_references(blog: Article) -> None:
    kinds = [r.kind for r in blog.references]
    assert kinds.count("reference") == 1
    assert kinds.count("related") == 1
    assert kinds.count("image_credit") == 2
    credit = next(r for r in blog.references if r.kind == "image_credit")
    assert not credit.text.startswith("出典")


def test_blog_embedded_post(blog: Article) -> None:
    (post,) = blog.embedded_posts
    assert post.handle == "FrudBezhan"
    assert post.date == "2021-08-18"
    assert post.text and post.text not in blog.body
    assert blog.notes and blog.notes[0] not in blog.body


def test_blog_comments_are_many_and_none_is_article_text(blog: Article) -> None:
    lines = _lines(SEED_BLOG)
    article_end = next(i for i, line in enumerate(lines) if line.startswith("※アイキャッチ画像の出典"))
    article_lines = set(lines[: article_end + 1])
    assert len(blog.comments) >= 60
    assert all(line not in article_lines for c in blog.comments for line in c.text.split("\n"))
    thread = [line for c in blog.comments for line in c.text.split("\n")]
    assert thread == lines[article_end + 1:]
    assert len({c.id for c in blog.comments}) == len(blog.comments)


def test_blog_thread_links_evident_replies(blog: Article) -> None:
    by_id = {c.id: c for c in blog.comments}
    rumour = next(c for c in blog.comments if "噂があるし" in c.text)
    reply = next(c for c in blog.comments if c.text.startswith("なんでそんな噂"))
    assert reply.reply_to == rumour.id
    correction = next(c for c in blog.comments if c.text.startswith("訂正"))
    assert correction.reply_to and "おじちゃん" in by_id[correction.reply_to].text
    too_long = next(c for c in blog.comments if c.text.startswith("長い。"))
    assert too_long.reply_to and len(by_id[too_long.reply_to].text) > 300
