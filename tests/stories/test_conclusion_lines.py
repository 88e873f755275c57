"""The lead and the 💡 lines say where a story stands: a toll that a later day's report gives higher is where it
stood (the older sentence stays in its card and points, but neither the lead nor a 💡 line states the toll from it),
where a toll that rose stands is the first 💡 line, and what a source said was to come comes after what
happened."""

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
    standing = next(s.id for s in articles[1].sentences if "死者は4人" in s.text)
    assert standing in {*digest.lead.support, *digest.conclusion[0].support}  # where the toll stands comes first


def test_a_toll_that_never_rose_adds_no_line_of_its_own(analyzer: Analyzer) -> None:
    again = LATER.replace("死者は4人に増えた", "乗客1人が死亡した")
    articles = [analyzer.analyze(Article(id=f"t{n}", origin=Origin("jsonl"), kind="article", site=site,
                                         title="観光バスが転落", body=body, published=day))
                for n, (site, body, day) in enumerate((("east.example", FIRST, "2026-07-02"),
                                                        ("west.example", again, "2026-07-04")))]
    from matome.stories.digest import _standing_toll, _toll_statements
    from matome.stories.reports import reports_of

    assert _standing_toll(_toll_statements([r for a in articles for r in reports_of(a)]), set(), set()) is None


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


def test_a_sentence_that_introduces_what_follows_is_no_summary_line_nor_point(analyzer: Analyzer) -> None:
    from matome.stories.points import align
    from matome.stories.reports import reports_of
    from matome.stories.summary import summarize

    reports = []
    for n, site in enumerate(("east.example", "west.example")):
        body = ("桜台地裁前から報告です。\n桜台地裁は15日、森田一郎被告に懲役10年の判決を言い渡した。\n"
                f"判決の主な内容は次の通り。\n裁判長は「責任は重い」と述べた。{'' if n else '被告は控訴する方針だ。'}")
        article = analyzer.analyze(Article(id=f"i{n}", origin=Origin("jsonl"), kind="article", site=site,
                                           title="判決", body=body, published="2026-07-15"))
        reports.extend(reports_of(article))
    assert all("報告です" not in line.text and "次の通り" not in line.text for line in summarize(reports[0]))
    aligned = [m.sentence.text for group in align(reports, analyzer.tokenize) for m in group]
    assert aligned and not any("報告です" in text or "次の通り" in text for text in aligned)


def test_the_standing_toll_is_the_latest_days_highest(analyzer: Analyzer) -> None:
    from matome.stories.digest import _stale_tallies, _standing_toll, _toll_statements
    from matome.stories.reports import reports_of

    third = "青葉市のバス転落事故で、県警は6日、死者が6人になったと発表した。重傷者のうち1人は回復に向かっている。"
    bodies = (("east.example", FIRST, "2026-07-02"), ("west.example", LATER, "2026-07-04"),
              ("north.example", third, "2026-07-06"), ("south.example", LATER, "2026-07-06"))
    articles = [analyzer.analyze(Article(id=f"t{n}", origin=Origin("jsonl"), kind="article", site=site,
                                         title="観光バスが転落", body=body, published=day))
                for n, (site, body, day) in enumerate(bodies)]
    reports = [r for a in articles for r in reports_of(a)]
    tolls = _toll_statements(reports)
    stale = _stale_tallies(tolls)
    standing = _standing_toll(tolls, stale, stale)
    assert standing is not None and "死者が6人" in standing.text and standing.support[0].startswith("t2:")


def test_a_past_disasters_toll_and_a_period_that_may_run_on_do_not_set_where_the_toll_stands(
        analyzer: Analyzer) -> None:
    from matome.stories.digest import _days_read_in_story, _stale_tallies, _standing_toll, _toll_statements
    from matome.stories.reports import reports_of

    recalled = LATER + "1998年には同じ峠で別のバスが転落し、乗客12人が死亡した。"
    undated = ("青葉市の山中で2日午後、観光バスが谷に転落し、乗客1人が死亡した。"
               "県は7月10日までを安全運転の強化期間と定めた。")
    bodies = (("east.example", FIRST, "2026-07-02"), ("west.example", recalled, "2026-07-04"),
              ("north.example", undated, None))
    articles = [analyzer.analyze(Article(id=f"t{n}", origin=Origin("jsonl"), kind="article", site=site,
                                         title="観光バスが転落", body=body, published=day))
                for n, (site, body, day) in enumerate(bodies)]
    tolls = _toll_statements(_days_read_in_story([r for a in articles for r in reports_of(a)]))
    assert not any("1998年" in sentence.text for _, sentence, _ in tolls)
    assert {day.isoformat() for day, sentence, _ in tolls if sentence.id.startswith("t2:")} == {"2026-07-02"}
    stale = _stale_tallies(tolls)
    standing = _standing_toll(tolls, stale, stale)
    assert standing is not None and "死者は4人" in standing.text


def test_the_conclusion_tells_a_toll_once() -> None:
    from matome.records import Card, Point, SupportedLine
    from matome.stories.digest import _conclusion

    points = (Point("県警によると、乗客4人が死亡した。", ("a:1", "b:1", "c:1"), ("a", "b", "c")),
              Point("消防によると、乗客3人が死亡した。", ("a:2", "d:1"), ("a", "d")),
              Point("運転手は当時の状況を説明している。", ("b:2", "c:2"), ("b", "c")))
    card = Card("a", "バス転落", "east.example", "2026-07-04", None, (SupportedLine("峠でバスが転落した。", ("a:3",)),))
    lines = [line.text for line in _conclusion(points, (card,), SupportedLine("峠でバスが転落した。", ("a:3",)), set())]
    assert "県警によると、乗客4人が死亡した。" in lines and "消防によると、乗客3人が死亡した。" not in lines


def test_a_line_keeps_a_word_that_only_looks_like_a_connective() -> None:
    from matome.stories.summary import trim

    assert trim("一方の森田大統領がホテルを出発したのは予定より50分遅れの10時30分。").startswith("一方の森田大統領")
    assert trim("一方、森田大統領は予定より50分遅れてホテルを出発した。").startswith("森田大統領")


def test_a_long_line_that_opens_on_its_case_keeps_what_it_tells_of_the_case() -> None:
    from matome.stories.summary import MAX_CHARS, trim

    case = "青葉市の県道で2日未明、スキーツアーの大型バス(乗客・乗員計41人)が道路脇の斜面に転落し、乗客14人が死亡した事故で、"
    told = "県警は3日朝、ツアーを企画した東京都内の旅行会社の本社と運転手の自宅を過失運転致死傷の疑いで家宅捜索した。"
    assert len(case + told) > MAX_CHARS
    assert trim(case + told, case=True) == told  # not the case, cut before the search it frames
    assert trim(case + told).startswith(case)  # a side or a title keeps the opening, whose words it may differ in
    assert trim("事故で、県警は調べている。", case=True) == "事故で、県警は調べている。"  # short lines stay whole
    spoken = "桜台航空は3日、青葉空港で2日夕方に起きた小型機との衝突事故で、" + told
    assert trim(spoken, case=True).startswith("桜台航空は3日")  # who tells it is in the opening
