"""The web app over a store, through a test client: every route, search with a date filter, 404s, and hostile stored
text (a `<script>` title, a `javascript:` URL) rendered inert."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

from matome.cli import app as cli
from matome.serve.app import create_app

HOSTILE = {"url": "javascript:alert(1)", "title": "<script>alert('題')</script>港の記事",
           "date": "2026-10-17T09:00:00+09:00", "site": "hostile.example",
           "body": "湊川港のストライキについて、港湾の労働組合は「交渉を続ける」と述べた。"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("site")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "matome.db"
    runner = CliRunner()
    for source in (EXAMPLES / "minatogawa-strike", EXAMPLES / "sakuradai-sister-city", folder / "hostile.jsonl"):
        assert runner.invoke(cli, ["ingest", str(source), "--db", str(db)]).exit_code == 0
    return TestClient(create_app(db))


def test_the_index_lists_stories_newest_first_in_japanese(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "ストーリー" in page.text and "件の報道" in page.text
    days = [s["day"] for s in client.get("/api/stories").json()]
    assert days == sorted(days, reverse=True)
    assert client.get("/style.css").headers["content-type"].startswith("text/css")


def test_a_story_page_is_the_digest_with_every_footnote(client: TestClient) -> None:
    story = next(s for s in client.get("/api/stories").json() if s["sources"] >= 2)
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200 and "結論" in page.text and "(sentence not found)" not in page.text
    assert client.get(f"/api/stories/{story['id']}").json()["id"] == story["id"]


def test_article_actor_and_outlet_pages(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "姉妹都市"}).json()[0]
    article = client.get(f"/articles/{hit['id']}")
    assert article.status_code == 200 and "元の記事" in article.text and hit["title"] in article.text
    record = client.get(f"/api/articles/{hit['id']}").json()
    speaker = next(s for s in record["statements"] if s["speaker"])
    actor = client.get(f"/actors/{speaker['speaker_canonical'] or speaker['speaker']}")
    assert actor.status_code == 200 and speaker["content"][:10] in actor.text
    assert client.get(f"/outlets/{record['site']}").status_code == 200


def test_search_finds_a_word_in_a_body_and_filters_by_date_and_site(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "中学生の相互派遣"}).json()
    assert len(hits) == 2
    assert client.get("/api/search", params={"q": "中学生の相互派遣", "since": "2026-11-20"}).json() == []
    one = client.get("/api/search", params={"q": "中学生の相互派遣", "site": "aoba-shinpo.example"}).json()
    assert [h["site"] for h in one] == ["aoba-shinpo.example"]
    assert len(client.get("/api/search", params={"q": "港"}).json()) >= 3  # one character: a scan, not trigrams
    assert "中学生の相互派遣" in client.get("/search", params={"q": "中学生の相互派遣"}).text


def test_unknown_ids_are_404(client: TestClient) -> None:
    for path in ("/stories/s-0000000000", "/articles/0000000000000000", "/actors/nobody", "/outlets/none.example",
                 "/api/stories/s-0000000000", "/api/articles/0"):
        assert client.get(path).status_code == 404, path


def test_hostile_stored_text_is_inert(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "湊川港のストライキについて"}).json()[0]
    for path in (f"/articles/{hit['id']}", "/", "/search?q=港の記事", "/outlets/hostile.example"):
        text = client.get(path).text
        assert "<script>" not in text and 'href="javascript:' not in text, path
    if hit["story"]:
        assert "<script>" not in client.get(f"/stories/{hit['story']}").text
    assert client.get("/docs").status_code == 200 and client.get("/openapi.json").json()["info"]["title"] == "matome"
