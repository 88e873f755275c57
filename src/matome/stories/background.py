"""Word weights from a background corpus: how rare a term is in news at large, not in the input being clustered.

Terms are Sudachi content nouns (normalised form, long units) and number expressions (`5400mAh`, `2時間半`, `3億円`).
Document frequencies were counted on the 7,367 livedoor articles by `scripts/count_background.py` and ship as
`data/background-df.tsv.gz` (counts only, no text); a term the background never saw weighs as much as one seen once.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from matome.language.tokens import Token, content_nouns
from matome.records import Sentence

DATA = "background-df.tsv.gz"
STOP_NOUNS = frozenset({"こと", "もの", "ため", "よう", "これ", "それ", "ところ", "ほか", "場合", "今回", "一方",
                        "関係", "記事", "今後", "必要", "可能", "問題", "状況", "影響", "自分", "感じ", "皆さん",
                        "みんな", "意味"})
NUMBER = re.compile(r"[0-9][0-9,.]*(?:万|億|兆)?(?:時間半|時間|分|秒|円|ドル|人|件|台|本|枚|点|位|回|歳|年ぶり|%|％|"
                    r"GB|MB|TB|mAh|インチ|型|万画素|画素|GHz|km|m|kg|g|倍|試合|勝|敗|敗目|勝目|号|億円|万円)")


def terms(text: str, tokenize: Callable[[str], list[Token]], nouns: Iterable[str] | None = None) -> Counter[str]:
    """Content nouns and number expressions of a text, with their counts; `nouns` when the language stage has
    found them already (a sentence's `nouns`), else the text is tokenised."""
    found = Counter(n for n in (content_nouns(tokenize(text)) if nouns is None else nouns) if n not in STOP_NOUNS)
    found.update(f"#{m.group()}" for m in NUMBER.finditer(unicodedata.normalize("NFKC", text)))
    return found


def sentence_terms(sentences: Iterable[Sentence], tokenize: Callable[[str], list[Token]]) -> Counter[str]:
    """The terms of several sentences, from the nouns the language stage carried on them where it did."""
    found: Counter[str] = Counter()
    for sentence in sentences:
        found.update(terms(sentence.text, tokenize, sentence.nouns))
    return found


@dataclass(frozen=True, slots=True)
class Background:
    """Document frequencies of terms over `documents` background articles."""

    documents: int
    frequencies: dict[str, int]

    def idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.frequencies.get(term, 0) + 1))

    def rare(self, term: str, at_most: int) -> bool:
        return self.frequencies.get(term, 0) <= at_most


@cache
def background() -> Background:
    """The background shipped with matome (loaded once)."""
    lines = gzip.decompress((files("matome.stories") / "data" / DATA).read_bytes()).decode("utf-8").splitlines()
    documents = int(lines[0].split("\t")[1])
    frequencies = {term: int(n) for term, n in (line.split("\t") for line in lines[1:])}
    return Background(documents, frequencies)
