"""The corpus passes of a run (copies, stories, points, digests) over its shard files, never holding every record.

The shard stage writes, beside each shard's records, one row per report (`reports/shard-NNNNN.parquet`): what joining
copies needs (id, kind, URL key, day, source credit, length), the MinHash band keys and signature of its body text,
the hashes of its long sentences, and its clustering vector. The driver then
1. joins copies: candidate pairs are the reports that share a band key (the keys of every report, 14 integers each),
   checked against the signatures of those reports only; and excerpts with the reports they quote, by sentence hashes;
2. clusters the originals into stories from their vectors, read in date order one partition at a time, the stories
   out of reach shelved in an SQLite file (`clustered`);
3. copies each story's records from the shards into batch files of about BATCH records (one read of each shard), and
   builds the digests batch by batch, keeping of each story's records only the sentences its digest cites.
The outputs are those of `build_digests` over every record at once (tests/test_run.py).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from matome.language.tokens import Token
from matome.records import AnalyzedArticle, Digest, citable
from matome.stories.background import background
from matome.stories.cluster import DraftStory, Facts, Vector, cluster_vectors, date_order, report_vector
from matome.stories.digest import Failed, Group, guarded_digest, headline
from matome.stories.duplicates import (
    BANDS,
    CopyKey,
    band_keys,
    candidate_pairs,
    copy_key,
    copy_signature,
    excerpt_pairs,
    join_copies,
    near_copy,
    sentence_keys,
)
from matome.stories.reports import Report, reports_of

VERSION = 5  # of the report files: a shard done before them (or with another version) is done again
BATCH = 500  # records held at once while digests are built
PARTITION = 20_000  # reports whose vectors are held at once while stories are clustered
SCHEMA = pa.schema([("id", pa.string()), ("article", pa.string()), ("record", pa.int32()), ("kind", pa.string()),
                    ("url", pa.string()), ("day", pa.string()), ("credit", pa.bool_()), ("title", pa.string()),
                    ("outlet", pa.string()), ("lead", pa.string()), ("length", pa.int64()), ("vector", pa.string()),
                    ("bands", pa.list_(pa.int64())), ("signature", pa.binary()), ("sentences", pa.list_(pa.int64())),
                    ("named", pa.list_(pa.int64()))])
KEY_COLUMNS = ["id", "article", "record", "kind", "url", "day", "credit", "title", "outlet", "lead", "length", "named"]

Tokenize = Callable[[str], list[Token]]
Stage = Callable[[str, int], None]  # a step's name as it starts, and how many shards, reports or stories it takes
Location = tuple[int, int]  # (shard, row of its records file)


def report_table(records: list[AnalyzedArticle], tokenize: Tokenize) -> pa.Table:
    """One row per report of the shard's records (in their order): its copy key, band keys, signature and vector."""
    weights = background()
    rows = []
    for row, record in enumerate(records):
        for report in reports_of(record):
            key = copy_key(report)
            signature = copy_signature(report)
            rows.append({"id": key.id, "article": report.article, "record": row, "kind": key.kind, "url": key.url,
                         "day": key.day.isoformat() if key.day else None, "credit": key.has_source_credit,
                         "title": report.title, "outlet": report.outlet, "lead": key.lead, "length": key.length,
                         "vector": json.dumps(report_vector(report, tokenize, weights), ensure_ascii=False),
                         "bands": None if signature is None else band_keys(signature),
                         "signature": None if signature is None else signature.astype("<u8").tobytes(),
                         "sentences": sentence_keys(report), "named": sorted(report.named_days)})
    return pa.Table.from_pylist(rows, schema=SCHEMA)


@dataclass
class _Reports:
    """The small facts of every report of a run, in record order."""

    keys: list[CopyKey]
    where: list[Location]
    articles: list[str]
    titles: list[str | None]
    compared: dict[str, int]  # report id -> the report whose body text is compared (first place, last text)
    signed: list[bool]
    named: list[frozenset[int]]  # the days each undated report names (`Report.named_days`)


def _read_reports(paths: list[Path]) -> _Reports:
    found = _Reports([], [], [], [], {}, [], [])
    for shard, path in enumerate(paths):
        table = pq.read_table(path, columns=[*KEY_COLUMNS, "signature"])
        signed = table.column("signature").is_valid().to_pylist()
        columns = {name: table.column(name).to_pylist() for name in KEY_COLUMNS}
        del table
        for n in range(len(signed)):
            day = columns["day"][n]
            key = CopyKey(columns["id"][n], columns["kind"][n], columns["url"][n],
                          date.fromisoformat(day) if day else None, columns["credit"][n], columns["outlet"][n],
                          columns["lead"][n], columns["length"][n])
            if key.kind != "card":
                found.compared[key.id] = len(found.keys)
            found.keys.append(key)
            found.where.append((shard, columns["record"][n]))
            found.articles.append(columns["article"][n])
            found.titles.append(columns["title"][n])
            found.signed.append(bool(signed[n]))
            found.named.append(frozenset(columns["named"][n] or ()))
    return found


def _column_rows(paths: list[Path], column: str, wanted: list[int]) -> dict[int, Any]:
    """The values of one column of the report files at the reports `wanted` (indices in record order)."""
    offsets = np.cumsum([0, *(pq.ParquetFile(p).metadata.num_rows for p in paths)])
    values: dict[int, Any] = {}
    by_file: dict[int, list[int]] = {}
    for n in sorted(wanted):
        by_file.setdefault(int(np.searchsorted(offsets, n, side="right")) - 1, []).append(n)
    for file, ns in by_file.items():
        picked = pq.read_table(paths[file], columns=[column]).column(column).take(
            [n - int(offsets[file]) for n in ns]).to_pylist()
        values.update(zip(ns, picked, strict=True))
    return values


def copy_pairs(paths: list[Path], reports: _Reports) -> list[tuple[str, str]]:
    """Near-copy pairs (later id, earlier id) in order: candidates by band key, checked against their signatures;
    then excerpts with the reports they quote (`excerpt_pairs`, by the hashes of their sentences)."""
    compared = [n for n in reports.compared.values() if reports.signed[n]]
    bands = _column_rows(paths, "bands", compared)
    keys = np.array([bands[n] for n in compared], dtype=np.int64).reshape(len(compared), BANDS)
    del bands
    candidates = candidate_pairs(keys)
    needed = sorted({compared[i] for pair in candidates for i in pair})
    signatures = {n: np.frombuffer(raw, dtype="<u8").astype(np.uint64)
                  for n, raw in _column_rows(paths, "signature", needed).items()}
    pairs = [(reports.keys[compared[a]].id, reports.keys[compared[b]].id) for a, b in candidates
             if near_copy(signatures[compared[a]], signatures[compared[b]])]
    del signatures
    columns = [pq.read_table(path, columns=["sentences"]).column("sentences").combine_chunks() for path in paths]
    counts = np.concatenate([np.diff(c.offsets.to_numpy()) for c in columns]) if columns else np.zeros(0, np.int64)
    hashes = np.concatenate([c.flatten().to_numpy() for c in columns]) if columns else np.zeros(0, np.int64)
    return pairs + excerpt_pairs(reports.keys, counts.astype(np.int64), hashes.astype(np.int64))


def corpus_digests(out: Path, shards: int, tokenize: Tokenize, on_stage: Stage = lambda stage, total: None,
                   failed: Failed | None = None) -> Iterator[tuple[Digest, dict[str, str]]]:
    """Copies, stories and digests of the first `shards` shards of the run in `out`: each digest as it is made, with
    the text of every sentence and comment it cites (nothing of a story is kept once the next is made). `on_stage`
    hears each pass's name and size as it starts; a story whose digest fails is left out, its articles named to
    `failed`."""
    paths = [out / "reports" / f"shard-{n:05d}.parquet" for n in range(shards)]
    records = [out / "records" / f"shard-{n:05d}.parquet" for n in range(shards)]
    reports = _read_reports(paths)
    on_stage("copies", len(reports.keys))
    groups = join_copies(reports.keys, copy_pairs(paths, reports))
    originals = [g[0] for g in groups]
    on_stage("stories", len(originals))
    scratch = out / ".batches"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        facts = [(reports.keys[n].day, reports.keys[n].id, reports.keys[n].outlet, reports.named[n]) for n in originals]
        stories = [[groups[i] for i in story] for story in clustered(paths, originals, facts, scratch)]
        story_of = {reports.keys[n].id: s for s, story in enumerate(stories) for group in story for n in group}
        titles = [headline((reports.keys[g[0]].kind, reports.keys[g[0]].day, reports.titles[g[0]]) for g in story)
                  for story in stories]
        last = {}  # article id -> where its last record is (the one every digest uses)
        for n, article in enumerate(reports.articles):
            last[article] = reports.where[n]
        on_stage("digests", len(stories))
        for batch, loaded in _batches(stories, reports, last, records, scratch):
            for story in batch:
                members = _members(story)
                articles = {reports.articles[n]: loaded[last[reports.articles[n]]] for n in members}
                of_record: dict[Location, dict[str, Report]] = {}
                for n in members:
                    if reports.where[n] not in of_record:
                        of_record[reports.where[n]] = {r.id: r for r in reports_of(loaded[reports.where[n]])}
                found = {n: of_record[reports.where[n]][reports.keys[n].id] for n in members}
                digest = guarded_digest([Group(found[g[0]], tuple(found[n] for n in g[1:])) for g in story],
                                        articles, story_of, titles, tokenize, failed)
                if digest is None:
                    continue
                texts = citable(articles.values())
                yield digest, {k: texts[k] for k in _strings(digest.to_dict()) if k in texts}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def clustered(paths: list[Path], originals: list[int], facts: list[Facts], scratch: Path) -> list[list[int]]:
    """The reports at `originals` (rows of the report files `paths` taken as one table; `facts` holds each one's day,
    id, outlet and named days) clustered into stories of indices into `originals`. Their vectors are read one date
    partition of PARTITION reports at a time: one pass over the report files writes each partition's vectors to a
    file in `scratch`. The clustering holds only the stories a partition's reports may still join; the others wait in an
    SQLite file for the undated reports, so neither the vectors nor the stories of the whole run are in memory at
    once."""
    order = date_order(facts)
    partition_of = {originals[i]: position // PARTITION for position, i in enumerate(order)}
    offsets = np.cumsum([0, *(pq.ParquetFile(p).metadata.num_rows for p in paths)])
    for file, path in enumerate(paths):
        rows = [n for n in range(int(offsets[file]), int(offsets[file + 1])) if n in partition_of]
        if not rows:
            continue
        texts = pq.read_table(path, columns=["vector"]).column("vector").take(
            [n - int(offsets[file]) for n in rows]).to_pylist()
        lines: dict[int, list[str]] = {}
        for n, text in zip(rows, texts, strict=True):
            lines.setdefault(partition_of[n], []).append(f"{n}\t{text}\n")
        for partition, partition_lines in lines.items():
            with (scratch / f"vectors-{partition:06d}.tsv").open("a", encoding="utf-8") as handle:
                handle.writelines(partition_lines)
    del partition_of
    loaded: dict[int, str] = {}
    partitions = iter(range(len(order) // PARTITION + 1))

    def vector(i: int) -> Vector:
        while originals[i] not in loaded:  # asked in date order: the next partition holds it
            partition = next(partitions, None)
            if partition is None:
                raise RuntimeError(f"no vector for report {originals[i]} in any date partition of {scratch}")
            path = scratch / f"vectors-{partition:06d}.tsv"
            loaded.clear()
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    n, _, text = line.partition("\t")
                    loaded[int(n)] = text
            path.unlink()
        return dict(json.loads(loaded.pop(originals[i])))

    with closing(_ShelfFile(scratch / "shelf.sqlite")) as shelf:
        return cluster_vectors(facts, vector, background(), shelf)


class _ShelfFile:
    """Stories out of every dated report's reach, in an SQLite file, found by their anchors (`cluster.Shelf`)."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)
        try:
            self.db.executescript("CREATE TABLE story (number INTEGER PRIMARY KEY, state BLOB NOT NULL);"
                                  "CREATE TABLE anchor (term TEXT NOT NULL, number INTEGER NOT NULL);"
                                  "CREATE INDEX anchor_term ON anchor (term);"
                                  "CREATE INDEX anchor_story ON anchor (number);")
        except sqlite3.Error:
            self.db.close()
            raise

    def put(self, story: DraftStory) -> None:
        self.db.execute("INSERT INTO story VALUES (?, ?)", (story.number, story.state()))
        self.db.executemany("INSERT INTO anchor VALUES (?, ?)", [(a, story.number) for a in story.anchors])

    def take(self, anchors: list[str], members: list[list[int]]) -> list[DraftStory]:
        numbers: set[int] = set()
        for start in range(0, len(anchors), 500):  # SQLite's limit on parameters
            part = anchors[start:start + 500]
            numbers.update(n for (n,) in self.db.execute(
                f"SELECT number FROM anchor WHERE term IN ({','.join('?' * len(part))})", part))
        taken = []
        for number in sorted(numbers):
            (state,) = self.db.execute("SELECT state FROM story WHERE number = ?", (number,)).fetchone()
            taken.append(DraftStory.from_state(number, members[number], state))
            self.db.execute("DELETE FROM story WHERE number = ?", (number,))
            self.db.execute("DELETE FROM anchor WHERE number = ?", (number,))
        return taken

    def close(self) -> None:
        self.db.close()


def article_count(out: Path, shards: int) -> int:
    """How many analysed records the first `shards` shards of the run in `out` hold."""
    return sum(pq.ParquetFile(out / "records" / f"shard-{n:05d}.parquet").metadata.num_rows for n in range(shards))


def _members(story: list[list[int]]) -> list[int]:
    return [n for group in story for n in group]


def _batches(stories: list[list[list[int]]], reports: _Reports, last: dict[str, Location], records: list[Path],
             scratch: Path) -> Iterator[tuple[list[list[list[int]]], dict[Location, AnalyzedArticle]]]:
    """Stories in order, in batches of about BATCH records, each batch with its records: every shard is read once,
    its records copied to the batch files that need them."""
    batches: list[list[list[list[int]]]] = [[]]
    needs: list[set[Location]] = [set()]
    for story in stories:
        wanted = {reports.where[n] for n in _members(story)} | {last[reports.articles[n]] for n in _members(story)}
        if batches[-1] and len(needs[-1] | wanted) > BATCH:
            batches.append([])
            needs.append(set())
        batches[-1].append(story)
        needs[-1] |= wanted
    readers: dict[int, dict[int, list[int]]] = {}  # shard -> row -> the batches that need it
    for number, need in enumerate(needs):
        for shard, row in need:
            readers.setdefault(shard, {}).setdefault(row, []).append(number)
    del needs
    for shard, path in enumerate(records):
        rows = sorted(readers.get(shard, {}))
        if not rows:
            continue
        texts = pq.read_table(path, columns=["record"]).column("record").take(rows).to_pylist()
        lines: dict[int, list[str]] = {}
        for row, text in zip(rows, texts, strict=True):
            for number in readers[shard][row]:
                lines.setdefault(number, []).append(json.dumps([shard, row, text], ensure_ascii=False) + "\n")
        for number, batch_lines in lines.items():
            with (scratch / f"batch-{number:06d}.jsonl").open("a", encoding="utf-8") as handle:
                handle.writelines(batch_lines)
    del readers
    for number, batch in enumerate(batches):
        path = scratch / f"batch-{number:06d}.jsonl"
        loaded: dict[Location, AnalyzedArticle] = {}
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    shard, row, text = json.loads(line)
                    loaded[(shard, row)] = AnalyzedArticle.from_dict(json.loads(text))
            path.unlink()
        yield batch, loaded


def _strings(value: object) -> Iterator[str]:
    """Every string in a record's dict form: the ids a digest cites are among them."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
