"""The livedoor news corpus in ../shared and the repository's labels on it (benchmarks/gold/, docs/annotation.md).

Labels name a sentence by its character span in the article body; the text is read from ../shared at run time.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from matome.language.sentences import split_sentences  # noqa: E402
from matome.records import Article, Origin  # noqa: E402

CORPUS = ROOT.parent / "shared" / "eval" / "livedoor-news-corpus" / "ldcc.jsonl"
WIKIPEDIA = ROOT.parent / "shared" / "eval" / "ner-wikipedia-ja" / "ner.json"  # split by `wikipedia_test` below
GOLD = ROOT / "benchmarks" / "gold"


def body_sentences(body: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in the body, split as `matome analyze` splits it (per line, then sentences)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in body.split("\n"):
        cursor = 0
        for sentence in split_sentences(line):
            start = line.index(sentence, cursor)
            spans.append((offset + start, offset + start + len(sentence)))
            cursor = start + len(sentence)
        offset += len(line) + 1
    return spans


def load_corpus(ids: Iterable[str] | None = None) -> dict[str, dict[str, str]]:
    """Corpus rows by id (all of them, or those named)."""
    wanted = set(ids) if ids is not None else None
    with CORPUS.open(encoding="utf-8") as lines:
        rows = (json.loads(line) for line in lines)
        return {r["id"]: r for r in rows if wanted is None or r["id"] in wanted}


def load_gold(name: str) -> list[dict]:
    path = GOLD / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def with_sentences(rows: list[dict]) -> list[dict]:
    """Gold rows, each with its sentence's text (`text`) read from the corpus."""
    bodies = {k: v["body"] for k, v in load_corpus({r["article"] for r in rows}).items()}
    return [row | {"text": bodies[row["article"]][row["sentence"][0]: row["sentence"][1]]} for row in rows]


def as_article(row: dict[str, str]) -> Article:
    return Article(id=row["id"], origin=Origin("jsonl"), kind="article", url=row["url"], title=row["title"],
                   body=row["body"], published=row["date"][:10])


def held_out(article_id: str) -> bool:
    """The livedoor test articles (a fixed third, by id): never used to train the entity tagger, never read while
    building the statement layer; benchmarks score on them."""
    return sum(map(ord, article_id)) % 3 == 0


def wikipedia_test(index: int) -> bool:
    """Every fifth sentence of ner-wikipedia-ja: kept out of the tagger's training, scored by benchmarks/entities.py."""
    return index % 5 == 0
