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


ESSAY = [
    "港の再開発は十年前から議論されてきた。",
    "再開発の当初の計画では倉庫街を住宅地に変える予定だった。",
    "ところが倉庫の所有者が反対した。",
    "それを受けて市は計画を縮小した。",
    "縮小された計画でも住宅の戸数は半分残った。",
    "一方で商業施設は白紙になった。",
]


def test_sentences_that_refer_to_each_other_are_one_essay_and_a_length_complaint_answers_it() -> None:
    comments = group_thread(["最初のコメント", *ESSAY, "駅前の話はどうなった", "長い。3行にして。"])
    assert [len(c.text.split("\n")) for c in comments] == [1, 6, 1, 1]
    assert comments[3].reply_to == comments[1].id


def test_one_line_comments_that_end_in_a_full_stop_stay_apart() -> None:
    topics = ["市長", "港湾", "組合", "運賃", "市議会", "住民", "選挙", "予算"]
    lines = [f"{topics[n % 8]}の件は{n}回目の説明でも納得できない。" for n in range(700)]
    assert len(group_thread(lines)) == 700


def test_blank_lines_separate_comments_of_several_lines() -> None:
    lines = ["一行目の意見", "同じ人の二行目", "", "別の人の意見", "", "三人目の意見", "その続き", "さらに続き"]
    assert [c.text.split("\n") for c in group_thread(lines)] == [
        ["一行目の意見", "同じ人の二行目"], ["別の人の意見"], ["三人目の意見", "その続き", "さらに続き"]]


def test_numbered_post_headers_open_comments_and_anchors_follow_their_numbers() -> None:
    lines = ["1: 名無しさん 2021/08/20(金) 12:00:00.00 ID:abc", "最初の書き込み", "二行目もある",
             "3: 名無しさん 2021/08/20(金) 12:05:00.00 ID:def", "別の書き込み",
             "4: 名無しさん 2021/08/20(金) 12:09:00.00 ID:ghi", ">>1", "それは違うと思う",
             "5：名無し", ">>3 同意"]
    comments = group_thread(lines)
    assert [c.text for c in comments] == ["最初の書き込み\n二行目もある", "別の書き込み", ">>1\nそれは違うと思う",
                                          ">>3 同意"]
    assert [c.reply_to for c in comments] == [None, None, "c1", "c2"]
    assert comments[0].author == "名無しさん" and (comments[0].posted or "").startswith("2021-08-20")


def test_an_anchor_past_the_thread_links_nothing() -> None:
    assert group_thread(["最初の意見", ">>9 どこ?"])[-1].reply_to is None


def test_a_long_thread_of_one_liners_comes_out_whole() -> None:
    lines = [f"{n}番目の感想です" for n in range(20_000)]
    comments = group_thread(lines)
    assert len(comments) == 20_000 and comments[-1].text == "19999番目の感想です"


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
