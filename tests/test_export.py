"""`matome export`: the store as tables; a Parquet round trip gives back the rows, CSV opens with the standard
library, and a cell that a spreadsheet would run as a formula is neutralised."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from matome.cli import app
from matome.records import AnalyzedArticle
from matome.store import Store
from matome.store.export import tables

runner = CliRunner()
TABLES = ("articles", "sentences", "entities", "statements", "stories", "points")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "matome.db"
    assert runner.invoke(app, ["ingest", str(EXAMPLES / "minatogawa-strike"), "--db", str(db)]).exit_code == 0
    return db


def _exported(store: Path, out: Path, fmt: str) -> None:
    result = runner.invoke(app, ["export", "--db", str(store), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)


def test_parquet_round_trip_equals_the_stores_rows(store: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from matome.language.tokens import Tokenizer
    from matome.stories.digest import build_digests

    _exported(store, tmp_path, "parquet")
    with Store(store) as opened:
        articles = opened.articles()
    expected = tables(articles, build_digests([a for a in articles if isinstance(a, AnalyzedArticle)], Tokenizer()))
    for name in TABLES:
        assert pq.read_table(tmp_path / f"{name}.parquet").to_pylist() == expected[name], name
    assert len(expected["statements"]) > 0 and len(expected["points"]) > 0


def test_csv_opens_with_the_standard_library_and_neutralises_formulas(store: Path, tmp_path: Path) -> None:
    _exported(store, tmp_path, "csv")
    with (tmp_path / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {"article", "id", "part", "paragraph", "text"} == set(rows[0])
    with (tmp_path / "stories.csv").open(encoding="utf-8", newline="") as handle:
        assert all(isinstance(json.loads(r["articles"]), list) for r in csv.DictReader(handle))
    from matome.store.export import export

    hostile = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "普通の文"]
    export({"titles": [{"title": t} for t in hostile]}, tmp_path / "more", "csv")
    with (tmp_path / "more" / "titles.csv").open(encoding="utf-8", newline="") as handle:
        cells = [r["title"] for r in csv.DictReader(handle)]
    assert cells == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "普通の文"]
