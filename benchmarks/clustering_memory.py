"""Story clustering at crawl size: driver memory as the input grows, every vector held against date partitions.

The corpus pass of `matome run` clusters the original reports from their vectors in the report files. Before, it read
the vectors of every report into memory and kept every story it had made; now (`run.corpus.clustered`) it reads them
one date partition at a time and keeps only the stories that the partition's reports may still join, the others
shelved in an SQLite file for the undated reports. Both are run here on the same synthetic report files, each in a
fresh process, and must give the same stories. "Held" runs today's clustering with every vector read at once and every
shelved story kept in memory: the memory of the pass before; that today's pass gives the stories the earlier one gave
was checked apart (a randomised comparison of the two versions on 31,500 inputs, in the review of the change).

Synthetic reports (no text: the pass sees only vectors): 300 a day, in events of 1 to 6 reports over up to 3 days;
each vector has 6 terms of its event (not in the background, so anchors) and 40 frequent background terms; 1% of the
reports are undated and belong to an earlier event. Files of 10,000 rows, as the shard stage writes them.

    python benchmarks/clustering_memory.py [--sizes 20000,80000,320000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from matome.run.corpus import clustered
from matome.stories.background import background
from matome.stories.cluster import Facts, MemoryShelf, cluster_vectors

PER_DAY = 300
PER_FILE = 10_000
START = date(2020, 1, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", default="20000,80000,320000")
    parser.add_argument("--one", nargs=3, metavar=("DIR", "REPORTS", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return run_one(Path(args.one[0]), int(args.one[1]), args.one[2])
    print(f"{'reports':>8} {'mode':>12} {'seconds':>8} {'RSS before MiB':>15} {'peak MiB':>9} {'growth MiB':>11} "
          f"{'stories':>8} {'same':>5}")
    for size in (int(n) for n in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as scratch:
            write_reports(Path(scratch), size)
            results = {}
            for mode in ("held", "partitioned"):
                found = subprocess.run([sys.executable, __file__, "--one", scratch, str(size), mode],
                                       capture_output=True, text=True, check=True)
                results[mode] = json.loads(found.stdout)
            for mode, result in results.items():
                same = result["digest"] == results["held"]["digest"]
                print(f"{size:8} {mode:>12} {result['seconds']:8.1f} {result['before_mib']:15.0f} "
                      f"{result['peak_mib']:9.0f} {result['peak_mib'] - result['before_mib']:11.0f} "
                      f"{result['stories']:8} {'yes' if same else 'NO':>5}")
    return 0


def synthetic_facts(size: int) -> list[Facts]:
    facts: list[Facts] = []
    for n in range(size):
        facts.append((None if n % 100 == 99 else START + timedelta(days=n // PER_DAY), f"r{n:08d}", f"o{n % 50}",
                      frozenset()))
    return facts


def synthetic_vector(n: int, common: list[str]) -> dict[str, float]:
    rng = random.Random(n)
    event = rng.randrange(max(1, n - 500), n + 1) // 3 if n % 100 == 99 else n // 3 + rng.choice((0, 0, 1))
    own = {f"事件{event}語{k}": 0.35 for k in range(6)}
    shared = {term: 0.1 for term in rng.sample(common, 40)}
    return own | shared


def write_reports(directory: Path, size: int) -> None:
    weights = background()
    common = sorted((t for t, df in weights.frequencies.items() if df > 300), key=lambda t: -weights.frequencies[t])
    common = common[:3000]
    for start in range(0, size, PER_FILE):
        vectors = [json.dumps(synthetic_vector(n, common), ensure_ascii=False)
                   for n in range(start, min(size, start + PER_FILE))]
        pq.write_table(pa.table({"vector": vectors}), directory / f"shard-{start // PER_FILE:05d}.parquet")


def run_one(directory: Path, size: int, mode: str) -> int:
    paths = sorted(directory.glob("shard-*.parquet"))
    facts = synthetic_facts(size)
    originals = list(range(size))
    background()  # loaded before either is measured
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    if mode == "held":  # what the pass did before: every vector read, every story kept
        vectors = [text for path in paths for text in pq.read_table(path).column("vector").to_pylist()]
        stories = cluster_vectors(facts, lambda i: json.loads(vectors[i]), background(), MemoryShelf())
    else:
        with tempfile.TemporaryDirectory(dir=directory) as scratch:
            stories = clustered(paths, originals, facts, Path(scratch))
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "before_mib": before, "stories": len(stories),
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "digest": hashlib.sha256(json.dumps(stories).encode()).hexdigest()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
