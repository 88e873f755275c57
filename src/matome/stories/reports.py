"""Reports: the units stories are made of. An article is one report; each source card on a digest page is one more."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlparse

from matome.language.analyze import reference_date
from matome.records import AnalyzedArticle, Entity, Sentence, Statement
from matome.text.dates import DAY_VALUE, find_date

ACTOR_TYPES = ("PERSON", "ORG", "GPE")
TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|ref|from|cx_\w+)$", re.I)
TOLD_DAY = re.compile(r"(?<![0-9])(?P<day>\d{1,2})日")  # 13日夜, 1月13日: a day an undated page names


@dataclass(frozen=True, slots=True)
class Report:
    """One report about an event, with the analysed sentences that belong to it."""

    id: str
    article: str
    kind: str  # article, blog, page (a digest page's own text), card (a source card on a digest page)
    title: str | None
    outlet: str | None
    url: str | None
    day: date | None
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    statements: tuple[Statement, ...]
    has_source_credit: bool = False

    @property
    def actors(self) -> frozenset[str]:
        return frozenset(e.canonical for e in self.entities if e.type in ACTOR_TYPES)

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    @property
    def named_days(self) -> frozenset[int]:
        """The days of the month an undated report names (13日夜, 1月13日, 2025年1月13日: 13): what tells a look-alike
        of another time from the story it reads like. Only the day: a month or a year off may be a slip of the same
        event's report, which the digest's checks flag. Empty for a dated report, whose day the time bounds weigh."""
        if self.day is not None:
            return frozenset()
        return frozenset(day for entity in self.entities if (day := _day_of_month(entity)) is not None)

    def days_told(self, sentence: str) -> frozenset[int]:
        """The days of the month a sentence of the report tells of: those it names, else the report's own day."""
        named = frozenset(day for entity in self.entities
                          if entity.sentence == sentence and (day := _day_of_month(entity)) is not None)
        return named or frozenset([self.day.day] if self.day else [])

    @property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """The sentences a report states: not its title, nor the captions of its photos."""
        return tuple(s for s in self.sentences if s.part in ("body", "card") and s.text != self.title)


def _day_of_month(entity: Entity) -> int | None:
    """The day of the month a DATE entity names (13日夜, 1月13日, 2025年1月13日: 13), or None."""
    if entity.type != "DATE":
        return None
    if DAY_VALUE.match(entity.canonical):
        return int(entity.canonical[8:10])
    told = TOLD_DAY.search(unicodedata.normalize("NFKC", entity.text))
    return int(told.group("day")) if told is not None else None


def reports_of(article: AnalyzedArticle) -> list[Report]:
    """The article as a report (a digest page: its own text), plus one report per source card."""
    own = [s for s in article.sentences if s.part != "card"]
    kind = "page" if article.kind == "digest" else ("blog" if article.kind == "blog" else "article")
    day = reference_date(article)
    if kind == "page":  # a digest page is about the event its title dates, whenever it was published
        day = _day(find_date(article.title or "")) or day
    credited = any(r.kind == "source" for r in article.references)  # 提供:東都新聞: a copy, not the original
    reports = [replace(_report(article, article.id, kind, article.title, article.site, article.url, day, own),
                       has_source_credit=credited)]
    for n, card in enumerate(article.source_cards):
        sentences = [s for s in article.sentences if s.part == "card" and s.paragraph == n]
        reports.append(_report(article, f"{article.id}#card{n + 1}", "card", card.title, card.outlet, card.url,
                               _day(card.published), sentences))
    return reports


def _report(article: AnalyzedArticle, id_: str, kind: str, title: str | None, outlet: str | None, url: str | None,
            day: date | None, sentences: list[Sentence]) -> Report:
    ids = {s.id for s in sentences}
    return Report(id_, article.id, kind, title, outlet, url, day, tuple(sentences),
                  tuple(e for e in article.entities if e.sentence in ids),
                  tuple(s for s in article.statements if s.sentence in ids))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def url_key(url: str | None) -> str | None:
    """The same page under http/https, with or without www., a trailing slash or tracking parameters, is one URL.

    The rest of the query stays: `?p=123` and `?p=456` are two pages of one site.
    """
    if not url:
        return None
    parsed = urlparse(url)
    host = (parsed.hostname or "").removeprefix("www.")
    query = sorted((k, v) for k, v in parse_qsl(parsed.query, keep_blank_values=True) if not TRACKING.match(k))
    return f"{host}{parsed.path.rstrip('/')}" + (f"?{urlencode(query)}" if query else "") if host else None
