from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from matome.errors import RecordNotFound, StoreError
from matome.records import Article, Origin
from matome.store import Store


def _article(id_: str = "0123456789abcdef", title: str = "題") -> Article:
    return Article(id=id_, origin=Origin("text", path="a.txt"), kind="article", title=title, body="本文。")


def test_put_is_idempotent_and_reports_changes(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        assert store.put(_article()) == "stored"
        assert store.put(_article()) == "unchanged"
        assert store.put(replace(_article(), title="新しい題")) == "updated"
        assert store.count() == 1
        assert store.get("0123456789abcdef").title == "新しい題"


def test_get_by_prefix_and_errors(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        store.put(_article("aaaa111111111111"))
        store.put(_article("aaaa222222222222"))
        assert store.get("aaaa1").id == "aaaa111111111111"
        with pytest.raises(RecordNotFound, match="several"):
            store.get("aaaa")
        with pytest.raises(RecordNotFound):
            store.get("zzzz")
        with pytest.raises(RecordNotFound):
            store.get("%")


def test_hostile_text_is_stored_verbatim(tmp_path: Path) -> None:
    evil = "'); DROP TABLE articles; -- <script>"
    with Store(tmp_path / "m.db") as store:
        store.put(_article(title=evil))
        assert store.get("0123456789abcdef").title == evil


def test_a_file_that_is_not_a_database_gives_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)
