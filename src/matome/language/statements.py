"""Who said what, sentence by sentence: statements found from a dependency parse (attribution.py) or, without one,
by last round's rules (kept below as the baseline of benchmarks/statements.py: speakers from the entity mentions in
front of は/も/が, then a plain noun phrase, then 同氏 or the last speaker), and statements grouped by speaker."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from matome.language.attribution import PLACE_ENDINGS, ROLES, answered, asks, parsed_statements
from matome.language.entities import Mention
from matome.language.gazetteer import PERSON_SUFFIXES, Gazetteer
from matome.language.speech import (
    ACCORDING,
    AGE,
    BRACKETED,
    HEADLINE,
    HEARSAY_END,
    HOLD,
    LEADING,
    NOT_TOPICS,
    OBJECT,
    RELAY,
    SAID_BEFORE,
    SAME,
    SAY,
    SPEAKER_TYPES,
    SUBJECT,
    TITLED_TOPIC,
    TOPIC,
    VENUE,
    VIEW,
    Context,
    Cue,
    Voice,
    affiliation_of,
    cue_word,
    subject_marker,
    suspect_named,
    topic_follows,
)
from matome.language.syntax import Parse
from matome.records import Statement

NAMED_BODY = re.compile(r"「(?P<name>[^「」]{2,28}(?P<kind>サイト|誌|番組|ブログ))」(?=[がはのもで])")
TOPIC_TITLES = (*PERSON_SUFFIXES, *ROLES, "候補")  # what a titled topic's title ends with (not 夫人, ファン, 事件)
CLOSING = re.compile(r"[」』）)]?[。！!]?\s*$")  # …と釈明するスギちゃん。: a sentence closing on a name is theirs


def find_statements(text: str, sentence: str, mentions: list[Mention], gazetteer: Gazetteer,
                    context: Context, parse: Parse | None = None, syntax: bool = False) -> list[Statement]:
    """Every statement in one sentence; updates `context` for the sentences after it.

    With `syntax`, statements come from the sentence's parse (a sentence without one, see `carries_speech`, has
    none); without, from the rules alone.
    """
    if parse is not None:
        found = parsed_statements(text, sentence, mentions, gazetteer, context, parse)
    elif syntax:
        found = []
    else:
        found = _rule_statements(text, sentence, mentions, gazetteer, context)
    context.statements.extend(found)
    context.recent.extend(Voice(context.sentence, s.speaker, s.speaker_canonical) for s in found
                          if s.speaker and not asks(s) and not answered(text, s))  # nor who is answered
    people = [m for m in mentions if m.type == "PERSON"]
    bodies = [m for m in mentions if m.type in ("ORG", "MEDIA")]
    context.topics.extend(Voice(context.sentence, name, m.canonical) for m in people
                          if (name := _topic_name(text, m)) is not None)
    towns = [m for m in mentions if m.type == "GPE" and m.text.endswith(PLACE_ENDINGS)]
    context.topics.extend(Voice(context.sentence, m.text, m.canonical) for m in (*bodies, *towns)
                          if subject_marker(text, m.end).startswith("は"))  # 外務省は…。「…」としている
    context.last_person = people[-1] if people else context.last_person
    context.last_body = bodies[-1] if bodies else context.last_body
    context.body_sentence = context.sentence if bodies else context.body_sentence
    for match in NAMED_BODY.finditer(text):  # 「税金と保険の情報サイト」が: what 同サイト may refer to
        context.titled[match.group("kind")] = Voice(context.sentence, match.group("name"), None)
    if (suspect := suspect_named(text, mentions)) is not None:
        context.suspect = replace(suspect, sentence=context.sentence)
    context.sentence += 1
    context.previous = text
    return found


def _topic_name(text: str, person: Mention) -> str | None:
    """How a sentence names a person it is about (X氏は, X知事は, X候補(42)は, a sentence closing on X), else None."""
    if topic_follows(text, person.end) or CLOSING.match(text, person.end):
        return person.text
    titled = TITLED_TOPIC.match(text, person.end)
    if titled is None or not titled.group("title").endswith(TOPIC_TITLES):
        return None
    return AGE.sub("", text[person.start: titled.end() - 1])


def by_speaker(statements: Iterable[Statement]) -> list[tuple[str, list[Statement]]]:
    """Statements grouped by who made them: one group per canonical speaker (プーチン大統領 and プーチン氏 are
    one), named by the first way the text writes them; each thing said once."""
    groups: dict[str, tuple[str, list[Statement]]] = {}
    for statement in statements:
        key = statement.speaker_canonical or statement.speaker or "?"
        _, said = groups.setdefault(key, (statement.speaker or "?", []))
        if all(s.content != statement.content for s in said):
            said.append(statement)
    return list(groups.values())


# -- the rules alone: last round's speakers, kept as the baseline --------------------------------------------------
def _rule_statements(text: str, sentence: str, mentions: list[Mention], gazetteer: Gazetteer,
                     context: Context) -> list[Statement]:
    found: list[Statement] = []
    region = 0
    for cue in _cues(text, context):
        speaker = _speaker(text, region, cue, mentions, context, found)
        statement = _statement(text, sentence, region, cue, speaker, mentions, gazetteer, context)
        if cue.content_start == SAID_BEFORE and found:  # これを否定: what the sentence's earlier statement said
            statement = replace(statement, content=found[-1].content)
        found.append(statement)
        region = cue.end
    found.extend(_according(text, sentence, mentions))
    return found


def _cues(text: str, context: Context) -> list[Cue]:
    cues: list[Cue] = []
    matches = sorted([*SAY.finditer(text), *VIEW.finditer(text), *HOLD.finditer(text)], key=lambda m: m.start())
    for match in matches:
        if cues and match.start() < cues[-1].end:
            continue
        cue = cue_word(match)
        before = text[: match.start()]
        if before.endswith("」") and "「" in before:
            opening = before.rindex("「")
            cues.append(Cue(opening, match.end(), cue, True, before[opening + 1: -1], opening, match.end() - len(cue)))
        else:
            cues.append(Cue(match.start(), match.end(), cue, False, "", -1, match.end() - len(cue)))
    for match in OBJECT.finditer(text):
        if not any(c.start <= match.start() < c.end for c in cues):
            previous = context.statements[-1].content if context.statements else match.group("obj")
            cues.append(Cue(match.start(), match.end(), match.group("cue") + match.group("tail"), False,
                             previous, SAID_BEFORE, match.start("cue")))
    return sorted(cues, key=lambda c: c.start)


Speaker = tuple[str | None, Mention | None, int]


def _speaker(text: str, region: int, cue: Cue, mentions: list[Mention], context: Context,
             found: list[Statement]) -> Speaker:
    """(speaker text, its mention, where the content starts) for the cue, searched in text[region: cue.start]."""
    area_end = cue.start
    topics = [t for t in TOPIC.finditer(text, region, area_end) if not t.group("phrase").endswith(NOT_TOPICS)]
    candidates = [m for m in mentions if region <= m.start and m.end <= area_end and m.type in SPEAKER_TYPES
                  and topic_follows(text, m.end)]
    topical = [m for m in candidates if not subject_marker(text, m.end).startswith("が")]
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


def _after_topic(text: str, end: int) -> int:
    match = re.match(r"(?:[(（][^)）]{1,20}[)）])?(?:紙)?(?:は|も|が)、?", text[end:])
    return end + match.end() if match else end


def _statement(text: str, sentence: str, region: int, cue: Cue, speaker: Speaker, mentions: list[Mention],
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
    given = cue.direct or cue.content_start == SAID_BEFORE
    content = cue.content if given else text[content_start: cue.start].strip("、 ")
    canonical = mention.canonical if mention else _resolve(name, context)
    return Statement(name, canonical, cue.cue, content, cue.direct, reported_by, sentence,
                     affiliation_of(text, mention, mentions, gazetteer), cue_start=cue.verb,
                     cue_end=cue.verb + len(cue.cue))


def _resolve(name: str | None, context: Context) -> str | None:
    for statement in reversed(context.statements):
        if statement.speaker == name:
            return statement.speaker_canonical
    return None


def _according(text: str, sentence: str, mentions: list[Mention]) -> list[Statement]:
    """`ホワイトハウスの発表によると、…` and `ペスコフ報道官によると、…`: the source speaks the rest."""
    match = ACCORDING.search(text)
    if not match:
        return []
    source = LEADING.sub("", match.group("src").split("、")[-1]).strip()
    inside = [m for m in mentions if match.start("src") <= m.start and m.end <= match.end("src")
              and m.type in SPEAKER_TYPES]
    speaker = inside[-1] if inside else None
    content = HEARSAY_END.sub("", text[match.end():]).strip()
    if not content:
        return []
    cue = text.index("によ", match.end("src"))
    return [Statement(speaker.text if speaker else source, speaker.canonical if speaker else None, "によると",
                      content, False, None, sentence, cue_start=cue, cue_end=cue + 4)]
