"""Shared fixtures: paths to the demo corpus and to ../shared (tests that need it skip when it is absent)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from matome.language.analyze import Analyzer
from matome.read import read_paths
from matome.records import AnalyzedArticle, Article, Digest, ReadFailure, citable
from matome.run.stages import Stages
from matome.stories.digest import build_digests

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED_DIGEST = SHARED / "seeds" / "000_ab86abc2cc8096fe.txt"
SEED_BLOG = SHARED / "seeds" / "004_3026ab19ad04cb52.txt"


T = TypeVar("T")


def peak_memory(work: Callable[[], T]) -> tuple[T, int]:
    """What `work` returns and the peak of Python memory it allocated, in bytes."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def break_strike_digests(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on in the test, the digest of any story with a report about a strike (スト) raises: a bug on one
    story."""
    from matome.stories import digest

    original = digest.story_digest

    def breaks_on_the_strike(story, *rest):  # type: ignore[no-untyped-def]
        if any("スト" in (g.original.title or "") for g in story):
            raise RuntimeError("a bug on this story")
        return original(story, *rest)

    monkeypatch.setattr(digest, "story_digest", breaks_on_the_strike)


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


@pytest.fixture(scope="session")
def stages() -> Stages:
    return Stages()


@pytest.fixture(scope="session")
def analyzer(stages: Stages) -> Analyzer:
    return stages.analyzer


def analysed(stages: Stages, items: list[Article | ReadFailure]) -> list[AnalyzedArticle]:
    """Every article through the record stages (language, comments); a stage failure fails the test."""
    results = [stages(a) for a in items if isinstance(a, Article)]
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert not failures, failures
    return [r for r in results if isinstance(r, AnalyzedArticle)]


@pytest.fixture(scope="session")
def demo_articles(stages: Stages) -> list[AnalyzedArticle]:
    return analysed(stages, list(read_paths([EXAMPLES])))


@pytest.fixture(scope="session")
def demo_digests(demo_articles: list[AnalyzedArticle], analyzer: Analyzer) -> list[Digest]:
    return build_digests(demo_articles, analyzer.tokenize)


@pytest.fixture(scope="session")
def demo_out(demo_digests: list[Digest], demo_articles: list[AnalyzedArticle],
             tmp_path_factory: pytest.TempPathFactory) -> Path:
    from matome.render.write import write_digests

    out = tmp_path_factory.mktemp("digests")
    write_digests(demo_digests, citable(demo_articles), out, len(demo_articles))
    return out
