"""Points and disagreements on the gold events (benchmarks/gold/events.jsonl): are they real? Judged by reading.

For every gold event that two or more livedoor publishers report, the event's articles are analysed as `matome
digest` analyses them (the publisher, a livedoor category, as the outlet) and their original reports aligned into
points (stories/points.py); disagreements are found on those points and statements (stories/disagreements.py).
Stories come from the gold, so clustering errors do not enter. Judgements (benchmarks/gold/points-judgements.jsonl:
sentence ids and a verdict, no text) say whether each point's sentences state the same thing and whether each
disagreement is real; this benchmark prints the share of judged points that hold, the precision of judged
disagreements per kind, and what is not judged yet.

    python benchmarks/points.py                 # figures
    python benchmarks/points.py --sheet FILE    # a worksheet of what is not judged yet (quotes the text: keep it
                                                # outside the repository)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from livedoor import CORPUS, GOLD, as_article, load_corpus, load_gold

JUDGEMENTS = GOLD / "points-judgements.jsonl"


def events() -> dict[str, list[str]]:
    """Gold events with articles from two or more publishers (livedoor categories)."""
    members: dict[str, list[str]] = defaultdict(list)
    for row in load_gold("events.jsonl"):
        members[row["event"]].append(row["article"])
    return {e: sorted(a) for e, a in members.items() if len({x.rsplit("-", 1)[0] for x in a}) >= 2}


def found(stories: dict[str, list[str]] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every multi-source point and every disagreement of the stories (the gold events unless given), keyed by
    sentence ids."""
    from matome.language.analyze import Analyzer
    from matome.stories.disagreements import disagreements
    from matome.stories.duplicates import copy_groups
    from matome.stories.points import alignments
    from matome.stories.reports import reports_of

    analyzer = Analyzer()
    gold = stories if stories is not None else events()
    rows = load_corpus(a for members in gold.values() for a in members)
    points, differ = [], []
    for event, members in sorted(gold.items()):
        articles = [analyzer.analyze(replace(as_article(rows[a]), site=rows[a]["category"])) for a in members]
        originals = [g[0] for g in copy_groups([r for a in articles for r in reports_of(a)])]
        outlets = {s.id: r.outlet or r.id for r in originals for s in r.sentences}
        aligned = alignments(originals, analyzer.tokenize)
        for group in aligned.points:
            points.append({"event": event, "key": "|".join(sorted(m.sentence.id for m in group)),
                           "sentences": [[m.sentence.id, m.report.outlet, m.sentence.text] for m in group]})
        for item in disagreements(originals, aligned.compared, lambda i, names=outlets: names.get(i, "?"),
                                  analyzer.tokenize):
            differ.append({"event": event, "kind": item.kind, "point": item.point,
                           "key": item.kind + ":" + "|".join(sorted(s.sentence for s in item.sides)),
                           "sides": [[s.sentence, s.source, s.speaker, s.content] for s in item.sides]})
    return points, differ


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sheet", type=Path, help="write what is not judged yet to this file")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    judged = {}
    if JUDGEMENTS.exists():
        judged = {j["key"]: j for j in map(json.loads, JUDGEMENTS.read_text(encoding="utf-8").splitlines())}
    stories = events()
    points, differ = found(stories)
    sources = Counter(len(p["sentences"]) for p in points)
    print(f"{len(stories)} gold events of 2+ publishers: {len(points)} points carried by 2+ reports "
          f"({', '.join(f'{n} by {k}' for k, n in sorted(sources.items()))}), {len(differ)} disagreements")
    verdicts = [judged[p["key"]]["same"] for p in points if p["key"] in judged]
    if verdicts:
        print(f"points judged: {len(verdicts)}; their sentences state the same thing in {sum(verdicts)} "
              f"({sum(verdicts) / len(verdicts):.1%})")
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for item in differ:
        if item["key"] in judged:
            by_kind[item["kind"]].append(judged[item["key"]]["real"])
    for kind in sorted({d["kind"] for d in differ}):
        count = sum(1 for d in differ if d["kind"] == kind)
        real = by_kind.get(kind, [])
        precision = f"{sum(real)}/{len(real)} real ({sum(real) / len(real):.0%})" if real else "not judged"
        print(f"  {kind:12} {count:3} found, {precision}")
    everything = [v for values in by_kind.values() for v in values]
    if everything:
        print(f"disagreement precision, all kinds: {sum(everything)}/{len(everything)} "
              f"({sum(everything) / len(everything):.1%})")
    open_items = [p for p in points if p["key"] not in judged] + [d for d in differ if d["key"] not in judged]
    print(f"not judged yet: {len(open_items)}")
    if args.sheet:
        args.sheet.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in open_items),
                              encoding="utf-8")
        print(f"worksheet: {args.sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
