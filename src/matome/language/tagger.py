"""A learned entity tagger: a character-level CRF (CRFsuite) over Sudachi's tokens.

Characters, not tokens, are tagged so that a name may start or end inside a Sudachi token (`東京都内` → 東京都,
`巨人戦` → 巨人). Each character sees its neighbours, their scripts, and the part of speech, surface and position of
the token it sits in. The weights are trained by `scripts/train_entity_tagger.py` on openly licensed data
(ner-wikipedia-ja, CC BY-SA 3.0, and the repository's livedoor entity labels) and shipped in `data/`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

import pycrfsuite

from matome.language.tokens import Token

MODEL = "entity-tagger.crfsuite"
# What the tagger learns: the three types matome keeps, plus facilities, products and events, learned so that they
# are not mistaken for the others (a product is not an organisation) and then mapped or dropped.
LABELS = ("PERSON", "ORG", "PLACE", "FACILITY", "PRODUCT", "EVENT")
TRAINING = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    start: int
    end: int
    label: str


def _script(char: str) -> str:
    if "\u3041" <= char <= "\u309f":
        return "H"
    if "\u30a1" <= char <= "\u30ff" or char == "ー":
        return "K"
    if "\u4e00" <= char <= "\u9fff" or char in "々〆ヶ":
        return "C"
    if char.isdigit():
        return "D"
    if char.isalpha():
        return "L"
    return "S" if not char.isspace() else "W"


def features(text: str, tokens: Sequence[Token]) -> list[list[str]]:
    """One feature list per character of `text`."""
    covering: list[Token | None] = [None] * len(text)
    order: dict[int, int] = {}
    for n, token in enumerate(tokens):
        order[token.start] = n
        for i in range(token.start, min(token.end, len(text))):
            covering[i] = token
    scripts = [_script(c) for c in text]
    padded = f"\x02\x02{text}\x03\x03"
    rows: list[list[str]] = []
    for i, char in enumerate(text):
        p = i + 2
        row = [f"c={char}", f"c-1={padded[p - 1]}", f"c+1={padded[p + 1]}", f"c-2={padded[p - 2]}",
               f"c+2={padded[p + 2]}", f"b-={padded[p - 1:p + 1]}", f"b+={padded[p:p + 2]}",
               f"t={padded[p - 1:p + 2]}", f"s={scripts[i]}",
               f"ss={scripts[i - 1] if i else '^'}{scripts[i]}{scripts[i + 1] if i + 1 < len(text) else '$'}"]
        covered = covering[i]
        if covered is not None:
            row.extend(_token_features(covered, i, tokens, order))
        rows.append(row)
    return rows


def _token_features(token: Token, i: int, tokens: Sequence[Token], order: dict[int, int]) -> list[str]:
    n = order[token.start]
    length = token.end - token.start
    place = "S" if length == 1 else "B" if i == token.start else "E" if i == token.end - 1 else "I"
    pos = "-".join(p for p in token.pos[:4] if p != "*")
    previous = tokens[n - 1] if n else None
    following = tokens[n + 1] if n + 1 < len(tokens) else None
    row = [f"p={place}", f"pos={pos}", f"pp={place}{pos}", f"pos1={token.pos[0]}-{token.pos[1]}"]
    if length <= 8:
        row.append(f"w={token.surface}")
    if token.oov:
        row.append("oov")
    if previous is not None:
        row += [f"w-1={previous.surface}", f"pos-1={previous.pos[0]}-{previous.pos[1]}-{previous.pos[2]}"]
    if following is not None:
        row += [f"w+1={following.surface}", f"pos+1={following.pos[0]}-{following.pos[1]}-{following.pos[2]}"]
    return row


def bio(length: int, spans: Iterable[TaggedSpan]) -> list[str]:
    labels = ["O"] * length
    for span in spans:
        if span.start < span.end <= length and all(label == "O" for label in labels[span.start: span.end]):
            labels[span.start] = f"B-{span.label}"
            labels[span.start + 1: span.end] = [f"I-{span.label}"] * (span.end - span.start - 1)
    return labels


def spans_of(labels: Sequence[str]) -> list[TaggedSpan]:
    spans: list[TaggedSpan] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        if start >= 0 and not (label.startswith("I-") and label[2:] == kind):
            spans.append(TaggedSpan(start, i, kind))
            start = -1
        if label.startswith("B-") or (label.startswith("I-") and start < 0):
            start, kind = i, label[2:]
    return spans


def train(examples: Iterable[tuple[str, Sequence[Token], Sequence[TaggedSpan]]], path: Path) -> None:
    """Train a tagger on (text, tokens, gold spans) and write its weights to `path`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tokens, spans in examples:
        if text:
            trainer.append(features(text, tokens), bio(len(text), spans))
    trainer.set_params(TRAINING)
    trainer.train(str(path))


class EntityTagger:
    """Callable: (text, tokens) -> tagged spans. Holds the loaded CRF weights."""

    def __init__(self, model: Path | None = None) -> None:
        self._tagger = pycrfsuite.Tagger()
        if model is not None:
            self._tagger.open(str(model))
        else:
            with as_file(files("matome.language").joinpath("data", MODEL)) as shipped:
                self._tagger.open(str(shipped))

    def __call__(self, text: str, tokens: Sequence[Token]) -> list[TaggedSpan]:
        if not text:
            return []
        return spans_of(self._tagger.tag(features(text, tokens)))


@functools.cache
def shipped_tagger() -> EntityTagger:
    return EntityTagger()

