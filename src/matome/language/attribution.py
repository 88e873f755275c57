"""Who said what, from a dependency parse of the sentence (`syntax.Parser`).

A statement is a quotation on any predicate, a clause closed by と whose head is a verb of saying, a stated view, a
readout (…旨述べた) or a によると source. The speaker is the subject of the speech predicate, of the clause it goes on
from or of the occasion it is set in (…が出演した際), or the noun a relative clause describes or the sentence closes
on (…と語る金平会長だった), if that can be someone; 同氏/同社/記事 refer back; without one, the
speaker of the sentence before goes on (not across a turn of dialogue), else None. Nested speech keeps its inner
speaker as `quoted_speaker`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib.resources import files

from matome.language.entities import MEDIA_SUFFIXES, NAME_READING, PLAYING_POSITION, Mention
from matome.language.gazetteer import GENERIC_TITLES, PERSON_SUFFIXES, Gazetteer
from matome.language.speech import (
    ACCORDING_CUE,
    ACT,
    AGE,
    HEARSAY,
    HEARSAY_CLAUSE,
    HEARSAY_END,
    HOLD,
    INVESTIGATORS,
    LEADING,
    OBJECT,
    PLEA,
    QUESTIONED,
    QUOTED_BEFORE,
    RELAY,
    REPORTED_BEFORE,
    SAID_BEFORE,
    SPEAKER_TYPES,
    SUMMING_UP,
    UNDER_QUESTIONING,
    VENUE,
    VERBS,
    VIEW,
    Context,
    Cue,
    affiliation_of,
    cue_word,
    suspect_named,
)
from matome.language.syntax import PARTICLES, Parse, Word
from matome.records import Statement
from matome.text.normalize import normalize

SPEECH_NOUNS = (r"(?:声|意見|コメント|指摘|質問|批判|反応|書き込み|投稿|答え|回答|見方|見解|証言|言葉|発言|主張"
                r"|感想|趣旨|本音|心境|持論|苦言|皮肉|要望|メッセージ|エール|反論|談話|ツッコミ|賛辞|クレーム|体験談"
                r"|問い|返答|称賛|絶賛|非難|不満|疑問)")
WORDS_SAID = re.compile(SPEECH_NOUNS + "$")
TOLD = ("話", "供述", "説明")  # 「…」という趣旨の供述をしている: words the subject gave, though the nouns name more
# 「…」など、…を求める声が: a crowd's voice, the noun after a verb or adjective (not 「…」など、…への批判: a topic)
QUOTE_END = re.compile(r"[」』](?:(?:など|とか)?と(?:いう|いった)|(?:との|などの)(?=" + SPEECH_NOUNS + r")|などと|とも"
                       r"|など(?=、?[^。「」、]{0,30}?(?:る|た|い|う|な)" + SPEECH_NOUNS + r"(?:が|も|は))"
                       r"|と(?![は「]|の|して|言え|いえ|思|考え|され|見られ|いわれ|呼(?!びかけ|び掛け)|称(?!賛|え)|題|名)|って)")
NAMED_BY = re.compile(r"(?:など|とか)?と(?:いう|いった)")
# 「…必要だ」として、…よう訴えた: words given as a reason
GIVEN_AS = re.compile(r"[」』](?:など)?と(?P<cue>して)(?![いおも])、?")
GIVEN_MIN = 6  # characters of a quotation given as a reason, its brackets included: fewer name a thing
NAMING_BEFORE = re.compile(r"(?:を|小説|映画|曲|作品|番組|書籍|歌|アルバム|ドラマ|タイトル|愛称|名称|名前|標語"
                           r"|スローガン)$")
NAMED_FOLLOWS = ("は", "が", "も", "に", "だ", "。")  # 「…」という森田氏は / だが / 。: the name speaks
QUOTED = re.compile(r"「(?P<said>[^「」]+)」")
AFTER_NAME = re.compile(r"(?:[=＝][^=＝、。]{1,15}[=＝]|[（(][0-9０-９]{1,3}[）)])+$")  # 男性(45)=那覇市=: age, home
PAIRED = re.compile(r"」、[^、。「」]{1,30}?は[^。「」]{0,30}?「$")  # …」、Bは守秘義務について「
PAIRED_MIN = 8  # characters of the first voice's words: fewer name something (「異次元の対策」), they say nothing
QUESTION_END = re.compile(r"(?:か|[？?])」$")
CREDIT = re.compile(r"[（(](?P<who>[^（）()「」、。\d]{1,15})[）)](?=[、「と]|$)")  # 「…」（多村）、: who said it
# (not 「番組名」（テレビ東京系）が: a title and its channel, closed by a particle)
CREDITED_ONLY = re.compile(r"(?:「[^「」]+」[（(][^（）()「」]+[）)]、?)+")
# a broadcaster's speaker tag before the words: 林外務大臣:「…」, (避難している女性はー)「…」, and without the colon
# 林田外相「…」 (see BARE_TAG)
SPEAKER_TAG = re.compile(r"^(?:[（(](?P<aside>[^（）()「」]{2,30}?)(?:は[ー−―-]?)?[）)]"
                         r"|(?P<label>[^「」:：。、（）()]{2,30}?)(?:\s*[:：]|は)?)\s*(?=「[^「」]+」。?$)")
# a tag without its colon names only who speaks (近くの住民, 桜台の会新人森田花子市議): no words of a sentence (no kana
# but の), not a list's bullet (・関連記事の見出し「…」)
BARE_TAG = re.compile(r"(?:【[^】]*】|[■◆●▼◇□])*(?!・)(?:[^ぁ-ゖ]|の|(?<=近)く)+")
OFFICE = re.compile(r"[一-龥]{0,5}")  # what may follow a name in a tag: 市議, 主任予報官 (not の新曲)
PLACE_ENDINGS = ("都", "道", "府", "県", "市", "区", "町", "村")
# a body whose findings news passes on as hearsay (police, fire services, governments, companies, hospitals): a bare
# word of these, or a named body (`Report`'s entities) that ends in one of the endings
AUTHORITY_ENDINGS = (*PLACE_ENDINGS, "県警", "警察", "警察署", "署", "警", "消防", "消防局", "消防本部", "本部",
                     "保安部", "庁", "省", "局", "社", "病院", "委員会", "教委", "気象台", "当局", "政府")
AUTHORITY_WORDS = frozenset({*PLACE_ENDINGS, "警察", "県警", "府警", "道警", "消防", "当局", "政府",
                             *(f"同{body}" for body in ("社", "署", "市", "町", "村", "県", "庁", "省", "局", "病院"))})
# a sentence opening with a body as its topic (長野県警は1日、…; 県では、…), matched where the sentence's words start
ACTING = re.compile(r"(?:[0-9０-９]{1,2}日(?:[午朝夜][前後]?)?、?)?"
                    r"(?P<body>[^、。「」『』()（）\s]{1,16}?)(?:では|は)、?")
ACTING_AFTER = re.compile(r"(?P<body>[^、。「」『』()（）\s]{1,16}?)[はが]")  # …といい、県警は…
BARE_SPEAKERS = (*PERSON_SUFFIXES, "住民", "男性", "女性", "市民", "関係者", "担当者")
# a statement that another one answers (…と発表したことについて、首相は…): the sentence's topic speaks the answer
ANSWERED_CLAUSE = re.compile(r"(?:た|ました)?ことに(?:ついて|対し|関し)|(?:た|ました)?ことを受け")
INNER_SUBJECT = re.compile(r"^(?:[^、。「」]{0,20}で、)?(?P<who>[^、。「」]{2,20}?)が")  # 記者会見で、北朝鮮が…
# the occasion a speaker's words were given on, which the parser may hang inside them: 組合が会見を開き、…と訴えた
OCCASION = re.compile(r"^(?:[^、。「」]{0,12}、)?(?P<who>[^、。「」]{2,24}?)(?:が|は)[^、。「」]{0,16}?"
                      r"(?:記者会見を開き|会見を開き|記者会見し|会見し|取材に応じ|声明を出し|声明を発表し|集会を開き|会合を開き)、")
# the speaker, marked が and set off by a comma, before words that have a subject of their own, which the parser
# hung inside them: 逮捕された男が、ナイフが当たったのは偶然だったと話している
HUNG_SPEAKER = re.compile(rf"^(?P<phrase>[^、。「」]{{1,40}}?)(?P<who>[一-龥ァ-ヺー]+)(?:{AGE.pattern})?が、"
                          r"(?=[^。「」]*?[がは])")
QUESTION = re.compile(r"質問|問い|問いかけ")
QUESTION_CUE = re.compile(NAMED_BY.pattern + "(?:" + QUESTION.pattern + ")$")  # 「…」という質問: a question asked
RECEIVED = re.compile(r"受け|寄せられ|され")  # Xは「…」という質問を受けると: X is asked, not asking
RECEIVING = re.compile(r"浴び|受け|買|集め|招")  # 「…」と批判を浴びた: words taken, not given
ANSWERED = re.compile(r"対し|答え|応じ|応え|回答")  # Xは「…」という質問に対し: X answers it
PARSED_VERBS = (*VERBS, "述べ", "報道し", "証言し", "告白し", "回答し", "答え", "言っ", "言い", "言う", "綴っ",
                "綴り", "綴る", "明かす", "振り返", "切り出", "付け加え", "投稿し", "つぶやい", "記し", "書い",
                "漏らし", "告げ", "宣言し", "暴露し", "謝罪し", "釈明し", "分析し", "明言", "証言", "告白", "回答",
                "言及", "豪語", "力説", "激白", "吐露", "述懐", "回想", "打ち明け", "宣言", "約束", "釈明", "弁明",
                "謝罪", "非難", "抗議", "要求", "要望", "提案", "呼びかけ", "嘆", "漏らす", "絶賛", "称賛", "賞賛",
                "疑問視", "言い放", "紹介し", "報告し", "公表", "告知", "返答", "応じ", "応え", "供述", "誓っ", "誓い",
                "誓う", "要請", "呼び掛け", "促し", "促す")
_PARSED_VERB = "|".join(sorted(set(PARSED_VERBS), key=len, reverse=True))
# 言う in a turn of phrase, not a report of words: 老舗と言ったところだ, 政治活動と言うよりも,
# …と言い換えることもできる, 名作と言える, 過言ではないと言っても
SAYING_IDIOM = re.compile(r"言(?:ったところ(?!、|,|で[^あす])|うより|うべき|える|えない|えよう|っても|わざる|い換え"
                          r"|うまでも|わんばかり|ってるような|ってるよう|えば)"
                          r"|(?<!と)言い渡")  # not 「金を出せ」と言ったところ、 nor 判決を言い渡した (a verdict)
INDIRECT = re.compile(rf"(?:と、?|こと[をも])(?P<cue>{_PARSED_VERB})")  # …一致したことも明らかにした
SPEECH_VERB = re.compile(_PARSED_VERB)
FAR_SPEECH = re.compile(rf"と[^。「」]{{1,40}}?(?:{_PARSED_VERB})(?:た|て|る|し|、|。|$)"  # …と外務省の幹部は語った
                        rf"|旨(?:を|の)?(?:{_PARSED_VERB})")  # readouts: …旨述べた, …旨の発言があった
INTERVIEWED = re.compile(r"^(?P<content>.+?)(?:ことが|と)、?(?P<src>[^、。「」]{2,20}?)(?:への|に対する)"
                         r"(?P<cue>取材で(?:分かった|わかった|明らかになった|判明した|分かりました|わかりました"
                         r"|明らかになりました|判明しました))")  # the polite forms: broadcasters
# a sentence that only says who told the one before: 同国の政府関係者が25日、明らかにした。 (no object, no と, not
# 現状について語った: speech about something, whose words are not the sentence before)
DISCLOSING = ("明らかにし", "明かし", "発表し", "語っ", "述べ")
DISCLOSED = re.compile(r"^(?!.*(?:について|に関し))[^「」『』をと。]{2,60}?(?<=[、がはもで日])"
                       rf"(?P<cue>{'|'.join(DISCLOSING)})(?P<tail>た|ました)。?$")
# before あった: a call received (「…」と消防に通報がありました)
CALL = re.compile(r"」と[^「」。]{0,8}?(?:通報|相談|連絡|情報提供|申し出|問い合わせ|苦情)が$")
# 「…」。首相はこう述べた (past: こう語る。「…」 tells of words still to come)
SO_SAID = re.compile(rf"(?:こう|このように)、?(?P<cue>{_PARSED_VERB})(?=た|だ|ました|てい)")
REQUEST = re.compile(r"訴え|求め|呼びかけ|呼び掛け|要請|要求|要望|促")  # …するよう求めた: what was asked was said
ASKED = re.compile(r"ように?(?:" + REQUEST.pattern + ")")
SOURCE_NOUNS = ("報道", "発表", "話", "説明", "調べ", "調査", "取材", "記事", "声明", "会見", "証言", "情報", "投稿")
SUBJECTS = ("nsubj", "csubj")
MEDIA_ENDINGS = (*MEDIA_SUFFIXES, "ポスト", "セブン", "自身", "文春", "新潮", "サイト", "ブログ", "ネット", "Web",
                 "web")  # outlets and the sites that publish like them
WHILE = re.compile(r"ながら|つつ")
MANNER = ("て", "で", "ながら", "つつ")  # 笑って答えた, 苦笑いしながら説明した: how the words were said
CONJUNCTIONS = ("と", "ば", "や", "たら", "なら", "が", "けど", "けれど", "ので", "から", "のに")  # not part of a cue
TURN = re.compile(r"(?:た|る|す|い|け|れ)?(?:と|や|ば|ら|ところ|なり)、?")  # 尋ねると, 返すや: the other side answers
GOING_ON = re.compile(r"^(?:訴え|続け|付け加え|強調|重ね|畳みかけ|念を押|力を込め|語気を強め)")  # one voice, louder
LINK_BULLETS = ("・", "■", "●", "◆", "→", "【関連")
HEARD = re.compile(SPEECH_NOUNS + r"(?:が|も|は|を|で|の)")  # 「…」と…声が: words that readers or people said
UNSPOKEN = re.compile(r"話題|反響|注目|物議|波紋|評判|人気")  # 「…」と話題に: a stir, nobody in particular speaks
KATAKANA_NAME = re.compile(r"^[ァ-ヴー]+$")
KANA_HONORIFICS = ("さん", "ちゃん", "くん")
# what may follow a name and its honorific (森田さんは, 森田さんたち, 森田さんまで): another kana goes on with a word
PARTICLE_AFTER_NAME = re.compile(r"は|が|も|と|に|を|へ|や|ら|で|だ|の|たち|から|まで|より|って|こそ|など|なら|しか"
                                 r"|ね|よ|か|ばかり|[^ぁ-ゖァ-ヴー]|$")
# who a broadcaster's tag or credit may name: people, not bodies (運営会社:「…」, 「…」（集英社）)
PEOPLE = (*PERSON_SUFFIXES, "者", "員", "男性", "女性", "住民", "市民", "男", "女", "少年", "少女", "親", "生", "長",
          "官", "手", "師", "士", "さん", "ちゃん", "くん")
SAID_WORDS = re.compile(r"[、。！？!?]|[ねよなだたいるすうかわ]$")  # a sentence said, not the title of a work
LEADING_LABEL = re.compile(r"^(?:【[^】]*】|[■◆●▼◇□])+")  # 【速報】林官房長官:, ■近くの住民「…」
NAME_ASIDE = re.compile(NAME_READING.pattern + "|・")  # what may stand between a name and its title: a reading, a dot
NAMES = ("NOUN", "PROPN", "PRON")
READING_LEFT_OPEN = re.compile(r"[(（][ぁ-ゖァ-ヺー・]+$")  # a name whose reading the recogniser cut before its ）
BODIES = ("社", "紙", "誌", "局", "党", "省", "庁", "団体", "サイト", "番組", "ブログ")
REFERS_BACK = re.compile(rf"^(?:同|その)(?P<what>氏|{'|'.join(BODIES)}|記事|報道|[^\s]{{1,4}})$"
                         r"|^(?P<article>記事|これ|それ)$")
OUTLET_CARRY = 3  # 記事 refers back to an outlet quoted this many sentences before
OUTLET_ARTICLE = re.compile(r"^(?:同|その)?(?:記事|紙|誌)$")  # 記事では, 同紙では: where an outlet's words are
ANSWERER_BACK = 2  # who answers a question was named at most this many sentences before
CARRY = 1  # a speaker goes on for this many sentences without being named again
SUSPECT_CARRY = 2  # … and a suspect, who answers investigators, for this many
Named = tuple[str | None, str | None]  # (speaker as written, canonical id)
Relayed = tuple[str | None, str | None, str | None]  # … and the outlet that relays the words
SPEECH = re.compile(re.sub(r"\?P<\w+>", "?:", "|".join(
    p.pattern for p in (QUOTE_END, GIVEN_AS, INDIRECT, VIEW, HOLD, OBJECT, PLEA, ACT, SO_SAID, ASKED, CREDITED_ONLY,
                        SPEAKER_TAG, HEARSAY, HEARSAY_CLAUSE, ACCORDING_CUE, DISCLOSED, re.compile("取材で"),
                        re.compile(r"(?<=[ぁ-ゖ])とし[たて、]")))))


def asks(statement: Statement) -> bool:
    """Whether a statement is a question put to someone (whose answer comes from the other side)."""
    return QUESTION_CUE.search(statement.cue) is not None


def answered(text: str, statement: Statement) -> bool:
    """Whether a statement is one the sentence's own speaker answers (北朝鮮が…と発表したことについて、首相は…): its
    speaker does not go on speaking."""
    return statement.cue_end is not None and ANSWERED_CLAUSE.match(text, statement.cue_end) is not None


def carries_speech(text: str) -> bool:
    """Whether a sentence may hold a statement: only those are parsed."""
    return SPEECH.search(text) is not None or FAR_SPEECH.search(text) is not None


def parsed_statements(text: str, sentence: str, mentions: list[Mention], gazetteer: Gazetteer, context: Context,
                      parse: Parse) -> list[Statement]:
    """Every statement of one parsed sentence, nested speech folded into the statement that reports it."""
    cues = _parsed_cues(text, parse, mentions)
    if not cues and (tagged := _tagged(text, sentence, parse, mentions)):
        return tagged
    nested = {id(inner): outer for inner in cues for outer in cues
              if outer is not inner and 0 <= outer.content_start <= inner.start and inner.end <= outer.verb}
    found: list[Statement] = []
    quotation = QUOTED.fullmatch(context.previous.strip().rstrip("。"))  # the sentence before, if one quotation
    for cue in cues:
        if id(cue) in nested or (cue.content_start == QUOTED_BEFORE and quotation is None) or (
                cue.content_start == REPORTED_BEFORE and not context.previous.strip()):
            continue  # (こう述べた after a sentence that is no quotation: the words are elsewhere)
        speaker = _parsed_speaker(text, parse, cue, mentions, context, [f for f in found if not answered(text, f)])
        speaker = _questioned(text, cue, speaker, mentions, context)
        inner = [c for c in cues if nested.get(id(c)) is cue]
        quoted = _parsed_speaker(text, parse, inner[0], mentions, None, []) if inner else \
            _inner_speaker(text, parse, cue, mentions)
        name, canonical, reported_by = _relayed(text, cue, speaker, mentions)
        content = cue.content
        hung = re.match(rf"^(?:[^、。「」]{{0,20}}?[の・、 ])?{re.escape(name)}(?:は|も|から|より)、?", content) \
            if name else None  # (not 大統領 inside 副大統領は…)
        if hung and not cue.direct:  # the topic the parser hung on the clause (韓国の趙外相は、…と主張した)
            content = content[hung.end():]
        if not cue.direct:
            name, canonical, content = _speaker_in_words(text, cue, content, (name, canonical), mentions)
        if cue.content_start == SAID_BEFORE:
            earlier = found or context.statements
            content = earlier[-1].content if earlier else ""
        if cue.content_start == QUOTED_BEFORE and quotation is not None:  # 「…」。首相はこう述べた
            content = quotation.group("said")
        if cue.content_start == REPORTED_BEFORE:
            content = context.previous.strip().rstrip("。")
        mention = next((m for m in mentions if canonical and m.canonical == canonical and m.start < cue.start), None)
        found.append(Statement(name, canonical, cue.cue, content, cue.direct or cue.content_start == QUOTED_BEFORE,
                               reported_by, sentence,
                               affiliation_of(text, mention, mentions, gazetteer), quoted[0], cue.verb,
                               cue.verb + len(cue.cue)))
    found = [split for said in found for split in _credited(text, parse, said, mentions)]
    found = [split for said in found for split in _paired(text, parse, said, mentions)]
    return _with_sources(text, sentence, parse, found, mentions, context) + _interviewed(text, sentence, found)


def _questioned(text: str, cue: Cue, speaker: Named, mentions: list[Mention], context: Context) -> Named:
    """`県警によると、「…」と容疑を認めている`: what a suspect tells investigators (容疑を認め, 否認, 供述, or words
    given 調べに対し) is the suspect's, named in the sentence or at most SUSPECT_CARRY sentences before; never the
    police who relay it, nor no one."""
    if speaker[0] is not None and not speaker[0].endswith(INVESTIGATORS):
        return speaker
    before = max(cue.start, 0)
    if not QUESTIONED.search(cue.cue) and not UNDER_QUESTIONING.search(text, 0, before):
        return speaker
    suspect = suspect_named(text[:before], [m for m in mentions if m.end <= before])
    if suspect is None and context.suspect is not None and context.sentence - context.suspect.sentence <= SUSPECT_CARRY:
        suspect = context.suspect
    return (suspect.name, suspect.canonical) if suspect is not None else speaker


def _credited(text: str, parse: Parse, said: Statement, mentions: list[Mention]) -> list[Statement]:
    """`「…」（多村）、「…」（内川）と絶賛した`: each quote credited in brackets is a statement of whom it names, with
    the cue they share. Only a statement made of such quotes alone is split (not `名前を「アオバ」（日本）…とする`)."""
    if said.direct or not CREDITED_ONLY.fullmatch(said.content):
        return [said]
    base = text.find(said.content)
    credited = [(quote, credit) for quote in QUOTED.finditer(said.content)
                if (credit := CREDIT.match(said.content, quote.end())) is not None]
    if base < 0 or not credited or len(credited) != len(QUOTED.findall(said.content)):
        return [said]
    split = []
    for quote, credit in credited:
        who, start, end = credit.group("who"), base + credit.start("who"), base + credit.end("who")
        named = [m for m in mentions if m.type in SPEAKER_TYPES and start <= m.start and m.end <= end]
        word = parse.at(start)
        if not named and not who.endswith(AGENTS) and (word is None or not _agent(parse, word, mentions)):
            return [said]  # （笑）, （同）: not someone
        canonical = named[0].canonical if named else _person_id(who)
        split.append(replace(said, speaker=who, speaker_canonical=canonical, content=quote.group("said"),
                             direct=True))
    return split


def _paired(text: str, parse: Parse, said: Statement, mentions: list[Mention]) -> list[Statement]:
    """`Aは「…」、Bは…「…」と語った`: two people's words on one cue, as news gives voices in a row; B says the last
    quote, A the one before it. Both topics must be someone (not `判決は「…」、…`), and A's words must be said, not a
    question put to B (`記者は「なぜ…か」、首相は…と答えた`) nor a name for something (`政府は「異次元の対策」`)."""
    quote = text.rfind(f"「{said.content}」", 0, said.cue_start or 0) if said.direct else -1
    pair = PAIRED.search(text[: quote + 1]) if quote > 0 else None
    first = QUOTED.search(text, text.rfind("「", 0, pair.start())) if pair else None
    if pair is None or first is None or len(first.group("said")) < PAIRED_MIN or QUESTION_END.search(first.group(0)):
        return [said]
    second = next((parse.head(w) for w in parse.words if pair.start() < w.start < quote and w.text == "は"
                   and w.dep == "case"), None)  # 大橋はるかさんは: the particle, not a は inside a name
    before = parse.at(first.start() - 2)
    if (second is None or before is None or text[first.start() - 1] != "は"
            or not (_agent(parse, second, mentions) and _agent(parse, before, mentions))):
        return [said]
    (name, canonical), (earlier, known) = _name(text, parse, second, mentions, None), _name(text, parse, before,
                                                                                          mentions, None)
    return [replace(said, speaker=earlier, speaker_canonical=known, content=first.group("said")),
            replace(said, speaker=name, speaker_canonical=canonical)]


def _speaker_in_words(text: str, cue: Cue, content: str, speaker: Named,
                      mentions: list[Mention]) -> tuple[str | None, str | None, str]:
    """The speaker and words of indirect speech, where the parser hung the speaker inside the words: the subject of
    a statement the sentence's topic answers (北朝鮮が…と発表したことについて、首相は…), or, with no speaker found,
    the one whose occasion opens them (組合が会見を開き、…と訴えた), or the one marked が and set off by a comma before
    words with a subject of their own (逮捕された男が、ナイフが当たったのは偶然だったと話している)."""
    name, canonical = speaker
    inside = INNER_SUBJECT.match(content) if ANSWERED_CLAUSE.match(text, cue.verb + len(cue.cue)) else None
    if inside is not None:
        named = next((m for m in mentions if m.text == inside.group("who")), None)
        if named is not None or inside.group("who").endswith(AGENTS):
            who = inside.group("who")
            return who, named.canonical if named is not None else _person_id(who), content[inside.end():]
    occasion = OCCASION.match(content) if name is None else None
    if occasion is not None and (who := occasion.group("who")).endswith(AGENTS):
        return who, _person_id(who), content[occasion.end():]
    hung = HUNG_SPEAKER.match(content) if name is None else None
    if hung is not None and (who := hung.group("who")).endswith(AGENTS):
        named = next((m for m in mentions if m.text in who), None)
        return who, named.canonical if named is not None else _person_id(who), content[hung.end():]
    return name, canonical, content


def _tagged(text: str, sentence: str, parse: Parse, mentions: list[Mention]) -> list[Statement]:
    """`「…」（近所の住民）`, `林外務大臣:「…」`: a sentence made only of quotations, credited in brackets or tagged
    before with whom it names, as broadcasters' pages write them; the credit or the tag is the cue."""
    tag = SPEAKER_TAG.match(text)
    bare = tag is not None and tag.group("label") is not None and not tag.group(0).rstrip().endswith((":", "："))
    topic = bare and tag is not None and tag.group(0).rstrip().endswith("は")  # 近所の人は「…」: no verb after it
    if bare and tag is not None and (not BARE_TAG.fullmatch(tag.group("label").strip()) or not (
            (quote := QUOTED.search(text, tag.end())) and SAID_WORDS.search(quote.group("said")))):
        tag = None  # 不振続く選手に「…」, ・関連記事の見出し「…」, 森田花子「春の歌」: a headline or a title, no words
    if tag is not None:
        words = (tag.group("aside") or tag.group("label")).split()
        who = LEADING_LABEL.sub("", words[-1]) if words else ""  # 浜松市 宮﨑正教育長 → 宮﨑正教育長
        start = tag.start() + tag.group(0).find(who) if who else -1
        people = [m for m in mentions if m.type == "PERSON" and start <= m.start and m.end <= tag.end()]
        named = [m for m in mentions if m.type == "PERSON" and m.end <= start and not text[m.end: start].strip()]
        if people:  # (会見する林外務大臣) → 林外務大臣
            who = text[people[0].start: start + len(who)]
        elif named and who.endswith(GENERIC_TITLES):  # 桜台鉄道 森田一郎 社長「…」: the name before its title
            people, who = named, text[named[-1].start: start + len(who)]
        elif not who.endswith(PEOPLE) and not (who.endswith("人") and (not bare or topic)):
            return []  # 東京に帰る人:「…」, 近所の人は「…」: a colon or a topic tags someone
        if bare and not topic and not (who.endswith(BARE_SPEAKERS) or (
                people and OFFICE.fullmatch(who, len(people[-1].text)))):
            return []  # without a colon the tag ends on the person or their office: not 森田花子の新曲「…」, 人生「…」
        quote = QUOTED.search(text, tag.end())
        return [Statement(who, people[0].canonical if people else _person_id(who), tag.group(0).strip(),
                          quote.group("said") if quote else "", True, None, sentence, cue_start=tag.start(),
                          cue_end=tag.end())]
    said = text.rstrip("。 　")
    if not CREDITED_ONLY.fullmatch(said):
        return []
    base = Statement(None, None, "", said, False, None, sentence)
    split = _credited(text, parse, base, mentions)
    credits = [c for quote in QUOTED.finditer(said) if (c := CREDIT.match(said, quote.end())) is not None]
    if split == [base] or len(credits) != len(split) or not all(
            s.speaker and s.speaker.endswith(PEOPLE) and SAID_WORDS.search(s.content) for s in split):
        return []  # 「鬼滅の刃」（集英社）: a work and its publisher
    return [replace(s, cue=credit.group(0), cue_start=credit.start(), cue_end=credit.end())
            for s, credit in zip(split, credits, strict=True)]


def _inner_speaker(text: str, parse: Parse, cue: Cue, mentions: list[Mention]) -> Named:
    """`XがAと強調したとYは語った`: the reported clause is itself speech, and X is its speaker."""
    marker = parse.at(cue.said_end) if not cue.direct and cue.said_end >= 0 else None
    clause = parse.head(marker) if marker is not None and marker.text in ("と", "って") else None
    if clause is None or not SPEECH_VERB.match(clause.text):
        return None, None
    subjects = [w for w in parse.children(clause) if w.dep in SUBJECTS and _agent(parse, w, mentions)]
    return _name(text, parse, subjects[0], mentions, None) if subjects else (None, None)


def _relayed(text: str, cue: Cue, speaker: Named, mentions: list[Mention]) -> Relayed:
    """An outlet relays: `X紙は関係者の話として…と報じた` (関係者 speaks), `FOXニュースのインタビューで…`
    (the venue)."""
    name, canonical = speaker
    outlets = {m.text for m in mentions if m.type == "MEDIA"}
    relay = RELAY.search(text, 0, cue.start)
    if relay and name and (name in outlets or name.endswith(MEDIA_ENDINGS)):
        return LEADING.sub("", relay.group("src").split("、")[-1]).strip(), None, name
    venue = VENUE.search(text, 0, cue.start)
    inside = [m.text for m in mentions if m.type == "MEDIA" and venue and venue.start() <= m.start < venue.end()]
    return name, canonical, inside[0] if inside else None


@dataclass(frozen=True, slots=True)
class _Said:
    """Indirect speech found in a parse: the と that closes the reported clause, the cue, and its predicate."""

    marker: int
    cue: str
    verb: int
    head: int
    end: int


def _parsed_cues(text: str, parse: Parse, mentions: list[Mention]) -> list[Cue]:
    """Quotations on any predicate, indirect speech on a speech verb, stated views and positions."""
    if text.startswith(LINK_BULLETS):  # ・「…」と○○が困惑: a link to another article, not this one's report
        return []
    cues = list({c.head: c for m in QUOTE_END.finditer(text) if (c := _quotation(text, parse, m, mentions))}.values())
    cues.extend(c for c in _given_as_reason(text, parse) if all(c.start != d.start for d in cues))
    taken = [(c.start, c.verb + len(c.cue)) for c in cues]
    for said in sorted([*_reported_clauses(text, parse), *_views(text, parse)], key=lambda m: m.marker):
        if any(s <= said.verb < e for s, e in taken) or parse.in_quote(said.verb):
            continue
        content_start = _past_appearance(parse, _clause_start(parse, said.marker), said.marker)
        before = [e for s, e in taken if content_start <= s and e < said.marker and text[e: e + 1] == "、"]
        if before:  # 「…」と語り、辞任する意向を示した: a statement of its own comes before, not inside
            content_start = max(before) + 1
        content = text[content_start: said.marker].strip("、 ")
        whole = QUOTED.fullmatch(content)  # 「…」としている: a quotation after all
        cues.append(Cue(content_start, said.end, said.cue, whole is not None,
                        whole.group("said") if whole else content, content_start, said.verb, said.head,
                        said_end=said.marker))
        taken.append((content_start, said.end))
    for match in OBJECT.finditer(text):  # これを否定した: the content is what the statement before said
        if not any(s <= match.start("cue") < e for s, e in taken) and not parse.in_quote(match.start()):
            cue = match.group("cue") + match.group("tail")
            cues.append(Cue(match.start(), match.end(), cue, False, "", SAID_BEFORE, match.start("cue"),
                            match.start("cue")))
            taken.append((match.start(), match.end()))
    for match in PLEA.finditer(text):  # 男は容疑を否認している: a plea, with no words but its own
        if not any(s <= match.start("cue") < e for s, e in taken) and not parse.in_quote(match.start()):
            cue = text[match.start("cue"): match.end()]  # what was said is the plea itself: 容疑を否認している
            cues.append(Cue(match.start(), match.end(), cue, False, match.group(0), match.start(), match.start("cue"),
                            match.start("cue")))
            taken.append((match.start(), match.end()))
    for match in SO_SAID.finditer(text):  # 「…」。首相はこう強調した: the words are the sentence before
        if not any(s <= match.start("cue") < e for s, e in taken) and not parse.in_quote(match.start()):
            predicate = parse.at(match.start("cue"))
            end = _predicate_end(parse, predicate.start) if predicate else match.end()
            cues.append(Cue(match.start(), end, text[match.start(): end], False, "", QUOTED_BEFORE,
                            match.start(), match.start("cue")))
    if not cues and (disclosed := DISCLOSED.match(text)) and not parse.in_quote(disclosed.start("cue")):
        end = disclosed.end("tail")
        cues.append(Cue(disclosed.start("cue"), end, text[disclosed.start("cue"): end], False, "", REPORTED_BEFORE,
                        disclosed.start("cue"), disclosed.start("cue")))
    if not cues:  # 「…」と述べ、憂慮を表明した: a second verb framing the same words is no statement of its own
        cues = _acts(text, parse, mentions)
    return sorted((c for c in cues if not SAYING_IDIOM.match(text, c.verb)), key=lambda c: c.verb)


def _acts(text: str, parse: Parse, mentions: list[Mention]) -> list[Cue]:
    """An account or a stance reported by its topic alone (`…の大きさを強調した`, `進退について説明した`): what was
    said is the topic with the verb. Only a finished act of the sentence's own (not `体調不良を訴えた人`,
    `意見を述べる見通し`, `方針を説明してきた`, `明らかにしていない`)."""
    if UNFINISHED.search(text):
        return []
    cues = []
    for match in ACT.finditer(text):
        verb = match.start("cue")
        word = parse.at(verb)
        if word is None or parse.in_quote(verb):
            continue
        predicate = parse.head(word) if word.pos == "ADJ" and word.dep == "advcl" else word  # 明らか|に|し
        received = word.dep == "obj" and RECEIVED.match(parse.head(word).text) is not None  # 町長から…説明を受けた
        if received:
            predicate = parse.head(word)
            if _giver(parse, predicate, lambda w: _agent(parse, w, mentions)) is None:
                continue
        end = _predicate_end(parse, predicate.start)
        tail = text[verb: end]
        done = ACT_DONE.search(tail) is not None or (text[end: end + 1] == "、" and not ACT_NOT_DONE.search(tail))
        finished = done and not DENIED.search(tail)  # not 言及しませんでした
        if predicate.dep == "acl" or _passive(parse, predicate) or not finished or not ACT_AFTER.match(text, end):
            continue
        topic = [w for w in parse.children(predicate)
                 if w.dep in ("obj", "obl") and parse.span(w)[0] < match.start() < parse.span(w)[1] + 1]
        if not topic or (topic[0].text in BARE_TOPICS and all(w.dep != "acl" for w in parse.children(topic[0]))) \
                or (match.group("cue") == "訴え" and _not_an_appeal(parse, topic[0], mentions)):
            continue  # 当時のことを振り返った; 会社を訴えた, 腹痛を訴えた: nothing said, someone sued, a symptom
        start = _topic_start(parse, parse.span(topic[0])[0], match.start())
        if DEMONSTRATIVE.match(text[start:]):
            continue
        said = text[start: match.end("cue") if received else end]  # what the giver said: …について説明
        cues.append(Cue(start, end, tail, False, said, start, verb, predicate.start, act=True))
    return cues


def _not_an_appeal(parse: Parse, topic: Word, mentions: list[Mention]) -> bool:
    """訴え that is no appeal: someone or some body sued (`国を訴えた`), or a symptom complained of (`腹痛を訴え`)."""
    return _agent(parse, topic, mentions) or topic.text in SUED or SYMPTOM.search(topic.text) is not None \
        or any(m.type in ("GPE", "LOC") for m in _mentions_over(topic, mentions))


def _topic_start(parse: Parse, start: int, particle: int) -> int:
    """Where an act's topic starts: after a topic (は) or a clause (…に出演し、) that a wrong parse hung inside it."""
    for word in parse.words:
        if not start <= word.start < particle:
            continue
        if word.dep in (*SUBJECTS, "dislocated") and _marked(parse, word, "は"):
            after = parse.span(word)[1]
            start = after + 1 if parse.text[after: after + 1] == "、" else after
        elif word.dep == "advcl" and word.pos == "VERB" \
                and parse.text[(end := _predicate_end(parse, word.start))] == "、":
            start = end + 1
    return start


def _given_as_reason(text: str, parse: Parse) -> list[Cue]:
    """`「早急な行動が必要だ」として、…よう訴えた`, `市教委は「…を行った」として詳細を調べ`: words said, given as the
    reason for what the subject does (not a name: `「特別な存在」として扱う`)."""
    cues = []
    for match in GIVEN_AS.finditer(text):
        opening, doing = parse.opening(match.start()), parse.at(match.start("cue"))
        if opening < 0 or doing is None or not SAID_WORDS.search(text[opening + 1: match.start()]) \
                or NAMING_BEFORE.search(text, 0, opening) or match.start() - opening < GIVEN_MIN:
            continue  # (not 愛称を「みらい」として, 小説「…」として)
        act = doing
        while (act is doing or act.pos != "VERB") and act.head != act.i:
            act = parse.head(act)  # the verb whose subject gave the words (し|て is fixed to と, と to the quote)
        if _passive(parse, act) or RECEIVED.match(act.text) or RECEIVING.match(act.text):
            continue  # 「説明が足りない」として、野党から追及された: the critics' words, not the subject's
        cues.append(Cue(opening, match.end("cue"), text[match.start() + 1: match.end("cue")], True,
                        text[opening + 1: match.start()], opening, match.start() + 1, act.start,
                        said_end=match.start() + 1))
    return cues


def _views(text: str, parse: Parse) -> list[_Said]:
    """`…との見方を示した`, `…をまとめる考えを示した` (the subject is 示した's; a clause on the noun, not an adjective:
    not 厳しい見方を示した) and `…としている`."""
    said = []
    for match in VIEW.finditer(text):
        before = parse.at(match.start() - 1)
        if not match.group(0).startswith("と") and (before is None or before.pos not in ("VERB", "AUX")):
            continue
        said.append(_Said(match.start(), cue_word(match), match.start("cue"), match.start("verb"), match.end()))
    said.extend(_Said(m.start(), cue_word(m), m.start("cue"), m.start("cue"), m.end()) for m in HOLD.finditer(text))
    return said


def _reported_clauses(text: str, parse: Parse) -> list[_Said]:
    """Indirect speech: a clause closed by と (or ことを) whose head is a verb of saying, however far apart
    (`…と強調したと外務省の幹部は記者団に語った`), a clause on こと (`…話し合ったことを明らかにした`), and a request
    closed by よう (`…警戒するよう呼びかけた`)."""
    found = []
    according = list(ACCORDING_CUE.finditer(text))
    for marker in parse.words:
        if marker.text == "旨" and not parse.in_quote(marker.start):
            found.extend(_gist(text, parse, marker))
            continue
        if marker.text == "こと" and _disclosed_fact(parse, marker) \
                and not parse.in_quote(marker.start):  # …話し合ったことを明らかにした (not 当時のことを)
            predicate = parse.head(marker)
            verb = _speech_start(parse, predicate)
            modified = any(w.dep == "acl" and (w.pos in ("VERB", "AUX") or any(  # 出身であること, not 大切なこと
                a.dep in ("aux", "cop") and a.text in ("で", "た", "ない") for a in parse.children(w)))
                for w in parse.children(marker))
            if modified and verb > marker.start and predicate.start > marker.start and not _passive(parse, predicate):
                end = _predicate_end(parse, predicate.start)
                found.append(_Said(marker.start, text[verb: end], verb, predicate.start, end))
            continue
        asked = marker.text == "よう" and marker.dep == "aux"
        if (marker.text not in ("と", "って") or marker.dep not in ("case", "mark")) and not asked:
            continue
        if parse.in_quote(marker.start) or any(a.start() <= marker.start < a.end() for a in according):
            continue  # the と of によりますと
        clause = parse.head(marker)
        if clause.head == clause.i or text[marker.start - 1: marker.start] in ("」", "』"):
            continue
        if _manner(clause) and clause.end == marker.start:
            continue  # 淡々と振り返った, 堂々と語った: how it was said, not what
        predicate = parse.head(clause)
        while predicate.start < marker.start and predicate.head != predicate.i:
            predicate = parse.head(predicate)  # past a parse that hung the clause on a noun inside it
        if _position(parse, clause, marker, predicate):
            end = _predicate_end(parse, predicate.start)
            found.append(_Said(marker.start, text[marker.start: end], marker.start, predicate.start, end))
            continue
        verb = _speech_start(parse, predicate)
        if asked and (not REQUEST.match(text, predicate.start) or _passive(parse, predicate)):
            continue  # (not 休暇を取得するよう求められている)
        if predicate.start > marker.start and verb > marker.start:
            end = _predicate_end(parse, predicate.start)
            found.append(_Said(marker.start, text[verb: end], verb, predicate.start, end))
    return found


def _position(parse: Parse, clause: Word, marker: Word, predicate: Word) -> bool:
    """A position stated with a light する right after the clause's と: `…無償にするとした`, and `…やむを得ないとし、`
    or `…恐れがあるとして` before a verb of saying (`…理解を求めた`, `…警戒を呼びかけた`), the grounds given in saying
    something. Not a noun so named (`処分保留とした`: a decision), an attempt (`逃げようとした`), a supposition
    (`…だとしても`), a view held (`としている`, which `_views` finds), nor the grounds of an act (`…奪ったとして、
    男を逮捕した`, `…不当だとして会社を訴えた`)."""
    if predicate.text != "し" or predicate.start != marker.end or not _clause_closed(parse, clause):
        return False
    if VOLITIONAL.search(parse.text, 0, marker.start):
        return False
    inside = SPEECH.finditer(parse.text, _clause_start(parse, marker.start), marker.start)
    if any(not SEPARATE.match(parse.text, said.end()) for said in inside):
        return False  # …と述べたとし: a statement reported inside keeps its own speaker (not 「…」と述べ、…とし)
    after = parse.text[predicate.end: predicate.end + 3]
    if after.startswith(NOT_STATED) or not after.startswith(("た", "て", "、")):
        return False
    if after.startswith("た") or after.startswith("、「"):  # …とし、「…」と述べた: a statement goes on
        return True
    act = parse.head(predicate)
    if parse.text[:marker.start].endswith(SETTING_ASIDE) or any(w.dep == "mark" and w.text in CONDITIONAL_MARKS
                                                                for w in parse.children(act)):
        return False  # 映像はこちらで確認いただくとして, …を済ませるとして説明すると: nothing the subject states
    if act.text.startswith("訴え") and any(w.dep == "obj" and parse.text[_phrase_start(parse, w): w.end].endswith(
            AGENTS) for w in parse.children(act)):
        return False  # 会社を訴えた: sued
    return act.start > predicate.start and (_speech_start(parse, act) >= 0 or REQUEST.match(parse.text, act.start)
                                            is not None)


def _clause_closed(parse: Parse, clause: Word) -> bool:
    """Whether a word ends a clause of its own: a verb, an adjective or a noun with a copula or an auxiliary
    (`不適切だった`, `必要だ`), not a bare noun (`中止とし`, whatever part of speech the parser gives it)."""
    if _manner(clause):
        return False
    if clause.pos in ("VERB", "ADJ", "AUX") and not clause.tag.startswith("名詞"):
        return True
    return any(w.dep in ("aux", "cop") for w in parse.children(clause))


def _manner(word: Word) -> bool:
    """淡々と, いきいきと, キリっと: how something was said or done, not what (whatever the parser calls it)."""
    return word.tag.startswith(("形状詞-タリ", "副詞"))


def _said_so(parse: Parse, predicate: Word) -> bool:
    """`「…」とし、「…」と述べた`: する right after a quotation's と reports it."""
    return predicate.text in DOING and parse.text[predicate.start - 1: predicate.start] == "と"


def _speech_start(parse: Parse, predicate: Word) -> int:
    """Where the speech verb of a predicate starts, or -1: the predicate itself (述べた), or for a light する the word
    it makes a verb of (明らかに + した, which the parser splits)."""
    if SPEECH_VERB.match(parse.text, predicate.start):
        return predicate.start
    if predicate.text in DOING:
        light = [w.start for w in parse.children(predicate) if w.phrase[1] == predicate.start]
        if light and SPEECH_VERB.match(parse.text, light[0]):
            return light[0]
    return -1


def _gist(text: str, parse: Parse, marker: Word) -> list[_Said]:
    """Readouts: `X首相から、…旨述べた`, `…旨の発言があった` (旨: the gist of what was said)."""
    predicate = parse.head(marker)
    if predicate.start < marker.start:
        return []
    if _heard(predicate) and predicate.head != predicate.i:  # 旨の発言がありました
        verb = parse.head(predicate)
        end = _predicate_end(parse, verb.start)
        return [_Said(marker.start, text[predicate.start: end], predicate.start, verb.start, end)]
    if SPEECH_VERB.match(text, predicate.start):
        end = _predicate_end(parse, predicate.start)
        return [_Said(marker.start, text[predicate.start: end], predicate.start, predicate.start, end)]
    return []


def _quotation(text: str, parse: Parse, match: re.Match[str], mentions: list[Mention]) -> Cue | None:
    opening = parse.opening(match.start())
    while opening > 0 and text[opening - 1] in "」』" and (before := parse.opening(opening - 1)) >= 0:
        opening = before  # 「寒い」「眠い」とこぼした: one statement, from the first quote to the last
    marker = parse.at(match.start() + 1)
    if opening < 0 or marker is None:
        return None
    predicate = marker
    while predicate.start < match.end() and predicate.head != predicate.i:
        predicate = parse.head(predicate)  # past the quote, and past the quotes before it (「A」「B」との声)
    if predicate.start < match.end():  # the quote ends the sentence: a headline or a label, not speech
        return None
    named = NAMED_BY.match(text, match.start() + 1) is not None
    question = named and QUESTION.fullmatch(predicate.text) is not None  # 「…」という質問に、「…」と答えた
    heard = not question and (named or not _verb_left_out(parse, predicate)) and (
        _heard(predicate) or HEARD.search(text, match.end(), predicate.end + 12) is not None)
    if named and not heard:  # 「…」という多村は: the noun it names speaks, if someone; 「…」という質問: who asked
        if not question and (not _agent(parse, predicate, mentions)
                             or parse.text[predicate.end: predicate.end + 1] not in NAMED_FOLLOWS
                             or (parse.text[predicate.end: predicate.end + 1] == "だ"
                                 and not predicate.text.endswith(PERSON_SUFFIXES))):
            return None  # 「…」という名前, 「…」という今井メロの反論
        cue_end = predicate.end if question else match.end()
        return Cue(opening, predicate.end, text[match.start() + 1: cue_end], True,
                   text[opening + 1: match.start()], opening, match.start() + 1, predicate.start, False,
                   match.start() + 1)
    noun = -1  # where the noun that names the words starts (声 of 「…」と擁護する声が相次いだ)
    for _ in range(2):
        if predicate.dep == "acl" and _heard(parse.head(predicate)) and parse.head(predicate).start > predicate.start:
            predicate, heard = parse.head(predicate), True  # 「…」と擁護する声, 「…」と、選択を支持する声も
        if _heard(predicate):
            noun = predicate.start
        while not _predicative(parse, predicate) and predicate.head != predicate.i and (
                parse.head(predicate).start > predicate.start):
            predicate = parse.head(predicate)  # 「…」との声が相次いだ, 「…」とエピソードを語った, 「…」と軽く流した
    predicate, heard = _manner_to_main(parse, predicate, heard)
    if predicate.dep == "acl" and not heard and not SPEECH_VERB.match(parse.text, predicate.start) \
            and not _said_so(parse, predicate) \
            and not _agent(parse, parse.head(predicate), mentions):  # 「…」と苦戦した今季の印象を明かした
        predicate = _speech_above(parse, predicate) or predicate
    if _passive(parse, predicate) and not heard \
            and _giver(parse, predicate, lambda w: _agent(parse, w, mentions)) is None:
        return None  # 「…」と書かれた看板: words shown, not said (but 声が寄せられた, Xから「…」と言われた)
    if not heard and not SPEECH_VERB.match(parse.text, predicate.start) and (
            WHILE.match(parse.text, _predicate_end(parse, predicate.start))):
        return None  # 「…」と心配しながら, 「…」と書いた紙を: a quote inside a clause that only describes
    cue_start = match.end()
    end = _predicate_end(parse, predicate.start)
    between = [w for w in parse.children(predicate) if w.dep in SUBJECTS and cue_start <= w.start < predicate.start]
    if end - cue_start > 16 or between:  # 「…」と岸辺監督は話した: the cue is 話した, the subject is not in it
        cue_start = noun if 0 <= noun < predicate.start and end - noun <= 16 else predicate.start
    given = not RECEIVING.match(predicate.text) and any(
        (w.dep == "obj" and (_names_words(w.text) or w.text in TOLD))
        or (w.dep == "nsubj" and w.text in TOLD and _marked(parse, w, "も"))  # …という趣旨の話もしている
        for w in parse.children(predicate))
    carries = (given or not heard) and not UNSPOKEN.match(predicate.text)  # 「…」と苦言を呈した: someone's words
    return Cue(opening, end, text[cue_start:end], True, text[opening + 1: match.start()], opening, cue_start,
                predicate.start, carries, match.start() + 1)


def _verb_left_out(parse: Parse, predicate: Word) -> bool:
    """`…と指摘。`, `…と批判、`: a verbal noun that closes the clause is a verb of saying whose する news leaves out,
    not words somebody heard (`…との指摘が相次いだ`)."""
    return "サ変可能" in predicate.tag and parse.text[predicate.end: predicate.end + 1] in ("。", "、", "")


def _predicative(parse: Parse, word: Word) -> bool:
    """A verb, by the parser's part of speech or the lexicon's (報じ the parser may call a noun), or a verbal noun
    used as one (「…」と前置きした野村氏: 前置き with し and た)."""
    if word.pos == "VERB" or word.tag.startswith("動詞"):
        return True
    return "サ変可能" in word.tag and any(w.dep == "aux" and w.text in DOING for w in parse.children(word))


def _manner_to_main(parse: Parse, predicate: Word, heard: bool) -> tuple[Word, bool]:
    """Past the manner in which words were said to the verb after it: 「…」と苦笑いをしながら説明した,
    「…」とキッパリ言い放つ, 「…」と笑って答えた (but not past 「…」と評価しつつ、…: a statement of its own)."""
    for _ in range(2):
        if heard or SPEECH_VERB.match(parse.text, predicate.start) or predicate.dep != "advcl":
            break
        main = parse.head(predicate)
        marks = [w for w in parse.children(predicate) if w.dep == "mark" and w.text in MANNER]
        manner = predicate.end == main.start or bool(marks and not re.match("も?、", parse.text[marks[-1].end:]))
        if main.start <= predicate.start or not manner or not (main.pos == "VERB" or _heard(main)):
            break
        predicate, heard = main, _heard(main)
    return predicate, heard


def _speech_above(parse: Parse, word: Word) -> Word | None:
    """The verb of saying that the noun a relative clause describes depends on: 〜した経緯を明かした."""
    seen = word
    for _ in range(4):
        if seen.head == seen.i:
            return None
        seen = parse.head(seen)
        if seen.pos == "VERB" and SPEECH_VERB.match(parse.text, seen.start):
            return seen
        if seen.pos == "VERB" and seen.dep != "acl":
            return None
    return None


def _heard(word: Word) -> bool:
    """A noun that names words said: 声, コメント, 呆れ声, 褒め言葉."""
    return word.pos == "NOUN" and _names_words(word.text)


def _names_words(text: str) -> bool:
    """Whether a word names words said (声, エール), whatever the parser tags it: what was said, never who said it."""
    return WORDS_SAID.search(text) is not None


def _passive(parse: Parse, predicate: Word) -> bool:
    return any(w.text in ("れる", "られる", "れ", "られ") and w.dep == "aux" for w in parse.children(predicate))


def _predicate_end(parse: Parse, start: int) -> int:
    """The end of the predicate at `start` with its auxiliaries (語っ|た, 伝え|て|いる)."""
    word = parse.at(start)
    if word is None:
        return start
    end = word.end
    for following in parse.words[word.i + 1:]:
        if following.start != end or following.dep not in ("aux", "mark", "fixed") or following.pos == "PUNCT" \
                or following.text in CONJUNCTIONS:
            break
        end = following.end
    return end


def _clause_start(parse: Parse, marker: int) -> int:
    """Where the reported clause closed by the と (or ことを) at `marker` begins."""
    word = parse.at(marker)
    if word is None or word.i == 0:
        return 0
    clause = parse.words[word.i - 1]
    while clause.head != clause.i and parse.head(clause).end <= marker:
        clause = parse.head(clause)
    return parse.span(clause)[0]


def _past_appearance(parse: Parse, start: int, marker: int) -> int:
    """Where reported words start after a press conference or an interview that a wrong parse hung at their head
    (`首相は記者会見を開き、…しないことを表明した`: where he spoke, not what he said): an adverbial clause that opens
    them, has no subject of its own, and holds or answers a conference (会見を開き, 取材に応じ). A visit is left in
    (`来週にも現地を視察し、…する方針`: a plan he told)."""
    for word in parse.words:
        if word.dep == "advcl" and word.pos == "VERB" and parse.span(word)[0] == start < word.start < marker \
                and parse.text[(end := _predicate_end(parse, word.start))] == "、" \
                and not any(w.dep in SUBJECTS for w in parse.children(word)) \
                and PRESS.search(parse.text, start, end) and not parse.in_quote(word.start):
            return end + 1
    return start


AGENT_ENDINGS = ("者", "社", "紙", "誌", "局", "省", "庁", "党", "府", "団", "会", "陣", "家", "員", "長", "官", "手",
                 "師", "士", "ファン", "ユーザー", "メディア", "ニュース", "新聞", "通信", "サイト", "ブログ", "政府",
                 "当局", "側", "本人", "一同", "ら", "たち", "達", "様", "ちゃん", "くん", "君", "夫人", "母", "父",
                 "妻", "夫", "娘", "息子", "姉", "兄", "妹", "弟", "友人", "先輩", "後輩", "市議", "博士", "僚",
                 "幹部", "首脳", "陣営", "筋", "側近", "相", "王", "陛下", "殿下", "女王", "選手団", "部長", "局長",
                 "課長", "社員", "職員", "住民", "市民", "国民", "学生", "生徒", "店主", "店長", "弁護士", "弁護団",
                 "医師", "専門家", "評論家", "作家", "俳優", "女優", "歌手", "芸人", "タレント", "アイドル",
                 "メンバー", "コーチ", "オーナー", "スタッフ", "ライター", "キャスター", "司会", "ゲスト", "人",
                 "高校生", "大学生", "中学生", "小学生", "先生", "院生", "校生", "男", "男性", "女性", "少年",
                 "少女", "親", "警察", "県警", "府警", "道警", "気象台", "委", "署", "機関", "課", "室", "班", "本部",
                 "病院", "組合", "連合", "族", "候補", "新人", "前職", "元職", "現職",  # (an election's candidates)
                 "事務所", "研究所", "裁判所", "保健所", "センター", "機構")
# jobs and positions distilled from GiNZA's entity recogniser (scripts/distill_roles.py): 教諭, 准教授, 運転手
ROLES = tuple(line for line in files("matome.language").joinpath("data", "roles.txt").read_text(
    encoding="utf-8").splitlines() if line and not line.startswith("#"))
AGENTS = tuple(sorted({*AGENT_ENDINGS, *PERSON_SUFFIXES, *ROLES}))
BARE_TOPICS = ("こと", "もの", "の", "ところ")  # an act about these names no topic
SUED = ("国", *PLACE_ENDINGS, "勤務先", "会社", "学校", "病院", "大学", "相手", "元夫", "元妻")
SYMPTOM = re.compile(r"痛|吐き気|めまい|不調|症状|しびれ|発熱|熱|だるさ|倦怠感|違和感|息苦し|かゆみ|寒気|異常")
DENIED = re.compile(r"ません|ない|なかっ|ず")
ACT_DONE = re.compile(r"(?:た|ている|ています|ており|ていた|ていました)$")  # 強調した, 訴えています
ACT_NOT_DONE = re.compile(r"(?:る|ます|て)$")
ACT_AFTER = re.compile(r"[。、]|が、|$")  # not 訴えた人, 訴えたあと, 訴えたことから
UNFINISHED = re.compile(r"(?:見通し|予定|方針|方向|考え|のか|か|てきた|ていない|なかった)。?$")  # not done, or asked
DEMONSTRATIVE = re.compile(r"^(?:こ|そ|あ|ど)(?:ちら|っち|れ|こ)")
OCCASIONS = ("際", "時", "とき", "ところ", "場", "席")
DOING = ("し", "する", "さ", "せ", "すれ")  # する after a verbal noun: 前置きした, 言及すると
VOLITIONAL = re.compile(r"(?:よう|[おこごそぞとどのほぼぽもろ]う)$")  # 逃げよう, 行こう (kana): an attempt with とした
# what a light する after と may go on with that states nothing: a supposition (…だとしても, …とした場合), a view
# held (…としている, as `_views` finds it)
NOT_STATED = ("てい", "てお", "てる", "ても", "てし", "たい", "たら", "た場合", "た時", "たとき", "たなら")
SETTING_ASIDE = ("いただく", "おく", "おき")  # …は後で見ていただくとして: leaving something aside
CONDITIONAL_MARKS = ("と", "ば", "たら", "なら")  # …として説明すると: a supposition for the sake of an example
SEPARATE = re.compile(r"[^、。」と]{0,4}、")  # 「…」と述べ、: the statement before a stated position ends
PRESS = re.compile(r"会見|取材|インタビュー")  # where words were said to reporters
APPEARING = re.compile(PRESS.pattern + r"|出演|登場|出席|訪れ|訪問|参加|来日|帰国|到着|出場|応じ|招かれ|招待|臨ん|視察")
HOME_BEFORE = re.compile(r"(?:[（(][0-9０-９]{1,3}[）)])?[=＝]$")  # 森田花子さん(72)=|福岡市: a home after a name
# what may close a sentence after the name it closes on: its age and home (…のは、森田一郎氏(36)=青葉区。), a copula
CLOSING_NAME = re.compile(r"(?:[（(][0-9０-９]{1,3}[）)])?(?:[=＝][^=＝、。「」]{1,15}[=＝]?)?"
                          r"(?:だった|だ|である|でした|です)?[」』）)]?[。！!]?\s*$")
NOT_AGENTS = ("こと", "もの", "ため", "記載", "報告", "声", "瞬間", "様子", "結果", "内容", "話題", "記事", "番組")


def _parsed_speaker(text: str, parse: Parse, cue: Cue, mentions: list[Mention], context: Context | None,
                    found: list[Statement]) -> Named:
    predicate = parse.at(cue.head)
    subject = _subject(parse, predicate, cue, mentions) if predicate else None
    if subject is None and not cue.direct and cue.content_start >= 0:
        subject = _topic_in_content(parse, cue, mentions)
    if subject is None and cue.act:
        subject = _opening_agent(parse, cue, mentions)
    turned = bool(found) and (asks(found[-1]) or (TURN.match(text, found[-1].cue_end or 0) is not None
                                                  and not _topic_goes_on(text, found[-1])
                                                  and _exchange(cue)))
    if subject is not None and turned and subject.start < (found[-1].cue_start or 0):
        named = _name(text, parse, subject, mentions, context)
        if named[0] is None or named[0] == found[-1].speaker:  # 長尾が「…」と尋ねると、「…」と答えた: the subject asked
            return _answerer(context, found[-1].speaker)
        return named  # 秋山はユーザーから寄せられた「…」という質問に対し、「…」と回答した
    if predicate is not None and UNSPOKEN.search(text, cue.verb, cue.end):  # 「…」と話題に: only a group speaks
        group = _group(parse, predicate, lambda w: _agent(parse, w, mentions))
        return _name(text, parse, group, mentions, context) if group is not None else (None, None)
    if subject is None and predicate is not None and cue.direct:
        subject = _closing_name(parse, predicate, cue, mentions)
    if subject is not None:
        return _name(text, parse, subject, mentions, context)
    source = _according_source(parse, cue.start)
    if source is not None:  # 同サイトによれば「…」としている: the source speaks, unless a topic named after it does
        topic = _sentence_topic(parse, cue, mentions) if cue.carries and not turned else None
        if topic is not None and topic.start > source.end:  # 県警によると、少年は容疑を認め、「…」と供述している
            return _name(text, parse, topic, mentions, context)
        return _name(text, parse, source, mentions, context, whole=True)
    venue = _outlet_venue(parse, cue, mentions) if cue.carries else None
    if venue is not None:  # 記事では「…」と報じ: the outlet whose article it is
        return _name(text, parse, venue, mentions, context, whole=True)
    topic = _sentence_topic(parse, cue, mentions) if cue.carries else None  # not for 「…」との声が: anyone's
    if topic is not None and not turned:
        return _name(text, parse, topic, mentions, context)
    if not cue.carries:
        return None, None
    if found:  # 「…」と述べ、「…」と強調した: the same speaker, but not across a turn (「…」と尋ねると、「…」と答えた)
        return _answerer(context, found[-1].speaker) if turned else (found[-1].speaker, found[-1].speaker_canonical)
    if context is not None:
        recent = [v for v in (*context.recent, *context.topics) if context.sentence - v.sentence <= CARRY]
        if recent:
            voice = max(recent, key=lambda v: v.sentence)
            return voice.name, voice.canonical
    return None, None


def _topic_goes_on(text: str, said: Statement) -> bool:
    """`柴田監督は「…」と宣言すると、「…」と呼びかけた`: a speaker who is the sentence's topic (は) goes on speaking
    after と; one marked が (`長尾が「…」と尋ねると`) speaks only in that clause, and the other side answers."""
    return bool(said.speaker) and f"{said.speaker}は" in text[: said.cue_start or 0]


def _exchange(cue: Cue) -> bool:
    """After `Xが「…」と尋ねると` or `絶賛すると`, the other side speaks; a cue that presses the same point
    (`「…」と警鐘を鳴らすと、「…」と訴えた`) is one speaker going on."""
    return GOING_ON.search(cue.cue) is None


def _answerer(context: Context | None, asker: str | None) -> Named:
    """Who answers a question put in this sentence: the last one heard or written about in the sentences before,
    other than who asked (三村が「…」と尋ねると、「…」と本音を吐露した)."""
    if context is None:
        return None, None
    voices = [v for v in (*context.recent, *context.topics) if context.sentence - v.sentence <= ANSWERER_BACK
              and v.name and not (asker and (v.name in asker or asker in v.name))]
    if not voices:
        return None, None
    voice = max(voices, key=lambda v: v.sentence)
    return voice.name, voice.canonical


def _subject(parse: Parse, predicate: Word, cue: Cue, mentions: list[Mention]) -> Word | None:
    """The subject of the speech predicate, or of the clauses it goes on from; never inside what was said."""

    def agent(word: Word) -> bool:
        inside = cue.start <= word.start < max(cue.said_end, cue.start)
        return not inside and not _names_words(word.text) and word.start < cue.head and _agent(parse, word, mentions)

    if QUESTION_CUE.search(cue.cue):  # 本田アナから「…」という質問を受けると, 記者が「…」という質問をすると: who asked
        verb = parse.head(predicate)
        said = [predicate, *parse.children(predicate)]  # ユーザーから寄せられた「…」という質問: noun or quote
        clauses = [verb, *(w for word in said for w in parse.children(word) if w.dep == "acl")]
        sources = [w for clause in clauses for w in parse.children(clause) if w.dep == "obl"
                   and _agent(parse, w, mentions) and (_marked(parse, w, "から") or _marked(parse, w, "より"))]
        sources += [w for word in said for w in parse.children(word) if w.dep == "nmod"  # 夏目アナの「…」という質問
                    and w.start < cue.start and _agent(parse, w, mentions) and _marked(parse, w, "の")]
        askers = [w for w in parse.children(verb) if w.dep in SUBJECTS and _agent(parse, w, mentions)]
        asked = RECEIVED.match(verb.text) or ANSWERED.match(verb.text)  # 質問を受け, 質問に対し: the subject answers
        return next(iter(sources), None) or (None if asked else next(iter(askers), None))
    if NAMED_BY.fullmatch(cue.cue) and predicate.start > cue.start:  # 「…」という多村
        return predicate if _agent(parse, predicate, mentions) else None
    quoted = parse.at(cue.said_end - 2) if cue.direct and cue.said_end >= 2 else None
    if quoted is not None and (quoted.end != cue.said_end - 1 or parse.text[quoted.start - 1] not in "「『"):
        quoted = None  # not a whole quote parsed as one word
    crowd = any(w.dep in SUBJECTS and _heard(w) for w in parse.children(predicate))  # 「…」との声が相次いだ
    if crowd:  # ファンは「…」と怒りの声が噴出している: voices of the topic before the quote
        topics = [w for w in parse.children(predicate) if w.dep == "dislocated" and w.start < cue.start and agent(w)
                  and _marked(parse, w, "は")]
        if topics:
            return topics[-1]
    if (_passive(parse, predicate) or RECEIVED.match(predicate.text)) \
            and (giver := _giver(parse, predicate, agent)) is not None:
        return giver  # 管財人からは「…」と伝えられた, 町長から説明を受けた: who gave the words, not who got them
    seen = predicate
    for _ in range(4):
        subjects = [w for w in parse.children(seen) if (w.dep in SUBJECTS or _mislabelled_topic(parse, w))
                    and agent(w)]
        if seen is predicate and quoted is not None and parse.dominates(predicate, quoted):
            # a quote parsed as a noun takes the subject before it: Xが「…」と伝えている
            subjects = sorted([*subjects, *(w for w in parse.children(quoted) if w.dep in SUBJECTS and agent(w))],
                              key=lambda w: w.start)
        topics = [w for w in subjects if _marked(parse, w, "は")]
        if len(topics) > 1 and not cue.direct and topics[-1].start < cue.start:  # 報道官は10日、大統領は…しないことを
            return topics[0]  # 明らかにした: the second topic, before what was said, is the reported clause's
        if subjects:  # the one nearest the predicate: 琴光喜は…一部のメディアが「…」と伝えている
            return subjects[-1]
        bare = [w for w in parse.children(seen) if w.dep == "obl" and all(c.dep != "case" for c in parse.children(w))]
        hung = [s for w in bare for s in parse.children(w) if s.dep in SUBJECTS and agent(s)]
        if hung:  # 孫会長が冒頭、「…」と語った: the parser hung the subject on a bare noun (冒頭) before the quote
            return hung[-1]
        for clause in parse.children(seen):  # Xは「…」とねぎらい、「…」と前を向いた (not Xは…、「…」との声が)
            if clause.dep == "advcl" and clause.start < cue.start and not _reported(parse, clause) and not crowd:
                shared = [w for w in parse.children(clause) if w.dep in SUBJECTS and agent(w)
                          and (_marked(parse, w, "は") or not _concessive(parse, clause))]
                if shared:
                    return shared[0]
                if (occasion := _occasion_subject(parse, clause, agent)) is not None:
                    return occasion
        if (occasion := _occasion_subject(parse, seen, agent)) is not None:
            return occasion
        if seen is predicate and seen.dep == "acl" and parse.head(seen).start > seen.start \
                and _agent(parse, parse.head(seen), mentions):
            return parse.head(seen)  # 「…」と語った澤は
        if (source := _giver(parse, seen, agent)) is not None:  # 前田から「…」と話し始めた, 首相より…旨述べた
            return source
        group = _group(parse, seen, agent)
        if group is not None:  # ファンの声が, ネットユーザーの間では
            return group
        if seen.dep in ("advcl", "conj") and seen.head != seen.i and not _reported(parse, seen):
            seen = parse.head(seen)
            continue
        return _came_out_subject(parse, seen, agent)
    return None


def _came_out_subject(parse: Parse, clause: Word, agent: Callable[[Word], bool]) -> Word | None:
    """`容疑者(45)が、…と供述したことが分かった`: the parser hung the speaker of a clause on こと, which is itself the
    subject of what came out, on the verb of coming out; the agent marked が before the clause is the speaker."""
    fact = parse.head(clause)
    if clause.dep != "acl" or fact.text != "こと" or fact.dep not in SUBJECTS or fact.head == fact.i:
        return None
    came_out = parse.head(fact)
    while came_out.pos != "VERB" and came_out.head != came_out.i:  # (こと|が 29 日、…分かった: hung on 日)
        came_out = parse.head(came_out)
    return next((w for w in parse.children(came_out) if w.dep in SUBJECTS and w is not fact
                 and w.start < clause.start and agent(w) and _marked(parse, w, "が")), None)


def _giver(parse: Parse, predicate: Word, agent: Callable[[Word], bool]) -> Word | None:
    """Who words came from: the agent marked から or より on the predicate (前田から「…」と話し始めた, Xから「…」と
    言われた, 町長から説明を受けた)."""
    return next((w for w in parse.children(predicate) if w.dep == "obl" and agent(w)
                 and (_marked(parse, w, "から") or _marked(parse, w, "より"))), None)


def _mislabelled_topic(parse: Parse, word: Word) -> bool:
    """A topic (は) the parser gives another role: dislocated (弁護側は…と主張した), or an oblique marked by は alone,
    where an age or a home town between name and particle confuses it (`会社員女性(34)=桜台市=は「…」と話した`); not
    `会見では`, `東京には`."""
    if word.dep == "dislocated":
        return _marked(parse, word, "は")
    return word.dep == "obl" and [w.text for w in parse.children(word) if w.dep == "case"] == ["は"]


def _occasion_subject(parse: Parse, predicate: Word, agent: Callable[[Word], bool]) -> Word | None:
    """`X氏が番組に出演した際、「…」と説明した`: with no subject of its own, the predicate's speaker is who appeared
    on the occasion it is set in (際, 時, ところ)."""
    for occasion in parse.children(predicate):
        if occasion.dep == "obl" and occasion.text in OCCASIONS and occasion.start < predicate.start:
            for clause in parse.children(occasion):
                if clause.dep != "acl" or not APPEARING.match(parse.text, clause.start):
                    continue  # 記者が質問した際 or 元首相が死去した際: who asked or died does not speak
                subjects = [w for w in parse.children(clause) if w.dep in SUBJECTS and agent(w)]
                if subjects:
                    return subjects[0]
    return None


def _closing_name(parse: Parse, predicate: Word, cue: Cue, mentions: list[Mention]) -> Word | None:
    """`「…」と釈明するスギちゃん。`: a sentence that closes on a name (体言止め), the speech clause describing it;
    a home after it (…のは、森田花子さん(72)=福岡市。) is not the name, however the parser roots the sentence."""
    root = next((w for w in reversed(parse.words) if w.head == w.i), None)
    if root is None or not parse.dominates(root, predicate):
        return None
    home = HOME_BEFORE.search(parse.text, 0, root.start)
    name = next((w for w in parse.words if w.end == home.start()), None) if home is not None else root
    if name is None or name.start <= cue.verb or not _agent(parse, name, mentions) or parse.in_quote(name.start):
        return None
    return name if CLOSING_NAME.match(parse.text, name.end) else None


def _group(parse: Parse, predicate: Word, agent: Callable[[Word], bool]) -> Word | None:
    """Who the words named by a noun belong to: `ユーザーのコメントが相次いだ`, `ネットユーザーの間では…声が`."""
    for word in parse.children(predicate):
        if (word.dep in (*SUBJECTS, "obj") and _heard(word)) or (word.dep == "obl" and word.text == "間"):
            owners = [w for w in parse.children(word) if w.dep == "nmod" and agent(w) and _marked(parse, w, "の")]
            if owners:
                return owners[-1]
    return None


def _sentence_topic(parse: Parse, cue: Cue, mentions: list[Mention]) -> Word | None:
    """`スギちゃんは…と振り返り、…本音を吐露した`: when the parse gives the speech predicate no subject, the topic (は)
    that the sentence opens with, outside every quote, speaks."""
    for word in parse.words:
        if word.start >= cue.start:
            return None
        if ((word.dep in SUBJECTS or _mislabelled_topic(parse, word)) and _marked(parse, word, "は")
                and not parse.in_quote(word.start) and _agent(parse, word, mentions)):
            return word
    return None


def _opening_agent(parse: Parse, cue: Cue, mentions: list[Mention]) -> Word | None:
    """`花角知事がさきほど会見を開き、…容認を表明した`: an act holds no reported clause with a subject of its own, so
    the first agent marked は or が before its topic does it, wherever the parser hung that agent; but not one inside a
    relative clause (`森田被告が起こした事故について、判決は…`), nor when the predicate has a subject of its own."""
    predicate = parse.at(cue.head)
    if predicate is not None and any(w.dep in SUBJECTS for w in parse.children(predicate)):
        return None
    for word in parse.words:
        if word.start >= cue.content_start:
            return None
        if (_marked(parse, word, "は") or _marked(parse, word, "が")) and not parse.in_quote(word.start) \
                and _agent(parse, word, mentions) and not _in_relative_clause(parse, word):
            return word
    return None


def _in_relative_clause(parse: Parse, word: Word) -> bool:
    """Whether a word belongs to a clause that describes a noun (`…が起こした事故`, `…が辞職したこと`)."""
    seen = word
    for _ in range(len(parse.words)):
        if seen.dep == "acl":
            return True
        if seen.head == seen.i:
            return False
        seen = parse.head(seen)
    return False


def _topic_in_content(parse: Parse, cue: Cue, mentions: list[Mention]) -> Word | None:
    """`キム氏は…鈴木氏が…裁くべきと主張`: the parser hung the topic on the reported clause, but a topic (は) that opens
    an indirect statement is who makes it."""
    inside = [w for w in parse.words if cue.content_start <= w.start < cue.verb]
    settings = [w for w in inside if w.dep == "obl" and (_marked(parse, w, "で") or _marked(parse, w, "に"))]
    topic = next((w for w in inside if w.dep in (*SUBJECTS, "dislocated", "obl") and w not in settings
                  and not _when(parse, w)), None)
    if topic is None or any(not _when(parse, w) for w in inside if w.end <= topic.phrase[0]
                            and w.pos not in (*PARTICLES, "ADV") and not parse.dominates(topic, w)
                            and not any(parse.dominates(s, w) for s in settings)):
        return None  # the subject does not open the clause (only a date, a setting (会見で) or modifiers come first)
    marked = _marked(parse, topic, "は") if topic.dep != "obl" else any(
        _marked(parse, topic, p) for p in ("から", "より"))  # 大統領より、…旨発言した
    return topic if marked and _agent(parse, topic, mentions) else None


def _when(parse: Parse, word: Word) -> bool:
    """A date or a time (11日, 今月, 20時): a phrase that may open a sentence before its topic."""
    return word.pos == "NUM" or "助数詞" in word.tag or "副詞可能" in word.tag or word.text in ("年", "月", "日")


def _agent(parse: Parse, word: Word, mentions: list[Mention]) -> bool:
    """Whether a noun can be someone who speaks: a person, body or outlet, by name or by what it is; never words
    inside a quotation."""
    if parse.in_quote(word.start):  # only an outlet's name in brackets (英紙「ガーディアン」は), never words said
        opening = parse.text.rfind("「", 0, word.start)
        return bool(re.match(r"」(?:は|が|も)", parse.text[word.end: word.end + 2])) and len(word.text) <= 20 \
            and parse.text[:opening].endswith(BODIES)
    if "固有名詞" in word.tag and "地名" not in word.tag:
        return True  # the parser's part of speech may disagree with the lexicon's (川澄 as CCONJ)
    if word.pos not in NAMES or ("数" in word.tag and not _body_that_counts(parse, word)) or "副詞可能" in word.tag \
            or word.text in NOT_AGENTS:
        return False
    if word.pos == "PRON" and DEMONSTRATIVE.match(word.text):  # こちらも「…」という意見が: not someone
        return False
    if word.pos == "PROPN" or any(m.type in SPEAKER_TYPES for m in _mentions_over(word, mentions)):
        return True
    compound = parse.text[_phrase_start(parse, word): word.end]  # 胡正躍次官補, which the parser ends on 補
    return (compound.endswith(AGENTS) and word.text != "人") or bool(REFERS_BACK.match(word.text))


def _body_that_counts(parse: Parse, word: Word) -> bool:
    """A numeral or a counter is no one (3社, 各社), but a noun that may count ends a body's name after another noun
    (人身安全対策課)."""
    before = parse.words[word.i - 1] if word.i > 0 else None
    return "助数詞可能" in word.tag and before is not None and before.end == word.start and before.pos in (
        "NOUN", "PROPN") and "接頭辞" not in before.tag and "数" not in before.tag


def _mentions_over(word: Word, mentions: list[Mention]) -> list[Mention]:
    """The entity mentions that overlap the word."""
    return [m for m in mentions if m.start < word.end and word.start < m.end]


def _disclosed_fact(parse: Parse, fact: Word) -> bool:
    """A こと that a verb of saying takes as its object: …ことを明らかにした, and …ことも明らかにした (a second fact
    told, parsed as the subject)."""
    return (fact.dep == "obj" and _marked(parse, fact, "を")) or (
        fact.dep in ("obj", "nsubj") and _marked(parse, fact, "も"))


def _marked(parse: Parse, word: Word, particle: str) -> bool:
    return any(w.text == particle and w.dep == "case" for w in parse.children(word))


def _concessive(parse: Parse, clause: Word) -> bool:
    """A clause joined by が, ので, ため…: its subject (Xが増えているが、「…」) is not the next clause's."""
    return any(w.dep == "mark" and w.text in CONJUNCTIONS for w in parse.children(clause))


def _reported(parse: Parse, clause: Word) -> bool:
    """A clause closed by と / って: something said, whose subject is not the speaker's."""
    return any(w.text in ("と", "って", "などと") and w.dep in ("case", "mark") for w in parse.children(clause))


def _phrase_start(parse: Parse, word: Word) -> int:
    """Where the name ending at `word` starts: its compounds to the left (米国務長官), not an affiliation joined by
    の or ・ (ソフトバンク・川崎宗則 → 川崎宗則), but katakana names joined by ・ stay whole (ノオミ・ラパス)."""
    first = word
    for left in reversed(parse.words[: word.i]):
        noun = left.tag.startswith("名詞")  # 情報企画, a noun the parser may call ADJ
        if left.end != first.start or left.pos in ("ADP", "AUX", "SCONJ", "VERB", "CCONJ", "DET") or (
                left.pos == "ADJ" and not noun):
            break
        if left.text in ("・", "･") and not (KATAKANA_NAME.match(parse.words[left.i + 1].text)
                                            and left.i > 0 and KATAKANA_NAME.match(parse.words[left.i - 1].text)):
            break
        if (left.pos == "PUNCT" and left.text not in ("・", "･")) or "副詞可能" in left.tag or left.pos == "ADV" \
                or left.pos == "NUM" or "助数詞" in left.tag:  # not 3日 of 3日NHKによると
            break
        first = left
    return first.start


def _whole_start(parse: Parse, word: Word) -> int:
    """Where a noun phrase starts with the nouns that modify it (市の担当者, 米ロ両政府), not its relative clauses."""
    first = word
    for left in reversed(parse.words[: word.i]):
        if left.start >= word.phrase[0] or (left.pos == "PROPN" and 0 <= first.start - left.end <= 1):
            first = left  # the phrase (文節) the noun heads (米ロ両政府), and names before it (The Daily Telegraph紙)
            continue
        clause = left.pos in ("VERB", "ADJ", "AUX", "SCONJ", "CCONJ") and not left.tag.startswith("名詞")
        if not parse.dominates(word, left) or clause or left.text in ("、", "，", "「", "」"):
            break
        first = left
    while first.i < word.i and (first.pos in PARTICLES or first.text in "「」『』、" or first.text == "ある"):
        first = parse.words[first.i + 1]  # a phrase never opens with a particle (…」と岸辺監督は), nor with ある
    return first.start


def _name(text: str, parse: Parse, word: Word, mentions: list[Mention], context: Context | None,
          whole: bool = False) -> Named:
    if word.text in SOURCE_NOUNS or (whole and word.pos == "NOUN" and not _agent(parse, word, mentions)):
        owner = [w for w in parse.children(word) if w.dep == "nmod"  # 警察関係者の話 → 警察関係者 (not 今回の報道)
                 and (_agent(parse, w, mentions) or parse.text[w.start - 1: w.start] == "「")]
        maker = _source_owner(parse, word, mentions)  # 研究会が行った調査 → 研究会
        if owner or maker:
            return _name(text, parse, maker or owner[-1], mentions, context, whole)
    bracketed = re.match(r"「(?P<name>[^」]{1,30})」(?:は|が|も)", text[word.end:])
    if bracketed and not whole:  # 英国紙「Daily Mail」は
        return bracketed.group("name"), None
    named = word.pos == "PROPN" or any(_mentions_over(word, mentions))
    start = _phrase_start(parse, word)  # the compound, also where the parse broke it (田中一郎地震|情報企画官)
    if whole or not named:
        start = min(start, _whole_start(parse, word))  # ジョンソン政権の閣僚
    end = word.end
    covering = [m.start for m in mentions if m.start < start < m.end]
    start = min([start, *covering])  # a name the parser split (毎日|新聞, クリス・|メアー補佐官) is kept whole
    for person in (m for m in mentions if m.type == "PERSON" and m.end <= start):
        aside = NAME_ASIDE.match(text, person.end)  # 吉田眞治・統括調査官, 趙立堅(ちょう)報道官
        reading = READING_LEFT_OPEN.search(person.text) and text[person.end: person.end + 1] in ")）"  # 李善権(リ
        if (aside and (start <= aside.end() or re.fullmatch(r"[一-龥]{0,4}", text[aside.end(): start]))) \
                or person.end == start or (reading and person.end + 1 == start):  # 志村康治|H3プロジェクトマネージャー
            start = person.start
    people = [m for m in mentions if m.type == "PERSON" and start < m.start and m.end <= end
              and text[m.start - 1] not in "（("]  # not a reading in brackets
    if people and "の" not in text[start: end] and (
            re.fullmatch(r"[一-龥]+|.+・ ?", text[start: people[0].start])
            or ((position := PLAYING_POSITION.match(text, start)) is not None and position.end() == people[0].start)
            or any(m.start == start and m.end == people[0].start and m.type in ("ORG", "GPE") for m in mentions)):
        start = people[0].start  # 会社員加藤容疑者, 東京電力・小早川社長, FW森田一郎, 桜台ホールディングス森田社長:
        # the person, not what they do or belong to
    joined = [w for w in parse.children(word) if w.dep == "nmod" and w.end <= start and _agent(parse, w, mentions)
              and _marked(parse, w, "や")]
    if joined:  # マツコ・デラックスや伊集院光は: both speak, as one party
        start = min([_phrase_start(parse, joined[0]), *(m.start for m in mentions if m.start < joined[0].end <= m.end)])
    phrase = AFTER_NAME.sub("", LEADING.sub("", text[start:end])).strip("「」『』（）()、 　")
    if phrase.endswith(KANA_HONORIFICS) and not PARTICLE_AFTER_NAME.match(text, end):
        return None, None  # 全国さん|ま…組合: the parser cut a word (さんま) at what looked like an honorific
    refers = REFERS_BACK.match(phrase)
    if refers and context is not None:
        return _antecedent(refers, context) or (phrase, None)
    inside = [m for m in mentions if m.start < end and start < m.end and m.type in SPEAKER_TYPES]
    persons = [m for m in inside if m.type == "PERSON" and text[m.start - 1: m.start] not in ("(", "（")]
    if len(persons) == 1 and not joined and "の" not in text[persons[0].end: end]:
        return phrase or None, _own_id(persons[0])  # 森田一郎桜台市長, 森田康治H3プロジェクトマネージャー: the person
    canonical = inside[-1].canonical if inside and inside[-1].end >= end - 1 and not joined else _person_id(phrase)
    return phrase or None, canonical


def _own_id(person: Mention) -> str | None:
    """A person's id: the gazetteer's, else the name without the reading the recogniser may have kept
    (`森田一郎(もりたいち`)."""
    if person.canonical and person.canonical not in (f"person:{person.text}", f"person:{normalize(person.text)}"):
        return person.canonical
    name = READING_LEFT_OPEN.sub("", NAME_READING.sub("", person.text))
    return f"person:{normalize(name)}" if name else None


def _person_id(phrase: str) -> str | None:
    """岸辺監督 and 岸辺氏 are one person to group statements by, though no entity was found: person:岸辺."""
    title = next((t for t in PERSON_SUFFIXES if phrase.endswith(t) and len(phrase) - len(t) >= 2), None)
    name = phrase[: -len(title)] if title else ""
    if name.endswith(("都", "県", "市")) or (name.endswith(PLACE_ENDINGS) and len(name) >= 3):
        name = phrase  # 桜台県知事 and 桜台県教育長 are two offices of one place (but 中村市長 is 中村's)
    name = NAME_READING.sub("", name)  # 森田一郎(もりたいちろう)知事 is 森田一郎
    return f"person:{normalize(name)}" if name and "の" not in name else None


def _antecedent(refers: re.Match[str], context: Context) -> Named | None:
    """Who 同氏, 同社 or 記事 refers to: the last speaker of that kind, else the last person or body named."""
    article = refers.group("article") is not None or refers.group("what").endswith(("記事", "報道"))
    if article:  # 記事によると: the outlet that was last quoted, if one was, else nobody named
        outlets = [v for v in context.recent if context.sentence - v.sentence <= OUTLET_CARRY
                   and (v.name or "").endswith(MEDIA_ENDINGS)]
        return (outlets[-1].name, outlets[-1].canonical) if outlets else (None, None)
    titled = context.titled.get(refers.group("what"))
    if titled is not None and context.sentence - titled.sentence <= OUTLET_CARRY and (
            titled.sentence >= context.body_sentence):  # 「…サイト」, then 同サイト (unless a body was named since)
        return titled.name, titled.canonical
    mention = context.last_body if refers.group("what").endswith(BODIES) else context.last_person
    return (mention.text, mention.canonical) if mention is not None else None


def _with_sources(text: str, sentence: str, parse: Parse, found: list[Statement], mentions: list[Mention],
                  context: Context) -> list[Statement]:
    """によると: the source relays the statements after it, or speaks the rest of the sentence itself."""
    according = _according_match(parse)
    if according is None:
        return found or _hearsay(text, sentence, mentions, context)
    source = _according_source(parse, len(text))
    if source is None:
        return found
    name, canonical = _name(text, parse, source, mentions, context, whole=True)
    cue = according.group(0).rstrip("、")
    later = [s for s in found if (s.cue_start or 0) > according.end()]
    # 消防によると、住民から「…」と通報があった: the source tells of the call, quoting the caller
    calls = [s for s in later if s.speaker and s.cue_start is not None and s.cue.startswith("あ")
             and CALL.search(text, 0, s.cue_start) and text.rfind(f"{s.speaker}から", according.end(), s.cue_start) > 0]
    start = according.start()
    told = {id(s): replace(s, speaker=name, speaker_canonical=canonical, cue=cue, quoted_speaker=s.speaker,
                           affiliation=None, cue_start=start, cue_end=start + len(cue)) for s in calls}
    if later:  # 同紙によると、X氏は…と述べた: the outlet relays X
        return [told.get(id(s)) or (replace(s, reported_by=name) if s in later and s.speaker != name else s)
                for s in found]
    content = HEARSAY_END.sub("", text[according.end():]).strip()
    return [*found, Statement(name, canonical, cue, content, False, None, sentence, cue_start=start,
                              cue_end=start + len(cue))]


def _interviewed(text: str, sentence: str, found: list[Statement]) -> list[Statement]:
    """`…ことが、捜査関係者への取材で分かった`: the people interviewed are the source of what came out."""
    match = INTERVIEWED.search(text)
    if match is None or found:
        return []
    source = LEADING.sub("", match.group("src")).strip()
    cue = match.start("cue")
    return [Statement(source, None, match.group("cue"), match.group("content").strip("、 "), False, None, sentence,
                      cue_start=cue, cue_end=match.end("cue"))]


def _according_match(parse: Parse) -> re.Match[str] | None:
    return next((m for m in ACCORDING_CUE.finditer(parse.text) if not parse.in_quote(m.start())), None)


def _source_owner(parse: Parse, word: Word, mentions: list[Mention]) -> Word | None:
    """`研究会が行った調査によると`, `内閣府が発表した白書によると`: who made the source."""
    for clause in parse.children(word):
        if clause.dep == "acl":
            subjects = [w for w in parse.children(clause) if w.dep in SUBJECTS
                        and (_agent(parse, w, mentions) or parse.text[w.start - 1: w.start] == "「")]
            if subjects:  # 「血めぐり研究会」が行った調査: a name in brackets makes the source
                return subjects[0]
    return None


def _outlet_venue(parse: Parse, cue: Cue, mentions: list[Mention]) -> Word | None:
    """`記事では`, `同紙では`, `タイムズ紙では` before the cue, outside every quote: the outlet's article is where the
    words are, and the outlet says them (not 手紙では, ネットでは, それでは)."""
    for word in parse.words:
        if word.start >= cue.start:
            return None
        if (word.dep == "obl" and not parse.in_quote(word.start) and _marked(parse, word, "で")
                and _marked(parse, word, "は") and (OUTLET_ARTICLE.match(word.text) or any(
                    m.type == "MEDIA" for m in _mentions_over(word, mentions)))):
            return word
    return None


def _according_source(parse: Parse, before: int) -> Word | None:
    """The word before the first によると (the bracketed name of `「…白書」によると`), if it comes before `before`."""
    according = _according_match(parse)
    if according is None or according.start() >= before:
        return None
    word = parse.at(according.start() - 1)
    return parse.head(word) if word is not None and word.text in ("」", "』") else word


def _relays(statement: Statement) -> bool:
    """Whether a statement passes on what a source found out (によると, …という, …への取材で分かった)."""
    return bool(ACCORDING_CUE.match(statement.cue) or HEARSAY.match(statement.cue)
                or statement.cue.startswith("取材で") or statement.reported_by)


def _hearsay(text: str, sentence: str, mentions: list[Mention], context: Context) -> list[Statement]:
    """What a sentence passes on from a source it does not name by によると. Right after a source that relays
    (捜査関係者への取材で分かった), that source goes on. Else `…といい、県警は…` is the body the sentence goes on
    with; and `…という。` the speaker of the sentence before (`森田さんは「…」と話す。会社は…という`: still 森田さん),
    else the body its own sentence opens with (`県では、…ということです`). A body is an authority (`_authority`). A body
    that only acted in the sentence before (長野県警は…逮捕した。…という) is left out: taken as the source, it cost
    as many speakers as it found."""
    clause, cue = HEARSAY_CLAUSE.search(text), HEARSAY.search(text)
    voice = context.recent[-1] if context.recent and context.sentence - context.recent[-1].sentence <= 1 else None
    source = next((s for s in reversed(context.statements) if s.speaker == voice.name), None) if voice else None
    after = ACTING_AFTER.match(text, clause.end()) if clause is not None else None
    acting = _authority(after, mentions) if after is not None else None
    told = clause if clause is not None and (acting is not None or cue is None) else cue
    if told is None or SUMMING_UP.match(text):
        return []
    content_start = 0
    lead = len(text) - len(LEADING.sub("", text))
    opening = ACTING.match(text, lead)
    if voice is not None and source is not None and _relays(source):
        speaker, canonical = voice.name, voice.canonical
    elif acting is not None:
        speaker, canonical = acting
    elif cue is None:
        return []
    elif voice is not None and (not cue.group(0).rstrip("。").endswith("です") or (voice.name or "").endswith(
            AUTHORITY_ENDINGS)):  # a broadcaster's …ということです goes on from a source, not from a bystander
        speaker, canonical = voice.name, voice.canonical
    elif opening is not None and (own := _authority(opening, mentions)) is not None:
        (speaker, canonical), content_start = own, opening.end()
    else:
        return []
    said = told.group(0).rstrip("。、")
    return [Statement(speaker, canonical, said, text[content_start: told.start()].strip("、 "), False, None, sentence,
                      cue_start=told.start(), cue_end=told.start() + len(said))]


def _authority(match: re.Match[str], mentions: list[Mention]) -> Named | None:
    """The body `match` names (its group `body`), when it is one whose findings news passes on as hearsay: a bare word
    (警察, 県, 同社) or a named body, a named place's office (`長野県警`, `桜台市`; not `結局`, `本社`, `この町`)."""
    body, start = match.group("body"), match.start("body")
    if body in AUTHORITY_WORDS:
        return body, None
    for mention in mentions:
        if mention.start == start and mention.type in ("ORG", "GPE") and body.startswith(mention.text) \
                and body.endswith(AUTHORITY_ENDINGS):
            return body, mention.canonical if body == mention.text else None
    return None
