"""The local executor: read, analyze, store and digest pages in this process, with progress and summaries; and
shards of a run mapped in this process or over a pool of worker processes."""

from __future__ import annotations

import fcntl
import json
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from matome.config import Config, ReadConfig
from matome.errors import MatomeError
from matome.fetch.collect import FetchRun, collect, load_list, save_list
from matome.fetch.http import FetchConfig
from matome.read import read_paths
from matome.records import AnalyzedArticle, Article, ReadFailure, citable
from matome.render.write import write_digests
from matome.run.pipeline import Done, Executor, Shard, ShardTask
from matome.run.stages import Stages
from matome.store import Store
from matome.stories.digest import build_digests


@dataclass
class IngestSummary:
    """What one ingest did: counts by outcome and the failures with their reasons."""

    read: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[ReadFailure] = field(default_factory=list)
    unanalysed: list[ReadFailure] = field(default_factory=list)  # stored as read: a later stage failed on them

    def lines(self) -> list[str]:
        skipped = Counter(f.code for f in self.failures)
        reasons = ", ".join(f"{code} {n}" for code, n in sorted(skipped.items()))
        duplicates = self.outcomes["duplicate"]  # the same record again from another line or file: not an update
        counts = (f"read {self.read}, stored {self.outcomes['stored']}, updated {self.outcomes['updated']}, "
                  f"unchanged {self.outcomes['unchanged']}{f', duplicate {duplicates}' if duplicates else ''}, "
                  f"skipped {len(self.failures)}")
        lines = [counts + (f" ({reasons})" if reasons else "")]
        if self.unanalysed:
            stages = Counter(f.code for f in self.unanalysed)
            lines.append(f"stored without analysis {len(self.unanalysed)} ("
                         + ", ".join(f"{code} {n}" for code, n in sorted(stages.items())) + ")")
        return lines


def ingest(paths: Iterable[str | Path], store: Store, config: ReadConfig = ReadConfig(),
           on_item: Callable[[Article | ReadFailure], None] | None = None,
           stages: Callable[[Article], Article | ReadFailure] | None = None) -> IngestSummary:
    """Read (and analyze) every page under `paths` into `store`; each article is committed as soon as it is read.
    An article a later stage fails on is stored as read, and its failure is reported (nothing is lost)."""
    summary = IngestSummary()
    for item in read_paths(paths, config):
        reported: Article | ReadFailure = item
        if isinstance(item, ReadFailure):
            summary.failures.append(item)
            store.note_failure(item)
        else:
            summary.read += 1
            result = stages(item) if stages else item
            if isinstance(result, ReadFailure):
                summary.unanalysed.append(result)
                reported, result = result, item  # the failure is reported; the article is stored as read
            summary.outcomes[store.put(result)] += 1
        if on_item:
            on_item(reported)  # once a record, as digest() does
    return summary


@dataclass
class DigestRun:
    """What one `matome digest` did."""

    index: Path
    stories: int
    articles: int
    failures: list[ReadFailure] = field(default_factory=list)
    rejects: Path | None = None  # every failure, one JSON object a line


def digest(inputs: Iterable[str | Path], out: Path, config: ReadConfig = ReadConfig(),
           on_item: Callable[[Article | ReadFailure], None] | None = None,
           on_stage: Callable[[str], None] = lambda stage: None) -> DigestRun:
    """Read (or load from a store), analyze, group into stories and write every digest under `out`."""
    stages = Stages(timeout=config.page_timeout)
    articles: list[AnalyzedArticle] = []
    failures: list[ReadFailure] = []
    for item in _articles(inputs, config):
        result = stages(item) if isinstance(item, Article) else item
        if on_item:
            on_item(result if isinstance(result, ReadFailure) else item)
        if isinstance(result, ReadFailure):
            failures.append(result)
        elif isinstance(result, AnalyzedArticle):
            articles.append(result)
    on_stage("grouping into stories")
    digests = build_digests(articles, stages.tokenize, failures.append)
    on_stage("writing digests")
    sentences = citable(articles)
    index = write_digests(digests, sentences, out, len(articles)).index
    rejects = out / "rejects.jsonl"
    rejects.write_text("".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in failures),
                       encoding="utf-8")
    return DigestRun(index, len(digests), len(articles), failures, rejects)


def _is_store(path: Path) -> bool:
    """An SQLite file, told by its first 16 bytes (the rest is not read)."""
    if not path.is_file():  # a FIFO or a device would block or never end
        return False
    try:
        with path.open("rb") as head:
            return head.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False  # the reader names what it cannot open


def _articles(inputs: Iterable[str | Path], config: ReadConfig) -> Iterable[Article | ReadFailure]:
    """Pages from files and directories; stored records from an SQLite store given as an input."""
    pages: list[str | Path] = []
    for path in map(Path, inputs):
        if _is_store(path):
            with Store(path) as store:
                yield from store.articles()
        else:
            pages.append(path)
    if pages:
        yield from read_paths(pages, config)


def local_executor(workers: int = 1) -> Executor:
    """Shards in this process, or over `workers` processes (spawned: each loads the models once)."""
    def execute(task: ShardTask, shards: list[Shard], done: Done) -> list[dict[str, Any]]:
        results = []
        if workers <= 1:
            for shard in shards:
                results.append(task(shard))
                done(results[-1])
            return results
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            for future in as_completed([pool.submit(task, shard) for shard in shards]):
                results.append(future.result())
                done(results[-1])
        return results

    return execute


@dataclass
class UpdateRun:
    """What one `matome update` did."""

    fetched: FetchRun
    stored: IngestSummary | None
    stories: int
    rewritten: tuple[str, ...]
    index: Path


def update(config: Config, on_failure: Callable[[ReadFailure], None] = lambda failure: None) -> UpdateRun:
    """Fetch every configured source, ingest and analyse what is new, rebuild the digests that changed."""
    settings = config.update
    sources = settings.sources
    fetch = FetchConfig(delay=settings.delay, timeout=settings.timeout, max_bytes=config.read.max_page_bytes,
                        host_delays=tuple((urlsplit(s.feed or s.sitemap or s.url).netloc, s.delay)
                                          for s in sources if s.delay))
    stages = Stages(timeout=config.read.page_timeout)
    with locked(config.db):
        with Store(config.db) as store:
            fetched, stored = fetch_and_ingest(Path(settings.archive), Fetching(
                [s.url for s in sources if s.url], [s.feed for s in sources if s.feed],
                [s.sitemap for s in sources if s.sitemap], fetch), store, config.read, stages, on_failure)
            out = Path(settings.out)
            if _written_after(out / "stories.json", store.last_change()):
                stories = json.loads((out / "stories.json").read_text(encoding="utf-8"))  # nothing new: as written
                return UpdateRun(fetched, stored, len(stories), (), out / "index.html")
            articles = [a for a in store.articles() if isinstance(a, AnalyzedArticle)]
        digests = build_digests(articles, stages.tokenize, on_failure)
        sentences = citable(articles)
        written = write_digests(digests, sentences, out, len(articles))
    return UpdateRun(fetched, stored, len(digests), written.rewritten, written.index)


INGESTED = ".ingested.json"  # the archive's WARC files already in the store


def _written_after(path: Path, change: datetime | None) -> bool:
    """Whether `path` was written after the store's last change (not so after a run killed before its digests)."""
    return path.exists() and change is not None and (
        datetime.fromtimestamp(path.stat().st_mtime, UTC) > change + timedelta(seconds=1))  # changed_at: whole seconds


@dataclass(frozen=True, slots=True)
class Fetching:
    """What to fetch, and how politely."""

    urls: Sequence[str] = ()
    feeds: Sequence[str] = ()
    sitemaps: Sequence[str] = ()
    config: FetchConfig = FetchConfig()


def fetch_and_ingest(archive: Path, fetching: Fetching, store: Store, config: ReadConfig, stages: Stages,
                     on_failure: Callable[[ReadFailure], None]) -> tuple[FetchRun, IngestSummary | None]:
    """Fetch into `archive`, then ingest every WARC file of it that no run has ingested yet (a killed run's too),
    and note them as ingested: what `matome fetch` and `matome update` share."""
    fetched = collect(archive, fetching.urls, fetching.feeds, fetching.sitemaps, fetching.config, on_failure)
    ingested, problem = load_list(archive / INGESTED, "so every WARC file of the archive is read again")
    if problem is not None:
        on_failure(problem)
    done = set(ingested)
    waiting = sorted(p for p in archive.glob("*.warc.gz") if p.name not in done)
    if not waiting:
        return fetched, None
    stored = ingest(waiting, store, config, lambda item: on_failure(item) if isinstance(item, ReadFailure) else None,
                    stages)
    save_list(archive / INGESTED, sorted(done | {p.name for p in waiting}))
    return fetched, stored


@contextmanager
def locked(db: str | Path) -> Iterator[None]:
    """A lock file beside the store keeps a second fetch or update off the same store."""
    path = Path(f"{db}.lock")
    try:
        handle = path.open("a")
    except OSError as error:
        raise MatomeError(f"cannot open {path}: {error.strerror}", code="store-unwritable",
                          remedy="give a --db in a directory that exists and you may write to") from error
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise MatomeError(f"another matome fetch or update holds {path}", code="store-locked",
                              remedy="wait for it to finish (a lock left by a killed run is released with it)") \
                from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
