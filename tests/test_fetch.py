"""`matome fetch` against a small news site served on 127.0.0.1 by the test: feeds, sitemaps, robots.txt, politeness,
conditional GET, and a named failure for each kind of bad response while the rest is stored."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from matome.cli import app
from matome.records import ReadFailure
from matome.store import Store

runner = CliRunner()
ARTICLE = ("<html><head><meta charset='utf-8'><title>{title}</title></head><body><article><h1>{title}</h1>"
           "<p>{body}</p><p>市の担当者は「安全を最優先に進める」と話した。</p></article></body></html>")
ARTICLES = {
    "/news/a1.html": ("桜台市で新しい図書館が開館", "桜台市は10日、駅前に新しい市立図書館を開館した。蔵書は約20万冊。"),
    "/news/a2.html": ("青葉市のバス路線が再編へ", "青葉市は11日、来年4月から市内のバス路線を再編すると発表した。"),
    "/news/a3.html": ("湊川港に新しい岸壁が完成", "湊川県は12日、湊川港の新しい岸壁の完成式典を開いた。"),
    "/private/p1.html": ("非公開の下書き", "この記事は公開前の下書きで、取得されてはならない。"),
}


LOCAL_FEED = Path(__file__).with_name("local-feed-must-not-be-read.xml")


class Site(BaseHTTPRequestHandler):
    log: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Site.log.append(self.path)
        host = f"http://{self.headers['Host']}"
        if self.path == "/robots.txt":
            return self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        if self.path == "/odd-sitemap.xml":  # a location that cannot be fetched, and a relative one
            xml = ("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>http://[bad/x</loc></url>"
                   "<url><loc>/news/a1.html</loc></url></urlset>")
            return self._send(200, "application/xml", xml.encode())
        if self.path == "/flaky-feed.rss":
            rss = (f"<rss version='2.0'><channel><title>t</title><item><link>{host}/news/flaky.html</link></item>"
                   "</channel></rss>")
            return self._send(200, "application/rss+xml", rss.encode(), etag='"flaky-feed"')
        if self.path == "/news/flaky.html":  # down for the first run, up for the next
            if Site.log.count(self.path) <= 3:
                return self._send(503, "text/html", b"busy")
            return self._send(200, "text/html; charset=utf-8",
                              ARTICLE.format(title="再開した記事", body="一度は応答しなかった記事の本文です。").encode())
        if self.path == "/path-feed.rss":  # a body that is a file name: never opened as a file
            return self._send(200, "application/rss+xml", str(LOCAL_FEED).encode())
        if self.path == "/feed.rss":
            items = "".join(f"<item><title>{t}</title><link>{host}{p}</link></item>"
                            for p, (t, _) in ARTICLES.items() if p != "/news/a3.html")
            rss = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>site</title>{items}"
            return self._send(200, "application/rss+xml", (rss + "</channel></rss>").encode(),
                              etag=f'"feed-{len(ARTICLES)}"')
        if self.path == "/sitemap_index.xml":
            xml = (f"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                   f"<sitemap><loc>{host}/news-sitemap.xml</loc></sitemap></sitemapindex>")
            return self._send(200, "application/xml", xml.encode())
        if self.path == "/news-sitemap.xml":
            xml = (f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
                   f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>{host}/news/a3.html</loc>"
                   f"<news:news><news:title>岸壁</news:title></news:news></url></urlset>")
            return self._send(200, "application/xml", xml.encode())
        if self.path in ARTICLES:
            title, body = ARTICLES[self.path]
            return self._send(200, "text/html; charset=utf-8", ARTICLE.format(title=title, body=body).encode(),
                              etag=f'"{self.path}"')
        if self.path == "/err.html":
            return self._send(500, "text/html", b"error")
        if self.path == "/slow.html":
            time.sleep(2.5)
            return self._send(200, "text/html", b"<html>late</html>")
        if self.path in ("/loop1", "/loop2"):
            self.send_response(302)
            self.send_header("Location", "/loop2" if self.path == "/loop1" else "/loop1")
            self.end_headers()
            return None
        if self.path == "/big.html":
            return self._send(200, "text/html", b"<p>" + b"x" * (30 * 1024 * 1024) + b"</p>")
        if self.path == "/doc.pdf":
            return self._send(200, "application/pdf", b"%PDF-1.4 not a page")
        return self._send(404, "text/html", b"not found")

    def _send(self, status: int, kind: str, body: bytes, etag: str | None = None) -> None:
        if etag and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up on a large body
            self.wfile.write(body)


@pytest.fixture()
def site() -> Iterator[str]:
    Site.log = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _fetch(site: str, archive: Path, db: Path) -> list[str]:
    bad = [f"{site}/err.html", f"{site}/slow.html", f"{site}/loop1", f"{site}/big.html", f"{site}/doc.pdf"]
    result = runner.invoke(app, ["fetch", *bad, "--feed", f"{site}/feed.rss", "--sitemap", f"{site}/sitemap_index.xml",
                                 "--archive", str(archive), "--db", str(db), "--delay", "0", "--timeout", "1"])
    assert result.exit_code == 0, result.output
    return result.stderr.splitlines()


def test_fetch_by_feed_and_sitemap_honours_robots_and_names_every_failure(site: str, tmp_path: Path) -> None:
    lines = _fetch(site, tmp_path / "archive", tmp_path / "matome.db")
    with Store(tmp_path / "matome.db") as store:
        urls = sorted(a.url or "" for a in store.articles())
    assert urls == [f"{site}/news/a{n}.html" for n in (1, 2, 3)]
    assert "/private/p1.html" not in Site.log
    text = "\n".join(lines)
    for path, reason in (("err.html", "HTTP 500"), ("slow.html", "timeout"), ("loop1", "too-many-redirects"),
                         ("big.html", "response-too-large"), ("doc.pdf", "not-a-page")):
        assert any(path in line and reason in line for line in lines), (path, text)
    assert Site.log.count("/err.html") == 3  # the first try and two retries with backoff


def test_a_second_run_fetches_nothing_new(site: str, tmp_path: Path) -> None:
    _fetch(site, tmp_path / "archive", tmp_path / "matome.db")
    first = len(Site.log)
    lines = _fetch(site, tmp_path / "archive", tmp_path / "matome.db")
    again = Site.log[first:]
    assert not any(p.startswith("/news/") for p in again)  # known articles are not asked for again
    assert any("fetched 0 new or changed pages" in line for line in lines)


def test_fetch_notes_what_it_ingested_and_takes_delay_and_timeout_from_the_config(site: str, tmp_path: Path) -> None:
    _fetch(site, tmp_path / "archive", tmp_path / "matome.db")
    ingested = json.loads((tmp_path / "archive" / ".ingested.json").read_text(encoding="utf-8"))
    assert sorted(ingested) == sorted(p.name for p in (tmp_path / "archive").glob("*.warc.gz"))
    config = tmp_path / "matome.toml"
    config.write_text(f'db = "{tmp_path / "matome.db"}"\n[update]\ndelay = 0\ntimeout = 0.5\n', encoding="utf-8")
    result = runner.invoke(app, ["fetch", f"{site}/slow.html", "--archive", str(tmp_path / "archive"),
                                 "--config", str(config)])
    assert "slow.html" in result.stderr and "timeout" in result.stderr  # it answers in 2.5 s: within 20, not 0.5


def test_ingesting_the_archive_gives_the_records_the_fetch_stored(site: str, tmp_path: Path) -> None:
    _fetch(site, tmp_path / "archive", tmp_path / "matome.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "archive"), "--db", str(tmp_path / "offline.db")])
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "matome.db") as online, Store(tmp_path / "offline.db") as offline:
        assert sorted(online.articles(), key=lambda a: a.id) == sorted(offline.articles(), key=lambda a: a.id)
    assert "unsupported" not in result.stderr


def test_update_twice_finds_nothing_new_and_a_new_feed_item_rebuilds_only_its_story(
        site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "matome.toml"
    config.write_text(f"""db = "{tmp_path / 'news.db'}"
[update]
archive = "{tmp_path / 'archive'}"
out = "{tmp_path / 'digests'}"
delay = 0
timeout = 1
[[update.sources]]
feed = "{site}/feed.rss"
[[update.sources]]
sitemap = "{site}/sitemap_index.xml"
""", encoding="utf-8")
    first = runner.invoke(app, ["update", "--config", str(config)])
    assert first.exit_code == 0, first.output
    assert "fetched 3 new or changed pages" in first.stderr
    second = runner.invoke(app, ["update", "--config", str(config)])
    assert "fetched 0 new or changed pages" in second.stderr and "0 rebuilt" in second.stderr
    monkeypatch.setitem(ARTICLES, "/news/a4.html", ("湊川市で花火大会", "湊川市は20日夜、港で三年ぶりの花火大会を開き、約5万人が訪れた。"))
    start = len(Site.log)
    third = runner.invoke(app, ["update", "--config", str(config)])
    assert [p for p in Site.log[start:] if p.startswith("/news/")] == ["/news/a4.html"]
    assert "fetched 1 new or changed pages" in third.stderr and "1 rebuilt" in third.stderr


def test_with_nothing_new_update_keeps_its_digests_unless_the_store_changed_after_them(site: str,
                                                                                      tmp_path: Path) -> None:
    import os

    config = tmp_path / "matome.toml"
    config.write_text(f'db = "{tmp_path / "news.db"}"\n[update]\narchive = "{tmp_path / "archive"}"\nout = '
                      f'"{tmp_path / "digests"}"\ndelay = 0\n[[update.sources]]\nfeed = "{site}/feed.rss"\n',
                      encoding="utf-8")
    assert runner.invoke(app, ["update", "--config", str(config)]).exit_code == 0
    stories = tmp_path / "digests" / "stories.json"
    for moved, rebuilt in ((3600, False), (-3600, True)):  # written after the store's last change, or before it
        stamp = time.time() + moved
        os.utime(stories, (stamp, stamp))
        assert runner.invoke(app, ["update", "--config", str(config)]).exit_code == 0
        assert (stories.stat().st_mtime != stamp) is rebuilt


def test_a_second_update_on_a_locked_store_is_refused(site: str, tmp_path: Path) -> None:
    import fcntl

    config = tmp_path / "matome.toml"
    config.write_text(f'db = "{tmp_path / "news.db"}"\n[[update.sources]]\nfeed = "{site}/feed.rss"\n', encoding="utf-8")
    with (tmp_path / "news.db.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = runner.invoke(app, ["update", "--config", str(config)])
    assert result.exit_code == 2 and "(store-locked)" in result.stderr


def test_requests_to_one_host_wait_its_configured_delay(site: str, tmp_path: Path) -> None:
    from urllib.parse import urlsplit

    from matome.fetch.http import FetchConfig, Fetcher

    waits: list[float] = []
    config = FetchConfig(delay=0.0, host_delays=((urlsplit(site).netloc, 5.0),))
    with Fetcher(tmp_path / "archive", config, sleep=waits.append) as fetcher:
        fetcher.get(f"{site}/news/a1.html")
        fetcher.get(f"{site}/news/a2.html")
    assert len(waits) == 2 and all(4.0 < w <= 5.0 for w in waits)  # after robots.txt, and between the two pages


def test_links_that_cannot_be_fetched_are_named_and_a_body_is_never_a_file_name(site: str, tmp_path: Path) -> None:
    from matome.fetch.collect import collect
    from matome.fetch.http import FetchConfig

    assert not LOCAL_FEED.exists()
    run = collect(tmp_path / "archive", feeds=[f"{site}/path-feed.rss"], sitemaps=[f"{site}/odd-sitemap.xml"],
                  config=FetchConfig(delay=0, timeout=2))
    assert sorted(f.code for f in run.failures) == ["bad-feed", "bad-url"]
    assert run.fetched == 1  # the relative link, made absolute


def test_a_page_that_failed_is_asked_for_again_though_its_feed_is_unchanged(site: str, tmp_path: Path) -> None:
    from matome.fetch.collect import collect
    from matome.fetch.http import FetchConfig

    config = FetchConfig(delay=0, timeout=2, backoff=0)
    first = collect(tmp_path / "archive", feeds=[f"{site}/flaky-feed.rss"], config=config)
    assert first.fetched == 0 and [f.code for f in first.failures] == ["http-error"]
    second = collect(tmp_path / "archive", feeds=[f"{site}/flaky-feed.rss"], config=config)
    assert second.fetched == 1 and not second.failures
    assert len(list((tmp_path / "archive").glob("*.warc.gz"))) == 2  # each run its own file, none overwritten


@pytest.mark.parametrize(("robots", "path", "allowed"), [
    ("User-agent: *\nAllow: /\nDisallow: /private/\n", "/private/a.html", False),  # the longest rule wins
    ("User-agent: *\nDisallow: /news/\nAllow: /news/open/\n", "/news/open/a.html", True),
    ("User-agent: *\nDisallow: /*.pdf$\n", "/files/a.pdf", False),
    ("User-agent: *\nDisallow: /*.pdf$\n", "/files/a.pdf.html", True),
    ("User-agent: *\nDisallow: /*?print=\n", "/a.html?print=1", False),
    ("User-agent: matome\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "/a.html", False),  # the group naming matome
    ("User-agent: otherbot\nDisallow: /\n", "/a.html", True),
    ("User-agent: *\nDisallow: /a\nAllow: /a\n", "/a.html", True),  # allow on a tie
])
def test_robots_rules_as_rfc_9309_reads_them(robots: str, path: str, allowed: bool) -> None:
    from matome.fetch.robots import parse

    assert parse(robots).allows(f"https://news.example{path}") is allowed


def test_an_unreadable_fetch_state_is_named_not_silently_reset(tmp_path: Path) -> None:
    from matome.fetch.collect import PENDING, collect
    from matome.fetch.http import STATE

    (tmp_path / STATE).write_text("{cut short", encoding="utf-8")
    (tmp_path / PENDING).write_text("[not json", encoding="utf-8")
    named: list[ReadFailure] = []
    run = collect(tmp_path, on_failure=named.append)
    assert [f.code for f in named] == ["bad-fetch-state", "bad-fetch-state"] == [f.code for f in run.failures]
    assert {STATE, PENDING} == {Path(f.origin.path or "").name for f in named}


def test_a_store_in_a_missing_directory_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["fetch", "http://127.0.0.1:9/a.html", "--archive", str(tmp_path / "archive"),
                                 "--db", str(tmp_path / "missing" / "news.db")])
    assert result.exit_code == 2 and "(store-unwritable)" in result.stderr and "Traceback" not in result.output
