"""Storage of article records: SQLite by default."""

from matome.store.sqlite import Store

__all__ = ["Store"]
