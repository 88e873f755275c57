"""matome: read Japanese news pages and turn them into sourced digests that a reader can check.

The names below load on first use, so importing one stage loads that stage alone.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Analyzer": "matome.language.analyze",
    "read_page": "matome.read",
    "read_paths": "matome.read",
    "AnalyzedArticle": "matome.records",
    "Article": "matome.records",
    "Comment": "matome.records",
    "Digest": "matome.records",
    "Page": "matome.records",
    "ReadFailure": "matome.records",
    "SourceCard": "matome.records",
    "build_digests": "matome.stories.digest",
}
__all__ = sorted(_EXPORTS)
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'matome' has no attribute {name!r}")
