"""Where accounts differ (認識のずれ): statements that contradict each other on the same point.

Two kinds: a denial of what another speaker said (`これを否定`), and the same claim with opposite polarity
(`交渉は決裂した` / `交渉は決裂していない`), compared clause by clause on their content nouns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import combinations

from matome.language.tokens import Token
from matome.records import Disagreement, Side, Statement

DENIAL = ("否定", "反論", "否認", "一蹴")
NEGATIVE = re.compile(r"(?:ない|なかった|ず|ません|ぬ|ではない|否定)[。」]*$")
SAME_POINT = 0.5
CORE = 4
ENDINGS = re.compile(r"(?:していない|していなかった|していた|している|しなかった|しない|した|する|ではない|"
                     r"ではなかった|ていない|ていた|ている|なかった|ない|ません|ました|ます|です|だった|だ|である|ず|た)$")

Source = Callable[[Statement], str]


def disagreements(statements: list[Statement], source: Source,
                  tokenize: Callable[[str], list[Token]]) -> tuple[Disagreement, ...]:
    """Statements by different speakers that deny or contradict each other; one entry per point, every side once."""
    points: dict[frozenset[str], tuple[str, dict[tuple[str | None, str, str], Side]]] = {}
    for a, b in combinations(statements, 2):
        if _speaker(a) == _speaker(b):
            continue
        for point, clause_a, clause_b in _contradictions(a, b, tokenize):
            _, sides = points.setdefault(_nouns(point, tokenize), (point, {}))
            for statement, clause in ((a, clause_a), (b, clause_b)):
                side = Side(statement.speaker, clause, source(statement), statement.sentence)
                sides.setdefault((side.speaker, side.content, side.source), side)
    return tuple(Disagreement(point, tuple(sides.values())) for point, sides in points.values())


def _speaker(statement: Statement) -> str:
    return statement.speaker_canonical or statement.speaker or "?"


def _contradictions(a: Statement, b: Statement,
                    tokenize: Callable[[str], list[Token]]) -> list[tuple[str, str, str]]:
    if _denies(b, a):
        return [(a.content, a.content, b.cue)]
    if _denies(a, b):
        return [(b.content, a.cue, b.content)]
    pairs = []
    for clause_a in _clauses(a.content):
        for clause_b in _clauses(b.content):
            if _negative(clause_a) != _negative(clause_b) and _same_point(clause_a, clause_b, tokenize):
                pairs.append((clause_a if not _negative(clause_a) else clause_b, clause_a, clause_b))
    return pairs


def _denies(denial: Statement, claim: Statement) -> bool:
    """`これを否定`: an indirect denial whose content the language layer took from the claim it answers."""
    return not denial.direct and denial.content == claim.content and any(denial.cue.startswith(d) for d in DENIAL)


def _clauses(content: str) -> list[str]:
    return [c.strip() for c in re.split(r"[。!?！？]", content) if c.strip()]


def _negative(clause: str) -> bool:
    return bool(NEGATIVE.search(clause))


def _nouns(text: str, tokenize: Callable[[str], list[Token]]) -> frozenset[str]:
    return frozenset(t.normalized for t in tokenize(text) if t.pos[0] == "名詞" and t.pos[1] != "数詞")


def _same_point(a: str, b: str, tokenize: Callable[[str], list[Token]]) -> bool:
    """The same claim: most nouns shared, and the same predicate without negation (決裂した / 決裂していない)."""
    nouns_a, nouns_b = _nouns(a, tokenize), _nouns(b, tokenize)
    if not nouns_a or not nouns_b or len(nouns_a & nouns_b) < 2:
        return False
    shared = len(nouns_a & nouns_b) / min(len(nouns_a), len(nouns_b)) >= SAME_POINT
    return shared and (_core(a)[-CORE:] in _core(b) or _core(b)[-CORE:] in _core(a))


def _core(clause: str) -> str:
    return ENDINGS.sub("", clause.strip("「」 "))
