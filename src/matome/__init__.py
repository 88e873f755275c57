"""matome: read Japanese news pages and turn them into sourced digests that a reader can check."""

from matome.read import read_page, read_paths
from matome.records import Article, Comment, Page, ReadFailure, SourceCard

__all__ = ["Article", "Comment", "Page", "ReadFailure", "SourceCard", "read_page", "read_paths"]
__version__ = "0.1.0"
