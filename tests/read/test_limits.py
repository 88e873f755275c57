"""Reading limits from the typed config: each checked before the work, each a named failure or warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import peak_memory

from matome.config import ConfigError, ReadConfig, load_config
from matome.read import read_paths
from matome.read.containers import jsonl_pages
from matome.records import Article, ReadFailure

SENTENCE = "市は新しい防災計画を発表し、来年度から避難所を二倍に増やすと説明した。住民からは歓迎の声が上がった。"


@pytest.mark.parametrize(("key", "value", "message"), [
    ("max_json_line_bytes", 0, "read.max_json_line_bytes must be a positive number of bytes, not 0"),
    ("max_feed_bytes", -5, "read.max_feed_bytes must be a positive number of bytes, not -5"),
    ("max_line_chars", 0, "read.max_line_chars must be a positive whole number, not 0"),
    ("max_comments", -1, "read.max_comments must be a positive whole number, not -1"),
    ("page_timeout", 0.0, "read.page_timeout must be a positive number of seconds, not 0.0"),
    ("page_timeout", float("nan"), "read.page_timeout must be a positive number of seconds, not nan"),
])
def test_a_limit_that_cannot_work_is_a_one_line_config_error(key: str, value: float, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        ReadConfig(**{key: value})
    assert str(raised.value) == message


def test_limits_come_from_the_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "matome.toml"
    path.write_text("[read]\nmax_json_line_bytes = 1024\nmax_comments = 7\npage_timeout = 5\n", encoding="utf-8")
    read = load_config(path).read
    assert (read.max_json_line_bytes, read.max_comments, read.page_timeout) == (1024, 7, 5.0)
    path.write_text('[read]\npage_timeout = "soon"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"read\.page_timeout must be a number"):
        load_config(path)


def test_a_200_mb_feed_is_refused_from_its_size_without_being_read(tmp_path: Path) -> None:
    feed = tmp_path / "big.rss"
    with feed.open("wb") as out:
        out.write(b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>")
        out.truncate(200 * 1024 * 1024)  # sparse: 200 MB declared, almost nothing on disk
    good = tmp_path / "good.html"
    good.write_text(f"<html><body><article><p>{SENTENCE}</p></article></body></html>", encoding="utf-8")
    failure, article = read_paths([tmp_path])
    assert isinstance(failure, ReadFailure) and failure.code == "feed-too-large"
    assert "209,715,200 bytes is over the 33,554,432-byte feed limit (set read.max_feed_bytes" in failure.message
    assert isinstance(article, Article)
    items, peak = peak_memory(lambda: list(read_paths([feed])))
    assert items == [failure]
    assert peak < 1024 * 1024


def test_a_feed_over_a_small_configured_limit_is_named(tmp_path: Path) -> None:
    feed = tmp_path / "news.atom"
    entries = "".join(f"<entry><title>{n}</title><content>{SENTENCE}</content></entry>" for n in range(50))
    feed.write_text(f"<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>{entries}</feed>", encoding="utf-8")
    (failure,) = read_paths([feed], ReadConfig(max_feed_bytes=4096))
    assert isinstance(failure, ReadFailure) and failure.code == "feed-too-large"
    assert len([i for i in read_paths([feed]) if isinstance(i, Article)]) == 50


def test_a_huge_json_line_is_skipped_without_being_held_and_its_neighbours_are_read(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    huge_line = '{"title": "huge", "body": "' + "x" * (16 * 1024 * 1024) + '"}'
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"title": "一", "body": SENTENCE}, ensure_ascii=False) + "\n")
        out.write(huge_line + "\n")
        out.write(json.dumps({"title": "三", "body": SENTENCE}, ensure_ascii=False) + "\n")
    config = ReadConfig(max_json_line_bytes=64 * 1024)
    items, peak = peak_memory(lambda: list(read_paths([path], config)))
    assert isinstance(items, list)
    first, huge, third = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert (first.origin.line, third.origin.line) == (1, 3)
    assert isinstance(huge, ReadFailure) and (huge.code, huge.origin.line) == ("line-too-large", 2)
    assert f"{len(huge_line):,} bytes is over the 65,536-byte JSON Lines line limit" in huge.message
    assert peak < 8 * 1024 * 1024


def test_a_line_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    line = json.dumps({"body": SENTENCE}, ensure_ascii=False).encode()
    path = tmp_path / "edge.jsonl"
    path.write_bytes(line + b"\n" + line[:-1] + b' }\n' + line)  # the last line has no newline
    items = list(read_paths([path], ReadConfig(max_json_line_bytes=len(line))))
    assert [i.code if isinstance(i, ReadFailure) else "ok" for i in items] == ["ok", "line-too-large", "ok"]
    assert [i.origin.line for i in items] == [1, 2, 3]


def test_json_lines_bytes_read_by_a_shard_keep_the_line_limit(tmp_path: Path) -> None:
    data = b'{"body": "short"}\n{"body": "' + b"y" * 5000 + b'"}\n'
    path = tmp_path / "piece.jsonl"
    path.write_bytes(b'{"body": "before the piece"}\n' + data)
    start = len(b'{"body": "before the piece"}\n')
    items = list(jsonl_pages(path, ReadConfig(max_json_line_bytes=1000), start, start + len(data), 2))
    assert [i.code if isinstance(i, ReadFailure) else "ok" for i in items] == ["ok", "line-too-large"]


def test_a_long_unpunctuated_line_is_cut_into_pieces_and_no_text_is_lost(tmp_path: Path) -> None:
    line = "".join(f"あいうえおかきくけこ{n:06d}" for n in range(3000))  # 48,000 characters, no 。
    path = tmp_path / "long.txt"
    path.write_text(f"長い行のページ\n\n{line}\n", encoding="utf-8")
    (article,) = read_paths([path], ReadConfig(max_line_chars=2000))
    assert isinstance(article, Article)
    assert max(len(p) for p in article.body.split("\n")) <= 2000
    assert article.body.replace("\n", "") == line
    assert "long-line" in {w.code for w in article.warnings}


def test_a_long_line_is_cut_after_a_full_stop_when_there_is_one() -> None:
    from matome.read.page import cut_long_lines

    lines, cut, _ = cut_long_lines(["短い行", "あ" * 70 + "。" + "い" * 50], 100)
    assert cut == 1
    assert lines == ["短い行", "あ" * 70 + "。", "い" * 50]


def test_a_text_thread_past_the_comment_limit_is_capped_with_a_warning(tmp_path: Path) -> None:
    replies = "\n".join(f"{n}番目の読者の意見です" for n in range(400))
    path = tmp_path / "blog.txt"
    path.write_text(f"ブログの記事\n\n{SENTENCE}\n\nコメント\n{replies}\n", encoding="utf-8")
    (article,) = read_paths([path], ReadConfig(max_comments=25))
    assert isinstance(article, Article)
    assert 0 < len(article.comments) <= 25
    assert article.comments[0].text.startswith("0番目")
    assert "comments-capped" in {w.code for w in article.warnings}
    (whole,) = read_paths([path])
    assert isinstance(whole, Article) and len(whole.comments) > 25
    assert "comments-capped" not in {w.code for w in whole.warnings}


def test_an_html_thread_past_the_comment_limit_is_capped_and_none_leaks_into_the_body(tmp_path: Path) -> None:
    items = "".join(f"<li id='comment-{n}' class='comment'><div class='comment-author'>読者{n}</div>"
                    f"<div class='comment-content'><p>{n}番目のコメントです。</p></div></li>" for n in range(60))
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>記事</title></head><body><article><h1>記事</h1><p>{SENTENCE}</p>"
                    f"</article><div id='comments'><ol class='commentlist'>{items}</ol></div></body></html>",
                    encoding="utf-8")
    (article,) = read_paths([path], ReadConfig(max_comments=10))
    assert isinstance(article, Article)
    assert [c.text for c in article.comments] == [f"{n}番目のコメントです。" for n in range(10)]
    assert "comments-capped" in {w.code for w in article.warnings}
    assert "番目のコメント" not in article.body


def test_a_gzip_bomb_outside_a_warc_is_never_inflated(tmp_path: Path) -> None:
    import gzip

    bomb = tmp_path / "records.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=1) as out:
        for _ in range(64):  # 64 MB of zeros in about 64 KB
            out.write(bytes(1024 * 1024))
    (only,) = read_paths([tmp_path])
    assert isinstance(only, ReadFailure) and only.code == "unsupported-type"
    named, peak = peak_memory(lambda: list(read_paths([bomb])))
    assert isinstance(named, list) and [i.code for i in named if isinstance(i, ReadFailure)] == ["binary-file"]
    assert peak < 4 * 1024 * 1024
