"""Who said what on statement sets kept outside the repository: matome's syntax layer and the rules alone (the
baseline) in the same run, scored like benchmarks/statements.py.

The livedoor gold is soft news; the hard-news sets of round 9 (reports of ministers, police, courts, companies and
broadcasters) were built by helper sessions from the search tool's stored pages and stay outside the repository,
since their text is not ours to ship. Each set is a folder with
- `articles.jsonl`: {"id", "url", "title", "body"};
- `labels.jsonl`: one line per statement, {"article", "sentence" (its text, as in the body), "cue" (a substring of the
  sentence that occurs once in it), "speaker" (as written, or null), "content", "direct"}, and {"article", "sentence",
  "none": true} for a sentence that looks like speech and holds none.
Labels follow docs/annotation.md. A statement of matome's matches a gold one when their cues overlap in the body.

    python benchmarks/statements_external.py DIR [DIR ...] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from matome.language.analyze import Analyzer
from matome.records import AnalyzedArticle, Article, Origin, Statement
from statements import same_speaker

Span = tuple[int, int]


def load(folder: Path) -> tuple[dict[str, dict], list[dict]]:
    articles = {a["id"]: a for a in map(json.loads, (folder / "articles.jsonl").read_text("utf-8").splitlines())}
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return articles, labels


def placed(analyzed: AnalyzedArticle, body: str) -> list[tuple[Span, Statement]]:
    """matome's body statements with their cue spans in the body ((-1, -1), matching nothing, where a statement
    cannot be placed)."""
    starts: dict[str, int] = {}
    at = 0
    for sentence in analyzed.sentences:
        if sentence.part == "body" and (found := body.find(sentence.text, at)) >= 0:
            starts[sentence.id] = found
            at = found + len(sentence.text)
    in_body = {s.id for s in analyzed.sentences if s.part == "body"}
    return [((starts[s.sentence] + s.cue_start, starts[s.sentence] + (s.cue_end or s.cue_start + 1))
             if s.sentence in starts and s.cue_start is not None else (-1, -1), s)
            for s in analyzed.statements if s.sentence in in_body]


def gold_spans(body: str, labels: list[dict]) -> list[tuple[Span, dict]]:
    spans = []
    for label in labels:
        sentence = body.find(label["sentence"])
        cue = label["sentence"].find(label["cue"])
        if sentence < 0 or cue < 0:
            raise ValueError(f"{label['article']}: the label's sentence or cue is not in the text: {label['cue']}")
        spans.append(((sentence + cue, sentence + cue + len(label["cue"])), label))
    return spans


def score(analyzer: Analyzer, articles: dict[str, dict], labels: list[dict],
          errors: list[str] | None = None) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for article_id, row in articles.items():
        url = row["url"] if row["url"].startswith("http") else None
        article = Article(id=article_id, origin=Origin("jsonl"), kind="article", url=url,
                          title=row.get("title") or None, body=row["body"])
        mine = placed(analyzer.analyze(article), row["body"])
        used: set[int] = set()
        for (start, end), gold in gold_spans(row["body"], [g for g in labels
                                                             if g["article"] == article_id and not g.get("none")]):
            counts["gold"] += 1
            counts["gold named" if gold["speaker"] else "gold null"] += 1
            match = next((n for n, ((s, e), _) in enumerate(mine) if n not in used and s < end and start < e), None)
            if match is None:
                _note(errors, "missed", gold, None)
                continue
            used.add(match)
            statement = mine[match][1]
            right = same_speaker(statement, gold)
            counts["matched"] += 1
            counts["speaker given"] += bool(statement.speaker)
            counts["speaker right"] += bool(statement.speaker) and right
            counts["named found" if gold["speaker"] else "null kept"] += right
            if not right:
                _note(errors, "speaker", gold, statement)
        for n, (_, statement) in enumerate(mine):
            if n not in used:
                counts["spurious"] += 1
                counts["speaker given"] += bool(statement.speaker)
                _note(errors, "spurious", None, statement)
    found = counts["matched"] + counts["spurious"]
    return {"statements P": _ratio(counts["matched"], found), "statements R": _ratio(counts["matched"], counts["gold"]),
            "speaker precision": _ratio(counts["speaker right"], counts["speaker given"]),
            "speaker recall": _ratio(counts["named found"], counts["gold named"]),
            "null kept": _ratio(counts["null kept"], counts["gold null"]), "gold statements": counts["gold"],
            "found": found}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _note(errors: list[str] | None, kind: str, gold: dict | None, found: Statement | None) -> None:
    if errors is not None:
        want = f"gold {gold['speaker']!r} {gold['cue']!r}: {gold['sentence'][:80]}" if gold else ""
        got = f"matome {found.speaker!r} {found.cue!r}" if found else ""
        errors.append(f"[{kind}] {got} {want}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show-errors", action="store_true",
                        help="the syntax layer's errors (read them on development sets only)")
    args = parser.parse_args()
    folders = [f for f in args.folders if (f / "labels.jsonl").exists()]
    for missing in set(args.folders) - set(folders):
        print(f"skipped: {missing} has no labels.jsonl")
    errors: list[str] = []
    for name, analyzer in (("matome (syntax rules)", Analyzer()), ("rules alone (baseline)", Analyzer(syntax=False))):
        for folder in folders:
            articles, labels = load(folder)
            scores = score(analyzer, articles, labels, errors if args.show_errors and analyzer.parse else None)
            cells = "  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in scores.items())
            print(f"{name:24} {folder.name:8} {cells}")
    if errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
