"""A page that quotes another outlet's report word for word, behind a header of its own and cut short (a bookmark or
まとめ page), is a copy of that report: one source, with the fuller report as the original. Two versions of one wire
story that share a sentence or two stay two reports."""

from __future__ import annotations

import pytest

from matome.language.analyze import Analyzer
from matome.records import AnalyzedArticle, Article, Origin
from matome.stories.duplicates import copy_groups
from matome.stories.reports import reports_of

REPORT = ("青葉市の市民球場で21日、県大会の決勝が行われ、青葉工業が緑ヶ丘を3対2で破って初優勝した。"
          "九回は二年生の森田投手がマウンドに上がり、最後の打者を空振り三振に仕留めた。"
          "青葉工業は五回に主将の本田選手の適時打で先制し、七回にも二点を加えた。"
          "緑ヶ丘は八回に二点を返したが、あと一歩及ばなかった。"
          "監督は試合後、選手たちの粘り強さをたたえ、全国大会での健闘を誓った。"
          "全国大会は来月、東都の球場で開かれる予定になっている。")
EXCERPT = ("<県大会決勝:青葉工業3-2緑ヶ丘>【写真】喜ぶ選手たち 青葉市の市民球場で21日、県大会の決勝が行われた。"
           "九回は二年生の森田投手がマウンドに上がり、最後の打者を空振り三振に仕留めた。"
           "青葉工業は五回に主将の本田選手の適時打で先制し、七回にも二点を加えた。"
           "緑ヶ丘は八回に二点を返したが、あと一歩及ばなかった。"
           "監督は試合後、選手たちの粘り")
UPDATE = ("青葉市の市民球場で21日、県大会の決勝が行われ、青葉工業が緑ヶ丘を3対2で破って初優勝した。"
          "九回は二年生の森田投手がマウンドに上がり、最後の打者を空振り三振に仕留めた。"
          "優勝を決めた後、選手たちは応援席に駆け寄り、地元の住民らと喜びを分かち合った。"
          "市は来週、優勝を祝う報告会を市役所で開くことを決め、市民の参加を呼びかけている。"
          "主将の本田選手は、全国大会でも自分たちの野球を貫きたいと話した。")


def _analysed(analyzer: Analyzer, site: str, body: str, n: int) -> AnalyzedArticle:
    return analyzer.analyze(Article(id=f"x{n}", origin=Origin("jsonl"), kind="article", site=site,
                                    title="青葉工業が初優勝", body=body, published="2026-07-21"))


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_an_excerpt_behind_a_header_is_a_copy_of_the_fuller_report(analyzer: Analyzer,
                                                                    order: tuple[int, int]) -> None:
    pages = [_analysed(analyzer, "sports.example", REPORT, 0), _analysed(analyzer, "bookmarks.example", EXCERPT, 1)]
    reports = [r for n in order for r in reports_of(pages[n])]
    (group,) = copy_groups(reports)
    assert [r.article for r in group] == ["x0", "x1"]


def test_versions_of_one_story_sharing_two_sentences_stay_apart(analyzer: Analyzer) -> None:
    pages = [_analysed(analyzer, "sports.example", REPORT, 0), _analysed(analyzer, "local.example", UPDATE, 2)]
    assert len(copy_groups([r for page in pages for r in reports_of(page)])) == 2
