"""The local web app over a store: stories by day, a story's digest, an article, a speaker, an outlet, full-text
search, and the same as JSON under /api (OpenAPI docs at /docs). Read-only: the store is opened, read once at start,
and closed; stories are grouped as `matome digest` groups them.

Search is SQLite FTS5 with the trigram tokenizer, in memory: Japanese has no spaces, and trigrams match any run of
three characters or more without a dictionary; a query of one or two characters (首相) is answered by a scan.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse

from matome.language.tokens import Tokenizer
from matome.records import AnalyzedArticle, Article, Digest, citable
from matome.render.write import environment, render_story_page, story_day, web_url
from matome.store import Store
from matome.stories.digest import build_digests

PAGE_SIZE = 30
SEARCH_LIMIT = 50


@dataclass
class Corpus:
    """The store as the app serves it: articles, stories, who said what, and a search index."""

    articles: dict[str, Article]
    stories: list[Digest]
    story_of: dict[str, str]  # article id -> story id
    sentences: dict[str, str]
    index: sqlite3.Connection

    @classmethod
    def load(cls, db: Path) -> Corpus:
        with Store(db) as store:
            articles = store.articles()
        analysed = [a for a in articles if isinstance(a, AnalyzedArticle)]
        stories = sorted(build_digests(analysed, Tokenizer()), key=lambda d: (story_day(d) or "", d.id),
                         reverse=True)
        index = sqlite3.connect(":memory:", check_same_thread=False)
        index.execute("CREATE VIRTUAL TABLE texts USING fts5(id UNINDEXED, title, body, said, tokenize='trigram')")
        index.executemany("INSERT INTO texts VALUES (?, ?, ?, ?)", [
            (a.id, a.title or "", a.body,
             "\n".join(s.content for s in a.statements) if isinstance(a, AnalyzedArticle) else "")
            for a in articles])
        return cls({a.id: a for a in articles}, stories,
                   {article: d.id for d in stories for article in d.articles},
                   citable(analysed), index)

    def search(self, query: str, since: str | None, until: str | None, site: str | None) -> list[Article]:
        words = query.strip()
        if len(words) >= 3:
            phrase = '"' + words.replace('"', '""') + '"'
            ids = [r[0] for r in self.index.execute(
                "SELECT id FROM texts WHERE texts MATCH ? ORDER BY rank", (phrase,))]
        else:
            ids = [r[0] for r in self.index.execute(
                "SELECT id FROM texts WHERE instr(title, ?) OR instr(body, ?) OR instr(said, ?)",
                (words, words, words))] if words else []
        found = [self.articles[i] for i in ids]
        return [a for a in found if _within(a, since, until) and (site is None or a.site == site)][:SEARCH_LIMIT]


def _within(article: Article, since: str | None, until: str | None) -> bool:
    day = (article.published or "")[:10]
    return (since is None or (bool(day) and day >= since)) and (until is None or (bool(day) and day <= until))


def create_app(db: Path) -> FastAPI:
    corpus = Corpus.load(db)
    env = environment()
    app = FastAPI(title="matome", description="Sourced digests of Japanese news, from a local store.")

    def page(template: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context))

    def story(story_id: str) -> Digest:
        found = next((d for d in corpus.stories if d.id == story_id), None)
        if found is None:
            raise HTTPException(404, f"no story {story_id}")
        return found

    def article(article_id: str) -> Article:
        if article_id not in corpus.articles:
            raise HTTPException(404, f"no article {article_id}")
        return corpus.articles[article_id]

    @app.get("/", response_class=HTMLResponse)
    @app.get("/index.html", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(page_number: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        start = (page_number - 1) * PAGE_SIZE
        shown = corpus.stories[start: start + PAGE_SIZE]
        return page("app/stories.html.j2", stories=shown, page=page_number,
                    pages=max(1, -(-len(corpus.stories) // PAGE_SIZE)), total=len(corpus.stories),
                    article_count=len(corpus.articles))

    @app.get("/style.css", response_class=PlainTextResponse, include_in_schema=False)
    def style() -> PlainTextResponse:
        css = files("matome.render").joinpath("templates", "style.css").read_text(encoding="utf-8")
        return PlainTextResponse(css, media_type="text/css")

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        return HTMLResponse(render_story_page(story(story_id), corpus.sentences, base="/"))

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str) -> HTMLResponse:
        found = article(article_id)
        return page("app/article.html.j2", a=found, story=corpus.story_of.get(found.id), link=web_url(found.url))

    @app.get("/actors/{canonical:path}", response_class=HTMLResponse)
    def actor_page(canonical: str) -> HTMLResponse:
        said = sorted(((a, s) for a in corpus.articles.values() if isinstance(a, AnalyzedArticle)
                       for s in a.statements if canonical in (s.speaker_canonical, s.speaker)),
                      key=lambda pair: pair[0].published or "", reverse=True)
        if not said:
            raise HTTPException(404, f"no statement by {canonical}")
        return page("app/actor.html.j2", name=said[0][1].speaker or canonical, said=said)

    @app.get("/outlets/{site:path}", response_class=HTMLResponse)
    def outlet_page(site: str) -> HTMLResponse:
        covered = sorted((a for a in corpus.articles.values() if a.site == site),
                         key=lambda a: a.published or "", reverse=True)
        if not covered:
            raise HTTPException(404, f"no article from {site}")
        return page("app/outlet.html.j2", site=site, articles=covered, story_of=corpus.story_of)

    @app.get("/search", response_class=HTMLResponse)
    def search_page(q: str = "", since: str | None = None, until: str | None = None,
                    site: str | None = None) -> HTMLResponse:
        start, end, where = _day(since), _day(until), site or None
        hits = corpus.search(q, start, end, where)
        return page("app/search.html.j2", q=q, since=start or "", until=end or "", site=where or "", hits=hits,
                    story_of=corpus.story_of)

    @app.get("/api/stories")
    def api_stories(page_number: int = Query(1, alias="page", ge=1)) -> list[dict[str, Any]]:
        start = (page_number - 1) * PAGE_SIZE
        return [{"id": d.id, "title": d.title, "day": story_day(d), "sources": len(d.cards),
                 "outlets": sorted({c.outlet for c in d.cards if c.outlet})}
                for d in corpus.stories[start: start + PAGE_SIZE]]

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> dict[str, Any]:
        return story(story_id).to_dict()

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> dict[str, Any]:
        return article(article_id).to_dict()

    @app.get("/api/search")
    def api_search(q: str = "", since: str | None = None, until: str | None = None,
                   site: str | None = None) -> list[dict[str, Any]]:
        return [{"id": a.id, "title": a.title, "published": a.published, "site": a.site,
                 "story": corpus.story_of.get(a.id)} for a in corpus.search(q, _day(since), _day(until), site or None)]

    return app


def _day(value: str | None) -> str | None:
    """A date filter as a form sends it: empty means none; a value that is not a date is a 422 naming it."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise HTTPException(422, f"{value!r} is not a date (YYYY-MM-DD)") from error
