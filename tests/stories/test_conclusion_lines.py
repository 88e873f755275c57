"""The lead and the 💡 lines say where a story stands: a toll that a later day's report gives higher is where it
stood (the older sentence stays in its card and points, but neither the lead nor a 💡 line states the toll from it),
and what a source said was to come comes after what happened."""

from __future__ import annotations

from matome.language.analyze import Analyzer
from matome.records import Article, Origin
from matome.stories.digest import build_digests

FIRST = ("青葉市の山中で2日午後、観光バスが谷に転落した。乗客1人が死亡し、10人がけがをした。"
         "県警が事故の原因を調べている。")
LATER = ("青葉市の山中で観光バスが谷に転落した事故で、死者は4人に増えた。けが人は10人で、県警が事故の原因を調べている。"
         "運転手は当時の状況を説明している。")


def test_the_lead_and_conclusion_do_not_state_a_toll_a_later_report_raised(analyzer: Analyzer) -> None:
    articles = [analyzer.analyze(Article(id=f"t{n}", origin=Origin("jsonl"), kind="article", site=site,
                                         title="観光バスが転落", body=body, published=day))
                for n, (site, body, day) in enumerate((("east.example", FIRST, "2026-07-02"),
                                                        ("west.example", LATER, "2026-07-04")))]
    stale = next(s.id for s in articles[0].sentences if "1人が死亡" in s.text)
    (digest,) = build_digests(articles, analyzer.tokenize)
    assert stale in {s for card in digest.cards for line in card.summary for s in line.support}
    assert stale not in digest.lead.support
    assert all(stale not in line.support for line in digest.conclusion)


def test_a_plan_comes_after_what_happened_in_the_conclusion() -> None:
    from matome.records import Card, Point, SupportedLine
    from matome.stories.digest import _conclusion

    plan = Point("県は5日に現地を調べる予定だ。", ("a:2", "b:3"), ("a", "b"))
    happened = Point("県道が約200メートルにわたって崩れた。", ("a:3", "b:2"), ("a", "b"))
    card = Card("a", "県道崩落", "east.example", "2026-07-04", None,
                (SupportedLine("4日未明、山あいの県道が崩れた。", ("a:1",)), SupportedLine("けが人はいない。", ("a:4",))))
    lead = SupportedLine("4日未明、山あいの県道が崩れた。", ("a:1",))
    lines = _conclusion((plan, happened), (card,), lead, set())
    assert [line.text for line in lines][:2] == ["県道が約200メートルにわたって崩れた。", "けが人はいない。"]
    assert lines[-1].text == "県は5日に現地を調べる予定だ。"


def test_a_line_that_does_not_end_as_a_statement_is_a_poor_summary_line(analyzer: Analyzer) -> None:
    from matome.stories.reports import reports_of
    from matome.stories.summary import summarize

    body = ("2026.7.1〜2026.7.14 NEWS HEADLINE<今週の写真>\n"
            "青葉市の山中で2日午後、観光バスが谷に転落した。\n乗客1人が死亡し、10人がけがをした。\n"
            "長野県警は3日、運転手から事情を聴いた。\n(7月2日のブログ参照)")
    article = analyzer.analyze(Article(id="s0", origin=Origin("jsonl"), kind="article", site="blog.example",
                                       title="観光バスが転落", body=body, published="2026-07-02"))
    (report,) = reports_of(article)
    lines = [line.text for line in summarize(report)]
    assert lines == ["青葉市の山中で2日午後、観光バスが谷に転落した。", "乗客1人が死亡し、10人がけがをした。",
                     "長野県警は3日、運転手から事情を聴いた。"]
