"""Viewpoints (groups named by key words, no catch-all), the stance on an article's main actors, and a thread of
real one-line sentences."""

from __future__ import annotations

import sys

import pytest
from tests.conftest import ROOT, SHARED, need

from matome.comments.digest import actor_stance, digest_comments, main_actors
from matome.comments.viewpoints import find_viewpoints
from matome.language.tokens import Tokenizer
from matome.records import Article, Comment, Origin

FARES = ["バスの運賃値上げは家計に響く", "運賃の値上げで通学の負担が増える", "値上げした運賃に見合うサービスがない",
         "運賃値上げより先に経営の無駄を削れ"]
STOPS = ["停留所の屋根を早く直してほしい", "雨の日は停留所の屋根がないと困る", "停留所にベンチと屋根を付けてほしい",
         "屋根のない停留所で待つのはつらい"]
DRIVERS = ["運転手の人手不足が深刻らしい", "運転手の給料を上げないと人手不足は続く", "人手不足で運転手の休みが取れない",
           "運転手を増やさないと減便になる"]
STRAYS = ["昨日の野球の試合は面白かった", "新しい喫茶店のケーキが美味しい", "週末は山に登る予定だ"]


@pytest.fixture(scope="module")
def tokenize() -> Tokenizer:
    return Tokenizer()


def _comments(texts: list[str]) -> list[Comment]:
    return [Comment(f"c{n}", text) for n, text in enumerate(texts, 1)]


def test_viewpoints_group_what_comments_argue_and_leave_strays_out(tokenize: Tokenizer) -> None:
    comments = _comments([*FARES, *STRAYS[:1], *STOPS, *STRAYS[1:], *DRIVERS])
    viewpoints = find_viewpoints(comments, {c.id: tokenize(c.text) for c in comments})
    by_text = {c.id: c.text for c in comments}
    groups = sorted(sorted(by_text[i] for i in v.comments) for v in viewpoints)
    assert groups == sorted([sorted(FARES), sorted(STOPS), sorted(DRIVERS)])
    labels = {v.label for v in viewpoints}
    assert any("運賃" in label for label in labels) and any("屋根" in label or "停留所" in label for label in labels)
    assert all(v.key_words and v.example in by_text.values() for v in viewpoints)


def test_the_digest_names_each_viewpoint_by_its_key_words_with_counts(tokenize: Tokenizer) -> None:
    comments = tuple(_comments([*FARES, *STOPS, *DRIVERS]))
    digest = digest_comments(comments, {c.id: tokenize(c.text) for c in comments})
    assert len(digest.summary) == 3
    assert all(line.startswith("4件 (33%) ") and "「" in line for line in digest.summary)


def test_stance_counts_the_comments_naming_an_actor_by_polarity() -> None:
    comments = _comments(["村井社長の対応は最悪だ", "村井社長には感謝している", "村井社長は何と言ったのか", "天気の話"])
    stance = actor_stance("村井社長", frozenset({"村井社長", "村井"}), comments)
    assert stance is not None and (stance.comments, stance.negative, stance.positive) == (3, 1, 1)
    assert stance.support == ("c1", "c2", "c3") and "否定的 1・肯定的 1・その他 1" in stance.text
    assert actor_stance("不在の人", frozenset({"不在の人"}), comments) is None


def test_a_denied_polarity_word_turns_round_but_not_in_a_rhetorical_question() -> None:
    comments = _comments(["村井社長は支持しない", "村井社長の判断は失敗ではない", "村井社長の対応は最悪じゃないか",
                          "村井社長の対応、最悪じゃないですか？"])
    stance = actor_stance("村井社長", frozenset({"村井社長"}), comments)
    assert stance is not None and (stance.negative, stance.positive) == (3, 1)


def test_main_actors_of_an_article_not_analysed_come_from_the_gazetteer() -> None:
    article = Article(id="a", origin=Origin("text"), kind="blog", title="バイデン大統領が会見",
                      body="ジョー・バイデン大統領は撤退について語った。バイデン氏は支持を訴えた。")
    actors = dict(main_actors(article))
    assert "ジョー・バイデン" in actors and {"バイデン", "ジョー・バイデン"} <= actors["ジョー・バイデン"]


def test_a_thread_of_700_real_one_line_sentences_stays_700_comments_and_is_rarely_abusive() -> None:
    need(SHARED / "eval" / "livedoor-news-corpus" / "ldcc.jsonl")
    need(SHARED / "eval" / "japanese-toxic-inspection" / "subset.csv")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from comments import flagger, one_line_thread

    lines, comments, flagged = one_line_thread(flagger())
    assert lines == 700
    assert comments >= 693
    assert len(flagged) <= 7


def test_a_long_thread_with_one_coherent_group_has_that_viewpoint(tokenize: Tokenizer) -> None:
    comments = _comments([FARES[n % len(FARES)] for n in range(1_600)])
    viewpoints = find_viewpoints(comments, {c.id: tokenize(c.text) for c in comments})
    assert len(viewpoints) == 1 and viewpoints[0].count == 1_600
