from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, break_strike_digests
from typer.main import get_command
from typer.testing import CliRunner

from matome.cli import app

runner = CliRunner()
SPEC_FIELDS = {"id", "origin", "kind", "url", "site", "title", "author", "published", "updated", "lead", "sections",
               "body", "source_cards", "conclusion", "references", "embedded_posts", "comments", "boilerplate",
               "warnings"}


def test_read_prints_one_record_per_page_with_every_spec_field() -> None:
    result = runner.invoke(app, ["read", str(EXAMPLES / "minatogawa-strike")])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    assert all(set(r) >= SPEC_FIELDS for r in records)
    assert {r["kind"] for r in records} == {"article", "blog"}


def test_read_text_format_and_failures_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    result = runner.invoke(app, ["read", "--format", "text", str(tmp_path), str(EXAMPLES / "digests")])
    assert result.exit_code == 0
    assert "empty.html" in result.stderr and "empty-file" in result.stderr
    assert "✅" in result.stdout and "💡" in result.stdout


def test_read_fails_when_nothing_could_be_read(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    assert runner.invoke(app, ["read", str(tmp_path)]).exit_code == 1


def test_ingest_then_show(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "skipped 1 (empty-record 1)" in first.stderr
    again = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert "stored 0" in again.stderr and "unchanged" in again.stderr
    record = json.loads(runner.invoke(app, ["read", str(EXAMPLES / "digests")]).stdout.splitlines()[0])
    shown = runner.invoke(app, ["show", record["id"][:8], "--db", str(db)])
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["source_cards"] == record["source_cards"]


def test_show_unknown_id_is_one_line_with_a_remedy(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    runner.invoke(app, ["ingest", str(EXAMPLES / "digests"), "--db", str(db)])
    result = runner.invoke(app, ["show", "ffffffff", "--db", str(db)])
    assert result.exit_code == 2
    assert "record-not-found" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(get_command(app).commands))  # type: ignore[attr-defined]
def test_every_command_has_help(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help) > 20


def test_analyze_adds_the_language_layer() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "minatogawa-strike" / "saikai-nippo-2026-10-16.html")])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"sentences", "entities", "statements", "checks"} <= set(record)
    speakers = {s["speaker"] for s in record["statements"]}
    assert any("村井" in (s or "") for s in speakers)
    ids = {s["id"] for s in record["sentences"]}
    assert all(s["sentence"] in ids for s in record["statements"])


def test_ingest_stores_the_analysis(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    runner.invoke(app, ["ingest", str(EXAMPLES / "digests"), "--db", str(db)])
    record = json.loads(runner.invoke(app, ["read", str(EXAMPLES / "digests")]).stdout.splitlines()[0])
    shown = json.loads(runner.invoke(app, ["show", record["id"], "--db", str(db)]).stdout)
    assert shown["sentences"] and shown["entities"]


@pytest.mark.parametrize(("toml", "named"), [
    ('[read]\nmax_page_bytes = "big"\n', "read.max_page_bytes must be a whole number, not 'big'"),
    ("[read]\nmax_page_bytes = -1\n", "read.max_page_bytes must be a positive number of bytes, not -1"),
    ("[read]\nmax_page_bytes = true\n", "read.max_page_bytes must be a whole number, not True"),
    ("[read]\nmax_bytes = 3\n", "read.max_bytes is not a setting"),
    ("db = 3\n", "db must be a string, not 3"),
    ("read = 3\n", "read must be a table"),
    ("[read\n", "not valid TOML"),
])
def test_a_bad_config_value_is_one_line_naming_its_key(tmp_path: Path, toml: str, named: str) -> None:
    config = tmp_path / "matome.toml"
    config.write_text(toml, encoding="utf-8")
    result = runner.invoke(app, ["read", str(EXAMPLES / "aoba-bus"), "--config", str(config)])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0] and str(config) in lines[0]


def test_a_record_a_stage_fails_on_is_listed_in_rejects_and_the_rest_are_digested(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from matome.language.analyze import Analyzer
    from matome.records import Article

    original = Analyzer.analyze

    def breaks_on_roofs(self: Analyzer, article: Article):  # type: ignore[no-untyped-def]
        if "屋根" in (article.title or ""):
            raise RuntimeError("a bug on this record")
        return original(self, article)

    monkeypatch.setattr(Analyzer, "analyze", breaks_on_roofs)
    out = tmp_path / "digests"
    result = runner.invoke(app, ["digest", str(EXAMPLES / "aoba-bus"), "--out", str(out)])
    assert result.exit_code == 0
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["stage"], r["code"]) for r in rejects] == [("language", "language-failed")]
    assert "a bug on this record" in rejects[0]["message"] and "language stage" in result.stderr
    stories = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    assert sum(len(s["articles"]) for s in stories) == 4 and "1 skipped" in result.stderr


def test_a_story_whose_digest_fails_is_listed_in_rejects_and_the_other_stories_are_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole, out = tmp_path / "whole", tmp_path / "digests"
    assert runner.invoke(app, ["digest", str(EXAMPLES), "--out", str(whole)]).exit_code == 0
    break_strike_digests(monkeypatch)
    result = runner.invoke(app, ["digest", str(EXAMPLES), "--out", str(out)])
    assert result.exit_code == 0
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    failed = [r for r in rejects if r["stage"] == "digest"]
    assert failed and all(r["code"] == "digest-failed" and "a bug on this story" in r["message"] for r in failed)
    written = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    everything = json.loads((whole / "stories.json").read_text(encoding="utf-8"))
    assert 0 < len(written) < len(everything)
    left_out = {a for s in everything for a in s["articles"]} - {a for s in written for a in s["articles"]}
    assert left_out and left_out <= {r["article"] for r in failed}  # nothing is left out unnamed


@pytest.mark.parametrize(("command", "code"), [
    (["ingest", "/nonexistent/pages"], "no-input"),
    (["read", "https://news.example/a.html"], "url-input"),
    (["analyze", "{empty}"], "no-input"),
    (["digest", str(EXAMPLES / "aoba-bus"), "--out", "{file}"], "bad-out"),
])
def test_bad_inputs_and_outputs_are_one_line_errors(tmp_path: Path, command: list[str], code: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    args = [a.format(empty=tmp_path / "empty", file=tmp_path / "a-file") for a in command]
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "m.db")] if args[0] == "ingest" else args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"({code})" in lines[0]
    assert not (tmp_path / "m.db").exists()  # a failed ingest creates no empty store


def test_version_and_list(tmp_path: Path) -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("matome ")
    db = tmp_path / "m.db"
    assert runner.invoke(app, ["ingest", str(EXAMPLES / "sakuradai-election"), "--db", str(db), "--no-analyze"]).exit_code == 0
    rows = [line.split("\t") for line in runner.invoke(app, ["list", "--db", str(db)]).stdout.splitlines()]
    assert len(rows) == 4 and [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)
    recent = runner.invoke(app, ["list", "--db", str(db), "--since", "2026-11-05"]).stdout.splitlines()
    assert 0 < len(recent) < len(rows)
