"""The embedded store: one SQLite file, one row per article keyed by its content hash; SQL is parameterised."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from matome.errors import RecordNotFound, StoreError
from matome.records import AnalyzedArticle, Article, ReadFailure

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    origin TEXT NOT NULL,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS failures (
    origin TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (origin, code)
);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Articles in SQLite. `put` is idempotent: the same page twice is one row."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot open {self.path} as a matome store: {error}") from error

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def put(self, article: Article) -> str:
        """Store one article and commit: returns `stored`, `unchanged` or `updated`."""
        record = json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True)
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row and row[0] == record:
            return "unchanged"
        now = _now()
        with self.db:
            self.db.execute(
                "INSERT INTO articles (id, kind, url, title, published, origin, record, ingested_at, changed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
                "url = excluded.url, title = excluded.title, published = excluded.published, "
                "origin = excluded.origin, record = excluded.record, changed_at = excluded.changed_at",
                (article.id, article.kind, article.url, article.title, article.published,
                 article.origin.label(), record, now, now),
            )
        return "updated" if row else "stored"

    def note_failure(self, failure: ReadFailure) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO failures (origin, code, message, seen_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(origin, code) DO UPDATE SET message = excluded.message, seen_at = excluded.seen_at",
                (failure.origin.label(), failure.code, failure.message, _now()),
            )

    def get(self, id_or_prefix: str) -> Article:
        """One article by id, or by an unambiguous id prefix of at least 4 characters."""
        rows = self.db.execute(
            "SELECT record FROM articles WHERE id = ? OR (length(?) >= 4 AND id LIKE ? || '%') LIMIT 2",
            (id_or_prefix, id_or_prefix, id_or_prefix.replace("%", "").replace("_", "")),
        ).fetchall()
        if not rows:
            raise RecordNotFound(f"no stored article has the id {id_or_prefix!r} in {self.path}")
        if len(rows) > 1:
            raise RecordNotFound(f"the id prefix {id_or_prefix!r} matches several articles; give more characters",
                                 remedy="use the full 16-character id")
        return _article(json.loads(rows[0][0]))

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def listing(self, since: str | None = None, site: str | None = None) -> list[tuple[str, str | None, str | None,
                                                                                      str | None]]:
        """(id, published, site, title) of stored articles, newest first; `since` an ISO date, `site` a host."""
        rows = self.db.execute(
            "SELECT id, published, json_extract(record, '$.site'), title FROM articles "
            "WHERE (? IS NULL OR published >= ?) AND (? IS NULL OR json_extract(record, '$.site') = ?) "
            "ORDER BY published DESC, id", (since, since, site, site)).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def articles(self) -> list[Article]:
        rows = self.db.execute("SELECT record FROM articles ORDER BY published, id").fetchall()
        return [_article(json.loads(r[0])) for r in rows]


def _article(data: dict[str, object]) -> Article:
    return AnalyzedArticle.from_dict(data) if "sentences" in data else Article.from_dict(data)
