"""Both seeds as input: the digest page's cards do not all join the story of its title, and the checks say so."""

from __future__ import annotations

import pytest
from tests.conftest import SEED_BLOG, SEED_DIGEST, analysed, need

from matome.read import read_paths
from matome.records import Digest
from matome.run.stages import Stages
from matome.stories.digest import build_digests


@pytest.fixture(scope="module")
def seed_digests(stages: Stages) -> tuple[list[Digest], str]:
    articles = analysed(stages, list(read_paths([need(SEED_DIGEST), need(SEED_BLOG)])))
    page = next(a.id for a in articles if a.kind == "digest")
    return build_digests(articles, stages.tokenize), page


def test_cards_do_not_all_land_with_the_pages_title(seed_digests: tuple[list[Digest], str]) -> None:
    digests, page = seed_digests
    home = next(d for d in digests if any(c.article == page for c in d.cards))
    cards_home = [c.article for c in home.cards if c.article.startswith(page + "#")]
    assert len(cards_home) < 3
    mixed = [c for c in home.checks if c.code == "digest-mixes-events"]
    assert len(mixed) == 3 - len(cards_home)
    assert any("2025-05-20" in c.message for c in mixed) and any("2025-04-22" in c.message for c in mixed)


def test_putin_and_trump_disagree_on_halting_military_aid(seed_digests: tuple[list[Digest], str]) -> None:
    digests, _ = seed_digests
    points = [d for digest in digests for d in digest.disagreements if "軍事支援停止" in d.point]
    assert points
    speakers = {s.speaker for s in points[0].sides}
    assert any("プーチン" in (s or "") for s in speakers) and any("トランプ" in (s or "") for s in speakers)


def test_the_afghanistan_blog_is_its_own_story(seed_digests: tuple[list[Digest], str]) -> None:
    digests, page = seed_digests
    blog = [d for d in digests if any(c.kind == "blog" for c in d.cards)]
    assert len(blog) == 1 and all(not c.article.startswith(page) for c in blog[0].cards)


def test_the_pages_editorial_remarks_are_not_its_summary_lines(seed_digests: tuple[list[Digest], str]) -> None:
    digests, page = seed_digests
    lines = [line.text for d in digests for c in d.cards if c.article.startswith(page) for line in c.summary]
    assert lines and not any(line.endswith(("ようです。", "ですね。", "ますね。")) for line in lines)
