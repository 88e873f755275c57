"""Train the abuse classifier shipped in src/matome/comments/data/abuse_model.json.

Data: ../shared/eval/japanese-toxic-inspection/subset.csv (Apache-2.0; 437 comments). Gold: abusive when the
Toxic and Very Toxic votes outnumber the Not Toxic votes. Only n-gram weights are written, never the comments.

    python scripts/train_abuse_model.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "japanese-toxic-inspection" / "subset.csv"
OUT = ROOT / "src" / "matome" / "comments" / "data" / "abuse_model.json"


def load() -> tuple[list[str], list[bool]]:
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [r["text"] for r in rows], [int(r["Toxic"]) + int(r["Very Toxic"]) > int(r["Not Toxic"]) for r in rows]


def main() -> int:
    if not DATA.exists():
        print(f"cannot train: {DATA} is absent")
        return 1
    sys.path.insert(0, str(ROOT / "src"))
    from matome.comments.classifier import train

    texts, labels = load()
    model = train(texts, labels)
    OUT.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"{len(texts)} comments ({sum(labels)} abusive): {len(model.weights)} weights written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
