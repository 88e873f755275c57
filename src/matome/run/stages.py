"""The per-record stages in pipeline order, language then comments, with one failure policy.

A record that fails a stage, or runs past read.page_timeout in them, becomes a failure naming the record, the stage
and the exception; the caller counts it, warns about it and keeps it in its rejects, and the rest of the batch goes
on. Records already analysed (loaded from a store) pass through unchanged.
"""

from __future__ import annotations

import logging

from matome.comments.digest import read_comments
from matome.config import ReadConfig
from matome.language.analyze import Analyzer
from matome.read.budget import PageTimeout, check_time, page_budget
from matome.records import AnalyzedArticle, Article, ReadFailure

log = logging.getLogger(__name__)


class Stages:
    """Callable: Article -> AnalyzedArticle (with its thread flagged and digested), or the failure of a stage."""

    def __init__(self, syntax: bool = True, timeout: float = ReadConfig().page_timeout) -> None:
        self.analyzer = Analyzer(syntax=syntax)
        self.tokenize = self.analyzer.tokenize
        self.timeout = timeout  # seconds for both stages of one record (read.page_timeout)

    def __call__(self, article: Article) -> AnalyzedArticle | ReadFailure:
        if isinstance(article, AnalyzedArticle):
            return article
        stage = "language"
        try:
            with page_budget(self.timeout):
                analyzed = self.analyzer.analyze(article)
                check_time("analysing")
                stage = "comments"
                return read_comments(analyzed, self.tokenize)
        except PageTimeout as timeout:  # one slow record must not hold up the batch either
            return ReadFailure(article.origin, "timeout", f"the {stage} stage: {timeout}", stage=stage,
                               article=article.id)
        except Exception as error:  # a bug on one record must not end the batch
            log.debug("the %s stage failed on %s", stage, article.origin.label(), exc_info=True)
            return ReadFailure(article.origin, f"{stage}-failed", f"{type(error).__name__}: {error}", stage=stage,
                               article=article.id)
