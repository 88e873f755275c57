"""`matome run`: the same corpus through every executor gives the same records, stories and digests; a re-run skips
finished shards; run.json and rejects.jsonl say what happened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from matome.cli import app
from matome.run.pipeline import stored_records

runner = CliRunner()
EXECUTORS = {"local": ["--executor", "local"], "local-2": ["--executor", "local", "--workers", "2"],
             "dask-2": ["--executor", "dask", "--workers", "2"]}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    outs = {}
    for name, options in EXECUTORS.items():
        out = tmp_path_factory.mktemp(name)
        result = runner.invoke(app, ["run", str(EXAMPLES), "--out", str(out), "--shard-files", "3", *options])
        assert result.exit_code == 0, result.output
        outs[name] = out
    return outs


def _records(out: Path) -> list[dict[str, object]]:
    return sorted((r.to_dict() for r in stored_records(out)), key=lambda r: str(r["id"]))


def _digests(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "digests").iterdir())}


def test_every_executor_gives_the_same_records_stories_and_digests(runs: dict[str, Path]) -> None:
    first = runs["local"]
    assert len(list((first / "records").glob("*.parquet"))) > 1  # several shards, so the executors had work to share
    for out in runs.values():
        assert _records(out) == _records(first)
        assert _digests(out) == _digests(first)


def test_run_json_and_rejects_say_what_happened(runs: dict[str, Path]) -> None:
    manifest = json.loads((runs["dask-2"] / "run.json").read_text(encoding="utf-8"))
    assert manifest["executor"] == "dask" and manifest["articles"] == 17 and manifest["stories"] == 10
    assert manifest["failures_by_stage_and_code"] == {"read:empty-record": 1}
    assert manifest["config"] == {"max_page_bytes": 20 * 1024 * 1024} and manifest["versions"]["pyarrow"]
    rejects = [json.loads(line) for line in (runs["dask-2"] / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["stage"], r["code"]) for r in rejects] == [("read", "empty-record")]


def test_a_rerun_skips_finished_shards_and_redoes_a_missing_one(runs: dict[str, Path]) -> None:
    out = runs["local"]
    shards = sorted((out / "records").glob("*.done"))
    shards[0].unlink()
    result = runner.invoke(app, ["run", str(EXAMPLES), "--out", str(out), "--shard-files", "3"])
    assert result.exit_code == 0
    assert f"{len(shards)} shards ({len(shards) - 1} already done)" in result.stderr
    assert _records(out) == _records(runs["local-2"])
