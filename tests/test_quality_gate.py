"""The extraction quality gate: matome on trafilatura's evaluation pages must not fall below its pinned floors."""

from __future__ import annotations

import sys

from tests.conftest import ROOT, SHARED, need


def test_main_text_extraction_meets_its_floors() -> None:
    need(SHARED / "eval" / "trafilatura-eval" / "evaldata.json")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from read_pages import gate

    assert gate() == []
