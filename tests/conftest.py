"""Shared fixtures: paths to the demo corpus and to ../shared (tests that need it skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED_DIGEST = SHARED / "seeds" / "000_ab86abc2cc8096fe.txt"
SEED_BLOG = SHARED / "seeds" / "004_3026ab19ad04cb52.txt"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is absent)")
    return path


@pytest.fixture
def html_page() -> str:
    return (
        "<html><head><title>見出し</title></head><body><article><h1>見出し</h1>"
        "<p>東京都で記者会見が開かれ、知事は新しい防災計画を発表した。計画は来年度から始まる。</p>"
        "<p>知事は「住民の安全を第一に考える」と述べた。</p></article></body></html>"
    )
