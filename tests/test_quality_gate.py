"""Quality gates: extraction, entity and statement figures on external data must not fall below pinned floors."""

from __future__ import annotations

import sys

from tests.conftest import ROOT, SHARED, need


def test_main_text_extraction_meets_its_floors() -> None:
    need(SHARED / "eval" / "trafilatura-eval" / "evaldata.json")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from read_pages import gate

    assert gate() == []


def test_entities_meet_their_floors() -> None:
    need(SHARED / "eval" / "ner-wikipedia-ja" / "ner.json")
    need(SHARED / "eval" / "livedoor-news-corpus" / "ldcc.jsonl")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from entities import gate

    assert gate() == []


def test_statements_meet_their_floors() -> None:
    need(SHARED / "eval" / "livedoor-news-corpus" / "ldcc.jsonl")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from statements import gate

    assert gate() == []


def test_story_clustering_meets_its_floor() -> None:
    need(SHARED / "eval" / "livedoor-news-corpus" / "ldcc.jsonl")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from stories import gate

    assert gate() == []


def test_abuse_flag_meets_its_floors() -> None:
    need(SHARED / "eval" / "japanese-toxic-inspection" / "subset.csv")
    need(SHARED / "eval" / "livedoor-news-corpus" / "ldcc.jsonl")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from comments import gate

    assert gate() == []
