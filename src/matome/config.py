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


@dataclass(frozen=True, slots=True)
class ReadConfig:
    """How pages are read."""

    max_page_bytes: int = 20 * 1024 * 1024
    """Pages larger than this are skipped with `page-too-large` (extraction time grows with size)."""

    def __post_init__(self) -> None:
        if self.max_page_bytes <= 0:
            raise ConfigError(f"read.max_page_bytes must be a positive number of bytes, not {self.max_page_bytes}")

    def too_large(self, size: int) -> str | None:
        """Why a page of `size` bytes is skipped, or None when it is small enough."""
        if size <= self.max_page_bytes:
            return None
        limit = f"{self.max_page_bytes:,}-byte page limit"
        return f"{size:,} bytes is over the {limit} (set read.max_page_bytes to raise it)"


@dataclass(frozen=True, slots=True)
class Config:
    read: ReadConfig = ReadConfig()
    db: str = "matome.db"


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
    read = data.get("read", {})
    if not isinstance(read, dict):
        raise ConfigError("read must be a table ([read]), not a single value")
    top = {k: v for k, v in data.items() if k != "read"}
    top.update({k: v for k, v in overrides.items() if v is not None})
    return Config(read=ReadConfig(**_checked(ReadConfig, "read.", read)), **_checked(Config, "", top))


def _checked(kind: type, prefix: str, values: dict[str, Any]) -> dict[str, Any]:
    """The values, each a known key of `kind` with the type of its default."""
    known = {f.name: f for f in fields(kind) if f.name != "read"}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{prefix}{key} is not a setting (known: {', '.join(prefix + k for k in known)})")
        wanted = type(known[key].default)
        if not isinstance(value, wanted) or isinstance(value, bool) != (wanted is bool):
            raise ConfigError(f"{prefix}{key} must be {_NAMES.get(wanted, wanted.__name__)}, not {value!r}")
    return values


_NAMES = {int: "a whole number", str: "a string", bool: "true or false", float: "a number"}
