"""Extractive three-line summaries: the sentences that cover a report's actors, event and numbers, not each other."""

from __future__ import annotations

import re

from matome.language.speech import LEADING
from matome.records import Entity, Sentence, SupportedLine
from matome.stories.reports import Report

PLAN = re.compile(r"(?:予定|見通し|方針|計画|見込み|意向)(?:だ|です|である)?(?:という|とのこと|としている)?。?$"
                  r"|(?:を目指す|を目指している)(?:という)?。?$"
                  r"|(?<![てで]い)(?<![てで]お)(?<!あり)(?<!おり)ます。?$")  # …に臨みます (not …しています)

LINES = 3
MAX_CHARS = 110
# the case a long sentence opens on (…14人が死亡した事故で、…が起訴された事件をめぐり、), with no topic in it
# (日本航空は3日、…事故で、: who speaks is in that opening)
CASE_FRAME = re.compile(r"^(?:(?!は[、0-9０-９一-龥ァ-ヴ])[^。「」]){10,}?(?:事件|事故|問題|事案|火災|災害|騒動)"
                        r"(?:で|を(?:めぐ|巡)(?:り|って))、")
MIN_TOLD = 20  # what is left must still tell something
REDUNDANT = 0.45
NUMBER = re.compile(r"[0-9０-９]+|[一二三四五六七八九十百千万億]+(?:人|円|件|本|回|日|%)")
# a まとめ editor's remark, not a line of the report it summarises
EDITORIAL = re.compile(r"(?:ようです|ようですね|でしょう|でしょうか|と思います|と思われます|かもしれません|ですね|"
                       r"ますね|ものです|ところです|気がします|たいところ|たいです|ましょう)[。！!]?$")
STATEMENT_END = re.compile(r"[。！!」]$")  # a sentence that says something; spec-table rows and headings do not
# a sentence that introduces what follows and states nothing itself (主な発言は次の通り, 東京地裁前から報告です)
INTRODUCING = re.compile(r"(?:(?:次|以下|下記)の(?:通り|とおり)(?:だ|です|である)?"
                         r"|(?:から|より)の?(?:報告|中継|お伝え)(?:です|します|しています|いたします))[。：:]?$")
NOT_A_LINE = 3.0  # what chatter, a scrap, or a line that does not end as a statement (a page header, a byline) loses
CHATTER = re.compile(r"(?:ね|よ|ですね|ましょう|ません|かな|たい)[!！。]?$|[?？]$")


def summarize(report: Report, lines: int = LINES) -> tuple[SupportedLine, ...]:
    """A source card's own ✅ bullets; otherwise the best `lines` sentences of the report, in their order (never
    one that only introduces what follows)."""
    sentences = [s for s in report.body_sentences if s.part in ("body", "card") and not INTRODUCING.search(s.text)]
    if report.kind in ("card", "page"):
        sentences = [s for s in sentences if not EDITORIAL.search(s.text)]
    if report.kind == "card":
        return tuple(SupportedLine(s.text, (s.id,)) for s in sentences[:lines])
    position = {s.id: n for n, s in enumerate(sentences)}
    by_sentence: dict[str, list[Entity]] = {}
    for entity in report.entities:
        by_sentence.setdefault(entity.sentence, []).append(entity)
    ranked = sorted(sentences, key=lambda s: -_score(s, position[s.id], by_sentence.get(s.id, [])))
    chosen: list[Sentence] = []
    for sentence in ranked:
        if len(chosen) == lines:
            break
        if all(_overlap(sentence.text, c.text) < REDUNDANT for c in chosen):
            chosen.append(sentence)
    chosen.sort(key=lambda s: position[s.id])
    return tuple(SupportedLine(trim(s.text, case=True), (s.id,)) for s in chosen)


def _score(sentence: Sentence, position: int, mine: list[Entity]) -> float:
    actors = {e.canonical for e in mine if e.type in ("PERSON", "ORG", "GPE", "MEDIA")}
    score = 1.5 * min(len(actors), 3) + (1.0 if any(e.type == "DATE" for e in mine) else 0.0)
    score += 0.8 if NUMBER.search(sentence.text) else 0.0
    score += max(0.0, 3.0 - 0.75 * position)
    if CHATTER.search(sentence.text) or len(sentence.text) < 15:
        score -= NOT_A_LINE
    if not STATEMENT_END.search(sentence.text):
        score -= NOT_A_LINE
    return score - max(0, len(sentence.text) - 150) / 50


def _overlap(a: str, b: str) -> float:
    grams_a = {a[i: i + 2] for i in range(len(a) - 1)}
    grams_b = {b[i: i + 2] for i in range(len(b) - 1)}
    return len(grams_a & grams_b) / (len(grams_a | grams_b) or 1)


def tells_plan(text: str) -> bool:
    """Whether a sentence tells what is to come (…する予定だ, …を目指す, …に臨みます), not what happened: its day is
    when something is meant to happen."""
    return PLAN.search(text) is not None


def trim(text: str, case: bool = False) -> str:
    """A line that stands alone: no leading connective; a long sentence cut at a comma before MAX_CHARS. With `case`,
    a long sentence that opens on the case it is about (…14人が死亡した事故で、) goes without it, which the story
    names: a cut at the end would keep the case and lose what the sentence tells of it (not for a side of a
    disagreement, a title or a toll, whose words are in that opening)."""
    text = LEADING.sub("", text).strip()
    if len(text) <= MAX_CHARS:
        return text
    if case and (opening := CASE_FRAME.match(text)) is not None and len(text) - opening.end() >= MIN_TOLD:
        text = text[opening.end():]
        if len(text) <= MAX_CHARS:
            return text
    cut = text.rfind("、", 0, MAX_CHARS)
    return text[:cut] + "…" if cut > MAX_CHARS // 2 else text
