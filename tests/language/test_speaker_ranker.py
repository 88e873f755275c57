"""The learned speaker ranker (off by default): its shipped weights load, and on a plain attribution it keeps the
speaker the parse names."""

from __future__ import annotations

import pytest

from matome.language.analyze import Analyzer
from matome.language.ranker import shipped_ranker
from matome.records import Article, Origin


def test_the_ranker_keeps_the_subject_of_the_speech_verb(analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    if analyzer.parse is None:
        pytest.skip("GiNZA is not installed")
    monkeypatch.setattr(analyzer, "rank", shipped_ranker())
    article = Article(id="r", origin=Origin("text"), kind="article", title="港のスト",
                      body="湊川港のストライキは2日目に入った。組合の佐伯委員長は「交渉は決裂した」と述べた。")
    (statement,) = analyzer.analyze(article).statements
    assert statement.speaker is not None and "佐伯" in statement.speaker
    assert statement.content == "交渉は決裂した"
