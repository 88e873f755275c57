"""False alarms of the title check on real news: `analyze` over the topic-news articles of livedoor (2012).

Every check printed here is either a real error in the article or a bug to fix; read them and count. The figure is the
number of articles and of checks, by code.

    python benchmarks/title_checks.py [--category topic-news]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "livedoor-news-corpus" / "ldcc.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--category", default="topic-news")
    parser.add_argument("--show", nargs="*", default=["title-wrong-for-date"], help="check codes to print in full")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return 0
    sys.path.insert(0, str(ROOT / "src"))
    from matome.language.analyze import Analyzer
    from matome.records import Article, Origin

    analyzer = Analyzer()
    rows = [r for line in DATA.open(encoding="utf-8") if (r := json.loads(line))["category"] == args.category]
    counts: Counter[str] = Counter()
    chances = 0
    for row in rows:
        article = Article(id=row["id"], origin=Origin("jsonl", url=row["url"]), kind="article", title=row["title"],
                          body=row["body"], published=row["date"][:10])
        result = analyzer.analyze(article)
        texts = {s.id: s.text for s in result.sentences}
        chances += sum(1 for e in result.entities if e.title and analyzer.gazetteer.terms(e.canonical, e.title))
        for check in result.checks:
            counts[check.code] += 1
            if check.code in args.show:
                print(f"{row['id']} {row['date'][:10]} {check.code}: {check.message}\n"
                      f"    {texts.get(check.sentence or '', '')[:120]}")
    print(f"\n{len(rows)} {args.category} articles; {chances} person mentions with a title the gazetteer has terms "
          f"for; checks by code: {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
