"""The embedded store: one SQLite file, one row per article keyed by its content hash; SQL is parameterised.

Every write is one short transaction taken with the write lock (BEGIN IMMEDIATE), so two ingests into one store count
honestly; any SQLite error (a full disk, a read-only or locked store, a damaged file) becomes a one-line StoreError
naming the store, and what was committed before stays.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import overload

from matome.errors import RecordNotFound, StoreError
from matome.records import AnalyzedArticle, Article, ReadFailure
from matome.text.normalize import replace_surrogates

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


LOCK_WAIT = 10.0  # seconds to wait for another writer before the store counts as locked
_REMEDIES = (
    ("full", "free some disk space and run the command again; what was stored so far is kept"),
    ("locked", "another command is writing to this store: run this one when it has finished"),
    ("readonly", "the store or its directory is read-only: give a writable --db"),
    ("read-only", "the store or its directory is read-only: give a writable --db"),
    ("unable to open", "the store's directory must exist and be writable: give another --db"),
    ("malformed", "the store is damaged: restore a copy, or give a new --db and ingest again"),
    ("not a database", "this file is not a matome store: give another --db"),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Articles in SQLite. `put` is idempotent: the same page twice is one row."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=LOCK_WAIT)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.executescript(SCHEMA)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open {self.path} as a matome store: {error}", remedy=_remedy(error)) from error

    @contextmanager
    def _failing(self, doing: str) -> Iterator[None]:
        """SQLite errors as one-line StoreErrors naming the store, with a remedy; an open write is rolled back."""
        try:
            yield
        except sqlite3.Error as error:
            if self.db.in_transaction:
                self.db.rollback()
            raise StoreError(f"cannot {doing} the store {self.path}: {error}", remedy=_remedy(error)) from error

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction holding the write lock from its first read, committed at the end."""
        with self._failing("write to"):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.db.commit()
            except BaseException:
                self.db.rollback()
                raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def put(self, article: Article) -> str:
        """Store one article and commit: returns `stored`, `unchanged`, `updated`, or `duplicate` for the same
        record read from another place (another line of a file, another file): the first place read is kept."""
        record = _clean(json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True))
        with self._write():
            row = self.db.execute("SELECT record FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row and row[0] == record:
                return "unchanged"
            if row and _apart_from_origin(row[0]) == _apart_from_origin(record):
                return "duplicate"
            now = _now()
            self.db.execute(
                "INSERT INTO articles (id, kind, url, title, published, origin, record, ingested_at, changed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, "
                "url = excluded.url, title = excluded.title, published = excluded.published, "
                "origin = excluded.origin, record = excluded.record, changed_at = excluded.changed_at",
                (article.id, article.kind, _clean(article.url), _clean(article.title), article.published,
                 _clean(article.origin.label()), record, now, now),
            )
        return "updated" if row else "stored"

    def note_failure(self, failure: ReadFailure) -> None:
        with self._write():
            self.db.execute(
                "INSERT INTO failures (origin, code, message, seen_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(origin, code) DO UPDATE SET message = excluded.message, seen_at = excluded.seen_at",
                (_clean(failure.origin.label()), failure.code, _clean(failure.message), _now()),
            )

    def get(self, id_or_prefix: str) -> Article:
        """One article by id, or by an unambiguous id prefix of at least 4 characters."""
        id_or_prefix = _clean(id_or_prefix)  # a command-line argument may hold undecodable bytes
        with self._failing("read"):
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
        with self._failing("read"):
            return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def last_change(self) -> datetime | None:
        """When an article was last stored or changed (UTC); None for an empty store."""
        with self._failing("read"):
            latest = self.db.execute("SELECT max(changed_at) FROM articles").fetchone()[0]
        return datetime.fromisoformat(latest) if latest else None

    def listing(self, since: str | None = None, site: str | None = None) -> list[tuple[str, str | None, str | None,
                                                                                      str | None]]:
        """(id, published, site, title) of stored articles, newest first; `since` an ISO date, `site` a host."""
        since, site = _clean(since), _clean(site)
        with self._failing("read"):
            rows = self.db.execute(
                "SELECT id, published, json_extract(record, '$.site'), title FROM articles "
                "WHERE (? IS NULL OR published >= ?) AND (? IS NULL OR json_extract(record, '$.site') = ?) "
                "ORDER BY published DESC, id", (since, since, site, site)).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def articles(self) -> list[Article]:
        with self._failing("read"):
            rows = self.db.execute("SELECT record FROM articles ORDER BY published, id").fetchall()
        return [_article(json.loads(r[0])) for r in rows]


@overload
def _clean(text: str) -> str: ...
@overload
def _clean(text: None) -> None: ...
def _clean(text: str | None) -> str | None:
    """Text SQLite can store as UTF-8: a lone surrogate (half a character) becomes U+FFFD."""
    return replace_surrogates(text) if text else text


def _apart_from_origin(record: str) -> object:
    data = json.loads(record)
    data.pop("origin", None)
    return data


def _remedy(error: sqlite3.Error) -> str:
    message = str(error).lower()
    return next((remedy for key, remedy in _REMEDIES if key in message), "check the --db path and its disk")


def _article(data: dict[str, object]) -> Article:
    return AnalyzedArticle.from_dict(data) if "sentences" in data else Article.from_dict(data)
