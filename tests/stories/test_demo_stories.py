"""The demo corpus: the stories it was written with come back exactly, with their disagreements and checks."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.conftest import EXAMPLES

from matome.records import AnalyzedArticle, Digest


def _truth() -> dict[str, str]:
    rows = [line.split("\t") for line in (Path(__file__).with_name("demo_stories.tsv")).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return {name: story for name, story in rows}


def _name(article: AnalyzedArticle) -> str:
    path = Path(article.origin.path or "").resolve().relative_to(EXAMPLES).as_posix()
    return f"{path}:{article.origin.line}" if article.origin.line else path


def _members(digest: Digest, names: dict[str, str]) -> list[str]:
    reports = [r for card in digest.cards for r in (card.article, *card.copies)]
    return [names[r.split("#")[0]] + ("#" + r.split("#")[1] if "#" in r else "") for r in reports]


def test_stories_are_recovered_exactly(demo_digests: list[Digest], demo_articles: list[AnalyzedArticle]) -> None:
    names = {a.id: _name(a) for a in demo_articles}
    truth = _truth()
    clusters = [[truth[m] for m in _members(d, names)] for d in demo_digests]
    assert sorted(m for d in demo_digests for m in _members(d, names)) == sorted(truth)
    total = sum(len(c) for c in clusters)
    purity = sum(Counter(c).most_common(1)[0][1] for c in clusters) / total
    by_story: dict[str, Counter[int]] = {}
    for n, cluster in enumerate(clusters):
        for story in cluster:
            by_story.setdefault(story, Counter())[n] += 1
    inverse = sum(c.most_common(1)[0][1] for c in by_story.values()) / total
    assert (purity, inverse) == (1.0, 1.0)


def _strike(digests: list[Digest]) -> Digest:
    return next(d for d in digests if "スト" in d.title and len(d.cards) > 2)


def test_contradicting_outlets_appear_where_accounts_differ(demo_digests: list[Digest]) -> None:
    sides = [s for d in _strike(demo_digests).disagreements for s in d.sides]
    sources = {s.source for s in sides}
    assert {"東都新聞", "西海日報"} <= sources
    assert any("決裂した" in s.content for s in sides) and any("決裂していない" in s.content for s in sides)


def test_the_mixed_digest_page_is_flagged(demo_digests: list[Digest]) -> None:
    checks = [c for d in demo_digests for c in d.checks if c.code == "digest-mixes-events"]
    assert len(checks) == 2
    assert all("湊川港スト、組合と会社の攻防は" in c.message for c in checks)


def test_syndicated_copies_are_one_report(demo_digests: list[Digest]) -> None:
    strike = _strike(demo_digests)
    toto = next(c for c in strike.cards if c.outlet == "東都新聞")
    assert len(toto.copies) == 2
    assert [c.outlet for c in strike.cards].count("みなと経済ネット") == 0
    assert any(c.code == "syndicated-copy" for c in strike.checks)


def test_two_outlets_date_the_start_differently(demo_digests: list[Digest]) -> None:
    check = next(c for c in _strike(demo_digests).checks if c.code == "dates-differ")
    assert "2026-10-15" in check.message and "2026-10-16" in check.message


def test_every_card_has_three_lines(demo_digests: list[Digest]) -> None:
    assert all(len(card.summary) == 3 for d in demo_digests for card in d.cards)
    assert all(len(d.conclusion) == 3 for d in demo_digests)
