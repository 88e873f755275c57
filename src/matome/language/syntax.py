"""Dependency parses for the sentences that carry a speech cue, from GiNZA's parser (`ja_ginza`, shipped on PyPI).

Only those sentences are parsed (about a quarter of livedoor's), in one batch per article; the parser is still about
80% of the time `analyze` takes.
The parse is copied into plain records so that nothing after this module depends on spaCy's types.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from typing import Any

PARTICLES = ("ADP", "PUNCT", "SCONJ", "AUX", "PART")
QUOTED = "発言"  # what a quotation is parsed as


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a parse: its offsets in the sentence, part of speech, relation to its head, and its phrase (文節)."""

    i: int
    start: int
    end: int
    text: str
    pos: str
    tag: str
    dep: str
    head: int
    phrase: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Parse:
    """A parsed sentence: its words, with the look-ups attribution needs."""

    text: str
    words: tuple[Word, ...]
    kids: tuple[tuple[int, ...], ...]  # the children of each word, by index
    quotes: tuple[tuple[int, int], ...]  # every 「…」 and 『…』: where it opens and where it closes

    def at(self, offset: int) -> Word | None:
        """The word that covers character `offset`."""
        return next((w for w in self.words if w.start <= offset < w.end), None)

    def children(self, word: Word) -> list[Word]:
        return [self.words[i] for i in self.kids[word.i]]

    def in_quote(self, offset: int) -> bool:
        """Whether character `offset` is inside a quotation (its closing bracket included)."""
        return any(opening < offset <= closing for opening, closing in self.quotes)

    def opening(self, closing: int) -> int:
        """Where the quotation that closes at `closing` opens, or -1."""
        return next((o for o, c in self.quotes if c == closing), -1)

    def head(self, word: Word) -> Word:
        return self.words[word.head]

    def span(self, word: Word) -> tuple[int, int]:
        """Character span of the word's subtree."""
        inside = [word]
        stack = [word]
        while stack:
            for child in self.children(stack.pop()):
                inside.append(child)
                stack.append(child)
        return min(w.start for w in inside), max(w.end for w in inside)

    def dominates(self, above: Word, below: Word) -> bool:
        seen = below
        for _ in range(len(self.words)):
            if seen.i == above.i:
                return True
            if seen.head == seen.i:
                return False
            seen = self.words[seen.head]
        return False


class Parser:
    """Callable: sentence -> Parse. Loads GiNZA's pipeline (without its NER) on first use.

    What a quotation says is not parsed: each 「…」 is parsed as one short noun, so that the sentence around it parses
    as one sentence (a quote may hold several, and their 。 would split it) and long quotes cost nothing.
    """

    def __call__(self, text: str) -> Parse:
        return self.parse_all([text])[0]

    def parse_all(self, texts: list[str]) -> list[Parse]:
        """Parses of several sentences, run as one batch (the network is faster on batches)."""
        masks = [mask_quotes(text) for text in texts]
        docs = _pipeline().pipe([masked for masked, _, _ in masks], batch_size=64)
        return [_copy(doc, text, starts, ends) for doc, text, (_, starts, ends) in zip(docs, texts, masks, strict=True)]


def quote_spans(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Every matched 「…」 / 『…』 pair (opening, closing), nested ones included, and whether all of them close."""
    spans: list[tuple[int, int]] = []
    open_at: list[int] = []
    for i, char in enumerate(text):
        if char in "「『":
            open_at.append(i)
        elif char in "」』" and open_at:
            spans.append((open_at.pop(), i))
    return sorted(spans), not open_at


def mask_quotes(text: str) -> tuple[str, list[int], list[int]]:
    """The text with the inside of each outermost 「…」 or 『…』 replaced by QUOTED, and for each character of the
    result where it starts and ends in `text`."""
    spans, closed = quote_spans(text)
    if not closed:  # an unclosed quote: parse the text as it is
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    masked: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = 0
    for opening, closing in spans:
        if opening < cursor:
            continue  # inside a quote already masked
        masked.extend(text[cursor: opening + 1])
        starts.extend(range(cursor, opening + 1))
        ends.extend(range(cursor + 1, opening + 2))
        if closing > opening + 1:
            masked.extend(QUOTED)
            starts.extend([opening + 1] * len(QUOTED))
            ends.extend([closing] * len(QUOTED))
        cursor = closing
    masked.extend(text[cursor:])
    starts.extend(range(cursor, len(text)))
    ends.extend(range(cursor + 1, len(text) + 1))
    return "".join(masked), starts, ends


def parser_installed() -> bool:
    """Whether GiNZA and its model are installed (they are dependencies of matome; a trimmed install may lack them)."""
    return all(importlib.util.find_spec(name) is not None for name in ("spacy", "ginza", "ja_ginza"))


@functools.cache
def _pipeline() -> Any:
    import spacy

    return spacy.load("ja_ginza", exclude=["ner"])


def _copy(doc: Any, text: str, starts: list[int], ends: list[int]) -> Parse:
    import ginza

    def place(start: int, end: int) -> tuple[int, int]:
        return starts[start], ends[end - 1]

    phrases = {}
    for span in ginza.bunsetu_spans(doc):
        for token in span:
            phrases[token.i] = place(span.start_char, span.end_char)
    words = []
    kids: list[list[int]] = [[] for _ in doc]
    for t in doc:
        start, end = place(t.idx, t.idx + len(t.text))
        words.append(Word(t.i, start, end, text[start:end], t.pos_, t.tag_, t.dep_, t.head.i,
                          phrases.get(t.i, (start, end))))
        if t.head.i != t.i:
            kids[t.head.i].append(t.i)
    return Parse(text, tuple(words), tuple(map(tuple, kids)), tuple(quote_spans(text)[0]))
