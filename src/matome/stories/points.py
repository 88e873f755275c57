"""Points across sources: sentences of different reports that state the same thing, aligned into one point.

Two sentences of reports by different outlets are aligned when the background-weighted cosine of their terms
reaches ALIGN and they share at least SHARED_TERMS terms (two articles of one outlet are one voice, and its
per-product articles of one launch repeat sentences about different things). Between two sentences of one speaker
the cosine leaves out the names of who speaks, which are no shared fact there (two things one person said are two
points); the count keeps them (one quote that two outlets carry stays one point), and between two speakers the names
tell two people's acts apart. A point holds at most one sentence per outlet and grows by the strongest pairs
first, each new sentence aligned with every member, not only with the first (a sentence like the first one but not
like another member states something the other does not), and apart from none (`_apart`: 1人が死亡 on the 26th and
5人が死亡 on the 29th are two facts). Only sentences that state something count: not spec-table rows,
headings, bullets, footnotes, photo captions, an interviewer's questions or a sentence that introduces what follows
(主な発言は次の通り). A sentence turned away from a point it is like (like its first sentence, not like another
member) starts no point of its own with a sentence less like it: it touches what the point states. In a story of
STORY_MIN reports or more, two sentences that are not near-paraphrases must also stay alike when the terms most of
its reports carry weigh less (`_own`): sharing the story's names, place and case, they may tell two things of it.
The point's text is the sentence whose words the others carry most, trimmed.
Points that one report alone carries come from that report's ✅ lines, marked by their single source.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from matome.language.tokens import Token
from matome.records import Point, Sentence, SupportedLine
from matome.stories.background import Background, background, terms
from matome.stories.quantities import quantities, tallies
from matome.stories.reports import Report
from matome.stories.summary import INTRODUCING, STATEMENT_END, trim
from matome.text.dates import DAY_VALUE

ALIGN = 0.5
STORY_ALIGN = 0.3  # what two alike sentences share, with the story's own terms weighing less (`_own`)
# a story of fewer reports has no terms of its own to tell from a point's: a term two of two or three carry may be
# the one fact they share
STORY_MIN = 4
STORY_FLOOR = 0.1
# a verbal noun that describes a noun after it (観測した熊本地震, 逮捕された容疑者): what the sentence presupposes
DESCRIBING = re.compile(r"(?:し|され|さ[せれ])(?:てい)?た(?=[一-龥ァ-ヴ])(?!後|際|時|直後|上で|ため|場合|結果|末)")
# the verbal noun a sentence's main clause closes on (…を現行犯逮捕した。, …が発生しました。)
CLOSING_ACT = re.compile(r"([一-龥]{2,})(?:し|され|さ[せれ])(?:てい)?(?:た|ている|ています|ました|る|ます|ていた)?"
                         r"(?:こと|ことが分かった|という|とみられる)?[。」』]*$")
CLOSE = 0.6  # sentences this alike tell one thing: other days in them are one point told two ways, a discrepancy
SHARED_TERMS = 4
MIN_CHARS = 15
NOTE = re.compile(r"^[※＊*■□◆◇●○・]")  # footnotes, headings and bullets repeat across one outlet's articles
# an interviewer's question (――統合の前提は。, Ｑ：…ですか。) or a quoted one asks, not states
QUESTION = re.compile(r"^(?:[―—─]{1,2}|[QＱ][:：.．\s]).*(?:は|か|[?？])。$|[?？]」$")
# a person's condition, which a later report may move on (重体, then 死亡; 行方不明, then 遺体で発見)
CONDITION = re.compile(r"死亡|亡くな|死去|重体|意識不明|重傷|行方不明|安否不明|心肺停止|遺体")
MAX_SENTENCES = 60  # of each report, from its start: a story of long reports stays quadratic in a bounded number

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class Aligned:
    """A point's sentence: which report states it, and how."""

    report: Report
    sentence: Sentence
    vector: Vector  # its terms, weighted by the background and normalised: computed once, compared often
    days: frozenset[str] = frozenset()  # the days it names (`_days_by_sentence`), read once for every pair it is in
    speakers: frozenset[str] = frozenset()  # the terms naming who speaks in it and not in what they say
    unnamed: Vector = field(default_factory=dict)  # `vector` without them
    story: Vector = field(default_factory=dict)  # its terms with the story's own weighing less (`_story_weights`)
    story_unnamed: Vector = field(default_factory=dict)
    act: str | None = None  # the verbal noun its main clause closes on (`CLOSING_ACT`)


@dataclass
class _Point:
    members: list[Aligned] = field(default_factory=list)

    def outlets(self) -> set[str]:
        return {_outlet(m.report) for m in self.members}


class Alignments(NamedTuple):
    """A story's sentences aligned two ways, from one reading of them."""

    points: list[list[Aligned]]  # what the sources state alike, the story's own terms weighing less (`_own`)
    compared: list[list[Aligned]]  # by the background alone: where accounts that differ are sought (a sentence that
    # tells the lede's fact with one detail changed shares only the story's words with the others)


@dataclass(frozen=True, slots=True)
class _Read:
    """A story's stated sentences, read once for every way they are aligned."""

    where: dict[str, Aligned]
    position: dict[str, int]  # of the sentence among its report's statements: 0 is the lede
    pairs: list[tuple[float, str, str]]  # alike enough (ALIGN) and not apart, strongest first
    weighted: bool  # whether the story has terms of its own (STORY_MIN reports or more)


def alignments(reports: list[Report], tokenize: Callable[[str], list[Token]]) -> Alignments:
    read = _read(reports, tokenize)
    return Alignments(_grouped(read, by_story=True), _grouped(read, by_story=False))


def align(reports: list[Report], tokenize: Callable[[str], list[Token]], by_story: bool = True) -> list[list[Aligned]]:
    """Groups of sentences from two or more reports that state the same thing, most reports first, then those
    stated nearest the reports' ledes; with `by_story`, two that are not near-paraphrases must also be alike with the
    terms most of the story's reports carry weighing less (`_own`)."""
    return _grouped(_read(reports, tokenize), by_story)


def _read(reports: list[Report], tokenize: Callable[[str], list[Token]]) -> _Read:
    words: dict[str, set[str]] = {}  # every term of the sentence, its speaker's name too
    where: dict[str, Aligned] = {}
    index: dict[str, list[str]] = defaultdict(list)
    position: dict[str, int] = {}
    told = {report.id: stated(report) for report in reports}
    for sentences in told.values():
        for n, sentence in enumerate(sentences):
            position[sentence.id] = n
            words[sentence.id] = set(terms(sentence.text, tokenize, sentence.nouns))
    weights = background()
    weighted = len(reports) >= STORY_MIN
    own = _story_weights(weights, [{t for s in sentences for t in words[s.id]} for sentences in told.values()]) \
        if weighted else weights.idf
    for report in reports:
        days = _days_by_sentence(report)
        speakers = _speaker_terms(report, tokenize)
        for sentence in told[report.id]:
            named = speakers.get(sentence.id, set())
            found, unnamed = words[sentence.id], words[sentence.id] - named
            plain = (_vector(found, weights.idf), _vector(unnamed, weights.idf))
            story = (_vector(found, own), _vector(unnamed, own)) if weighted else plain
            act = CLOSING_ACT.search(sentence.text)
            where[sentence.id] = Aligned(report, sentence, plain[0], days.get(sentence.id, frozenset()),
                                         frozenset(named), plain[1], *story, act.group(1) if act else None)
            for term in words[sentence.id]:
                index[term].append(sentence.id)
    pairs = sorted(_pairs(words, where, index), key=lambda p: (-p[0], p[1], p[2]))
    return _Read(where, position, pairs, weighted)


def _grouped(read: _Read, by_story: bool) -> list[list[Aligned]]:
    """The points the pairs make, strongest pair first (see the module's note)."""
    where, gated = read.where, by_story and read.weighted
    points: dict[str, _Point] = {}
    turned_away: set[str] = set()  # like a point's sentence but not like all of them: what they share, it only touches
    for score, a, b in read.pairs:
        if gated and not _own(where[a], where[b], score):
            continue
        if a in points and b in points:
            if points[a] is not points[b] and (merged := _merged(points[a], points[b], gated)) is not None:
                points.update({m.sentence.id: merged for m in merged.members})
            continue
        if a not in points and b not in points:
            if not {a, b} & turned_away:
                points[a] = points[b] = _Point([where[a], where[b]])
            continue
        point, new = (points[a], b) if a in points else (points[b], a)
        if _outlet(where[new].report) in point.outlets():
            continue
        if all(_joins(where[new], m, gated) for m in point.members):
            point.members.append(where[new])
            points[new] = point
        else:
            turned_away.add(new)
    unique = list({id(p): p for p in points.values()}.values())
    # most reports first; of as many, the one their ledes state (news tells its main fact first)
    return [p.members for p in sorted(unique, key=lambda p: (
        -len(p.members), sum(read.position[m.sentence.id] for m in p.members) / len(p.members),
        p.members[0].sentence.id))]


def stated(report: Report) -> list[Sentence]:
    """The sentences of a report that state something (see the module's note), from its lede on, at most
    MAX_SENTENCES."""
    return [s for s in report.body_sentences
            if len(s.text) >= MIN_CHARS and STATEMENT_END.search(s.text) and not NOTE.match(s.text)
            and not QUESTION.search(s.text) and not INTRODUCING.search(s.text)][:MAX_SENTENCES]


def _speaker_terms(report: Report, tokenize: Callable[[str], list[Token]]) -> dict[str, set[str]]:
    """By sentence id, the terms that name who speaks in it and are not in what he says: who said it is not what was
    said, and two quotes of one person share his name, not a fact."""
    named: dict[str, set[str]] = defaultdict(set)
    said: dict[str, set[str]] = defaultdict(set)
    for statement in report.statements:
        if statement.speaker:
            named[statement.sentence].update(terms(statement.speaker, tokenize))
        said[statement.sentence].update(terms(statement.content, tokenize))
    return {sentence: found - said[sentence] for sentence, found in named.items()}


def _merged(one: _Point, other: _Point, gated: bool) -> _Point | None:
    """Two points that a pair of their sentences ties are one, when no outlet is in both, their opening sentences
    are near-paraphrases (CLOSE) and every sentence of one joins every sentence of the other: pairs of copies that
    each became a point before they met (a wire story and its reprints, told two ways). None when they stay two."""
    if one.outlets() & other.outlets() or similarity(one.members[0], other.members[0]) < CLOSE \
            or not all(_joins(x, y, gated) for x in one.members for y in other.members):
        return None
    return _Point([*one.members, *other.members])


def _pairs(words: dict[str, set[str]], where: dict[str, Aligned],
           index: dict[str, list[str]]) -> list[tuple[float, str, str]]:
    candidates: set[tuple[str, str]] = set()
    for ids in index.values():
        if len(ids) <= 200:  # a term in hundreds of sentences is no evidence of one point
            candidates.update((a, b) if a < b else (b, a) for a, b in combinations(ids, 2)
                              if _outlet(where[a].report) != _outlet(where[b].report))
    pairs = []
    for a, b in candidates:
        if len(words[a] & words[b]) >= SHARED_TERMS and (score := similarity(where[a], where[b])) >= ALIGN \
                and not _apart(where[a], where[b]):
            pairs.append((score, a, b))
    return pairs


def _joins(new: Aligned, member: Aligned, gated: bool) -> bool:
    """Whether a sentence may join a point that holds `member`: it states what every member states (and, `gated`,
    more than the story's own terms: `_own`)."""
    return (score := similarity(new, member)) >= ALIGN and (not gated or _own(new, member, score)) \
        and not _apart(new, member)


def _own(a: Aligned, b: Aligned, score: float) -> bool:
    """Whether what two alike sentences share is more than their story's own terms (`_story_weights`): a
    near-paraphrase (CLOSE) always is; another pair must stay alike (STORY_ALIGN) with those terms weighing less.
    `山頂付近では…登山者の捜索が…打ち切られた` and `山頂付近では火山灰が…登山者の捜索は難航している` share the
    mountain, its summit and the search that every report of the eruption names, and tell two states of it."""
    if score >= CLOSE:
        return True
    own_a, own_b = (a.story_unnamed, b.story_unnamed) if a.speakers & b.speakers else (a.story, b.story)
    return _cosine(own_a, own_b) >= STORY_ALIGN


def _apart(a: Aligned, b: Aligned) -> bool:
    """Whether two sentences may not share a point, whatever else they share: the tolls of two days, other days
    named in sentences that do not say the same thing, or a fact one states and the other takes as given."""
    return _successive_tallies(a, b) or (_other_days(a, b) and similarity(a, b) < CLOSE) \
        or _presupposes(a, b) or _presupposes(b, a)


def _presupposes(a: Aligned, b: Aligned) -> bool:
    """Whether `b` holds what `a`'s main clause closes on only as a description of a noun: `…森田容疑者を逮捕した`
    against `…逮捕された森田容疑者の自宅から包丁が見つかった`, which takes the arrest as given and tells another
    thing."""
    if a.act is None or a.act not in b.sentence.text:
        return False
    text, starts = b.sentence.text, [m.end() for m in re.finditer(re.escape(a.act), b.sentence.text)]
    return all(DESCRIBING.match(text, start) for start in starts)


def _other_days(a: Aligned, b: Aligned) -> bool:
    """Whether the two sentences name days and share none (関学大は26日に会見 / 宮川選手が22日に会見): two happenings,
    unless they are near-paraphrases (CLOSE), whose days are then compared as a discrepancy."""
    return bool(a.days) and bool(b.days) and not a.days & b.days


def _days_by_sentence(report: Report) -> dict[str, frozenset[str]]:
    """The days (ISO) each sentence of the report names, by sentence id."""
    days: dict[str, set[str]] = defaultdict(set)
    for entity in report.entities:
        if entity.type == "DATE" and DAY_VALUE.match(entity.canonical):
            days[entity.sentence].add(entity.canonical[:10])
    return {sentence: frozenset(found) for sentence, found in days.items()}


def _successive_tallies(a: Aligned, b: Aligned) -> bool:
    """A toll that rose from one day's report to a later one's (1人が死亡 on the 26th, 5人が死亡 on the 29th): each was
    true when written, so they are two facts, not one point stated two ways. A toll that fell, or two tolls of one
    day, are one point whose accounts differ."""
    if a.report.day is None or b.report.day is None or a.report.day == b.report.day:
        return False
    earlier, later = (a, b) if a.report.day < b.report.day else (b, a)
    before, after = tallies(quantities(earlier.sentence.text)), tallies(quantities(later.sentence.text))
    return any(min(after[key]) > max(before[key]) for key in before.keys() & after.keys())


def similarity(a: Aligned, b: Aligned) -> float:
    """The background-weighted cosine of two aligned sentences' terms; of one speaker's, without his name (two
    things he said share it, no fact)."""
    return _cosine(a.unnamed, b.unnamed) if a.speakers & b.speakers else _cosine(a.vector, b.vector)


def _story_weights(weights: Background, reports: list[set[str]]) -> Callable[[str], float]:
    """A term's weight: its background rarity, lowered by how many of the story's reports carry it (down to
    STORY_FLOOR): the story's own names (御嶽山, 噴火, 長野県警), in every report, tell no one point apart from
    another."""
    carried: Counter[str] = Counter(t for found in reports for t in found)
    scale = math.log(1 + len(reports))

    def weight(term: str) -> float:
        spread = math.log((1 + len(reports)) / (carried[term] + 0.5)) / scale
        return weights.idf(term) * max(STORY_FLOOR, min(1.0, spread))

    return weight


def _vector(found: Iterable[str], weight: Callable[[str], float]) -> Vector:
    """Terms weighted and normalised."""
    raw = {t: weight(t) for t in found}
    norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
    return {t: v / norm for t, v in raw.items()}


def _outlet(report: Report) -> str:
    """Who published the report: two articles of one outlet are one voice, not two sources agreeing."""
    return report.outlet or report.id


def _cosine(a: Vector, b: Vector) -> float:
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def points_of(aligned: list[list[Aligned]], summaries: dict[str, tuple[SupportedLine, ...]]) -> tuple[Point, ...]:
    """Points carried by several reports (most first), then each report's ✅ lines that no other report carries."""
    result = [Point(trim(_central(group).text, case=True), tuple(m.sentence.id for m in group),
                    tuple(m.report.id for m in group)) for group in aligned]
    covered = {s for p in result for s in p.support}
    for report_id, lines in summaries.items():
        for line in lines:
            if line.text and not covered.intersection(line.support):
                result.append(Point(line.text, line.support, (report_id,)))
    return tuple(result)


def _central(group: list[Aligned]) -> Sentence:
    """The sentence whose words the others carry most, which states what they all state and no more: a later
    report's sentence that adds a step (殺人容疑に切り替えて) or a second fact (…搬送先で死亡が確認された) states more
    than the point its sources share. Of a toll or a person's condition that every sentence tells, the latest day's (a
    developing story as it stands now: 重体, then 死亡)."""
    def carried(member: Aligned) -> tuple[float, int]:
        grams = _bigrams(member.sentence.text)
        others = [_bigrams(m.sentence.text) for m in group if m is not member]
        return (sum(len(grams & o) for o in others) / (len(grams) or 1), -len(member.sentence.text))

    latest = max((m.report.day for m in group if m.report.day), default=None)
    developing = all(tallies(quantities(m.sentence.text)) or CONDITION.search(m.sentence.text) for m in group)
    candidates = [m for m in group if m.report.day == latest] if latest and developing else group
    return max(candidates, key=carried).sentence


def _bigrams(text: str) -> set[str]:
    return {text[i: i + 2] for i in range(len(text) - 1)}
