"""Who said what: direct 「…」 and indirect speech with the cues Japanese news uses, speakers resolved.

A sentence can hold several statements (`Aは…と主張したが、Bはこれを否定した`); each cue closes one, and the next
one's speaker is searched for after it. Speakers come from the entity mentions in front of は/も/が, then from a plain
noun phrase (ジョンソン政権の閣僚), then from 同氏/同大統領 or a sentence without a topic (the last speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

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
SAY = re.compile(rf"(?:と、?|ことを)(?P<cue>{_VERB}){_TAIL}(?!され|られ|れ)")  # not the passive: と批判された
VIEW = re.compile(rf"との(?P<cue>見方|考え|認識|意向|方針|見解|立場)を(?:示|表明)し?{_TAIL}")
HOLD = re.compile(r"と(?P<cue>して)(?P<tail>いる|おり|いた)")
OBJECT = re.compile(r"(?P<obj>これ|それ|この見方|この主張|この報道|同提案|この提案)を"
                    r"(?P<cue>(?:否定|批判|歓迎|否認|一蹴|拒否)し?)" + _TAIL)
ACCORDING = re.compile(r"(?P<src>[^、。「」]+?)(?:の(?:発表|話|説明|報道|声明|会見))?(?:によると|によれば)、?")
RELAY = re.compile(r"(?P<src>[^、。「」]+?)(?:から聞いた話として|の話として|への取材で|の関係者によると)")
VENUE = re.compile(r"(?P<venue>[^、。「」はがも]+?)(?:のインタビューで|の取材に|の番組で|の電話取材に|に対し)")
TOPIC = re.compile(r"(?P<phrase>[^、。「」]{2,40}?)(?:は|も)(?!の|な[いく])、?")
SUBJECT = re.compile(r"(?P<phrase>[^、。「」]{2,30}?)が、?")
BRACKETED = re.compile(r"「(?P<phrase>[^」]{1,30})」(?:は|が|では)、?")  # 韓国情報サイト「Innolife.net」は
HEADLINE = re.compile(r"(?P<phrase>[^、。「」\s]{2,20})$")  # ゼンショー「事実無根」と反論
LEADING = re.compile(r"^(?:しかし|さらに|また|一方|ただ|なお|その上で|これに対し|そして)、?")
SAME = re.compile(r"^同(?:氏|大統領|首相|報道官|外相|長官|議員|社長|委員長)$")
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MEDIA")
NOT_TOPICS = ("もので", "もの", "こと", "ので", "ため", "場合", "では", "とき", "時", "する", "した", "いる", "ない",
              "れる", "せる")


@dataclass
class Context:
    """What earlier sentences of the article said, for 同氏 and sentences without a topic."""

    statements: list[Statement] = field(default_factory=list)
    last_person: Mention | None = None


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    cue: str
    direct: bool
    content: str
    content_start: int


def find_statements(text: str, sentence: str, mentions: list[Mention], gazetteer: Gazetteer,
                    context: Context) -> list[Statement]:
    """Every statement in one sentence; updates `context` for the sentences after it."""
    found: list[Statement] = []
    region = 0
    for cue in _cues(text, context):
        speaker = _speaker(text, region, cue, mentions, context, found)
        statement = _statement(text, sentence, region, cue, speaker, mentions, gazetteer, context)
        if cue.content_start == -2 and found:  # これを否定: what the sentence's earlier statement said
            statement = replace(statement, content=found[-1].content)
        found.append(statement)
        region = cue.end
    found.extend(_according(text, sentence, mentions))
    context.statements.extend(found)
    people = [m for m in mentions if m.type == "PERSON"]
    context.last_person = people[-1] if people else context.last_person
    return found


def _cues(text: str, context: Context) -> list[_Cue]:
    cues: list[_Cue] = []
    matches = sorted([*SAY.finditer(text), *VIEW.finditer(text), *HOLD.finditer(text)], key=lambda m: m.start())
    for match in matches:
        if cues and match.start() < cues[-1].end:
            continue
        cue = _cue_word(match)
        before = text[: match.start()]
        if before.endswith("」") and "「" in before:
            opening = before.rindex("「")
            cues.append(_Cue(opening, match.end(), cue, True, before[opening + 1: -1], opening))
        else:
            cues.append(_Cue(match.start(), match.end(), cue, False, "", -1))
    for match in OBJECT.finditer(text):
        if not any(c.start <= match.start() < c.end for c in cues):
            previous = context.statements[-1].content if context.statements else match.group("obj")
            cues.append(_Cue(match.start(), match.end(), match.group("cue") + match.group("tail"), False,
                             previous, -2))
    return sorted(cues, key=lambda c: c.start)


def _cue_word(match: re.Match[str]) -> str:
    cue = match.group(0)
    return cue.lstrip("と、").removeprefix("ことを") if not cue.startswith("との") else cue


Speaker = tuple[str | None, Mention | None, int]


def _speaker(text: str, region: int, cue: _Cue, mentions: list[Mention], context: Context,
             found: list[Statement]) -> Speaker:
    """(speaker text, its mention, where the content starts) for the cue, searched in text[region: cue.start]."""
    area_end = cue.start
    topics = [t for t in TOPIC.finditer(text, region, area_end) if not t.group("phrase").endswith(NOT_TOPICS)]
    candidates = [m for m in mentions if region <= m.start and m.end <= area_end and m.type in SPEAKER_TYPES
                  and _topic_follows(text, m.end)]
    topical = [m for m in candidates if not _subject_marker(text, m.end).startswith("が")]
    candidates = topical or candidates
    if candidates:
        chosen = candidates[-1] if cue.direct else candidates[0]
        return chosen.text, chosen, _after_topic(text, chosen.end)
    if topics:
        topic = topics[-1] if cue.direct else topics[0]
        phrase = LEADING.sub("", topic.group("phrase").split("、")[-1]).strip()
        if SAME.match(phrase) and context.last_person:
            return context.last_person.text, context.last_person, topic.end()
        return phrase, None, topic.end()
    if found:  # `Xは…と発言し、…と示唆した`: the same speaker goes on
        return found[-1].speaker, None, region
    if cue.direct and (subject := _subject_before_quote(text, region, area_end)):
        return subject, None, area_end
    if region == 0 and context.last_person:  # 「…」と話した: the person the article has been talking about
        return context.last_person.text, context.last_person, region
    if region == 0 and context.statements:  # no topic: the sentence goes on with the last speaker
        return context.statements[-1].speaker, None, region
    return None, None, region


def _subject_before_quote(text: str, region: int, quote: int) -> str | None:
    """Without a topic: a bracketed name (「ガーディアン」では), the last `Xが`, or a headline's `X「…」`."""
    bracketed = list(BRACKETED.finditer(text, region, quote))
    if bracketed:
        return bracketed[-1].group("phrase")
    subjects = [s for s in SUBJECT.finditer(text, region, quote) if not s.group("phrase").endswith(NOT_TOPICS)]
    if subjects:
        return LEADING.sub("", subjects[-1].group("phrase").split("、")[-1]).strip() or None
    headline = HEADLINE.search(text, region, quote)
    return headline.group("phrase") if headline and headline.end() == quote else None


def _subject_marker(text: str, end: int) -> str:
    """What follows a name, past an aside like (労働党): は, も, が, 紙は …"""
    return re.sub(r"^[(（][^)）]{1,20}[)）]", "", text[end: end + 24])


def _topic_follows(text: str, end: int) -> bool:
    return _subject_marker(text, end).startswith(("は", "も", "が", "紙は"))


def _after_topic(text: str, end: int) -> int:
    match = re.match(r"(?:[(（][^)）]{1,20}[)）])?(?:紙)?(?:は|も|が)、?", text[end:])
    return end + match.end() if match else end


def _statement(text: str, sentence: str, region: int, cue: _Cue, speaker: Speaker, mentions: list[Mention],
               gazetteer: Gazetteer, context: Context) -> Statement:
    name, mention, content_start = speaker
    between = text[content_start: cue.start] if cue.direct else ""
    reported_by = None
    relay = RELAY.search(between) if between else None
    if relay and mention and mention.type == "MEDIA":
        reported_by, name, mention = mention.text, relay.group("src").strip(), None
    venue = VENUE.search(text, region, cue.start)
    if venue and reported_by is None:
        outlets = [m for m in mentions if m.type == "MEDIA" and venue.start() <= m.start < venue.end()]
        reported_by = outlets[0].text if outlets else None
    content = cue.content if cue.direct or cue.content_start == -2 else text[content_start: cue.start].strip("、 ")
    canonical = mention.canonical if mention else _resolve(name, context)
    return Statement(name, canonical, cue.cue, content, cue.direct, reported_by, sentence,
                     _affiliation(text, mention, mentions, gazetteer))


def _resolve(name: str | None, context: Context) -> str | None:
    for statement in reversed(context.statements):
        if statement.speaker == name:
            return statement.speaker_canonical
    return None


def _affiliation(text: str, mention: Mention | None, mentions: list[Mention], gazetteer: Gazetteer) -> str | None:
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


def _according(text: str, sentence: str, mentions: list[Mention]) -> list[Statement]:
    """`ホワイトハウスの発表によると、…` and `ペスコフ報道官によると、…`: the source speaks the rest."""
    match = ACCORDING.search(text)
    if not match:
        return []
    source = LEADING.sub("", match.group("src").split("、")[-1]).strip()
    inside = [m for m in mentions if match.start("src") <= m.start and m.end <= match.end("src")
              and m.type in SPEAKER_TYPES]
    speaker = inside[-1] if inside else None
    content = re.sub(r"(?:という|とのことだ|としている)?。?$", "", text[match.end():]).strip()
    if not content:
        return []
    return [Statement(speaker.text if speaker else source, speaker.canonical if speaker else None, "によると",
                      content, False, None, sentence)]
