"""Points across sources and where they differ, on the demo corpus: shared facts counted by source, real
differences only, and no line of a digest that asserts what the same digest disputes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from matome.language.analyze import Analyzer
from matome.records import AnalyzedArticle, Digest
from matome.stories.points import Aligned


def _talks(digests: list[Digest]) -> Digest:
    return next(d for d in digests if any("姉妹都市" in (c.title or "") for c in d.cards))


def test_a_fact_two_outlets_carry_is_one_point_with_both_sources(demo_digests: list[Digest]) -> None:
    talks = _talks(demo_digests)
    shared = [p for p in talks.points if len(p.sources) == 2]
    assert any("相互派遣を再開" in p.text for p in shared)
    assert {c.article for c in talks.cards} == {s for p in shared for s in p.sources}
    assert [len(p.sources) for p in talks.points] == sorted((len(p.sources) for p in talks.points), reverse=True)


def test_the_differing_duration_and_the_differing_speaker_are_found(demo_digests: list[Digest]) -> None:
    talks = _talks(demo_digests)
    kinds = {d.kind: d for d in talks.disagreements}
    assert {"number", "attribution"} <= set(kinds)
    assert {"1時間半" in s.content for s in kinds["number"].sides} == {True, False}
    speakers = {s.speaker or "" for s in kinds["attribution"].sides}
    assert any("森田" in s for s in speakers) and any("山本" in s for s in speakers)


def test_every_disagreement_has_two_sides_from_two_sources_or_a_denial_of_two_speakers(
        demo_digests: list[Digest]) -> None:
    for digest in demo_digests:
        for item in digest.disagreements:
            assert item.kind in {"number", "time", "date", "place", "attribution", "polarity", "claim"}
            assert len(item.sides) >= 2
            speakers = {s.speaker for s in item.sides}
            if item.kind == "claim" and None not in speakers:
                assert len(speakers) >= 2, item
            else:
                assert len({s.source for s in item.sides}) >= 2, item
                assert item.kind not in ("polarity", "attribution") or None in speakers or len(speakers) >= 2, item


def test_point_support_resolves_to_sentences_of_its_sources(demo_digests: list[Digest],
                                                             demo_articles: list[AnalyzedArticle]) -> None:
    sentences = {s.id for a in demo_articles for s in a.sentences}
    for digest in demo_digests:
        cards = {c.article for c in digest.cards}
        for point in digest.points:
            assert point.support and set(point.support) <= sentences
            assert set(point.sources) <= cards
            assert len(point.sources) == len(set(point.sources))


def test_no_conclusion_or_lead_line_asserts_what_the_digest_disputes(demo_digests: list[Digest]) -> None:
    for digest in demo_digests:
        disputed = {s for c in digest.checks for s in c.sentences}
        disputed |= {side.sentence for d in digest.disagreements for side in d.sides}
        for line in (*digest.conclusion, digest.lead):
            assert not disputed.intersection(line.support), (digest.title, line.text)


def test_the_timeline_dates_the_request_not_the_meeting_it_asks_for(demo_digests: list[Digest]) -> None:
    strike = next(d for d in demo_digests if "スト" in d.title and len(d.cards) > 2)
    assert not any("申し入れ" in entry.text and entry.date.endswith("-20") for entry in strike.timeline)
    assert all(len(d.conclusion) == 3 for d in demo_digests)


def test_a_story_keeps_its_id_when_a_later_report_joins(demo_digests: list[Digest],
                                                       demo_articles: list[AnalyzedArticle]) -> None:
    from matome.language.tokens import Tokenizer
    from matome.stories.digest import build_digests

    strike = next(d for d in demo_digests if "スト" in d.title and len(d.cards) > 2)
    latest = max((c for c in strike.cards if c.kind == "article"), key=lambda c: (c.published or "", c.article))
    fewer = build_digests([a for a in demo_articles if a.id != latest.article], Tokenizer())
    again = next(d for d in fewer if set(d.articles) == set(strike.articles) - {latest.article})
    assert again.id == strike.id
    assert {d.id for d in fewer} - {strike.id} <= {d.id for d in demo_digests}


def _differences(analyzer: Analyzer, first: str, second: str, second_day: str = "2025-05-20") -> set[str]:
    from matome.records import Article, Origin
    from matome.stories.disagreements import disagreements
    from matome.stories.points import align
    from matome.stories.reports import reports_of

    reports = []
    for n, (site, body, day) in enumerate((("east.example", first, "2025-05-20"), ("west.example", second, second_day))):
        article = Article(id=f"t{n}", origin=Origin("jsonl"), kind="article", site=site, title="首脳会談",
                          body=body, published=day)
        reports.extend(reports_of(analyzer.analyze(article)))
    aligned = align(reports, analyzer.tokenize)
    names = {s.id: r.outlet or "?" for r in reports for s in r.sentences}
    return {d.kind for d in disagreements(reports, aligned, lambda i: names.get(i, "?"), analyzer.tokenize)}


@pytest.mark.parametrize(
    ("first", "same_day", "later"),
    [  # a day apart under a foreign dateline is a time zone; a newspaper's own day is not the event's
        ("両国の首脳は5月20日、電話で会談し、港湾の共同運営に向けた協議を始めることで一致した。",
         "（ワシントン共同）両国の首脳は5月19日、電話で会談し、港湾の共同運営に向けた協議を始めることで一致した。",
         "両国の首脳は5月22日、電話で会談し、港湾の共同運営に向けた協議を始めることで一致した。"),
        ("8日、青葉市の駅前で市長が演説中に倒れ、病院に運ばれた。",
         "9日の青葉新聞によると、青葉市の駅前で市長が演説中に倒れ、病院に運ばれた。",
         "9日、青葉市の駅前で市長が演説中に倒れ、病院に運ばれた。"),
    ],
)
def test_a_day_that_is_not_the_events_own_is_not_a_discrepancy(analyzer: Analyzer, first: str, same_day: str,
                                                               later: str) -> None:
    assert "date" not in _differences(analyzer, first, same_day)
    assert "date" in _differences(analyzer, first, later, "2025-05-23")  # (told after the day it names)


def _aligned(analyzer: Analyzer, first: tuple[str, str], second: tuple[str, str]) -> bool:
    """Whether the first sentences of two outlets' reports (day, body) are aligned as one point."""
    from matome.records import Article, Origin
    from matome.stories.points import align
    from matome.stories.reports import reports_of

    reports = []
    for n, (site, (day, body)) in enumerate((("east.example", first), ("west.example", second))):
        article = Article(id=f"t{n}", origin=Origin("jsonl"), kind="article", site=site, title="バス事故",
                          body=body, published=day)
        reports.extend(reports_of(analyzer.analyze(article)))
    return any(len(group) == 2 for group in align(reports, analyzer.tokenize))


TOLL = "桜台市の県道で起きた路線バスと軽トラックの衝突事故で、乗客{}人が死亡し、県警が原因を調べている。"


@pytest.mark.parametrize(
    ("first", "second", "one_point"),
    [
        (("2025-05-20", TOLL.format(1)), ("2025-05-22", TOLL.format(3)), False),  # the toll rose: a newer fact
        (("2025-05-22", TOLL.format(3)), ("2025-05-20", TOLL.format(1)), False),
        (("2025-05-20", TOLL.format(3)), ("2025-05-22", TOLL.format(1)), True),  # it fell: accounts that differ
        (("2025-05-20", TOLL.format(1)), ("2025-05-20", TOLL.format(3)), True),  # one day: accounts that differ
        (("2025-05-20", TOLL.format(3)), ("2025-05-22", TOLL.format(3)), True),
    ],
)
def test_tolls_of_later_days_that_rose_are_not_one_point(analyzer: Analyzer, first: tuple[str, str],
                                                         second: tuple[str, str], one_point: bool) -> None:
    assert _aligned(analyzer, first, second) is one_point


CRASH = "20日{}、桜台市中央の県道で、路線バスと軽トラックが正面衝突した。"


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [  # ごろ, すぎ and 前 allow the minutes that round to the time as told: in fives, or a quarter hour by the hour
        ("午前11時25分ごろ", "午前11時半ごろ", True),
        ("午前11時ごろ", "午前11時すぎ", False),
        ("午前11時ごろ", "11時05分", False),
        ("午後3時", "15時", False),
        ("午後3時", "１５：００", False),
        ("午前11時", "23時", True),
        ("午前11時25分", "午前11時26分", True),
        ("午後5時47分ごろ", "午後5時50分ごろ", True),  # 47 is told to the minute, 50 may be rounded from 48 to 52
        ("午後1時13分ごろ", "午後1時15分ごろ", False),
        ("午後11時7分ごろ", "午後11時8分ごろ", True),
        ("午後11時5分ごろ", "午後11時7分頃", False),
        ("午後3時すぎ", "午後3時20分ごろ", False),  # すぎ and 前 reach further, on one side
        ("午後2時半すぎ", "午後2時35分ごろ", False),
        ("午後3時すぎ", "午後2時50分ごろ", True),
        ("正午ごろ", "12時頃", False),  # 正午 is 12時
        ("正午ごろ", "午後0時40分ごろ", True),
    ],
)
def test_two_times_of_day_for_one_crash_disagree_only_beyond_their_rounding(analyzer: Analyzer, first: str,
                                                                            second: str, differ: bool) -> None:
    assert ("time" in _differences(analyzer, CRASH.format(first), CRASH.format(second))) is differ


def test_times_of_day_of_different_days_or_of_different_events_do_not_disagree(analyzer: Analyzer) -> None:
    first, second = CRASH.format("午前11時25分ごろ"), CRASH.format("午前11時半ごろ")
    assert "time" not in _differences(analyzer, first, second.replace("20日", "21日"), second_day="2025-05-21")
    both = "桜台市の倉庫で午前5時ごろ出火し、3時間後の午前{}ごろにほぼ消し止められ、鎮火した。"
    one = "桜台市の倉庫で出火し、3時間後の午前{}ごろにほぼ消し止められ、鎮火した。"
    assert "time" not in _differences(analyzer, both.format("8時"), one.format("8時"))
    assert "time" in _differences(analyzer, both.format("8時"), one.format("9時"))
    # hours apart, two times are two happenings (the first quake and a second one), not two accounts of one
    assert "time" not in _differences(analyzer, CRASH.format("午後4時10分ごろ"), CRASH.format("午後11時5分ごろ"))


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [
        ("桜台は前半8分、森田がPGを決めて3点を先制した。", "桜台は前半7分、森田がPGを決めて3点を先制した。", True),
        ("青葉は後半9分、14分と桜台の森田にトライを許し、28-21と迫られた。",
         "青葉は後半15分にも桜台の森田にトライを許し、28-21と迫られた。", True),
        ("青葉は後半9分、14分と桜台の森田にトライを許し、28-21と迫られた。",
         "青葉は後半14分にも桜台の森田にトライを許し、28-21と迫られた。", False),
        ("桜台は約30分間、森田を中心に攻め続けた。", "桜台は約20分間、森田を中心に攻め続けた。", False),  # no match minute
    ],
)
def test_minutes_of_a_match_that_name_no_common_minute_disagree(analyzer: Analyzer, first: str, second: str,
                                                                differ: bool) -> None:
    assert ("time" in _differences(analyzer, first, second)) is differ


def test_the_day_of_a_telling_is_compared_only_with_days_of_telling(analyzer: Analyzer) -> None:
    told = "桜台市の山あいの土砂崩れで、市は{}日、住宅が流された地区で住民の男性を見つけたと明らかにした。"
    happened = "桜台市によると、3日午前6時ごろ桜台市の山あいで土砂崩れが発生し、住宅が流された地区で住民の男性を見つけた。"
    assert "date" not in _differences(analyzer, told.format(4), happened, second_day="2025-05-20")
    assert "date" in _differences(analyzer, told.format(4), told.format(6))


def test_the_day_a_plan_is_meant_for_is_not_a_discrepancy(analyzer: Analyzer) -> None:
    planned = "両首脳は{}日午後、桜台市の旅館で会談に臨みます。"
    held = "両首脳は{}日、桜台市の旅館で会談した。"
    assert "date" not in _differences(analyzer, planned.format(15), held.format(16))
    assert "date" in _differences(analyzer, held.format(15), held.format(16))


def test_each_reports_own_days_news_is_not_a_discrepancy(analyzer: Analyzer) -> None:
    search = "桜台山の噴火で、県警は{}日、山頂付近で登山者の捜索を続けた。"
    assert "date" not in _differences(analyzer, search.format(20), search.format(21), second_day="2025-05-21")
    assert "date" in _differences(analyzer, search.format(19), search.format(21), second_day="2025-05-21")
    found = "桜台山の噴火で、県警は{}日、山頂付近で{}登山者5人を見つけた。"
    assert "date" not in _differences(analyzer, found.format(20, ""), found.format(21, "新たに"),
                                      second_day="2025-05-22")


def test_the_days_a_fact_came_out_are_not_a_discrepancy(analyzer: Analyzer) -> None:
    learned = "桜台市の県道で路線バスの運転手が居眠りをしていたことが{}日、県警への取材で分かった。"
    assert "date" not in _differences(analyzer, learned.format(20), learned.format(21))
    happened = "桜台市の県道で路線バスの運転手が{}日、乗客を乗せたまま居眠りをしていた。"
    assert "date" in _differences(analyzer, happened.format(18), happened.format(19))


def test_days_of_different_steps_of_one_event_are_not_a_discrepancy(analyzer: Analyzer) -> None:
    voted = "桜台市長選は{}日に投票され、現職の田中一郎氏が新人2人を破って3選を果たした。"
    counted = "桜台市長選は{}日に開票され、現職の田中一郎氏が新人2人を破って3選を果たした。"
    assert "date" not in _differences(analyzer, voted.format(17), counted.format(18))
    assert "date" in _differences(analyzer, voted.format(17), voted.format(18))
    found = "桜台山の土砂崩れで、県警は{}日、安否不明だった男性を発見した。"
    searched = "桜台山の土砂崩れで、県警は{}日朝に捜索を再開し、安否不明だった男性を発見した。"
    assert "date" not in _differences(analyzer, found.format(18), searched.format(19))  # the day dates the search
    assert "date" in _differences(analyzer, found.format(18), found.format(19))
    toll = "桜台山の土砂崩れで、県警は{}日、安否不明だった2人を発見し、3人の死亡が確認された。"
    assert "date" not in _differences(analyzer, toll.format(20), toll.format(21))  # a toll is counted again each day


def test_counts_as_of_different_times_of_day_are_not_a_discrepancy(analyzer: Analyzer) -> None:
    fire = "桜台市の商店街で起きた火災で、住宅など約{}棟が{}焼けた。"
    assert "number" not in _differences(analyzer, fire.format(50, "午後2時半現在で"), fire.format(140, ""))
    assert "number" not in _differences(analyzer, fire.format(50, "午後2時半現在で"), fire.format(140, "午後8時現在で"))
    assert "number" in _differences(analyzer, fire.format(50, "午後8時現在で"), fire.format(140, "午後8時現在で"))
    from matome.stories.disagreements import _clock_times

    def _as_of(text: str) -> frozenset[int]:
        return _clock_times(text)[1]

    assert _as_of("約50棟が午後8時現在で焼けた") == _as_of("約140棟が２０時現在で焼けた") == {20 * 60}
    assert _as_of("24日午前0時現在、約50棟が焼けた") == {0}  # midnight is a time too
    assert "time" not in _differences(analyzer, fire.format(50, "午後2時半現在で"), fire.format(140, "午後8時現在で"))


def test_two_cities_for_one_meeting_are_a_place_discrepancy(analyzer: Analyzer) -> None:
    here = "両市の市長は5月20日、桜台市で会談し、港湾の共同運営に向けた協議を始めることで一致した。"
    there = "両市の市長は5月20日、青葉市で会談し、港湾の共同運営に向けた協議を始めることで一致した。"
    assert "place" in _differences(analyzer, here, there)
    assert not _differences(analyzer, here, here)


def test_a_city_and_the_same_city_with_its_prefecture_are_one_place(analyzer: Analyzer) -> None:
    here = "両市の市長は5月20日、桜台県青葉市で会談し、港湾の共同運営に向けた協議を始めることで一致した。"
    there = "両市の市長は5月20日、青葉市で会談し、港湾の共同運営に向けた協議を始めることで一致した。"
    assert "place" not in _differences(analyzer, here, there)
    from matome.stories.disagreements import _two_places

    assert _two_places("東大阪市", "大阪市") and not _two_places("北海道小樽市", "小樽市")


@pytest.mark.parametrize("frame", ["2日、青葉空港で旅客機と小型機が衝突した事故で、運輸安全委員会が管制の記録を公表した。",
                                   "2日、青葉沖で遊覧船が行方不明になった事故を受け、運航会社の社長が会見した。",
                                   "2日から健康被害の報告が相次いでいる問題で、製造元が製品の回収を発表した。"])
def test_the_day_of_the_accident_a_sentence_is_framed_by_does_not_date_its_report(analyzer: Analyzer,
                                                                                   frame: str) -> None:
    from matome.records import Article, Origin
    from matome.stories.digest import _timeline
    from matome.stories.reports import reports_of

    body = frame + "4日、委員会は機体の調査を始めた。"
    article = Article(id="t", origin=Origin("jsonl"), kind="article", site="east.example", title="衝突事故",
                      body=body, published="2025-05-04")
    entries = _timeline(reports_of(analyzer.analyze(article)), analyzer.tokenize)
    assert [(e.date, e.text[:3]) for e in entries] == [("2025-05-04", "4日、")]
    from matome.stories.digest import _dates_main_clause

    said = "首相は2日、補助金の問題について記者団に説明した。"
    assert _dates_main_clause(said, said.index("日") + 1, analyzer.tokenize)  # the 2nd is when he spoke


def _member(n: int, day: int, text: str) -> Aligned:
    """A point's sentence: sentence 1 of report n, of outlet n, of January `day` 2026."""
    from datetime import date

    from matome.records import Sentence
    from matome.stories.reports import Report

    sentence = Sentence(f"r{n}:1", text, "body")
    report = Report(f"r{n}", f"r{n}", "article", None, f"outlet{n}.example", None, date(2026, 1, day), (sentence,),
                    (), ())
    return Aligned(report, sentence, {})


def test_a_points_text_is_the_latest_days_tally() -> None:
    from matome.stories.points import _central

    group = [_member(1, 1, "地震で5人が死亡した。"), _member(2, 1, "地震で5人が死亡した。"), _member(3, 2, "地震で24人が死亡した。")]
    assert _central(group).text == "地震で24人が死亡した。"


def test_a_points_text_is_what_its_sentences_state_not_a_later_step_one_adds() -> None:
    from matome.stories.points import _central

    group = [_member(1, 1, "県警は桜台市の男を殺人未遂容疑で現行犯逮捕した。"),
             _member(2, 1, "県警は男を殺人未遂容疑で現行犯逮捕した。"),
             _member(3, 2, "県警は殺人未遂容疑で現行犯逮捕した桜台市の男を、殺人容疑に切り替えて捜査している。")]
    assert _central(group).text == "県警は男を殺人未遂容疑で現行犯逮捕した。"  # what all three carry, no more
    second_fact = [_member(1, 1, "桜台駅前で演説していた森田一郎氏が銃撃された。"),
                   _member(2, 1, "森田一郎氏が桜台駅前で演説中に銃撃された。"),
                   _member(3, 2, "桜台駅前で演説していた森田一郎氏が銃撃され、搬送先の病院で死亡が確認された。")]
    assert "死亡" not in _central(second_fact).text  # one source's second fact is not what the three state
    moved_on = [_member(1, 1, "桜台市の路上で男性が刺され、意識不明の重体となっている。"),
                _member(2, 1, "桜台市の路上で男性が刃物で刺され、意識不明の重体となっている。"),
                _member(3, 2, "桜台市の路上で男性が刺され、搬送先の病院で死亡した。")]
    assert _central(moved_on).text == "桜台市の路上で男性が刺され、搬送先の病院で死亡した。"  # a condition as it stands


def test_the_lead_is_the_point_the_ledes_state_not_a_setting_more_reports_repeat_lower_down() -> None:
    from matome.records import Point
    from matome.stories.digest import _lead

    setting = Point("桜台市長は再選を目指して立候補していた。", ("a:5", "b:4", "c:6"), ("a", "b", "c"))
    result = Point("桜台市長選は森田一郎氏が初当選した。", ("a:1", "b:1"), ("a", "b"))
    assert _lead((setting, result), (), set(), {"a:1", "b:1", "c:1"}).text == result.text
    assert _lead((setting, result), (), set(), set()).text == setting.text  # no lede: the most sources


def test_the_day_a_sentence_follows_on_from_does_not_date_it(analyzer: Analyzer) -> None:
    from matome.stories.digest import _dates_main_clause

    text = "県は桜台市の工場に、20日に続き21日も立ち入り検査をした。"
    assert not _dates_main_clause(text, text.index("20日") + 3, analyzer.tokenize)
    assert _dates_main_clause(text, text.index("21日") + 3, analyzer.tokenize)


def test_the_day_a_span_starts_from_does_not_date_the_sentence(analyzer: Analyzer) -> None:
    from matome.stories.digest import _dates_main_clause

    text = "14日から続く一連の地震で、これまでに12人が亡くなっている。"
    assert not _dates_main_clause(text, text.index("14日") + 3, analyzer.tokenize)
    text = "港は14日から、全面的に閉鎖された。"
    assert _dates_main_clause(text, text.index("14日") + 3, analyzer.tokenize)


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [  # the day a state began is compared only with another such day
        ("桜台港で12日から行方不明になっていた男性が、無事保護された。", "桜台港で行方不明になっていた男性が、15日に無事保護された。",
         False),
        ("桜台港で12日から行方不明になっていた男性が、無事保護された。", "桜台港で14日から行方不明になっていた男性が、無事保護された。",
         True),
        # a verbal noun that describes a noun is not what the day dates; a day after 一夜明け is a later step
        ("14日、震度7を観測した桜台地震を含め、震度6弱以上の地震は7回発生した。", "15日にも震度6強を観測するなど、桜台地震の揺れは続いた。", False),
        ("3日夕、桜台町で震度6弱の地震があった。", "桜台町で震度6弱を観測した地震から一夜明けた4日、町が被害状況を発表した。", False),
    ],
)
def test_days_of_a_state_or_of_a_described_event_are_compared_only_with_their_like(analyzer: Analyzer, first: str,
                                                                                   second: str, differ: bool) -> None:
    assert ("date" in _differences(analyzer, first, second)) is differ


def _dated_and_undated(analyzer: Analyzer, day: str, dated: str, undated: str) -> Digest:
    """The one story's digest of a report of `day` and an undated one, by two outlets."""
    from matome.records import Article, Origin
    from matome.stories.digest import build_digests

    articles = [Article(id=f"u{n}", origin=Origin("jsonl"), kind="article", site=site, title=f"桜台港の出来事{n}",
                        body=body, published=published)
                for n, (site, body, published) in enumerate((("east.example", dated, day),
                                                             ("west.example", undated, None)))]
    (digest,) = build_digests([analyzer.analyze(a) for a in articles], analyzer.tokenize)
    return digest


def test_an_undated_report_s_days_are_read_against_its_story(analyzer: Analyzer) -> None:
    digest = _dated_and_undated(analyzer, "2026-05-23", "22日午後、桜台港の倉庫から出火し、倉庫2棟が全焼した。",
                                "桜台港の倉庫から22日午後に出火し、倉庫2棟を全焼した。県警は24日、現場検証をした。")
    assert ("2026-05-24", "県警は24日、現場検証をした。") in {(e.date, e.text) for e in digest.timeline}


def test_sentences_of_other_days_are_one_point_only_when_they_say_the_same(analyzer: Analyzer) -> None:
    player = "桜台大学アメフト部の宮川選手が{}、都内で記者会見を開き、悪質な反則について謝罪した。"
    coach = "青葉学院大の鳥内監督は{}、記者会見を開き、桜台大学アメフト部の反則の説明に不信感を示した。"  # cosine 0.595
    assert _aligned(analyzer, ("2026-05-26", player.format("22日")), ("2026-05-26", coach.format("22日")))
    assert not _aligned(analyzer, ("2026-05-26", player.format("22日")), ("2026-05-26", coach.format("26日")))
    assert _aligned(analyzer, ("2026-05-26", player.format("22日")), ("2026-05-26", player.format("23日")))


def test_an_undated_report_that_names_a_later_day_outgrows_an_earlier_toll(analyzer: Analyzer) -> None:
    from matome.records import Article, Origin
    from matome.stories.digest import build_digests

    quake = "桜台地方で6日未明に起きた大地震で、桜台国の死者は{}人を超えた。救助活動が続いている。"
    first = Article(id="q0", origin=Origin("jsonl"), kind="article", site="east.example", title="桜台地震",
                    body=quake.format("1500"), published="2026-02-07")
    later = Article(id="q1", origin=Origin("jsonl"), kind="article", site="west.example", title="桜台地震 死者増える",
                    body="桜台国の首相は14日夜、6日の大地震による死者が3万5418人に達したと発表した。救助活動が続いている。",
                    published=None)
    (digest,) = build_digests([analyzer.analyze(first), analyzer.analyze(later)], analyzer.tokenize)
    assert digest.conclusion[0].text.startswith("桜台国の首相は14日夜")


def test_a_scrap_that_does_not_end_as_a_statement_is_no_conclusion() -> None:
    from matome.records import Point, SupportedLine
    from matome.stories.digest import _conclusion

    points = (Point("▽桜台国側では少なくとも3553人が死亡し、", ("a:1", "b:1"), ("a", "b")),
              Point("桜台国の首相は14日、死者が3万5418人に達したと発表した。", ("a:2", "b:2"), ("a", "b")),
              Point("救助活動は夜を徹して続いた。", ("a:3", "b:3"), ("a", "b")))
    lead = SupportedLine("桜台地方で6日未明、大地震が起きた。", ("a:0",))
    lines = [line.text for line in _conclusion(points, (), lead, set())]
    assert lines == ["桜台国の首相は14日、死者が3万5418人に達したと発表した。", "救助活動は夜を徹して続いた。",
                     "桜台地方で6日未明、大地震が起きた。"]


def _outlets_of_points(analyzer: Analyzer, bodies: dict[str, str], day: str) -> list[set[str]]:
    """The outlets of each point that one report by each site (site -> body) gives."""
    from matome.records import Article, Origin
    from matome.stories.points import align
    from matome.stories.reports import reports_of

    reports = [r for n, (site, body) in enumerate(bodies.items()) for r in reports_of(analyzer.analyze(
        Article(id=f"d{n}", origin=Origin("jsonl"), kind="article", site=site, title="事件", body=body,
                published=day)))]
    return [{m.report.outlet or "" for m in group} for group in align(reports, analyzer.tokenize)]


def test_a_third_sentence_does_not_bring_two_days_into_one_point(analyzer: Analyzer) -> None:
    bodies = {"east.example": "桜台大学アメフト部の宮川選手が22日、都内で記者会見を開き、悪質な反則について謝罪した。",
              "west.example": "青葉学院大の鳥内監督は26日、記者会見を開き、桜台大学アメフト部の反則の説明に不信感を示した。",
              "north.example": "桜台大学アメフト部の宮川選手の悪質な反則について、青葉学院大の鳥内監督が記者会見を開いた。"}
    for outlets in _outlets_of_points(analyzer, bodies, "2026-05-27"):  # the undated-in-text one joins one, not both
        assert outlets != set(bodies)


def test_a_sentence_like_a_points_first_sentence_but_not_its_others_stays_out(analyzer: Analyzer) -> None:
    bodies = {"east.example": "桜台市の県道で25日午前、路線バスが横転し、乗客5人がけがをした。",
              "north.example": "路線バスが横転し、乗客5人が軽いけがをした。",
              "west.example": "桜台市の県道で路線バスが横転した事故で、県警は25日午前、バスの運転手を過失運転致傷の疑いで逮捕した。"}
    # the arrest touches the crash; it states another fact
    assert _outlets_of_points(analyzer, bodies, "2026-05-25") == [{"east.example", "north.example"}]


def test_a_story_goes_by_a_newspaper_s_latest_headline_before_a_blog_s() -> None:
    from datetime import date

    from matome.stories.digest import headline

    day = date(2026, 5, 20)
    reports = [("article", day, "桜台港で倉庫火災"), ("blog", date(2026, 5, 22), "火災現場に行ってみた"),
               ("article", date(2026, 5, 21), "桜台港の倉庫火災、原因は漏電か"), ("page", date(2026, 5, 23), "まとめ")]
    assert headline(reports) == "桜台港の倉庫火災、原因は漏電か"
    assert headline([("blog", None, "火災現場に行ってみた"), ("page", day, "まとめ")]) == "火災現場に行ってみた"
    # a page titled with its dateline alone heads no story
    assert headline([("article", date(2026, 5, 21), "2026年5月21日 午後10時52分(日本時間)"), *reports[:1]]) \
        == "桜台港で倉庫火災"


def test_an_undated_report_carries_the_month_it_names_and_tells_tolls_only_as_of_days_near_its_story(
        analyzer: Analyzer) -> None:
    from datetime import date

    from matome.records import Article, Origin
    from matome.stories.digest import _as_of
    from matome.stories.reports import reports_of

    digest = _dated_and_undated(analyzer, "2019-07-23", "桜台港の港湾組合は6月19日に協定を結び、組合員を集めた。",
                                "桜台港の港湾組合は6月19日に協定を結んだ。同24日、組合員が集められた。")
    assert ("2019-06-24", "同24日、組合員が集められた。") in {(e.date, e.text) for e in digest.timeline}
    (recalled,) = reports_of(analyzer.analyze(Article(
        id="m2", origin=Origin("jsonl"), kind="article", site="north.example", title="桜台地震",
        body="2019年6月20日、死者は5人になった。2030年1月1日、新しい耐震基準が適用される。", published=None)))
    assert _as_of(recalled, (date(2019, 6, 1), date(2019, 7, 30))) == date(2019, 6, 20)  # not 2030, far off


def test_a_point_never_holds_the_tolls_of_two_days(analyzer: Analyzer) -> None:
    from datetime import date

    from matome.records import Sentence
    from matome.stories.points import align
    from matome.stories.reports import Report

    def report(n: int, outlet: str, day: date | None, text: str) -> Report:
        return Report(f"r{n}", f"r{n}", "article", None, outlet, None, day, (Sentence(f"r{n}:1", text, "body"),),
                      (), ())

    # the undated report may be aligned with either; the point it makes with the later one keeps the earlier out
    reports = [report(1, "east.example", date(2026, 2, 6), "桜台地方の大地震で、死者はあわせて500人を超えた。"),
               report(2, "west.example", None, "桜台地方の大地震で、死者はあわせて4万1000人を超えた。"),
               report(3, "north.example", date(2026, 2, 15), "桜台地方の大地震で、死者はあわせて4万1000人を超えた。")]
    groups = align(reports, analyzer.tokenize)
    assert [[m.report.id for m in group] for group in groups] == [["r2", "r3"]]


def test_a_time_a_count_runs_up_to_dates_no_event() -> None:
    from matome.stories.disagreements import _clock_times

    events, as_of = _clock_times("午後6時までに余震とみられる地震が計69回観測された。")
    assert events == {} and as_of == {18 * 60}


def test_a_report_that_tells_both_parties_positions_is_no_difference_between_accounts() -> None:
    from matome.records import Disagreement, Side
    from matome.stories.disagreements import _one_person, _real

    ruling = Side("桜台地裁", "規定は憲法に違反する", "east.example", "a:1")
    state = Side("国側", "規定は憲法に違反しない", "east.example", "a:2")
    assert not _real(Disagreement("規定は憲法に違反する", (ruling, state), "polarity"))
    assert _real(Disagreement("規定は憲法に違反する", (ruling, replace(state, source="west.example")), "polarity"))
    denial = Side("会社側", "これを否定", "east.example", "a:3")
    assert _real(Disagreement("規定は憲法に違反する", (ruling, denial), "claim"))
    assert _one_person("桜井", "桜井康夫") and not _one_person("桜井康夫", "森田")


def test_a_day_counted_from_an_undated_page_s_own_day_is_not_read(analyzer: Analyzer) -> None:
    digest = _dated_and_undated(analyzer, "2026-05-23", "22日午後、桜台港の倉庫から出火し、倉庫2棟が全焼した。",
                                "桜台港の倉庫から22日午後に出火した。県警は本日、現場検証をした。")
    assert "県警は本日、現場検証をした。" not in {e.text for e in digest.timeline}


@pytest.mark.parametrize(
    ("second", "differ"),
    [("桜台商事の森川健太郎(けんたろう)社長(59)が都内で会見を開いた。", True),
     ("桜台商事の森川健太郎社長(58)が都内で会見を開いた。", False),
     ("桜台商事の森川社長(59)が都内で会見を開いた。", False)],  # a surname alone may be his son
)
def test_a_person_s_age_that_two_sources_give_differently_is_a_number_that_differs(analyzer: Analyzer, second: str,
                                                                                   differ: bool) -> None:
    first = "桜台商事の森川健太郎社長(58)は22日、新製品の不具合について謝罪した。"
    assert ("number" in _differences(analyzer, first, second)) is differ


def test_a_step_told_with_its_time_does_not_contradict_the_state_before_it(analyzer: Analyzer) -> None:
    missing = "大雨の中で道路の見回りに出た桜台町の職員3人とは、連絡が取れていない。"
    assert "polarity" in _differences(analyzer, missing, "大雨の中で道路の見回りに出た桜台町の職員3人とは、連絡が取れた。")
    assert "polarity" not in _differences(analyzer, missing,
                                          "大雨の中で道路の見回りに出た桜台町の職員3人とは、6日朝に連絡が取れた。")


def test_a_day_after_the_report_told_as_past_is_doubted_and_left_out_of_the_timeline(analyzer: Analyzer) -> None:
    typo = _dated_and_undated(analyzer, "2026-05-28", "28日朝、桜台駅近くで男が刃物で通行人を襲った。",
                              "2026年7月28日朝、桜台駅近くで男が刃物で通行人を襲った。男はその場で逮捕された。")
    assert [c.code for c in typo.checks].count("date-after-report") == 1
    assert "2026-07-28" not in {e.date for e in typo.timeline}
    plan = _dated_and_undated(analyzer, "2026-05-28", "桜台楽団は28日、活動の休止を発表した。",
                              "桜台楽団は2026年12月31日をもって活動を休止すると発表した。")
    assert "date-after-report" not in {c.code for c in plan.checks}


def test_a_claim_and_its_negation_on_the_same_day_still_differ(analyzer: Analyzer) -> None:
    assert "polarity" in _differences(analyzer, "桜台国と青葉国の政府は22日、関税の交渉で合意した。",
                                      "桜台国と青葉国の政府は22日、関税の交渉で合意していない。")


def test_ages_far_apart_are_two_people_and_a_one_character_surname_is_no_one_s_prefix(analyzer: Analyzer) -> None:
    from matome.stories.disagreements import _one_person

    assert "number" not in _differences(analyzer, "桜台商事の森川健太郎会長(80)は22日、会見で謝罪した。",
                                        "桜台商事の森川健太郎社長(52)が22日、会見で謝罪した。")
    assert not _one_person("岸", "岸田") and _one_person("岸田", "岸田文雄")


def test_a_day_both_sentences_name_dates_their_times_though_the_reports_are_of_other_days(analyzer: Analyzer) -> None:
    first, second = CRASH.format("午前11時25分ごろ"), CRASH.format("午前11時半ごろ")
    assert "time" in _differences(analyzer, first, second, second_day="2025-05-22")  # a later report tells the 20th
    assert "time" not in _differences(analyzer, first, CRASH.format("午前11時半ごろ").replace("20日", ""),
                                      second_day="2025-05-22")


def test_a_count_of_new_ones_and_a_total_with_its_parts_are_not_other_accounts_of_a_total(analyzer: Analyzer) -> None:
    assert "number" not in _differences(analyzer, "桜台市の工場火災で、死者は計5人と拡大した。",
                                        "桜台市の工場火災で、新たな1人の死亡が確認され、計5人と拡大した。")
    vote = "桜台党の代表選で、1回目の投票は議員票と党員票の計{}票で争われた。"
    assert "number" not in _differences(analyzer, "桜台党の代表選で、1回目の投票で議員票が46票、党員票108票の計154票。",
                                        vote.format(736))
    assert "number" in _differences(analyzer, vote.format(736), vote.format(763))
    assert "number" in _differences(analyzer, "桜台市の工場火災で、従業員の計5人が死亡し、消防隊員1人が軽いけがをした。",
                                    "桜台市の工場火災で、従業員の計7人が死亡した。")  # an injury is no part of the dead
    assert "number" in _differences(analyzer, "桜台市の工場火災で、従業員3人が死亡し、さらに2人が意識不明の重体となっている。",
                                    "桜台市の工場火災で、従業員3人が死亡し、4人が意識不明の重体となっている。")  # さらに: besides


def test_an_undated_report_s_day_without_its_year_is_not_doubted(analyzer: Analyzer) -> None:
    digest = _dated_and_undated(analyzer, "2026-05-28", "28日朝、桜台駅近くで男が刃物で通行人を襲った。",
                                "7月28日朝、桜台駅近くで男が刃物で通行人を襲った。男はその場で逮捕された。")
    assert "date-after-report" not in {c.code for c in digest.checks}


def test_the_time_of_one_of_several_happenings_is_not_the_time_of_the_first(analyzer: Analyzer) -> None:
    main = "22日午後10時すぎ、桜台県北部を震源とする地震があり、桜台市で震度6弱の揺れを観測した。"
    assert "time" in _differences(analyzer, main, "22日午後10時40分ごろ、桜台県北部を震源とする地震があり、桜台市で震度6弱の揺れを観測した。")
    assert "time" not in _differences(analyzer, main, "その後も余震が相次ぎ、このうち22日午後10時40分ごろの地震では、桜台市で震度5弱の揺れを観測した。")


def test_an_undated_near_paraphrase_of_the_same_day_s_event_has_its_time_compared(analyzer: Analyzer) -> None:
    digest = _dated_and_undated(analyzer, "2026-03-27", "27日午前8時30分ごろ、桜台町のスキー場で雪崩が発生し、高校生らが巻き込まれた。",
                                "午前9時20分ごろ、桜台町のスキー場で雪崩が発生し、高校生らが巻き込まれた。")
    assert "time" in {d.kind for d in digest.disagreements}


def test_the_day_a_planned_span_starts_is_not_the_day_of_the_event(analyzer: Analyzer) -> None:
    call = "桜台市長は24日、夏祭りを約1年遅らせることで青葉市長と話がまとまった。"
    assert "date" not in _differences(analyzer, call,
                                      "桜台市長は7月24日から開催を予定している夏祭りを約1年遅らせることで青葉市長と話がまとまった。")


def test_a_count_of_some_of_them_does_not_stop_times_being_compared(analyzer: Analyzer) -> None:
    first = "22日午後3時ごろ、桜台市の県道で乗用車とトラックが衝突し、5人が病院に搬送された。"
    second = "22日午後4時ごろ、桜台市の県道で乗用車とトラックが衝突し、5人が病院に搬送され、このうち1人が重傷。"
    assert "time" in _differences(analyzer, first, second)


def test_a_re_arrest_is_a_later_step_not_another_day_for_the_arrest(analyzer: Analyzer) -> None:
    assert "date" not in _differences(analyzer, "桜台署から逃走していた男について、府警は29日夕、桜台市内で万引きの疑いで男を逮捕した。",
                                      "桜台署から逃走していた男について、府警は30日、桜台市内で万引きの疑いで前日に逮捕された男を再逮捕。")


def test_of_points_as_many_reports_carry_the_one_their_ledes_state_comes_first(analyzer: Analyzer) -> None:
    from matome.records import Article, Origin
    from matome.stories.points import align
    from matome.stories.reports import reports_of

    fire = "桜台市中町の木造アパートで23日未明に火事があり、住民の男性2人が煙を吸って病院に運ばれた。"
    bridge = "桜台市では先月、市役所前の歩道橋を架け替える工事が始まり、通行止めが来年まで続いている。"
    weather = "気象台によると、桜台市では今週は晴れる日が多く、空気が乾燥する見込みだという。"
    bodies = (("a.example", f"{weather}{bridge}"), ("b.example", f"{fire}{weather}{bridge}"),
              ("c.example", f"{fire}夜の町は静かだった。"))
    reports = []
    for name, (site, body) in zip(("a", "b", "c"), bodies, strict=True):  # a's ids sort first, its lede is no news
        article = Article(id=name, origin=Origin("jsonl"), kind="article", site=site, title="桜台の火事",
                          body=body, published="2026-05-23")
        reports.extend(reports_of(analyzer.analyze(article)))
    groups = align(reports, analyzer.tokenize)
    assert [len(g) for g in groups][:3] == [2, 2, 2]
    assert groups[0][0].sentence.text == fire


def test_two_points_of_one_fact_that_copies_began_are_one(analyzer: Analyzer) -> None:
    from matome.records import Article, Origin
    from matome.stories.points import align
    from matome.stories.reports import reports_of

    told = "桜台市中町の木造アパートで23日未明に火事があり、住民の男性2人が煙を吸って病院に運ばれた。"
    retold = "23日未明、桜台市中町の木造アパートから火が出て、住民の男性2人が煙を吸い病院に運ばれた。"
    reports = []
    for n, body in enumerate((told, told, retold, retold)):  # two pairs of copies, each a point before they meet
        article = Article(id=f"f{n}", origin=Origin("jsonl"), kind="article", site=f"s{n}.example",
                          title="桜台の火事", body=body, published="2026-05-23")
        reports.extend(reports_of(analyzer.analyze(article)))
    assert [len(g) for g in align(reports, analyzer.tokenize)] == [4]


def test_a_day_after_the_report_s_own_is_a_schedule_not_the_day_it_happened(analyzer: Analyzer) -> None:
    announced = "桜台国の大統領は18日、青葉国からの輸入品にかける関税を25%から15%に引き下げると発表した。"
    scheduled = "桜台国が青葉国からの輸入品にかける関税は来月1日から、25%から15%に引き下がることになった。"
    assert "date" not in _differences(analyzer, announced, scheduled, "2025-05-20")
    assert "date" in _differences(analyzer, announced, announced.replace("18日", "15日"), "2025-05-20")
    resigns = "桜台市の森田一郎市長は{}日付で辞職する。"
    assert "date" in _differences(analyzer, resigns.format(21), resigns.format(25), "2025-05-20")  # two days to come


def test_two_quotes_of_one_speaker_are_two_points_and_one_quote_is_one(analyzer: Analyzer) -> None:
    said = "桜台市の森田一郎市長は28日の記者会見で、{}について「{}」と{}。"
    harbour = said.format("港湾再開発", "市民の理解を得て進めたい", "述べた")
    assert not _aligned(analyzer, ("2026-05-28", harbour),
                        ("2026-05-28", said.format("市の財政", "立て直しが最優先だ", "語った")))
    assert _aligned(analyzer, ("2026-05-28", harbour),
                    ("2026-05-28", said.format("港湾再開発", "市民の理解を得ながら進めたい", "話した")))


@pytest.mark.parametrize("question", ["――桜台市の港湾再開発の見通しは。", "──桜台市の港湾再開発の見通しは。",
                                      "Ｑ：桜台市の港湾再開発の見通しはどうですか。"])
def test_an_interviewer_s_question_is_no_point(analyzer: Analyzer, question: str) -> None:
    assert not _aligned(analyzer, ("2026-05-28", question),
                        ("2026-05-28", "桜台市の港湾再開発の見通しについて、森田一郎市長は来年度に着工すると説明した。"))


def test_the_same_act_of_two_officials_is_two_points(analyzer: Analyzer) -> None:
    said = "{}は28日、任期途中で辞職する意向を明らかにした。"
    assert not _aligned(analyzer, ("2026-05-28", said.format("桜台市の森田一郎市長")),
                        ("2026-05-28", said.format("青葉町の山田花子町長")))


@pytest.mark.parametrize(
    ("second", "differ"),
    [
        ("会談は少人数会合と全体会合を合わせて約1時間半行われた。", True),
        ("会談は、一時間二十五分間だった。", True),
        ("80分を超える会談を終え、両首脳は共同会見に臨んだ。", True),
        ("会談は約1時間10分にわたった。", False),  # within the other's rounding
        ("両首脳は29日にも電話で会談し、会談は約1時間半続いた。", False),  # another day's meeting
        ("相手の首脳の到着が遅れ、会談は予定より約2時間遅れで始まった。", False),  # a delay, not a length
        ("相手の首脳は当初予定より2時間40分遅れて会談場所の旅館に到着した。", False),
    ],
)
def test_how_long_a_meeting_lasted_differs_only_beyond_rounding(analyzer: Analyzer, second: str, differ: bool) -> None:
    kinds = _differences(analyzer, "両国の首脳は20日、都内で会談した。会談は約1時間にのぼった。",
                         f"両国の首脳は20日、東京で会った。{second}")
    assert ("number" in kinds) == differ


def test_a_sum_told_without_its_sen_and_a_record_of_another_year_are_no_discrepancy(analyzer: Analyzer) -> None:
    with_sen = "桜台市場の株価の下げ幅は4451円28銭となり、1987年に記録した3836円を超え、史上最大となった。"
    assert "number" not in _differences(analyzer, with_sen,
                                        "桜台市場の株価の下げ幅は、1987年に記録した3836円48銭を超え、史上最大。")
    assert "number" in _differences(analyzer, "桜台市場の株価の終値の下げ幅は1234円56銭となり、過去最大となった。",
                                    "桜台市場の株価の終値の下げ幅は1200円となり、過去最大となった。")
    assert "date" not in _differences(analyzer, "桜台市場の株価の下げ幅は、1987年10月20日の記録を超え、過去最大となった。",
                                      "桜台市場の株価の20日の下げ幅は過去の記録を超え、過去最大となった。")


@pytest.mark.parametrize(
    ("second", "kinds"),
    [
        ("桜台銀行は18日、政策金利を0.5%引き上げることを決めた。", set()),  # another day and rate: another decision
        ("桜台銀行は18日、政策金利を0.25%引き上げることを決めた。", {"date"}),
        ("桜台銀行は17日、政策金利を0.5%引き上げることを決めた。", {"number"}),
    ],
)
def test_another_day_and_another_count_at_once_are_another_happening(analyzer: Analyzer, second: str,
                                                                     kinds: set[str]) -> None:
    assert _differences(analyzer, "桜台銀行は17日、政策金利を0.25%引き上げることを決めた。", second) == kinds


def test_when_the_event_happened_is_compared_across_ledes_that_were_not_aligned(analyzer: Analyzer) -> None:
    first = "20日午後5時47分ごろ、桜台市中央の県道で路線バスと軽トラックが衝突した。"
    second = "桜台市の交差点で20日午後5時50分ごろ、帰宅客ら30人を乗せた路線バスが乗用車と衝突し、乗客が病院に運ばれた。"
    assert "time" in _differences(analyzer, first, second)
    assert "time" not in _differences(analyzer, first, second.replace("20日", "21日"))  # another day: another crash
    assert "time" not in _differences(analyzer, first, "（ワシントン共同）" + second)  # another time zone


def test_sentences_that_share_only_their_story_s_own_terms_are_no_point(analyzer: Analyzer) -> None:
    from matome.records import Article, Origin
    from matome.stories.points import align
    from matome.stories.reports import reports_of

    lede = "桜台山の噴火で、青葉県警は28日、山頂付近に取り残された登山者の捜索を続けた。"
    halted = "桜台山の山頂付近では、噴火に巻き込まれた登山者の捜索が有毒ガスのため午後に打ち切られた。"
    hard = "山頂付近では火山灰が降り積もり、登山者の捜索は難航している。"  # the search again, but another fact
    reports = []
    for n, more in enumerate((halted, "気象庁は桜台山の噴火警戒レベルを3に引き上げた。", "ふもとの町は避難所を開いた。", hard)):
        article = Article(id=f"v{n}", origin=Origin("jsonl"), kind="article", site=f"s{n}.example",
                          title="桜台山の噴火", body=lede + more, published="2026-05-28")
        reports.extend(reports_of(analyzer.analyze(article)))

    def sizes(by_story: bool) -> list[int]:
        return [len(group) for group in align(reports, analyzer.tokenize, by_story=by_story)]

    assert sizes(by_story=True) == [4]  # the lede, which every report tells
    assert sizes(by_story=False) == [4, 2]  # weighed by the background alone, the search's two states meet


def test_a_sentence_that_takes_the_fact_as_given_does_not_state_it(analyzer: Analyzer) -> None:
    arrest = "桜台署は3日、桜台市の会社員森田一郎容疑者(41)を傷害の疑いで逮捕した。"
    retold = "桜台署は3日、傷害の疑いで桜台市の会社員森田一郎容疑者(41)を逮捕した。"
    given = "傷害の疑いで桜台署に3日逮捕された桜台市の会社員森田一郎容疑者(41)の自宅から、包丁が見つかった。"
    assert _aligned(analyzer, ("2026-05-03", arrest), ("2026-05-03", retold))
    assert not _aligned(analyzer, ("2026-05-03", arrest), ("2026-05-03", given))  # the arrest is only its premise
