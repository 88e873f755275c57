"""The record stages' time budget: a record whose analysis runs past read.page_timeout is a named failure."""

from __future__ import annotations

import time

import pytest

from matome.records import Article, Origin, ReadFailure
from matome.run.stages import Stages


def test_a_record_slower_than_its_budget_is_a_timeout_failure_and_the_next_one_is_analysed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    stages = Stages(syntax=False, timeout=0.2)
    analyze = stages.analyzer.analyze

    def slow(article: Article) -> Article:
        if article.id == "slow":
            while True:
                time.sleep(0.01)
        return analyze(article)

    monkeypatch.setattr(stages.analyzer, "analyze", slow)
    slow_one = Article(id="slow", origin=Origin("text"), kind="article", body="遅い記事の本文。")
    started = time.monotonic()
    result = stages(slow_one)
    assert isinstance(result, ReadFailure) and result.code == "timeout" and result.stage == "language"
    assert time.monotonic() - started < 5
    fine = stages(Article(id="fine", origin=Origin("text"), kind="article", body="普通の記事の本文。"))
    assert not isinstance(fine, ReadFailure) and fine.sentences
