"""Search in `matome serve` on the whole livedoor corpus: index size, build time, and the median and p95 time of 50
queries, for the FTS5 trigram index and for a plain scan (instr over every title and body) in the same run.

The 7,367 articles are ingested without analysis into a temporary store, read back as the app reads them, and
indexed as the app indexes them (`serve.app.Corpus.load`). Queries are 50 substrings (2–6 characters) of random
titles, seeded; a query under 3 characters is answered by the scan in the app, as here.

    python benchmarks/search.py
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from livedoor import CORPUS, load_corpus
from matome.serve.app import Corpus

QUERIES = 50


def main() -> int:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    rows = list(load_corpus().values())
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "ldcc.jsonl"
        source.write_text("".join(json.dumps({"url": r["url"], "title": r["title"], "date": r["date"],
                                              "body": r["body"], "site": r["category"]}, ensure_ascii=False) + "\n"
                                  for r in rows), encoding="utf-8")
        db = Path(scratch) / "matome.db"
        subprocess.run([str(Path(sys.executable).parent / "matome"), "ingest", str(source), "--db", str(db),
                        "--no-analyze"], check=True, capture_output=True)
        start = time.perf_counter()
        corpus = Corpus.load(db)
        built = time.perf_counter() - start
    pages, size = (corpus.index.execute(f"PRAGMA {p}").fetchone()[0] for p in ("page_count", "page_size"))
    texts = sum(len(a.title or "") + len(a.body) for a in corpus.articles.values())
    rng = random.Random(7)
    queries = []
    for row in rng.sample(rows, QUERIES):
        title = row["title"]
        length = rng.randint(2, 6)
        begin = rng.randint(0, max(0, len(title) - length))
        queries.append(title[begin: begin + length])
    fts, scan = [], []
    for query in queries:
        start = time.perf_counter()
        hits = corpus.search(query, None, None, None)
        fts.append(time.perf_counter() - start)
        start = time.perf_counter()
        corpus.index.execute("SELECT id FROM texts WHERE instr(title, ?) OR instr(body, ?)", (query, query)).fetchall()
        scan.append(time.perf_counter() - start)
        assert hits or len(query) < 3, query
    print(f"{len(corpus.articles)} articles, {texts:,} characters; load, stories and FTS5 trigram index built in "
          f"{built:.1f} s; index database {pages * size / 2**20:.0f} MiB in memory\n")
    print(f"{'50 queries':34} {'median ms':>10} {'p95 ms':>8}")
    for name, times in (("matome (trigram FTS5; scan under 3 chars)", fts), ("plain scan (instr)", scan)):
        ordered = sorted(times)
        p95 = ordered[int(0.95 * len(ordered)) - 1]
        print(f"{name:34} {statistics.median(ordered) * 1000:10.1f} {p95 * 1000:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
