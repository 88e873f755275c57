"""Awkward paths: file names that are not UTF-8, directories that cannot be listed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matome.cli import app
from matome.read import read_paths
from matome.records import Article, ReadFailure
from matome.store import Store

SENTENCE = "市は新しい防災計画を発表し、来年度から避難所を二倍に増やすと説明した。住民からは歓迎の声が上がった。"
HTML = f"<html><body><article><p>{SENTENCE}</p></article></body></html>"


def _bad_names(directory: Path) -> None:
    """A Latin-1 name, a Shift_JIS name and an unsupported type with a broken name, beside a good page."""
    root = os.fsencode(directory)
    with open(root + b"/caf\xe9.html", "wb") as out:
        out.write(HTML.encode())
    with open(root + b"/\x93\xfa\x96\x7b.txt", "wb") as out:
        out.write(f"見出し\n\n{SENTENCE}\n".encode())
    with open(root + b"/bad\xff.xyz", "wb") as out:
        out.write(b"data")
    (directory / "good.html").write_text(HTML.replace("二倍", "三倍"), encoding="utf-8")


def test_names_that_are_not_utf8_are_read_and_shown_with_a_replacement(tmp_path: Path) -> None:
    _bad_names(tmp_path)
    items = list(read_paths([tmp_path]))
    assert len([i for i in items if isinstance(i, Article)]) == 3
    (failure,) = [i for i in items if isinstance(i, ReadFailure)]
    assert failure.code == "unsupported-type"
    names = sorted(Path(i.origin.path or "").name for i in items)
    assert names == sorted(["caf\ufffd.html", "\ufffd\ufffd\ufffd{.txt", "bad\ufffd.xyz", "good.html"])
    for item in items:
        json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")  # no lone surrogate left to fail on


def test_the_cli_reads_and_ingests_a_directory_of_such_names(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    _bad_names(pages)
    runner = CliRunner()
    read = runner.invoke(app, ["read", str(pages)])
    assert read.exit_code == 0, read.output
    assert len(read.stdout.splitlines()) == 3
    assert "bad\ufffd.xyz" in read.stderr and "unsupported-type" in read.stderr
    ingest = runner.invoke(app, ["ingest", str(pages), "--db", str(tmp_path / "m.db"), "--no-analyze"])
    assert ingest.exit_code == 0, ingest.output
    assert "stored 3" in ingest.stderr
    with Store(tmp_path / "m.db") as store:
        assert any("caf\ufffd.html" in (a.origin.path or "") for a in store.articles())


def test_a_directory_that_cannot_be_listed_is_named_and_the_rest_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-good.html").write_text(HTML, encoding="utf-8")
    locked = tmp_path / "b-locked"
    locked.mkdir()
    (locked / "hidden.html").write_text(HTML, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    def listdir(path: object = ".") -> list[str]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)
    good, failure = read_paths([tmp_path])
    assert isinstance(good, Article)
    assert isinstance(failure, ReadFailure) and failure.code == "unreadable-directory"
    assert failure.origin.path == str(locked) and "Permission denied" in failure.message


def test_a_missing_path_that_is_not_utf8_is_named_with_a_replacement(tmp_path: Path) -> None:
    missing = os.fsdecode(os.fsencode(tmp_path) + b"/miss\xffing.html")
    result = CliRunner().invoke(app, ["read", missing])
    assert result.exit_code == 2
    assert "miss\ufffding.html does not exist" in result.stderr
