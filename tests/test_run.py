"""`matome run`: the same corpus through every executor gives the same records, stories and digests; a re-run skips
finished shards; run.json and rejects.jsonl say what happened."""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import asdict
from itertools import pairwise
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, break_strike_digests
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from matome.cli import app
from matome.config import ReadConfig
from matome.records import citable
from matome.run.pipeline import stored_records

runner = CliRunner()
SPLIT = ["--shard-files", "3", "--shard-records", "2", "--shard-bytes", "3000"]  # big files in pieces of 2 lines, 3 kB
WHOLE = ["--shard-files", "3", "--shard-records", "1000000", "--shard-bytes", "1000000000"]
EXECUTORS = {"whole": ["--executor", "local", *WHOLE], "local": ["--executor", "local", *SPLIT],
             "local-2": ["--executor", "local", "--workers", "2", *SPLIT],
             "dask-2": ["--executor", "dask", "--workers", "2", *SPLIT]}
PAGE_TYPES = ("text/html; charset=utf-8", "text/plain; charset=utf-8")


def _containers(directory: Path) -> Path:
    """The demo corpus's UTF-8 pages again, a third each in a JSON Lines file (with a bad and a blank line), a
    record-gzipped WARC (with a damaged member) and a plain WARC: files the split runs cut into several pieces."""
    pages = sorted(p for p in EXAMPLES.glob("*/*") if p.suffix in (".html", ".txt") and ".sjis." not in p.name)
    urls = [f"https://copies.example/{n}" for n in range(len(pages))]
    lines = [json.dumps({"url": url, "body": page.read_text(encoding="utf-8")}, ensure_ascii=False)
             for url, page in list(zip(urls, pages, strict=True))[0::3]]
    lines[1:1] = ["{not json", ""]
    directory.mkdir()
    (directory / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    members = [_warc([(url, page)], gzipped=True) for url, page in list(zip(urls, pages, strict=True))[1::3]]
    members[1] = members[1][:40] + bytes(b ^ 0xFF for b in members[1][40:80]) + members[1][80:]
    (directory / "pages.warc.gz").write_bytes(b"".join(members))
    (directory / "pages.warc").write_bytes(_warc(list(zip(urls, pages, strict=True))[2::3], gzipped=False))
    return directory


def _warc(pages: list[tuple[str, Path]], gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, page in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", PAGE_TYPES[page.suffix == ".txt"])],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page.read_bytes()),
                                                      http_headers=headers))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def containers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _containers(tmp_path_factory.mktemp("input") / "containers")


@pytest.fixture(scope="module")
def runs(containers: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    outs = {}
    for name, options in EXECUTORS.items():
        out = tmp_path_factory.mktemp(name)
        result = runner.invoke(app, ["run", str(EXAMPLES), str(containers), "--out", str(out), *options])
        assert result.exit_code == 0, result.output
        outs[name] = out
    return outs


def _records(out: Path) -> list[dict[str, object]]:
    return [r.to_dict() for r in stored_records(out)]  # in shard order: the order of the unsplit run


def _digests(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "digests").iterdir())}


def _ranges(out: Path) -> list[tuple[str, int, int | None, int]]:
    """(file name, start, end, first line) of every piece the shards of a run read."""
    markers = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((out / "records").glob("*.done"))]
    return [(Path(i[0]).name, i[2], i[3], i[4]) for m in markers for i in m["inputs"]]


def test_every_executor_and_every_split_gives_the_same_records_stories_and_digests(runs: dict[str, Path]) -> None:
    whole = runs["whole"]
    assert len(list((whole / "records").glob("*.parquet"))) > 1  # several shards, so the executors had work to share
    assert {name for name, start, end, _ in _ranges(whole)} >= {"pages.jsonl", "pages.warc", "pages.warc.gz"}
    assert all(start == 0 and end is None for _, start, end, _ in _ranges(whole))
    pieces = [r for r in _ranges(runs["local"]) if r[0].startswith("pages.")]
    for name in ("pages.jsonl", "pages.warc", "pages.warc.gz"):  # each big file read in several pieces
        assert len([p for p in pieces if p[0] == name]) >= 2, pieces
    firsts = [p[3] for p in pieces if p[0] == "pages.jsonl"]  # at most 2 lines a piece (fewer past 3 kB)
    assert firsts[0] == 1 and all(0 < b - a <= 2 for a, b in pairwise(firsts))
    assert len(_records(whole)) == json.loads((whole / "run.json").read_text(encoding="utf-8"))["articles"]
    for out in runs.values():
        assert _records(out) == _records(whole)
        assert _digests(out) == _digests(whole)
        assert (out / "rejects.jsonl").read_text(encoding="utf-8") == \
            (whole / "rejects.jsonl").read_text(encoding="utf-8")


def test_run_json_and_rejects_say_what_happened(runs: dict[str, Path]) -> None:
    manifest = json.loads((runs["dask-2"] / "run.json").read_text(encoding="utf-8"))
    assert manifest["executor"] == "dask" and manifest["articles"] == 17 + 9 and manifest["stories"] == 9
    assert manifest["failures_by_stage_and_code"] == {"read:bad-json-line": 1, "read:corrupt-warc-record": 1,
                                                      "read:empty-record": 1}
    assert manifest["config"] == asdict(ReadConfig()) and manifest["versions"]["pyarrow"]
    assert manifest["sharding"] == {"files": 3, "records": 2, "bytes": 3000}
    markers = [json.loads(p.read_text(encoding="utf-8")) for p in (runs["dask-2"] / "records").glob("*.done")]
    assert all(m["peak_mib"] > 50 for m in markers)  # each worker's peak memory, for benchmarks/scale.py
    rejects = [json.loads(line) for line in (runs["dask-2"] / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["stage"], r["code"]) for r in rejects] == [("read", "empty-record"), ("read", "bad-json-line"),
                                                          ("read", "corrupt-warc-record")]
    assert rejects[1]["origin"]["line"] == 2 and rejects[2]["origin"]["offset"] > 0  # named where the whole file has it


@pytest.mark.parametrize(("folder", "pattern", "which"), [
    ("records", "*.done", -2),  # a piece of a big file: its marker
    ("reports", "*.parquet", 0),
    ("rejects", "shard-*.jsonl", 0),
])
def test_a_rerun_skips_finished_shards_and_redoes_one_whose_marker_or_output_is_missing(
        runs: dict[str, Path], containers: Path, folder: str, pattern: str, which: int) -> None:
    out = runs["local"]
    shards = sorted((out / folder).glob(pattern))
    shards[which].unlink()
    result = runner.invoke(app, ["run", str(EXAMPLES), str(containers), "--out", str(out), *SPLIT])
    assert result.exit_code == 0
    assert f"{len(shards)} shards ({len(shards) - 1} already done)" in result.stderr
    assert shards[which].exists()
    assert _records(out) == _records(runs["whole"]) and _digests(out) == _digests(runs["whole"])


def test_the_corpus_passes_over_shard_files_give_what_build_digests_gives_over_every_record(
        runs: dict[str, Path], tmp_path: Path) -> None:
    from matome.language.tokens import Tokenizer
    from matome.render.write import write_digests
    from matome.stories.digest import build_digests

    out = runs["local"]
    articles = list(stored_records(out))
    sentences = citable(articles)
    write_digests(build_digests(articles, Tokenizer()), sentences, tmp_path, len(articles))
    assert {p.name: p.read_text(encoding="utf-8") for p in sorted(tmp_path.iterdir())} == _digests(out)
    assert not (out / ".batches").exists()


def test_stories_clustered_a_few_reports_at_a_time_are_the_stories_of_the_whole_run(
        runs: dict[str, Path], containers: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from matome.run import corpus

    out = tmp_path / "again"
    shutil.copytree(runs["local"], out)
    monkeypatch.setattr(corpus, "PARTITION", 2)  # vectors read two reports at a time, stories shelved between
    result = runner.invoke(app, ["run", str(EXAMPLES), str(containers), "--out", str(out), *EXECUTORS["local"]])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["shards_skipped"] == manifest["shards"]  # only the corpus passes ran again
    assert _digests(out) == _digests(runs["local"])
    assert not (out / ".batches").exists()


def test_a_run_names_each_record_it_could_not_handle(tmp_path: Path) -> None:
    feed = tmp_path / "two.jsonl"
    feed.write_text('{"body": "港のストライキは二日目に入った。組合は交渉の継続を求めている。"}\n{broken\n', encoding="utf-8")
    result = runner.invoke(app, ["run", str(feed), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr and "two.jsonl:2: not a JSON object" in result.stderr


def test_stories_shelved_in_a_file_come_back_for_the_undated_reports(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from matome.run.corpus import _ShelfFile
    from matome.stories.cluster import cluster_vectors

    vectors = [{f"桜台第{n // 2}号協定": 1.0} for n in range(8)]
    vectors[7] = vectors[2]  # like the second story, out of reach of the dated reports long before
    days: list[date | None] = [date(2026, 1, 1) + timedelta(days=30 * (n // 2)) for n in range(7)] + [None]
    shelf = _ShelfFile(tmp_path / "shelf.sqlite")
    stories = cluster_vectors([(day, f"r{n}", "outlet", frozenset()) for n, day in enumerate(days)], lambda n: vectors[n],
                              shelf=shelf)
    assert stories == [[0, 1], [2, 3, 7], [4, 5], [6]]
    assert shelf.db.execute("SELECT number FROM story ORDER BY number").fetchall() == [(0,), (2,)]
    shelf.close()


def test_a_run_names_each_pass_as_it_starts_with_its_size(tmp_path: Path) -> None:
    from matome.run.local import local_executor
    from matome.run.pipeline import Job, run

    heard: list[tuple[str, int]] = []
    summary = run([EXAMPLES / "minatogawa-strike"], Job(str(tmp_path)), local_executor(),
                  "local", on_stage=lambda name, total: heard.append((name, total)))
    assert [name for name, _ in heard] == ["shards", "copies", "stories", "digests"]
    assert heard[0][1] == summary.shards
    assert heard[1][1] >= heard[2][1] >= heard[3][1] == summary.stories > 0  # reports, originals, stories


def test_a_story_whose_digest_fails_leaves_the_run_going_and_is_counted_and_listed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    break_strike_digests(monkeypatch)
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(EXAMPLES / "minatogawa-strike"), str(EXAMPLES / "aoba-bus"),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    failed = [r for r in rejects if r["stage"] == "digest"]
    assert failed and manifest["failures_by_stage_and_code"]["digest:digest-failed"] == len(failed)
    assert manifest["stories"] > 0 and "a bug on this story" in failed[0]["message"]
