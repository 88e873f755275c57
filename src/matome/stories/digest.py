"""The digest of each story (SPEC §3.2): cards, timeline, who said what, disagreements, checks, conclusion.

Every line is a source sentence (trimmed at most) with its id: nothing here writes a claim of its own.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from matome.language.tokens import Token
from matome.records import (
    UNRESOLVED_DATE,
    AnalyzedArticle,
    Card,
    Digest,
    Entity,
    Point,
    Reactions,
    ReadFailure,
    Sentence,
    StoryCheck,
    SupportedLine,
    TimelineEntry,
)
from matome.stories.cluster import MAX_SPAN_DAYS, cluster
from matome.stories.disagreements import disagreements
from matome.stories.duplicates import copy_groups
from matome.stories.points import alignments, points_of, stated
from matome.stories.quantities import Count, quantities, tallies
from matome.stories.reports import Report, reports_of
from matome.stories.summary import STATEMENT_END, summarize, tells_plan, trim
from matome.text.dates import (
    DAY_VALUE,
    NAMES_YEAR,
    find_date_mentions,
    last_named_month,
    named_years,
    told_from_the_page_day,
)

TIMELINE_MAX = 10
TOLL_ORDER = ("死亡", "死傷", "行方不明", "負傷")  # the toll a story's 💡 tells, when one rose from day to day
KIND_RANK = {"article": 0, "blog": 1, "card": 2, "page": 3}  # full reports first; a digest page's own text last
# 31日をもって休止, 31日を持ちまして解散: the day something is to end, not a day it happened
DEADLINE = re.compile(r"(?:(?:午[前後])?[0-9０-９]{1,2}時(?:[0-9０-９]{1,2}分)?)?"
                      r"(?:を(?:もっ|持っ|もち|持ち)|限り|付け?で|まで|で(?:解散|終了|休止|引退|退任|閉店|廃止))")
# after a day: the end of a span that may run past the report (11月5日までを哀悼期間と定め; not 5日までに, by then), or
# a day still ahead (31日のハロウィーンを前に)
STILL_AHEAD = re.compile(r"(?:まで(?!に)|[^。、]{0,12}?を前に)")
PAST = re.compile(r"(?:た|だった)(?:という|とみられる|ようだ)?[。」）)]*$")  # a sentence told in the past tense
START = re.compile(r"(?:始め|始まっ|入っ|突入し|開始し|踏み切っ)た")
FOLLOWING = re.compile(r"(?:に|に引き)続(?:き|いて)")
ONE_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a DATE's value that is a day, not a moment of it (DAY_VALUE) nor a span
TITLE_TIERS = (("article",), ("blog",), ("card",), ("page",))
# what a page title that is only its dateline (2026年5月21日 午後10時52分(日本時間)) is made of: it heads no story
DATELINE = re.compile(r"日本時間|現地時間|[0-9０-９年月日時分秒午前後\s()（）:：/／.\-]")
QUOTED = re.compile(r"「[^「」]*」")
MAIN_TIME = re.compile(r"(?:[(（][月火水木金土日][)）])?(?:午[前後][0-9０-９]+時(?:[0-9０-９]+分)?)?"
                       r"(?:に|には|から|夜|朝)?、")
# a relative clause naming the event a report is about (…が衝突した事故で、…が行方不明になった事故を受け、…が相次いで
# いる問題で、): the day before it is that event's
EVENT_FRAME = re.compile(r"(?:た|だ|ている|でいる)"
                         r"(?:衝突事故|墜落事故|事故|事件|火災|地震|災害|土石流|事案|問題|騒動)"
                         r"(?:で|を巡り|をめぐり|を受け(?:て)?)、")

Tokenize = Callable[[str], list[Token]]
Failed = Callable[[ReadFailure], None]
TollStatement = tuple[date, Sentence, dict[Count, set[float]]]  # a dated sentence and the values of its tolls
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Group:
    """One original report and the copies that repeat it."""

    original: Report
    copies: tuple[Report, ...]


def build_digests(articles: Iterable[AnalyzedArticle], tokenize: Tokenize,
                  failed: Failed | None = None) -> list[Digest]:
    """Group the articles' reports into stories and write one digest per story, oldest story first. A story whose
    digest fails is left out and its articles are named to `failed` (by default, in a logged warning)."""
    articles = list(articles)
    reports = [r for a in articles for r in reports_of(a)]
    groups = {g[0].id: Group(g[0], tuple(g[1:])) for g in copy_groups(reports)}
    stories = cluster([g.original for g in groups.values()], tokenize)
    story_of = {r.id: n for n, story in enumerate(stories) for g in story for r in (g, *groups[g.id].copies)}
    by_id = {a.id: a for a in articles}
    titles = [headline((r.kind, r.day, r.title) for r in story) for story in stories]
    made = (guarded_digest([groups[r.id] for r in story], by_id, story_of, titles, tokenize, failed)
            for story in stories)
    return [digest for digest in made if digest is not None]


def guarded_digest(story: list[Group], articles: dict[str, AnalyzedArticle], story_of: dict[str, int],
                   titles: Sequence[str | None], tokenize: Tokenize, failed: Failed | None) -> Digest | None:
    """`story_digest`, or None when it raises: then each of the story's articles is named to `failed` with the
    exception, and the other stories go on."""
    try:
        return story_digest(story, articles, story_of, titles, tokenize)
    except Exception as error:  # a bug on one story must not end the run
        log.debug("the digest of a story failed", exc_info=True)
        members = dict.fromkeys(r.article for g in story for r in (g.original, *g.copies))
        for article in members:
            failure = ReadFailure(articles[article].origin, "digest-failed",
                                  f"the digest of its story ({len(members)} articles) failed: "
                                  f"{type(error).__name__}: {error}", stage="digest", article=article)
            (failed or _warn)(failure)
        return None


def _warn(failure: ReadFailure) -> None:
    log.warning("%s", failure.describe())


def story_digest(story: list[Group], articles: dict[str, AnalyzedArticle], story_of: dict[str, int],
                 titles: Sequence[str | None], tokenize: Tokenize) -> Digest:
    """One story's digest from its groups of reports and their articles; `story_of` numbers every report's story and
    `titles` holds each story's `headline` (a digest page's cards may belong to other stories)."""
    story = sorted(story, key=lambda g: (g.original.day or date.max, KIND_RANK[g.original.kind], g.original.id))
    originals = _days_read_in_story([g.original for g in story])
    cards = tuple(_card(g, articles) for g in story)
    statements = [s for r in originals for s in r.statements]
    source = _source_name(originals)
    reports = [r for r in originals if r.kind != "page"]
    aligned = alignments(reports, tokenize)
    points = points_of(aligned.points, {c.article: c.summary for c in cards if c.kind != "page"})
    late = _told_after_their_day(originals, tokenize)
    checks = (*_checks(story, articles, story_of, titles), *late)
    differ = disagreements(originals, aligned.compared, source, tokenize)
    disputed = {s for c in checks for s in c.sentences} | {side.sentence for d in differ for side in d.sides}
    tolls = _toll_statements(originals)
    stale = _stale_tallies(tolls)  # true when written, no longer where the story stands
    disputed |= stale
    lead = _lead(points, cards, disputed, _ledes(reports))
    return Digest(
        id=_story_id(originals),
        title=_title(originals),
        lead=lead,
        articles=tuple(dict.fromkeys(r.article for g in story for r in (g.original, *g.copies))),
        cards=cards,
        timeline=_timeline(originals, tokenize, {s for c in late for s in c.sentences}),
        statements=tuple(statements),
        disagreements=differ,
        checks=checks,
        reactions=_reactions(originals, articles),
        conclusion=_conclusion(points, cards, lead, disputed, _standing_toll(tolls, stale, disputed)),
        points=points,
    )


def _days_read_in_story(reports: list[Report]) -> list[Report]:
    """Undated reports with their bare days (24日, 6月24日) read against the story's latest dated report: the page
    gave no day to read them by, but its story gives one (a story spans at most two weeks), so 23日 in one report and
    24日 in an undated one can be compared, and dated in the timeline."""
    anchor = max((r.day for r in reports if r.day), default=None)
    if anchor is None:
        return reports
    return [replace(report, entities=_reread_days(report, anchor)) if report.day is None and any(
        e.type == "DATE" and e.canonical == UNRESOLVED_DATE for e in report.entities) else report for report in reports]


def _reread_days(report: Report, anchor: date) -> tuple[Entity, ...]:
    """The report's unresolved days read against `anchor`, sentence by sentence in order, with the month named last
    carried on (6月19日…。同24日、)."""
    read: dict[str, dict[tuple[int, int], str | None]] = {}
    month: date | None = None
    for sentence in report.sentences:
        mentions = [m for m in find_date_mentions(sentence.text, anchor, month) if not told_from_the_page_day(m)]
        month = last_named_month(mentions, month)
        read[sentence.id] = {(m.start, m.end): m.value for m in mentions}
    entities = []
    for entity in report.entities:
        value = read.get(entity.sentence, {}).get((entity.start, entity.end))
        if entity.type == "DATE" and entity.canonical == UNRESOLVED_DATE and value:
            entity = replace(entity, canonical=value)
        entities.append(entity)
    return tuple(entities)


def _toll_statements(reports: list[Report]) -> list[TollStatement]:
    """Each body sentence with the tolls it gives, by unit and toll word, and the day its report tells them as of (an
    undated report's: the latest day it names, `_as_of`), but for a past disaster's a sentence recalls: what
    `_stale_tallies` and `_standing_toll` both read."""
    dated = [r.day for r in reports if r.day]
    reach = timedelta(days=MAX_SPAN_DAYS)
    span = (min(dated) - reach, max(dated) + reach) if dated else None
    years = set(range(span[0].year, span[1].year + 1)) if span else set()  # every day a report is told as of
    return [(day, sentence, tallies(quantities(sentence.text)))
            for report in reports if (day := report.day or _as_of(report, span)) is not None
            for sentence in report.body_sentences if not _recalls_another_year(sentence.text, years)]


def _recalls_another_year(text: str, years: set[int]) -> bool:
    """Whether a sentence names only years other than its story's (1995年6月には百貨店が崩壊し、502人が死亡): the toll
    of a past disaster it recalls, not the story's."""
    named = named_years(text)
    return bool(named) and not named & years


def _as_of(report: Report, span: tuple[date, date] | None) -> date | None:
    """An undated report is no older than the latest day it names within `span` (its story's dated days, give or take
    a story's length: not 2011年3月11日 recalled, nor 来月5日から施行), but for days a plan is meant for and days that
    may still be ahead (`STILL_AHEAD`)."""
    if span is None:
        return None
    told = {s.id: s.text for s in report.sentences if not tells_plan(s.text)}
    days = [day for e in report.entities if e.type == "DATE" and DAY_VALUE.match(e.canonical) and e.sentence in told
            and not STILL_AHEAD.match(told[e.sentence], e.end)
            and span[0] <= (day := date.fromisoformat(e.canonical[:10])) <= span[1]]
    return max(days, default=None)


def _stale_tallies(stated: list[TollStatement]) -> set[str]:
    """Sentences whose toll a later day's report gives higher (1人が死亡 on the 26th, 5人が死亡 on the 29th): each
    stays a point of its day, but neither the lead nor a 💡 line states the story's toll from the older one."""
    by_toll = [(day, sentence, {(unit, toll): (min(values), max(values)) for (unit, _, toll), values in found.items()})
               for day, sentence, found in stated]
    told: dict[tuple[str, str], dict[date, float]] = {}  # by unit and toll (乗客1人が死亡, 死者は4人): a day's toll
    for day, _, tolls in by_toll:
        for key, (lowest, _) in tolls.items():
            told.setdefault(key, {})[day] = max(told.get(key, {}).get(day, 0.0), lowest)
    after: dict[tuple[str, str], dict[date, float]] = {}  # the highest toll of any later day
    for key, by_day in told.items():
        highest, after[key] = 0.0, {}
        for day in sorted(by_day, reverse=True):
            after[key][day], highest = highest, max(highest, by_day[day])
    return {sentence.id for day, sentence, tolls in by_toll for key, (_, most) in tolls.items()
            if after[key][day] > most}


def _standing_toll(stated: list[TollStatement], stale: set[str], disputed: set[str]) -> SupportedLine | None:
    """Where a toll that rose from day to day stands: the sentence of the latest day that gives it highest (死者は41人
    になった), for the first of TOLL_ORDER that a later day outgrew (`stale` holds the outgrown sentences)."""
    for toll in TOLL_ORDER:
        counted = [(day, max(values), sentence) for day, sentence, found in stated
                   for (unit, _, word), values in found.items() if unit == "人" and word == toll]
        told = [item for item in counted if item[2].id not in disputed]
        if told and any(item[2].id in stale for item in counted):
            _, _, sentence = max(told, key=lambda item: (item[0], item[1]))
            return SupportedLine(trim(sentence.text), (sentence.id,))
    return None


def _tolls(text: str) -> dict[tuple[str, str], set[float]]:
    """A line's tolls by unit and toll word (乗客1人が死亡 and 死者は4人 are one toll)."""
    found: dict[tuple[str, str], set[float]] = {}
    for (unit, _, word), values in tallies(quantities(text)).items():
        found.setdefault((unit, word), set()).update(values)
    return found


def _story_id(reports: list[Report]) -> str:
    """Named after the report that started the story: a story keeps its id as later reports join it."""
    first = min(reports, key=lambda r: (r.day or date.max, r.id))
    return "s-" + hashlib.sha256(first.id.encode()).hexdigest()[:10]


def headline(reports: Iterable[tuple[str, date | None, str | None]]) -> str | None:
    """The headline a story goes by, of its reports' kinds, days and titles: the latest dated one, where the story
    stands (「…依然不明」 then 「…無事発見」), else the first undated one; a newspaper's before a blog's, and a digest
    page's own title last (it may name another event)."""
    listed = list(reports)
    for kinds in TITLE_TIERS:
        titled = [(day, title) for kind, day, title in listed if kind in kinds and title and DATELINE.sub("", title)]
        if titled:
            return max(titled, key=lambda item: item[0] or date.min)[1]
    return None


def _title(reports: list[Report]) -> str:
    first = next((s.text for r in reports for s in r.body_sentences), "")
    return headline((r.kind, r.day, r.title) for r in reports) or trim(first) or "(untitled story)"


def _card(group: Group, articles: dict[str, AnalyzedArticle]) -> Card:
    report = group.original
    article = articles[report.article]
    published = report.day.isoformat() if report.day else None
    if report.kind != "card" and article.published:
        published = article.published
    return Card(report.id, report.title, report.outlet, published, report.url, summarize(report),
                tuple(c.id for c in group.copies), report.kind)


def _source_name(reports: list[Report]) -> Callable[[str], str]:
    by_sentence = {s.id: r for r in reports for s in r.sentences}

    def name(sentence: str) -> str:
        report = by_sentence.get(sentence)
        return (report.outlet or report.title or report.id) if report else "?"

    return name


def _timeline(reports: list[Report], tokenize: Tokenize,
              doubtful: Collection[str] = frozenset()) -> tuple[TimelineEntry, ...]:
    """Sentences by the day of the event they report, each from its source. A day counts when it dates the main
    clause: set off by a comma (`16日、…`), or with no other predicate between it and the sentence's end
    (`16日に申し入れた`), not `20日に開くよう申し入れた` (the 20th is the meeting's). Other sentences are left out, and
    so are photo captions (=15日午前、A市: the day the picture was taken) and the `doubtful` sentences."""
    entries: dict[str, TimelineEntry] = {}
    for report in reports:
        texts = {s.id: s.text for s in report.sentences if s.part not in ("title", "caption") and s.id not in doubtful}
        days: dict[str, list[tuple[str, int]]] = {}
        for entity in report.entities:
            if entity.type == "DATE" and ONE_DAY.fullmatch(entity.canonical) and entity.sentence in texts:
                days.setdefault(entity.sentence, []).append((entity.canonical, entity.end))
        for sentence, found in days.items():
            main = {day for day, end in found if _dates_main_clause(texts[sentence], end, tokenize)}
            if len(main) == 1 and sentence not in entries:
                entries[sentence] = TimelineEntry(main.pop(), trim(texts[sentence]), (sentence,))
    ordered = sorted(entries.values(), key=lambda e: e.date)
    return tuple(ordered[:TIMELINE_MAX])


def _dates_main_clause(text: str, end: int, tokenize: Tokenize) -> bool:
    if EVENT_FRAME.search(text, end) or FOLLOWING.match(text, end):  # 2日、…が衝突した事故で、国交省が…を公表した:
        return False  # the 2nd is the accident's; 20日に続き21日も: the 20th is the one before
    if MAIN_TIME.match(text, end):
        return True
    rest = QUOTED.sub("「」", text[end:])
    predicates = [t for t in tokenize(rest) if t.pos[0] == "動詞" and t.pos[1] != "非自立可能"]
    return len(predicates) == 1 and not rest.startswith(("の", "まで", "から"))  # 14日から続く: where a span starts


def _told_after_their_day(reports: list[Report], tokenize: Tokenize) -> list[StoryCheck]:
    """Sentences of undated reports that tell, in the past tense, of a day with its year after the story's latest
    dated report by more than a story spans: a typo (2019年7月28日 for 5月28日) or a date read wrong, which the
    timeline leaves out. (Dated reports are not checked so: on 1,500 livedoor articles, 11 of their sentences told
    in the past of a later day, a film's release or a magazine's cover date, and every one of those days was right.)"""
    latest = max((r.day for r in reports if r.day), default=None)
    if latest is None:
        return []
    bound = latest + timedelta(days=MAX_SPAN_DAYS)
    checks = []
    for report in reports:
        if report.day is not None or report.kind in ("card", "page"):
            continue
        texts = {s.id: s.text for s in report.body_sentences if s.part != "caption"}
        for entity in report.entities:
            text = texts.get(entity.sentence)
            if entity.type != "DATE" or text is None or not ONE_DAY.fullmatch(entity.canonical) \
                    or not NAMES_YEAR.search(entity.text):
                continue  # 7月28日 alone: its year is matome's guess, not the page's claim
            day = date.fromisoformat(entity.canonical)
            quoted = text.count("「", 0, entity.start) > text.count("」", 0, entity.start)  # the speaker's time
            planned = quoted or tells_plan(text) or DEADLINE.match(text, entity.end) is not None
            if day > bound and PAST.search(text) and not planned and _dates_main_clause(text, entity.end, tokenize):
                told = (f"「{trim(text)[:50]}」は{day}に起きたこととして書いていますが、"
                        f"この話題の最新の報道（{latest}）より後です（日付の誤りの可能性）")
                checks.append(StoryCheck("date-after-report", told, (report.article,), (entity.sentence,)))
    return checks


def _checks(story: list[Group], articles: dict[str, AnalyzedArticle], story_of: dict[str, int],
            titles: Sequence[str | None]) -> tuple[StoryCheck, ...]:
    checks: list[StoryCheck] = []
    for group in story:
        checks.extend(_copy_checks(group))
        checks.extend(_mixed_page_checks(group.original, articles, story_of, titles))
        article = articles[group.original.article]
        ids = {s.id for s in group.original.sentences}
        checks.extend(StoryCheck(c.code, c.message, (article.id,)) for c in article.checks
                      if c.sentence in ids and c.code in ("title-wrong-for-date", "weekday-mismatch"))
    checks.extend(_start_dates([g.original for g in story]))
    return tuple(dict.fromkeys(checks))


def _copy_checks(group: Group) -> list[StoryCheck]:
    copies = [c for c in group.copies if c.kind != "card"]
    if not copies:
        return []
    names = "、".join(c.outlet or c.id for c in copies)
    original = group.original.outlet or group.original.id
    return [StoryCheck("syndicated-copy", f"{names}は{original}の記事と同じ本文（またはその抜粋）です"
                       "（転載：一つの報道として数えます）", (group.original.article, *(c.article for c in copies)))]


def _mixed_page_checks(report: Report, articles: dict[str, AnalyzedArticle], story_of: dict[str, int],
                       titles: Sequence[str | None]) -> list[StoryCheck]:
    """A digest page whose cards belong to other stories than the page's own title."""
    if report.kind != "page":
        return []
    own = story_of.get(report.id)
    checks = []
    for n, card in enumerate(articles[report.article].source_cards, 1):
        card_id = f"{report.article}#card{n}"
        where = story_of.get(card_id, own)
        if where != own:
            other = titles[where] if where is not None else "?"
            checks.append(StoryCheck(
                "digest-mixes-events",
                f"まとめページ「{report.title}」（{report.day or '日付不明'}の出来事）が引用するカード"
                f"「{card.title}」（{card.published or '日付不明'}）は、別の出来事「{other}」の報道です",
                (report.article,)))
    return checks


def _start_dates(reports: list[Report]) -> list[StoryCheck]:
    """Two reports that date the start of the event differently (`15日…入った` / `16日に始めた`)."""
    starts: dict[str, Report] = {}
    stated: list[str] = []
    for report in reports:
        if report.kind in ("card", "page"):
            continue
        for sentence in report.sentences:
            if sentence.part == "caption" or not START.search(sentence.text):
                continue
            days = [e.canonical[:10] for e in report.entities if e.sentence == sentence.id and e.type == "DATE"
                    and DAY_VALUE.match(e.canonical)]  # 15日午前6時 is a moment of the 15th
            if days:
                starts.setdefault(days[0], report)
                stated.append(sentence.id)
    if len(starts) < 2 or len({id(r) for r in starts.values()}) < 2:  # one report's two starts are two actions
        return []
    told = "、".join(f"{r.outlet or r.id}は{day}" for day, r in sorted(starts.items()))
    return [StoryCheck("dates-differ", f"出来事が始まった日が報道によって違います（{told}）",
                       tuple(dict.fromkeys(r.article for r in starts.values())), tuple(stated))]


def _reactions(reports: list[Report], articles: dict[str, AnalyzedArticle]) -> Reactions:
    """The largest thread's three-line digest (each line citing its comments), and counts over every thread."""
    threads = [articles[r.article] for r in reports if r.kind != "card" and articles[r.article].comment_digest]
    if not threads:
        return Reactions()
    counts: Counter[str] = Counter()
    for article in threads:
        counts.update(dict(article.comment_digest.counts))  # type: ignore[union-attr]
    largest = max(threads, key=lambda a: len(a.comments))
    digest = largest.comment_digest
    assert digest is not None
    lines = tuple(SupportedLine(text, tuple(f"{largest.id}:{c}" for c in support))
                  for text, support in zip(digest.summary, digest.support, strict=False))
    stances = tuple(SupportedLine(s.text, tuple(f"{largest.id}:{c}" for c in s.support)) for s in digest.stances)
    return Reactions(lines, tuple(sorted(counts.items())), stances)


def _ledes(reports: list[Report]) -> set[str]:
    """The sentence each report opens with (the first it states, as points are aligned): news states its main fact
    first."""
    return {sentences[0].id for r in reports if (sentences := stated(r))}


def _lead(points: tuple[Point, ...], cards: tuple[Card, ...], disputed: set[str], ledes: set[str]) -> SupportedLine:
    """Of the points several sources carry, the one most of their ledes state (a setting or a side fact that more
    reports repeat lower down is no lead), then the one most sources carry; with none shared, the first ✅ line of
    the earliest full report."""
    shared = [p for p in points if len(p.sources) >= 2 and not disputed.intersection(p.support)]
    if shared:
        best = max(shared, key=lambda p: len(ledes.intersection(p.support)))  # the first of as many: most sources
        return SupportedLine(best.text, best.support)
    ordered = sorted(cards, key=lambda c: (not c.summary, KIND_RANK[c.kind], c.published or "9999"))
    lines = [line for card in ordered for line in card.summary]
    undisputed = [line for line in lines if not disputed.intersection(line.support)]
    return (undisputed or lines or [SupportedLine("", ())])[0]


def _conclusion(points: tuple[Point, ...], cards: tuple[Card, ...], lead: SupportedLine,
                disputed: set[str], toll: SupportedLine | None = None) -> tuple[SupportedLine, ...]:
    """💡 × 3: where a toll that rose stands (`_standing_toll`), the best-supported points after the lead, then how it
    began and where it stands now (the lead itself last); never a line whose sentence a check or a disagreement of the
    same digest disputes, nor one that tells a toll a line before it told at another value. What a source said was to
    come (…する予定だ) comes after what happened: by the time the story is read it may have, or not."""
    full = [c for c in cards if c.summary and KIND_RANK[c.kind] < 3] or [c for c in cards if c.summary]
    dated = sorted(full, key=lambda c: (c.published or "9999", KIND_RANK[c.kind]))
    candidates = [*([toll] if toll else []), *(SupportedLine(p.text, p.support) for p in points if len(p.sources) >= 2),
                  *(c.summary[0] for c in dated[:1]), *(c.summary[0] for c in dated[-1:]),
                  *(line for c in dated for line in c.summary[1:])]
    candidates.sort(key=lambda line: tells_plan(line.text))  # stable: plans last
    lines: list[SupportedLine] = []
    told: dict[tuple[str, str], set[float]] = {}  # the tolls the chosen lines give
    for line in [*candidates, lead]:  # the lead again only when the sources hold nothing else
        if len(lines) == 3:
            break
        tolls = _tolls(line.text)
        if any(told.get(key, values) != values for key, values in tolls.items()):
            continue  # 151人が死亡 after 154人が死亡: a toll is told once, at the value of the line chosen first
        if (line.text and (line.text != lead.text or line is lead) and not disputed.intersection(line.support)
                and (STATEMENT_END.search(line.text) or line.text.endswith("…"))  # not a scrap (▽…が死亡し、)
                and all(line.text != chosen.text for chosen in lines)):
            lines.append(line)
            told.update(tolls)
    return tuple(lines)
