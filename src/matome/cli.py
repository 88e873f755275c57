"""The command line: thin Typer commands over library functions; JSON Lines on stdout, messages on stderr."""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from matome.config import (
    FEED_SUFFIXES,
    FETCH_DELAY,
    FETCH_TIMEOUT,
    JSONL_SUFFIXES,
    PAGE_SUFFIXES,
    WARC_SUFFIXES,
    Config,
    load_config,
)
from matome.errors import MatomeError
from matome.records import AnalyzedArticle, Article, ReadFailure
from matome.text.normalize import replace_surrogates

# Stages load where a command needs them, so `matome --help` and `matome show` start fast.

FLAGS = {"abusive", "speculation", "off_topic", "constructive"}
app = typer.Typer(help="matome: read Japanese news pages and turn them into sourced digests.", no_args_is_help=True,
                  add_completion=False)
err = Console(stderr=True, highlight=False)

PathsArg = Annotated[list[Path], typer.Argument(help="Files or directories: HTML, text, JSON Lines, RSS/Atom, WARC.")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="A TOML file of settings (see docs/records.md).")]
DbOpt = Annotated[Path | None, typer.Option("--db", help="The SQLite store [default: ./matome.db].")]


P = ParamSpec("P")
R = TypeVar("R")


WARNED_REJECTS = 20  # a run names this many failures on the terminal; rejects.jsonl lists them all
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ACCEPTED = " ".join((*PAGE_SUFFIXES, *JSONL_SUFFIXES, *FEED_SUFFIXES, *WARC_SUFFIXES))


def _inputs(paths: list[Path], store: bool = False) -> None:
    """Every input exists, is not a URL, and a directory holds something to read; else a one-line error (exit 2)."""
    from matome.read import list_files

    for path in paths:
        text = str(path)
        if "://" in text or text.startswith(("http:/", "https:/")):
            url = text if "://" in text else text.replace(":/", "://", 1)  # a Path keeps one slash of two
            raise MatomeError(f"{url} is a URL; inputs are files and directories", code="url-input",
                              remedy="`matome fetch URL` downloads it into an archive and ingests it")
        if not path.exists():
            raise MatomeError(f"{text} does not exist", code="no-input",
                              remedy=f"give files or directories of pages ({ACCEPTED}){' or a store' if store else ''}")
        if path.is_dir() and not any(f.is_file() for f in list_files([path])):
            raise MatomeError(f"{text} holds no files to read", code="no-input", remedy=f"accepted: {ACCEPTED}")


def _records_in(files: list[Path]) -> int | None:
    """How many records the files hold, for a progress total: a JSON Lines file's lines are counted (fast, in
    chunks); a page is one; a WARC or feed is not known before it is read (None)."""
    total = 0
    for path in files:
        name = path.name.lower()
        if not path.is_file():  # a pipe would block; the reader names it
            total += 1
        elif name.endswith(JSONL_SUFFIXES):
            try:
                with path.open("rb") as lines:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: lines.read(1 << 20), b""))
            except OSError:
                total += 1
        elif name.endswith((*WARC_SUFFIXES, *FEED_SUFFIXES)):
            return None
        else:
            total += 1
    return total


def _out_dir(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise MatomeError(f"{path} is a file, not a directory", code="bad-out", remedy="give a directory for --out")


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Library errors become one line on stderr with a remedy, and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except MatomeError as error:
            remedy = f" — {error.remedy}" if error.remedy else ""
            err.print(_printable(f"error: {error} ({error.code}){remedy}"), markup=False, soft_wrap=True)
            raise typer.Exit(2) from error

    return wrapper


class Format(StrEnum):
    json = "json"
    text = "text"


FormatOpt = Annotated[Format, typer.Option("--format", help="json: one JSON object per line; text: for people.")]


def _config(path: Path | None, db: Path | None = None) -> Config:
    try:
        return load_config(path, db=str(db) if db else None)
    except (OSError, ValueError) as error:
        err.print(f"error: cannot use the config file {path}: {error}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from error


def _warn(failure: ReadFailure) -> None:
    err.print(f"[yellow]warning[/]: {escape(_printable(failure.describe()))}", markup=True, soft_wrap=True)


def _existing_store(db: str | Path) -> Path:
    """The store the command reads, or a one-line error when there is none yet."""
    if not Path(db).exists():
        raise MatomeError(f"no store at {db}", code="no-store", remedy="run `matome ingest PATH` first")
    return Path(db)


def _warn_rejects(rejects: Path) -> None:
    """A warning naming each record a run could not handle (the first WARNED_REJECTS; the rest are counted)."""
    with rejects.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n < WARNED_REJECTS:
                _warn(ReadFailure.from_dict(json.loads(line)))
            else:
                more = 1 + sum(1 for _ in lines)
                err.print(f"and {more} more in {rejects}", markup=False, soft_wrap=True)
                break


def _printable(text: str) -> str:
    """Text for a terminal: control characters (an escape sequence in a title or a file name) shown, not obeyed;
    half characters (from a file name that is not UTF-8) shown as U+FFFD."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", replace_surrogates(text))


def _print_analysis(article: AnalyzedArticle, lines: list[str]) -> None:
    from matome.language.statements import by_speaker

    for speaker, said in by_speaker(article.statements):
        lines.append(f"  [said] {speaker}")
        for statement in said:
            via = f" (via {statement.reported_by})" if statement.reported_by else ""
            quote = f"「{statement.content}」" if statement.direct else statement.content
            lines.append(f"      {statement.cue}{via}: {quote}")
    lines.extend(f"  [check] {c.code}: {c.message}" for c in article.checks)
    lines.append(f"  {len(article.sentences)} sentences, {len(article.entities)} entities")


def _print_article(article: Article, fmt: Format) -> None:
    if fmt is Format.json:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        return
    lines = [f"# {article.title or '(no title)'}", f"id {article.id}  kind {article.kind}  published "
             f"{article.published or '-'}  from {article.origin.label()}"]
    if article.lead:
        lines.append(article.lead)
    for card in article.source_cards:
        lines.append(f"  [card] {card.title} ({card.outlet or '-'}, {card.published or '-'}) {card.url or ''}")
        lines.extend(f"    ✅ {bullet}" for bullet in card.summary)
    lines.extend(f"  💡 {c}" for c in article.conclusion)
    lines.append(f"  {len(article.body)} characters of body, {len(article.comments)} comments, "
                 f"{len(article.references)} references, {len(article.warnings)} warnings")
    if isinstance(article, AnalyzedArticle):
        _print_analysis(article, lines)
    sys.stdout.write(_printable("\n".join(lines)) + "\n\n")


def _each_article(paths: list[Path], config: Path | None, emit: Callable[[Article], None]) -> None:
    """Read pages, warn about each failure on stderr, emit every article; exit 1 when none could be read."""
    from matome.read import read_paths

    settings = _config(config)
    _inputs(paths)
    read_any = False
    for item in read_paths(paths, settings.read):
        if isinstance(item, ReadFailure):
            _warn(item)
        else:
            read_any = True
            emit(item)
    if not read_any:
        raise typer.Exit(1)


@app.command()
@friendly
def read(paths: PathsArg, fmt: FormatOpt = Format.json, config: ConfigOpt = None) -> None:
    """Read pages and print one article record per page (SPEC §3.1)."""
    _each_article(paths, config, lambda article: _print_article(article, fmt))


@app.command()
@friendly
def analyze(paths: PathsArg, fmt: FormatOpt = Format.json, config: ConfigOpt = None) -> None:
    """Read pages and add the language layer: sentences, entities, statements (who said what) and checks."""
    from matome.run.stages import Stages

    stages = Stages()

    def emit(article: Article) -> None:
        result = stages(article)
        if isinstance(result, ReadFailure):
            _warn(result)
        else:
            _print_article(result, fmt)

    _each_article(paths, config, emit)


def _print_thread(article: Article, fmt: Format, hide: set[str]) -> None:
    if fmt is Format.json:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        return
    lines = [f"# {article.title or '(no title)'}  ({len(article.comments)} comments)"]
    for comment in article.comments:
        flags = {f.flag for f in comment.flags}
        marks = " ".join(f"[{f.flag} {f.score:.2f}: {', '.join(f.evidence)}]" for f in comment.flags)
        reply = f" → {comment.reply_to}" if comment.reply_to else ""
        text = f"(folded: {', '.join(sorted(flags & hide))})" if flags & hide else comment.text.replace("\n", " / ")
        lines.append(f"{comment.id}{reply}: {text} {marks}".rstrip())
    if article.comment_digest:
        lines.append("")
        lines.extend(f"  {line}" for line in article.comment_digest.summary)
        lines.extend(f"  {stance.text}" for stance in article.comment_digest.stances)
        lines.append("  " + ", ".join(f"{k} {v}" for k, v in article.comment_digest.counts))
    sys.stdout.write(_printable("\n".join(lines)) + "\n\n")


@app.command()
@friendly
def comments(paths: PathsArg, fmt: FormatOpt = Format.json, config: ConfigOpt = None,
             hide: Annotated[list[str] | None, typer.Option("--hide", help="Fold comments with this flag "
                                                            "(abusive, speculation, off_topic, constructive).")]
             = None) -> None:
    """Print each page's reader thread with flags (abusive, speculation, off_topic, constructive) and its digest."""
    from matome.comments.digest import read_comments
    from matome.language.tokens import Tokenizer

    tokenize = Tokenizer()
    hidden = set(hide or [])
    unknown = hidden - FLAGS
    if unknown:
        raise typer.BadParameter(f"unknown flag {', '.join(sorted(unknown))}; choose from {', '.join(sorted(FLAGS))}")

    def emit(article: Article) -> None:
        thread = read_comments(article, tokenize)
        if hidden and fmt is Format.json:
            kept = tuple(c for c in thread.comments if not {f.flag for f in c.flags} & hidden)
            thread = replace(thread, comments=kept)
        _print_thread(thread, fmt, hidden)

    _each_article(paths, config, emit)


@app.command()
@friendly
def ingest(paths: PathsArg, db: DbOpt = None, config: ConfigOpt = None,
           with_analysis: Annotated[bool, typer.Option("--analyze/--no-analyze",
                                                       help="Store the language layer too.")] = True) -> None:
    """Read pages into the SQLite store: idempotent, a failing file is reported and skipped."""
    from matome.read import list_files
    from matome.run.local import ingest as ingest_paths
    from matome.run.stages import Stages
    from matome.store import Store

    settings = _config(config, db)
    _inputs(paths)
    records = _records_in(list_files(paths))
    with Store(settings.db) as store, Progress(TextColumn("reading records"), BarColumn(), MofNCompleteColumn(),
                                              TimeRemainingColumn(), console=err, transient=True) as progress:
        task = progress.add_task("read", total=records)

        def advance(item: Article | ReadFailure) -> None:
            if isinstance(item, ReadFailure):
                _warn(item)
            progress.advance(task)

        summary = ingest_paths(paths, store, settings.read, advance,
                               Stages(timeout=settings.read.page_timeout) if with_analysis else None)
        total = store.count()
    for line in summary.lines():
        err.print(line)
    err.print(f"{total} articles in {settings.db}")


@app.command()
@friendly
def digest(inputs: Annotated[list[Path], typer.Argument(help="Files, directories, or a matome SQLite store.")],
           out: Annotated[Path, typer.Option("--out", help="Directory for the digests.")] = Path("digests"),
           config: ConfigOpt = None) -> None:
    """Group articles into stories and write a checkable digest of each: Markdown, HTML and JSON, plus index.html."""
    from matome.run.local import digest as digest_paths

    settings = _config(config)
    _inputs(inputs, store=True)
    _out_dir(out)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                  transient=True) as progress:
        task = progress.add_task("reading and analysing", total=None)

        def advance(item: Article | ReadFailure) -> None:
            if isinstance(item, ReadFailure):
                _warn(item)
            progress.advance(task)

        run = digest_paths(inputs, out, settings.read, advance,
                           lambda stage: progress.update(task, description=stage))
    err.print(f"{run.stories} stories from {run.articles} articles, {len(run.failures)} skipped"
              + (f" (listed in {run.rejects})" if run.failures else ""))
    print(run.index)


@app.command()
@friendly
def fetch(urls: Annotated[list[str] | None, typer.Argument(help="Article URLs to fetch.")] = None,
          feed: Annotated[list[str] | None, typer.Option("--feed", help="An RSS/Atom feed whose articles to fetch "
                                                         "(repeatable).")] = None,
          sitemap: Annotated[list[str] | None, typer.Option("--sitemap", help="An XML sitemap or sitemap index "
                                                            "(news sitemaps too; repeatable).")] = None,
          archive: Annotated[Path, typer.Option("--archive", help="Directory for the WARC files and the "
                                                "conditional-GET state.")] = Path("archive"),
          db: DbOpt = None,
          delay: Annotated[float | None, typer.Option("--delay", min=0, help="Seconds between two requests to one "
                                                      f"host (default: the config's update.delay, else "
                                                      f"{FETCH_DELAY:g})")] = None,
          timeout: Annotated[float | None, typer.Option("--timeout", min=0.1, help="Seconds to wait for a response "
                                                        f"(default: the config's update.timeout, else "
                                                        f"{FETCH_TIMEOUT:g})")] = None,
          config: ConfigOpt = None) -> None:
    """Fetch pages, feeds and sitemaps into a WARC archive (robots.txt honoured, one request at a time per host), then
    ingest what is new into the store. `matome ingest ARCHIVE` repeats it offline."""
    from matome.fetch.http import FetchConfig
    from matome.run.local import Fetching, fetch_and_ingest, locked
    from matome.run.stages import Stages
    from matome.store import Store

    if not (urls or feed or sitemap):
        raise typer.BadParameter("give article URLs, --feed URL or --sitemap URL")
    settings = _config(config, db)
    fetching = Fetching(urls or [], feed or [], sitemap or [], FetchConfig(
        delay=settings.update.delay if delay is None else delay,
        timeout=settings.update.timeout if timeout is None else timeout, max_bytes=settings.read.max_page_bytes))
    with locked(settings.db), Store(settings.db) as store:
        fetched, summary = fetch_and_ingest(archive, fetching, store, settings.read,
                                            Stages(timeout=settings.read.page_timeout), _warn)
        total = store.count()
    err.print(fetched.line(), markup=False, soft_wrap=True)
    if summary is not None:
        for line in summary.lines():
            err.print(line, markup=False)
        err.print(f"{total} articles in {settings.db}", markup=False)
    if not (fetched.fetched or fetched.unchanged or fetched.known) and fetched.failures:
        raise typer.Exit(1)


@app.command()
@friendly
def update(config: Annotated[Path, typer.Option("--config", help="A TOML file with [[update.sources]] (see the "
                                                "README, \"Follow your own news\").")] = Path("matome.toml"),
           db: DbOpt = None) -> None:
    """Fetch the configured feeds, sitemaps and pages, ingest what is new and rebuild the digests that changed.
    Safe from cron: one run at a time per store; exit 1 when nothing could be fetched."""
    from matome.run.local import update as update_sources

    settings = _config(config, db)
    if not settings.update.sources:
        raise MatomeError(f"{config} lists no sources", code="no-sources",
                          remedy="add [[update.sources]] tables with feed, sitemap or url")
    done = update_sources(settings, _warn)
    err.print(done.fetched.line(), markup=False, soft_wrap=True)
    if done.stored:
        for line in done.stored.lines():
            err.print(line, markup=False)
    err.print(f"{done.stories} stories, {len(done.rewritten)} rebuilt: "
              + (", ".join(done.rewritten) if done.rewritten else "none"), markup=False, soft_wrap=True)
    print(done.index)
    reached = done.fetched.fetched + done.fetched.unchanged + done.fetched.known
    if not reached and done.fetched.failures:
        raise typer.Exit(1)


class ExecutorName(StrEnum):
    local = "local"
    dask = "dask"


_PASSES = {"copies": "joining copies of reports", "stories": "grouping reports into stories",
           "digests": "writing the digests of stories"}


@app.command("run")
@friendly
def run_corpus(inputs: PathsArg,
               out: Annotated[Path, typer.Option("--out", help="Directory for records, digests and run.json.")]
               = Path("matome-run"),
               executor: Annotated[ExecutorName, typer.Option("--executor", help="local: this machine's processes; "
                                                              "dask: dask.distributed workers.")]
               = ExecutorName.local,
               workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
               scheduler: Annotated[str | None, typer.Option("--scheduler", help="A running Dask scheduler's "
                                                             "address (with --executor dask).")] = None,
               shard_files: Annotated[int, typer.Option("--shard-files", min=1, help="Small input files per shard.")]
               = 64,
               shard_records: Annotated[int, typer.Option("--shard-records", min=1, help="JSON Lines records per "
                                                          "shard: a longer file is split.")] = 1000,
               shard_bytes: Annotated[int, typer.Option("--shard-bytes", min=1, help="Bytes per shard of a large "
                                                        "WARC or JSON Lines file: a larger one is split.")]
               = 16 << 20,
               config: ConfigOpt = None) -> None:
    """Run a corpus in shards: analysed records as Parquet, then stories and digests, with run.json and rejects.

    A large JSON Lines or WARC file is split into several shards, so workers share it; a re-run into the same --out
    skips the shards already finished."""
    from matome.run.pipeline import Job, run

    settings = _config(config)
    _inputs(inputs)
    _out_dir(out)
    if executor is ExecutorName.dask:
        from matome.run.dask import dask_executor

        chosen = dask_executor(workers, scheduler)
    else:
        from matome.run.local import local_executor

        chosen = local_executor(workers)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("shards", total=None)

        def stage(name: str, total: int) -> None:  # the shards with a bar; then each corpus pass by name and size
            if name == "shards":
                progress.update(task, total=total)
            else:
                progress.update(task, description=f"{_PASSES[name]} ({total:,})", total=None, completed=0)

        job = Job(str(out), settings.read, shard_files=shard_files, shard_records=shard_records,
                  shard_bytes=shard_bytes)
        summary = run(list(inputs), job, chosen, executor.value, lambda result: progress.advance(task), stage)
    _warn_rejects(summary.rejects)
    failures = ", ".join(f"{key} {n}" for key, n in summary.failures.items())
    err.print(f"{summary.shards} shards ({summary.skipped} already done), {summary.articles} articles, "
              f"{summary.stories} stories" + (f"; failures: {failures} (listed in {summary.rejects})"
                                               if failures else ""), markup=False, soft_wrap=True)
    print(summary.index)


@app.command()
@friendly
def show(article_id: Annotated[str, typer.Argument(help="An article id, or a prefix of 4+ characters.")],
         db: DbOpt = None, fmt: FormatOpt = Format.json) -> None:
    """Print one stored article record."""
    from matome.store import Store

    settings = _config(None, db)
    _existing_store(settings.db)
    with Store(settings.db) as store:
        _print_article(store.get(article_id), fmt)


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command()
@friendly
def export(db: DbOpt = None,
           fmt: Annotated[ExportFormat, typer.Option("--format", help="One file per table in this format.")]
           = ExportFormat.jsonl,
           out: Annotated[Path, typer.Option("--out", help="Directory for the tables.")] = Path("export")) -> None:
    """Write the store as tables: articles, sentences, entities, statements, stories and points."""
    from matome.language.tokens import Tokenizer
    from matome.store import Store
    from matome.store.export import export as write_tables
    from matome.store.export import tables
    from matome.stories.digest import build_digests

    settings = _config(None, db)
    _out_dir(out)
    _existing_store(settings.db)
    with Store(settings.db) as store:
        articles = store.articles()
    digests = build_digests([a for a in articles if isinstance(a, AnalyzedArticle)], Tokenizer())
    for path in write_tables(tables(articles, digests), out, fmt.value):
        print(path)


@app.command()
@friendly
def serve(db: DbOpt = None,
          host: Annotated[str, typer.Option("--host", help="Address to listen on (this machine only by default).")]
          = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000) -> None:
    """Browse the store in a web browser: stories by day, digests, articles, speakers, outlets, search, /api, /docs."""
    import uvicorn

    from matome.serve.app import create_app

    settings = _config(None, db)
    _existing_store(settings.db)
    err.print(f"loading {settings.db} …", markup=False)
    uvicorn.run(create_app(Path(settings.db)), host=host, port=port, log_level="warning")


@app.command("list")
@friendly
def list_stored(db: DbOpt = None,
                since: Annotated[str | None, typer.Option("--since", help="Only articles published on or after "
                                                          "this date (2025-05-19).")] = None,
                site: Annotated[str | None, typer.Option("--site", help="Only this site's articles "
                                                         "(its host name).")] = None) -> None:
    """Print stored articles, newest first: id, date, site, title."""
    from matome.store import Store

    settings = _config(None, db)
    _existing_store(settings.db)
    with Store(settings.db) as store:
        for article_id, published, where, title in store.listing(since, site):
            line = f"{article_id}\t{(published or '-')[:16]}\t{where or '-'}\t{title or '(no title)'}"
            sys.stdout.write(_printable(line) + "\n")


def _version(value: bool) -> None:
    if value:
        from matome import __version__

        print(f"matome {__version__}")
        raise typer.Exit()


@app.callback()
def options(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                  help="Print the version and exit.")] = False) -> None:
    """matome: read Japanese news pages and turn them into sourced digests that a reader can check."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
