"""`matome run` at 1 and 2 workers on livedoor articles: pages per second, speed-up and peak memory per worker.

The first N livedoor articles (default 480) are written as JSON Lines files of 40 articles into a temporary
directory (the text stays outside the repository) and run through `matome run`'s pipeline with the parser on, once
with the local executor in this process, once with 2 worker processes, and once with 2 Dask workers, same run. The
shard stage (read, language, comments) is what the workers share; the corpus passes run in the driver and are timed
apart.

`--warc-pages 1000,5000,20000` measures a synthetic crawl instead: livedoor articles wrapped as small HTML pages
(title, meta date, the first ~600 characters of the body), cycled with distinct URLs to reach each size, written as one
record-gzipped WARC that `matome run` splits into shards of about 500 pages. Each size runs with 1 worker (in process)
and 2 worker processes, each configuration in a fresh process, so peak memory is measured per size: the workers' peak
(the shard stage) should stay flat as the input grows; the driver's (corpus passes over every record) grows with it.

    python benchmarks/scale.py [--articles N] [--no-dask]
    python benchmarks/scale.py --warc-pages 1000,5000,20000 [--no-syntax]
"""

from __future__ import annotations

import argparse
import html
import io
import json
import resource
import subprocess
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
    parser.add_argument("--warc-pages", help="sizes of a synthetic WARC crawl, comma-separated (e.g. 1000,5000)")
    parser.add_argument("--no-syntax", action="store_true", help="the dependency parser off (synthetic WARC only)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run each size with (synthetic WARC only)")
    parser.add_argument("--one", nargs=3, metavar=("WARC", "OUT", "WORKERS"), help=argparse.SUPPRESS)
    parser.add_argument("--shard-bytes", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return run_one(Path(args.one[0]), Path(args.one[1]), int(args.one[2]), args.shard_bytes, not args.no_syntax)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    if args.warc_pages:
        return warc_curve([int(n) for n in args.warc_pages.split(",")], not args.no_syntax,
                          [int(n) for n in args.workers.split(",")])
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


SHARD_PAGES = 500  # synthetic pages per shard: the WARC is cut at the gzip member nearest that many pages' bytes


def small_page(row: dict[str, str]) -> bytes:
    """A livedoor article as a small news page: title, published date, the body's first paragraphs (~600 chars)."""
    paragraphs, size = [], 0
    for line in filter(None, (line.strip() for line in row["body"].split("\n"))):
        paragraphs.append(f"<p>{html.escape(line)}</p>")
        size += len(line)
        if size >= 600:
            break
    title = html.escape(row["title"])
    return (f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="article:published_time" content="{row["date"]}"></head><body><header>ニュース</header>'
            f'<article><h1>{title}</h1>{"".join(paragraphs)}</article><footer>© synthetic</footer></body></html>'
            ).encode()


def write_warc(path: Path, rows: list[dict[str, str]], pages: int) -> None:
    """`pages` small pages cycling through `rows`, each with its own URL, one gzip member a record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    bodies = [small_page(row) for row in rows[:pages]]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://synthetic.example/{n}", "response",
                                                          payload=io.BytesIO(bodies[n % len(bodies)]),
                                                          http_headers=headers))


def warc_curve(sizes: list[int], syntax: bool, worker_counts: list[int]) -> int:
    rows = list(load_corpus().values())
    print(f"synthetic WARC of small livedoor pages, about {SHARD_PAGES} pages a shard, parser "
          f"{'on' if syntax else 'off'}\n")
    print(f"{'pages':>7} {'MB':>6} {'workers':>7} {'plan s':>7} {'shards s':>9} {'pages/s':>8} {'speed-up':>9} "
          f"{'corpus s':>9} {'CPU s':>7} {'peak MiB driver':>16} {'peak MiB worker':>16}")
    with tempfile.TemporaryDirectory() as scratch:
        for pages in sizes:
            warc = Path(scratch) / f"crawl-{pages}.warc.gz"
            write_warc(warc, rows, pages)
            size = warc.stat().st_size
            shard_bytes = max(1, size * SHARD_PAGES // pages)
            base = None
            for workers in worker_counts:
                out = Path(scratch) / f"out-{pages}-{workers}"
                command = [sys.executable, __file__, "--one", str(warc), str(out), str(workers),
                           "--shard-bytes", str(shard_bytes), *([] if syntax else ["--no-syntax"])]
                result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True
                                                   ).stdout.splitlines()[-1])
                base = base or result["shards_s"]
                print(f"{pages:7d} {size / 1e6:6.1f} {workers:7d} {result['plan_s']:7.1f} {result['shards_s']:9.1f} "
                      f"{result['articles'] / result['shards_s']:8.1f} {base / result['shards_s']:8.2f}× "
                      f"{result['corpus_s']:9.1f} {result['cpu_s']:7.0f} {result['driver_mib']:16.0f} "
                      f"{result['worker_mib']:16.0f}",
                      flush=True)
    print("\n(plan: cutting the WARC at gzip members, in the driver; shards: read, language, comments on the workers; "
          "corpus: copies, stories, digests in the driver. A worker's peak is its largest resident size at the end of "
          "a shard; with 1 worker the shards run in the driver's process, so both columns are that process. CPU s: "
          "user and system time of the driver and its workers, which other load on the machine does not change.)")
    return 0


def run_one(warc: Path, out: Path, workers: int, shard_bytes: int, syntax: bool) -> int:
    """One configuration, in this (fresh) process: its figures as one JSON line."""
    from matome.run.local import local_executor
    from matome.run.pipeline import plan

    job = Job(str(out), syntax=syntax, shard_bytes=shard_bytes)
    start = time.perf_counter()
    shards = plan([warc], job)
    planned = time.perf_counter() - start
    results: list[dict[str, object]] = []
    stamps: list[float] = []
    start = time.perf_counter()
    summary = run([warc], job, local_executor(workers), f"local-{workers}",
                  lambda result: (results.append(result), stamps.append(time.perf_counter())))
    total = time.perf_counter() - start
    shards_s = max(stamps) - start
    cpu = sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for field in ("ru_utime", "ru_stime"))
    print(json.dumps({"shards": len(shards), "cpu_s": cpu, "articles": summary.articles, "plan_s": planned,
                      "shards_s": shards_s,
                      "corpus_s": total - shards_s,
                      "driver_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_mib": max(int(str(r.get("peak_mib", 0))) for r in results)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
