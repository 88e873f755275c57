"""Settings with typed defaults; an optional TOML file and CLI flags override them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
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


def load_config(path: Path | None = None, **overrides: Any) -> Config:
    """Defaults, then `[read]` and top-level keys of a TOML file, then keyword overrides."""
    data: dict[str, Any] = {}
    if path is not None:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    read = ReadConfig(**data.get("read", {}))
    top = {k: v for k, v in data.items() if k != "read"}
    top.update({k: v for k, v in overrides.items() if v is not None})
    return Config(read=read, **top)
