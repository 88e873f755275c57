"""The language layer over one article: sentences, entities (with dates), statements and checks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from matome.language.attribution import carries_speech
from matome.language.checks import date_checks, quote_check, title_check
from matome.language.entities import EntityFinder, Mention
from matome.language.gazetteer import load_gazetteer
from matome.language.ranker import Candidate, Seen, candidates
from matome.language.sentences import split_sentences
from matome.language.speech import Context
from matome.language.statements import find_statements
from matome.language.syntax import Parser, parser_installed
from matome.language.tagger import shipped_tagger
from matome.language.tokens import Tokenizer, content_nouns
from matome.records import UNRESOLVED_DATE, AnalyzedArticle, Article, Check, Entity, Sentence, Statement
from matome.text.captions import is_caption
from matome.text.dates import find_date, find_date_mentions, last_named_month

log = logging.getLogger(__name__)
Ranker = Callable[[Statement, list[Candidate]], Statement]
MAX_PARSED = 2000  # a longer "sentence" (a page without punctuation) is not parsed: it gets no statements


@dataclass(frozen=True, slots=True)
class _Part:
    """A piece of the article to split into sentences, with the date its relative dates count from."""

    text: str
    part: str
    paragraph: int | None
    anchor: date | None


class Analyzer:
    """Article -> AnalyzedArticle (`analyze`). Holds the Sudachi dictionary, the gazetteer and the parser (load once).

    `syntax=False` finds speakers by the rules alone, without the parser (the baseline of benchmarks/statements.py);
    a `ranker` (`shipped_ranker()`, the learned one, which measured no better than the rules and is off by default;
    or one that records the candidates) picks each speaker among the candidates of the sentence and the two before.
    """

    def __init__(self, syntax: bool = True, ranker: Ranker | None = None) -> None:
        self.tokenize = Tokenizer()
        self.gazetteer = load_gazetteer()
        self.find_entities = EntityFinder(self.gazetteer, shipped_tagger())
        self.parse = Parser() if syntax and parser_installed() else None
        if syntax and self.parse is None:
            log.warning("GiNZA is not installed (pip install ginza ja-ginza): speakers come from the rules alone")
        self.rank = ranker if self.parse else None

    def analyze(self, article: Article) -> AnalyzedArticle:
        anchor = reference_date(article)
        sentences: list[Sentence] = []
        entities: list[Entity] = []
        statements: list[Statement] = []
        checks: list[Check] = []
        context = Context()
        months: dict[tuple[str, date | None], date | None] = {}  # the month named last, per part: for 同24日
        seen: list[Seen] = []
        pieces = [(part, text) for part in _parts(article, anchor) for text in split_sentences(part.text)]
        spoken = dict.fromkeys(t for _, t in pieces if carries_speech(t)) if self.parse else {}
        parsed = [t for t in spoken if len(t) <= MAX_PARSED]
        parses = dict(zip(parsed, self.parse.parse_all(parsed), strict=True)) if self.parse else {}
        for part, text in pieces:
            tokens = self.tokenize(text)
            sentence = Sentence(f"{article.id}:{len(sentences) + 1}", text, _part_of(part, text), part.paragraph,
                                tuple(content_nouns(tokens)))
            sentences.append(sentence)
            mentions = self.find_entities(text, tokens, part.anchor)
            entities.extend(_entity(m, sentence.id) for m in mentions)
            checks.extend(c for m in mentions
                          if (c := title_check(m, part.anchor, self.gazetteer, sentence.id, text)))
            named = months.get((part.part, part.anchor))
            dates = find_date_mentions(text, part.anchor, named)
            months[part.part, part.anchor] = last_named_month(dates, named)
            for found in dates:
                entities.append(Entity(text[found.start: found.end], "DATE", found.value or UNRESOLVED_DATE,
                                       sentence.id, found.start, found.end, relative=found.relative))
                checks.extend(date_checks(found, sentence.id))
            before = len(context.statements)
            if sentences[-2:-1] and sentences[-2].part != sentence.part:
                context.previous = ""  # こう述べた reports no quotation of the headline or of another card
            said = find_statements(text, sentence.id, mentions, self.gazetteer, context, parses.get(text),
                                   syntax=self.parse is not None)
            if self.rank is not None:  # the ranker's window: this sentence and the two before
                seen = [*seen[-2:], Seen(text, tuple(mentions), parses.get(text))]
            if self.rank is not None and said:
                earlier = context.statements[: before]
                said = [self.rank(s, candidates(s, seen, [*earlier, *said[:n]], context)) for n, s in enumerate(said)]
            if text in spoken and text not in parses:
                checks.append(Check("speech-not-parsed", f"{len(text):,}字の文は長すぎて構文解析できず、"
                                    "発言を取り出していません", sentence.id))
            statements.extend(said)
            checks.extend(c for s in said if (c := quote_check(s)))
        return AnalyzedArticle(**{f: getattr(article, f) for f in Article.__dataclass_fields__},
                               sentences=tuple(sentences), entities=tuple(sorted(entities, key=_order)),
                               statements=tuple(statements), checks=tuple(checks))


def _part_of(part: _Part, text: str) -> str:
    """A photo caption in the body is a part of its own: kept with its paragraph, never taken for a fact."""
    return "caption" if part.part == "body" and is_caption(text) else part.part


def _entity(mention: Mention, sentence: str) -> Entity:
    """The bare name (石破茂), with the title or honorific written after it in `title` (首相)."""
    return Entity(mention.name, mention.type, mention.canonical, sentence, mention.start,
                  mention.name_end or mention.end, mention.title, mention.former)


def _order(entity: Entity) -> tuple[int, int]:
    return int(entity.sentence.rsplit(":", 1)[1]), entity.start


def reference_date(article: Article) -> date | None:
    """The day the page speaks from: its publication date, else the latest date it gives for itself or its sources
    (a digest's card dates, an embedded post's date, a date in the title)."""
    for value in (article.published, article.updated):
        if value:
            return date.fromisoformat(value[:10])
    own = [c.published for c in article.source_cards] + [p.date for p in article.embedded_posts]
    own.append(find_date(article.title or ""))
    found = [date.fromisoformat(v[:10]) for v in own if v]
    return max(found) if found else None


def _parts(article: Article, anchor: date | None) -> list[_Part]:
    parts = [_Part(article.title, "title", None, anchor)] if article.title else []
    parts.extend(_Part(p, "body", n, anchor) for n, p in enumerate(article.body.split("\n")) if p)
    for n, card in enumerate(article.source_cards):
        day = date.fromisoformat(card.published[:10]) if card.published else None
        parts.extend(_Part(line, "card", n, day) for line in (card.title, *card.summary) if line)
    parts.extend(_Part(line, "conclusion", None, anchor) for line in article.conclusion)
    return parts
