"""Train the abuse classifier shipped in src/matome/comments/data/abuse_model.json.

Data (benchmarks/abuse_data.py, read from ../shared): the 437 comments of japanese-toxic-inspection (Apache-2.0)
and the readers' posts quoted in livedoor articles, labelled by the team (benchmarks/gold/comments-abuse.jsonl).
Only word weights are written, never the comments. benchmarks/comments.py cross-validates the same training.

    python scripts/train_abuse_model.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "matome" / "comments" / "data" / "abuse_model.json"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import abuse_data  # noqa: E402


def main() -> int:
    if not abuse_data.available():
        print("cannot train: ../shared/eval (japanese-toxic-inspection, livedoor) or the comment gold is absent")
        return 1
    from matome.comments.classifier import train
    from matome.language.tokens import Tokenizer

    items = abuse_data.load()
    tokenize = Tokenizer()
    model = train([tokenize(item.text) for item in items], [item.abusive for item in items])
    OUT.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"{len(items)} comments ({sum(item.abusive for item in items)} abusive): {len(model.weights)} weights "
          f"written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
