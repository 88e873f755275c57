"""The language layer on the two real seed pages, as the second issue requires."""

from __future__ import annotations

import pytest
from tests.conftest import SEED_BLOG, SEED_DIGEST, need

from matome.language.analyze import Analyzer
from matome.read import read_paths
from matome.records import AnalyzedArticle, Statement


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _analyze(analyzer: Analyzer, path) -> AnalyzedArticle:  # type: ignore[no-untyped-def]
    (article,) = read_paths([need(path)])
    return analyzer.analyze(article)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def digest(analyzer: Analyzer) -> AnalyzedArticle:
    return _analyze(analyzer, SEED_DIGEST)


@pytest.fixture(scope="module")
def blog(analyzer: Analyzer) -> AnalyzedArticle:
    return _analyze(analyzer, SEED_BLOG)


def _by(statements: tuple[Statement, ...], speaker_part: str) -> list[Statement]:
    return [s for s in statements if s.speaker and speaker_part in s.speaker]


def test_digest_statements(digest: AnalyzedArticle) -> None:
    putin = [s for s in _by(digest.statements, "プーチン") if "前提条件" in s.content]
    assert putin and putin[0].cue.startswith("主張")
    trump = [s for s in _by(digest.statements, "トランプ") if s.cue.startswith("否定")]
    assert trump and trump[0].reported_by == "FOXニュース" and "前提条件" in trump[0].content
    peskov = [s for s in _by(digest.statements, "ペスコフ") if "撤退する権利を留保" in s.content]
    assert peskov and peskov[0].speaker_canonical == "person:dmitry-peskov"
    assert _by(digest.statements, "ウィトコフ")
    white_house = _by(digest.statements, "ホワイトハウス")
    assert white_house and white_house[0].cue == "によると" and white_house[0].speaker_canonical == "Q30"


def test_digest_title_check_on_former_president(digest: AnalyzedArticle) -> None:
    checks = [c for c in digest.checks if c.code == "title-wrong-for-date"]
    assert checks and all("トランプ前" in c.message for c in checks)


def test_trump_mentions_share_one_canonical_id_and_keep_their_titles_apart(digest: AnalyzedArticle) -> None:
    trumps = [e for e in digest.entities if e.text == "トランプ" and e.type == "PERSON"]
    assert {(e.title, e.former) for e in trumps} >= {("氏", False), ("大統領", False), ("大統領", True)}
    assert {e.canonical for e in trumps} == {"Q22686"}


def test_every_statement_and_entity_cites_a_sentence_of_the_article(digest: AnalyzedArticle) -> None:
    ids = {s.id: s.text for s in digest.sentences}
    assert all(s.sentence in ids for s in digest.statements)
    for entity in digest.entities:
        assert ids[entity.sentence][entity.start: entity.end] == entity.text
    assert len(ids) == len(digest.sentences)
    assert all(i.startswith(digest.id + ":") for i in ids)


def test_blog_statements_by_outlets_and_politicians(blog: AnalyzedArticle) -> None:
    assert _by(blog.statements, "The Times")
    assert _by(blog.statements, "Telegraph")
    relayed = _by(blog.statements, "英国政府の関係者")
    assert relayed and "Politico" in (relayed[0].reported_by or "")
    assert _by(blog.statements, "ジョンソン政権の閣僚")
    nandy = _by(blog.statements, "ナンディー")
    assert nandy and nandy[0].affiliation == "労働党"
    rosindell = _by(blog.statements, "ロジンデル")
    assert rosindell and rosindell[0].affiliation == "保守党"


def test_blog_relative_days_resolve_to_august_2021(blog: AnalyzedArticle) -> None:
    dates = {e.text: e.canonical for e in blog.entities if e.type == "DATE"}
    assert dates["17日"] == "2021-08-17"
    assert dates["18日"] == "2021-08-18"
