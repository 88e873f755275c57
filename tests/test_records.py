from matome.records import Article, Comment, Notice, Origin, Reference, Section, SourceCard


def test_article_round_trips_through_plain_data() -> None:
    article = Article(
        id="abc", origin=Origin("text", path="a.txt"), kind="digest", title="題",
        sections=(Section("見出し", ("段落一", "段落二")),),
        source_cards=(SourceCard("カード", "2025-05-20", ("一", "二", "三"), "ロイター", "https://x.example/"),),
        references=(Reference("reference", "参考", None),), comments=(Comment("c1", "本文", reply_to=None),),
        warnings=(Notice("repeated-line", "…"),),
    )
    data = article.to_dict()
    assert data["sections"] == [{"heading": "見出し", "paragraphs": ["段落一", "段落二"]}]
    assert data["source_cards"][0]["summary"] == ["一", "二", "三"]
    assert Article.from_dict(data) == article


def test_from_dict_ignores_unknown_fields() -> None:
    data = Article(id="x", origin=Origin("html"), kind="article").to_dict() | {"sentences": []}
    assert Article.from_dict(data).id == "x"
