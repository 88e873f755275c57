"""What reported speech is made of, for both ways of finding it: the cues Japanese news uses, the context that earlier
sentences leave (who spoke, whom they were about), and the party a speaker belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matome.language.entities import Mention
from matome.language.gazetteer import Gazetteer
from matome.records import Statement

VERBS = ("明らかにし", "言い切", "断言し", "断言", "コメントし",
         "発表し", "主張し", "否定し", "強調し", "示唆し", "説明し", "表明し", "批判し",
         "指摘し", "発言し", "反論し", "警告し", "激怒し", "明言し", "言及し", "主張", "発表", "否定", "強調", "示唆",
         "説明", "表明", "批判", "指摘", "発言", "反論", "警告", "述べ", "語っ", "語り", "語る", "話し", "報じ", "伝え",
         "訴え", "求め", "認め", "明か")
_VERB = "|".join(sorted(VERBS, key=len, reverse=True))
_TAIL = r"(?P<tail>(?:ました|ています|ていた|ている|ており|ます|た|る|て|し)?)"
SAY = re.compile(rf"(?:と、?|こと[をも])(?P<cue>{_VERB}){_TAIL}(?!され|られ|れ)")  # not the passive: と批判された
# a stated position: …との見方を示した, …という認識を示した, and in hard news a clause on the noun itself
# (…をまとめる考えを示した, …しない方針を明らかにした); not 姿勢 (an attitude shown by acts), nor 方針を固めた
# (a decision reported)
VIEW = re.compile(r"(?:との|という|(?<=[ぁ-ゖ]))(?P<cue>見方|考え|認識|意向|意思|方針|計画|見解|立場|見通し)[をも]"
                  r"(?:改めて|あらためて|重ねて|強く)?"  # …する考えを改めて示した, …考えも示した
                  rf"(?P<verb>示(?!唆)|表明|明らかに|強調|伝え)し?{_TAIL}")
HOLD = re.compile(r"と(?P<cue>して)(?P<tail>います|いました|いる|おり|いた)")  # …としています: broadcasters
OBJECT = re.compile(r"(?P<obj>これ|それ|この見方|この主張|この報道|同提案|この提案)を"
                    r"(?P<cue>(?:否定|批判|歓迎|否認|一蹴|拒否)し?)" + _TAIL)
# a suspect's or a defendant's plea, which hard news reports as what they said: 容疑を否認している, 起訴内容を認めた
# (a finished plea only: not 認めていない, 認めず, 否認しておらず, 認めるかどうか, 認めるよう, 否認したことはない), or
# the plea told as a statement: 殺害を認める供述を始めた
PLEA = re.compile(r"(?:容疑|起訴内容|起訴事実|罪|犯行|殺害)(?:の一部)?を(?:大筋で|全面的に|一部|依然)?"
                  r"(?P<cue>否認|認め|否定)(?:し?(?P<tail>ています|ていました|ていた|ている|ており|ました|た|(?=、))(?!ず|ことは)"
                  r"|(?:る|する)供述を(?:し|始め)(?:ています|ていました|ていた|ている|ており|ました|た)"
                  r"(?!か|ことは|[一-龥ァ-ヴ]))")  # not …始めた男を (a relative clause), …したかどうか
# an account or a stance reported by its topic alone: …の大きさを強調した, 進退について説明した, 値上げに言及した
ACT = re.compile(r"(?:を|に(?=言及)|にも(?=言及)|について(?:も|は)?|に関して|に関し|を(?:めぐ|巡)って)"
                 r"(?:改めて|あらためて|強く|重ねて|繰り返し)?、?"
                 r"(?P<cue>強調|表明|説明|言及|訴え|語[っりる]|述べ|明らかに|振り返)")
ACCORDING_CUE = re.compile(r"(?:によると|によれば|によりますと)、?")  # によりますと: broadcasters' polite form
_HEARSAY = r"という|ということ(?:です|だ)|とのこと(?:です|だ)?"  # how a sentence ends that tells what a source said
HEARSAY = re.compile(rf"(?:{_HEARSAY})。?$")
# a clause that tells what a source said, the sentence going on with that source acting (…といい、県警は捜査している)
HEARSAY_CLAUSE = re.compile(r"(?:といい|ということで|とのことで)、")
# what ends a sentence a source spoke, trimmed from its words (the polite forms too, and としている)
HEARSAY_END = re.compile(rf"(?:{_HEARSAY}|としている)?。?$")
ACCORDING = re.compile(r"(?P<src>[^、。「」]+?)(?:の(?:発表|話|説明|報道|声明|会見))?" + ACCORDING_CUE.pattern)
RELAY = re.compile(r"(?P<src>[^、。「」]+?)(?:から聞いた話として|の話として|への取材で|の関係者によると)")
VENUE = re.compile(r"(?P<venue>[^、。「」はがも]+?)(?:のインタビューで|の取材に|の番組で|の電話取材に|に対し)")
TOPIC = re.compile(r"(?P<phrase>[^、。「」]{2,40}?)(?:は|も)(?!の|な[いく])、?")
SUBJECT = re.compile(r"(?P<phrase>[^、。「」]{2,30}?)が、?")
BRACKETED = re.compile(r"「(?P<phrase>[^」]{1,30})」(?:は|が|では)、?")  # 韓国情報サイト「Innolife.net」は
HEADLINE = re.compile(r"(?P<phrase>[^、。「」\s]{2,20})$")  # ゼンショー「事実無根」と反論
# the one list of sentence-opening connectives: cut from speaker phrases and from summary lines
LEADING = re.compile(r"^(?:しかし|さらに|また|一方で?|ただ|なお|その上で|これに対し|(?:これに)?先立(?:ち|って)|そして"
                     r"|このため)(?!の)、?")  # not 一方の大統領は: one side's
# the openings of a writer's conclusion, not a source's words: つまり、…ということだ
SUMMING_UP = re.compile(r"^(?:つまり|要するに|すなわち|言い換えれば)")
SAME = re.compile(r"^同(?:氏|大統領|首相|報道官|外相|長官|議員|社長|委員長)$")
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MEDIA")
NOT_TOPICS = ("もので", "もの", "こと", "ので", "ため", "場合", "では", "とき", "時", "する", "した", "いる", "ない",
              "れる", "せる")


@dataclass(frozen=True, slots=True)
class Voice:
    """Someone named in an earlier sentence: who may go on speaking in the next ones."""

    sentence: int
    name: str | None
    canonical: str | None


@dataclass
class Context:
    """What earlier sentences of the article said, for 同氏 and sentences without a topic."""

    statements: list[Statement] = field(default_factory=list)
    last_person: Mention | None = None
    sentence: int = 0
    recent: list[Voice] = field(default_factory=list)  # the speakers of the statements so far
    topics: list[Voice] = field(default_factory=list)  # the people sentences were about (X氏は…)
    last_body: Mention | None = None  # the last organisation or outlet, for 同社/同紙
    body_sentence: int = -1  # the sentence that named `last_body`
    titled: dict[str, Voice] = field(default_factory=dict)  # by its last word: 「税金と保険の情報サイト」 for 同サイト
    previous: str = ""  # the sentence before: the quotation that `こう述べた` reports
    suspect: Voice | None = None  # the last suspect or defendant named: who answers investigators (容疑を認めている)


SAID_BEFORE = -2  # a Cue's content_start when its content is what the statement before said (これを否定した)
QUOTED_BEFORE = -3  # … when it is the quotation that makes up the sentence before (「…」。首相はこう述べた)
REPORTED_BEFORE = -4  # … when it is the whole sentence before (…協議を開く。政府関係者が25日、明らかにした)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int  # where the statement's words start (the opening 「 of a quote), else the cue
    end: int
    cue: str
    direct: bool
    content: str
    content_start: int
    verb: int = -1  # where the cue starts
    head: int = -1  # where the predicate the speaker is the subject of starts (浮かべ of と苦笑いを浮かべた)
    carries: bool = True  # without a subject, the speaker of the sentences before goes on (not for 「…」との声)
    said_end: int = -1  # where what was said ends (after the closing 」, or at the と of indirect speech)
    act: bool = False  # an account reported by its topic alone (…の大きさを強調した): no clause holds another subject


def cue_word(match: re.Match[str]) -> str:
    cue = match.group(0)
    if cue.startswith(("との", "という")):
        return cue
    return cue.lstrip("と、").removeprefix("ことを").removeprefix("ことも")


def subject_marker(text: str, end: int) -> str:
    """What follows a name, past an aside like (労働党): は, も, が, 紙は …"""
    return re.sub(r"^[(（][^)）]{1,20}[)）]", "", text[end: end + 24])


AGE = re.compile(r"[(（][0-9０-９]{1,3}[)）]")  # 森田一郎(42): an age in brackets after a name
# a person named with a reading, a title or an age before は/も/が (森田一郎(もりた・いちろう)知事は,
# 森田一郎候補(42)は): the sentence is about them all the same
TITLED_TOPIC = re.compile(rf"(?:[(（][^)）]{{1,20}}[)）])?(?P<title>[一-龥ァ-ヺー]{{1,8}})(?:{AGE.pattern})?[はもが]")


# words only a suspect gives investigators, and where a sentence says they were questioned
QUESTIONED = re.compile(r"容疑|起訴内容|否認|供述|黙秘|自供|申告")
UNDER_QUESTIONING = re.compile(r"調べに(?:対し|対して|は)|取り調べ")
INVESTIGATORS = ("警察", "県警", "府警", "道警", "警視庁", "署", "捜査本部", "地検", "検察", "捜査関係者")
ACCUSED = ("容疑者", "被告人", "被告")
ARRESTED = re.compile(r"逮捕|送検|起訴|出頭|身柄|容疑")
# 鈴木容疑者: a suspect named by a name alone (not 無職君野康弘容疑者, where the recogniser must find the name)
SURNAME_ACCUSED = re.compile(rf"(?<![一-龥ァ-ヺー])[一-龥ァ-ヺー]{{1,4}}(?:{'|'.join(ACCUSED)})")
# how a report calls one it names no further: 男(25), 少年は, 孫が (not 男性, 長男)
UNNAMED_SUSPECT = re.compile(rf"(?<![一-龥ァ-ヺー])(?:容疑者|少年|少女|男|女|孫)(?={AGE.pattern}|[をがはも、=＝])")


def suspect_named(text: str, mentions: list[Mention]) -> Voice | None:
    """The last suspect or defendant a sentence names (森田一郎容疑者, or 男 in a sentence about an arrest), as a
    Voice of sentence -1 (the caller dates it)."""
    named = [(m.start, Voice(-1, m.text, m.canonical)) for m in mentions  # the recogniser keeps the title on
             if m.type == "PERSON" and (m.title or "").endswith(ACCUSED)]
    named += [(found.start(), Voice(-1, found.group(), None)) for found in SURNAME_ACCUSED.finditer(text)
              if all(start != found.start() for start, _ in named)]
    if ARRESTED.search(text):
        named += [(found.start(), Voice(-1, found.group(), None)) for found in UNNAMED_SUSPECT.finditer(text)]
    return max(named, key=lambda found: found[0])[1] if named else None


def topic_follows(text: str, end: int) -> bool:
    return subject_marker(text, end).startswith(("は", "も", "が", "紙は"))


def affiliation_of(text: str, mention: Mention | None, mentions: list[Mention], gazetteer: Gazetteer) -> str | None:
    """`(労働党)` after the name, `保守党の` before it, or the party the gazetteer knows."""
    if mention is None:
        return None
    aside = re.match(r"[(（](?P<org>[^)）]{1,20})[)）]", text[mention.end:])
    if aside:
        return aside.group("org")
    before = [m for m in mentions if m.type == "ORG" and m.end + 1 == mention.start and text[m.end] == "の"]
    if before:
        return before[-1].text
    actor = gazetteer.actors.get(mention.canonical)
    party = gazetteer.actors.get(actor.affiliation or "") if actor else None
    return party.display if party else None
