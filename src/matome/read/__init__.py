"""Reading: containers to pages, pages to article records."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from matome.config import ReadConfig
from matome.errors import UnreadablePage
from matome.read.budget import PageTimeout, page_budget
from matome.read.containers import iter_listed, iter_pages, list_files, listed_files
from matome.read.page import read_page
from matome.records import Article, Page, ReadFailure

log = logging.getLogger(__name__)

__all__ = ["iter_listed", "iter_pages", "list_files", "listed_files", "read_one", "read_page",
           "read_paths"]


def read_one(page: Page, config: ReadConfig = ReadConfig()) -> Article | ReadFailure:
    """read_page that never raises: a page that cannot be read becomes a ReadFailure naming the reason, and one
    that takes longer than read.page_timeout a `timeout` failure."""
    try:
        with page_budget(config.page_timeout):
            return read_page(page, config)
    except PageTimeout as error:
        log.debug("reading %s timed out", page.origin.label())
        return ReadFailure(page.origin, "timeout", str(error))
    except UnreadablePage as error:
        return ReadFailure(page.origin, error.code, str(error))
    except Exception as error:  # a bug or a pathological page must not stop a batch
        log.exception("reading %s failed", page.origin.label())
        return ReadFailure(page.origin, "read-failed", f"{type(error).__name__}: {error}")


def read_paths(paths: Iterable[str | Path], config: ReadConfig = ReadConfig()) -> Iterator[Article | ReadFailure]:
    """Every article under `paths`, with a ReadFailure in place of each page or file that could not be read."""
    for item in iter_pages(paths, config):
        yield item if isinstance(item, ReadFailure) else read_one(item, config)
