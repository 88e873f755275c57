"""Every demo page against its expected records; a reviewer reads the JSON diff after `python tests/golden_files.py`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.golden_files import demo_pages, golden_path, records_of


@pytest.mark.parametrize("page", demo_pages(), ids=lambda p: p.name)
def test_demo_page_matches_its_golden_file(page: Path) -> None:
    expected = json.loads(golden_path(page).read_text(encoding="utf-8"))
    assert records_of(page) == expected


def test_the_demo_corpus_has_what_the_later_stages_need() -> None:
    records = [r for page in demo_pages() for r in records_of(page) if r["type"] == "article"]
    kinds = [r["kind"] for r in records]
    assert len(records) >= 12
    assert kinds.count("digest") >= 2 and kinds.count("blog") >= 2
    assert any(r["encoding"] == "cp932" for r in records)
    blogs = [r for r in records if r["kind"] == "blog"]
    assert {r["origin"]["format"] for r in blogs if len(r["comments"]) >= 20} == {"html", "text"}
