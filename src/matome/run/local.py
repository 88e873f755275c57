"""The local executor: read pages in this process and store them, with progress and a closing summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from matome.config import ReadConfig
from matome.read import read_paths
from matome.records import Article, ReadFailure
from matome.store import Store


@dataclass
class IngestSummary:
    """What one ingest did: counts by outcome and the failures with their reasons."""

    read: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[ReadFailure] = field(default_factory=list)

    def lines(self) -> list[str]:
        skipped = Counter(f.code for f in self.failures)
        reasons = ", ".join(f"{code} {n}" for code, n in sorted(skipped.items()))
        counts = (f"read {self.read}, stored {self.outcomes['stored']}, updated {self.outcomes['updated']}, "
                  f"unchanged {self.outcomes['unchanged']}, skipped {len(self.failures)}")
        return [counts + (f" ({reasons})" if reasons else "")]


def ingest(paths: Iterable[str | Path], store: Store, config: ReadConfig = ReadConfig(),
           on_item: Callable[[Article | ReadFailure], None] | None = None,
           analyze: Callable[[Article], Article] | None = None) -> IngestSummary:
    """Read (and analyze) every page under `paths` into `store`; each article is committed as soon as it is read."""
    summary = IngestSummary()
    for item in read_paths(paths, config):
        if isinstance(item, ReadFailure):
            summary.failures.append(item)
            store.note_failure(item)
        else:
            summary.read += 1
            summary.outcomes[store.put(analyze(item) if analyze else item)] += 1
        if on_item:
            on_item(item)
    return summary
