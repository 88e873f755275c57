"""Clustering holds at corpus scale: a chain of near-identical reports never grows a story past its time bound, and
generic words alone never join two reports."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from matome.language.analyze import Analyzer
from matome.records import Sentence
from matome.stories.cluster import (
    MAX_SPAN_DAYS,
    OTHER_OUTLET,
    THRESHOLD,
    DraftStory,
    MemoryShelf,
    cluster,
    cluster_vectors,
)
from matome.stories.reports import Report

NONE: frozenset[int] = frozenset()  # no day named: a dated report, or an undated one that names none


def _report(n: int, text: str, day: date | None) -> Report:
    return Report(f"r{n}", f"r{n}", "article", text[:20], "outlet", None, day, (Sentence(f"r{n}:1", text, "body"),),
                  (), ())


def test_a_daily_chain_of_one_topic_is_cut_into_stories_within_the_bound(analyzer: Analyzer) -> None:
    text = "湊川港の港湾労働組合がストライキを続け、コンテナ搬出が止まっている。組合は夜間作業手当の増額を求める。"
    start = date(2026, 10, 1)
    reports = [_report(n, text, start + timedelta(days=n)) for n in range(40)]
    stories = cluster(reports, analyzer.tokenize)
    assert len(stories) >= 3
    for story in stories:
        days = [r.day for r in story if r.day]
        assert max(days) - min(days) <= timedelta(days=MAX_SPAN_DAYS)


def test_undated_reports_join_the_story_they_belong_to(analyzer: Analyzer) -> None:
    text = "桜台市の新しい市立図書館が駅前に開館し、初日に約3000人が訪れた。蔵書は約20万冊。"
    reports = [_report(0, text, date(2026, 11, 10)), _report(1, text, None)]
    assert [[r.id for r in s] for s in cluster(reports, analyzer.tokenize)] == [["r0", "r1"]]


def test_generic_words_alone_do_not_join_two_reports(analyzer: Analyzer) -> None:
    first = "日本の企業が新しいサービスを発表した。利用者は今後さらに増える見通しだ。"
    second = "日本の企業が新しい製品を発表した。担当者は今後の展開に期待を示した。"
    stories = cluster([_report(0, first, date(2026, 5, 1)), _report(1, second, date(2026, 5, 2))], analyzer.tokenize)
    assert len(stories) == 2


def test_a_report_of_another_outlet_joins_on_less_likeness_than_one_of_the_same_outlet() -> None:
    vectors = [{"桜台港湾協定": 0.6, "共同運営": 0.8}, {"桜台港湾協定": 0.5, "署名式典": 0.866}]
    assert OTHER_OUTLET < 0.6 * 0.5 < THRESHOLD  # the two reports' cosine lies between the two thresholds
    day = date(2026, 5, 20)
    for second, stories in (("west.example", [[0, 1]]), ("east.example", [[0], [1]])):
        found = cluster_vectors([(day, "a", "east.example", NONE), (day, "b", second, NONE)], lambda n: vectors[n])
        assert found == stories


def test_two_stories_a_later_report_shows_to_be_one_event_are_merged_by_the_rule_a_report_joins_by() -> None:
    # an arrest and the company's press conference that night start two stories; a third report carries both
    vectors = [{"桜台港湾会長逮捕": 1.0}, {"桜台港湾記者会見": 1.0}, {"桜台港湾会長逮捕": 0.6, "桜台港湾記者会見": 0.8}]
    merged = 0.6 / (1.8**2 + 0.6**2) ** 0.5  # the first story against the second once the third report joined it
    assert OTHER_OUTLET < merged < THRESHOLD
    day = date(2026, 5, 20)
    for first, stories in (("north.example", [[0, 1, 2]]), ("east.example", [[0], [1, 2]])):
        reports = [(day, "a", first, NONE), (day, "b", "east.example", NONE), (day, "c", "west.example", NONE)]
        assert cluster_vectors(reports, lambda n: vectors[n]) == stories  # one outlet in both: THRESHOLD applies


def test_an_undated_report_does_not_merge_stories_too_far_apart_in_time() -> None:
    vectors = [{"桜台港湾会長逮捕": 1.0}, {"桜台港湾記者会見": 1.0}, {"桜台港湾会長逮捕": 0.6, "桜台港湾記者会見": 0.8}]
    reports = [(date(2026, 5, 1), "a", "north.example", NONE), (date(2026, 5, 12), "b", "east.example", NONE),
               (None, "c", "west.example", NONE)]  # undated: compared with both stories, whatever their days
    assert cluster_vectors(reports, lambda n: vectors[n]) == [[0], [1, 2]]


def test_an_undated_look_alike_that_names_another_day_starts_its_own_story(analyzer: Analyzer) -> None:
    quake = "{}、桜台灘を震源とする地震があり、桜台県南部で震度6弱の揺れを観測した。気象庁は臨時情報を発表した。"
    from matome.records import Article, Origin
    from matome.stories.reports import reports_of

    told = (("8日午後4時43分ごろ", "2026-08-08"), ("8日午後4時45分ごろ", "2026-08-08"),
            ("24日午後9時19分ごろ", None),  # the next quake, months later: an undated page names its own day
            ("8日午後4時43分ごろ", None))  # an undated page of the same quake
    analyzed = [r for n, (when, day) in enumerate(told) for r in reports_of(analyzer.analyze(Article(
        id=f"q{n}", origin=Origin("jsonl"), kind="article", site=f"s{n}.example", title="地震",
        body=quake.format(when), published=day)))]
    assert [r.named_days for r in analyzed] == [frozenset(), frozenset(), frozenset({24}), frozenset({8})]
    stories = cluster_vectors([(r.day, r.id, r.outlet, r.named_days) for r in analyzed],
                              lambda n: {"桜台灘": 1.0})
    assert stories == [[0, 1, 3], [2]]


def test_reports_of_no_known_outlet_merge_only_at_the_higher_bar() -> None:
    vectors = [{"桜台港湾協定": 0.6, "共同運営": 0.8}, {"桜台港湾協定": 0.5, "署名式典": 0.866}]
    day = date(2026, 5, 20)
    assert cluster_vectors([(day, "a", None, NONE), (day, "b", None, NONE)], lambda n: vectors[n]) == [[0], [1]]


def _vectors(count: int) -> list[dict[str, float]]:
    """Report n's vector: one rare anchor of its own pair (reports 2k and 2k+1 alike), nothing shared otherwise."""
    return [{f"桜台第{n // 2}号協定": 1.0} for n in range(count)]


class _CountingShelf(MemoryShelf):
    def __init__(self) -> None:
        super().__init__()
        self.shelved: list[int] = []

    def put(self, story: DraftStory) -> None:
        self.shelved.append(story.number)
        super().put(story)


def test_stories_out_of_reach_leave_memory_and_an_undated_report_still_joins_one_of_them() -> None:
    start = date(2026, 1, 1)
    vectors = _vectors(8)
    days: list[date | None] = [start + timedelta(days=30 * (n // 2)) for n in range(7)] + [None]
    reports = [(day, f"r{n}", "outlet", NONE) for n, day in enumerate(days)]
    vectors[7] = vectors[0]  # the undated report is like the first story, shelved months before
    shelf = _CountingShelf()
    stories = cluster_vectors(reports, lambda n: vectors[n], shelf=shelf)
    assert stories == [[0, 1, 7], [2, 3], [4, 5], [6]]
    assert shelf.shelved == [0, 1, 2]  # each as soon as a report's day lies past its reach
    assert 0 not in shelf.stories  # taken back off the shelf when the undated report joined it


def test_without_undated_reports_nothing_is_shelved() -> None:
    start = date(2026, 1, 1)
    vectors = _vectors(6)
    reports = [(start + timedelta(days=30 * (n // 2)), f"r{n}", "outlet", NONE) for n in range(6)]
    shelf = _CountingShelf()
    assert cluster_vectors(reports, lambda n: vectors[n], shelf=shelf) == [[0, 1], [2, 3], [4, 5]]
    assert shelf.shelved == []


def test_a_shelved_story_comes_back_as_it_was() -> None:
    story = DraftStory(3, [1, 2], Counter({"桜台第1号協定": 1.5}), [date(2026, 1, 2)], {"桜台第1号協定"}, {"outlet"})
    again = DraftStory.from_state(3, story.members, story.state())
    assert again == story
