"""Settings with typed defaults; an optional TOML file and CLI flags override them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


MAX_PAGE_TIMEOUT = 86_400.0  # a day: the timer cannot take much more on every platform


@dataclass(frozen=True, slots=True)
class ReadConfig:
    """How pages are read."""

    max_page_bytes: int = 20 * 1024 * 1024
    """Pages larger than this are skipped with `page-too-large` (extraction time grows with size)."""
    max_feed_bytes: int = 32 * 1024 * 1024
    """RSS/Atom files larger than this are skipped with `feed-too-large` (the feed parser holds it all)."""
    max_json_line_bytes: int = 20 * 1024 * 1024
    """A JSON Lines line longer than this is skipped with `line-too-large`, read past without being held."""
    max_extract_chars: int = 2_000_000
    """HTML characters handed to main-text extraction; the rest of a larger page is left unread (`page-cut`)."""
    max_line_chars: int = 10_000
    """A line of text longer than this is cut into pieces of this length (`long-line`), so that later steps never
    meet one unbounded line."""
    max_comments: int = 5_000
    """Comments kept per thread; the rest are dropped with a `comments-capped` warning."""
    page_timeout: float = 30.0
    """Seconds one page may take to read; a slower page is abandoned with a `timeout` failure."""

    def __post_init__(self) -> None:
        for key in ("max_page_bytes", "max_feed_bytes", "max_json_line_bytes"):
            if getattr(self, key) <= 0:
                raise ConfigError(f"read.{key} must be a positive number of bytes, not {getattr(self, key)}")
        for key in ("max_extract_chars", "max_line_chars", "max_comments"):
            if getattr(self, key) <= 0:
                raise ConfigError(f"read.{key} must be a positive whole number, not {getattr(self, key)}")
        if not 0 < self.page_timeout <= MAX_PAGE_TIMEOUT:
            limit = f" (at most {MAX_PAGE_TIMEOUT:,.0f})" if self.page_timeout > MAX_PAGE_TIMEOUT else ""
            raise ConfigError(f"read.page_timeout must be a positive number of seconds{limit}, not {self.page_timeout}")

    def too_large(self, size: int, key: str = "max_page_bytes") -> str | None:
        """Why something of `size` bytes is skipped under the limit `key` (a page by default), or None."""
        limit: int = getattr(self, key)
        if size <= limit:
            return None
        what = {"max_feed_bytes": "feed", "max_json_line_bytes": "JSON Lines line"}.get(key, "page")
        return f"{size:,} bytes is over the {limit:,}-byte {what} limit (set read.{key} to raise it)"


@dataclass(frozen=True, slots=True)
class Source:
    """One place `matome update` looks for news: a feed, a sitemap or one page."""

    feed: str = ""
    sitemap: str = ""
    url: str = ""
    delay: float = 0.0  # seconds between two requests to this source's host, when longer than [update] delay


FETCH_DELAY = 1.0  # seconds between two requests to one host, by default
FETCH_TIMEOUT = 20.0  # seconds to wait for a response, by default


@dataclass(frozen=True, slots=True)
class UpdateConfig:
    """`matome update`: where the news comes from, where the archive and digests go, how politely to ask."""

    archive: str = "archive"
    out: str = "digests"
    delay: float = FETCH_DELAY
    timeout: float = FETCH_TIMEOUT
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    read: ReadConfig = ReadConfig()
    db: str = "matome.db"
    update: UpdateConfig = UpdateConfig()


class ConfigError(ValueError):
    """A setting that cannot be used; the message names its key."""


def load_config(path: Path | None = None, **overrides: Any) -> Config:
    """Defaults, then `[read]` and top-level keys of a TOML file, then keyword overrides; every value checked."""
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"not valid TOML: {error}") from error
    read, update = data.get("read", {}), data.get("update", {})
    for name, table in (("read", read), ("update", update)):
        if not isinstance(table, dict):
            raise ConfigError(f"{name} must be a table ([{name}]), not a single value")
    top = {k: v for k, v in data.items() if k not in ("read", "update")}
    top.update({k: v for k, v in overrides.items() if v is not None})
    return Config(read=ReadConfig(**_checked(ReadConfig, "read.", read)), update=_update(update),
                  **_checked(Config, "", top))


def _update(table: dict[str, Any]) -> UpdateConfig:
    sources = table.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, dict) for s in sources):
        raise ConfigError("update.sources must be a list of tables ([[update.sources]])")
    checked = []
    for n, source in enumerate(sources):
        values = _checked(Source, f"update.sources[{n}].", source)
        where = [v for k, v in values.items() if k in ("feed", "sitemap", "url") and v]
        if len(where) != 1 or not str(where[0]).startswith(("http://", "https://")):
            raise ConfigError(f"update.sources[{n}] must have one of feed, sitemap or url, an http(s) URL")
        if values.get("delay", 0.0) < 0:
            raise ConfigError(f"update.sources[{n}].delay must not be negative, not {values['delay']}")
        checked.append(Source(**values))
    rest = _checked(UpdateConfig, "update.", {k: v for k, v in table.items() if k != "sources"})
    for key in ("delay", "timeout"):
        if key in rest and rest[key] < 0:
            raise ConfigError(f"update.{key} must not be negative, not {rest[key]}")
    return UpdateConfig(**rest, sources=tuple(checked))


def _checked(kind: type, prefix: str, values: dict[str, Any]) -> dict[str, Any]:
    """The values, each a known key of `kind` with the type of its default."""
    known = {f.name: f for f in fields(kind) if f.name not in ("read", "update", "sources")}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{prefix}{key} is not a setting (known: {', '.join(prefix + k for k in known)})")
        wanted = type(known[key].default)
        if wanted is float and isinstance(value, int) and not isinstance(value, bool):
            values[key] = value = float(value)
        if not isinstance(value, wanted) or isinstance(value, bool) != (wanted is bool):
            raise ConfigError(f"{prefix}{key} must be {_NAMES.get(wanted, wanted.__name__)}, not {value!r}")
    return values


_NAMES = {int: "a whole number", str: "a string", bool: "true or false", float: "a number"}
