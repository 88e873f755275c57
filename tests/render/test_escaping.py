"""Page text is hostile: it stays text in every output of a digest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matome.cli import app

HOSTILE = ("<html><head><title>市が&lt;script&gt;alert(1)&lt;/script&gt;防災計画を発表</title></head><body><article>"
           "<h1>市が&lt;script&gt;alert(1)&lt;/script&gt;防災計画を発表</h1>"
           "<p>市長は「&lt;img src=x onerror=alert(2)&gt;を許さない」と述べた。市は防災計画を発表し、避難所を増やす。</p>"
           "<p>計画は[リンク](javascript:alert(3))と**強調**を含む文でも、そのまま表示される。</p>"
           "</article></body></html>")


def test_hostile_text_is_escaped_in_every_output(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "hostile.html").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["digest", str(tmp_path / "pages"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.html"))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    markdown = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.md"))
    assert "<script>" not in markdown and "<img" not in markdown
    assert "\\[リンク\\]" in markdown and "\\*\\*強調\\*\\*" in markdown
    record = json.loads(next(out.glob("s-*.json")).read_text(encoding="utf-8"))
    assert "<script>alert(1)</script>" in record["title"]  # JSON keeps the text itself; escaping is the reader's


def test_reader_reaction_lines_are_escaped(tmp_path: Path) -> None:
    from matome.records import Card, Digest, Reactions, SupportedLine
    from matome.render.write import write_digests

    line = SupportedLine("3件 (50%): 「<script>alert('x')</script>これも表示」", ("a:c1",))
    digest = Digest("s-test", "題", SupportedLine("本文。", ("a:1",)), ("a",),
                    (Card("a", "題", "紙", None, None, (SupportedLine("本文。", ("a:1",)),)),), (), (), (), (),
                    Reactions((line,), (("comments", 6),)), ())
    write_digests([digest], {"a:1": "本文。", "a:c1": "<script>alert('x')</script>これも表示"}, tmp_path, 1)
    html = (tmp_path / "s-test.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "s-test.md").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(" in html
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


def test_points_and_differences_are_escaped_and_an_undated_story_takes_its_cards_date(tmp_path: Path) -> None:
    from matome.records import Card, Digest, Disagreement, Point, Reactions, Side, SupportedLine
    from matome.render.write import write_digests

    hostile = "<img src=x onerror=alert(1)>会談は2時間"
    cards = (Card("a", "題", "<b>紙</b>", "2025-05-19T19:40:00+09:00", None, (SupportedLine("本文。", ("a:1",)),)),
             Card("b", "題", "誌", "2025-05-20", None, (SupportedLine("本文。", ("b:1",)),)))
    differ = Disagreement(hostile, (Side(None, hostile, "<b>紙</b>", "a:1"), Side(None, "会談は2時間半", "誌", "b:1")),
                          "number")
    digest = Digest("s-test", "題", SupportedLine("本文。", ("a:1",)), ("a", "b"), cards, (), (), (differ,), (),
                    Reactions(), (), (Point(hostile, ("a:1", "b:1"), ("a", "b")), Point("一社だけ", ("a:1",), ("a",))))
    write_digests([digest], {"a:1": hostile, "b:1": "会談は2時間半"}, tmp_path, 2)
    html = (tmp_path / "s-test.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "s-test.md").read_text(encoding="utf-8")
    assert "<img" not in html and "<b>" not in html and "2/2件の報道" in html and "数値" in html
    assert "&lt;b&gt;紙&lt;/b&gt;のみ" in html
    assert "<img" not in markdown and "2/2件の報道" in markdown
    assert "食い違いあり: 認識のずれを参照" in markdown and "食い違いあり: 認識のずれを参照" in html  # no check disputes it
    assert "2025年5月19日" in (tmp_path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "label"), [("number", "数値"), ("time", "時刻"), ("date", "日付"), ("place", "場所"),
                                           ("attribution", "発言者"), ("polarity", "肯定と否定"), ("claim", "主張")])
def test_every_kind_of_disagreement_is_labelled_and_its_sides_escaped(tmp_path: Path, kind: str, label: str) -> None:
    from matome.records import Card, Digest, Disagreement, Reactions, Side, SupportedLine
    from matome.render.write import write_digests

    hostile = "<b>午前11時25分ごろ</b>、バスが衝突した"
    cards = tuple(Card(c, "題", f"紙{c}", "2025-05-20", None, (SupportedLine("本文。", (f"{c}:1",)),)) for c in "ab")
    differ = Disagreement(hostile, (Side(None, hostile, "紙a", "a:1"), Side(None, "午前11時半ごろ", "紙b", "b:1")), kind)
    digest = Digest("s-test", "題", SupportedLine("本文。", ("a:1",)), ("a", "b"), cards, (), (), (differ,), (),
                    Reactions(), ())
    write_digests([digest], {"a:1": hostile, "b:1": "午前11時半ごろ"}, tmp_path, 1)
    html = (tmp_path / "s-test.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "s-test.md").read_text(encoding="utf-8")
    assert f'<span class="kind">{label}</span>&lt;b&gt;' in html and "<b>" not in html
    assert f"**{label}: &lt;b&gt;" in markdown and "<b>" not in markdown


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 'https://a.example/"><script>alert(1)</script>', "https://a.example/x>y <b>z</b>"])
def test_only_http_urls_become_links_and_none_can_close_a_tag(tmp_path: Path, url: str) -> None:
    from matome.records import Card, Digest, Reactions, SupportedLine
    from matome.render.write import write_digests

    card = Card("a", "題", "紙", None, url, (SupportedLine("本文。", ("a:1",)),))
    digest = Digest("s-test", "題", SupportedLine("本文。", ("a:1",)), ("a",), (card,), (), (), (), (), Reactions(), ())
    write_digests([digest], {"a:1": "本文。"}, tmp_path, 1)
    html = (tmp_path / "s-test.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "s-test.md").read_text(encoding="utf-8")
    assert "<script" not in html and "<script" not in markdown and "<b>" not in markdown
    links = html.split('<a href="')[1:]
    assert all(h.startswith(("http://", "https://", "#", "index.html", "style.css")) for h in links)


def test_the_static_index_is_paginated_by_month_newest_first(demo_out: Path) -> None:
    pages = sorted(p.name for p in demo_out.glob("index*.html"))
    assert pages[-1] == "index.html" and len(pages) >= 3
    first = (demo_out / "index.html").read_text(encoding="utf-8")
    months = [m for m in first.split('<nav class="months">')[1].split("</nav>")[0].split("\n") if "年" in m]
    assert "<strong>" in months[0]  # the index opens on the newest month
    for page in pages[:-1]:
        assert f'href="{page}"' in first
        listed = (demo_out / page).read_text(encoding="utf-8")
        month = page.removeprefix("index-").removesuffix(".html")
        year, number = month.split("-")
        assert f"{int(year)}年{int(number)}月" in listed
