"""matome: read Japanese news pages and turn them into sourced digests that a reader can check."""

from matome.language.analyze import Analyzer
from matome.read import read_page, read_paths
from matome.records import AnalyzedArticle, Article, Comment, Digest, Page, ReadFailure, SourceCard
from matome.stories.digest import build_digests

__all__ = ["AnalyzedArticle", "Analyzer", "Article", "Comment", "Digest", "Page", "ReadFailure", "SourceCard",
           "build_digests", "read_page", "read_paths"]
__version__ = "0.1.0"
