"""The gold labels in benchmarks/gold/ point at real text in ../shared: every offset must land on what it names."""

from __future__ import annotations

import json
import sys

from tests.conftest import ROOT, SHARED, need

GOLD = ROOT / "benchmarks" / "gold"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line]


def _bodies(ids: set[str]) -> dict[str, str]:
    need(SHARED / "eval" / "livedoor-news-corpus" / "ldcc.jsonl")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from livedoor import load_corpus

    return {k: v["body"] for k, v in load_corpus(ids).items()}


def test_statement_gold_offsets_name_their_sentence_cue_and_speaker() -> None:
    rows = _rows("statements.jsonl")
    bodies = _bodies({r["article"] for r in rows})
    from livedoor import body_sentences

    for row in rows:
        body = bodies[row["article"]]
        start, end = row["sentence"]
        assert (start, end) in body_sentences(body)
        if "cue" in row:
            assert start <= row["cue"][0] < row["cue"][1] <= end
            if row["speaker_span"]:
                assert body[row["speaker_span"][0]: row["speaker_span"][1]] == row["speaker"]
    assert sum("cue" in r for r in rows) >= 400


def test_entity_gold_offsets_name_their_entities() -> None:
    rows = _rows("entities.jsonl")
    bodies = _bodies({r["article"] for r in rows})
    for row in rows:
        body = bodies[row["article"]]
        for start, end, kind, name, *_ in row["entities"]:
            assert body[start:end] == name and kind in ("PERSON", "ORG", "GPE", "LOC")
    assert len(rows) >= 300


def test_gold_files_hold_labels_not_article_text() -> None:
    files = [p for p in GOLD.rglob("*") if p.is_file()]
    assert files and {p.suffix for p in files} == {".jsonl"}
    for path in files:
        for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
            assert "text" not in row
            assert all(not isinstance(row.get(key), str) for key in ("content", "sentence", "cue"))
