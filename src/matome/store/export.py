"""Tables for other tools: articles, sentences, entities, statements, stories and points, as JSON Lines, CSV or Parquet.

One file per table (`DIR/<table>.<format>`); the columns are described in docs/records.md ("Exported tables"). A CSV
cell that begins with `=`, `+`, `-` or `@` gets a leading apostrophe, so a spreadsheet shows it as text and never runs
it as a formula.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from matome.records import AnalyzedArticle, Article, Digest

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Row = dict[str, Any]


def tables(articles: Iterable[Article], digests: Iterable[Digest]) -> dict[str, list[Row]]:
    """Every table's rows; list-valued cells are JSON text in CSV and lists in JSON Lines and Parquet."""
    articles = list(articles)
    analysed = [a for a in articles if isinstance(a, AnalyzedArticle)]
    return {
        "articles": [{"id": a.id, "kind": a.kind, "url": a.url, "site": a.site, "title": a.title,
                      "author": a.author, "published": a.published, "body": a.body, "comments": len(a.comments)}
                     for a in articles],
        "sentences": [{"article": a.id, "id": s.id, "part": s.part, "paragraph": s.paragraph, "text": s.text}
                      for a in analysed for s in a.sentences],
        "entities": [{"article": a.id, "sentence": e.sentence, "text": e.text, "type": e.type,
                      "canonical": e.canonical, "title": e.title, "start": e.start, "end": e.end}
                     for a in analysed for e in a.entities],
        "statements": [{"article": a.id, "sentence": s.sentence, "speaker": s.speaker,
                        "speaker_canonical": s.speaker_canonical, "cue": s.cue, "content": s.content,
                        "direct": s.direct, "reported_by": s.reported_by, "quoted_speaker": s.quoted_speaker}
                       for a in analysed for s in a.statements],
        "stories": [{"id": d.id, "title": d.title, "lead": d.lead.text, "articles": list(d.articles),
                     "disagreements": len(d.disagreements), "checks": [c.code for c in d.checks]}
                    for d in digests],
        "points": [{"story": d.id, "text": p.text, "support": list(p.support), "sources": list(p.sources)}
                   for d in digests for p in d.points],
    }


def export(rows_by_table: dict[str, list[Row]], out: Path, fmt: str) -> list[Path]:
    """Write each table to `out`; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in rows_by_table.items():
        path = out / f"{name}.{fmt}"
        if fmt == "jsonl":
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        elif fmt == "csv":
            _csv(path, rows)
        else:
            _parquet(path, rows)
        written.append(path)
    return written


def _csv(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        if not rows:
            return
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _parquet(path: Path, rows: list[Row]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)
