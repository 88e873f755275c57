"""Every line of every demo digest is backed by the source sentences it cites; every quotation is verbatim."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from matome.language.analyze import Analyzer
from matome.records import AnalyzedArticle

QUOTE = re.compile(r"「([^「」]+)」")


def _lines(record: dict) -> list[tuple[str, list[str]]]:
    lines = [(record["lead"]["text"], record["lead"]["support"])]
    lines += [(line["text"], line["support"]) for card in record["cards"] for line in card["summary"]]
    lines += [(line["text"], line["support"]) for line in record["conclusion"]]
    lines += [(entry["text"], entry["support"]) for entry in record["timeline"]]
    lines += [(s["content"], [s["sentence"]]) for s in record["statements"]]
    lines += [(side["content"], [side["sentence"]]) for d in record["disagreements"] for side in d["sides"]]
    lines += [(point["text"], point["support"]) for point in record["points"]]
    return [(text, support) for text, support in lines if text]


def _digests(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("s-*.json"))]


def test_support_ids_exist(demo_out: Path, demo_articles: list[AnalyzedArticle]) -> None:
    known = {s.id for a in demo_articles for s in a.sentences}
    for record in _digests(demo_out):
        for text, support in _lines(record):
            assert support, text
            assert set(support) <= known, text


def test_content_words_appear_in_the_supporting_sentences(demo_out: Path, demo_articles: list[AnalyzedArticle],
                                                         analyzer: Analyzer) -> None:
    sentences = {s.id: s.text for a in demo_articles for s in a.sentences}
    checked = 0
    for record in _digests(demo_out):
        for text, support in _lines(record):
            source = "".join(sentences[i] for i in support)
            words = [t.surface for t in analyzer.tokenize(text) if t.pos[0] in ("名詞", "動詞") and len(t.surface) > 1]
            missing = [w for w in words if w not in source]
            assert not missing, (text, missing, source)
            checked += 1
    assert checked > 50


def test_every_quotation_is_verbatim_in_the_sentence_it_cites(demo_out: Path,
                                                             demo_articles: list[AnalyzedArticle]) -> None:
    sentences = {s.id: s.text for a in demo_articles for s in a.sentences}
    quotes = 0
    for record in _digests(demo_out):
        for text, support in _lines(record):
            for quote in QUOTE.findall(text):
                assert any(quote in sentences[i] for i in support), quote
                quotes += 1
    assert quotes > 5


@pytest.mark.parametrize("suffix", ["md", "html", "json"])
def test_every_quotation_in_every_output_is_in_the_sources(demo_out: Path, demo_articles: list[AnalyzedArticle],
                                                           suffix: str) -> None:
    titles = [t for a in demo_articles for t in (a.title, *(c.title for c in a.source_cards)) if t]
    titles += [c.text.replace("\n", " ") for a in demo_articles for c in a.comments]
    corpus = "\n".join([*titles, *(s.text for a in demo_articles for s in a.sentences)])
    rendered = "\n".join(p.read_text(encoding="utf-8") for p in demo_out.glob(f"s-*.{suffix}"))
    if suffix == "json":
        rendered = "\n".join(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False)
                             for p in demo_out.glob("s-*.json"))
    quotes = [html.unescape(q).replace("\\", "") for q in QUOTE.findall(rendered)]
    assert len(quotes) > 5
    assert [q for q in quotes if q not in corpus] == []


def test_every_citation_in_every_output_resolves(demo_out: Path, demo_articles: list[AnalyzedArticle]) -> None:
    citable = {k for a in demo_articles for k in a.citable()}
    comment_lines = [line for record in _digests(demo_out) for line in record["reactions"]["summary"]]
    assert comment_lines, "the demo has comment threads"
    assert all(set(line["support"]) <= citable for line in comment_lines)
    for page in [*demo_out.glob("*.md"), *demo_out.glob("*.html")]:
        assert "(sentence not found)" not in page.read_text(encoding="utf-8"), page.name
