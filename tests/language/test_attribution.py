"""Who said what, on sentences of the shapes that real news writes (invented text): the speaker is the subject of the
speech predicate, never a connective, an adverbial phrase or the subject of the reported clause; nested speech keeps
its inner speaker apart; によると sources are kept whole; with no speaker in sight, the speaker is None."""

from __future__ import annotations

import pytest

from matome.language.analyze import Analyzer
from matome.language.statements import by_speaker
from matome.language.syntax import mask_quotes
from matome.records import Article, Origin, Statement


def _said(analyzer: Analyzer, body: str) -> list[Statement]:
    article = Article(id="b" * 16, origin=Origin("text"), kind="article", title=None, body=body,
                      published="2026-03-02")
    return list(analyzer.analyze(article).statements)


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        ("その上で「交渉の扉は閉じていない」と語った。", None, "交渉の扉は閉じていない"),
        ("協議の背景について「双方に時間が必要だった」と述べた。", None, "双方に時間が必要だった"),
        ("さらに、相手国が農産物の市場を開くと述べた。", None, "相手国が農産物の市場を開く"),
        ("堀田知事は「予算は足りている」と述べた。", "堀田知事", "予算は足りている"),
        ("「まだ始まったばかりです」と語った岸辺監督は、次の試合を見据えた。", "岸辺監督", "まだ始まったばかりです"),
        ("「まだ終われない」という岸辺監督。", "岸辺監督", "まだ終われない"),
        ("ロシア大統領府によると、両首脳は約2時間にわたって電話で協議した。", "ロシア大統領府",
         "両首脳は約2時間にわたって電話で協議した"),
        ("米ロ両政府によると、次の会談は来月開かれる。", "米ロ両政府", "次の会談は来月開かれる"),
        ("政府関係者によると、署名は延期された。", "政府関係者", "署名は延期された"),
        ("今回の報道によると、署名は延期された。", "今回の報道", "署名は延期された"),  # not 今回: no one
        ("同社の広報担当者は取材に対し、事実関係を確認中だとコメントした。", "同社の広報担当者", "事実関係を確認中だ"),
        ("気象庁の田中一郎地震情報企画官は「津波に警戒してください」と述べました。", "田中一郎地震情報企画官",
         "津波に警戒してください"),  # the parser breaks the compound at 地震 and calls 情報企画 an adjective
    ],
)
def test_the_speaker_is_the_subject_of_the_speech_predicate(analyzer: Analyzer, body: str, speaker: str | None,
                                                             content: str) -> None:
    (statement,) = _said(analyzer, body)
    assert (statement.speaker, statement.content) == (speaker, content)


def test_a_topic_named_after_the_source_speaks_and_the_source_relays(analyzer: Analyzer) -> None:
    said = _said(analyzer, "県警によると、少年は容疑を認め、「一家全員を襲おうと思った」とする一方、"
                           "「大変なことをしてしまった」と供述しているという。")
    assert [(s.speaker, s.reported_by) for s in said] == [("少年", "県警")] * 3  # the plea, and two quotes


def test_two_voices_in_a_row_on_one_cue_each_say_their_own_words(analyzer: Analyzer) -> None:
    said = _said(analyzer, "青葉市の30代会社員は「判決が正しかったのか、重荷になっている」、桜台市の60代男性は"
                           "守秘義務について「正直、負担に感じる」と語った。")
    assert [(s.speaker, s.content) for s in said] == [("青葉市の30代会社員", "判決が正しかったのか、重荷になっている"),
                                                      ("桜台市の60代男性", "正直、負担に感じる")]
    (verdict,) = _said(analyzer, "判決は「重すぎる」、控訴審は「妥当だ」と山田弁護士は述べた。")
    assert verdict.speaker == "山田弁護士"
    named = _said(analyzer, "青葉市の会社員は「増税には賛成できない」、大橋はるかさんは「反対だ」と述べた。")
    assert [s.speaker for s in named] == ["青葉市の会社員", "大橋はるかさん"]
    (answer,) = _said(analyzer, "記者は「なぜ辞任しないのか」、首相は「職責を果たす」と答えた。")
    assert answer.speaker == "首相"


def test_an_age_and_a_home_town_after_a_name_are_not_the_speaker_s(analyzer: Analyzer) -> None:
    (said,) = _said(analyzer, "青葉市の会社員女性(34)=桜台市=は「驚いた」と話した。")
    assert said.speaker == "青葉市の会社員女性"  # the parser calls her an oblique: a topic all the same
    (source,) = _said(analyzer, "同便に乗っていた男性=桜台市=によると、出発前に不手際のアナウンスがあった。")
    assert source.speaker == "男性"
    (section,) = _said(analyzer, "県警人身安全対策課によると、署は何度も電話をかけたが、つながらなかったという。")
    assert section.speaker == "県警人身安全対策課"


def test_a_role_distilled_from_ginza_names_a_speaker(analyzer: Analyzer) -> None:
    from matome.language.attribution import ROLES

    assert "教諭" in ROLES  # not in the hand-written endings
    (said,) = _said(analyzer, "男性教諭は「反射的に手が出てしまった」と話しているということです。")
    assert said.speaker == "男性教諭"


def test_a_day_before_a_source_is_not_its_name(analyzer: Analyzer) -> None:
    (said,) = _said(analyzer, "3日NHKによると、首相は週内に訪米する。")
    assert said.speaker == "NHK"


def test_how_words_were_said_is_not_what_was_said(analyzer: Analyzer) -> None:
    assert not [s for s in _said(analyzer, "桜井監督は初采配と敗戦を淡々と振り返った。") if "淡々" in s.content]


def test_nested_speech_the_outer_speaker_speaks(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "会談ではマルコ国務長官が協力の重要性を強調したと外務省の幹部は記者団に語った。")
    assert statement.speaker == "外務省の幹部"
    assert statement.quoted_speaker == "マルコ国務長官"
    assert statement.cue == "語った"


def test_a_quotation_on_any_predicate_is_a_statement(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "森田選手は「まだまだです」と苦笑いを浮かべた。")
    assert (statement.speaker, statement.content, statement.direct) == ("森田選手", "まだまだです", True)


def test_a_verbal_noun_or_a_verb_the_parser_calls_a_noun_is_a_speech_predicate_of_its_own(analyzer: Analyzer) -> None:
    said = _said(analyzer, "「今季は苦しい」と前置きした北條監督は、「若手の成長が救いだ」と語り、球場を後にした。")
    assert [(s.speaker, s.cue, s.content) for s in said] == [("北條監督", "前置きした", "今季は苦しい"),
                                                            ("北條監督", "語り", "若手の成長が救いだ")]
    said = _said(analyzer, "記事では、この件を「各地で話題になった」と報じ、さらに「販売店には行列ができた」としている。")
    assert [(s.cue, s.content) for s in said] == [("報じ", "各地で話題になった"), ("している", "販売店には行列ができた")]


def test_an_outlet_whose_article_holds_the_words_says_them(analyzer: Analyzer) -> None:
    said = _said(analyzer, "英紙タイムズは10日、港の閉鎖について報じた。\n"
                           "同紙では、この決定を「遅すぎた」と批判し、「住民の不安は大きい」としている。")
    assert [(s.speaker, s.content) for s in said] == [("タイムズ", "遅すぎた"), ("タイムズ", "住民の不安は大きい")]
    assert _said(analyzer, "手紙では「息子を返して」と訴えた。")[0].speaker is None  # a letter is no outlet
    assert _said(analyzer, "ネットでは「ひどい」と批判した。")[0].speaker is None


@pytest.mark.parametrize("body", ["さすがは老舗の「青葉堂」と言ったところだ。", "これは抗議と言うよりも完全に個人攻撃だ。",
                                  "二人で考える時間、と言い換えることもできる。"])
def test_saying_in_a_turn_of_phrase_is_no_statement(analyzer: Analyzer, body: str) -> None:
    assert _said(analyzer, body) == []


def test_words_shown_not_said_and_quoted_names_are_not_statements(analyzer: Analyzer) -> None:
    assert _said(analyzer, "看板には「立入禁止」と書かれていた。") == []
    assert _said(analyzer, "「青葉バス」という名前は市民の公募で決まった。") == []


def test_reactions_have_no_speaker_unless_someone_is_named(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "ネット上では「すごい」「感動した」との声が相次いだ。")
    assert statement.speaker is None and statement.direct


def test_crowd_voices_of_a_topic_belong_to_it(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "新料金に対し、掲示板でファンは「高すぎる」「ひどい」と怒りの声が噴出している。")
    assert statement.speaker == "ファン"


def test_quotes_credited_in_brackets_are_their_speakers(analyzer: Analyzer) -> None:
    said = _said(analyzer, "座談会で堀田に触れた面々は、「球が速い」（多村）、「重いイメージ」（内川）と絶賛した。")
    assert [(s.speaker, s.content, s.cue) for s in said] == [("多村", "球が速い", "絶賛した"),
                                                             ("内川", "重いイメージ", "絶賛した")]


def test_a_title_and_its_channel_in_brackets_are_not_credits(analyzer: Analyzer) -> None:
    said = _said(analyzer, "番組「夜の港」（東西テレビ系）が「朝の港」（BS東西）として復活すると、スポーツ報知が報じた。")
    assert [s.speaker for s in said] == ["スポーツ報知"]


def test_no_speaker_carried_across_a_turn_of_dialogue(analyzer: Analyzer) -> None:
    asked, answered = _said(analyzer, "司会の長尾が「緊張しましたか」と尋ねると、「全然です」と答えた。")
    assert asked.speaker == "長尾" and answered.speaker is None


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("司会の長尾から「緊張しましたか」という質問を受けると、堀田選手は「全然です」と答えた。",
         [("長尾", "緊張しましたか"), ("堀田選手", "全然です")]),
        ("堀田選手は取材に応じた。「緊張しましたか」という問いに対し、「全然です」と答えた。",
         [(None, "緊張しましたか"), ("堀田選手", "全然です")]),
        ("記者が「辞任しますか」という質問をすると、知事は「しません」と答えた。",
         [("記者", "辞任しますか"), ("知事", "しません")]),
        ("「緊張しましたか」という質問を司会の長尾から受けると、堀田選手は「全然です」と答えた。",
         [("長尾", "緊張しましたか"), ("堀田選手", "全然です")]),
        ("堀田選手は司会の長尾から寄せられた「緊張しましたか」という質問に対し、「全然です」と答えた。",
         [("長尾", "緊張しましたか"), ("堀田選手", "全然です")]),
        ("司会の長尾の「緊張しましたか」という質問に、堀田選手が「全然です」と答えた。",
         [("長尾", "緊張しましたか"), ("堀田選手", "全然です")]),
    ],
)
def test_a_question_named_by_a_noun_is_said_by_who_asked(analyzer: Analyzer, body: str,
                                                         said: list[tuple[str | None, str]]) -> None:
    assert [(s.speaker, s.content) for s in _said(analyzer, body)] == said


def test_who_asked_does_not_go_on_speaking(analyzer: Analyzer) -> None:
    said = _said(analyzer, "司会の長尾から「緊張しましたか」という質問を受けると、堀田選手は「全然です」と答えた。\n"
                           "「次も勝ちます」と笑顔を見せた。")
    assert said[-1].speaker == "堀田選手"


def test_who_answers_is_who_was_heard_before_other_than_who_asked(analyzer: Analyzer) -> None:
    said = _said(analyzer, "試合後、堀田選手は「足が重かった」と語った。\n"
                           "司会の長尾が「緊張しましたか」と尋ねると、「全然です」と答えた。")
    assert [s.speaker for s in said] == ["堀田選手", "長尾", "堀田選手"]


def test_a_speaker_goes_on_after_a_turn_that_puts_no_question(analyzer: Analyzer) -> None:
    first, second = _said(analyzer, "番組では、森田が事件に触れ、「罰が軽すぎる」と警鐘を鳴らすと、"
                                    "「中継はやめるべきだ」と訴えた。")
    assert first.speaker == second.speaker == "森田"


def test_words_given_by_someone_are_not_a_crowd_voice(analyzer: Analyzer) -> None:
    said = _said(analyzer, "試合後、堀田選手は「足が重かった」と語った。\n「練習が足りない」と後輩に苦言を呈した。")
    assert [s.speaker for s in said] == ["堀田選手", "堀田選手"]


def test_a_speaker_goes_on_into_the_next_sentence(analyzer: Analyzer) -> None:
    first, second = _said(analyzer, "堀田知事は会見で「予算は足りている」と述べた。「来年度も続ける」とも語った。")
    assert first.speaker == second.speaker == "堀田知事"


def test_the_same_site_is_the_site_named_in_brackets_before(analyzer: Analyzer) -> None:
    said = _said(analyzer, "税の情報を配信している「税金と暮らしの情報サイト」が23日、親子が責任を問われる可能性を"
                           "指摘し、話題になっている。\n同サイトによれば「扶養しないことは不法行為に当たる」とし、"
                           "さらに「共同正犯になる」と指摘している。")
    assert [s.speaker for s in said][-2:] == ["税金と暮らしの情報サイト"] * 2


@pytest.mark.parametrize("body", ["当時の取材で「三回から狙っていた」という森田氏だが、理由は意外だった。",
                                  "「まだ若い」という森田氏。"])
def test_a_quote_said_by_the_name_it_describes(analyzer: Analyzer, body: str) -> None:
    (statement,) = _said(analyzer, body)
    assert statement.speaker == "森田氏"


def test_praise_then_a_reply_hands_the_turn_over(analyzer: Analyzer) -> None:
    said = _said(analyzer, "番組に森田選手が出演した。\n司会の長尾が「本当にすごい」と絶賛すると、"
                           "「いやいや、まだまだです」と謙遜した。")
    assert [s.speaker for s in said][-2:] == ["長尾", "森田選手"]


def test_names_and_titles_in_brackets_are_not_credited_quotes(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "同社は、新型車の名前を「アオバ」（日本）、「グリーン」（米国）とすると発表した。")
    assert statement.speaker == "同社" and not statement.direct


def test_the_same_ministry_is_not_a_quote_that_ends_like_one(analyzer: Analyzer) -> None:
    said = _said(analyzer, "外務省は15日、調査の開始を発表した。\n大臣は会見で「深く反省」と述べた。\n"
                           "同省によると、調査は来月まで続く。")
    assert said[-1].speaker == "外務省"


def test_a_name_in_brackets_described_by_a_thing_is_no_statement(analyzer: Analyzer) -> None:
    assert _said(analyzer, "開発したのは「青葉技研」という会社だ。") == []


def test_words_said_before_something_happened_are_a_statement(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "男は店員に「金を出せ」と言ったところ、店員が警察に通報した。")
    assert statement.content == "金を出せ"


def test_criticism_taken_is_not_said_by_who_takes_it(analyzer: Analyzer) -> None:
    said = _said(analyzer, "市長は会見で「全力を尽くす」と語った。\n一方で、「対応が遅すぎる」と批判を浴びた。")
    assert said[-1].speaker != "市長"


def test_cue_offsets_point_at_the_cue(analyzer: Analyzer) -> None:
    body = "堀田知事は「予算は足りている」と述べた。"
    (statement,) = _said(analyzer, body)
    assert statement.cue_start is not None and statement.cue_end is not None
    assert body[statement.cue_start: statement.cue_end] == statement.cue


def test_statements_group_by_canonical_speaker() -> None:
    said = [Statement("プーチン大統領", "Q7747", "述べた", "a", True, None, "x:1"),
            Statement("プーチン氏", "Q7747", "語った", "b", True, None, "x:2"),
            Statement(None, None, "という", "c", False, None, "x:3")]
    assert [(name, len(group)) for name, group in by_speaker(said)] == [("プーチン大統領", 2), ("?", 1)]


@pytest.mark.parametrize("text", ["彼は「a。b」と述べた", "「『入れ子』の引用」と話した", "閉じない「引用", "引用なし"])
def test_masked_quotes_keep_every_offset(text: str) -> None:
    masked, starts, ends = mask_quotes(text)
    assert len(masked) == len(starts) == len(ends)
    assert all(0 <= s < e <= len(text) for s, e in zip(starts, ends, strict=True))
    assert all(masked[i] == text[starts[i]] for i in range(len(masked)) if ends[i] - starts[i] == 1)
    assert all(text[s - 1] in "「『" and text[e] in "」』" for s, e in zip(starts, ends, strict=True) if e - s > 1)


def test_an_overlong_sentence_is_not_parsed_and_says_so(analyzer: Analyzer) -> None:
    body = "彼は「あ」と述べた" + "あ" * 100_000 + "と語った。"
    article = Article(id="e" * 16, origin=Origin("text"), kind="article", title=None, body=body)
    analyzed = analyzer.analyze(article)
    assert analyzed.statements == ()
    assert [c.code for c in analyzed.checks] == ["speech-not-parsed"]


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        ("堀田知事は「予算は足りる」と述べた。「問題はない」と岸辺監督は話した。", "岸辺監督", "問題はない"),
        ("「寒い」「眠い」と森田選手はこぼした。", "森田選手", "寒い」「眠い"),
    ],
)
def test_a_speaker_named_after_the_quote(analyzer: Analyzer, body: str, speaker: str, content: str) -> None:
    said = _said(analyzer, body)
    assert (said[-1].speaker, said[-1].content) == (speaker, content)


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        ("森山首相から、地域の安定に協力したい旨述べました。", "森山首相", "地域の安定に協力したい"),
        ("これに対し、ベルン大統領から、訪問を楽しみにしている旨の発言がありました。", "ベルン大統領", "訪問を楽しみにしている"),
        ("ベルン大統領より、協力を重視している旨発言した。", "ベルン大統領", "協力を重視している"),
        ("容疑者が逮捕されたことが、捜査関係者への取材で分かった。", "捜査関係者", "容疑者が逮捕された"),
        ("ロイター通信は、協議が来週再開されると伝えた。", "ロイター通信", "協議が来週再開される"),
    ],
)
def test_readouts_and_reports(analyzer: Analyzer, body: str, speaker: str, content: str) -> None:
    (statement,) = _said(analyzer, body)
    assert (statement.speaker, statement.content) == (speaker, content)


def test_one_person_under_two_titles_is_one_speaker(analyzer: Analyzer) -> None:
    said = _said(analyzer, "岸辺監督は「勝ててよかった」と語った。岸辺氏は「次も勝つ」とも話した。")
    assert len(said) == 2 and said[0].speaker_canonical == said[1].speaker_canonical == "person:岸辺"
    assert [name for name, _ in by_speaker(said)] == ["岸辺監督"]


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        ("掲示板では「残念だ」「仕方ない」といった声が寄せられた。", None, "声が寄せられた"),
        ("釣り愛好家の間では「最高の季節」「待っていた」といったコメントが寄せられていた。", "釣り愛好家",
         "コメントが寄せられていた"),
        ("会場では「寒い」などの批判が上がった。", None, "批判が上がった"),
        ("「早く帰りたい」と、運営を批判する声も多かった。", None, "声も多かった"),
        ("青山町長が視察した際には「きれいな街」とネット上で話題になった。", None, "ネット上で話題になった"),
        ("町長は説明を避けており、掲示板には「説明して」「残念だ」など、説明を求める声が相次いでいる。", None,
         "声が相次いでいる"),
        ("ファンからは「頑張れ」「待ってる」など、温かいエールが届いた。", "ファン", "届いた"),
    ],
)
def test_reactions_named_by_a_noun(analyzer: Analyzer, body: str, speaker: str | None, cue: str) -> None:
    (statement,) = _said(analyzer, body)
    assert (statement.speaker, statement.cue) == (speaker, cue)


@pytest.mark.parametrize("body", ["「鬼滅の刃」「呪術廻戦」などの作品について、ファンの反応は上々だ。",
                                  "同社は「カレー」「ラーメン」など、人気メニューを値上げし、利用者の不満が広がっている。",
                                  "会場では「新型A」「新型B」など、新機種の実演に驚きの声が上がった。"])
def test_titles_and_products_listed_with_nado_are_not_words_said(analyzer: Analyzer, body: str) -> None:
    assert _said(analyzer, body) == []


def test_a_name_the_lexicon_knows_speaks_whatever_the_parser_tags_it(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "川澄は「写真が多いので」と補足。")  # the parser tags 川澄 CCONJ
    assert statement.speaker == "川澄"


def test_a_topic_goes_on_speaking_after_to(analyzer: Analyzer) -> None:
    said = _said(analyzer, "試合後、堀田選手は「足が重かった」と語った。\n"
                           "柴田監督は「次は勝つ」と宣言すると、「応援してください」と笑顔で呼びかけた。")
    assert [s.speaker for s in said] == ["堀田選手", "柴田監督", "柴田監督"]


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("柴田監督は「まだ上を狙える」と笑いをこらえながら説明した。", "説明した"),
        ("柴田監督は「まだ上を狙える」とキッパリ言い切った。", "言い切った"),
        ("柴田監督は「まだ上を狙える」と選手たちに向かって語りかけた。", "語りかけた"),
    ],
)
def test_the_cue_is_the_verb_of_saying_not_the_manner_before_it(analyzer: Analyzer, body: str, cue: str) -> None:
    (statement,) = _said(analyzer, body)
    assert statement.speaker == "柴田監督" and statement.cue.endswith(cue)


def test_a_statement_that_ends_its_own_clause_stays_apart(analyzer: Analyzer) -> None:
    said = _said(analyzer, "柴田監督は「守備はよかった」と評価しつつ、「打線は課題だ」と語った。")
    assert [s.cue for s in said] == ["評価しつつ", "語った"]


def test_the_subject_nearest_the_predicate_speaks(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "中村投手は契約を更新せず、一部のメディアが「移籍が濃厚」と伝えている。")
    assert statement.speaker == "一部のメディア"


def test_a_sentence_that_closes_on_a_name_passes_it_on(analyzer: Analyzer) -> None:
    said = _said(analyzer, "記者会見に現れたのは、俳優の松田龍平。\n「まだ実感がない」と語った。")
    assert [s.speaker for s in said] == ["松田龍平"]


def test_a_quote_on_a_clause_inside_the_object_of_a_verb_of_saying(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "山本は「毎日が勉強でした」と苦労した一年間の思い出を明かした。")
    assert statement.speaker == "山本"
    assert statement.cue.endswith("明かした")


def test_a_date_may_open_the_sentence_before_the_speaker(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "11日、朝日新聞は、市が新しい駅を計画していると報じた。")
    assert statement.speaker == "朝日新聞"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("観客の前で「次は必ず勝ちます」と意気込む高畑選手。", "高畑選手"),
        ("「もう少し時間をください」と頭を下げる広瀬社長だった。", "広瀬社長"),
        ("森田花子氏は当選した。「期待に応えたい」と気を引き締めたのは、桜台党の森田一郎氏(36)=青葉区。", "森田一郎氏"),
        ("「怖くて眠れなかった」と振り返るのは、近くに住む森田花子さん(72)=福岡市。", "森田花子さん"),  # not =福岡市
    ],
)
def test_a_sentence_closing_on_a_name_names_the_speaker(analyzer: Analyzer, body: str, speaker: str) -> None:
    (statement,) = _said(analyzer, body)
    assert statement.speaker == speaker


def test_the_speaker_appeared_on_the_occasion_the_words_are_set_in(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "12日、村井氏がラジオ番組に出演した際、「制度は見直すべきだ」と説明した。")
    assert (statement.speaker, statement.content) == ("村井氏", "制度は見直すべきだ")
    for body in ("記者が質問した際、「答えられない」と述べた。", "前会長が死去した際、「残念でならない」と述べた。"):
        (statement,) = _said(analyzer, body)
        assert statement.speaker is None, body  # who asked, or who died, did not say it


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("厚生労働省が公表した「子育て白書」によると、保育所の待機児童は減った。", "厚生労働省"),
        ("ある関係者は「発表は来週になる」と明かした。", "関係者"),
        ("司会の大森太郎や小池花子は「信じられない」と驚いた。", "大森太郎や小池花子"),
    ],
)
def test_sources_of_bracketed_titles_anonymous_and_joined_speakers(analyzer: Analyzer, body: str,
                                                                    speaker: str) -> None:
    assert [s.speaker for s in _said(analyzer, body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker", "cue", "content"),
    [
        ("木下首相は3日、追加の経済対策を月内にまとめる考えを示した。", "木下首相", "考えを示した",
         "追加の経済対策を月内にまとめる"),
        ("同社は来年3月までに工場を閉鎖する方針を明らかにした。", "同社", "方針を明らかにした", "来年3月までに工場を閉鎖する"),
        ("森田町長は、防災対策に教訓を生かす考えを改めて示しました。", "森田町長", "考えを改めて示しました",
         "防災対策に教訓を生かす"),
        ("森田外相は、周辺の警戒監視に万全を期す考えも示した。", "森田外相", "考えも示した", "周辺の警戒監視に万全を期す"),
        ("県警は5日、窃盗の疑いで会社員の男を逮捕したと明らかにした。", "県警", "明らかにした",
         "窃盗の疑いで会社員の男を逮捕した"),
        ("気象台の担当者は「引き続き土砂災害に警戒してほしい」と呼びかけました。", "気象台の担当者", "呼びかけました",
         "引き続き土砂災害に警戒してほしい"),
        ("気象台は、川の増水に警戒するよう呼びかけている。", "気象台", "呼びかけている", "川の増水に警戒する"),
        ("男は調べに対し「金に困ってやった」と供述している。", "男", "供述している", "金に困ってやった"),
        ("会見後の取材で松川総理は「緊密な連携を確認した」とした。", "松川総理", "した", "緊密な連携を確認した"),
        ("外務省の周正明次官補は会見で「容認できない」と批判した。", "周正明次官補", "批判した", "容認できない"),
        ("ハルデン大統領は相手国が農産物の市場を開くと述べた。", "ハルデン大統領", "述べた", "相手国が農産物の市場を開く"),
        ("男が現場を下見していたことが捜査関係者への取材で分かりました。", "捜査関係者", "取材で分かりました",
         "男が現場を下見していた"),
    ],
)
def test_hard_news_shapes(analyzer: Analyzer, body: str, speaker: str, cue: str, content: str) -> None:
    """Stated positions on a noun (考え, 方針), 明らかにした split by the parser, requests closed by よう, titles that
    end on a suffix (次官補), and a topic the parser hangs on the reported clause."""
    (statement,) = _said(analyzer, body)
    assert (statement.speaker, statement.cue, statement.content) == (speaker, cue, content)


def test_by_the_polite_according_to_of_broadcasters(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "県警によりますと、火は約2時間後に消し止められました。")
    assert (statement.speaker, statement.content) == ("県警", "火は約2時間後に消し止められました")
    assert (statement.cue, statement.cue_start, statement.cue_end) == ("によりますと", 2, 8)


def test_so_said_takes_the_quotation_of_the_sentence_before(analyzer: Analyzer) -> None:
    said = _said(analyzer, "「国民の命を守るのが最優先だ」。木下首相は3日夜、記者団にこう強調した。")
    assert [(s.speaker, s.cue, s.content, s.direct) for s in said] == [
        ("木下首相", "こう強調した", "国民の命を守るのが最優先だ", True)]
    assert _said(analyzer, "木下首相は記者団にこう語る。「まだ道半ばだ」") == []  # the words come after: not here


def test_a_statement_of_its_own_is_not_inside_the_next_ones_content(analyzer: Analyzer) -> None:
    said = _said(analyzer, "林田氏は「責任を痛感している」と語り、辞任する意向を表明した。")
    assert [(s.speaker, s.content, s.quoted_speaker) for s in said] == [
        ("林田氏", "責任を痛感している", None), ("林田氏", "辞任する", None)]


def test_a_quotation_is_never_a_speaker(analyzer: Analyzer) -> None:
    said = _said(analyzer, "木下首相はそのうえで「幅広く意見交換を行った」とし「先方からは説明があった」と述べた。")
    assert [(s.speaker, s.content) for s in said] == [("木下首相", "幅広く意見交換を行った"),
                                                     ("木下首相", "先方からは説明があった")]


@pytest.mark.parametrize(
    ("body", "speaker", "cue", "content"),
    [
        ("林田外務大臣:「到底受け入れられない」", "林田外務大臣", "林田外務大臣:", "到底受け入れられない"),
        ("(避難している女性はー) 「前の生活に戻りたい」", "避難している女性", "(避難している女性はー)", "前の生活に戻りたい"),
        ("「もう戻れないと思った」（近所の住民）", "近所の住民", "（近所の住民）", "もう戻れないと思った"),
        ("林田外相「緊密に連携していくことで一致しました」", "林田外相", "林田外相", "緊密に連携していくことで一致しました"),
        ("■近くの住民 「煙がすごくて驚いた」", "近くの住民", "■近くの住民", "煙がすごくて驚いた"),
        ("桜台鉄道 森田一郎 社長「心からおわびします」", "森田一郎 社長", "桜台鉄道 森田一郎 社長", "心からおわびします"),
        ("森田一郎 桜台市教育長:「寄り添えずすみません」", "森田一郎 桜台市教育長", "森田一郎 桜台市教育長:", "寄り添えずすみません"),
        ("東京に帰る人:「あしたからまた仕事だ」", "東京に帰る人", "東京に帰る人:", "あしたからまた仕事だ"),
        ("近所の人は「煙が上がっていてすぐ分かった」", "近所の人", "近所の人は", "煙が上がっていてすぐ分かった"),
    ],
)
def test_a_broadcasters_speaker_tag_or_credit(analyzer: Analyzer, body: str, speaker: str, cue: str,
                                             content: str) -> None:
    (statement,) = _said(analyzer, body)
    assert (statement.speaker, statement.cue, statement.content, statement.direct) == (speaker, cue, content, True)
    assert _said(analyzer, "ポイント:「値下げ」") == []  # a label, not someone
    assert _said(analyzer, "・桜台光子オフィシャルブログ「本日も元気です」") == []  # a link list's headline
    assert _said(analyzer, "不振続く森田に「マイナーでのプレーを余儀なくされる」") == []
    for title in ("森田花子「春の歌」", "1位 森田花子「春の歌」", "森田花子の新曲「春の歌」。", "森田一郎選手の目標は「金メダル」。",
                  "■第二の人生「もう一度挑戦したい」"):  # a work's title, a goal, a sub-heading: no one's words
        assert _said(analyzer, title) == [], title


def test_an_office_after_a_name_makes_the_person_the_topic_the_next_sentence_speaks_for(analyzer: Analyzer) -> None:
    said = _said(analyzer, "森田一郎教育長は5日会見した。教諭の勘違いで児童が体罰を受けていたことを明らかにした。")
    assert [(s.speaker, s.content) for s in said] == [("森田一郎教育長", "教諭の勘違いで児童が体罰を受けていた")]


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        ("首相は、核問題についても話し合ったことを明らかにした。", "首相", "核問題についても話し合った"),
        ("報道官は10日、大統領は首脳会議に出席しないことを明らかにした。", "報道官", "首脳会議に出席しない"),
        ("桜台町長は、町議会と予算案の修正で合意したことも明らかにした。", "桜台町長", "町議会と予算案の修正で合意した"),
        ("青葉工業は、新工場の建設を1年延期することも発表した。", "青葉工業", "新工場の建設を1年延期する"),
        ("車を運転していた男は「抗議が目的だった」と述べたことを、地元のメディア各社は報じている。", "地元のメディア各社",
         "車を運転していた男は「抗議が目的だった」と述べた"),
        ("証言台に立った母親は「一生かけて償ってほしい」と話した。", "母親", "一生かけて償ってほしい"),
        ("韓国の朴外相は、協力の停止を訴えるとともに、北朝鮮が報酬を得てはならないと主張した。", "韓国の朴外相",
         "協力の停止を訴えるとともに、北朝鮮が報酬を得てはならない"),
    ],
)
def test_a_clause_on_koto_and_topics_the_parser_hangs_on_the_reported_clause(analyzer: Analyzer, body: str,
                                                                           speaker: str, content: str) -> None:
    said = _said(analyzer, body)  # (the parser hangs 大統領は on 明らかにした: the content loses it)
    assert (said[-1].speaker, said[-1].content) == (speaker, content)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("会社員加藤淳也容疑者が県警の調べに「殺していない」と供述している。", "加藤淳也容疑者"),
        ("東京電力・小早川智明社長は「おわびする」と述べた。", "小早川智明社長"),
        ("中国外務省の趙立堅(ちょう・りつけん)報道官は3日、「断固反対する」と反発した。", "趙立堅(ちょう・りつけん)報道官"),
        ("弁護側は懲役5年が相当と主張していた。", "弁護側"),
        ("県警によると、少年は「大変なことをしてしまった」と供述しているという。", "少年"),
        ("長野地検の山下隆志次席検事は「妥当な判決」と述べた。", "長野地検の山下隆志次席検事"),
    ],
)
def test_the_speaker_is_the_person_not_their_job_or_employer(analyzer: Analyzer, body: str, speaker: str) -> None:
    """A job or employer written before the name is dropped (not an の-affiliation, which the scorer allows), a
    reading in brackets stays with the name, and a topic the parser calls dislocated speaks."""
    said = [s for s in _said(analyzer, body) if s.cue != "によると"]
    assert [s.speaker for s in said] == [speaker]


@pytest.mark.parametrize(
    "body",
    [
        "日銀は物価について厳しい見方を示した。",  # an adjective on the noun, not a clause
        "日銀は物価について厳しい見方も示した。",
        "田中さんは当時のことを振り返った。",  # a noun phrase on こと
        "選手は監督から、先発することを伝えられた。",  # told, not telling
        "企業は従業員に休暇を取得するよう求められている。",  # asked, not asking
        "「鬼滅の刃」（集英社）",  # a work and its publisher
        "運営会社:「株式会社みらい」",  # a label
        "（　　）「ありがとうございました」",  # an empty tag
        "木下首相は記者団にこう語る。「まだ道半ばだ」",  # the words come after
        # a sentence of narrative does not take the sentence before as its words
        "元選手の田村氏が番組に出演した。競技の現状について発表した。",  # speech about a matter
        "男性は夜になって道に迷った。男性は119番に電話した。",  # 電話した is no disclosure
        # an act not done, or not the sentence's own
        "体調不良を訴えた人はいないということです。", "県警は認否を明らかにしていない。",
        "次回は検察側と弁護側の双方が意見を述べる見通し。", "森田さんは被害を周囲に訴えたあと、行方が分からなくなった。",
        "候補者は第一声でどんなことを訴えたのか。", "市は臨時の会見を開いて方針や対応を説明してきた。",
        "森田一郎市長は進退について言及しませんでした。",
        # 訴え of a symptom or a suit, and として after a passive or on a name
        "児童ら12人が腹痛や吐き気を訴え、病院に搬送された。", "遺族は国を訴えた。", "住民らは県を訴えた。",
        "森田一郎議員は「説明が足りない」として、野党から追及された。",
        "桜台市は新しい公園の愛称を「みらい」として、来月開園する。",
    ],
)
def test_shapes_that_are_no_statement(analyzer: Analyzer, body: str) -> None:
    assert _said(analyzer, body) == []


def test_the_broadcasters_closing_line_is_not_the_bystanders(analyzer: Analyzer) -> None:
    said = _said(analyzer, "近くに住む男性は「煙がすごかった」と話していました。警察と消防が火事の原因を調べているということです。")
    assert [(s.speaker, s.content) for s in said] == [("男性", "煙がすごかった")]


def test_according_to_in_the_polite_form_is_no_quotation(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "県警によりますと、男は午前9時ごろ店に押し入ったということです。")
    assert (statement.speaker, statement.cue, statement.content) == ("県警", "によりますと", "男は午前9時ごろ店に押し入った")


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        ("英紙「ガーディアン」は、首相が辞意を固めたと報じた。", "ガーディアン", "首相が辞意を固めた"),
        ("大統領は、副大統領は会議に出席しないと述べた。", "大統領", "副大統領は会議に出席しない"),
        ("きょうの会見で、林官房長官は北朝鮮のミサイルは日本の排他的経済水域の外に落下したと述べました。", "林官房長官",
         "北朝鮮のミサイルは日本の排他的経済水域の外に落下した"),  # a setting (会見で) before a topic hung on the clause
    ],
)
def test_an_outlet_in_brackets_and_a_topic_inside_a_longer_name(analyzer: Analyzer, body: str, speaker: str,
                                                                 content: str) -> None:
    (statement,) = _said(analyzer, body)
    assert (statement.speaker, statement.content) == (speaker, content)


def test_the_headline_is_not_the_quotation_before(analyzer: Analyzer) -> None:
    article = Article(id="c" * 16, origin=Origin("text"), kind="article", title="「増税はしない」",
                      body="木下首相は3日、記者団にこう述べた。", published="2026-03-02")
    assert analyzer.analyze(article).statements == ()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("北村宏市長は来年度から給食費を無償にするとした。", ("北村宏市長", "とした", "来年度から給食費を無償にする")),
        ("桜台気象台は、大雨の恐れがあるとして、厳重な警戒を呼びかけた。", ("桜台気象台", "として", "大雨の恐れがある")),
        ("森川社長は、値上げはやむを得ないとし、利用者に理解を求めた。", ("森川社長", "とし", "値上げはやむを得ない")),
    ],
)
def test_a_position_stated_with_a_light_suru(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    (statement,) = _said(analyzer, body)
    assert (statement.speaker, statement.cue, statement.content) == expected


@pytest.mark.parametrize(
    "body",
    [
        "店の売上金を奪ったとして、県警は男を強盗の疑いで逮捕した。",  # the grounds of an arrest
        "男は車で逃げようとしたが、警察官に取り押さえられた。",  # an attempt
        "仮に値上げが必要だとしても、時期は慎重に選ぶべきだ。",  # a supposition
        "運賃を半額にするとした場合、年間10億円の減収になる。",  # a supposition
        "いきいきとした表情の写真が並ぶ。",  # a manner
        "地検は放火容疑についても処分保留とした。",  # a decision on a noun
        "詳しい映像は後で見ていただくとして、まず写真を紹介したい。",  # set aside
        "県警は、男が店の売上金を奪ったとし、強盗の疑いで逮捕した。",  # the grounds of an arrest
        "元社員の男性は、解雇は不当だとして、会社を訴えた。",  # sued
    ],
)
def test_shapes_of_to_suru_that_state_nothing(analyzer: Analyzer, body: str) -> None:
    assert _said(analyzer, body) == []


def test_the_broadcasters_hearsay_goes_on_from_the_source_it_relays(analyzer: Analyzer) -> None:
    said = _said(analyzer, "県警によりますと、男は午前9時ごろ店に押し入りました。男は刃物を持っていたということです。")
    assert [(s.speaker, s.cue, s.content) for s in said] == [
        ("県警", "によりますと", "男は午前9時ごろ店に押し入りました"), ("県警", "ということです", "男は刃物を持っていた")]


def test_a_summing_up_is_the_writers(analyzer: Analyzer) -> None:
    said = _said(analyzer, "桜台市によると、男性の1割が朝食を抜いていた。つまり、10人に1人は朝食をとらないということだ。")
    assert [s.cue for s in said] == ["によると"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("駅前で第一声を上げた坂口候補は「暮らしを守る政治を取り戻す」と訴えました。", "坂口候補"),
        ("桜台市民病院は、手術後に患者が死亡する医療事故が起きていたと明らかにした。", "桜台市民病院"),
        ("現職は「市政の継続を」と訴えた。", "現職"),
        ("桜台交通労働組合は、賃上げは不十分だと主張した。", "桜台交通労働組合"),
    ],
)
def test_candidates_hospitals_and_unions_speak(analyzer: Analyzer, body: str, speaker: str) -> None:
    (statement,) = _said(analyzer, body)
    assert statement.speaker == speaker


def test_a_suspects_plea_is_a_statement(analyzer: Analyzer) -> None:
    said = _said(analyzer, "放火の疑いで逮捕された52歳の男が、調べに対し容疑を否認していることが分かりました。")
    assert [(s.speaker, s.cue, s.content) for s in said] == [("52歳の男", "否認している", "容疑を否認している")]
    for told in ("供述を", "話も"):  # the parser hangs him on こと
        said = _said(analyzer, f"森田容疑者は「行くつもりだった」という趣旨の{told}しているということです。")
        assert [(s.speaker, s.content) for s in said] == [("森田容疑者", "行くつもりだった")], told
    said = _said(analyzer, "森田容疑者は、殺害を認める供述を始めた。")  # a plea told as the statement it is
    assert [(s.speaker, s.cue, s.content) for s in said] == [("森田容疑者", "認める供述を始めた", "殺害を認める供述を始めた")]


@pytest.mark.parametrize(
    "body",
    [
        "男は調べに対し、容疑を認めていない。",
        "初公判では、被告が起訴内容を認めるかどうかが焦点となる。",
        "弁護士は男に罪を認めるよう説得した。",
        "被告は起訴内容を否認したことはない。",
        "男が容疑を認める供述をするかどうかが焦点だ。",
        "男が容疑を認める供述をしたかどうかは明らかになっていない。",
        "県警は、殺害を認める供述を始めた男を再逮捕した。",  # a relative clause: the man's plea, not the police's
    ],
)
def test_no_plea_is_made_up(analyzer: Analyzer, body: str) -> None:
    assert _said(analyzer, body) == []


def test_a_plea_refused_stays_in_the_sources_words(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "県警によると、男は容疑を認めず、黙秘している。")
    assert (statement.speaker, statement.cue) == ("県警", "によると")


def test_a_sentence_that_only_names_who_told_the_one_before(analyzer: Analyzer) -> None:
    said = _said(analyzer, "北桜国は来月、首都で和平協議を開く。北桜国の政府関係者が25日、明らかにした。")
    assert [(s.speaker, s.cue, s.content) for s in said] == [
        ("北桜国の政府関係者", "明らかにした", "北桜国は来月、首都で和平協議を開く")]


def test_a_sentence_that_names_whom_it_was_told_to_still_names_the_source(analyzer: Analyzer) -> None:
    said = _said(analyzer, "北桜国は来月、首都で和平協議を開く。政府関係者が記者団に対し、明らかにした。")
    assert [(s.speaker, s.content) for s in said] == [("政府関係者", "北桜国は来月、首都で和平協議を開く")]


def test_a_source_that_tells_of_a_call_quotes_the_caller(analyzer: Analyzer) -> None:
    (statement,) = _said(analyzer, "桜台消防本部によると、午後3時ごろ、近所の住民から「倉庫から煙が出ている」と通報があった。")
    assert (statement.speaker, statement.cue, statement.quoted_speaker, statement.content) == (
        "桜台消防本部", "によると", "近所の住民", "倉庫から煙が出ている")


def test_the_other_statements_after_a_call_keep_their_relay(analyzer: Analyzer) -> None:
    said = _said(analyzer, "消防によると、住民から「煙が見える」と通報があったが、隊員は「火元はなかった」と話した。")
    assert [(s.speaker, s.quoted_speaker, s.reported_by) for s in said] == [
        ("消防", "住民", None), ("隊員", None, "消防")]


def test_the_broadcasters_hearsay_goes_on_after_what_the_police_were_asked(analyzer: Analyzer) -> None:
    said = _said(analyzer, "男が店に押し入ったことが、警察への取材で分かりました。男は刃物を持っていたということです。")
    assert [(s.speaker, s.cue) for s in said] == [("警察", "取材で分かりました"), ("警察", "ということです")]


def test_two_offices_of_one_place_are_two_speakers(analyzer: Analyzer) -> None:
    said = _said(analyzer, "桜台県知事は「遺憾だ」と述べた。桜台県教育長は「調査する」と述べた。")
    assert [s.speaker_canonical for s in said] == ["person:桜台県知事", "person:桜台県教育長"]
    said = _said(analyzer, "中村市長は「遺憾だ」と述べた。中村氏は「調査する」と述べた。")
    assert [s.speaker_canonical for s in said] == ["person:中村", "person:中村"]  # a surname ending in 村


def test_the_occasion_the_parser_hangs_inside_the_words_gives_the_speaker(analyzer: Analyzer) -> None:
    said = _said(analyzer, "4日、桜台労働組合が会見を開き、賃金を支払ってほしいと訴えました。")
    assert [(s.speaker, s.content) for s in said] == [("桜台労働組合", "賃金を支払ってほしい")]
    said = _said(analyzer, "森田一郎(もりたいちろう)知事は10日、外出を控えるよう呼び掛けた。")
    assert said[0].speaker_canonical == "person:森田一郎"  # the reading is no part of who speaks


def test_a_statement_the_sentence_answers_is_its_own_speakers_and_does_not_go_on(analyzer: Analyzer) -> None:
    said = _said(analyzer, "森田官房長官は9日の記者会見で、桜台国が7日に重大な試験を行ったと発表したことについて、"
                           "分析中だと述べた。その上で「警戒監視に全力を挙げている」と説明した。")
    assert [(s.speaker, s.content) for s in said] == [("桜台国", "7日に重大な試験を行った"),
                                                     ("森田官房長官", "分析中だ"),
                                                     ("森田官房長官", "警戒監視に全力を挙げている")]


@pytest.mark.parametrize(
    ("body", "speaker", "said"),
    [
        ("桜台国の森田外相は、地域における両国の協力の大きさを強調した。", "森田外相",
         "地域における両国の協力の大きさを強調した"),
        ("森田一郎市長は会見の冒頭で進退について説明した。", "森田一郎市長", "進退について説明した"),
        ("青葉市の森田一郎市長がさきほど臨時の記者会見を開き、新庁舎の建設中止を表明しました。", "森田一郎市長",
         "新庁舎の建設中止を表明しました"),
        ("春闘に向け、県の労働組合連合会などが駅前で賃金の引き上げなどを訴えました。", "県の労働組合連合会",
         "賃金の引き上げなどを訴えました"),
    ],
)
def test_an_act_reported_by_its_topic_alone_is_a_statement(analyzer: Analyzer, body: str, speaker: str,
                                                           said: str) -> None:
    statements = _said(analyzer, body)
    assert [(s.speaker, s.content, s.direct) for s in statements] == [(speaker, said, False)]
    assert body[statements[0].cue_start or 0:].startswith(statements[0].cue)


def test_an_act_that_frames_words_already_quoted_is_not_counted_again(analyzer: Analyzer) -> None:
    said = _said(analyzer, "森田事務総長は6日、紛争について「和平の望みが消えていく」と述べ、現状への憂慮を表明した。")
    assert [(s.speaker, s.cue, s.content) for s in said] == [("森田事務総長", "述べ", "和平の望みが消えていく")]


def test_a_position_held_in_the_polite_form_of_broadcasters(analyzer: Analyzer) -> None:
    said = _said(analyzer, "桜台市教育委員会は、報告を各学校の校長と共有し、いじめ対策を徹底するとしています。")
    assert [(s.speaker, s.content) for s in said] == [("桜台市教育委員会", "報告を各学校の校長と共有し、いじめ対策を徹底する")]


def test_words_given_as_the_reason_for_an_act_are_a_statement(analyzer: Analyzer) -> None:
    said = _said(analyzer, "桜台市教委は「生徒に突然、暴力を振るった」として詳細を調べている。")
    assert [(s.speaker, s.cue, s.content, s.direct) for s in said] == [
        ("桜台市教委", "として", "生徒に突然、暴力を振るった", True)]
    said = _said(analyzer, "森田事務総長は「早急な行動が必要だ」として、各国に対話を続けるよう訴えた。")
    assert [(s.cue, s.content) for s in said] == [("として", "早急な行動が必要だ"), ("訴えた", "各国に対話を続ける")]
    assert _said(analyzer, "市は新しい施設を「特別な場所」として扱っている。") == []
    assert _said(analyzer, "桜台地裁は、市の対応は違法として、賠償を命じる判決を言い渡した。") == []


@pytest.mark.parametrize(
    ("body", "speaker", "canonical"),
    [
        ("桜台重工業の森田康治H3プロジェクトマネージャーは「音が大きかった」と振り返った。",
         "森田康治H3プロジェクトマネージャー", None),  # a name, then a title the recogniser may call a body
        ("桜台国の李善権(リ・ソングォン)外相は23日に談話を発表し、「接触は考えていない」と語った。",
         "李善権(リ・ソングォン)外相", "person:李善権"),
        ("これに先立ち首相は記者団に「最大限頑張る」と強調した。", "首相", None),
    ],
)
def test_a_speaker_phrase_holds_the_name_and_title_and_nothing_else(analyzer: Analyzer, body: str, speaker: str,
                                                                  canonical: str | None) -> None:
    said = _said(analyzer, body)
    assert said[-1].speaker == speaker
    if canonical:
        assert said[-1].speaker_canonical == canonical


def test_an_act_s_speaker_is_never_inside_a_relative_clause(analyzer: Analyzer) -> None:
    said = _said(analyzer, "森田一郎被告が起こした事故について、判決は飲酒運転の危険性を強調した。")
    assert [s.speaker for s in said] in ([], [None], ["判決"])
    said = _said(analyzer, "森田一郎市長は会見を開いた。山田花子議員が辞職したことを受け、後任の選び方について説明した。")
    assert said[-1].speaker == "森田一郎市長"


def test_words_received_from_someone_are_theirs(analyzer: Analyzer) -> None:
    said = _said(analyzer, "桜台市の女性は、森田と名乗る男から「口座が犯罪に使われた」と言われた。")
    assert [(s.speaker, s.content) for s in said] == [("男", "口座が犯罪に使われた")]
    said = _said(analyzer, "知事は桜台町の役場を訪れ、大森町長から現地の状況について説明を受けた。")
    assert [(s.speaker, s.content) for s in said] == [("大森町長", "現地の状況について説明")]
    said = _said(analyzer, "森田一郎監督は選手たちに「明日は休みだ」と言い渡した。")
    assert [(s.speaker, s.content) for s in said] == [("森田一郎監督", "明日は休みだ")]
    assert _said(analyzer, "森田一郎氏は「頑張れ」と言われた。") == []


def test_a_person_named_with_a_long_title_is_grouped_under_the_person(analyzer: Analyzer) -> None:
    said = _said(analyzer, "森田一郎経済再生担当相は「合意した」と述べた。森田一郎経済財政・再生相は「急ぐ」と述べた。"
                           "李善権（リ・ソングォン）祖国平和統一委員長は「応じない」と述べた。")
    assert [s.speaker_canonical for s in said] == ["person:森田一郎", "person:森田一郎", "person:李善権"]
    said = _said(analyzer, "山田花子さん森田一郎さん夫妻は「感謝しかない」と話した。")
    assert said[0].speaker_canonical != "person:森田一郎"  # two people, not one of them


@pytest.mark.parametrize(
    ("body", "speaker", "cue", "content"),
    [  # a hearsay ending whose source is the body acting in its own sentence
        ("少年は直前に刃物を準備していた。長女に一方的に好意を寄せていたといい、県警は経緯を慎重に捜査している。",
         "県警", "といい", "長女に一方的に好意を寄せていた"),
        ("工場の2階部分が焼けた。当時は50人ほどが働いていたということで、警察が出火の原因を調べています。",
         "警察", "ということで", "当時は50人ほどが働いていた"),
        ("また、県では、今回の被害状況をとりまとめて対応していきたいということです。", "県", "ということです",
         "今回の被害状況をとりまとめて対応していきたい"),
        ("東京都は、感染者が増えているということです。", "東京都", "ということです", "感染者が増えている"),
        ("森田さんは「点検は形だけだった」と話す。会社は当時、報告を受けていなかったという。", "森田さん", "という",
         "会社は当時、報告を受けていなかった"),  # the speaker before goes on; the company is what it is about
    ],
)
def test_hearsay_is_the_acting_body_s(analyzer: Analyzer, body: str, speaker: str, cue: str, content: str) -> None:
    *_, said = _said(analyzer, body)
    assert (said.speaker, said.cue, said.content) == (speaker, cue, content)


def test_hearsay_after_a_source_that_relays_stays_that_source_s(analyzer: Analyzer) -> None:
    said = _said(analyzer, "男の携帯電話のデータが消去されていたことが、捜査関係者への取材で分かりました。"
                           "やり取りも消えていたということで、警察は当時の対応を確認しています。")
    assert [s.speaker for s in said] == ["捜査関係者", "捜査関係者"]


@pytest.mark.parametrize(
    "body",
    [  # no body names itself the source: a body that only acted before, a word that is no body, a victim
        "長野県警は1日、男を逮捕した。男は当時、酒に酔っていたという。",
        "結局は、担当者の確認不足が原因だったという。", "本社は東京都内にあるという。", "この町は古くから漁業で栄えたという。",
        "火は約2時間後に消し止められたといい、市内の会社が被害を受けた。",
    ],
)
def test_hearsay_whose_source_no_body_is_is_nobody_s(analyzer: Analyzer, body: str) -> None:
    assert _said(analyzer, body) == []


@pytest.mark.parametrize(
    ("before", "speaker"),
    [  # the person the sentence before is about, named with a title, a reading or an age, goes on speaking
        ("自民新人の森田一郎候補(42)は雨の中、最後まで桜台市内を歩き回った。", "森田一郎候補"),
        ("森田一郎(42)容疑者は1日、殺人の疑いで逮捕された。", "森田一郎容疑者"),
        ("感染拡大を防ぐため、森田一郎(もりたいちろう)知事は10日、臨時の記者会見を開いた。", "森田一郎(もりたいちろう)知事"),
    ],
)
def test_the_titled_person_a_sentence_is_about_goes_on_speaking(analyzer: Analyzer, before: str, speaker: str) -> None:
    (said,) = _said(analyzer, before + "マイクを握り、「大逆転まであと一歩だ」と声を絞り出した。")
    assert (said.speaker, said.speaker_canonical) == (speaker, "person:森田一郎")


@pytest.mark.parametrize("before", ["森田一郎社長夫人も会場を訪れた。", "森田一郎氏殺害事件は迷宮入りした。",
                                    "会場には森田一郎ファンが詰めかけた。"])
def test_what_a_name_is_part_of_is_no_titled_person(analyzer: Analyzer, before: str) -> None:
    (said,) = _said(analyzer, before + "「悔しい」と話した。")
    assert said.speaker_canonical != "person:森田一郎"


def test_the_press_conference_a_speaker_held_is_not_what_he_said(analyzer: Analyzer) -> None:
    (said,) = _said(analyzer, "森田首相は臨時の記者会見を開き、総裁選挙に立候補しないことを表明しました。")
    assert (said.speaker, said.content) == ("森田首相", "総裁選挙に立候補しない")


def test_who_said_what_came_out_is_the_agent_before_the_clause(analyzer: Analyzer) -> None:
    (said,) = _said(analyzer, "再逮捕された森田一郎容疑者(45)が、県警の任意聴取に「着替えを準備して現場に行った」という"
                              "趣旨の供述をしたことが29日、捜査関係者への取材で分かった。")
    assert (said.speaker_canonical, said.content) == ("person:森田一郎", "着替えを準備して現場に行った")


def test_the_speaker_set_off_before_words_with_their_own_subject(analyzer: Analyzer) -> None:
    (said,) = _said(analyzer, "桜台市で男性を殺害しようとした疑いで逮捕された男が、ナイフが当たったのは偶然だったと"
                              "話していることが分かりました。")
    assert (said.speaker, said.content) == ("男", "ナイフが当たったのは偶然だった")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("森田市長は、桜台の活性化を進めると宣言。", "森田市長"),
        ("山中市長は、桜台の活性化を進めると宣言。", "山中市長"),  # 中 ends a surname here, not China's 中市長
        ("試合後、FW森田一郎(30)は「絶対に決める」と話した。", "森田一郎"),  # a player's position is no part of him
        ("「よかった」と森田さんたちは話した。", "森田さんたち"),
        ("サクラダイ自動車森田一郎会長は「よかった」と話した。", "森田一郎会長"),  # the body he heads is not his name
    ],
)
def test_a_speaker_is_cut_where_words_end(analyzer: Analyzer, body: str, speaker: str) -> None:
    (said,) = _said(analyzer, body)
    assert said.speaker == speaker


def test_a_word_the_parser_cut_at_what_looks_like_an_honorific_is_no_speaker(analyzer: Analyzer) -> None:
    (said,) = _said(analyzer, "「振るわない年はあった」と話す全国さんま漁協の森田一郎組合長だが、表情は硬い。")
    assert said.speaker in (None, "森田一郎組合長")  # never 全国さん (さんま is a fish)


def test_a_verb_of_saying_whose_suru_news_leaves_off_speaks_for_the_topic(analyzer: Analyzer) -> None:
    (said,) = _said(analyzer, "森田一郎裁判長は判決理由で、いずれの事件も夜間に単身高齢者を狙い「地域に大きな不安を与えた」と指摘。")
    assert (said.speaker, said.cue) == ("森田一郎裁判長", "指摘")
    (heard,) = _said(analyzer, "ネット上では「説明が足りない」との指摘が相次いだ。")  # words heard, not a verb
    assert heard.speaker is None


def test_a_topic_the_parser_calls_an_oblique_still_speaks(analyzer: Analyzer) -> None:
    (said,) = _said(analyzer, "青葉原発3、4号機の再稼働問題で、地元の桜台町の森田忍町長は14日、町議会全員協議会で「再稼働を容認する」"
                              "と述べ、同意を正式に表明した。")
    assert (said.speaker, said.cue) == ("森田忍町長", "述べ")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [  # what a suspect tells investigators is the suspect's, named in the sentence or one or two before
        ("桜台署は3日、桜台市の会社員森田一郎容疑者(41)を傷害の疑いで逮捕した。「間違いありません」と容疑を認めているという。",
         "森田一郎容疑者"),
        ("桜台署は3日、傷害の疑いで市内の無職の男(25)を逮捕した。「殴っていない」と容疑を否認している。", "男"),
        ("桜台署によると、森田容疑者は「覚えていない」と供述している。", "森田容疑者"),  # not 桜台署, who relays it
    ],
)
def test_what_a_suspect_tells_investigators_is_the_suspects(analyzer: Analyzer, body: str, speaker: str) -> None:
    said = _said(analyzer, body)[-1]
    assert said.speaker == speaker


def test_a_body_that_a_sentence_is_about_goes_on_speaking_in_the_next(analyzer: Analyzer) -> None:
    said = _said(analyzer, "これを受けて桜台市は災害対策本部を設置した。今後も被害の確認を急ぎたいとしている。")
    assert [s.speaker for s in said] == ["桜台市"]
    (office,) = _said(analyzer, "桜台健康福祉事務所は1日、市内の飲食店で食事をした12人が体調不良を訴えたと発表した。")
    assert office.speaker == "桜台健康福祉事務所"  # the recogniser calls it a place; its ending says it is a body
