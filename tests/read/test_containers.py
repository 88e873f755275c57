from __future__ import annotations

import json
from pathlib import Path

from matome.read import read_paths
from matome.records import Article, ReadFailure

BODY = "市は新しい防災計画を発表し、来年度から避難所を二倍に増やすと説明した。\n住民からは歓迎の声が上がった。"


def test_json_lines_records_become_articles_with_their_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [{"url": "https://x.example/1", "title": "防災計画", "date": "2026-01-04T09:30:00+09:00", "body": BODY},
            {"link": "https://x.example/2", "headline": "二本目", "published": "2026年1月5日", "text": "別の記事の本文。"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n", encoding="utf-8")
    items = list(read_paths([path]))
    first, second, bad = items
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(bad, ReadFailure)
    assert (first.title, first.url, first.published) == ("防災計画", "https://x.example/1", "2026-01-04T09:30:00+09:00")
    assert first.body == BODY
    assert first.origin.format == "jsonl" and first.origin.line == 1
    assert (second.title, second.published) == ("二本目", "2026-01-05")
    assert bad.code == "bad-json-line" and bad.origin.line == 3


def test_rss_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>市のニュース</title>"
        "<item><title>防災計画</title><link>https://x.example/1</link><pubDate>Sun, 04 Jan 2026 09:30:00 +0900</pubDate>"
        f"<description>&lt;p&gt;{BODY.splitlines()[0]}&lt;/p&gt;</description></item></channel></rss>",
        encoding="utf-8",
    )
    (article,) = read_paths([path])
    assert isinstance(article, Article)
    assert (article.title, article.url, article.published, article.site) == (
        "防災計画", "https://x.example/1", "2026-01-04T09:30:00+09:00", "市のニュース")
    assert article.origin.format == "feed"
    assert "避難所を二倍" in article.body


def test_same_page_in_two_encodings_has_one_id(tmp_path: Path) -> None:
    text = "見出し\n" + BODY
    (tmp_path / "u.txt").write_text(text, encoding="utf-8")
    (tmp_path / "s.txt").write_bytes(text.encode("euc_jp"))
    first, second = read_paths([tmp_path])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id
    assert {first.encoding, second.encoding} == {"utf-8", "euc_jp"}
