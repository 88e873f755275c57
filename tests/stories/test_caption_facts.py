"""Photo captions in a report's body stay in the record but are never a digest's facts: not a point, a ✅ line, the
lead, a 💡 line or a timeline entry."""

from __future__ import annotations

import pytest

from matome.language.analyze import Analyzer
from matome.records import AnalyzedArticle, Article, Digest, Origin
from matome.stories.digest import build_digests

EAST = ("濁流にのまれた青葉橋=3日午前、青葉市東町(青葉市提供)\n"
        "青葉市では3日未明から記録的な大雨となり、市内を流れる青葉川が氾濫した。"
        "市によると、住宅約120棟が浸水し、住民2人が軽いけがをした。市は4日も避難所を開き、住民に警戒を呼びかけている。")
WEST = ("避難所で毛布を受け取る住民=3日夜、青葉市中央(本社ヘリから、木村健吾撮影)\n"
        "記録的な大雨で、青葉市の青葉川が3日に氾濫し、住宅約120棟が浸水した。"
        "住民2人が軽いけがをした。青葉市は4日も避難所を開いている。")


@pytest.fixture(scope="module")
def reports(analyzer: Analyzer) -> list[AnalyzedArticle]:
    return [analyzer.analyze(Article(id=f"t{n}", origin=Origin("jsonl"), kind="article", site=site,
                                     title="青葉川が氾濫", body=body, published="2026-07-04"))
            for n, (site, body) in enumerate((("east.example", EAST), ("west.example", WEST)))]


def _cited(digest: Digest) -> set[str]:
    lines = [digest.lead, *digest.conclusion, *(line for card in digest.cards for line in card.summary)]
    return ({s for line in lines for s in line.support} | {s for p in digest.points for s in p.support}
            | {s for entry in digest.timeline for s in entry.support})


def test_captions_are_kept_but_no_line_of_the_digest_cites_them(reports: list[AnalyzedArticle],
                                                                analyzer: Analyzer) -> None:
    captions = {s.id for a in reports for s in a.sentences if s.part == "caption"}
    assert captions == {"t0:2", "t1:2"}
    (digest,) = build_digests(reports, analyzer.tokenize)
    assert any(len(p.sources) == 2 for p in digest.points) and digest.timeline
    assert not _cited(digest) & captions


def test_a_report_that_opens_with_a_caption_is_led_by_its_first_sentence(reports: list[AnalyzedArticle],
                                                                         analyzer: Analyzer) -> None:
    (digest,) = build_digests(reports[:1], analyzer.tokenize)
    assert digest.lead.support == ("t0:3",)
    assert "t0:2" not in _cited(digest)
