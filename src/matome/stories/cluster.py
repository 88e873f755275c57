"""Event clustering: reports join a story when their words and actors match and their dates are close.

A corpus pass. Each report is a TF-IDF vector over Sudachi content words plus a set of actor ids; a story keeps the
sum of its members' vectors and all their actors and days. Reports are taken in date order; each joins the most
similar story whose days are within WINDOW_DAYS of its own (so two calls between the same leaders two months apart
are two stories), or starts a new one. Undated reports come last and ignore the window.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from matome.language.tokens import Token
from matome.stories.reports import Report

WINDOW_DAYS = 7
THRESHOLD = 0.1
WORD_WEIGHT = 0.6
ACTOR_WEIGHT = 0.4
STOP_WORDS = frozenset({"こと", "もの", "ため", "よう", "これ", "それ", "ところ", "ほか", "場合", "今回", "一方",
                        "関係", "記事", "今後", "方針", "予定", "考え", "意向", "必要", "可能", "問題", "状況", "影響"})

Vector = dict[str, float]


@dataclass
class _Story:
    members: list[Report] = field(default_factory=list)
    words: Counter[str] = field(default_factory=Counter)
    actors: set[str] = field(default_factory=set)
    days: list[date] = field(default_factory=list)


def content_words(text: str, tokenize: Callable[[str], list[Token]]) -> Counter[str]:
    """Character bigrams of the content nouns: robust to how compounds are cut (自動運転バス, 自動運転, バス)."""
    nouns = [t.normalized for t in tokenize(text)
             if t.pos[0] == "名詞" and t.pos[1] not in ("数詞", "助動詞語幹") and len(t.surface) >= 2
             and t.normalized not in STOP_WORDS]
    return Counter(noun[i: i + 2] for noun in nouns for i in range(len(noun) - 1))


def vectors(reports: list[Report], tokenize: Callable[[str], list[Token]]) -> dict[str, Vector]:
    """L2-normalised TF-IDF vectors of each report's content words (title counted twice)."""
    counts = {r.id: content_words(f"{r.title or ''}\n{r.title or ''}\n{r.text}", tokenize) for r in reports}
    df = Counter(word for c in counts.values() for word in c)
    total = len(reports)
    result = {}
    for report_id, words in counts.items():
        raw = {w: (1 + math.log(n)) * math.log(1 + total / df[w]) for w, n in words.items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        result[report_id] = {w: v / norm for w, v in raw.items()}
    return result


def cluster(reports: list[Report], tokenize: Callable[[str], list[Token]]) -> list[list[Report]]:
    """Stories as lists of reports, in order of their first report."""
    vecs = vectors(reports, tokenize)
    stories: list[_Story] = []
    ordered = sorted(reports, key=lambda r: (r.day is None, r.day or date.max, r.id))
    for report in ordered:
        best, score = None, THRESHOLD
        for story in stories:
            if not _close_in_time(report.day, story.days):
                continue
            similarity = _similarity(vecs[report.id], report.actors, story)
            if similarity >= score:
                best, score = story, similarity
        if best is None:
            best = _Story()
            stories.append(best)
        best.members.append(report)
        best.words.update(vecs[report.id])
        best.actors |= report.actors
        best.days.extend([report.day] if report.day else [])
    return [s.members for s in stories]


def _close_in_time(day: date | None, days: list[date]) -> bool:
    return day is None or not days or min(abs((day - d).days) for d in days) <= WINDOW_DAYS


def _similarity(vector: Vector, actors: frozenset[str], story: _Story) -> float:
    norm = math.sqrt(sum(v * v for v in story.words.values())) or 1.0
    cosine = sum(v * story.words.get(w, 0.0) for w, v in vector.items()) / norm
    union = actors | story.actors
    jaccard = len(actors & story.actors) / len(union) if union else 0.0
    return WORD_WEIGHT * cosine + ACTOR_WEIGHT * jaccard
