"""Flags on reader comments: abusive (lexicon and classifier), speculation, off_topic and constructive."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources import files

from matome.comments.classifier import AbuseModel
from matome.language.tokens import Token, content_nouns
from matome.records import Comment, Flag

THRESHOLD = 0.5
CLASSIFIER_WEIGHT = 0.6  # the classifier learnt from 437 comments: it raises a flag only when very sure (p ≥ 0.83)
NUMBER = re.compile(r"\d")
REASONING = re.compile(r"(?:から|ので|ため|なぜなら|つまり|だから)[、。]?")

Tokenize = Callable[[str], list[Token]]


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    words: tuple[str, ...]
    surfaces: tuple[str, ...]
    flag: str
    category: str
    weight: float

    @property
    def inflects(self) -> bool:
        """消えろ is not 消える: a term whose written form is not its dictionary form matches as written only."""
        return self.words != self.surfaces


@functools.cache
def load_lexicon(tokenize: Tokenize) -> tuple[Term, ...]:
    text = files("matome.comments").joinpath("data", "lexicon.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    terms = []
    for term, flag, category, weight in rows:
        tokens = tokenize(term)
        terms.append(Term(term, tuple(t.normalized for t in tokens), tuple(t.surface for t in tokens), flag,
                          category, float(weight)))
    return tuple(terms)


def matches(tokens: list[Token], lexicon: tuple[Term, ...]) -> list[Term]:
    """Terms found as whole token sequences (らしい in 素晴らしい is not a rumour), by normalised form or surface."""
    forms = [t.normalized for t in tokens]
    surfaces = [t.surface for t in tokens]
    found = []
    for term in lexicon:
        size = len(term.words)
        if any(tuple(surfaces[i: i + size]) == term.surfaces
               or (not term.inflects and tuple(forms[i: i + size]) == term.words)
               for i in range(len(tokens) - size + 1)):
            found.append(term)
    return found


def flag_comment(comment: Comment, tokens: list[Token], lexicon: tuple[Term, ...], model: AbuseModel,
                 topic: frozenset[str]) -> tuple[Flag, ...]:
    """Every flag that reaches THRESHOLD, with its score and the words behind it."""
    terms = matches(tokens, lexicon)
    flags = [_lexicon_flag("speculation", terms), _abusive(comment.text, terms, model),
             _constructive(comment.text, terms), _off_topic(comment, tokens, topic)]
    return tuple(f for f in flags if f is not None and f.score >= THRESHOLD)


def _lexicon_flag(flag: str, terms: list[Term]) -> Flag | None:
    mine = [t for t in terms if t.flag == flag]
    if not mine:
        return None
    score = min(1.0, max(t.weight for t in mine) + 0.1 * (len(mine) - 1))
    return Flag(flag, round(score, 3), tuple(dict.fromkeys(t.text for t in mine)))


def _abusive(text: str, terms: list[Term], model: AbuseModel) -> Flag | None:
    lexicon = _lexicon_flag("abusive", terms)
    probability, grams = model.score(text)
    learnt = CLASSIFIER_WEIGHT * probability
    if lexicon and lexicon.score >= learnt:
        categories = tuple(dict.fromkeys(t.category for t in terms if t.flag == "abusive"))
        return Flag("abusive", lexicon.score, (*lexicon.evidence, *(f"category:{c}" for c in categories)))
    return Flag("abusive", round(learnt, 3), tuple(f"ngram:{g}" for g in grams)) if learnt >= THRESHOLD else None


def _constructive(text: str, terms: list[Term]) -> Flag | None:
    """Gives reasons or facts: a reason word, a number, a cited source, and some length to say it in."""
    evidence = [f"{t.category}:{t.text}" for t in terms if t.flag == "constructive"]
    evidence += [f"reason:{m.group(0).strip('、。')}" for m in REASONING.finditer(text)][:2]
    evidence += ["number"] if NUMBER.search(text) else []
    length = min(1.0, len(text) / 120)
    score = 0.2 * len(set(evidence)) + 0.4 * length
    return Flag("constructive", round(min(score, 1.0), 3), tuple(dict.fromkeys(evidence))) if evidence else None


def _off_topic(comment: Comment, tokens: list[Token], topic: frozenset[str]) -> Flag | None:
    """Names at least two things, none of them in the article or common in the thread, and answers no comment."""
    words = set(content_nouns(tokens))
    if comment.reply_to or not topic or len(words) < 2 or words & topic:
        return None
    return Flag("off_topic", round(min(0.9, 0.5 + 0.05 * len(words)), 3), tuple(sorted(words))[:3])
