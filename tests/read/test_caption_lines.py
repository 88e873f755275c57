"""A photo caption that opens a page's text is neither its title, a heading nor its lead: it stays a paragraph."""

from __future__ import annotations

import pytest

from matome.read import read_page
from matome.records import Origin, Page


def _read(text: str) -> tuple[str | None, str | None, str, list[str | None]]:
    article = read_page(Page(Origin("text", path="t.txt"), text.encode(), "text"))
    return article.title, article.lead, article.body, [s.heading for s in article.sections]


def test_a_caption_on_the_first_line_is_no_title_and_no_lead() -> None:
    text = ("冠水した駅前のロータリー=3日午後、青葉市中央(青葉市提供)\n"
            "青葉市では3日、記録的な大雨で駅前のロータリーが冠水し、バスが運休した。\n"
            "市は4日も避難所を開いている。\n")
    title, lead, body, _ = _read(text)
    assert title is None
    assert lead == "青葉市では3日、記録的な大雨で駅前のロータリーが冠水し、バスが運休した。"
    assert body.startswith("冠水した駅前のロータリー=3日午後")


def test_a_short_caption_between_paragraphs_is_no_heading() -> None:
    text = ("青葉川が氾濫\n青葉市では3日、記録的な大雨で青葉川が氾濫した。\n倒れた街灯=森下修撮影\n"
            "市は4日も避難所を開いている。\n")
    title, _, body, headings = _read(text)
    assert title == "青葉川が氾濫"
    assert headings == [None] and "倒れた街灯=森下修撮影" in body.split("\n")


@pytest.mark.parametrize("first", ["(桜台通信 2026/10/30)", "*青葉市公式@aoba_city_pr",
                                   "青葉市では3日未明、記録的な大雨が降り、", "冠水した駅前を調べる市職員(3日撮影)。(c)AOBA PRESS / AFP"])
def test_a_credit_a_handle_a_cut_sentence_or_a_credited_photo_is_no_title(first: str) -> None:
    title, _, body, headings = _read(f"{first}\n青葉市では3日、記録的な大雨で駅前のロータリーが冠水し、バスが運休した。\n")
    assert title is None
    assert body.startswith(first) or headings == [first]  # kept: in the text, or heading what follows


def test_lines_broken_inside_a_sentence_are_joined_and_bullets_stay_apart() -> None:
    text = ("青葉川が氾濫\n青葉市の市長は会見で、「避難所は足りている」と\n述べ、支援を求めた。\n男は「早く逃げろ」\n"
            "などと叫んでいたという。\n・関連記事へ\n・市の発表は\n浸水した地区と避難所は\n市内の避難所は12か所。\n")
    title, _, body, headings = _read(text)
    assert title == "青葉川が氾濫"
    assert body.split("\n") == ["青葉市の市長は会見で、「避難所は足りている」と述べ、支援を求めた。",
                                "男は「早く逃げろ」などと叫んでいたという。", "市内の避難所は12か所。"]
    assert headings[-1] == "浸水した地区と避難所は"  # short: a heading over a figure, not a wrapped line


def test_only_lines_next_to_each_other_are_joined() -> None:
    article = read_page(Page(Origin("text", path="t.txt"), "題\nネットの反応をまとめました、\n💡 まず一つ目の論点です。\n"
                                                            "💡 次の論点です。\n以上です。\n".encode(), "text"))
    assert article.body.split("\n") == ["ネットの反応をまとめました、", "以上です。"]


def test_a_breadcrumb_is_navigation_not_a_title() -> None:
    title, _, body, _ = _read("TOP > ニュース > 桜台港の倉庫火災、原因は漏電か\n桜台港の倉庫火災\n"
                              "22日午後、桜台港の倉庫から出火し、倉庫2棟が全焼した。\n")
    assert (title, body) == ("桜台港の倉庫火災", "22日午後、桜台港の倉庫から出火し、倉庫2棟が全焼した。")


def test_a_note_that_runs_into_the_article_on_one_line_leaves_the_article() -> None:
    text = ("桜台市長が新計画を説明\n"
            "※この記事は2026年04月09日に桜台ニュースで公開されたものです 9日午後、桜台市の市長が会見を行い、"
            "新しい港の計画について説明した。市長は「計画を進める」と述べた。\n")
    article = read_page(Page(Origin("text", path="t.txt"), text.encode(), "text"))
    assert article.body.startswith("9日午後、桜台市の市長が会見を行い")
    assert article.notes == ("この記事は2026年04月09日に桜台ニュースで公開されたものです",)
    alone = read_page(Page(Origin("text", path="t.txt"), "桜台市長が会見\n市長は計画を説明した。\n※写真はイメージです\n"
                           .encode(), "text"))
    assert alone.notes == ("写真はイメージです",) and "イメージ" not in alone.body


def test_a_lone_check_mark_line_that_cites_nothing_is_no_source_card() -> None:
    blog = "桜台川の堤防を見てきた\n国道18号を見てきました\n✅ 21日に国道18号を走ってきました\n堤防の決壊から一週間、道路の泥はまだ残っていた。\n"
    article = read_page(Page(Origin("text", path="t.txt"), blog.encode(), "text"))
    assert not article.source_cards  # a heading of the blog's own text
    assert "✅ 21日に国道18号を走ってきました" in {s.heading for s in article.sections}
    cited = blog.replace("✅ 21日に国道18号を走ってきました\n", "✅ 21日に国道18号を走ってきました\nさらに読む ⇒ 桜台新聞 出典:https://sakuradai.example/a\n")
    assert len(read_page(Page(Origin("text", path="t.txt"), cited.encode(), "text")).source_cards) == 1


def test_a_note_of_two_parts_stays_a_note() -> None:
    text = "桜台の新製品を試した\n※本記事は広告を含みます 商品の価格や在庫の状況は記事を公開した時点のものです。\n新製品は軽く、扱いやすかった。\n"
    article = read_page(Page(Origin("text", path="t.txt"), text.encode(), "text"))
    assert "在庫" not in article.body and len(article.notes) == 1
