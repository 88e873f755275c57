"""A run over a corpus: shards of input files through the record stages, then the corpus passes, on any executor.

Small files are grouped, `shard_files` to a shard; a large JSON Lines or WARC file is cut into pieces (run/pieces.py)
of `shard_records` lines or `shard_bytes` bytes, one shard each, so workers share even a single big file. Each shard's
analysed records go to one Parquet file (`records/shard-NNNNN.parquet`: id, url, published, kind and the whole record
as JSON), what the corpus passes need of each of its reports to `reports/shard-NNNNN.parquet` (run/corpus.py: copy keys,
MinHash band keys and signatures, clustering vectors) and its failures to `rejects/shard-NNNNN.jsonl`; a marker with
the shard's counts (`records/shard-NNNNN.done`, naming each file with its byte range, size and modification time) is
written last, so a re-run skips the shards already finished over the same pieces of unchanged files. The corpus passes
(copies, stories, points, digests) then run in the driver from the report files, loading records only story batch by
story batch. Executors (run/local.py, run/dask.py) only map `run_shard` over the shards; nothing here knows which one
runs it.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from matome.config import ReadConfig
from matome.files import write_atomic
from matome.language.tokens import Tokenizer
from matome.read import listed_files, read_one
from matome.records import AnalyzedArticle, ReadFailure
from matome.render.write import DigestWriter
from matome.run.corpus import VERSION, Stage, article_count, corpus_digests, report_table
from matome.run.pieces import Piece, piece_pages, split
from matome.run.stages import Stages

SHARD_FILES = 64  # small input files per shard
SHARD_RECORDS = 1000  # JSON Lines records per shard: a longer file is cut into pieces
SHARD_BYTES = 16 << 20  # bytes per shard of a large WARC or JSON Lines file
SCHEMA = pa.schema([("id", pa.string()), ("url", pa.string()), ("published", pa.string()), ("kind", pa.string()),
                    ("record", pa.string())])


@dataclass(frozen=True, slots=True)
class Shard:
    number: int
    pieces: tuple[Piece, ...]  # whole files, or one piece of a large file


@dataclass(frozen=True, slots=True)
class Job:
    """What every shard of one run shares: where outputs go and how pages are read and analysed."""

    out: str
    config: ReadConfig = ReadConfig()
    syntax: bool = True
    shard_files: int = SHARD_FILES
    shard_records: int = SHARD_RECORDS
    shard_bytes: int = SHARD_BYTES


ShardTask = Callable[[Shard], dict[str, Any]]
Done = Callable[[dict[str, Any]], None]
Executor = Callable[[ShardTask, list[Shard], Done], list[dict[str, Any]]]  # results in any order


def plan(inputs: list[str | Path], job: Job) -> list[Shard]:
    """The input files in shards, in a stable order: small files `shard_files` to a shard, each piece of a large one a
    shard of its own."""
    groups: list[list[Piece]] = [[]]
    for path, explicit in listed_files(inputs):
        pieces = split(path, explicit, job.config, job.shard_records, job.shard_bytes)
        if len(pieces) > 1:
            groups.extend([piece] for piece in pieces)
            groups.append([])
        else:
            if len(groups[-1]) >= job.shard_files:
                groups.append([])
            groups[-1].extend(pieces)
    return [Shard(n, tuple(group)) for n, group in enumerate(g for g in groups if g)]


_LOADED = threading.local()  # one set of models per worker thread (Sudachi's tokenizer is not thread-safe)


def run_shard(shard: Shard, job: Job) -> dict[str, Any]:
    """Read and analyse one shard into its Parquet file and rejects; its counts (read back when already done)."""
    records_dir, rejects_dir, reports_dir = (Path(job.out) / name for name in ("records", "rejects", "reports"))
    marker = records_dir / f"shard-{shard.number:05d}.done"
    inputs = [[p.path, p.explicit, p.start, p.end, p.line, *_stamp(p.path)] for p in shard.pieces]
    outputs = [records_dir / f"shard-{shard.number:05d}.parquet", reports_dir / f"shard-{shard.number:05d}.parquet",
               rejects_dir / f"shard-{shard.number:05d}.jsonl"]
    if marker.exists() and all(path.exists() for path in outputs):
        done = json.loads(marker.read_text(encoding="utf-8"))
        if done.get("inputs") == inputs and done.get("syntax") == job.syntax and done.get("reports") == VERSION:
            return dict(done, skipped=True)  # the same files, unchanged since: nothing to redo
    loaded: dict[bool, Stages] = _LOADED.__dict__.setdefault("stages", {})
    if job.syntax not in loaded:
        loaded[job.syntax] = Stages(syntax=job.syntax, timeout=job.config.page_timeout)
    stages = loaded[job.syntax]
    stages.timeout = job.config.page_timeout  # the models are shared between jobs of one process; the budget is not
    records: list[AnalyzedArticle] = []
    failures: list[ReadFailure] = []
    for piece in shard.pieces:
        for page in piece_pages(piece, job.config):
            item = page if isinstance(page, ReadFailure) else read_one(page, job.config)
            result = item if isinstance(item, ReadFailure) else stages(item)
            if isinstance(result, ReadFailure):
                failures.append(result)
            else:
                records.append(result)
    for folder in (records_dir, rejects_dir, reports_dir):
        folder.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([{"id": r.id, "url": r.url, "published": r.published, "kind": r.kind,
                                   "record": json.dumps(r.to_dict(), ensure_ascii=False)} for r in records],
                                 schema=SCHEMA)
    write_atomic(outputs[0], lambda path: pq.write_table(table, path))
    reports = report_table(records, stages.tokenize)  # what the corpus passes need of each report
    write_atomic(outputs[1], lambda path: pq.write_table(reports, path))
    write_atomic(rejects_dir / f"shard-{shard.number:05d}.jsonl", lambda path: path.write_text(
        "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in failures), encoding="utf-8"))
    counts = {"shard": shard.number, "articles": len(records), "inputs": inputs, "syntax": job.syntax,
              "reports": VERSION,
              "failures": dict(Counter(f"{f.stage}:{f.code}" for f in failures)),
              "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}  # the worker's, so far
    write_atomic(marker, lambda path: path.write_text(json.dumps(counts), encoding="utf-8"))
    return counts


def _stamp(path: str) -> list[int]:
    """Size and modification time: a shard whose files changed is done again."""
    try:
        stat = os.stat(path)
    except OSError:
        return [-1, -1]
    return [stat.st_size, stat.st_mtime_ns]


def stored_records(out: Path, shards: int | None = None) -> Iterator[AnalyzedArticle]:
    """Every analysed record of a run's shards (the first `shards` of them), in shard order."""
    for path in sorted((out / "records").glob("shard-*.parquet"))[:shards]:
        for row in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            yield AnalyzedArticle.from_dict(json.loads(row))


@dataclass
class RunSummary:
    shards: int
    skipped: int
    articles: int
    failures: dict[str, int]
    stories: int
    index: Path
    rejects: Path


def run(inputs: list[str | Path], job: Job, executor: Executor, executor_name: str,
        on_shard: Done = lambda result: None, on_stage: Stage = lambda stage, total: None) -> RunSummary:
    """Every shard through the stages on `executor`, then the corpus passes in this process, with `run.json`.
    `on_stage` hears each step's name and size as it starts (the shards, then the corpus passes')."""
    out = Path(job.out)
    out.mkdir(parents=True, exist_ok=True)
    shards = plan(inputs, job)
    on_stage("shards", len(shards))
    results = executor(partial(run_shard, job=job), shards, on_shard) if shards else []
    failures: Counter[str] = Counter()
    for result in results:
        failures.update(result["failures"])
    for folder, suffixes in (("records", (".parquet", ".done")), ("rejects", (".jsonl",)),
                             ("reports", (".parquet",))):
        for stale in (out / folder).glob("shard-*"):  # shards of an earlier, larger plan
            if stale.suffix in suffixes and int(stale.name.split("-")[1].split(".")[0]) >= len(shards):
                stale.unlink()
    writer = DigestWriter(out / "digests")
    unwritten: list[ReadFailure] = []  # the articles of stories whose digest failed
    for digest, cited in corpus_digests(out, len(shards), Tokenizer(), on_stage, unwritten.append):
        writer.add(digest, cited)
    failures.update(f"{f.stage}:{f.code}" for f in unwritten)
    articles = article_count(out, len(shards))
    index = writer.finish(articles).index
    rejects = out / "rejects.jsonl"
    rejects.write_text("".join(p.read_text(encoding="utf-8") for p in sorted((out / "rejects").glob("*.jsonl")))
                       + "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in unwritten),
                       encoding="utf-8")
    summary = RunSummary(len(shards), sum(1 for r in results if r.get("skipped")), articles,
                         dict(sorted(failures.items())), len(writer.listed), index, rejects)
    manifest = {"executor": executor_name, "config": asdict(job.config), "syntax": job.syntax,
                "sharding": {"files": job.shard_files, "records": job.shard_records, "bytes": job.shard_bytes},
                "inputs": [str(i) for i in inputs], "shards": summary.shards, "shards_skipped": summary.skipped,
                "articles": summary.articles, "stories": summary.stories, "failures_by_stage_and_code": failures,
                "versions": {"matome": version("matome"), "python": platform.python_version(),
                             **{name: version(name) for name in ("trafilatura", "sudachipy", "ginza", "pyarrow")}}}
    (out / "run.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary
