"""Typed errors of the matome library; the CLI turns them into one line with a remedy."""

from __future__ import annotations


class MatomeError(Exception):
    """Base class: every error carries a stable code and a remedy for the person at the terminal."""

    code = "matome-error"
    remedy = ""

    def __init__(self, message: str, *, code: str | None = None, remedy: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code
        if remedy is not None:
            self.remedy = remedy


class UnreadablePage(MatomeError):
    """A file or record that cannot be turned into a page (binary, empty, too large, unreadable)."""

    code = "unreadable-page"


class StoreError(MatomeError):
    """The SQLite store cannot be opened or does not hold what was asked for."""

    code = "store-error"
    remedy = "check the --db path, or run `matome ingest` first"


class RecordNotFound(StoreError):
    code = "record-not-found"
    remedy = "`matome list` prints the stored ids"
