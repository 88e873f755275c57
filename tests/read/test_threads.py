import pytest

from matome.read.threads import group_thread


@pytest.mark.parametrize(
    ("lines", "groups"),
    [
        (["一つ目のコメント", "二つ目のコメント"], [["一つ目のコメント"], ["二つ目のコメント"]]),
        (["理由は三つある", "・一つ目", "・二つ目"], [["理由は三つある", "・一つ目", "・二つ目"]]),
        (["批判しまくってるから、", "次は勝てない"], [["批判しまくってるから、", "次は勝てない"]]),
        (["訂正", "3日", "↓", "2日"], [["訂正", "3日", "↓", "2日"]]),
        ([">引用された文", ">もう一行", "それへの意見"], [[">引用された文", ">もう一行", "それへの意見"]]),
        (["「早く撤退しろ」", "「間に合わんぞ」", "みたいなやりとり"], [["「早く撤退しろ」", "「間に合わんぞ」", "みたいなやりとり"]]),
        (["噂があるらしいし", "なんでそんな噂を信じるんだ"], [["噂があるらしいし"], ["なんでそんな噂を信じるんだ"]]),
    ],
)
def test_lines_group_into_comments(lines: list[str], groups: list[list[str]]) -> None:
    assert [c.text.split("\n") for c in group_thread(lines)] == groups


def test_a_run_of_one_sentence_lines_is_one_essay_and_the_reply_links_to_it() -> None:
    essay = [f"英仏は{n}回目の作戦を計画していた。" for n in range(7)]
    comments = group_thread(["最初のコメント", *essay, "長い。3行にして。"])
    assert [len(c.text.split("\n")) for c in comments] == [1, 7, 1]
    assert comments[2].reply_to == comments[1].id


@pytest.mark.parametrize(
    ("lines", "reply_to"),
    [
        (["最初の意見", ">>1 それは違う"], "c1"),
        (["外交では最大級の失敗だよ", "別の話", "最大級の失敗?"], "c1"),
        (["日本は植民地だから無理", "これ"], "c1"),
        (["バイデンのおじちゃんリスク", "訂正\nおじいちゃんリスク"], "c1"),
        (["最初の意見", "関係のない意見"], None),
    ],
)
def test_evident_replies_are_linked(lines: list[str], reply_to: str | None) -> None:
    comments = group_thread([part for line in lines for part in line.split("\n")])
    assert comments[-1].reply_to == reply_to


def test_a_correction_answers_the_comment_it_corrects() -> None:
    comments = group_thread(["前回は3日で終わった気がする", "別の人の意見", "もう一つの意見", "訂正", "前回は3日", "↓", "前回は2日"])
    assert comments[-1].reply_to == "c1"
