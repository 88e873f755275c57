"""Flags, viewpoints and the comment digest: tables of comments, the seed thread, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, SEED_BLOG, need
from typer.testing import CliRunner

from matome.cli import app
from matome.comments.classifier import features, load_model, train
from matome.comments.digest import read_comments
from matome.comments.flags import load_lexicon, matches
from matome.language.tokens import Tokenizer
from matome.read import read_paths
from matome.records import Article, Comment, Origin


@pytest.fixture(scope="module")
def tokenize() -> Tokenizer:
    return Tokenizer()


def _flags(text: str, tokenize: Tokenizer, body: str = "港のストライキで交渉が続く。") -> set[str]:
    article = Article(id="a", origin=Origin("text"), kind="blog", title="港のスト", body=body,
                      comments=(Comment("c1", text), Comment("c2", "港の交渉はどうなるのか")))
    return {f.flag for f in read_comments(article, tokenize).comments[0].flags}


@pytest.mark.parametrize(
    ("text", "flag", "expected"),
    [
        ("アスペって大変だね", "abusive", True),
        ("こいつら本当にクズだな", "abusive", True),
        ("さっさと消えろ", "abusive", True),
        ("アフガンから消える目的だけで動いていた", "abusive", False),
        ("素晴らしい交渉だった", "speculation", False),
        ("社長が辞める噂があるらしい", "speculation", True),
        ("交渉はまとまるかもね", "speculation", True),
        ("組合の要求は月1万8000円で、夜勤の手当が10年据え置きだったから妥当だと思う。データもある。", "constructive", True),
        ("昨日のラーメン屋の行列と駅前の渋滞がすごかった", "off_topic", True),
        ("昨日のラーメン屋がすごかった", "off_topic", False),
        ("チョン・ジヒョンの新作が楽しみ", "abusive", False),
        ("マヌケなミスだ・・・", "abusive", False),
        ("俺もバカだった", "abusive", False),
        ("あいつは本当にバカな奴だ", "abusive", True),
        ("クソ暑い日が続く", "abusive", False),
        ("あの選手は国に帰れ", "abusive", True),
        ("あいつは人間として最低", "abusive", True),
        ("港の交渉は長引きますしね", "abusive", False),
        ("カレンダーをめくらずに済んだ", "abusive", False),
        ("港の交渉はまだ続くと思う", "off_topic", False),
        ("あの連中は本当に気持ち悪い", "abusive", True),
        ("この料理は見た目が気持ち悪い", "abusive", False),
        ("哀れな男だな", "abusive", True),
        ("哀れな結末だった", "abusive", False),
        ("あの政党は本当にゴミ", "abusive", True),
        ("恥知らずの政党だ", "abusive", True),
        ("視聴者をバカにするな", "abusive", False),
        ("送った物資は仕分けできずに結局ゴミになった", "abusive", False),
        ("清掃員がゴミを回収している", "abusive", False),
        ("政府は対策を急ぐが、この料理は気持ち悪い", "abusive", False),
        ("在日韓国人の歴史を学んだ", "abusive", False),
        ("猿の研究者が来日した", "abusive", False),
        ("帰省はゴミが多い", "abusive", False),
        ("あいつはただのクズニートだろ", "abusive", True),
        ("カステラを買ってきた", "abusive", False),
        ("おれよりデブじゃねーか", "abusive", True),
        ("俺もデブだからな", "abusive", False),
    ],
)
def test_flags(tokenize: Tokenizer, text: str, flag: str, expected: bool) -> None:
    assert (flag in _flags(text, tokenize)) is expected


def test_lexicon_matches_whole_words_only(tokenize: Tokenizer) -> None:
    lexicon = load_lexicon(tokenize)
    assert not matches(tokenize("ばかりの素晴らしい景色"), lexicon)
    assert [t.text for t in matches(tokenize("ばかだな"), lexicon)] == ["ばか"]


def test_the_shipped_classifier_loads_and_scores(tokenize: Tokenizer) -> None:
    model = load_model()
    probability, _ = model.score(tokenize("ありがとう、助かりました"))
    assert 0.0 <= probability < 0.5 and len(model.weights) > 100


def test_classifier_features_are_words_not_lone_kana(tokenize: Tokenizer) -> None:
    found = features(tokenize("さはいの天気は晴れ"))
    assert "天気" in found and "天気 晴れ" in found
    assert not {"さ", "は", "い", "の"} & set(found)


def test_training_separates_a_toy_set(tokenize: Tokenizer) -> None:
    texts = ["死ね死ね", "お前は死ね", "本当に死ね", "ありがとう", "助かります", "よい記事です"] * 3
    labels = [True, True, True, False, False, False] * 3
    model = train([tokenize(t) for t in texts], labels)
    assert model.score(tokenize("死ね"))[0] > 0.5 > model.score(tokenize("ありがとう"))[0]


@pytest.fixture(scope="module")
def seed_thread(tokenize: Tokenizer) -> Article:
    (article,) = read_paths([need(SEED_BLOG)])
    assert isinstance(article, Article)
    return read_comments(article, tokenize)


def test_seed_thread_flags_and_links(seed_thread: Article) -> None:
    by_text = {c.text.split("\n")[0]: c for c in seed_thread.comments}
    aspe = next(c for t, c in by_text.items() if t.startswith("アスペ"))
    assert any(f.flag == "abusive" and "アスペ" in f.evidence for f in aspe.flags)
    rumour = next(c for t, c in by_text.items() if "噂があるし" in t)
    assert any(f.flag == "speculation" for f in rumour.flags)
    reply = next(c for t, c in by_text.items() if t.startswith("なんでそんな噂"))
    assert reply.reply_to == rumour.id


def test_seed_thread_digest_names_viewpoints_with_counts(seed_thread: Article) -> None:
    digest = seed_thread.comment_digest
    assert digest is not None and len(digest.summary) == 3
    counts = dict(digest.counts)
    assert counts["comments"] == len(seed_thread.comments) and counts["abusive"] >= 2
    assert all(v.count >= 3 and v.key_words for v in digest.viewpoints)
    assert all(line.split(" ", 2)[2].startswith(digest.viewpoints[n].label) for n, line in enumerate(digest.summary))
    assert max(v.count for v in digest.viewpoints) < counts["comments"] / 4  # no catch-all group
    assert sum(1 for v in digest.viewpoints if v.stance and "バイデン" in v.stance) >= 1
    biden = next(s for s in digest.stances if s.actor == "ジョー・バイデン")
    assert biden.comments >= 10 and biden.negative > biden.positive
    abusive = {c.id for c in seed_thread.comments if any(f.flag == "abusive" for f in c.flags)}
    assert not abusive & {c for v in digest.viewpoints for c in v.comments}


def test_comments_cli_json_and_hide(tmp_path: Path) -> None:
    page = EXAMPLES / "minatogawa-strike" / "kowan-watch-blog.txt"
    runner = CliRunner()
    record = json.loads(runner.invoke(app, ["comments", str(page)]).stdout)
    assert record["comment_digest"]["summary"] and all("flags" in c for c in record["comments"])
    hidden = json.loads(runner.invoke(app, ["comments", str(page), "--hide", "abusive"]).stdout)
    assert len(hidden["comments"]) < len(record["comments"])
    text = runner.invoke(app, ["comments", str(page), "--format", "text", "--hide", "abusive"]).stdout
    assert "(folded: abusive)" in text
    assert runner.invoke(app, ["comments", str(page), "--hide", "rude"]).exit_code != 0


def test_comment_script_is_text_in_every_output(tmp_path: Path) -> None:
    blog = EXAMPLES / "aoba-bus" / "aoba-kotsu-watch-blog.html"
    hostile = blog.read_text(encoding="utf-8").replace("雨の日の停留所に屋根がないのはつらい",
                                                      "&lt;script&gt;alert(9)&lt;/script&gt;屋根がない停留所はつらい")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blog.html").write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["digest", str(tmp_path / "in"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for path in out.glob("*.html"):
        assert "<script>" not in path.read_text(encoding="utf-8")
    text = CliRunner().invoke(app, ["comments", str(tmp_path / "in"), "--format", "text"]).stdout
    assert "<script>alert(9)</script>" in text  # plain text for a terminal: shown as written, not interpreted
