"""`matome run` at 1 and 2 workers on livedoor articles: pages per second, speed-up and peak memory per worker.

The first N livedoor articles (default 480) are written as JSON Lines files of 40 articles into a temporary
directory (the text stays outside the repository) and run through `matome run`'s pipeline with the parser on, once
with the local executor in this process, once with 2 worker processes, and once with 2 Dask workers, same run. The
shard stage (read, language, comments) is what the workers share; the corpus passes run in the driver and are timed
apart.

    python benchmarks/scale.py [--articles N] [--no-dask]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from livedoor import CORPUS, load_corpus
from matome.run.pipeline import Job, run

PER_FILE = 40


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=480)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    from matome.run.local import local_executor

    rows = list(load_corpus().values())[: args.articles]
    characters = sum(len(r["title"]) + len(r["body"]) for r in rows)
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "input"
        corpus.mkdir()
        for n in range(0, len(rows), PER_FILE):
            lines = [json.dumps({"url": r["url"], "title": r["title"], "date": r["date"], "body": r["body"],
                                 "site": r["category"]}, ensure_ascii=False) for r in rows[n: n + PER_FILE]]
            (corpus / f"part-{n // PER_FILE:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        executors = [("local, 1 worker (in process)", local_executor(1)), ("local, 2 workers", local_executor(2))]
        if not args.no_dask:
            from matome.run.dask import dask_executor

            executors.append(("dask, 2 workers", dask_executor(2)))
        print(f"{len(rows)} livedoor articles, {characters:,} characters, {len(rows) // PER_FILE} files of "
              f"{PER_FILE}, one shard each; parser on\n")
        print(f"{'executor':32} {'shards s':>9} {'pages/s':>8} {'speed-up':>9} {'corpus passes s':>16} "
              f"{'peak MiB (driver / worker)':>27}")
        base = None
        for name, executor in executors:
            out = Path(scratch) / name.replace(" ", "-").replace(",", "")
            shard_seconds: list[float] = []
            start = time.perf_counter()
            summary = run([corpus], Job(str(out), shard_files=1), executor, name,
                          lambda result, times=shard_seconds, began=start: times.append(time.perf_counter() - began))
            total = time.perf_counter() - start
            shards = max(shard_seconds)
            base = base or shards
            driver = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"{name:32} {shards:9.1f} {summary.articles / shards:8.1f} {base / shards:8.2f}× "
                  f"{total - shards:16.1f} {driver:12.0f} / {workers:.0f}")
    print("\n(peak MiB is the largest resident size so far: the driver's includes the in-process run; a worker's is "
          "the largest child process, Dask's workers included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
