"""The web app over a store, through a test client: every route, search with a date filter, 404s, and hostile stored
text (a `<script>` title, a `javascript:` URL) rendered inert."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

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
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "matome.db"
    runner = CliRunner()
    for source in (EXAMPLES / "minatogawa-strike", EXAMPLES / "sakuradai-sister-city", folder / "hostile.jsonl"):
        assert runner.invoke(cli, ["ingest", str(source), "--db", str(db)]).exit_code == 0
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> TestClient:
    return TestClient(create_app(store))


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


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed (make test installs it)")
@pytest.mark.parametrize("width", [1280, 390])
def test_the_app_in_a_browser(server: str, client: TestClient, width: int) -> None:
    from playwright.sync_api import sync_playwright

    story = next(s for s in client.get("/api/stories").json() if s["sources"] >= 2)["id"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": 900})
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        for path in ("/", f"/stories/{story}", "/search?q=中学生の相互派遣"):
            page.goto(server + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
            broken = page.evaluate("""[...document.querySelectorAll('a[href^="#"]')]
                .filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length""")
            assert broken == 0, path
            assert page.evaluate("document.scripts.length") == 0
        browser.close()
    assert errors == []


def test_an_unanalysed_article_an_empty_form_and_an_outlet_with_a_slash(tmp_path: Path) -> None:
    source = tmp_path / "plain.jsonl"
    source.write_text(json.dumps({"url": "https://a.example/1", "title": "分析なしの記事", "site": "放送局 / ニュース",
                                  "date": "2026-11-01", "body": "港で新しい岸壁の完成式典が開かれた。"},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "plain.db"
    assert CliRunner().invoke(cli, ["ingest", str(source), "--db", str(db), "--no-analyze"]).exit_code == 0
    plain = TestClient(create_app(db))
    hit = plain.get("/api/search", params={"q": "完成式典", "since": "", "until": "", "site": ""}).json()
    assert len(hit) == 1
    page = plain.get(f"/articles/{hit[0]['id']}")
    assert page.status_code == 200 and "分析なしの記事" in page.text
    assert plain.get("/search", params={"q": "完成式典", "since": "", "until": "", "site": ""}).status_code == 200
    assert plain.get("/api/search", params={"q": "完成式典", "since": "yesterday"}).status_code == 422
    link = page.text.split('href="/outlets/')[1].split('"')[0]
    assert plain.get(f"/outlets/{link}").status_code == 200
