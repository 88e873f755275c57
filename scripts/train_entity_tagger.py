"""Train the entity tagger shipped in src/matome/language/data/ (a character CRF, see matome.language.tagger).

Training data, all openly licensed and read from ../shared or the repository:
- ner-wikipedia-ja (Stockmark, CC BY-SA 3.0): Wikipedia sentences with 8 entity types;
- benchmarks/gold/entities.jsonl: the repository's labels on livedoor news sentences (the text from ../shared).
The test parts are never trained on: every fifth Wikipedia sentence and the held-out third of the livedoor articles
(`wikipedia_test` and `held_out` in benchmarks/livedoor.py, the one definition of both splits).

    python scripts/train_entity_tagger.py [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from livedoor import CORPUS, WIKIPEDIA, held_out, load_gold, wikipedia_test, with_sentences  # noqa: E402
from matome.language.tagger import MODEL, TaggedSpan, train  # noqa: E402
from matome.language.tokens import Token, Tokenizer  # noqa: E402

WIKIPEDIA_LABELS = {"人名": "PERSON", "法人名": "ORG", "政治的組織名": "ORG", "その他の組織名": "ORG", "地名": "PLACE",
                    "施設名": "FACILITY", "製品名": "PRODUCT", "イベント名": "EVENT"}
FACILITY = re.compile(r"(?:駅|空港|港|ドーム|スタジアム|球場|競技場|アリーナ|神社|神宮|寺|院|城|館"
                      r"|ホール|劇場|ビル|タワー|病院|公園|ホテル|センター|ヒルズ|店|場)$")
Example = tuple[str, list[Token], list[TaggedSpan]]


def wikipedia_items() -> list[dict]:
    return json.loads(WIKIPEDIA.read_text(encoding="utf-8"))


def wikipedia_examples(items: list[dict], tokenize: Tokenizer) -> Iterator[Example]:
    for item in items:
        spans = [TaggedSpan(e["span"][0], e["span"][1], WIKIPEDIA_LABELS[e["type"]]) for e in item["entities"]]
        yield item["text"], tokenize(item["text"]), spans


def livedoor_rows() -> list[dict]:
    """The livedoor entity gold, each row with its sentence text read from ../shared."""
    return with_sentences(load_gold("entities.jsonl")) if CORPUS.exists() else []


def livedoor_label(kind: str, name: str) -> str:
    if kind in ("GPE", "LOC"):
        return "FACILITY" if kind == "LOC" and FACILITY.search(name) else "PLACE"
    return kind


def livedoor_examples(rows: list[dict], tokenize: Tokenizer) -> Iterator[Example]:
    for row in rows:
        offset = row["sentence"][0]
        spans = [TaggedSpan(s - offset, e - offset, livedoor_label(kind, name))
                 for s, e, kind, name, *_ in row["entities"]]
        yield row["text"], tokenize(row["text"]), spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "matome" / "language" / "data" / MODEL)
    args = parser.parse_args()
    tokenize = Tokenizer()
    wikipedia = [item for n, item in enumerate(wikipedia_items()) if not wikipedia_test(n)]
    livedoor = [row for row in livedoor_rows() if not held_out(row["article"])]
    examples = [*wikipedia_examples(wikipedia, tokenize), *livedoor_examples(livedoor, tokenize)]
    start = time.perf_counter()
    train(examples, args.out)
    print(f"trained on {len(examples)} sentences in {time.perf_counter() - start:.0f} s -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
