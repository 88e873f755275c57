"""Store errors: a full disk, a read-only, locked or damaged store give one line naming the store; committed data
stays; duplicates inside a file are counted as duplicates; concurrent ingests count honestly."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import matome.store.sqlite
from matome.cli import app
from matome.errors import StoreError
from matome.records import Article, Origin
from matome.run.local import ingest
from matome.store import Store

SENTENCE = "市は新しい防災計画を発表し、来年度から避難所を二倍に増やすと説明した。住民からは歓迎の声が上がった。"


def _article(n: int = 0, body: str = "本文。") -> Article:
    return Article(id=f"{n:016x}", origin=Origin("text", path=f"{n}.txt"), kind="article", title=f"題{n}", body=body)


def _pages(directory: Path, count: int) -> Path:
    directory.mkdir(exist_ok=True)
    for n in range(count):
        (directory / f"page-{n:03d}.txt").write_text(f"見出し{n}\n\n{n}番目の記事。{SENTENCE * 20}\n", encoding="utf-8")
    return directory


@pytest.fixture
def tiny_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every store opened from now on may grow by only a few pages: SQLite then reports a full disk (SQLITE_FULL)."""
    opened = Store.__init__

    def small(self: Store, path: str | Path) -> None:
        opened(self, path)
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages + 12}")

    monkeypatch.setattr(Store, "__init__", small)
    yield


def test_a_full_disk_is_a_store_error_and_what_was_committed_stays(tmp_path: Path, tiny_disk: None) -> None:
    db = tmp_path / "m.db"
    stored = 0
    with Store(db) as store, pytest.raises(StoreError) as raised:
        for n in range(1000):
            store.put(_article(n, SENTENCE * 50))
            stored += 1
    assert str(raised.value).startswith(f"cannot write to the store {db}: database or disk is full")
    assert "free some disk space" in raised.value.remedy
    assert stored > 0
    with sqlite3.connect(db) as plain:
        assert plain.execute("SELECT count(*) FROM articles").fetchone()[0] == stored


def test_ingest_onto_a_full_disk_exits_with_one_line_and_keeps_the_earlier_records(
        tmp_path: Path, tiny_disk: None) -> None:
    db = tmp_path / "m.db"
    pages = _pages(tmp_path / "pages", 60)
    result = CliRunner().invoke(app, ["ingest", str(pages), "--db", str(db), "--no-analyze"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(db) in errors[0] and "database or disk is full" in errors[0]
    assert "Traceback" not in result.output
    with sqlite3.connect(db) as plain:
        kept = plain.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < kept < 60


def test_a_read_only_store_is_a_store_error(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store(db) as store:
        store.put(_article(1))
        store.db.execute("PRAGMA query_only = ON")  # what SQLite says for a store on a read-only file system
        with pytest.raises(StoreError, match="attempt to write a readonly database") as raised:
            store.put(_article(2))
        assert "read-only" in raised.value.remedy
        assert store.count() == 1


def test_a_store_in_a_missing_directory_is_named(tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "m.db"
    result = CliRunner().invoke(app, ["ingest", str(_pages(tmp_path / "p", 1)), "--db", str(db), "--no-analyze"])
    assert result.exit_code == 2
    assert f"cannot open {db} as a matome store" in result.stderr and "Traceback" not in result.output


def test_a_corrupt_store_is_named_by_every_command(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    db.write_bytes(os.urandom(64 * 1024))
    runner = CliRunner()
    for command in (["ingest", str(_pages(tmp_path / "p", 1)), "--db", str(db), "--no-analyze"],
                    ["list", "--db", str(db)]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert str(db) in result.stderr and "Traceback" not in result.output


def test_a_damaged_page_inside_a_valid_store_is_a_store_error_on_read(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store(db) as store:
        for n in range(200):
            store.put(_article(n, SENTENCE * 20))
    with sqlite3.connect(db) as plain:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    data[8192:len(data) - 4096] = os.urandom(len(data) - 4096 - 8192)  # keep the header, damage the pages
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError) as raised, Store(db) as store:
        store.articles()
    assert str(db) in str(raised.value)


def _hold_lock(db: str, ready: multiprocessing.synchronize.Event, done: multiprocessing.synchronize.Event) -> None:
    with sqlite3.connect(db) as other:
        other.execute("BEGIN IMMEDIATE")
        ready.set()
        done.wait(30)
        other.rollback()


def test_a_locked_store_is_a_one_line_error_after_a_wait(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "m.db"
    Store(db).close()
    monkeypatch.setattr(matome.store.sqlite, "LOCK_WAIT", 0.2)
    context = multiprocessing.get_context("spawn")
    ready, done = context.Event(), context.Event()
    holder = context.Process(target=_hold_lock, args=(str(db), ready, done))
    holder.start()
    try:
        assert ready.wait(30)
        with Store(db) as store, pytest.raises(StoreError) as raised:
            store.put(_article(1))
        assert "database is locked" in str(raised.value) and str(db) in str(raised.value)
        assert "another command is writing" in raised.value.remedy
    finally:
        done.set()
        holder.join(30)
    with Store(db) as store:
        assert store.put(_article(1)) == "stored"


def test_duplicates_inside_a_file_are_duplicates_not_updates_on_every_run(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    rows = [{"title": f"記事{n % 5}", "body": f"{n % 5}番目の本文。{SENTENCE}"} for n in range(15)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    with Store(tmp_path / "m.db") as store:
        first = ingest([path], store)
        again = ingest([path], store)
        assert store.count() == 5
        lines = {a.origin.line for a in store.articles()}
    assert (first.outcomes["stored"], first.outcomes["duplicate"], first.outcomes["updated"]) == (5, 10, 0)
    assert (again.outcomes["unchanged"], again.outcomes["duplicate"], again.outcomes["updated"]) == (5, 10, 0)
    assert lines == {1, 2, 3, 4, 5}  # the first place each record was read
    assert "duplicate 10" in again.lines()[0] and "updated 0" in again.lines()[0]


def test_a_changed_record_is_still_an_update(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        assert store.put(_article(1)) == "stored"
        assert store.put(replace(_article(1), origin=Origin("text", path="elsewhere.txt"))) == "duplicate"
        assert store.put(replace(_article(1), title="新しい題")) == "updated"


def _ingest_into(db: str, pages: str, counts: multiprocessing.queues.Queue[int]) -> None:
    with Store(db) as store:
        counts.put(ingest([pages], store).outcomes["stored"])


def test_two_ingests_at_once_store_each_record_once_and_count_it_once(tmp_path: Path) -> None:
    pages = _pages(tmp_path / "pages", 40)
    db = str(tmp_path / "m.db")
    Store(db).close()
    context = multiprocessing.get_context("spawn")
    counts: multiprocessing.queues.Queue[int] = context.Queue()
    workers = [context.Process(target=_ingest_into, args=(db, str(pages), counts)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    stored = [counts.get(timeout=5) for _ in workers]
    assert sum(stored) == 40
    with Store(db) as store:
        assert store.count() == 40


def test_lone_surrogates_are_stored_as_replacement_characters(tmp_path: Path) -> None:
    article = replace(_article(1), title="半分\ud800", origin=Origin("text", path="bad\udcff.txt"))
    with Store(tmp_path / "m.db") as store:
        assert store.put(article) == "stored"
        assert store.get(article.id).title == "半分\ufffd"
