"""Labelled comments for the abuse flag, read from ../shared (the text never enters the repository).

- japanese-toxic-inspection (Apache-2.0): 437 short SNS-style comments; gold: Toxic + Very Toxic votes outnumber
  Not Toxic.
- livedoor (CC BY-ND 2.1 JP articles): readers' posts that topic-news and other categories quote, labelled by the
  team (`benchmarks/gold/comments-abuse.jsonl`, docs/annotation.md "Abusive comments"); the gold holds article ids
  and offsets only.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from livedoor import CORPUS, load_corpus

ROOT = Path(__file__).resolve().parents[1]
INSPECTION = ROOT.parent / "shared" / "eval" / "japanese-toxic-inspection" / "subset.csv"
GOLD = ROOT / "benchmarks" / "gold" / "comments-abuse.jsonl"
SECOND = ROOT / "benchmarks" / "gold" / "comments-abuse-second.jsonl"


@dataclass(frozen=True, slots=True)
class Labelled:
    text: str
    abusive: bool
    source: str  # "inspection" or "livedoor"
    group: str  # comments of one group (one article) never sit on both sides of a fold
    post: bool = True  # False: a quote that is not a reader's post (kept as a negative)


def available() -> bool:
    return INSPECTION.exists() and CORPUS.exists() and GOLD.exists()


def inspection() -> list[Labelled]:
    with INSPECTION.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [Labelled(r["text"], int(r["Toxic"]) + int(r["Very Toxic"]) > int(r["Not Toxic"]), "inspection",
                     f"inspection:{r['id']}") for r in rows]


def livedoor(gold: Path = GOLD) -> list[Labelled]:
    labels = [json.loads(line) for line in gold.open(encoding="utf-8")]
    bodies = {key: row["body"] for key, row in load_corpus({label["id"] for label in labels}).items()}
    return [Labelled(bodies[label["id"]][label["start"]: label["end"]], bool(label["abusive"]), "livedoor",
                     f"livedoor:{label['id']}", bool(label.get("comment", True))) for label in labels]


def load() -> list[Labelled]:
    return [*inspection(), *livedoor()]


def folds(items: list[Labelled], count: int = 5) -> list[int]:
    """A fold per item: whole groups dealt to the currently smallest fold, abusive-holding groups first (stratified)."""
    groups: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        groups.setdefault(item.group, []).append(i)
    order = sorted(groups, key=lambda g: (not any(items[i].abusive for i in groups[g]), -len(groups[g]), g))
    sizes, positives = [0] * count, [0] * count
    assignment = [0] * len(items)
    for group in order:
        abusive = sum(items[i].abusive for i in groups[group])
        fold = min(range(count), key=lambda f: (positives[f], sizes[f]) if abusive else (sizes[f], positives[f]))
        for i in groups[group]:
            assignment[i] = fold
        sizes[fold] += len(groups[group])
        positives[fold] += abusive
    return assignment
