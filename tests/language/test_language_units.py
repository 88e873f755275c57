"""Tables of input and expected output for sentences, entities, dates and statements."""

from __future__ import annotations

from datetime import date

import pytest

from matome.language.analyze import Analyzer, reference_date
from matome.language.sentences import split_sentences
from matome.records import Article, Origin, SourceCard
from matome.text.captions import is_caption
from matome.text.dates import find_date_mentions


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("彼は「検討が必要。まだ早い」と述べた。次の文です!本当に?", ["彼は「検討が必要。まだ早い」と述べた。", "次の文です!", "本当に?"]),
        ("見出しの行\n本文。(注:括弧内。)も続く。", ["見出しの行", "本文。", "(注:括弧内。)も続く。"]),
        ("・箇条書きの一つ目\n・二つ目", ["・箇条書きの一つ目", "・二つ目"]),
        ("え!?本当", ["え!?", "本当"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # a photo credit in brackets ends a caption that a sentence follows on the same line; a particle goes on
        ("祝賀会で乾杯する社員ら(撮影・森下修)青葉精工は4日、創業50周年の式典を開いた。",
         ["祝賀会で乾杯する社員ら(撮影・森下修)", "青葉精工は4日、創業50周年の式典を開いた。"]),
        ("水門を閉める職員=3日、青葉市(本社ヘリから) 市は3日、水門を閉めた。",
         ["水門を閉める職員=3日、青葉市(本社ヘリから)", "市は3日、水門を閉めた。"]),
        ("市が公開した映像(青葉市提供)では、橋が流される様子が映っている。",
         ["市が公開した映像(青葉市提供)では、橋が流される様子が映っている。"]),
        ("青葉市の地図(同市提供)上で確認できる。", ["青葉市の地図(同市提供)上で確認できる。"]),
        ("会見を終える市長(右)=青葉市北区で2日午前0時10分、木村健吾撮影 構想は1日の住民投票で否決された。",
         ["会見を終える市長(右)=青葉市北区で2日午前0時10分、木村健吾撮影", "構想は1日の住民投票で否決された。"]),
        ("市は記念撮影 の後、解散した。", ["市は記念撮影 の後、解散した。"]),
        ("会見の写真(写真:青葉新報)、市長の発言も報じた。", ["会見の写真(写真:青葉新報)、市長の発言も報じた。"]),
    ],
)
def test_a_caption_and_the_sentence_after_it_are_two(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "冠水した駅前のロータリー=3日午後、青葉市中央(青葉市提供)",
        "濁流にのまれた橋＝２０２６年７月３日午前９時１２分、青葉市東町（本社ヘリから、木村健吾撮影）",
        "ゴールテープを切る選手(撮影・小川真一)",
        "倒れた街灯=森下修撮影",
        "堤防の亀裂を調べる作業員(中央)=青葉市東町で4日午前10時、木村健吾撮影",
        "記者会見に臨む両市長（写真提供：青葉市広報課）",
        "【動画】がれきの撤去作業/青葉市東町=中村撮影",
        "避難所で毛布を配る職員=4日朝",
        "給水車に並ぶ住民=6日、桜台市(共同)【拡大】",
        "通行止めとなった国道(5日午前、桜台市北区)",
        "演説する大統領(AFP=時事)",
        "浸水した商店街(住民の動画より)",
        "【図】大雨の降り方の予想",
        "堤防の上から撮影された映像。",
        "決勝点を喜ぶ森田(右から2人目)ら選手たち=ドーハ(共同)",
        "青葉自動車の「Aワゴン」(左)と桜台自動車の「Bワゴン」【拡大】",
        "事情を聞く捜査員=いずれも31日、青葉駅で(木村健吾さん撮影)",
        "流された車=桜台市で2026年9月4日午後6時17分、本社ヘリから木村健吾撮影",
        "台風10号の予想進路(4日12時現在)",
        "握手する両市長(左)=桜台市で11月16日、共同",
        "握手する両市長=16日、桜台市、共同通信",
        "会見する市長=桜台市で16日、ロイター=共同",
    ],
)
def test_photo_captions_are_told_from_sentences(text: str) -> None:
    assert is_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        "NHKがヘリコプターから撮影した映像では、住宅の屋根まで水につかっているのが確認できます。",
        "市は、職員が撮影した被害状況の写真を公開した。",
        "市長は会見で「写真は撮影者の許可を得て公開した」と述べた",
        "県は避難所に毛布や水を提供した",
        "写真を撮影するため多くの人が集まった",
        "スマートフォンで撮影",
        "夜景モードで試した(暗所での撮影)",
        "4Kの動画撮影に対応(1080pも可)",
        "キャンペーンでクーポンを提供(期間限定)",
        "大雨=青葉市で記録的な雨量の情報も",
        "乗車定員=5名",
        "新型機を発表へ(ロイター)",
        "(情報提供元:青葉経済新聞)",
        "男性(45)=青葉市東町=が死亡した。",
        "市が公開した映像(青葉市提供)では、橋が流される様子が映っている。",
        "在宅勤務は「生産性の妨げ」、管理職の8割が回答=米調査(ロイター)",
        "価格:450円(2026年4月1日現在)",
        "投開票日=10月27日",
        "▽日時=5月3日、青葉市民会館",
        "逮捕の決め手となったのは、近くの住民がスマートフォンで撮影した動画。",
        "米社が新型機を発表=ロイター=共同",
        "市長は16日、共同通信の取材に応じた",
    ],
)
def test_sentences_that_mention_photographs_are_no_captions(text: str) -> None:
    assert not is_caption(text)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("17日まで戻らず、18日の緊急議会で", date(2021, 8, 19), [("17日", "2021-08-17"), ("18日", "2021-08-18")]),
        ("28日に会談した", date(2021, 9, 2), [("28日", "2021-08-28")]),
        ("1月16日に是正命令を出した", date(2023, 12, 20), [("1月16日", "2024-01-16")]),
        ("12月25日に発表した", date(2024, 1, 10), [("12月25日", "2023-12-25")]),
        ("6月24日に集められた", date(2019, 7, 23), [("6月24日", "2019-06-24")]),
        ("2月1日に起きた事故の裁判", date(2019, 10, 1), [("2月1日", "2019-02-01")]),
        ("9月1日から施行される", date(2019, 3, 10), [("9月1日", "2019-09-01")]),
        ("来週サウジで会談", date(2025, 5, 20), [("来週", "2025-05-26/2025-06-01")]),
        ("昨年の選挙", date(2021, 8, 19), [("昨年", "2020-01-01/2020-12-31")]),
        ("16日から18日まで", date(2021, 8, 19), [("16日から18日", "2021-08-16/2021-08-18")]),
        ("1日12便を走らせ、30日間続ける", date(2026, 9, 1), []),
        ("令和7年3月14日", None, [("令和7年3月14日", "2025-03-14")]),
        ("17日", None, [("17日", None)]),
        ("二十日に会談した", date(2012, 3, 25), [("二十日", "2012-03-20")]),
        ("十二月二十五日の式典", date(2012, 3, 25), [("十二月二十五日", "2011-12-25")]),
        ("一日も早い回復を", date(2012, 3, 25), []),
        ("十日に会談し、十月十日に再開する", date(2012, 10, 25), [("十日", "2012-10-10"), ("十月十日", "2012-10-10")]),
        ("十日間の日程", date(2012, 10, 25), []),
        ("5日ぶりに復帰し、3日連続で出場、2日遅れで1日分の食料が届いた", date(2026, 3, 10), []),
        ("2泊3日の旅行", date(2026, 3, 10), []),
        ("事故は15日遅くに起きた", date(2026, 3, 20), [("15日", "2026-03-15")]),
        ("四日市で二日酔い", date(2012, 3, 25), []),
        ("一昨年3月の地震", date(2012, 3, 25), [("一昨年3月", "2010-03-01/2010-03-31")]),
        ("三月に発表した", date(2012, 3, 25), [("三月", "2012-03-01/2012-03-31")]),
        ("2012年度の予算", date(2012, 3, 25), [("2012年度", "2012-04-01/2013-03-31")]),
        ("今年度から始める", date(2012, 3, 25), [("今年度", "2011-04-01/2012-03-31")]),
        ("20日午後3時に始まった", date(2012, 3, 25), [("20日午後3時", "2012-03-20T15:00:00+09:00")]),
        ("先月20日に申し入れた", date(2012, 3, 25), [("先月20日", "2012-02-20")]),
        ("昨年3月の地震", date(2012, 3, 25), [("昨年3月", "2011-03-01/2011-03-31")]),
        ("12.03.05 配信", None, [("12.03.05", "2012-03-05")]),
        ("1日にも実況見分する", date(2019, 10, 31), [("1日", "2019-11-01")]),
        ("25日に発表した", date(2019, 10, 15), [("25日", "2019-09-25")]),
        ("17日に発表する", date(2019, 10, 15), [("17日", "2019-10-17")]),
        ("31日に発表した", date(2019, 3, 5), [("31日", "2019-01-31")]),
        ("バージョン1.2.3を公開", None, []),
    ],
)
def test_date_mentions(text: str, anchor: date | None, expected: list[tuple[str, str | None]]) -> None:
    assert [(m.text, m.value) for m in find_date_mentions(text, anchor)] == expected


def test_weekday_is_checked() -> None:
    (mention,) = find_date_mentions("15日(金)の会見", date(2021, 8, 19))
    assert mention.value == "2021-08-15" and not mention.weekday_ok


def test_the_same_month_is_the_month_named_last(analyzer: Analyzer) -> None:
    assert [(m.text, m.value) for m in find_date_mentions("6月19日に契約し、同24日に公表した", date(2019, 7, 23))] == [
        ("6月19日", "2019-06-19"), ("24日", "2019-06-24")]
    body = "港湾組合は6月19日に協定を結んだ。\n同24日午後、組合員が集められた。\n24日にも集会が開かれる。"
    days = [e.canonical for e in analyzer.analyze(_article(body, "2019-07-23")).entities if e.type == "DATE"]
    assert days == ["2019-06-19", "2019-06-24", "2019-07-24"]  # a bare 24日 is the one nearest the page


def _article(body: str, published: str | None = "2025-05-20", title: str = "題") -> Article:
    return Article(id="a" * 16, origin=Origin("text"), kind="article", title=title, body=body, published=published)


def test_a_caption_is_a_part_of_its_own_and_stays_in_the_record(analyzer: Analyzer) -> None:
    body = "冠水した駅前のロータリー=3日午後、青葉市中央(青葉市提供)\n青葉市では3日、駅前が冠水した。"
    sentences = analyzer.analyze(_article(body)).sentences
    assert [(s.text, s.part) for s in sentences[1:]] == [
        ("冠水した駅前のロータリー=3日午後、青葉市中央(青葉市提供)", "caption"), ("青葉市では3日、駅前が冠水した。", "body")]


@pytest.mark.parametrize(
    ("body", "speaker", "cue", "direct", "content"),
    [
        ("佐伯委員長は「交渉は決裂した」と述べた。", "佐伯委員長", "述べた", True, "交渉は決裂した"),
        ("村井社長は、交渉は続いていると説明した。", "村井社長", "説明した", False, "交渉は続いている"),
        ("市の担当者によると、急停止は想定の範囲内だという。", "市の担当者", "によると", False, "急停止は想定の範囲内だ"),
        ("ラブロフ外相は、合意は近いとの見方を示した。", "ラブロフ外相", "との見方を示した", False, "合意は近い"),
    ],
)
def test_statements(analyzer: Analyzer, body: str, speaker: str, cue: str, direct: bool, content: str) -> None:
    (statement,) = analyzer.analyze(_article(body)).statements
    assert (statement.speaker, statement.cue, statement.direct, statement.content) == (speaker, cue, direct, content)


def test_same_person_and_relayed_outlet(analyzer: Analyzer) -> None:
    body = "ゼレンスキー大統領は会見を開いた。同大統領は「支援に感謝する」と語った。"
    said = analyzer.analyze(_article(body)).statements
    assert said[0].speaker_canonical == "Q3881417"


def test_country_and_title_resolve_to_the_office_holder(analyzer: Analyzer) -> None:
    result = analyzer.analyze(_article("米大統領は声明を出した。", published="2022-03-01"))
    assert [(e.text, e.canonical) for e in result.entities if e.type == "PERSON"] == [("米大統領", "Q6279")]


def test_title_checks_both_ways(analyzer: Analyzer) -> None:
    checks = analyzer.analyze(_article("バイデン大統領は語った。トランプ前大統領も語った。", published="2022-03-01")).checks
    assert [c.code for c in checks] == []
    checks = analyzer.analyze(_article("バイデン大統領は語った。", published="2025-06-01")).checks
    assert [c.code for c in checks] == ["title-wrong-for-date"]
    then = "当時のバイデン大統領は語った。2022年、バイデン大統領は演説した。2025年、バイデン大統領は語った。"
    assert [c.code for c in analyzer.analyze(_article(then, published="2025-06-01")).checks] == [
        "title-wrong-for-date"]  # the title as of a year named before it, or 当時, is not checked against the page's day


def test_unattributed_quote_and_unresolved_date(analyzer: Analyzer) -> None:
    checks = analyzer.analyze(_article("「絶対に許さない」と述べた。17日に会う。", published=None)).checks
    assert {c.code for c in checks} == {"unattributed-quote", "unresolved-date"}


def test_reference_date_falls_back_to_the_pages_own_dates() -> None:
    card = SourceCard("題", "2025-05-20", ("一",), None, None)
    article = Article(id="x", origin=Origin("text"), kind="digest", title="2025年3月14日の会談", source_cards=(card,))
    assert reference_date(article) == date(2025, 5, 20)


def test_a_failing_stage_is_a_failure_naming_the_record_stage_and_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    from matome.records import ReadFailure
    from matome.run.stages import Stages

    def broken(article: Article) -> Article:
        raise RuntimeError("boom")

    stages = Stages(syntax=False)
    monkeypatch.setattr(stages.analyzer, "analyze", broken)
    result = stages(_article("本文。"))
    assert isinstance(result, ReadFailure)
    assert (result.stage, result.code, result.article) == ("language", "language-failed", "a" * 16)
    assert "RuntimeError: boom" in result.describe() and "language stage" in result.describe()


def test_no_empty_tokens_from_an_ellipsis() -> None:
    from matome.language.tokens import Tokenizer

    tokens = Tokenizer()("事態が遂に…")
    assert all(t.end > t.start for t in tokens) and tokens[-1].end == len("事態が遂に…")


def test_the_dead_keep_their_title(analyzer: Analyzer) -> None:
    checks = analyzer.analyze(_article("北朝鮮の金正日総書記が死去した。", published="2011-12-19")).checks
    assert checks == ()


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("31日に発表した", date(2012, 2, 1), [("31日", "2012-01-31")]),
        ("ドラマ「僕とスターの99日」", date(2011, 10, 26), []),
        ("30日に会う", date(2012, 3, 2), [("30日", "2012-01-30")]),
    ],
)
def test_days_that_do_not_fit_the_current_month(text: str, anchor: date, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value) for m in find_date_mentions(text, anchor)] == expected
