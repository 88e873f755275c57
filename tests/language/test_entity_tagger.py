"""The learned entity tagger and the entity record: labels round-trip, the shipped weights load and tag, a name is
bare with its title apart."""

from __future__ import annotations

from matome.language.analyze import Analyzer
from matome.language.tagger import TaggedSpan, bio, shipped_tagger, spans_of
from matome.language.tokens import Tokenizer
from matome.records import Article, Origin


def test_bio_labels_round_trip() -> None:
    spans = [TaggedSpan(0, 2, "PERSON"), TaggedSpan(3, 6, "ORG"), TaggedSpan(6, 8, "PLACE")]
    assert spans_of(bio(10, spans)) == spans


def test_overlapping_gold_spans_keep_the_first() -> None:
    assert spans_of(bio(6, [TaggedSpan(0, 4, "ORG"), TaggedSpan(2, 5, "PERSON")])) == [TaggedSpan(0, 4, "ORG")]


def test_the_shipped_tagger_finds_people_organisations_and_places() -> None:
    text = "田中太郎さんはトヨタ自動車の工場がある愛知県豊田市を訪れた。"
    found = {(text[s.start: s.end], s.label) for s in shipped_tagger()(text, Tokenizer()(text))}
    assert ("田中太郎", "PERSON") in found
    assert ("トヨタ自動車", "ORG") in found
    assert any(label == "PLACE" and name.startswith("愛知県") for name, label in found)


def test_entity_text_is_the_bare_name_and_the_title_is_apart(analyzer: Analyzer) -> None:
    body = "石破茂首相は会見した。田中太郎氏も出席した。"
    article = Article(id="c" * 16, origin=Origin("text"), kind="article", title=None, body=body,
                      published="2025-05-20")
    people = {(e.text, e.title) for e in analyzer.analyze(article).entities if e.type == "PERSON"}
    assert {("石破茂", "首相"), ("田中太郎", "氏")} <= people


def test_english_function_words_are_not_entities(analyzer: Analyzer) -> None:
    body = "The company was founded last year in Osaka."
    article = Article(id="d" * 16, origin=Origin("text"), kind="article", title=None, body=body)
    entities = analyzer.analyze(article).entities
    words = {w for e in entities for w in e.text.lower().replace(".", " ").split()}
    assert not words & {"was", "last", "the", "in"}
