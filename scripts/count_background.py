"""Count the background document frequencies that story clustering weighs terms by (matome/stories/background.py).

Every livedoor article (title and body) counts once per term it contains; terms seen in one article only are left out
(an unseen term weighs as much as one seen once, see `Background.idf`). Counts only,
no text, are written.

    python scripts/count_background.py
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from matome.language.tokens import Tokenizer  # noqa: E402
from matome.stories.background import terms  # noqa: E402

LIVEDOOR = ROOT.parent / "shared" / "eval" / "livedoor-news-corpus" / "ldcc.jsonl"
OUT = ROOT / "src" / "matome" / "stories" / "data" / "background-df.tsv.gz"


def main() -> int:
    tokenize = Tokenizer()
    frequencies: Counter[str] = Counter()
    documents = 0
    with LIVEDOOR.open(encoding="utf-8") as lines:
        for row in map(json.loads, lines):
            frequencies.update(set(terms(f"{row['title']}\n{row['body']}", tokenize)))
            documents += 1
    rows = sorted((t, n) for t, n in frequencies.items() if n >= 2)
    with gzip.GzipFile(OUT, "wb", mtime=0) as raw:  # mtime 0: the same counts give the same bytes
        raw.write(f"#documents\t{documents}\n".encode())
        raw.write("".join(f"{t}\t{n}\n" for t, n in rows).encode())
    print(f"{documents} documents, {len(rows)} terms seen in 2 or more -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
